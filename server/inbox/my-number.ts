// The My Number (特定個人情報) in the back office: every answer shows it masked; the full number
// is only given to a staff member who states why, and that reveal is audited with the reason
// before the number leaves the server (mission.md, flow B). Which fields hold a My Number is the
// procedure's word (spec type 'my-number'), never a field's name.
import type { ApplicationDetail, RevealMyNumberResponse } from '../../shared/api.ts';
import { isValidMyNumber } from '../../shared/mynumber.ts';
import type { ProcedureLookup } from '../../shared/procedures/registry.ts';
import {
  type AnswerValue,
  type GroupRow,
  isGroup,
  type ProcedureDefinition,
  type ProcedureValues,
} from '../../shared/procedures/types.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import type { RevealMyNumberBody } from '../http/schemas.ts';
import { findApplication } from '../store/applications.ts';
import { recordAudit } from '../store/audit.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { isApplicationId } from './review.ts';

/** 12 digits → 「●●●●●●●●9018」: enough to tell two applications apart, not to use the number. */
function mask(value: string): string {
  return `${'●'.repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;
}

/** The procedure's top-level My Number fields, in form order. */
function myNumberFields(procedure: ProcedureDefinition): string[] {
  return procedure.fields.filter((f) => f.spec.type === 'my-number').map((f) => f.name);
}

function maskKnown(procedure: ProcedureDefinition, fields: ProcedureValues): ProcedureValues {
  const out: Record<string, AnswerValue> = { ...fields };
  for (const field of procedure.fields) {
    const value = fields[field.name];
    if (value === undefined) continue;
    const spec = field.spec;
    if (isGroup(spec)) {
      // A list of people may carry each one's number (世帯員の個人番号): mask those columns too.
      const columns = spec.columns.filter((c) => c.type === 'my-number').map((c) => c.key);
      if (columns.length === 0 || !Array.isArray(value)) continue;
      out[field.name] = value.map((row: GroupRow) => {
        const masked: Record<string, string> = { ...row };
        for (const c of columns) if (typeof row[c] === 'string') masked[c] = mask(row[c]);
        return masked;
      });
    } else if (spec.type === 'my-number' && typeof value === 'string') out[field.name] = mask(value);
  }
  return out;
}

/**
 * A procedure the catalogue no longer has (the row outlived it): its field types are unknown, so
 * every value that is a valid My Number is masked. Fails closed: a number never shows by accident.
 */
function maskUnknown(fields: ProcedureValues): ProcedureValues {
  const guard = (v: string) => (isValidMyNumber(v) ? mask(v) : v);
  return Object.fromEntries(
    Object.entries(fields).map(([name, value]) => [
      name,
      typeof value === 'string'
        ? guard(value)
        : value.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, guard(v)]))),
    ]),
  );
}

export function maskMyNumbers(procedures: ProcedureLookup, detail: ApplicationDetail): ApplicationDetail {
  const procedure = procedures.get(detail.procedure);
  const fields = procedure ? maskKnown(procedure, detail.fields) : maskUnknown(detail.fields);
  return { ...detail, fields };
}

export async function revealMyNumber(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
  /** Checked by http/schemas.ts revealMyNumberBody: the reason trimmed, 2–200 characters. */
  request: RevealMyNumberBody,
): Promise<Result<RevealMyNumberResponse, BackOfficeError>> {
  if (!isApplicationId(id)) return err({ kind: 'application-not-found' });
  const detail = await findApplication(deps.sql, deps.procedures, id);
  if (!detail) return err({ kind: 'application-not-found' });
  const procedure = deps.procedures.get(detail.procedure);
  // Only a field the procedure types as a My Number can be revealed: a name in the request
  // never turns another field (a phone number) into a revealable one.
  const candidates = procedure ? myNumberFields(procedure) : [];
  const held = (name: string) => {
    const v = detail.fields[name];
    return typeof v === 'string' && v !== '' ? v : undefined;
  };
  const field =
    request.field !== undefined
      ? candidates.find((name) => name === request.field)
      : candidates.find((name) => held(name) !== undefined);
  const myNumber = field === undefined ? undefined : held(field);
  if (field === undefined || myNumber === undefined) return err({ kind: 'no-my-number' });
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'application.my-number-revealed',
    target: id,
    detail: { receiptNumber: detail.receiptNumber, field, reason: request.reason },
  });
  return ok({ field, myNumber });
}
