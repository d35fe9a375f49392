// The back-office side of the inbox: list (filters, search, pages), open, mark transcribed (転記済み). Opening an
// application shows personal data, so every view is audited with the staff member who looked,
// and the audit entry is written before the data leaves the server.
import {
  type ApplicationDetail,
  type ApplicationListResponse,
  type ApplicationStatus,
  isApplicationStatus,
} from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import {
  type ApplicationFilters,
  findApplication,
  listApplications,
  listDeviceNames,
  markTranscribed,
} from '../store/applications.ts';
import { appendAudit, recordAudit } from '../store/audit.ts';
import type { StaffIdentity } from '../store/staff.ts';
import type { FilterSummary } from './list-query.ts';
import { maskMyNumbers } from './my-number.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An id that can name an application (checked before it reaches the uuid cast). */
export const isApplicationId = (id: string): boolean => UUID.test(id);

export function parseStatusFilter(
  raw: string | undefined,
): Result<ApplicationStatus | undefined, BackOfficeError> {
  if (raw === undefined || raw === '') return ok(undefined);
  if (isApplicationStatus(raw)) return ok(raw);
  return err({ kind: 'bad-query', parameter: 'status' });
}

/**
 * The list shows names (氏名) too, so it is audited like a view: the filters (whether a search was
 * made, never its text: it may be a name), how many rows were shown and how many matched.
 */
export async function listInbox(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  filters: ApplicationFilters,
  summary: FilterSummary,
): Promise<ApplicationListResponse> {
  const [{ applications, total }, devices] = await Promise.all([
    listApplications(deps.sql, deps.procedures, filters),
    listDeviceNames(deps.sql),
  ]);
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'application.listed',
    target: null,
    detail: { ...summary, count: applications.length, total },
  });
  return { applications, total, offset: filters.offset, limit: filters.limit, devices };
}

export async function viewApplication(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
): Promise<Result<ApplicationDetail, BackOfficeError>> {
  // Not a UUID cannot exist; checking first also keeps a malformed id away from the uuid cast.
  if (!UUID.test(id)) return err({ kind: 'application-not-found' });
  const detail = await findApplication(deps.sql, deps.procedures, id);
  if (!detail) return err({ kind: 'application-not-found' });
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'application.viewed',
    target: id,
    detail: { receiptNumber: detail.receiptNumber },
  });
  return ok(maskMyNumbers(deps.procedures, detail));
}

/** Idempotent: a second call keeps the first transcription time and staff, and counts as a view. */
export async function markApplicationTranscribed(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
): Promise<Result<ApplicationDetail, BackOfficeError>> {
  if (!UUID.test(id)) return err({ kind: 'application-not-found' });
  const now = deps.clock.now();
  const detail = await deps.sql.transaction(async (tx) => {
    const changed = await markTranscribed(tx, id, staff.id, now);
    const after = await findApplication(tx, deps.procedures, id);
    if (!after) return undefined;
    await appendAudit(tx, now, {
      actor: staffActor(staff),
      action: changed ? 'application.transcribed' : 'application.viewed',
      target: id,
      detail: { receiptNumber: after.receiptNumber },
    });
    return after;
  });
  return detail ? ok(maskMyNumbers(deps.procedures, detail)) : err({ kind: 'application-not-found' });
}
