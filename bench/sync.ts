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
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openStore } from '../server/store/open-store.ts';
import type { SqlClient } from '../server/store/sql.ts';
import { toInt } from '../server/store/sql.ts';
import { startPgCluster } from '../test/setup/pg-cluster.ts';
import { summariseProfile } from './cpu-profile.ts';
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

type StoreKind = 'postgres' | 'pglite';

interface CaseResult {
  readonly store: StoreKind;
  readonly batch: number;
  /** The rounds combined: the median round's env/s, latencies of all rounds pooled. */
  readonly protocol: Run;
  readonly raw: Run;
  /** protocol env/s ÷ raw env/s: the median of the rounds' ratios, and their range. */
  readonly ratio: number;
  readonly ratioRange: readonly [number, number];
  /** CPU time of every round's protocol run (per request) and raw run (per transaction). */
  readonly protocolCpu: CpuUse | undefined;
  readonly rawCpu: CpuUse | undefined;
  /** --profile: what the server's requests waited for during the first round's protocol run. */
  readonly waits?: { readonly stats: ServerStats; readonly run: Run };
}

interface StoreResult {
  readonly cases: CaseResult[];
  readonly bytesPerEnvelope: number;
  readonly serverErrors: readonly string[];
  readonly profile?: string;
  /** Per batch size: PostgreSQL's statement times during the protocol run (--profile). */
  readonly statements?: ReadonlyMap<number, readonly StatementTime[]>;
}

interface StatementTime {
  readonly query: string;
  readonly calls: number;
  readonly totalMs: number;
  readonly meanMs: number;
}

const INCLUSIVE = [
  'ingestSyncBatch',
  'checkEnvelopes',
  'checkSyncBody',
  'storeBatch',
  'parseSyncEnvelope',
  'parseApplicationEnvelope',
  'syncEnvelopeHashMatches',
  'signatureMatches',
  'canonicalJson',
  'verifyDeviceSignature',
  'parseJsonBytes',
  'isStorableJson',
];

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

function printProfile(kind: StoreKind, file: string): void {
  const s = summariseProfile(file, INCLUSIVE);
  const pct = (ms: number) => `${((100 * ms) / s.busyMs).toFixed(1)}%`;
  console.log(
    `\n${kind} server process of round 1, CPU profile (its warm-up and sign-in included): busy ${(s.busyMs / 1000).toFixed(1)} s, idle ${(s.idleMs / 1000).toFixed(1)} s — ${file}`,
  );
  console.log('| area (self time) | ms | share of busy |');
  console.log('|---|---:|---:|');
  for (const a of s.byArea.filter((x) => x.area !== '(idle)').slice(0, 12))
    console.log(`| ${a.area} | ${a.ms.toFixed(0)} | ${pct(a.ms)} |`);
  console.log('\n| function (self time) | ms | share of busy |');
  console.log('|---|---:|---:|');
  for (const f of s.byFunction.slice(0, 15)) console.log(`| ${f.name} | ${f.ms.toFixed(0)} | ${pct(f.ms)} |`);
  console.log('\n| function (inclusive, synchronous part) | ms | share of busy |');
  console.log('|---|---:|---:|');
  for (const f of s.inclusive) console.log(`| ${f.name} | ${f.ms.toFixed(0)} | ${pct(f.ms)} |`);
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));
/** Machine CPU ms per request or transaction, for the JSON line (null where /proc was not readable). */
const cpuFigure = (cpu: CpuUse | undefined) =>
  cpu && Number.isFinite(cpu.machineMs) ? round(cpu.machineMs / cpu.units, 2) : null;

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

// ---------------------------------------------------------------------------------------------

const all = [...pgResult.cases, ...pgliteResult.cases];
const find = (store: StoreKind, batch: number) => {
  const c = all.find((x) => x.store === store && x.batch === batch);
  if (!c) throw new Error('unreachable');
  return c;
};

console.log(
  `\nServer ingest: POST /api/sync over HTTP (node:http, kept-alive connections) to the back office in its own Node process;` +
    ` ${DEVICES} devices send at once, each its own chain in seq order, one request after the other.` +
    ` Each envelope carries 1 application (転入届, fictional fixture, drawn signature), ~${Math.round(pgResult.bytesPerEnvelope)} bytes of JSON.` +
    `\nRaw: the same rows (1 sync_envelopes + 1 applications row per envelope) by parameterised multi-row INSERTs (one per table),` +
    ` one transaction per batch, ${DEVICES} writers at once, through the back office's own store adapter; no parsing,` +
    ` verification, 受付番号, chain head, idempotency record or audit entry.` +
    `\nPostgreSQL ${cluster.version} (throwaway cluster, ${pgSettings}); PGlite ${pgliteVersion} (temp data dir, default settings).` +
    `\n${ROUNDS} alternating rounds per store (back office up: protocol batch 1, batch 50; back office down: raw batch 1, batch 50),` +
    ` each after its own warm-up. env/s: the median round; ratio = protocol env/s ÷ raw env/s, the median of the rounds' ratios` +
    ` (their range in brackets); latency: per request (protocol) / per transaction (raw), ms, all rounds pooled.`,
);
const loadAtEnd = loadavg()[0] ?? 0;
console.log(
  `Machine: ${cpus().length} CPUs; 1-min load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end` +
    `${loadAtStart > cpus().length / 2 ? ' (the machine was busy before the start — other work or an earlier run: the figures are noisier)' : ' (the bench itself included)'}.\n`,
);
console.log(
  '| store | batch | envelopes (requests) | env/s | raw env/s | ratio (range) | p50 | p99 | raw p50 | raw p99 |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const c of all)
  console.log(
    `| ${c.store === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${c.batch} | ${c.protocol.envelopes} (${c.protocol.requests}) | ${c.protocol.perSecond.toFixed(0)} | ${c.raw.perSecond.toFixed(0)} | ${c.ratio.toFixed(2)} (${c.ratioRange[0].toFixed(2)}–${c.ratioRange[1].toFixed(2)}) | ${c.protocol.p50.toFixed(1)} | ${c.protocol.p99.toFixed(1)} | ${c.raw.p50.toFixed(1)} | ${c.raw.p99.toFixed(1)} |`,
  );
const perUnit = (ms: number, cpu: CpuUse) => (Number.isFinite(ms) ? (ms / cpu.units).toFixed(2) : '—');
console.log(
  `\nCPU time per request (protocol) and per transaction (raw), ms, all rounds (Linux /proc; with ${cpus().length} CPUs the machine has ${cpus().length} ms of CPU per ms):`,
);
console.log(
  '| store | batch | run | machine (every process) | load generator / raw writer (bench process) | back office process | PostgreSQL processes |',
);
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const c of all)
  for (const [run, cpu] of [
    ['protocol', c.protocolCpu],
    ['raw', c.rawCpu],
  ] as const) {
    if (!cpu) continue;
    console.log(
      `| ${c.store === 'postgres' ? 'PostgreSQL' : 'PGlite'} | ${c.batch} | ${run} | ${perUnit(cpu.machineMs, cpu)} | ${perUnit(cpu.clientMs, cpu)} | ${run === 'raw' ? '—' : perUnit(cpu.serverMs, cpu)} | ${c.store === 'postgres' ? perUnit(cpu.postgresMs, cpu) : '(in the process above)'} |`,
    );
  }
const cpuRatio = (c: CaseResult) =>
  c.protocolCpu && c.rawCpu
    ? c.rawCpu.machineMs / c.rawCpu.units / (c.protocolCpu.machineMs / c.protocolCpu.units)
    : Number.NaN;
const pgCpuRatio = cpuRatio(find('postgres', 50));
if (Number.isFinite(pgCpuRatio))
  console.log(
    `PostgreSQL, batch 50: raw's machine CPU per transaction ÷ the protocol's per request = ${pgCpuRatio.toFixed(2)}, beside the` +
      ` measured ratio ${find('postgres', 50).ratio.toFixed(2)}: when both runs keep the machine's CPUs busy, the ratio follows` +
      ' the CPU each batch costs, and it rises only as the protocol costs less CPU per batch.',
  );
console.log(
  `\nFlush: one Chromium tablet (${flush.describe}), ${flush.envelopes} envelopes in its outbox → all delivered in ${flush.seconds.toFixed(2)} s` +
    ` (${(flush.envelopes / flush.seconds).toFixed(0)} env/s, ${flush.requests} requests) against the PGlite back office;` +
    ` queueing them (outbox.enqueueVisit, one after the other) took ${flush.enqueueSeconds.toFixed(2)} s.`,
);
const pg50 = find('postgres', 50);
const pg1 = find('postgres', 1);
const lite50 = find('pglite', 50);
const lite1 = find('pglite', 1);
console.log(
  `Targets: pg_ratio ${pg50.ratio.toFixed(2)} (≥ 0.5: ${pg50.ratio >= 0.5 ? 'met' : 'NOT met'}), flush_1000_s ${flush.seconds.toFixed(2)} (≤ 10: ${flush.seconds <= 10 ? 'met' : 'NOT met'}).`,
);
for (const [kind, r] of [
  ['postgres', pgResult],
  ['pglite', pgliteResult],
] as const)
  if (r.serverErrors.length > 0)
    console.log(`${kind} server log errors: ${r.serverErrors.slice(0, 5).join('; ')}`);
if (PROFILE) {
  console.log(
    "\nWhere a protocol request's time goes (round 1; server side, wall clock, mean per request; measured around the drivers and crypto.subtle in the server process):",
  );
  console.log(
    '| store | batch | request ms (client) | awaiting DB ms | DB calls | awaiting WebCrypto ms | WebCrypto calls | rest ms (JS, HTTP, event-loop queue) | server event loop busy |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of all) {
    if (!c.waits) continue;
    const { stats: w, run } = c.waits;
    const n = run.requests;
    const mean = run.mean;
    const cryptoMs = Object.values(w.crypto).reduce((t, x) => t + x.ms, 0);
    const cryptoCalls = Object.values(w.crypto).reduce((t, x) => t + x.calls, 0);
    console.log(
      `| ${c.store} | ${c.batch} | ${mean.toFixed(1)} | ${(w.dbMs / n).toFixed(1)} | ${(w.dbCalls / n).toFixed(0)} | ${(cryptoMs / n).toFixed(1)} | ${(cryptoCalls / n).toFixed(0)} | ${(mean - (w.dbMs + cryptoMs) / n).toFixed(1)} | ${(100 * w.eventLoopUtilization).toFixed(0)}% |`,
    );
  }
  if (flush.server) {
    const s = flush.server;
    const busy = (s.eventLoopUtilization * s.wallMs) / 1000;
    console.log(
      `\nFlush: the back office's main thread was busy ${busy.toFixed(2)} s of the ${flush.seconds.toFixed(2)} s` +
        ` (${(s.dbMs / 1000).toFixed(2)} s awaiting PGlite in ${s.dbCalls} protocol exchanges);` +
        ` the rest is the tablet (reading and opening the sealed envelopes, signing, marking each delivered in IndexedDB) and the way between.`,
    );
  }
  for (const [batch, rows] of pgResult.statements ?? []) {
    const run = find('postgres', batch).waits?.run;
    if (!run) continue;
    console.log(
      `\nPostgreSQL statement time, round 1's protocol run with batch ${batch} (${run.requests} requests in ${run.seconds.toFixed(1)} s, ${DEVICES} devices at once; pg_stat_statements, server side; COMMIT's WAL flush is not in it):`,
    );
    console.log('| statement | calls | total ms | mean ms |');
    console.log('|---|---:|---:|---:|');
    for (const s of rows)
      console.log(
        `| ${s.query.replaceAll('|', '\\|')} | ${s.calls} | ${s.totalMs.toFixed(0)} | ${s.meanMs.toFixed(3)} |`,
      );
  }
  if (pgResult.profile) printProfile('postgres', pgResult.profile);
  if (pgliteResult.profile) printProfile('pglite', pgliteResult.profile);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(0)} s in all)`);
console.log(
  JSON.stringify({
    bench: 'sync',
    pg_env_per_s: round(pg50.protocol.perSecond),
    pg_raw_per_s: round(pg50.raw.perSecond),
    pg_ratio: round(pg50.ratio, 3),
    pg_p99_ms: round(pg50.protocol.p99),
    pglite_env_per_s: round(lite50.protocol.perSecond),
    flush_1000_s: round(flush.seconds, 2),
    pg_p50_ms: round(pg50.protocol.p50),
    pglite_raw_per_s: round(lite50.raw.perSecond),
    pglite_ratio: round(lite50.ratio, 3),
    pglite_p50_ms: round(lite50.protocol.p50),
    pglite_p99_ms: round(lite50.protocol.p99),
    pg_b1_env_per_s: round(pg1.protocol.perSecond),
    pg_b1_raw_per_s: round(pg1.raw.perSecond),
    pg_b1_ratio: round(pg1.ratio, 3),
    pg_b1_p50_ms: round(pg1.protocol.p50),
    pg_b1_p99_ms: round(pg1.protocol.p99),
    pglite_b1_env_per_s: round(lite1.protocol.perSecond),
    pglite_b1_raw_per_s: round(lite1.raw.perSecond),
    pglite_b1_ratio: round(lite1.ratio, 3),
    pglite_b1_p50_ms: round(lite1.protocol.p50),
    pglite_b1_p99_ms: round(lite1.protocol.p99),
    flush_envelopes: flush.envelopes,
    flush_requests: flush.requests,
    enqueue_1000_s: round((flush.enqueueSeconds * 1000) / flush.envelopes, 2),
    devices: DEVICES,
    applications_per_envelope: 1,
    bytes_per_envelope: Math.round(pgResult.bytesPerEnvelope),
    pg_fsync: true,
    pg_cpu_ms_per_request: cpuFigure(pg50.protocolCpu),
    pg_raw_cpu_ms_per_tx: cpuFigure(pg50.rawCpu),
    pg_cpu_ratio: Number.isFinite(pgCpuRatio) ? round(pgCpuRatio, 3) : null,
  }),
);
