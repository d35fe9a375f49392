// Reading the 記載事項 (DF1/EF01) of an IC driver's licence with PIN1 (cards.md §2.2). The same
// lockout rules as the My Number PIN (mission.md "Card reading"): the tries left are read before
// VERIFY without spending one; with one try left nothing is sent unless staff confirmed; a blocked
// PIN is never sent; the reader never retries by itself; the PIN buffer is zeroed once sent; and
// every session ends with the RF field off (session.ts).
//
// APDUs of a read (11): SELECT MF · SELECT EF 2F01 · READ BINARY 17 (共通データ要素: is this a
// licence? no PIN needed) · VERIFY 00 20 00 81 (tries left) · VERIFY 00 20 00 81 04 <PIN1> ·
// SELECT DF1 · SELECT EF 0001 · 4 × READ BINARY (880 bytes in ≤ 256-byte chunks with 15-bit
// offsets: cards.md §2.2 advises against the by-SFI extended-Le read).
import { err, ok, type Result } from '../../result.ts';
import { parseIsoDate } from '../../wareki.ts';
import { buildCommand, SW, transceive } from '../apdu.ts';
import { asciiBytes } from '../bytes.ts';
import type { CardReadError } from '../errors.ts';
import { readBinary, readBinaryRange, selectApplication, selectFile, statusError } from '../iso7816.ts';
import { withCardSession } from '../session.ts';
import type { CardTransport } from '../transport.ts';
import { type LicenceCommonData, parseCommonData } from './common-data.ts';
import { type DriversLicence, parseLicenceEntries } from './entries.ts';
import { fromCardReadError, type LicenceReadError } from './errors.ts';
import {
  COMMON_DATA_LENGTH,
  ENTRIES_FILE_LENGTH,
  LICENCE_DF1_AID,
  LICENCE_FID,
  VERIFY_P2,
} from './identifiers.ts';

export type { DriversLicence } from './entries.ts';

/** What was checked; `checks` are short machine words, like the My Number reader's. */
export interface LicenceEvidence {
  readonly source: 'drivers-licence';
  readonly unlockedWith: 'pin1';
  readonly checks: readonly string[];
  readonly commonData: LicenceCommonData;
}

export interface LicenceReading {
  readonly licence: DriversLicence;
  readonly evidence: LicenceEvidence;
}

export interface LicenceReadOptions {
  /** The counter's date, YYYY-MM-DD: decides `licence.expired`. */
  readonly today: string;
  /** Staff confirmed that the resident may spend the last PIN1 try. */
  readonly confirmLastTry?: boolean;
}

type LicenceResult<T> = Result<T, LicenceReadError>;

/**
 * Reads the licence with PIN1 (4 digits, typed by the resident). A malformed PIN or `today`
 * sends nothing. Wrong PIN → wrong-pin1 with the tries left (the caller asks again, never this).
 */
export async function readDriversLicence(
  transport: CardTransport,
  pin1: string,
  options: LicenceReadOptions,
): Promise<LicenceResult<LicenceReading>> {
  if (!/^\d{4}$/.test(pin1)) return err({ kind: 'invalid-pin1' });
  if (!parseIsoDate(options.today)) return err({ kind: 'invalid-today' });
  return inSession(transport, async () => {
    const opened = await openLicence(transport);
    if (!opened.ok) return opened;
    const tries = await pin1TriesLeft(transport);
    if (!tries.ok) return tries;
    if (tries.value <= 1 && options.confirmLastTry !== true)
      return err({ kind: 'pin1-last-try', triesLeft: tries.value });

    const verified = await verifyPin1(transport, asciiBytes(pin1));
    if (!verified.ok) return verified;

    const df1 = await selectApplication(transport, LICENCE_DF1_AID);
    if (!df1.ok) return err(fromCardReadError(df1.error));
    if (df1.value !== SW.success) return err(fromCardReadError(statusError(df1.value)));
    const ef = await selectFile(transport, LICENCE_FID.entries);
    if (!ef.ok) return err(fromCardReadError(ef.error));
    const bytes = await readBinaryRange(transport, 0, ENTRIES_FILE_LENGTH);
    if (!bytes.ok) return err(fromCardReadError(bytes.error));
    const parsed = parseLicenceEntries(bytes.value, { today: options.today });
    bytes.value.fill(0); // the raw file holds the same personal data; keep one copy only
    if (!parsed.ok) return err({ kind: 'invalid-entries', reason: parsed.error });

    const expiryMatches = parsed.value.expiryDate === opened.value.expiryDate;
    return ok({
      licence: parsed.value,
      evidence: {
        source: 'drivers-licence',
        unlockedWith: 'pin1',
        checks: ['read-ok', expiryMatches ? 'common-data-expiry-match' : 'common-data-expiry-mismatch'],
        commonData: opened.value,
      },
    });
  });
}

/**
 * How many PIN1 tries the licence has left, without spending one — for the UI to show before the
 * resident types. A blocked PIN is the pin1-blocked error, so the UI shows its message.
 */
export async function queryLicencePinTriesLeft(transport: CardTransport): Promise<LicenceResult<number>> {
  return inSession(transport, async () => {
    const opened = await openLicence(transport);
    return opened.ok ? pin1TriesLeft(transport) : opened;
  });
}

/** withCardSession, with the licence's own errors travelling inside its Result. */
async function inSession<T>(
  transport: CardTransport,
  work: () => Promise<LicenceResult<T>>,
): Promise<LicenceResult<T>> {
  const outcome = await withCardSession<LicenceResult<T>>(transport, async () => ok(await work()));
  return outcome.ok ? outcome.value : err(fromCardReadError(outcome.error));
}

/** SELECT MF, then read 共通データ要素: a card without it is not a licence (nothing spent yet). */
async function openLicence(transport: CardTransport): Promise<LicenceResult<LicenceCommonData>> {
  const mf = await transceive(transport, buildCommand({ cla: 0, ins: 0xa4, p1: 0x00, p2: 0x00 }));
  if (!mf.ok) return err(fromCardReadError(mf.error));
  // A My Number Card answers 6A 86 to this after a reset (cards.md §1.2).
  if (mf.value.sw !== SW.success) return err({ kind: 'not-drivers-licence' });
  const ef = await selectFile(transport, LICENCE_FID.commonData);
  if (!ef.ok) return err(notLicenceIf(ef.error, 'file-not-found'));
  const bytes = await readBinary(transport, 0, COMMON_DATA_LENGTH);
  if (!bytes.ok) return err(notLicenceIf(bytes.error, 'security-not-satisfied'));
  const common = parseCommonData(bytes.value);
  return common.ok ? common : err({ kind: 'not-drivers-licence' });
}

function notLicenceIf(e: CardReadError, kind: CardReadError['kind']): LicenceReadError {
  return e.kind === kind || e.kind === 'unexpected-status'
    ? { kind: 'not-drivers-licence' }
    : fromCardReadError(e);
}

/** Empty VERIFY 00 20 00 81 → 63 Cx (x tries left) or 69 84 (blocked), §2.2. Spends nothing. */
async function pin1TriesLeft(transport: CardTransport): Promise<LicenceResult<number>> {
  const response = await transceive(
    transport,
    buildCommand({ cla: 0, ins: 0x20, p1: 0x00, p2: VERIFY_P2.pin1 }),
  );
  if (!response.ok) return err(fromCardReadError(response.error));
  const { sw, sw1, sw2 } = response.value;
  if (sw === SW.keyBlocked || sw === 0x63c0) return err({ kind: 'pin1-blocked' });
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return ok(sw2 & 0x0f);
  // 90 00 (count not reported) or 63 00 (no limit) on a fresh session: the card is odd, and
  // without a count the last-try rule cannot be kept, so nothing is sent.
  return err(fromCardReadError(statusError(sw)));
}

/** VERIFY 00 20 00 81 04 <PIN1>. `pin` and the command carrying it are zeroed once sent. */
async function verifyPin1(transport: CardTransport, pin: Uint8Array): Promise<LicenceResult<void>> {
  let command: Uint8Array;
  try {
    command = buildCommand({ cla: 0, ins: 0x20, p1: 0x00, p2: VERIFY_P2.pin1, data: pin });
  } finally {
    pin.fill(0);
  }
  const response = await transceive(transport, command);
  command.fill(0);
  if (!response.ok) return err(fromCardReadError(response.error));
  const { sw, sw1, sw2 } = response.value;
  if (sw === SW.success) return ok(undefined);
  if (sw === SW.keyBlocked) return err({ kind: 'pin1-blocked' });
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) {
    const triesLeft = sw2 & 0x0f;
    return err(triesLeft === 0 ? { kind: 'pin1-blocked' } : { kind: 'wrong-pin1', triesLeft });
  }
  return err(fromCardReadError(statusError(sw)));
}
