// Reading the 基本4情報 (name, address, birth date, sex) from the 券面事項入力補助AP (text
// input-support application) of a My Number Card, unlocked with 照合番号B — the default at the
// counter: no PIN, and the My Number (EF 0001) is never opened (番号法). Sequence: cards.md §1.11,
// with READ BINARY by short EF id to save the SELECTs, then the §1.8 checks (authenticity.ts).
// Every session ends with the RF field off (session.ts).
import type { CardEvidence } from '../../application.ts';
import { err, ok, type Result } from '../../result.ts';
import { asciiBytes } from '../bytes.ts';
import { validateCollationB } from '../collation-b.ts';
import type { CardReadError } from '../errors.ts';
import { readShortEfFile } from '../iso7816.ts';
import { withCardSession } from '../session.ts';
import type { CardTransport } from '../transport.ts';
import { type AuthenticityOptions, checkInputSupportApAuthenticity } from './authenticity.ts';
import {
  type BasicFourInfo,
  describeBasicFourInfoError,
  locateBasicFourInfo,
  parseBasicFourInfoFile,
} from './basic-four-info.ts';
import { INPUT_SUPPORT_EF } from './identifiers.ts';
import { presentKey, queryTriesLeft } from './key-verification.ts';

// The pure parser and its types, for callers that import the reader only.
export { type BasicFourInfo, parseBasicFourInfo, type Sex } from './basic-four-info.ts';
export { type InputSupportKey, queryTriesLeft } from './key-verification.ts';
export type { TrustStore } from './trust-store.ts';

/**
 * What was checked, as short words (application.ts): 'read-ok'; then 'digests-ok',
 * 'signature-ok', 'card-present-ok' for what verified, and for what could not be checked
 * 'my-number-digest-not-checked', 'signature-not-checked' (no trust store), 'ca-unknown',
 * 'card-present-not-checked', 'integrity-not-readable'; 'test-hierarchy' for a JPKI test card.
 */
export interface InputSupportApEvidence extends CardEvidence {
  readonly source: 'mynumber-input-support-ap';
  readonly unlockedWith: 'collation-b' | 'pin';
  readonly checks: readonly string[];
}

export interface BasicFourInfoReading extends BasicFourInfo {
  readonly evidence: InputSupportApEvidence;
}

export interface ReadOptions extends AuthenticityOptions {
  /** Staff confirmed that the resident accepts spending the last try (cards.md §1.5). */
  readonly confirmLastTry?: boolean | undefined;
}

type CardResult<T> = Result<T, CardReadError>;

// EF 0002 holds four short texts; a header claiming more is garbage, not a file to keep reading.
const MAX_BASIC_FOUR_INFO_LENGTH = 4096;

/**
 * Reads the 基本4情報 with 照合番号B and checks them against EF 0003 (and, with a trust store,
 * the issuer's signature). The 照合番号B is validated first (a typo sends nothing and spends no
 * try); the card's tries left are asked before VERIFY; a blocked key gets no VERIFY, and the last
 * try needs `confirmLastTry`. The caller should run normalizeCollationBInput on what staff typed.
 * APDUs: 7 without a trust store, 8 with one once the issuer certificate is known (10 the first
 * time), +4 with provePresence; +1 when EF 0002 is over 256 bytes.
 */
export async function readBasicFourInfo(
  transport: CardTransport,
  collationB: string,
  options: ReadOptions = {},
): Promise<CardResult<BasicFourInfoReading>> {
  const valid = validateCollationB(collationB);
  if (!valid.ok) return err({ kind: 'invalid-collation-b', reason: valid.error });

  return withCardSession(transport, async () => {
    const opened = await presentKey(
      transport,
      'collation-b',
      asciiBytes(valid.value),
      options.confirmLastTry === true,
    );
    if (!opened.ok) return opened;
    const read = await readUnlockedBasicFourInfo(transport, options);
    if (!read.ok) return read;
    return ok({
      ...read.value.info,
      evidence: {
        source: 'mynumber-input-support-ap',
        unlockedWith: 'collation-b',
        checks: read.value.checks,
      },
    });
  });
}

/**
 * How many 照合番号B tries the card has left, without spending one — for the UI to show before
 * staff type anything. A blocked key is the collation-b-blocked error, so the UI shows its message.
 */
export function queryCollationBTriesLeft(transport: CardTransport): Promise<CardResult<number>> {
  return queryTriesLeft(transport, 'collation-b');
}

/**
 * On an unlocked AP: EF 0002, then the authenticity checks, including the DF31 digest when the
 * caller (the PIN path) passes EF 0001 as read.
 */
export async function readUnlockedBasicFourInfo(
  transport: CardTransport,
  options: AuthenticityOptions & { readonly myNumberFile?: Uint8Array | undefined },
): Promise<CardResult<{ readonly info: BasicFourInfo; readonly checks: string[] }>> {
  const bytes = await readShortEfFile(
    transport,
    INPUT_SUPPORT_EF.basicFourInfo,
    (head) => {
      const located = locateBasicFourInfo(head);
      return located.ok ? ok(located.value.totalLength) : err(describeBasicFourInfoError(located.error));
    },
    MAX_BASIC_FOUR_INFO_LENGTH,
  );
  if (!bytes.ok) return bytes;
  const file = parseBasicFourInfoFile(bytes.value);
  if (!file.ok) return err({ kind: 'malformed-response', detail: describeBasicFourInfoError(file.error) });
  const checks = await checkInputSupportApAuthenticity(transport, {
    ...options,
    basicFourInfo: { bytes: bytes.value, file: file.value },
  });
  if (!checks.ok) return checks;
  return ok({ info: file.value.info, checks: ['read-ok', ...checks.value] });
}
