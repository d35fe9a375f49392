// A software IC driver's licence answering real APDUs (cards.md §2.1–§2.2) with real state:
// current DF/EF, verified PINs, and PIN1/PIN2 retry counters that survive reset() like a card's
// EEPROM. Follows emulator/mynumber-card.ts; not a security boundary, but it never reveals its
// secrets (toString, toJSON and Node's inspect show the persona id only).
//
// Behaviour where cards.md is silent, chosen and marked so (UNVERIFIED on a real card):
// - verification made in the MF stays valid after SELECT of DF1 (TRET verifies, then selects DF1);
// - VERIFY P2 81/82 is accepted whatever DF is current; P2 80 needs a selected key EF;
// - a VERIFY whose data is not the PIN (any length) spends a try;
// - READ BINARY past the end: 6B 00; an explicit Le past the end: 6C xx (as the My Number emulator);
// - DF1/EF02 本籍 and DF2/EF01 写真 exist with their access rules but hold FF filler only
//   (their layouts are not in cards.md); MF/EF02 暗証番号設定 (000A) is not emulated.
import { type CommandApdu, parseCommand, SW, statusResponse } from '../apdu.ts';
import { asciiBytes, equalBytes } from '../bytes.ts';
import { createEmulatedReader } from '../emulator/emulated-reader.ts';
import type { CardTransport } from '../transport.ts';
import { encodeCommonDataFile, encodeEntriesFile } from './card-files.ts';
import {
  LICENCE_DF1_AID,
  LICENCE_DF2_AID,
  LICENCE_FID,
  LICENCE_PIN_TRIES,
  PHOTO_FILE_LENGTH,
  VERIFY_P2,
} from './identifiers.ts';
import type { LicencePersona } from './personas.ts';

type Df = 'mf' | 'df1' | 'df2';
type Pin = 'pin1' | 'pin2';

interface DataFile {
  readonly bytes: Uint8Array;
  /** Every one of these must be verified (§2.2: 本籍 and the photo need PIN1 and PIN2). */
  readonly needs: readonly Pin[];
}

const KEY_BY_FID: ReadonlyMap<number, Pin> = new Map([
  [LICENCE_FID.pin1Key, 'pin1'],
  [LICENCE_FID.pin2Key, 'pin2'],
]);
const KEY_BY_P2: ReadonlyMap<number, Pin> = new Map([
  [VERIFY_P2.pin1, 'pin1'],
  [VERIFY_P2.pin2, 'pin2'],
]);
const SW_COMMAND_INCOMPATIBLE = 0x6981; // READ BINARY on a key EF
const nodeInspect: unique symbol = Symbol.for('nodejs.util.inspect.custom');

export class DriversLicenceEmulator {
  readonly personaId: string;
  readonly #pins: Readonly<Record<Pin, Uint8Array>>;
  readonly #files: ReadonlyMap<Df, ReadonlyMap<number, DataFile>>;
  readonly #triesLeft: Record<Pin, number> = { pin1: LICENCE_PIN_TRIES, pin2: LICENCE_PIN_TRIES };
  readonly #verified = new Set<Pin>();
  #df: Df = 'mf';
  #ef: number | undefined;

  constructor(persona: LicencePersona) {
    this.personaId = persona.id;
    this.#pins = { pin1: asciiBytes(persona.pin1), pin2: asciiBytes(persona.pin2) };
    this.#files = new Map<Df, ReadonlyMap<number, DataFile>>([
      ['mf', new Map([[LICENCE_FID.commonData, { bytes: encodeCommonDataFile(persona), needs: [] }]])],
      [
        'df1',
        new Map([
          [LICENCE_FID.entries, { bytes: encodeEntriesFile(persona), needs: ['pin1'] }],
          [
            LICENCE_FID.registeredDomicile,
            { bytes: new Uint8Array(256).fill(0xff), needs: ['pin1', 'pin2'] },
          ],
        ]),
      ],
      [
        'df2',
        new Map([
          [
            LICENCE_FID.photo,
            { bytes: new Uint8Array(PHOTO_FILE_LENGTH).fill(0xff), needs: ['pin1', 'pin2'] },
          ],
        ]),
      ],
    ]);
  }

  /** One command APDU in, one response APDU (always ≥ 2 bytes) out. Never throws. */
  process(command: Uint8Array): Uint8Array {
    const parsed = parseCommand(command);
    if (!parsed.ok) return statusResponse(SW.wrongLength);
    const apdu = parsed.value;
    if (apdu.cla !== 0x00) return statusResponse(SW.claNotSupported);
    switch (apdu.ins) {
      case 0xa4:
        return this.#select(apdu);
      case 0x20:
        return this.#verify(apdu);
      case 0xb0:
        return this.#readBinary(apdu);
      default:
        return statusResponse(SW.insNotSupported);
    }
  }

  /** RF off: back to the MF, verification lost, retry counters kept (§2.2: only the police unlock). */
  reset(): void {
    this.#df = 'mf';
    this.#ef = undefined;
    this.#verified.clear();
  }

  /** What a police licence centre does for a blocked PIN. Demo only. */
  restoreAllTries(): void {
    this.#triesLeft.pin1 = LICENCE_PIN_TRIES;
    this.#triesLeft.pin2 = LICENCE_PIN_TRIES;
  }

  /** For tests: the counters as the card holds them. */
  triesLeft(pin: Pin): number {
    return this.#triesLeft[pin];
  }

  toString(): string {
    return `[DriversLicenceEmulator ${this.personaId}]`;
  }

  toJSON(): { personaId: string } {
    return { personaId: this.personaId };
  }

  [nodeInspect](): string {
    return this.toString();
  }

  // SELECT: MF (P1 00, no data or 3F 00), DF by name (P1 04, P2 0C), EF by FID (P1 02, P2 0C).
  #select(apdu: CommandApdu): Uint8Array {
    const { p1, p2, data } = apdu;
    if (p1 === 0x00) {
      if (data !== undefined && !equalBytes(data, Uint8Array.of(0x3f, 0x00)))
        return statusResponse(SW.fileNotFound);
      this.#df = 'mf';
      this.#ef = undefined;
      return statusResponse(SW.success);
    }
    if ((p1 !== 0x04 && p1 !== 0x02) || p2 !== 0x0c) return statusResponse(SW.wrongP1P2);
    if (data === undefined) return statusResponse(SW.wrongLength);
    if (p1 === 0x04) {
      const df = equalBytes(data, LICENCE_DF1_AID)
        ? 'df1'
        : equalBytes(data, LICENCE_DF2_AID)
          ? 'df2'
          : undefined;
      if (!df) return statusResponse(SW.fileNotFound);
      this.#df = df;
      this.#ef = undefined;
      return statusResponse(SW.success);
    }
    if (data.length !== 2) return statusResponse(SW.wrongLength);
    const fid = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    const isKey = this.#df === 'mf' && KEY_BY_FID.has(fid);
    if (!isKey && !this.#files.get(this.#df)?.has(fid)) return statusResponse(SW.fileNotFound);
    this.#ef = fid;
    return statusResponse(SW.success);
  }

  // VERIFY 00 20 00 81|82 (or 80 on a selected key EF). No data = ask the tries left (§2.2).
  #verify(apdu: CommandApdu): Uint8Array {
    if (apdu.p1 !== 0x00) return statusResponse(SW.wrongP1P2);
    const pin =
      apdu.p2 === 0x80
        ? this.#df === 'mf' && this.#ef !== undefined
          ? KEY_BY_FID.get(this.#ef)
          : undefined
        : KEY_BY_P2.get(apdu.p2);
    if (pin === undefined) return statusResponse(apdu.p2 === 0x80 ? SW.commandNotAllowed : SW.wrongP1P2);
    const tries = this.#triesLeft[pin];
    // A blocked PIN answers 69 84, to the query as to a VERIFY (§2.2).
    if (tries === 0) return statusResponse(SW.keyBlocked);
    if (apdu.data === undefined) return statusResponse(0x63c0 | tries);
    if (equalBytes(apdu.data, this.#pins[pin])) {
      this.#triesLeft[pin] = LICENCE_PIN_TRIES;
      this.#verified.add(pin);
      return statusResponse(SW.success);
    }
    this.#triesLeft[pin] = tries - 1;
    this.#verified.delete(pin);
    return statusResponse(0x63c0 | (tries - 1));
  }

  // READ BINARY: 15-bit offset in P1P2, or P1 80|SFI with an 8-bit offset (cards.md §1.3, §2.2).
  #readBinary(apdu: CommandApdu): Uint8Array {
    if (apdu.data !== undefined || apdu.le === undefined) return statusResponse(SW.wrongLength);
    const files = this.#files.get(this.#df);
    let fid = this.#ef;
    let offset = (apdu.p1 << 8) | apdu.p2;
    if ((apdu.p1 & 0x80) !== 0) {
      if ((apdu.p1 & 0x60) !== 0) return statusResponse(SW.wrongP1P2);
      fid = apdu.p1 & 0x1f;
      offset = apdu.p2;
      if (!files?.has(fid)) return statusResponse(SW.fileNotFound);
      this.#ef = fid;
    }
    if (fid === undefined) return statusResponse(SW.commandNotAllowed);
    const file = files?.get(fid);
    if (!file) return statusResponse(SW_COMMAND_INCOMPATIBLE);
    if (!file.needs.every((pin) => this.#verified.has(pin))) return statusResponse(SW.securityNotSatisfied);
    if (offset >= file.bytes.length) return statusResponse(SW.offsetOutOfRange);
    const remaining = file.bytes.length - offset;
    if (apdu.le !== 256 && apdu.le > remaining) return statusResponse(0x6c00 | remaining);
    const data = file.bytes.subarray(offset, offset + Math.min(apdu.le, remaining));
    return Uint8Array.from([...data, 0x90, 0x00]);
  }
}

/**
 * A reader with this licence on it, as a CardTransport: connect() and disconnect() are RF on/off
 * (reset). emulator/emulated-reader.ts takes only the My Number emulator, hence this small twin.
 */
/** The licence on the emulated reader, already placed. */
export function emulatedLicenceTransport(card: DriversLicenceEmulator): CardTransport {
  const reader = createEmulatedReader();
  reader.present(card);
  return reader.transport;
}
