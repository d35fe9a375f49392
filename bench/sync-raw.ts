// The raw baseline of bench/sync.ts: the rows the protocol stores for the same envelopes
// (sync_envelopes + applications), written straight into the database through the back office's
// own INSERT builders (one parameterised multi-row INSERT per table, one transaction per batch),
// with no HTTP, parsing, verification, 受付番号, chain head, idempotency key or audit entry. Its
// rate beside the protocol's is the bench's ratio.
import { canonicalJson, type JsonValue, sha256Hex } from '../server/canonical-json.ts';
import { APPLICATION_INSERT, applicationValues } from '../server/store/applications.ts';
import type { SqlClient } from '../server/store/sql.ts';
import { SYNC_ENVELOPE_INSERT, syncEnvelopeRow, syncEnvelopeValues } from '../server/store/sync.ts';
import type { SyncEnvelope } from '../shared/sync/envelope.ts';
import { chunks, type Run, summarise } from './sync-load.ts';

/** What the protocol stores per envelope, made before the clock starts (the content hash included). */
export interface RawEnvelope {
  readonly envelope: SyncEnvelope;
  readonly contentHashes: readonly string[];
}

export function rawRows(chain: readonly SyncEnvelope[]): RawEnvelope[] {
  return chain.map((envelope) => ({
    envelope,
    contentHashes: envelope.payload.map((a) => sha256Hex(canonicalJson(a as unknown as JsonValue))),
  }));
}

// Not a real 受付番号 (no counter is taken): a number of its own that cannot clash.
let rawReceipt = 0;
const nextRawReceipt = () => `R000000-${String(++rawReceipt).padStart(6, '0')}`;

/**
 * One batch of raw rows in one transaction: one multi-row INSERT for the envelopes and one for the
 * applications, the statements and parameters ingest uses (server/store/sync.ts, applications.ts),
 * with nothing else.
 */
async function insertRaw(sql: SqlClient, batch: readonly RawEnvelope[], staffId: number): Promise<void> {
  const receivedAt = new Date();
  const envelopes = batch.map(({ envelope }) =>
    syncEnvelopeRow(envelope, { receivedAt, receivedBy: staffId, source: 'network' }),
  );
  const applications = batch.flatMap(({ envelope: e, contentHashes }) =>
    e.payload.map((application, i) => ({
      envelope: application,
      contentHash: contentHashes[i] ?? '',
      receivedAt,
      receivedBy: staffId,
      deviceId: e.deviceId,
      syncEnvelopeId: e.id,
      receiptNumber: nextRawReceipt(),
    })),
  );
  await sql.transaction(async (tx) => {
    const envelopeParams: unknown[] = [];
    await tx.query(
      `${SYNC_ENVELOPE_INSERT} VALUES ${syncEnvelopeValues(envelopes, envelopeParams)}`,
      envelopeParams,
    );
    const applicationParams: unknown[] = [];
    await tx.query(
      `${APPLICATION_INSERT} VALUES ${applicationValues(applications, applicationParams)}`,
      applicationParams,
    );
  });
}

/** The same shape of load as runProtocol: one writer per device, the writers at once. */
export async function runRaw(
  sql: SqlClient,
  staffId: number,
  perDevice: readonly (readonly RawEnvelope[])[],
  batch: number,
): Promise<Run> {
  const latencies: number[] = [];
  const envelopes = perDevice.reduce((n, rows) => n + rows.length, 0);
  const t0 = performance.now();
  await Promise.all(
    perDevice.map(async (rows) => {
      for (const part of chunks(rows, batch)) {
        const start = performance.now();
        await insertRaw(sql, part, staffId);
        latencies.push(performance.now() - start);
      }
    }),
  );
  return summarise(envelopes, latencies, performance.now() - t0);
}

/** A device straight into the store, for the raw rows' foreign key (no key pair is needed). */
export async function insertRawDevice(sql: SqlClient, name: string, n: number): Promise<string> {
  const id = `dev_${'bench'}${String(n).padStart(21, '0')}`;
  await sql.query(
    `INSERT INTO devices (id, name, public_key, enrolled_at, enrolled_by)
     VALUES ($1, $2, $3::jsonb, $4, (SELECT min(id) FROM staff))`,
    [id, name, JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AA', y: 'AA' }), new Date().toISOString()],
  );
  return id;
}
