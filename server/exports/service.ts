// Exports (CSV per procedure) and their checks: read the applications, lay them out, audit, answer.
// Every export and every check is audited before a byte leaves the server: who, which procedure,
// encoding, filters, how many applications were written and left out — never a value. A My
// Number column needs a reason and is audited as a reveal on every application it shows, like
// the reveal in the inbox (inbox/my-number.ts), so each application's log says who saw its number.
import type { ExportCheckResponse, ExportEncoding } from '../../shared/api.ts';
import { ja } from '../../shared/i18n/lang.ts';
import type { ProcedureDefinition } from '../../shared/procedures/types.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { isoDateInJapan } from '../../shared/wareki.ts';
import { roleAllows } from '../auth/roles.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { type AuditAction, appendAudit, recordAudit } from '../store/audit.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { checkCp932, cp932Csv, csvTable, utf8Csv } from './csv.ts';
import type { ExportError } from './errors.ts';
import { type ExportApplication, revealedMyNumberFields } from './layout.ts';
import {
  type ExportFilters,
  parseCheckQuery,
  parseExportQuery,
  type RawQuery,
  receivedRange,
} from './query.ts';
import { listForExport } from './store.ts';

const EXPORT_CREATED: AuditAction = 'export.created';
const EXPORT_CHECKED: AuditAction = 'export.checked';

export interface CsvFile {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly contentType: string;
  readonly contentDisposition: string;
  /** Applications left out because the encoding cannot hold one of their values. */
  readonly refused: number;
}

const CONTENT_TYPES: Readonly<Record<ExportEncoding, string>> = {
  'utf-8': 'text/csv; charset=utf-8',
  shift_jis: 'text/csv; charset=Shift_JIS',
};

function auditFilters(f: ExportFilters) {
  return { status: f.status ?? 'all', from: f.from ?? null, to: f.to ?? null };
}

function selectApplications(
  deps: BackOfficeDeps,
  procedure: ProcedureDefinition,
  filters: ExportFilters,
): Promise<ExportApplication[]> {
  return listForExport(deps.sql, {
    procedure: procedure.id,
    status: filters.status,
    ...receivedRange(filters),
  });
}

/**
 * `attachment` with an ASCII name for every client and the Japanese one as RFC 5987/6266
 * filename*: tennyu-20261201.csv and 転入届-20261201.csv.
 */
export function contentDisposition(asciiName: string, name: string): string {
  // encodeURIComponent leaves ' ( ) * ! as they are; RFC 5987 attr-char does not allow them.
  const encoded = encodeURIComponent(name).replace(
    /['()*!]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`;
}

function fileNames(procedure: ProcedureDefinition, at: Date): { ascii: string; name: string } {
  const day = isoDateInJapan(at).replaceAll('-', '');
  const id = /^[A-Za-z0-9._-]{1,60}$/.test(procedure.id) ? procedure.id : 'export';
  return { ascii: `${id}-${day}.csv`, name: `${ja(procedure.name)}-${day}.csv` };
}

export async function exportCsv(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  procedureId: string,
  query: RawQuery,
): Promise<Result<CsvFile, ExportError>> {
  const procedure = deps.procedures.get(procedureId);
  if (!procedure) return err({ kind: 'procedure-not-found' });
  const request = parseExportQuery(query);
  if (!request.ok) return request;
  const { encoding, filters, myNumber } = request.value;
  // My Number columns are a reveal: the role needs that permission too, not only exports.read.
  if (myNumber !== undefined && !roleAllows(staff.role, 'my-number.reveal')) {
    await recordAudit(deps.sql, deps.clock.now(), {
      actor: staffActor(staff),
      action: 'access.refused',
      target: null,
      detail: { permission: 'my-number.reveal', role: staff.role, route: `export ${procedure.id}` },
    });
    return err({ kind: 'forbidden', permission: 'my-number.reveal', role: staff.role });
  }
  const applications = await selectApplications(deps, procedure, filters);
  const table = csvTable(procedure, applications, { includeMyNumber: myNumber !== undefined });
  const check = encoding === 'shift_jis' ? checkCp932(table) : undefined;
  const bytes = check ? cp932Csv(table, check) : utf8Csv(table);
  const exported = check ? check.kept.map((r) => r.application) : applications;
  const refused = check?.refused.length ?? 0;
  const now = deps.clock.now();
  const actor = staffActor(staff);
  await deps.sql.transaction(async (tx) => {
    await appendAudit(tx, now, {
      actor,
      action: EXPORT_CREATED,
      target: null,
      detail: {
        procedure: procedure.id,
        encoding,
        ...auditFilters(filters),
        exported: exported.length,
        refused,
        myNumber: myNumber !== undefined,
        ...(myNumber ? { reason: myNumber.reason } : {}),
      },
    });
    if (!myNumber) return;
    for (const application of exported) {
      const fields = revealedMyNumberFields(table.columns, application);
      if (fields.length === 0) continue;
      await appendAudit(tx, now, {
        actor,
        action: 'application.my-number-revealed',
        target: application.id,
        detail: { receiptNumber: application.receiptNumber, fields, reason: myNumber.reason, via: 'export' },
      });
    }
  });
  const names = fileNames(procedure, now);
  return ok({
    bytes,
    contentType: CONTENT_TYPES[encoding],
    contentDisposition: contentDisposition(names.ascii, names.name),
    refused,
  });
}

/** What the CSV in this encoding would leave out, by application and field (no values, only characters). */
export async function checkExport(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  procedureId: string,
  query: RawQuery,
): Promise<Result<ExportCheckResponse, ExportError>> {
  const procedure = deps.procedures.get(procedureId);
  if (!procedure) return err({ kind: 'procedure-not-found' });
  const request = parseCheckQuery(query);
  if (!request.ok) return request;
  const { encoding, filters } = request.value;
  const applications = await selectApplications(deps, procedure, filters);
  // My Number columns hold 12 validated digits: with or without them, the answer is the same.
  const table = csvTable(procedure, applications, { includeMyNumber: false });
  const check = encoding === 'shift_jis' ? checkCp932(table) : undefined;
  const refused = check?.refused.length ?? 0;
  const response: ExportCheckResponse = {
    procedure: procedure.id,
    procedureName: ja(procedure.name),
    encoding,
    applications: applications.length,
    exportable: applications.length - refused,
    refused,
    problems: check?.problems ?? [],
  };
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: EXPORT_CHECKED,
    target: null,
    detail: {
      procedure: procedure.id,
      encoding,
      ...auditFilters(filters),
      applications: response.applications,
      exportable: response.exportable,
      refused,
    },
  });
  return ok(response);
}
