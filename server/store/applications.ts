// 申請 (applications) as received from the tablets. The row id is the tablet's idempotency key.
import type { ApplicationDetail, ApplicationStatus, ApplicationSummary } from '../../shared/api.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { findProcedure } from '../../shared/procedures/index.ts';
import { formatReceiptNumber, tokyoDay } from './receipt-number.ts';
import { type SqlExecutor, toInt, toIso } from './sql.ts';

export interface StoredReceipt {
  readonly id: string;
  readonly receiptNumber: string;
  readonly receivedAt: string;
  readonly contentHash: string;
}

export interface NewApplication {
  readonly envelope: ApplicationEnvelope;
  readonly contentHash: string;
  readonly receivedAt: Date;
  readonly receivedBy: number; // staff id signed in on the tablet
}

/** Next 受付番号 of the Tokyo day; the counter row stays locked until the transaction ends. */
export async function allocateReceiptNumber(tx: SqlExecutor, receivedAt: Date): Promise<string> {
  const day = tokyoDay(receivedAt);
  const { rows } = await tx.query<{ last_seq: unknown }>(
    `INSERT INTO receipt_counters (day, last_seq) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last_seq = receipt_counters.last_seq + 1
     RETURNING last_seq`,
    [day],
  );
  return formatReceiptNumber(day, toInt(rows[0]?.last_seq));
}

/**
 * Inserts unless the id exists. ON CONFLICT DO NOTHING makes a concurrent second insert of the
 * same id wait for the first and then do nothing, instead of failing: undefined means "stored
 * already", by this or another request.
 */
export async function insertApplication(
  tx: SqlExecutor,
  app: NewApplication,
  receiptNumber: string,
): Promise<StoredReceipt | undefined> {
  const e = app.envelope;
  const { rows } = await tx.query<ReceiptRow>(
    `INSERT INTO applications (id, receipt_number, procedure, fields, card, signature_png, signed_at,
       content_hash, created_at, received_at, received_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (id) DO NOTHING
     RETURNING id, receipt_number, received_at, content_hash`,
    [
      e.id,
      receiptNumber,
      e.procedure,
      JSON.stringify(e.fields),
      JSON.stringify(e.card),
      e.signature.png,
      e.signature.signedAt,
      app.contentHash,
      e.createdAt,
      app.receivedAt.toISOString(),
      app.receivedBy,
    ],
  );
  return rows[0] ? fromReceiptRow(rows[0]) : undefined;
}

interface ReceiptRow {
  id: string;
  receipt_number: string;
  received_at: unknown;
  content_hash: string;
}

function fromReceiptRow(r: ReceiptRow): StoredReceipt {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    receivedAt: toIso(r.received_at),
    contentHash: r.content_hash,
  };
}

export async function findReceipt(sql: SqlExecutor, id: string): Promise<StoredReceipt | undefined> {
  const { rows } = await sql.query<ReceiptRow>(
    'SELECT id, receipt_number, received_at, content_hash FROM applications WHERE id = $1',
    [id],
  );
  return rows[0] ? fromReceiptRow(rows[0]) : undefined;
}

interface SummaryRow {
  id: string;
  receipt_number: string;
  procedure: string;
  name: string | null;
  received_at: unknown;
  status: ApplicationStatus;
}

interface DetailRow extends SummaryRow {
  fields: Record<string, string>;
  card: { source: string; unlockedWith: string; checks: string[] };
  has_signature: boolean;
  created_at: unknown;
  transcribed_at: unknown;
  transcribed_by: string | null;
}

const SUMMARY_COLUMNS = `a.id, a.receipt_number, a.procedure, a.fields->>'name' AS name, a.received_at, a.status`;

function toSummary(r: SummaryRow): ApplicationSummary {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    procedure: r.procedure,
    procedureName: findProcedure(r.procedure)?.name ?? r.procedure,
    name: r.name ?? '',
    receivedAt: toIso(r.received_at),
    status: r.status,
  };
}

/** Newest first. (Paging arrives with the dashboard; a counter's inbox is small until then.) */
export async function listApplications(
  sql: SqlExecutor,
  status: ApplicationStatus | undefined,
): Promise<ApplicationSummary[]> {
  const order = 'ORDER BY a.received_at DESC, a.receipt_number DESC';
  const { rows } = status
    ? await sql.query<SummaryRow>(
        `SELECT ${SUMMARY_COLUMNS} FROM applications a WHERE a.status = $1 ${order}`,
        [status],
      )
    : await sql.query<SummaryRow>(`SELECT ${SUMMARY_COLUMNS} FROM applications a ${order}`);
  return rows.map(toSummary);
}

export async function findApplication(sql: SqlExecutor, id: string): Promise<ApplicationDetail | undefined> {
  const { rows } = await sql.query<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, a.fields, a.card, a.signature_png <> '' AS has_signature, a.created_at,
       a.transcribed_at, t.display_name AS transcribed_by
     FROM applications a LEFT JOIN staff t ON t.id = a.transcribed_by
     WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...toSummary(r),
    createdAt: toIso(r.created_at),
    fields: r.fields,
    card: { source: r.card.source, unlockedWith: r.card.unlockedWith, checks: r.card.checks },
    hasSignature: r.has_signature,
    transcribedAt: r.transcribed_at === null ? null : toIso(r.transcribed_at),
    transcribedBy: r.transcribed_by,
  };
}

/** received → transcribed; false when it was transcribed already (the first time is kept). */
export async function markTranscribed(
  tx: SqlExecutor,
  id: string,
  staffId: number,
  at: Date,
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE applications SET status = 'transcribed', transcribed_at = $2, transcribed_by = $3
     WHERE id = $1 AND status = 'received'`,
    [id, at.toISOString(), staffId],
  );
  return result.rowCount === 1;
}
