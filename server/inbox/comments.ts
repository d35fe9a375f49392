// Comments staff leave on an application (issue 5), and the signature image of the detail view. A comment may mention the resident, so
// reading them is audited like a view, and adding one is audited with its id and length, never
// its text.
import type { ApplicationComment, ApplicationCommentsResponse } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import type { CommentBody } from '../http/schemas.ts';
import { findReceipt, findSignaturePng } from '../store/applications.ts';
import { appendAudit, recordAudit } from '../store/audit.ts';
import { insertComment, listComments } from '../store/comments.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { isApplicationId } from './review.ts';

export async function viewComments(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
): Promise<Result<ApplicationCommentsResponse, BackOfficeError>> {
  if (!isApplicationId(id)) return err({ kind: 'application-not-found' });
  const receipt = await findReceipt(deps.sql, id);
  if (!receipt) return err({ kind: 'application-not-found' });
  const comments = await listComments(deps.sql, id);
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'application.comments-viewed',
    target: id,
    detail: { receiptNumber: receipt.receiptNumber, count: comments.length },
  });
  return ok({ comments });
}

export async function addComment(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
  /** Checked by http/schemas.ts commentBody: trimmed, 1–1000 characters. */
  { text }: CommentBody,
): Promise<Result<ApplicationComment, BackOfficeError>> {
  if (!isApplicationId(id)) return err({ kind: 'application-not-found' });
  const now = deps.clock.now();
  const comment = await deps.sql.transaction(async (tx) => {
    const receipt = await findReceipt(tx, id);
    if (!receipt) return undefined;
    const added = await insertComment(tx, id, staff.id, text, now);
    await appendAudit(tx, now, {
      actor: staffActor(staff),
      action: 'application.comment-added',
      target: id,
      detail: { receiptNumber: receipt.receiptNumber, comment: added.id, length: [...text].length },
    });
    return added;
  });
  return comment ? ok(comment) : err({ kind: 'application-not-found' });
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

/** The resident's signature image, for the detail view; audited like a view. */
export async function viewSignature(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
): Promise<Result<Uint8Array<ArrayBuffer>, BackOfficeError>> {
  if (!isApplicationId(id)) return err({ kind: 'application-not-found' });
  const found = await findSignaturePng(deps.sql, id);
  const base64 = found ? PNG_DATA_URL.exec(found.png)?.[1] : undefined;
  if (!found || base64 === undefined) return err({ kind: 'application-not-found' });
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'application.signature-viewed',
    target: id,
    detail: { receiptNumber: found.receiptNumber },
  });
  return ok(new Uint8Array(Buffer.from(base64, 'base64')));
}
