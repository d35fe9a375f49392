// The per-device chains of sync envelopes as stored (migration 6). The head of a device's chain
// (devices.last_seq / last_hash) moves only inside the transaction that stores the envelopes, with
// the device row locked (lockChainHead), so two requests of one device — a resend racing the
// original, two tabs, a duplicate from a proxy — are answered one after the other.
import { GENESIS_HASH } from '../../shared/sync/envelope.ts';
import type { SyncApplicationReceipt } from '../../shared/sync/protocol.ts';
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

/**
 * What a batch needs to know once the head is locked, in one statement (so in one snapshot taken
 * after the lock: everything committed before it is seen): the envelopes stored under the batch's
 * sequence numbers, the applications stored under its application ids, and the answer kept under
 * its idempotency key.
 */
export async function chainState(
  tx: SqlExecutor,
  deviceId: string,
  seqs: readonly number[],
  applicationIds: readonly string[],
  idempotencyKey: string | undefined,
): Promise<{
  stored: Map<number, { id: string; hash: string }>;
  known: Map<string, SyncApplicationReceipt & { contentHash: string }>;
  kept: { bodySha256: string; response: unknown } | undefined;
}> {
  const { rows } = await tx.query<{ stored: unknown; known: unknown; kept: unknown }>(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('seq', s.seq, 'id', s.id, 'hash', s.hash)), '[]'::json)
          FROM sync_envelopes s WHERE s.device_id = $1 AND s.seq = ANY($2::bigint[])) AS stored,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'procedure', a.procedure,
            'receiptNumber', a.receipt_number, 'receivedAt', a.received_at, 'contentHash', a.content_hash)),
            '[]'::json)
          FROM applications a WHERE a.id = ANY($3::uuid[])) AS known,
       (SELECT json_build_object('bodySha256', b.body_sha256, 'response', b.response)
          FROM sync_batches b WHERE b.device_id = $1 AND b.idempotency_key = $4) AS kept`,
    [deviceId, seqs, applicationIds, idempotencyKey ?? ''],
  );
  const r = rows[0];
  const json = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as unknown) : v);
  const stored = (json(r?.stored) ?? []) as { seq: unknown; id: string; hash: string }[];
  const known = (json(r?.known) ?? []) as {
    id: string;
    procedure: string;
    receiptNumber: string;
    receivedAt: unknown;
    contentHash: string;
  }[];
  const kept = json(r?.kept) as { bodySha256: string; response: unknown } | null | undefined;
  return {
    stored: new Map(stored.map((e) => [toInt(e.seq), { id: e.id, hash: e.hash }])),
    known: new Map(known.map((a) => [a.id, { ...a, receivedAt: toIso(a.receivedAt) }])),
    kept: kept ?? undefined,
  };
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

/**
 * Inserts the envelopes and moves the device's head to the last of them, in one statement;
 * answers how many envelopes were inserted (fewer: an envelope id is taken already, by another
 * device or sequence number — the caller rolls back).
 */
export async function insertSyncEnvelopes(
  tx: SqlExecutor,
  envelopes: readonly NewSyncEnvelope[],
  head: { readonly seq: number; readonly hash: string },
): Promise<number> {
  const first = envelopes[0];
  if (!first) return 0;
  const params: unknown[] = [first.deviceId, head.seq, head.hash];
  const rows = envelopes.map((e) => {
    const at = params.length;
    params.push(
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
    );
    return `($${at + 1}, $${at + 2}::bigint, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}::timestamptz, $${at + 7}::jsonb, $${at + 8}::timestamptz, $${at + 9}::integer, $${at + 10})`;
  });
  const { rows: counted } = await tx.query<{ n: unknown }>(
    `WITH inserted AS (
       INSERT INTO sync_envelopes (device_id, seq, id, hash, prev_hash, created_at, procedures,
         received_at, received_by, source)
       VALUES ${rows.join(', ')}
       ON CONFLICT DO NOTHING
       RETURNING 1
     ), moved AS (
       UPDATE devices SET last_seq = $2, last_hash = $3 WHERE id = $1 RETURNING 1
     )
     SELECT (SELECT count(*) FROM inserted) AS n, (SELECT count(*) FROM moved) AS m`,
    params,
  );
  return toInt(counted[0]?.n);
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
