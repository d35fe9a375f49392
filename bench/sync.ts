// `npm run bench -- sync [--profile] [--quick] [--devices=N]`: what the sync protocol (issue 5) costs.
// 1. Server ingest: POST /api/sync over real HTTP to the back office in its own process
//    (bench/sync-server.ts), batches of 1 and of 50 envelopes, on PostgreSQL (a throwaway cluster
//    started here, fsync on) and on PGlite (a temp data dir): envelopes/s and per-request latency
//    p50/p99, 4 devices sending at once. Beside each, in the same run and the same database, the
//    raw insert rate of the same rows (sync_envelopes + applications) by parameterised multi-row
//    INSERTs (one per table, the statements ingest uses) in transactions of the same batch size, 4 writers at once, with no parsing,
//    verification, 受付番号, chain head or audit: ratio = protocol / raw.
// 2. Flush: one Chromium tablet with 1,000 envelopes queued in its real outbox (the PWA's own
//    storage and sync engine, through the fault test's harness page) delivers them all to the
//    PGlite back office; seconds from the sync start until all 1,000 are delivered.
// --profile (diagnosis; slows the server a little): the server processes write V8 CPU profiles,
// summarised here; the server process keeps wall-clock totals of its database and WebCrypto
// waits; PostgreSQL runs with pg_stat_statements and prints each statement's time.
// --quick: fewer envelopes, for trying. --devices=N: N tablets at once instead of 4.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openStore } from '../server/store/open-store.ts';
import type { SqlClient } from '../server/store/sql.ts';
import { toInt } from '../server/store/sql.ts';
import { startPgCluster } from '../test/setup/pg-cluster.ts';
import { addCpu, type CpuUse, cpuBetween, readCpu } from './cpu-use.ts';
import { runFlush } from './sync-flush.ts';
import {
  buildChain,
  combineRounds,
  enrollDevices,
  median,
  prepareRequests,
  type Run,
  runProtocol,
  signIn,
  spawnServer,
} from './sync-load.ts';
import { insertRawDevice, rawRows, runRaw } from './sync-raw.ts';
import {
  type CaseResult,
  printReport,
  type StatementTime,
  type StoreKind,
  type StoreResult,
} from './sync-report.ts';
import type { ServerStats } from './sync-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const ARGS = process.argv.slice(3);
const PROFILE = ARGS.includes('--profile');
const QUICK = ARGS.includes('--quick');
/** Tablets sending at once, each its own chain in order (--devices=N to try another load). */
const DEVICES = Number(ARGS.find((a) => a.startsWith('--devices='))?.slice('--devices='.length) ?? 4);
if (!Number.isInteger(DEVICES) || DEVICES < 1 || DEVICES > 50) throw new Error('--devices=N: 1..50');
const CASES = [
  { batch: 1, envelopes: QUICK ? 100 : 1200 },
  { batch: 50, envelopes: QUICK ? 400 : 12_000 },
] as const;
const FLUSH_ENVELOPES = QUICK ? 200 : 1000;
const WARM_UP = { batch50: 200, batch1: 40 };
/** Each case's envelopes are spread over this many alternating protocol / raw rounds. */
const ROUNDS = QUICK ? 1 : 3;

async function staffId(sql: SqlClient): Promise<number> {
  const { rows } = await sql.query<{ id: unknown }>('SELECT min(id) AS id FROM staff');
  return toInt(rows[0]?.id);
}

async function count(sql: SqlClient, query: string): Promise<number> {
  const { rows } = await sql.query<{ n: unknown }>(query);
  return toInt(rows[0]?.n);
}

/** What PostgreSQL spent per statement since the last reset (pg_stat_statements; parameters are $n). */
async function statementTimes(admin: pg.Client): Promise<StatementTime[]> {
  const { rows } = await admin.query<{ query: string; calls: string; total: number; mean: number }>(
    `SELECT query, calls, total_exec_time AS total, mean_exec_time AS mean FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'kakanai_bench')
     ORDER BY total_exec_time DESC LIMIT 16`,
  );
  return rows.map((r) => ({
    query: r.query.replace(/\s+/g, ' ').slice(0, 90),
    calls: Number(r.calls),
    totalMs: r.total,
    meanMs: r.mean,
  }));
}

/**
 * One store: ROUNDS rounds of [back office up → warm-up → protocol batch 1 → protocol batch 50 →
 * back office down → raw batch 1 → raw batch 50] in the same database. The back office goes down
 * for the raw runs because a PGlite data dir has one owner; PostgreSQL is run the same way so the
 * two stores are measured alike. Alternating keeps the protocol and its baseline side by side
 * when the machine's load drifts; a case's ratio is the median of its rounds' ratios.
 */
async function benchStore(
  kind: StoreKind,
  target: { databaseUrl?: string; dataDir?: string },
  admin?: pg.Client,
): Promise<StoreResult> {
  const protocolRounds = new Map<number, Run[]>();
  const rawRounds = new Map<number, Run[]>();
  const waits = new Map<number, { stats: ServerStats; run: Run }>();
  const protocolCpu = new Map<number, CpuUse>();
  const rawCpu = new Map<number, CpuUse>();
  const statements = new Map<number, StatementTime[]>();
  const serverErrors: string[] = [];
  let bytes = 0;
  let sent = 0;
  let profile: string | undefined;
  let deviceNumber = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    // Profiling and the wait totals: the first round's back office only.
    const first = round === 1;
    const profileDir =
      PROFILE && first ? mkdtempSync(join(tmpdir(), `kakanai-bench-prof-${kind}-`)) : undefined;
    const server = await spawnServer({ ...target, trace: PROFILE && first }, profileDir);
    try {
      const token = await signIn(server.url);
      // Warm-up of each new process: the first requests compile the route, the parsers, the statements.
      const [warm] = await enrollDevices(server.url, token, 1, `暖機${round}-`);
      if (!warm) throw new Error('no warm-up device');
      const warmChain = await buildChain(warm.id, WARM_UP.batch50 + WARM_UP.batch1);
      await runProtocol(server.url, [
        await prepareRequests(warm, token, warmChain.slice(0, WARM_UP.batch50), 50),
      ]);
      await runProtocol(server.url, [
        await prepareRequests(warm, token, warmChain.slice(WARM_UP.batch50), 1),
      ]);
      sent += warmChain.length;
      for (const { batch, envelopes } of CASES) {
        const devices = await enrollDevices(server.url, token, DEVICES, `r${round}b${batch}-`);
        const chains = await Promise.all(
          devices.map((d) => buildChain(d.id, Math.floor(envelopes / ROUNDS / DEVICES))),
        );
        const requests = await Promise.all(
          devices.map((d, i) => prepareRequests(d, token, chains[i] ?? [], batch)),
        );
        if (batch === 50) bytes = (requests[0]?.[0]?.bytes.length ?? 0) / batch;
        const traced = PROFILE && first;
        if (traced && admin) await admin.query('SELECT pg_stat_statements_reset()');
        await server.stats(); // starts the server's totals (and its CPU time) from here
        const before = readCpu();
        const run = await runProtocol(server.url, requests);
        const after = readCpu();
        const stats = await server.stats();
        protocolCpu.set(
          batch,
          addCpu(protocolCpu.get(batch), cpuBetween(before, after, run.requests, stats.cpuMs)),
        );
        if (traced) waits.set(batch, { stats, run });
        if (traced && admin) statements.set(batch, await statementTimes(admin));
        protocolRounds.set(batch, [...(protocolRounds.get(batch) ?? []), run]);
        sent += run.envelopes;
      }
    } finally {
      await server.close();
      serverErrors.push(...server.errors);
    }
    if (profileDir) {
      // The main thread's profile: the largest (tsx's loader thread writes a small one beside it).
      const files = readdirSync(profileDir)
        .filter((f) => f.endsWith('.cpuprofile'))
        .map((f) => join(profileDir, f))
        .sort((a, b) => statSync(b).size - statSync(a).size);
      profile = files[0];
    }

    // The raw baseline, in the same database, now that the back office let go of it.
    const sql = await openStore(target, () => {});
    try {
      const stored = await count(
        sql,
        'SELECT count(*) AS n FROM applications WHERE sync_envelope_id IS NOT NULL AND device_id NOT LIKE $$dev_bench%$$',
      );
      if (stored !== sent) throw new Error(`${kind}: ${stored} applications stored, ${sent} sent`);
      const staff = await staffId(sql);
      const warmId = await insertRawDevice(sql, `raw-warm-${round}`, deviceNumber++);
      const warm = rawRows(await buildChain(warmId, WARM_UP.batch50 + WARM_UP.batch1));
      await runRaw(sql, staff, [warm.slice(0, WARM_UP.batch50)], 50);
      await runRaw(sql, staff, [warm.slice(WARM_UP.batch50)], 1);
      for (const { batch, envelopes } of CASES) {
        const perDevice = [];
        for (let i = 0; i < DEVICES; i++) {
          const id = await insertRawDevice(sql, `raw-r${round}b${batch}-${i + 1}`, deviceNumber++);
          perDevice.push(rawRows(await buildChain(id, Math.floor(envelopes / ROUNDS / DEVICES))));
        }
        const before = readCpu();
        const raw = await runRaw(sql, staff, perDevice, batch);
        rawCpu.set(batch, addCpu(rawCpu.get(batch), cpuBetween(before, readCpu(), raw.requests)));
        rawRounds.set(batch, [...(rawRounds.get(batch) ?? []), raw]);
      }
      const line = CASES.map(({ batch }) => {
        const p = protocolRounds.get(batch)?.at(-1)?.perSecond ?? Number.NaN;
        const r = rawRounds.get(batch)?.at(-1)?.perSecond ?? Number.NaN;
        return `batch ${batch}: ${p.toFixed(0)} vs raw ${r.toFixed(0)} env/s`;
      }).join('; ');
      console.log(`  ${kind}, round ${round}/${ROUNDS}: ${line}`);
    } finally {
      await sql.close();
    }
  }
  const cases: CaseResult[] = CASES.map(({ batch }) => {
    const p = protocolRounds.get(batch) ?? [];
    const r = rawRounds.get(batch) ?? [];
    const ratios = p.map((x, i) => x.perSecond / (r[i]?.perSecond ?? Number.NaN));
    const w = waits.get(batch);
    return {
      store: kind,
      batch,
      protocol: combineRounds(p),
      raw: combineRounds(r),
      ratio: median(ratios),
      ratioRange: [Math.min(...ratios), Math.max(...ratios)] as const,
      protocolCpu: protocolCpu.get(batch),
      rawCpu: rawCpu.get(batch),
      ...(w ? { waits: w } : {}),
    };
  });
  return {
    cases,
    bytesPerEnvelope: bytes,
    serverErrors,
    ...(profile ? { profile } : {}),
    ...(admin ? { statements } : {}),
  };
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
const loadAtStart = loadavg()[0] ?? 0;
const pgliteVersion = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  }
).version;

console.log('sync bench: PostgreSQL (throwaway cluster, fsync on)…');
const cluster = await startPgCluster({
  prefix: 'kakanai-bench-pg-',
  ...(PROFILE ? { settings: { shared_preload_libraries: 'pg_stat_statements' } } : {}),
});
let pgResult: StoreResult;
let pgSettings = '';
try {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query('CREATE DATABASE kakanai_bench');
    const settings = await admin.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers')`,
    );
    pgSettings = settings.rows.map((r) => `${r.name}=${r.setting}`).join(', ');
    if (PROFILE) {
      const stats = new pg.Client({ connectionString: cluster.url.replace(/\/postgres$/, '/kakanai_bench') });
      await stats.connect();
      await stats.query('CREATE EXTENSION pg_stat_statements');
      await stats.end();
      await admin.query('CREATE EXTENSION pg_stat_statements'); // the view, where the admin reads it
    }
    pgResult = await benchStore(
      'postgres',
      { databaseUrl: cluster.url.replace(/\/postgres$/, '/kakanai_bench') },
      PROFILE ? admin : undefined,
    );
  } finally {
    await admin.end();
  }
} finally {
  await cluster.stop();
}

console.log('sync bench: PGlite (temp data dir)…');
const pgliteDir = mkdtempSync(join(tmpdir(), 'kakanai-bench-pglite-'));
let pgliteResult: StoreResult;
try {
  pgliteResult = await benchStore('pglite', { dataDir: join(pgliteDir, 'data') });
} finally {
  rmSync(pgliteDir, { recursive: true, force: true });
}

console.log(`sync bench: flush, one Chromium tablet, ${FLUSH_ENVELOPES} envelopes queued…`);
const flush = await runFlush(FLUSH_ENVELOPES, PROFILE);

printReport({
  pg: pgResult,
  pglite: pgliteResult,
  flush,
  devices: DEVICES,
  rounds: ROUNDS,
  profile: PROFILE,
  setup: `PostgreSQL ${cluster.version} (throwaway cluster, ${pgSettings}); PGlite ${pgliteVersion} (temp data dir, default settings).`,
  loadAtStart,
  startedMs: started,
});
