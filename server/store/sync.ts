// The per-device chains of sync envelopes as stored (migration 6). The head of a device's chain
// (devices.last_seq / last_hash) moves only inside the transaction that stores the envelopes, with
// the device row locked (lockChainHead), so two requests of one device — a resend racing the
// original, two tabs, a duplicate from a proxy — are answered one after the other.
import type { SyncApplicationReceipt, SyncEnvelopeReceipt } from '../../shared/sync/protocol.ts';
import { type SqlExecutor, toInt, toIso } from './sql.ts';

export interface ChainHeadRow {
  readonly seq: number;
  readonly hash: string;
  readonly revoked: boolean;
}

/** The device's head, the row locked until the transaction ends; undefined for an unknown device. */
export async function lockChainHead(tx: SqlExecutor, deviceId: string): Promise<ChainHeadRow | undefined> {
  const { rows } = await tx.query<{ last_seq: unknown; last_hash: string; revoked_at: unknown }>(
    'SELECT last_seq, last_hash, revoked_at FROM devices WHERE id = $1 FOR UPDATE',
    [deviceId],
  );
  const r = rows[0];
  return r ? { seq: toInt(r.last_seq), hash: r.last_hash, revoked: r.revoked_at !== null } : undefined;
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
  return { seq: r ? toInt(r.last_seq) : 0, hash: r?.last_hash ?? '0'.repeat(64) };
}

export async function advanceChainHead(
  tx: SqlExecutor,
  deviceId: string,
  seq: number,
  hash: string,
): Promise<void> {
  await tx.query('UPDATE devices SET last_seq = $2, last_hash = $3 WHERE id = $1', [deviceId, seq, hash]);
}

/** The envelopes of a device already stored under these sequence numbers. */
export async function storedEnvelopes(
  tx: SqlExecutor,
  deviceId: string,
  seqs: readonly number[],
): Promise<Map<number, { id: string; hash: string }>> {
  if (seqs.length === 0) return new Map();
  const { rows } = await tx.query<{ seq: unknown; id: string; hash: string }>(
    'SELECT seq, id, hash FROM sync_envelopes WHERE device_id = $1 AND seq = ANY($2::bigint[])',
    [deviceId, seqs],
  );
  return new Map(rows.map((r) => [toInt(r.seq), { id: r.id, hash: r.hash }]));
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

/** False when the envelope id is taken already (by another device or sequence number). */
export async function insertSyncEnvelope(tx: SqlExecutor, e: NewSyncEnvelope): Promise<boolean> {
  const result = await tx.query(
    `INSERT INTO sync_envelopes (device_id, seq, id, hash, prev_hash, created_at, procedures,
       received_at, received_by, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
     ON CONFLICT DO NOTHING`,
    [
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
    ],
  );
  return result.rowCount === 1;
}

/** The receipts of applications by id (whichever envelope brought them). */
export async function receiptsOf(
  tx: SqlExecutor,
  applicationIds: readonly string[],
): Promise<Map<string, SyncApplicationReceipt & { contentHash: string }>> {
  if (applicationIds.length === 0) return new Map();
  const { rows } = await tx.query<{
    id: string;
    procedure: string;
    receipt_number: string;
    received_at: unknown;
    content_hash: string;
  }>(
    `SELECT id, procedure, receipt_number, received_at, content_hash FROM applications
     WHERE id = ANY($1::uuid[])`,
    [applicationIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        procedure: r.procedure,
        receiptNumber: r.receipt_number,
        receivedAt: toIso(r.received_at),
        contentHash: r.content_hash,
      },
    ]),
  );
}

/** The answer kept for an idempotency key of this device, with the hash of the body it answered. */
export async function findSyncBatch(
  sql: SqlExecutor,
  deviceId: string,
  key: string,
): Promise<{ bodySha256: string; response: unknown } | undefined> {
  const { rows } = await sql.query<{ body_sha256: string; response: unknown }>(
    'SELECT body_sha256, response FROM sync_batches WHERE device_id = $1 AND idempotency_key = $2',
    [deviceId, key],
  );
  const r = rows[0];
  return r ? { bodySha256: r.body_sha256, response: r.response } : undefined;
}

export async function saveSyncBatch(
  tx: SqlExecutor,
  deviceId: string,
  key: string,
  bodySha256: string,
  response: unknown,
  at: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO sync_batches (device_id, idempotency_key, body_sha256, response, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5) ON CONFLICT DO NOTHING`,
    [deviceId, key, bodySha256, JSON.stringify(response), at.toISOString()],
  );
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

export type { SyncEnvelopeReceipt };
