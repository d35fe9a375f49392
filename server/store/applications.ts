// 申請 (applications) as received from the tablets. The row id is the tablet's idempotency key.
import type {
  ApplicationDetail,
  ApplicationStatus,
  ApplicationSummary,
  StoredSignature,
} from '../../shared/api.ts';
import {
  type ApplicationEnvelope,
  type CardEvidence,
  ENVELOPE_VERSION,
  signedContent,
} from '../../shared/application.ts';
import { isLang, ja } from '../../shared/i18n/lang.ts';
import type { ProcedureLookup } from '../../shared/procedures/registry.ts';
import type { ProcedureValues } from '../../shared/procedures/types.ts';
import { contentSha256 } from '../../shared/signature.ts';
import { BACK_OFFICE_ISSUER, formatReceiptNumber, tokyoDay } from './receipt-number.ts';
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
  /**
   * The tablet and the sync envelope that brought it (server/sync/ingest.ts sets both). Null only
   * for rows shaped like those received before the sync protocol (migration tests).
   */
  readonly deviceId: string | null;
  readonly syncEnvelopeId: string | null;
}

/**
 * The back office's own next 受付番号 (issuer 00, receipt-number.ts), for an application that no
 * tablet brought; tablets number theirs in their device row (sync/ingest.ts).
 */
export async function allocateReceiptNumber(tx: SqlExecutor, receivedAt: Date): Promise<string> {
  const day = tokyoDay(receivedAt);
  const { rows } = await tx.query<{ last_seq: unknown }>(
    `INSERT INTO receipt_counters (day, last_seq) VALUES ($1, 1)
     ON CONFLICT (day) DO UPDATE SET last_seq = receipt_counters.last_seq + 1
     RETURNING last_seq`,
    [day],
  );
  return formatReceiptNumber(day, BACK_OFFICE_ISSUER, toInt(rows[0]?.last_seq));
}

const APPLICATION_COLUMNS = 18;

/** The parameters of one applications row, in the column order of APPLICATION_INSERT. */
function applicationParams(app: NewApplication, receiptNumber: string): unknown[] {
  const e = app.envelope;
  const { png, ...record } = e.signature;
  const signature: StoredSignature = record;
  return [
    e.id,
    receiptNumber,
    e.procedure,
    e.visitId,
    e.lang,
    JSON.stringify(e.fields),
    JSON.stringify(e.card),
    JSON.stringify(e.omittedAttachments),
    JSON.stringify(signature),
    png,
    e.signature.signedAt,
    app.contentHash,
    e.createdAt,
    e.createdAt,
    app.receivedAt.toISOString(),
    app.receivedBy,
    app.deviceId,
    app.syncEnvelopeId,
  ];
}

const JSONB_COLUMNS = new Set([6, 7, 8, 9]); // fields, card, omitted_attachments, signature (1-based)

/** The columns of an applications row, in the order of applicationParams. */
export const APPLICATION_INSERT = `INSERT INTO applications (id, receipt_number, procedure, visit_id, lang,
       fields, card, omitted_attachments, signature, signature_png, signed_at, content_hash, created_at,
       created_at_text, received_at, received_by, device_id, sync_envelope_id)`;

/** The VALUES rows of the applications, their parameters pushed onto params. */
export function applicationValues(
  apps: readonly (NewApplication & { readonly receiptNumber: string })[],
  params: unknown[],
): string {
  return apps
    .map((app) => {
      const at = params.length;
      params.push(...applicationParams(app, app.receiptNumber));
      const cells = Array.from({ length: APPLICATION_COLUMNS }, (_, i) =>
        JSONB_COLUMNS.has(i + 1) ? `$${at + i + 1}::jsonb` : `$${at + i + 1}`,
      );
      return `(${cells.join(', ')})`;
    })
    .join(', ');
}

/**
 * Inserts the application unless its id exists (undefined then). ON CONFLICT DO NOTHING makes a
 * concurrent insert of the same id wait for the first and then do nothing instead of failing.
 */
export async function insertApplication(
  tx: SqlExecutor,
  app: NewApplication,
  receiptNumber: string,
): Promise<StoredReceipt | undefined> {
  const params: unknown[] = [];
  const { rows } = await tx.query<ReceiptRow>(
    `${APPLICATION_INSERT}
     VALUES ${applicationValues([{ ...app, receiptNumber }], params)}
     ON CONFLICT (id) DO NOTHING
     RETURNING id, receipt_number, received_at, content_hash`,
    params,
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
  device_name: string | null;
}

interface DetailRow extends SummaryRow {
  visit_id: string | null;
  lang: string | null;
  fields: ProcedureValues;
  card: CardEvidence;
  omitted_attachments: string[];
  signature: StoredSignature | null;
  has_signature: boolean;
  created_at: unknown;
  created_at_text: string | null;
  transcribed_at: unknown;
  transcribed_by: string | null;
}

const SUMMARY_COLUMNS = `a.id, a.receipt_number, a.procedure, a.fields->>'name' AS name, a.received_at, a.status,
  (SELECT d.name FROM devices d WHERE d.id = a.device_id) AS device_name`;

/** The name staff read (転入届); the id itself for a procedure the catalogue no longer has. */
function procedureName(procedures: ProcedureLookup, id: string): string {
  const procedure = procedures.get(id);
  return procedure ? ja(procedure.name) : id;
}

function toSummary(r: SummaryRow, procedures: ProcedureLookup): ApplicationSummary {
  return {
    id: r.id,
    receiptNumber: r.receipt_number,
    procedure: r.procedure,
    procedureName: procedureName(procedures, r.procedure),
    name: r.name ?? '',
    receivedAt: toIso(r.received_at),
    status: r.status,
    deviceName: r.device_name,
  };
}

export interface ApplicationFilters {
  readonly procedure?: string;
  /** The tablet that delivered it. */
  readonly deviceId?: string;
  /** Any of these; all when empty. */
  readonly statuses: readonly ApplicationStatus[];
  readonly since?: Date; // received_at >= since
  readonly before?: Date; // received_at < before
  /** Already without spaces; matched as plain text (position(), never LIKE: no wildcards). */
  readonly search?: string;
  readonly limit: number;
  readonly offset: number;
}

/** 氏名 and フリガナ without half- and full-width spaces, for a search that ignores spacing. */
const unspaced = (column: string) => `replace(replace(coalesce(${column}, ''), ' ', ''), '　', '')`;

/** Newest first, one page, and how many match in all. Every value is a bound parameter. */
export async function listApplications(
  sql: SqlExecutor,
  procedures: ProcedureLookup,
  filters: ApplicationFilters,
): Promise<{ applications: ApplicationSummary[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filters.procedure !== undefined) conditions.push(`a.procedure = ${bind(filters.procedure)}`);
  if (filters.deviceId !== undefined) conditions.push(`a.device_id = ${bind(filters.deviceId)}`);
  if (filters.statuses.length > 0) conditions.push(`a.status = ANY(${bind(filters.statuses)}::text[])`);
  if (filters.since) conditions.push(`a.received_at >= ${bind(filters.since.toISOString())}`);
  if (filters.before) conditions.push(`a.received_at < ${bind(filters.before.toISOString())}`);
  if (filters.search !== undefined) {
    const q = bind(filters.search);
    conditions.push(`(position(upper(${q}) in a.receipt_number) > 0
      OR position(${q} in ${unspaced("a.fields->>'name'")}) > 0
      OR position(${q} in ${unspaced("a.fields->>'nameKana'")}) > 0)`);
  }
  const where = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const counted = await sql.query<{ n: unknown }>(
    `SELECT count(*) AS n FROM applications a ${where}`,
    params,
  );
  const { rows } = await sql.query<SummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM applications a ${where}
     ORDER BY a.received_at DESC, a.receipt_number DESC
     LIMIT ${bind(filters.limit)} OFFSET ${bind(filters.offset)}`,
    params,
  );
  return { applications: rows.map((r) => toSummary(r, procedures)), total: toInt(counted.rows[0]?.n) };
}

/** Every enrolled tablet (revoked ones too: their applications stay), for the inbox's 端末 filter. */
export async function listDeviceNames(sql: SqlExecutor): Promise<{ id: string; name: string }[]> {
  const { rows } = await sql.query<{ id: string; name: string }>(
    'SELECT id, name FROM devices ORDER BY name, id',
  );
  return rows;
}

/**
 * Whether the stored signature record was made over the stored content, recomputed from the
 * columns as they are now: an edit in the database after receipt turns it false.
 */
async function storedSignatureMatches(r: DetailRow): Promise<boolean> {
  if (!r.signature || r.visit_id === null || r.created_at_text === null || !isLang(r.lang)) return false;
  const content = signedContent({
    version: ENVELOPE_VERSION,
    id: r.id,
    visitId: r.visit_id,
    procedure: r.procedure,
    createdAt: r.created_at_text,
    fields: r.fields,
    card: r.card,
    omittedAttachments: r.omitted_attachments,
    lang: r.lang,
  });
  return (await contentSha256(content)) === r.signature.contentSha256;
}

/** The full application, My Number unmasked: callers mask it (inbox/my-number.ts) before answering. */
export async function findApplication(
  sql: SqlExecutor,
  procedures: ProcedureLookup,
  id: string,
): Promise<ApplicationDetail | undefined> {
  const { rows } = await sql.query<DetailRow>(
    `SELECT ${SUMMARY_COLUMNS}, a.visit_id, a.lang, a.fields, a.card, a.omitted_attachments, a.signature,
       a.signature_png <> '' AS has_signature, a.created_at, a.created_at_text, a.transcribed_at,
       t.display_name AS transcribed_by
     FROM applications a LEFT JOIN staff t ON t.id = a.transcribed_by
     WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...toSummary(r, procedures),
    createdAt: toIso(r.created_at),
    visitId: r.visit_id,
    lang: isLang(r.lang) ? r.lang : null,
    fields: r.fields,
    card: { source: r.card.source, unlockedWith: r.card.unlockedWith, checks: r.card.checks },
    omittedAttachments: r.omitted_attachments,
    hasSignature: r.has_signature,
    signature: r.signature,
    signatureVerified: await storedSignatureMatches(r),
    transcribedAt: r.transcribed_at === null ? null : toIso(r.transcribed_at),
    transcribedBy: r.transcribed_by,
  };
}

/**
 * received or checked → transcribed (the extension's path); false when it was transcribed
 * already (the first time is kept), or is done.
 */
export async function markTranscribed(
  tx: SqlExecutor,
  id: string,
  staffId: number,
  at: Date,
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE applications SET status = 'transcribed', transcribed_at = $2, transcribed_by = $3
     WHERE id = $1 AND status IN ('received', 'checked')`,
    [id, at.toISOString(), staffId],
  );
  return result.rowCount === 1;
}

/** The status now, the row locked until the transaction ends; undefined for no such application. */
export async function lockStatus(
  tx: SqlExecutor,
  id: string,
): Promise<{ status: ApplicationStatus; receiptNumber: string } | undefined> {
  const { rows } = await tx.query<{ status: ApplicationStatus; receipt_number: string }>(
    'SELECT status, receipt_number FROM applications WHERE id = $1 FOR UPDATE',
    [id],
  );
  const r = rows[0];
  return r ? { status: r.status, receiptNumber: r.receipt_number } : undefined;
}

/**
 * Sets the status (the caller checked the step). Entering 転記済み stamps who and when; going back
 * below it clears them, so the row says what is true now (the audit log keeps the history).
 */
export async function setStatus(
  tx: SqlExecutor,
  id: string,
  to: ApplicationStatus,
  staffId: number,
  at: Date,
): Promise<void> {
  if (to === 'transcribed' || to === 'done')
    await tx.query(
      `UPDATE applications SET status = $2, transcribed_at = coalesce(transcribed_at, $3),
         transcribed_by = coalesce(transcribed_by, $4)
       WHERE id = $1`,
      [id, to, at.toISOString(), staffId],
    );
  else
    await tx.query(
      'UPDATE applications SET status = $2, transcribed_at = NULL, transcribed_by = NULL WHERE id = $1',
      [id, to],
    );
}

/** The signature PNG as received (a data: URL), or undefined for no such application. */
export async function findSignaturePng(
  sql: SqlExecutor,
  id: string,
): Promise<{ png: string; receiptNumber: string } | undefined> {
  const { rows } = await sql.query<{ signature_png: string; receipt_number: string }>(
    'SELECT signature_png, receipt_number FROM applications WHERE id = $1',
    [id],
  );
  const r = rows[0];
  return r ? { png: r.signature_png, receiptNumber: r.receipt_number } : undefined;
}
