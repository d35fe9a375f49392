// 受付 (receiving an application from a tablet), exactly once per envelope id: the first delivery
// stores it and allocates the 受付番号; a resend of the same content gets the same receipt back
// and stores nothing; the same id with other content is refused, never overwritten. An envelope
// whose signature was made over other content is refused before anything is stored, and audited.
import type { Receipt } from '../../shared/api.ts';
import { parseApplicationEnvelope, signatureMatches } from '../../shared/application.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import { canonicalJson, type JsonValue, sha256Hex } from '../canonical-json.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import {
  allocateReceiptNumber,
  findReceipt,
  insertApplication,
  type StoredReceipt,
} from '../store/applications.ts';
import { appendAudit, recordAudit } from '../store/audit.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { isStorableJson } from '../text-rules.ts';

/**
 * Thrown inside the insert transaction when another request stored the same id first, only to
 * roll back the 受付番号 just taken, so the daily sequence has no gaps. Caught right below.
 */
class StoredMeanwhile extends Error {}

function answerForExisting(existing: StoredReceipt, contentHash: string): Result<Receipt, BackOfficeError> {
  if (existing.contentHash !== contentHash) return err({ kind: 'id-conflict' });
  return ok({
    id: existing.id,
    receiptNumber: existing.receiptNumber,
    receivedAt: existing.receivedAt,
    duplicate: true,
  });
}

export async function receiveApplication(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  body: unknown,
): Promise<Result<Receipt, BackOfficeError>> {
  const parsed = parseApplicationEnvelope(body, deps.procedures);
  if (!parsed.ok) return err({ kind: 'invalid-envelope', error: parsed.error });
  const envelope = parsed.value;
  if (!isStorableJson(envelope)) return err({ kind: 'unstorable-text' });
  if (!(await signatureMatches(envelope))) {
    // A well-formed envelope whose content changed after the resident signed: worth a trace, as
    // tampering or a tablet bug. The entry names the id and the reason, never the content.
    await recordAudit(deps.sql, deps.clock.now(), {
      actor: staffActor(staff),
      action: 'application.refused',
      target: envelope.id,
      detail: { reason: 'signature-mismatch' },
    });
    return err({ kind: 'signature-mismatch' });
  }
  // Over the parsed envelope, so that key order or extra whitespace in a resend do not matter.
  const contentHash = sha256Hex(canonicalJson(envelope as unknown as JsonValue));

  const earlier = await findReceipt(deps.sql, envelope.id);
  if (earlier) return answerForExisting(earlier, contentHash);

  const receivedAt = deps.clock.now();
  try {
    const stored = await deps.sql.transaction(async (tx) => {
      const receiptNumber = await allocateReceiptNumber(tx, receivedAt);
      const row = await insertApplication(
        tx,
        { envelope, contentHash, receivedAt, receivedBy: staff.id },
        receiptNumber,
      );
      if (!row) throw new StoredMeanwhile();
      await appendAudit(tx, receivedAt, {
        actor: staffActor(staff),
        action: 'application.received',
        target: envelope.id,
        detail: { receiptNumber, procedure: envelope.procedure },
      });
      return row;
    });
    return ok({
      id: stored.id,
      receiptNumber: stored.receiptNumber,
      receivedAt: stored.receivedAt,
      duplicate: false,
    });
  } catch (e) {
    if (!(e instanceof StoredMeanwhile)) throw e;
    const winner = await findReceipt(deps.sql, envelope.id);
    if (!winner) throw new Error('an application stored meanwhile is not there');
    return answerForExisting(winner, contentHash);
  }
}
