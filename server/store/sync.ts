// The per-device chains of sync envelopes as stored (migration 6). The head of a device's chain
// (devices.last_seq / last_hash) and its 受付番号 counter (migration 7) move only inside the
// transaction that stores the envelopes, with the device row locked (lockChain), so two requests
// of one device — a resend racing the original, two tabs, a duplicate from a proxy — are answered
// one after the other, and tablets never wait for each other except for the audit head.
import { GENESIS_HASH, type SyncEnvelope } from '../../shared/sync/envelope.ts';
import type { SyncApplicationReceipt } from '../../shared/sync/protocol.ts';
import { APPLICATION_INSERT, applicationValues, type NewApplication } from './applications.ts';
import { type AuditEntry, auditAppendCtes } from './audit.ts';
import { fromJson, type SqlExecutor, toInt, toIso } from './sql.ts';

/** A device's chain head and 受付番号 counter, as its row stands with the lock taken. */
export interface LockedDevice {
  readonly head: { readonly seq: number; readonly hash: string };
  readonly revoked: boolean;
  /** devices.number: the issuer part of the tablet's 受付番号 (receipt-number.ts). */
  readonly issuer: number;
  readonly receipts: { readonly day: string | null; readonly seq: number };
}

/** What a batch needs to know once the head is locked (see lockChain). */
export interface ChainState {
  readonly stored: Map<number, { id: string; hash: string }>;
  readonly known: Map<string, SyncApplicationReceipt & { contentHash: string }>;
  readonly kept: { bodySha256: string; response: unknown } | undefined;
}

export interface ChainQuery {
  readonly deviceId: string;
  readonly seqs: readonly number[];
  readonly applicationIds: readonly string[];
  readonly idempotencyKey: string | undefined;
}

// The envelopes stored under the batch's sequence numbers, the applications stored under its
// application ids, and what its idempotency key kept ($1…$4).
const STATE_COLUMNS = `
  (SELECT coalesce(json_agg(json_build_object('seq', s.seq, 'id', s.id, 'hash', s.hash)), '[]'::json)
     FROM sync_envelopes s WHERE s.device_id = $1 AND s.seq = ANY($2::bigint[])) AS stored,
  (SELECT coalesce(json_agg(json_build_object('id', a.id, 'procedure', a.procedure,
       'receiptNumber', a.receipt_number, 'receivedAt', a.received_at, 'contentHash', a.content_hash)),
       '[]'::json)
     FROM applications a WHERE a.id = ANY($3::uuid[])) AS known,
  (SELECT json_build_object('bodySha256', b.body_sha256, 'response', b.response)
     FROM sync_batches b WHERE b.device_id = $1 AND b.idempotency_key = $4) AS kept`;

interface StateRow {
  stored: unknown;
  known: unknown;
  kept: unknown;
}

function chainStateOf(r: StateRow | undefined): ChainState {
  const stored = (fromJson(r?.stored) ?? []) as { seq: unknown; id: string; hash: string }[];
  const known = (fromJson(r?.known) ?? []) as {
    id: string;
    procedure: string;
    receiptNumber: string;
    receivedAt: unknown;
    contentHash: string;
  }[];
  const kept = fromJson(r?.kept) as { bodySha256: string; response: unknown } | null | undefined;
  return {
    stored: new Map(stored.map((e) => [toInt(e.seq), { id: e.id, hash: e.hash }])),
    known: new Map(known.map((a) => [a.id, { ...a, receivedAt: toIso(a.receivedAt) }])),
    kept: kept ?? undefined,
  };
}

/**
 * Locks the device's row until the transaction ends and reads, in the same statement, its head
 * and counter and the chain state of the batch; undefined for an unknown device.
 *
 * The state must be read after the lock is granted: a request of the same device that held it
 * may have stored envelopes and moved the head meanwhile. FOR UPDATE hands back the newest row
 * version, but the rest of a statement reads its start-of-statement snapshot; so the row version
 * seen by that snapshot is compared with the locked one (xmin), and when the row changed while
 * the statement waited, the state is read again by a statement of its own, whose snapshot sees
 * what the lock holder committed. Uncontended, that is one round trip.
 */
export async function lockChain(
  tx: SqlExecutor,
  q: ChainQuery,
): Promise<{ device: LockedDevice; state: ChainState } | undefined> {
  const params = [q.deviceId, q.seqs, q.applicationIds, q.idempotencyKey ?? ''];
  const { rows } = await tx.query<
    StateRow & {
      last_seq: unknown;
      last_hash: string;
      revoked: boolean;
      number: unknown;
      receipt_day: string | null;
      receipt_seq: unknown;
      locked_version: string;
      seen_version: string | null;
    }
  >(
    `WITH locked AS (
       SELECT last_seq, last_hash, revoked_at IS NOT NULL AS revoked, number, receipt_day, receipt_seq,
         xmin::text AS locked_version
       FROM devices WHERE id = $1 FOR UPDATE
     )
     SELECT locked.*, (SELECT xmin::text FROM devices WHERE id = $1) AS seen_version, ${STATE_COLUMNS}
     FROM locked`,
    params,
  );
  const r = rows[0];
  if (!r) return undefined;
  const device: LockedDevice = {
    head: { seq: toInt(r.last_seq), hash: r.last_hash },
    revoked: r.revoked,
    issuer: toInt(r.number),
    receipts: { day: r.receipt_day, seq: toInt(r.receipt_seq) },
  };
  if (r.seen_version === r.locked_version) return { device, state: chainStateOf(r) };
  const again = await tx.query<StateRow>(`SELECT ${STATE_COLUMNS}`, params);
  return { device, state: chainStateOf(again.rows[0]) };
}

/** The head without a lock (for an answer after a refusal). */
export async function readChainHead(
  sql: SqlExecutor,
  deviceId: string,
): Promise<{ seq: number; hash: string }> {
  const { rows } = await sql.query<{ last_seq: unknown; last_hash: string }>(
    'SELECT last_seq, last_hash FROM devices WHERE id = $1',
    [deviceId],
  );
  const r = rows[0];
  return { seq: r ? toInt(r.last_seq) : 0, hash: r?.last_hash ?? GENESIS_HASH };
}

export interface NewSyncEnvelope {
  readonly deviceId: string;
  readonly seq: number;
  readonly id: string;
  readonly hash: string;
  readonly prevHash: string;
  readonly createdAt: string;
  readonly procedures: readonly string[];
  readonly receivedAt: Date;
  readonly receivedBy: number;
  readonly source: 'network' | 'import';
}

/** The sync_envelopes row of an envelope as it arrived (its payload goes to applications). */
export function syncEnvelopeRow(
  e: Pick<SyncEnvelope, 'deviceId' | 'seq' | 'id' | 'hash' | 'prevHash' | 'createdAt' | 'procedures'>,
  arrival: Pick<NewSyncEnvelope, 'receivedAt' | 'receivedBy' | 'source'>,
): NewSyncEnvelope {
  const { deviceId, seq, id, hash, prevHash, createdAt, procedures } = e;
  return { deviceId, seq, id, hash, prevHash, createdAt, procedures, ...arrival };
}

/** The columns of a sync_envelopes row, in the order of syncEnvelopeParams. */
export const SYNC_ENVELOPE_INSERT = `INSERT INTO sync_envelopes (device_id, seq, id, hash, prev_hash,
       created_at, procedures, received_at, received_by, source)`;

/** The parameters of one sync_envelopes row. */
function syncEnvelopeParams(e: NewSyncEnvelope): unknown[] {
  return [
    e.deviceId,
    e.seq,
    e.id,
    e.hash,
    e.prevHash,
    e.createdAt,
    JSON.stringify(e.procedures),
    e.receivedAt.toISOString(),
    e.receivedBy,
    e.source,
  ];
}

/** The VALUES rows of the envelopes, their parameters pushed onto params. */
export function syncEnvelopeValues(envelopes: readonly NewSyncEnvelope[], params: unknown[]): string {
  return envelopes
    .map((e) => {
      const at = params.length;
      params.push(...syncEnvelopeParams(e));
      return `($${at + 1}, $${at + 2}::bigint, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}::timestamptz, $${at + 7}::jsonb, $${at + 8}::timestamptz, $${at + 9}::integer, $${at + 10})`;
    })
    .join(', ');
}

/** What a batch's idempotency key keeps: the hash of the body it came with. */
export interface KeptKey {
  readonly key: string;
  readonly bodySha256: string;
  readonly at: Date;
}

export interface NewSyncBatch {
  readonly deviceId: string;
  /** The locked head the batch follows, and where it moves: the last new envelope. */
  readonly from: { readonly seq: number };
  readonly to: { readonly seq: number; readonly hash: string };
  /** The device's 受付番号 counter after the batch's applications. */
  readonly receipts: { readonly day: string; readonly seq: number };
  readonly envelopes: readonly NewSyncEnvelope[];
  readonly applications: readonly (NewApplication & { readonly receiptNumber: string })[];
  readonly kept?: KeptKey;
  readonly audit: { readonly at: Date; readonly entry: AuditEntry };
}

/**
 * Stores a batch in one statement: the device's head and counter move (only from the locked
 * head), the envelopes and the applications are inserted (each unless its id is taken), the key
 * is kept with its body's hash, and the audit entry is appended last (its head row is shared by every
 * writer: it stays locked only for the rest of this statement and the COMMIT). Answers how many
 * of each were written; fewer than given means a taken id, and the caller rolls back.
 */
export async function storeSyncBatch(
  tx: SqlExecutor,
  batch: NewSyncBatch,
): Promise<{ moved: number; envelopes: number; applications: number; audited: number }> {
  const params: unknown[] = [
    batch.deviceId,
    batch.from.seq,
    batch.to.seq,
    batch.to.hash,
    batch.receipts.day,
    batch.receipts.seq,
  ];
  const parts = [
    `moved AS (
       UPDATE devices SET last_seq = $3, last_hash = $4, receipt_day = $5, receipt_seq = $6
       WHERE id = $1 AND last_seq = $2 RETURNING 1
     )`,
  ];
  const withEnvelopes = batch.envelopes.length > 0;
  if (withEnvelopes)
    parts.push(`envelopes AS (
       ${SYNC_ENVELOPE_INSERT}
       VALUES ${syncEnvelopeValues(batch.envelopes, params)}
       ON CONFLICT DO NOTHING
       RETURNING 1
     )`);
  if (batch.applications.length > 0)
    parts.push(`applications AS (
       ${APPLICATION_INSERT}
       VALUES ${applicationValues(batch.applications, params)}
       ON CONFLICT (id) DO NOTHING
       RETURNING 1
     )`);
  if (batch.kept) parts.push(`kept AS (${keptInsert(batch.kept, params)} RETURNING 1)`);
  parts.push(auditAppendCtes(batch.audit.at, batch.audit.entry, params));
  const count = (cte: string, present: boolean) => (present ? `(SELECT count(*) FROM ${cte})` : '0');
  const { rows } = await tx.query<{
    moved: unknown;
    envelopes: unknown;
    applications: unknown;
    audited: unknown;
  }>(
    `WITH ${parts.join(', ')}
     SELECT ${count('moved', true)} AS moved, ${count('envelopes', withEnvelopes)} AS envelopes,
       ${count('applications', batch.applications.length > 0)} AS applications,
       ${count('audit_entry', true)} AS audited`,
    params,
  );
  const r = rows[0];
  return {
    moved: toInt(r?.moved),
    envelopes: toInt(r?.envelopes),
    applications: toInt(r?.applications),
    audited: toInt(r?.audited),
  };
}

/** The INSERT of a key for the device in $1, its values pushed onto params. */
function keptInsert(kept: KeptKey, params: unknown[]): string {
  params.push(kept.key, kept.bodySha256, kept.at.toISOString());
  const n = params.length;
  return `INSERT INTO sync_batches (device_id, idempotency_key, body_sha256, created_at)
     VALUES ($1, $${n - 2}, $${n - 1}, $${n}::timestamptz) ON CONFLICT DO NOTHING`;
}

/** The key of a batch that brought nothing new (every envelope a replay). */
export async function saveSyncBatch(tx: SqlExecutor, deviceId: string, kept: KeptKey): Promise<void> {
  const params: unknown[] = [deviceId];
  await tx.query(keptInsert(kept, params), params);
}

/** For the verification of a whole chain (tests, the fault test, audits): every envelope in order. */
export async function chainOf(
  sql: SqlExecutor,
  deviceId: string,
): Promise<{ seq: number; id: string; hash: string; prevHash: string }[]> {
  const { rows } = await sql.query<{ seq: unknown; id: string; hash: string; prev_hash: string }>(
    'SELECT seq, id, hash, prev_hash FROM sync_envelopes WHERE device_id = $1 ORDER BY seq',
    [deviceId],
  );
  return rows.map((r) => ({ seq: toInt(r.seq), id: r.id, hash: r.hash, prevHash: r.prev_hash }));
}
