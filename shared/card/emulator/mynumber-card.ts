// A software My Number Card: the 券面事項入力補助AP answering real APDUs (cards.md §1.3–§1.8)
// with real state — selected AP/EF, verified keys, and retry counters that persist across
// reset() like a card's EEPROM — plus the 共通AP card-info record (§1.10). It backs the demo
// mode and the tests of the reader; it is not a security boundary (the secrets sit in memory),
// but it never reveals them: toString, toJSON and Node's inspect show only the persona id.
// process() is synchronous (the RC-S380 fake device drives it): the signed files are built with
// synchronous BigInt RSA on first read and kept (a few ms each).
import { type CommandApdu, parseCommand, SW, statusResponse } from '../apdu.ts';
import { asciiBytes, equalBytes } from '../bytes.ts';
import { buildCollationB } from '../collation-b.ts';
import {
  COMMON_AP_AID,
  INPUT_SUPPORT_AP_AID,
  INPUT_SUPPORT_EF,
  INPUT_SUPPORT_TRIES,
} from '../mynumber/identifiers.ts';
import { encodeBasicFourInfoFile, encodeMyNumberFile } from './card-files.ts';
import { cardExpiryDate, cardFace, type Persona } from './personas.ts';
import { signRaw } from './rsa-sign.ts';
import {
  encodeCardKeyFile,
  encodeCertificateFile,
  encodeCommonCardInfo,
  encodeIntegrityFile,
} from './signed-files.ts';
import { TEST_CARD_KEY } from './test-ca.ts';

type KeyName = keyof typeof INPUT_SUPPORT_TRIES;
const KEY_BY_FID: ReadonlyMap<number, KeyName> = new Map([
  [INPUT_SUPPORT_EF.pinKey, 'pin'],
  [INPUT_SUPPORT_EF.collationAKey, 'collationA'],
  [INPUT_SUPPORT_EF.collationBKey, 'collationB'],
]);

interface DataFile {
  readonly bytes: () => Uint8Array;
  /** Any one of these keys verified opens the file (cards.md §1.7, measured on a card); 'free' = none needed. */
  readonly openedBy: readonly KeyName[] | 'free';
}

export interface EmulatorOptions {
  /**
   * Bytes the card answers before FF 20 in EF 0002. Reported for cards issued around 2023
   * (cards.md §1.6, UNVERIFIED); lets tests prove that the reader scans for the header.
   */
  readonly basicFourInfoLeadingBytes?: Uint8Array;
  /**
   * A forged card: EF 0002 holds this address while EF 0003 still holds the issuer's digest of the
   * real one. The reader must refuse the data (data-not-authentic).
   */
  readonly alteredAddress?: string;
}

const SW_COMMAND_INCOMPATIBLE = 0x6981; // READ BINARY on a key EF
const SW_WRONG_DATA = 0x6a80;
const COMMON_CARD_INFO_EF = 0x0001;
/** A fictional 15-digit card serial per persona: '9' + 14 digits from the persona id (FNV-1a). */
export function fictionalSerial(persona: { readonly id: string }): string {
  let h = 0x811c9dc5;
  for (const c of persona.id) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  return `9${String(h).padStart(14, '0').slice(-14)}`;
}
const nodeInspect: unique symbol = Symbol.for('nodejs.util.inspect.custom');

// Every emulated card carries the same issuer certificate (one TEST municipality), built once.
let certificateFile: Uint8Array | undefined;
let cardKeyFile: Uint8Array | undefined;

export class MyNumberCardEmulator {
  readonly personaId: string;
  readonly #secrets: Readonly<Record<KeyName, Uint8Array>>;
  readonly #files: ReadonlyMap<number, DataFile>;
  readonly #commonCardInfo: Uint8Array;
  readonly #triesLeft: Record<KeyName, number> = { ...INPUT_SUPPORT_TRIES };
  #ap: 'input-support' | 'common' | undefined;
  #currentFid: number | undefined;
  readonly #verified = new Set<KeyName>();

  constructor(persona: Persona, options: EmulatorOptions = {}) {
    const collationB = buildCollationB(cardFace(persona));
    if (!collationB.ok) throw new RangeError(`persona ${persona.id}: card face gives no 照合番号B`);
    this.personaId = persona.id;
    this.#secrets = {
      pin: asciiBytes(persona.pin),
      collationA: asciiBytes(persona.myNumber), // 照合番号A is the My Number itself (§1.7)
      collationB: asciiBytes(collationB.value),
    };
    const leading = options.basicFourInfoLeadingBytes ?? new Uint8Array(0);
    const myNumber = encodeMyNumberFile(persona.myNumber);
    const issued = encodeBasicFourInfoFile(persona);
    const stored = options.alteredAddress
      ? encodeBasicFourInfoFile({ ...persona, address: options.alteredAddress })
      : issued;
    const basicFourInfo = Uint8Array.from([...leading, ...stored]);
    let integrity: Uint8Array | undefined;
    const anyKey: readonly KeyName[] = ['pin', 'collationA', 'collationB'];
    this.#files = new Map<number, DataFile>([
      [INPUT_SUPPORT_EF.myNumber, { bytes: () => myNumber, openedBy: ['pin', 'collationA'] }],
      [INPUT_SUPPORT_EF.basicFourInfo, { bytes: () => basicFourInfo, openedBy: ['pin', 'collationB'] }],
      [
        INPUT_SUPPORT_EF.integrity,
        { bytes: () => (integrity ??= encodeIntegrityFile(myNumber, issued)), openedBy: anyKey },
      ],
      [
        INPUT_SUPPORT_EF.certificate,
        { bytes: () => (certificateFile ??= encodeCertificateFile()), openedBy: 'free' },
      ],
      [INPUT_SUPPORT_EF.cardKey, { bytes: () => (cardKeyFile ??= encodeCardKeyFile()), openedBy: anyKey }],
    ]);
    this.#commonCardInfo = encodeCommonCardInfo(
      fictionalSerial(persona),
      persona.municipalityCode ?? '13101',
      cardExpiryDate(persona),
    );
  }

  /** One command APDU in, one response APDU (always ≥ 2 bytes) out. */
  process(command: Uint8Array): Uint8Array {
    const parsed = parseCommand(command);
    if (!parsed.ok) return statusResponse(SW.wrongLength);
    const apdu = parsed.value;
    if (apdu.cla === 0x80 && apdu.ins === 0x2a) return this.#computeSignature(apdu);
    if (apdu.cla !== 0x00) return statusResponse(SW.claNotSupported);
    switch (apdu.ins) {
      case 0xa4:
        return this.#select(apdu);
      case 0x20:
        return this.#verify(apdu);
      case 0xb0:
        return this.#readBinary(apdu);
      case 0xb2:
        return this.#readRecord(apdu);
      default:
        return statusResponse(SW.insNotSupported);
    }
  }

  /** The card leaves the field (RF off): verification is lost, retry counters are not (§1.4, §1.5). */
  reset(): void {
    this.#ap = undefined;
    this.#currentFid = undefined;
    this.#verified.clear();
  }

  /** What the 市区町村窓口 does for a blocked card (初期化・再設定). Demo only. */
  restoreAllTries(): void {
    Object.assign(this.#triesLeft, INPUT_SUPPORT_TRIES);
  }

  toString(): string {
    return `[MyNumberCardEmulator ${this.personaId}]`;
  }

  toJSON(): { personaId: string } {
    return { personaId: this.personaId };
  }

  [nodeInspect](): string {
    return this.toString();
  }

  // SELECT: by DF name (P1 04) for an AP, by FID (P1 02) for an EF of it; P2 0C = no FCI.
  #select(apdu: CommandApdu): Uint8Array {
    if (apdu.p1 !== 0x04 && apdu.p1 !== 0x02) return statusResponse(SW.wrongP1P2);
    if (apdu.p2 !== 0x0c) return statusResponse(SW.wrongP1P2);
    if (apdu.data === undefined) return statusResponse(SW.wrongLength);
    if (apdu.p1 === 0x04) {
      // Other APs (JPKI, 券面AP, …) are not emulated: to the reader they are absent.
      const ap = equalBytes(apdu.data, INPUT_SUPPORT_AP_AID)
        ? 'input-support'
        : equalBytes(apdu.data, COMMON_AP_AID)
          ? 'common'
          : undefined;
      if (!ap) return statusResponse(SW.fileNotFound);
      this.#ap = ap;
      this.#currentFid = undefined;
      this.#verified.clear(); // a new DF context starts unverified
      return statusResponse(SW.success);
    }
    if (apdu.data.length !== 2) return statusResponse(SW.wrongLength);
    const fid = ((apdu.data[0] ?? 0) << 8) | (apdu.data[1] ?? 0);
    const exists =
      this.#ap === 'input-support'
        ? this.#files.has(fid) || KEY_BY_FID.has(fid)
        : this.#ap === 'common' && fid === COMMON_CARD_INFO_EF;
    if (!exists) return statusResponse(SW.fileNotFound);
    this.#currentFid = fid;
    return statusResponse(SW.success);
  }

  // VERIFY: P2 80 = the current key EF, P2 80|SFI names one (§1.3). No data = ask the tries left.
  #verify(apdu: CommandApdu): Uint8Array {
    if (this.#ap !== 'input-support') return statusResponse(SW.commandNotAllowed);
    if (apdu.p1 !== 0x00 || (apdu.p2 & 0x80) === 0 || (apdu.p2 & 0x60) !== 0) {
      return statusResponse(SW.wrongP1P2);
    }
    const sfi = apdu.p2 & 0x1f;
    const key = KEY_BY_FID.get(sfi === 0 ? (this.#currentFid ?? -1) : sfi);
    if (key === undefined) return statusResponse(SW.commandNotAllowed);
    const tries = this.#triesLeft[key];
    if (apdu.data === undefined) return statusResponse(0x63c0 | tries);
    if (tries === 0) return statusResponse(SW.keyBlocked);
    if (equalBytes(apdu.data, this.#secrets[key])) {
      this.#triesLeft[key] = INPUT_SUPPORT_TRIES[key]; // a correct entry resets the counter (§1.5)
      this.#verified.add(key);
      return statusResponse(SW.success);
    }
    this.#triesLeft[key] = tries - 1;
    this.#verified.delete(key);
    return statusResponse(0x63c0 | (tries - 1));
  }

  // READ BINARY: 15-bit offset in P1P2, or P1 80|SFI with an 8-bit offset in P2 (§1.3).
  #readBinary(apdu: CommandApdu): Uint8Array {
    if (this.#ap !== 'input-support') return statusResponse(SW.commandNotAllowed);
    if (apdu.data !== undefined || apdu.le === undefined) return statusResponse(SW.wrongLength);
    let fid = this.#currentFid;
    let offset = (apdu.p1 << 8) | apdu.p2;
    if ((apdu.p1 & 0x80) !== 0) {
      if ((apdu.p1 & 0x60) !== 0) return statusResponse(SW.wrongP1P2);
      fid = apdu.p1 & 0x1f;
      offset = apdu.p2;
      if (!this.#files.has(fid)) return statusResponse(SW.fileNotFound);
      this.#currentFid = fid; // a read by SFI selects the EF (ISO 7816-4 §7.2.2)
    }
    if (fid === undefined) return statusResponse(SW.commandNotAllowed);
    const file = this.#files.get(fid);
    if (!file) return statusResponse(SW_COMMAND_INCOMPATIBLE);
    const { openedBy } = file;
    if (openedBy !== 'free' && !openedBy.some((key) => this.#verified.has(key)))
      return statusResponse(SW.securityNotSatisfied);
    return answerRange(file.bytes(), offset, apdu.le);
  }

  // READ RECORD 00 B2 <record> 04: only the 共通AP card-info EF has records (§1.10).
  #readRecord(apdu: CommandApdu): Uint8Array {
    if (this.#ap !== 'common' || this.#currentFid !== COMMON_CARD_INFO_EF)
      return statusResponse(SW.commandNotAllowed);
    if (apdu.p2 !== 0x04) return statusResponse(SW.wrongP1P2);
    if (apdu.p1 !== 1) return statusResponse(0x6a83); // record not found
    return answerRange(this.#commonCardInfo, 0, apdu.le ?? 256);
  }

  // COMPUTE DIGITAL SIGNATURE 80 2A 00 00 Lc <DigestInfo> 00: P1 00 signs the data as supplied
  // with the card's own key (EF 0013), no credential needed (§1.3, §1.8 step 4).
  #computeSignature(apdu: CommandApdu): Uint8Array {
    if (this.#ap !== 'input-support') return statusResponse(SW.commandNotAllowed);
    if (apdu.p1 !== 0x00 || apdu.p2 !== 0x00) return statusResponse(SW.wrongP1P2);
    if (apdu.data === undefined) return statusResponse(SW.wrongLength);
    const signature = signRaw(TEST_CARD_KEY, apdu.data);
    return signature ? Uint8Array.from([...signature, 0x90, 0x00]) : statusResponse(SW_WRONG_DATA);
  }
}

/** Le 00 asks for "up to 256"; an explicit Le past the end gets 6C xx with the exact count. */
function answerRange(bytes: Uint8Array, offset: number, le: number): Uint8Array {
  if (offset >= bytes.length) return statusResponse(SW.offsetOutOfRange);
  const remaining = bytes.length - offset;
  if (le !== 256 && le > remaining) return statusResponse(0x6c00 | remaining);
  const data = bytes.subarray(offset, offset + Math.min(le, remaining));
  return Uint8Array.from([...data, 0x90, 0x00]);
}
