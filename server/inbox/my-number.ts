// The My Number (特定個人情報) in the back office: every answer shows it masked; the full number
// is only given to a staff member who states why, and that reveal is audited with the reason
// before the number leaves the server (mission.md, flow B).
import { type ApplicationDetail, MY_NUMBER_FIELD, type RevealMyNumberResponse } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import { findApplication } from '../store/applications.ts';
import { recordAudit } from '../store/audit.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { isStorableText } from '../text-rules.ts';
import { isApplicationId } from './review.ts';

/** 12 digits → 「●●●●●●●●9018」: enough to tell two applications apart, not to use the number. */
export function maskMyNumber(detail: ApplicationDetail): ApplicationDetail {
  const number = detail.fields[MY_NUMBER_FIELD];
  if (number === undefined) return detail;
  const masked = `${'●'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
  return { ...detail, fields: { ...detail.fields, [MY_NUMBER_FIELD]: masked } };
}

function parseReason(body: unknown): string | undefined {
  const reason = (body as { reason?: unknown } | null)?.reason;
  if (typeof reason !== 'string') return undefined;
  const trimmed = reason.trim();
  return [...trimmed].length >= 2 && [...trimmed].length <= 200 && isStorableText(trimmed)
    ? trimmed
    : undefined;
}

export async function revealMyNumber(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
  body: unknown,
): Promise<Result<RevealMyNumberResponse, BackOfficeError>> {
  const reason = parseReason(body);
  if (!reason) return err({ kind: 'reveal-reason-required' });
  if (!isApplicationId(id)) return err({ kind: 'application-not-found' });
  const detail = await findApplication(deps.sql, id);
  if (!detail) return err({ kind: 'application-not-found' });
  const myNumber = detail.fields[MY_NUMBER_FIELD];
  if (myNumber === undefined) return err({ kind: 'no-my-number' });
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'application.my-number-revealed',
    target: id,
    detail: { receiptNumber: detail.receiptNumber, reason },
  });
  return ok({ myNumber });
}
