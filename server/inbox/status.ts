// The status flow of an application in the back office (issue 5): 受付済み → 確認済み → 転記済み →
// 完了, one step forward, or one step back with a reason (shared/api.ts statusSteps). The check
// and the change happen under the row lock, so two staff members clicking at once cannot skip
// a step; the audit entry commits with the change.
import { type ApplicationDetail, statusSteps } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import type { StatusBody } from '../http/schemas.ts';
import { findApplication, lockStatus, setStatus } from '../store/applications.ts';
import { appendAudit } from '../store/audit.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { maskMyNumbers } from './my-number.ts';
import { isApplicationId } from './review.ts';

export async function changeStatus(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
  /** Checked by http/schemas.ts statusBody: the reason trimmed, 2–200 characters, or undefined. */
  request: StatusBody,
): Promise<Result<ApplicationDetail, BackOfficeError>> {
  if (!isApplicationId(id)) return err({ kind: 'application-not-found' });
  const { to, reason } = request;
  const now = deps.clock.now();
  const outcome = await deps.sql.transaction(
    async (tx): Promise<Result<ApplicationDetail, BackOfficeError>> => {
      const current = await lockStatus(tx, id);
      if (!current) return err({ kind: 'application-not-found' });
      const step = statusSteps(current.status).find((s) => s.to === to);
      if (!step) return err({ kind: 'status-transition-refused', from: current.status, to });
      if (step.back && reason === undefined) return err({ kind: 'status-reason-required' });
      await setStatus(tx, id, to, staff.id, now);
      await appendAudit(tx, now, {
        actor: staffActor(staff),
        action: 'application.status-changed',
        target: id,
        detail: { receiptNumber: current.receiptNumber, from: current.status, to, reason: reason ?? null },
      });
      const after = await findApplication(tx, deps.procedures, id);
      return after ? ok(after) : err({ kind: 'application-not-found' });
    },
  );
  return outcome.ok ? ok(maskMyNumbers(deps.procedures, outcome.value)) : outcome;
}
