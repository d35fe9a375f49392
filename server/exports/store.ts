// The applications an export reads: one procedure, the filters, oldest first (the order they were
// received in, which is the order a legacy import registers them). Unmasked: the export decides
// which columns leave the server.
import type { ApplicationStatus } from '../../shared/api.ts';
import type { AnswerValue } from '../../shared/procedures/types.ts';
import { type SqlExecutor, toIso } from '../store/sql.ts';
import type { ExportApplication } from './layout.ts';

export interface ExportSelection {
  readonly procedure: string;
  readonly status: ApplicationStatus | undefined;
  readonly since?: Date; // received_at >= since
  readonly before?: Date; // received_at < before
}

interface ExportRow {
  id: string;
  receipt_number: string;
  received_at: unknown;
  status: ApplicationStatus;
  fields: Record<string, AnswerValue>;
}

export async function listForExport(
  sql: SqlExecutor,
  selection: ExportSelection,
): Promise<ExportApplication[]> {
  const conditions = ['procedure = $1'];
  const params: unknown[] = [selection.procedure];
  const add = (condition: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(params.length));
  };
  if (selection.status !== undefined) add((n) => `status = $${n}`, selection.status);
  if (selection.since) add((n) => `received_at >= $${n}`, selection.since.toISOString());
  if (selection.before) add((n) => `received_at < $${n}`, selection.before.toISOString());
  const { rows } = await sql.query<ExportRow>(
    `SELECT id, receipt_number, received_at, status, fields FROM applications
     WHERE ${conditions.join(' AND ')}
     ORDER BY received_at, receipt_number`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    receiptNumber: r.receipt_number,
    receivedAt: toIso(r.received_at),
    status: r.status,
    fields: r.fields,
  }));
}
