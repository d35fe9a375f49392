// Presenting a credential to the 券面事項入力補助AP: SELECT the AP, SELECT the key EF, ask its
// tries left (empty VERIFY, nothing spent), and only then VERIFY (cards.md §1.4, §1.5, §1.11).
// Rules (mission.md "Card reading"): a blocked key gets no VERIFY; the last try is never spent
// without an explicit confirmLastTry from staff; nothing here retries by itself.
import { err, ok, type Result } from '../../result.ts';
import { SW } from '../apdu.ts';
import type { CardReadError } from '../errors.ts';
import {
  type KeyRetryStatus,
  queryKeyRetries,
  selectApplication,
  selectFile,
  statusError,
  verifyKey,
} from '../iso7816.ts';
import { withCardSession } from '../session.ts';
import type { CardTransport } from '../transport.ts';
import { INPUT_SUPPORT_AP_AID, INPUT_SUPPORT_EF } from './identifiers.ts';

type CardResult<T> = Result<T, CardReadError>;

/** The two credentials the counter uses: the 4-digit PIN and 照合番号B (collation number B). */
export type InputSupportKey = 'pin' | 'collation-b';

const KEY_EF: Readonly<Record<InputSupportKey, number>> = {
  pin: INPUT_SUPPORT_EF.pinKey,
  'collation-b': INPUT_SUPPORT_EF.collationBKey,
};

/** SELECT the AP, SELECT the key EF and ask its tries left (nothing spent). */
export async function openKey(
  transport: CardTransport,
  key: InputSupportKey,
): Promise<CardResult<KeyRetryStatus>> {
  const ap = await selectApplication(transport, INPUT_SUPPORT_AP_AID);
  if (!ap.ok) return ap;
  if (ap.value === SW.fileNotFound) return err({ kind: 'not-mynumber-card' });
  if (ap.value !== SW.success) return err(statusError(ap.value));
  const selected = await selectFile(transport, KEY_EF[key]);
  if (!selected.ok) return selected;
  return queryKeyRetries(transport);
}

/**
 * openKey, then VERIFY with `secret` unless the key is blocked or has one try left without
 * confirmation. `secret` is zeroed on every path (verifyKey zeroes it and its command once sent).
 */
export async function presentKey(
  transport: CardTransport,
  key: InputSupportKey,
  secret: Uint8Array,
  confirmLastTry: boolean,
): Promise<CardResult<void>> {
  try {
    const status = await openKey(transport, key);
    if (!status.ok) return status;
    if (status.value.kind === 'blocked') return err(blocked(key));
    // Without a count (90 00 "already verified" / 63 00 "no limit") the last-try rule cannot be
    // kept, and a fresh session is never verified: refuse rather than spend a try blind.
    if (status.value.kind === 'already-verified') return err({ kind: 'unexpected-status', sw: SW.success });
    if (status.value.kind === 'no-limit') return err({ kind: 'unexpected-status', sw: 0x6300 });
    if (status.value.triesLeft <= 1 && !confirmLastTry) {
      return err({ kind: 'last-try-needs-confirmation', key, triesLeft: status.value.triesLeft });
    }
    const verified = await verifyKey(transport, secret);
    if (!verified.ok) return verified;
    switch (verified.value.kind) {
      case 'verified':
        return ok(undefined);
      case 'blocked':
        return err(blocked(key));
      case 'wrong':
        return err(verified.value.triesLeft === 0 ? blocked(key) : wrong(key, verified.value.triesLeft));
    }
  } finally {
    secret.fill(0);
  }
}

/**
 * Tries left for the PIN or 照合番号B, without spending one: for the UI to show (and to warn about
 * the last try) before anyone types. A blocked key is the pin-blocked / collation-b-blocked error.
 */
export async function queryTriesLeft(
  transport: CardTransport,
  key: InputSupportKey,
): Promise<CardResult<number>> {
  return withCardSession(transport, async () => {
    const status = await openKey(transport, key);
    if (!status.ok) return status;
    switch (status.value.kind) {
      case 'tries-left':
        return ok(status.value.triesLeft);
      case 'blocked':
        return err(blocked(key));
      // A fresh session is never verified, and these keys always have a limit: the card is odd.
      case 'already-verified':
        return err({ kind: 'unexpected-status', sw: SW.success });
      case 'no-limit':
        return err({ kind: 'unexpected-status', sw: 0x6300 });
    }
  });
}

function blocked(key: InputSupportKey): CardReadError {
  return key === 'pin' ? { kind: 'pin-blocked' } : { kind: 'collation-b-blocked' };
}

function wrong(key: InputSupportKey, triesLeft: number): CardReadError {
  return key === 'pin' ? { kind: 'wrong-pin', triesLeft } : { kind: 'wrong-collation-b', triesLeft };
}
