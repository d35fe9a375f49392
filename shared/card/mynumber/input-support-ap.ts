// Reading the 基本4情報 (name, address, birth date, sex) from the 券面事項入力補助AP (text
// input-support application) of a My Number Card, unlocked with 照合番号B — the default at the
// counter: no PIN, and the My Number (EF 0001) is never opened (番号法). Sequence: cards.md §1.11.
// Every session ends with the RF field off (session.ts).
import type { CardEvidence } from '../../application.ts';
import { err, ok, type Result } from '../../result.ts';
import { SW } from '../apdu.ts';
import { asciiBytes, concatBytes } from '../bytes.ts';
import { validateCollationB } from '../collation-b.ts';
import type { CardReadError } from '../errors.ts';
import {
  type KeyRetryStatus,
  queryKeyRetries,
  readBinary,
  readBinaryRange,
  selectApplication,
  selectFile,
  statusError,
  verifyKey,
} from '../iso7816.ts';
import { withCardSession } from '../session.ts';
import type { CardTransport } from '../transport.ts';
import {
  type BasicFourInfo,
  describeBasicFourInfoError,
  locateBasicFourInfo,
  parseBasicFourInfo,
} from './basic-four-info.ts';
import { INPUT_SUPPORT_AP_AID, INPUT_SUPPORT_EF } from './identifiers.ts';

// The pure parser and its types, for callers that import the reader only.
export { type BasicFourInfo, parseBasicFourInfo, type Sex } from './basic-four-info.ts';

/** What was checked. Issue 3 adds the EF 0003 digests and signature and the card-present check. */
export interface InputSupportApEvidence extends CardEvidence {
  readonly source: 'mynumber-input-support-ap';
  readonly unlockedWith: 'collation-b';
  readonly checks: readonly string[];
}

export interface BasicFourInfoReading extends BasicFourInfo {
  readonly evidence: InputSupportApEvidence;
}

type CardResult<T> = Result<T, CardReadError>;

// First read of EF 0002: enough for a possible 2-byte prefix plus FF 20 82 xx xx (cards.md §1.6
// reads 7 bytes; the rest of the file follows in a second step).
const HEAD_LENGTH = 16;
// EF 0002 holds four short texts; a header claiming more is garbage, not a file to keep reading.
const MAX_BASIC_FOUR_INFO_LENGTH = 4096;

/**
 * Reads the 基本4情報 with 照合番号B. The 照合番号B is checked first (a typo sends nothing and
 * spends no try); the card's tries left are asked before VERIFY, and a blocked key is never sent
 * another VERIFY. The caller should run normalizeCollationBInput on what staff typed.
 */
export async function readBasicFourInfo(
  transport: CardTransport,
  collationB: string,
): Promise<CardResult<BasicFourInfoReading>> {
  const valid = validateCollationB(collationB);
  if (!valid.ok) return err({ kind: 'invalid-collation-b', reason: valid.error });

  return withCardSession(transport, async () => {
    const before = await openCollationBKey(transport);
    if (!before.ok) return before;
    if (before.value.kind === 'blocked') return err({ kind: 'collation-b-blocked' });

    const verified = await verifyKey(transport, asciiBytes(valid.value));
    if (!verified.ok) return verified;
    if (verified.value.kind === 'blocked') return err({ kind: 'collation-b-blocked' });
    if (verified.value.kind === 'wrong') {
      return err(
        verified.value.triesLeft === 0
          ? { kind: 'collation-b-blocked' }
          : { kind: 'wrong-collation-b', triesLeft: verified.value.triesLeft },
      );
    }

    const selected = await selectFile(transport, INPUT_SUPPORT_EF.basicFourInfo);
    if (!selected.ok) return selected;
    const bytes = await readBasicFourInfoFile(transport);
    if (!bytes.ok) return bytes;
    const parsed = parseBasicFourInfo(bytes.value);
    if (!parsed.ok)
      return err({ kind: 'malformed-response', detail: describeBasicFourInfoError(parsed.error) });
    return ok({
      ...parsed.value,
      evidence: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['read-ok'] },
    });
  });
}

/**
 * How many 照合番号B tries the card has left, without spending one — for the UI to show before
 * staff type anything. A blocked key is the collation-b-blocked error, so the UI shows its message.
 */
export async function queryCollationBTriesLeft(transport: CardTransport): Promise<CardResult<number>> {
  return withCardSession(transport, async () => {
    const status = await openCollationBKey(transport);
    if (!status.ok) return status;
    switch (status.value.kind) {
      case 'tries-left':
        return ok(status.value.triesLeft);
      case 'blocked':
        return err({ kind: 'collation-b-blocked' });
      // A fresh session is never verified, and 照合番号B always has a limit: the card is odd.
      case 'already-verified':
        return err({ kind: 'unexpected-status', sw: SW.success });
      case 'no-limit':
        return err({ kind: 'unexpected-status', sw: 0x6300 });
    }
  });
}

/** SELECT the AP, SELECT key EF 0015, and ask its tries left (empty VERIFY, nothing spent). */
async function openCollationBKey(transport: CardTransport): Promise<CardResult<KeyRetryStatus>> {
  const ap = await selectApplication(transport, INPUT_SUPPORT_AP_AID);
  if (!ap.ok) return ap;
  if (ap.value === SW.fileNotFound) return err({ kind: 'not-mynumber-card' });
  if (ap.value !== SW.success) return err(statusError(ap.value));
  const key = await selectFile(transport, INPUT_SUPPORT_EF.collationBKey);
  if (!key.ok) return key;
  return queryKeyRetries(transport);
}

/** EF 0002 in full: read the head, learn the total length from the BER header, read the rest. */
async function readBasicFourInfoFile(transport: CardTransport): Promise<CardResult<Uint8Array>> {
  const head = await readBinary(transport, 0, HEAD_LENGTH);
  if (!head.ok) return head;
  const located = locateBasicFourInfo(head.value);
  if (!located.ok)
    return err({ kind: 'malformed-response', detail: describeBasicFourInfoError(located.error) });
  const { totalLength } = located.value;
  if (totalLength > MAX_BASIC_FOUR_INFO_LENGTH) {
    return err({ kind: 'malformed-response', detail: `EF 0002 header claims ${totalLength} bytes` });
  }
  if (head.value.length >= totalLength) return ok(head.value.subarray(0, totalLength));
  const rest = await readBinaryRange(transport, head.value.length, totalLength - head.value.length);
  return rest.ok ? ok(concatBytes(head.value, rest.value)) : rest;
}
