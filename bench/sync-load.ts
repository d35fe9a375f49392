// The load side of bench/sync.ts: hash-chained sync envelopes of fictional 転入届 (one signed
// application each, test/fixtures/applications.ts) and the signed POST /api/sync requests that
// carry them. The raw baseline that writes the same rows straight into the database is
// bench/sync-raw.ts.
import { fork } from 'node:child_process';
import { Agent, request as httpRequest } from 'node:http';
import { join, resolve } from 'node:path';
import { enrollThroughApi, type TestDevice } from '../server/test-support/device.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import { GENESIS_HASH, SYNC_SCHEMA, type SyncEnvelope, sealSyncEnvelope } from '../shared/sync/envelope.ts';
import type { SyncAck } from '../shared/sync/protocol.ts';
import { ulidFactory } from '../shared/sync/ulid.ts';
import { signedTennyuEnvelope } from '../test/fixtures/applications.ts';
import type { ServerStats } from './sync-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SYNC_PATH = '/api/sync';
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
  /** The body as UTF-8, what goes on the wire (and was signed). */
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
    const body = JSON.stringify(device.batch(envelopes));
    out.push({
      bytes: Buffer.from(body, 'utf8'),
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(await device.syncHeaders(body, envelopes, new Date(), SYNC_PATH)),
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
async function sendRequest(url: string, request: PreparedRequest): Promise<number> {
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

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

export function summarise(
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
