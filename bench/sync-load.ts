// The load side of bench/sync.ts: hash-chained sync envelopes of fictional 転入届 (one signed
// application each, test/fixtures/applications.ts), the signed POST /api/sync requests that carry
// them, and the raw baseline that writes the same rows straight into the database.
import { fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { canonicalJson, type JsonValue, sha256Hex } from '../server/canonical-json.ts';
import { applicationParams } from '../server/store/applications.ts';
import type { SqlClient } from '../server/store/sql.ts';
import { syncEnvelopeParams } from '../server/store/sync.ts';
import { enrollThroughApi, type TestDevice } from '../server/test-support/device.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import { GENESIS_HASH, SYNC_SCHEMA, type SyncEnvelope, sealSyncEnvelope } from '../shared/sync/envelope.ts';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyFor,
  SYNC_PROTOCOL_SCHEMA,
  type SyncAck,
  type SyncBatchRequest,
} from '../shared/sync/protocol.ts';
import { ulidFactory } from '../shared/sync/ulid.ts';
import { signedTennyuEnvelope } from '../test/fixtures/applications.ts';
import type { ServerStats } from './sync-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
export const SYNC_PATH = '/api/sync';
export const DEMO = { username: 'demo', password: 'kakanai-demo' } as const;

// ---------------------------------------------------------------------------------------------
// The back office in a child process (bench/sync-server.ts)

export interface ServerOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
  readonly staticDir?: string;
  /** Keep wall-clock totals of database and WebCrypto waits (bench/sync-server.ts). */
  readonly trace?: boolean;
}

export interface ChildServer {
  readonly url: string;
  /** `error …` lines of the server's log (class and SQLSTATE only). */
  readonly errors: readonly string[];
  /** The totals since the last call (trace: true), then starts them again. */
  stats(): Promise<ServerStats>;
  close(): Promise<void>;
}

/** Starts the back office in its own process; with cpuProfileDir it writes a V8 CPU profile there. */
export function spawnServer(options: ServerOptions, cpuProfileDir?: string): Promise<ChildServer> {
  const child = fork(join(ROOT, 'bench/sync-server.ts'), [JSON.stringify(options)], {
    cwd: ROOT,
    execArgv: [
      '--import',
      'tsx',
      ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`, '--cpu-prof-interval=200'] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const errors: string[] = [];
  return new Promise((resolvePromise, reject) => {
    const exited = (code: number | null) =>
      reject(new Error(`the bench server exited (${code}) before listening`));
    child.once('exit', exited);
    const waiting: ((s: ServerStats) => void)[] = [];
    child.on('message', (m: { url?: string; error?: string; stats?: ServerStats }) => {
      if (m.error) errors.push(m.error);
      if (m.stats) waiting.shift()?.(m.stats);
      if (!m.url) return;
      child.off('exit', exited);
      const url = m.url;
      resolvePromise({
        url,
        errors,
        stats: () =>
          new Promise<ServerStats>((got) => {
            waiting.push(got);
            child.send('stats');
          }),
        // The store closes first (the PGlite data dir is free after); a child that died already
        // has nothing left to close, and one that does not end within 30 s is killed.
        close: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null || !child.connected) {
              done();
              return;
            }
            const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
            child.once('exit', () => {
              clearTimeout(timer);
              done();
            });
            child.send('close');
          }),
      });
    });
  });
}

export async function signIn(url: string): Promise<string> {
  const r = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  if (r.status !== 200) throw new Error(`sign-in answered ${r.status}`);
  return ((await r.json()) as { token: string }).token;
}

export async function enrollDevices(
  url: string,
  token: string,
  count: number,
  label: string,
): Promise<TestDevice[]> {
  const devices: TestDevice[] = [];
  for (let i = 0; i < count; i++) devices.push(await enrollThroughApi(url, token, `${label}${i + 1}`));
  return devices;
}

// ---------------------------------------------------------------------------------------------
// Envelopes

const nextUlid = ulidFactory();

/** `count` sealed envelopes of one device, seq from..from+count-1, chained from prevHash. */
export async function buildChain(
  deviceId: string,
  count: number,
  from = 1,
  prevHash = GENESIS_HASH,
): Promise<SyncEnvelope[]> {
  const chain: SyncEnvelope[] = [];
  let prev = prevHash;
  for (let i = 0; i < count; i++) {
    // Fresh application and visit ids, the signature bound to the content (as the tablet signs).
    const application: ApplicationEnvelope = await signedTennyuEnvelope();
    const envelope = await sealSyncEnvelope({
      schema: SYNC_SCHEMA,
      id: nextUlid(),
      deviceId,
      seq: from + i,
      createdAt: new Date().toISOString(),
      procedures: [application.procedure],
      payload: [application],
      prevHash: prev,
    });
    chain.push(envelope);
    prev = envelope.hash;
  }
  return chain;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ---------------------------------------------------------------------------------------------
// The protocol: signed POST /api/sync over real HTTP

export interface PreparedRequest {
  readonly body: string;
  /** The body as UTF-8, what goes on the wire. */
  readonly bytes: Buffer;
  readonly headers: Record<string, string>;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly ids: readonly string[];
}

/** One device's requests, bodies made and signed before the clock starts (signed now: the skew limit is 5 min). */
export async function prepareRequests(
  device: TestDevice,
  token: string,
  chain: readonly SyncEnvelope[],
  batch: number,
): Promise<PreparedRequest[]> {
  const out: PreparedRequest[] = [];
  for (const envelopes of chunks(chain, batch)) {
    const request: SyncBatchRequest = { schema: SYNC_PROTOCOL_SCHEMA, deviceId: device.id, envelopes };
    const body = JSON.stringify(request);
    out.push({
      body,
      bytes: Buffer.from(body, 'utf8'),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        [IDEMPOTENCY_KEY_HEADER]: await idempotencyKeyFor(envelopes),
        ...(await device.headers('POST', SYNC_PATH, body, new Date())),
      },
      firstSeq: envelopes[0]?.seq ?? 0,
      lastSeq: envelopes[envelopes.length - 1]?.seq ?? 0,
      ids: envelopes.map((e) => e.id),
    });
  }
  return out;
}

// The load generator shares the machine with what it measures, so it is kept lean: node:http on
// kept-alive connections (one per tablet at most), the body a Buffer made before the clock starts.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

function post(url: string, request: PreparedRequest): Promise<{ status: number; body: string }> {
  return new Promise((resolvePost, reject) => {
    const req = httpRequest(
      url + SYNC_PATH,
      {
        method: 'POST',
        agent,
        headers: { ...request.headers, 'content-length': String(request.bytes.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolvePost({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(request.bytes);
  });
}

/** Sends one request; ms from the first byte out to the ack parsed. Throws unless every envelope is newly stored. */
export async function sendRequest(url: string, request: PreparedRequest): Promise<number> {
  const t0 = performance.now();
  const r = await post(url, request);
  const answer = JSON.parse(r.body) as SyncAck & { error?: { kind?: string } };
  const ms = performance.now() - t0;
  if (r.status !== 200)
    throw new Error(
      `POST /api/sync (seq ${request.firstSeq}..${request.lastSeq}) answered ${r.status} ${answer.error?.kind ?? ''}`,
    );
  const ok =
    answer.lastSeq === request.lastSeq &&
    answer.envelopes.length === request.ids.length &&
    answer.envelopes.every((e, i) => e.id === request.ids[i] && !e.duplicate && e.receipts.length === 1);
  if (!ok)
    throw new Error(
      `POST /api/sync (seq ${request.firstSeq}..${request.lastSeq}): the ack does not cover the batch`,
    );
  return ms;
}

export interface Run {
  readonly envelopes: number;
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  /** Every request's (transaction's) latency, ms, ascending. */
  readonly latencies: readonly number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function summarise(
  envelopes: number,
  latencies: number[],
  ms: number,
  perSecond = envelopes / (ms / 1000),
): Run {
  latencies.sort((a, b) => a - b);
  return {
    envelopes,
    requests: latencies.length,
    seconds: ms / 1000,
    perSecond,
    mean: latencies.reduce((t, x) => t + x, 0) / latencies.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    latencies,
  };
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Rounds of the same case as one: the median round's rate, the latencies of all rounds pooled. */
export function combineRounds(rounds: readonly Run[]): Run {
  return summarise(
    rounds.reduce((n, r) => n + r.envelopes, 0),
    rounds.flatMap((r) => r.latencies),
    rounds.reduce((t, r) => t + r.seconds * 1000, 0),
    median(rounds.map((r) => r.perSecond)),
  );
}

/** Every device sends its requests one after the other (a chain is ordered); the devices at once. */
export async function runProtocol(
  url: string,
  perDevice: readonly (readonly PreparedRequest[])[],
): Promise<Run> {
  const latencies: number[] = [];
  const envelopes = perDevice.flat().reduce((n, r) => n + r.ids.length, 0);
  const t0 = performance.now();
  await Promise.all(
    perDevice.map(async (requests) => {
      for (const request of requests) latencies.push(await sendRequest(url, request));
    }),
  );
  return summarise(envelopes, latencies, performance.now() - t0);
}

// ---------------------------------------------------------------------------------------------
// The raw baseline: the same rows, parameterised multi-row INSERTs (one per table, as
// sync/ingest.ts writes them), one transaction per batch

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

// The column lists of server/store/sync.ts insertSyncEnvelope and server/store/applications.ts
// insertApplication, without their ON CONFLICT / RETURNING.
const INSERT_SYNC_ENVELOPE = `INSERT INTO sync_envelopes (device_id, seq, id, hash, prev_hash, created_at, procedures,
   received_at, received_by, source)
 VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)`;
const INSERT_APPLICATION = `INSERT INTO applications (id, receipt_number, procedure, visit_id, lang, fields, card,
   omitted_attachments, signature, signature_png, signed_at, content_hash, created_at,
   created_at_text, received_at, received_by, device_id, sync_envelope_id)
 VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb, $9::jsonb, $10, $11, $12, $13, $14, $15, $16, $17, $18)`;

let rawReceipt = 0;

/**
 * How the raw rows are written. 'plain' is the baseline: one multi-row INSERT for the envelopes
 * and one for the applications, the statements ingest uses, with nothing else. The others are
 * diagnostics (bench --profile, PostgreSQL) with row-by-row INSERTs plus only a 受付番号 counter:
 * 'counter-each' takes it before each application (how sync/ingest.ts first did it: the day's
 * receipt_counters row stays locked from the first one to COMMIT); 'counter-once' inserts the envelopes first, then takes all n numbers with one upsert,
 * then inserts the applications one by one; 'counter-once-multirow' the same with one multi-row
 * INSERT for the applications, so the row is locked only for that statement and the COMMIT.
 */
export type RawMode = 'plain' | 'counter-each' | 'counter-once' | 'counter-once-multirow';

// A day key of its own, so the diagnostic numbers never meet the protocol's.
const COUNTER_DAY = '999999';
const TAKE_NUMBERS = `INSERT INTO receipt_counters (day, last_seq) VALUES ($1, $2)
 ON CONFLICT (day) DO UPDATE SET last_seq = receipt_counters.last_seq + $2 RETURNING last_seq`;

/** The row the protocol stores for application i of the envelope: the server's own parameters. */
function rowParams(
  e: SyncEnvelope,
  i: number,
  contentHash: string | undefined,
  receiptNumber: string,
  receivedAt: string,
  staffId: number,
): unknown[] {
  return applicationParams(
    {
      envelope: e.payload[i] as SyncEnvelope['payload'][number],
      contentHash: contentHash ?? '',
      receivedAt: new Date(receivedAt),
      receivedBy: staffId,
      deviceId: e.deviceId,
      syncEnvelopeId: e.id,
    },
    receiptNumber,
  );
}

/** The row the protocol stores for the envelope: the server's own parameters. */
function envelopeParams(e: SyncEnvelope, receivedAt: string, staffId: number): unknown[] {
  return syncEnvelopeParams({
    deviceId: e.deviceId,
    seq: e.seq,
    id: e.id,
    hash: e.hash,
    prevHash: e.prevHash,
    createdAt: e.createdAt,
    procedures: e.procedures,
    receivedAt: new Date(receivedAt),
    receivedBy: staffId,
    source: 'network',
  });
}

async function insertRaw(
  sql: SqlClient,
  batch: readonly RawEnvelope[],
  staffId: number,
  mode: RawMode,
): Promise<void> {
  const receivedAt = new Date().toISOString();
  await sql.transaction(async (tx) => {
    if (mode === 'counter-once' || mode === 'counter-once-multirow') {
      for (const { envelope: e } of batch)
        await tx.query(INSERT_SYNC_ENVELOPE, envelopeParams(e, receivedAt, staffId));
      const rows = batch.flatMap(({ envelope: e, contentHashes }) =>
        e.payload.map((_, i) => ({ e, i, hash: contentHashes[i] })),
      );
      const taken = await tx.query<{ last_seq: unknown }>(TAKE_NUMBERS, [COUNTER_DAY, rows.length]);
      const last = Number(taken.rows[0]?.last_seq);
      const numberOf = (k: number) => `R${COUNTER_DAY}-${last - rows.length + k + 1}`;
      if (mode === 'counter-once') {
        for (const [k, r] of rows.entries())
          await tx.query(INSERT_APPLICATION, rowParams(r.e, r.i, r.hash, numberOf(k), receivedAt, staffId));
        return;
      }
      const params = rows.flatMap((r, k) => rowParams(r.e, r.i, r.hash, numberOf(k), receivedAt, staffId));
      const values = rows.map((_, k) => {
        const p = (n: number) => `$${k * 18 + n}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::jsonb, ${p(7)}::jsonb, ${p(8)}::jsonb, ${p(9)}::jsonb, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)}, ${p(16)}, ${p(17)}, ${p(18)})`;
      });
      await tx.query(
        `${INSERT_APPLICATION.slice(0, INSERT_APPLICATION.indexOf('VALUES'))}VALUES ${values.join(', ')}`,
        params,
      );
      return;
    }
    if (mode === 'plain') {
      const envelopeValues = batch.map((_, k) => {
        const p = (n: number) => `$${k * 10 + n}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::jsonb, ${p(8)}, ${p(9)}, ${p(10)})`;
      });
      await tx.query(
        `${INSERT_SYNC_ENVELOPE.slice(0, INSERT_SYNC_ENVELOPE.indexOf('VALUES'))}VALUES ${envelopeValues.join(', ')}`,
        batch.flatMap(({ envelope: e }) => envelopeParams(e, receivedAt, staffId)),
      );
      const rows = batch.flatMap(({ envelope: e, contentHashes }) =>
        e.payload.map((_, i) => ({ e, i, hash: contentHashes[i] })),
      );
      const params = rows.flatMap((r) => {
        // Not a real 受付番号 (no counter row is taken): a number of its own that cannot clash.
        rawReceipt += 1;
        const number = `R000000-${String(rawReceipt).padStart(6, '0')}`;
        return rowParams(r.e, r.i, r.hash, number, receivedAt, staffId);
      });
      const values = rows.map((_, k) => {
        const p = (n: number) => `$${k * 18 + n}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}::jsonb, ${p(7)}::jsonb, ${p(8)}::jsonb, ${p(9)}::jsonb, ${p(10)}, ${p(11)}, ${p(12)}, ${p(13)}, ${p(14)}, ${p(15)}, ${p(16)}, ${p(17)}, ${p(18)})`;
      });
      await tx.query(
        `${INSERT_APPLICATION.slice(0, INSERT_APPLICATION.indexOf('VALUES'))}VALUES ${values.join(', ')}`,
        params,
      );
      return;
    }
    for (const { envelope: e, contentHashes } of batch) {
      await tx.query(INSERT_SYNC_ENVELOPE, envelopeParams(e, receivedAt, staffId));
      for (const i of e.payload.keys()) {
        let receiptNumber: string;
        if (mode === 'counter-each') {
          const taken = await tx.query<{ last_seq: unknown }>(TAKE_NUMBERS, [COUNTER_DAY, 1]);
          receiptNumber = `R${COUNTER_DAY}-${Number(taken.rows[0]?.last_seq)}`;
        } else {
          // Not a real 受付番号 (no counter row is taken): a number of its own that cannot clash.
          rawReceipt += 1;
          receiptNumber = `R000000-${String(rawReceipt).padStart(6, '0')}`;
        }
        await tx.query(
          INSERT_APPLICATION,
          rowParams(e, i, contentHashes[i], receiptNumber, receivedAt, staffId),
        );
      }
    }
  });
}

/** The same shape of load as runProtocol: one writer per device, the writers at once. */
export async function runRaw(
  sql: SqlClient,
  staffId: number,
  perDevice: readonly (readonly RawEnvelope[])[],
  batch: number,
  mode: RawMode = 'plain',
): Promise<Run> {
  const latencies: number[] = [];
  const envelopes = perDevice.reduce((n, rows) => n + rows.length, 0);
  const t0 = performance.now();
  await Promise.all(
    perDevice.map(async (rows) => {
      for (const part of chunks(rows, batch)) {
        const start = performance.now();
        await insertRaw(sql, part, staffId, mode);
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
