// The report of bench/sync.ts: the tables (ingest against raw inserts, CPU per request and
// transaction, the flush), the targets, with --profile where the time went, and as its last line
// the JSON object with the figures.
import { cpus, loadavg } from 'node:os';
import { summariseProfile } from './cpu-profile.ts';
import type { CpuUse } from './cpu-use.ts';
import type { FlushResult } from './sync-flush.ts';
import type { Run } from './sync-load.ts';
import type { ServerStats } from './sync-server.ts';

export type StoreKind = 'postgres' | 'pglite';

export interface CaseResult {
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

export interface StoreResult {
  readonly cases: CaseResult[];
  readonly bytesPerEnvelope: number;
  readonly serverErrors: readonly string[];
  readonly profile?: string;
  /** Per batch size: PostgreSQL's statement times during the protocol run (--profile). */
  readonly statements?: ReadonlyMap<number, readonly StatementTime[]>;
}

export interface StatementTime {
  readonly query: string;
  readonly calls: number;
  readonly totalMs: number;
  readonly meanMs: number;
}

export const INCLUSIVE = [
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

export interface ReportInput {
  readonly pg: StoreResult;
  readonly pglite: StoreResult;
  readonly flush: FlushResult;
  /** Tablets sending at once. */
  readonly devices: number;
  readonly rounds: number;
  /** --profile: the profile, the wait totals and the statement times were taken. */
  readonly profile: boolean;
  /** The two stores' versions and settings, one sentence. */
  readonly setup: string;
  readonly loadAtStart: number;
  /** performance.now() at the bench's start. */
  readonly startedMs: number;
}

/** Prints the whole report; the last line is the JSON object. */
export function printReport(r: ReportInput): void {
  const all = [...r.pg.cases, ...r.pglite.cases];
  const find = (store: StoreKind, batch: number) => {
    const c = all.find((x) => x.store === store && x.batch === batch);
    if (!c) throw new Error('unreachable');
    return c;
  };

  console.log(
    `\nServer ingest: POST /api/sync over HTTP (node:http, kept-alive connections) to the back office in its own Node process;` +
      ` ${r.devices} devices send at once, each its own chain in seq order, one request after the other.` +
      ` Each envelope carries 1 application (転入届, fictional fixture, drawn signature), ~${Math.round(r.pg.bytesPerEnvelope)} bytes of JSON.` +
      `\nRaw: the same rows (1 sync_envelopes + 1 applications row per envelope) by parameterised multi-row INSERTs (one per table),` +
      ` one transaction per batch, ${r.devices} writers at once, through the back office's own store adapter; no parsing,` +
      ` verification, 受付番号, chain head, idempotency record or audit entry.` +
      `\n${r.setup}` +
      `\n${r.rounds} alternating rounds per store (back office up: protocol batch 1, batch 50; back office down: raw batch 1, batch 50),` +
      ` each after its own warm-up. env/s: the median round; ratio = protocol env/s ÷ raw env/s, the median of the rounds' ratios` +
      ` (their range in brackets); latency: per request (protocol) / per transaction (raw), ms, all rounds pooled.`,
  );
  const loadAtEnd = loadavg()[0] ?? 0;
  console.log(
    `Machine: ${cpus().length} CPUs; 1-min load average ${r.loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end` +
      `${r.loadAtStart > cpus().length / 2 ? ' (the machine was busy before the start — other work or an earlier run: the figures are noisier)' : ' (the bench itself included)'}.\n`,
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
    `\nFlush: one Chromium tablet (${r.flush.describe}), ${r.flush.envelopes} envelopes in its outbox → all delivered in ${r.flush.seconds.toFixed(2)} s` +
      ` (${(r.flush.envelopes / r.flush.seconds).toFixed(0)} env/s, ${r.flush.requests} requests) against the PGlite back office;` +
      ` queueing them (outbox.enqueueVisit, one after the other) took ${r.flush.enqueueSeconds.toFixed(2)} s.`,
  );
  const pg50 = find('postgres', 50);
  const pg1 = find('postgres', 1);
  const lite50 = find('pglite', 50);
  const lite1 = find('pglite', 1);
  console.log(
    `Targets: pg_ratio ${pg50.ratio.toFixed(2)} (≥ 0.5: ${pg50.ratio >= 0.5 ? 'met' : 'NOT met'}), flush_1000_s ${r.flush.seconds.toFixed(2)} (≤ 10: ${r.flush.seconds <= 10 ? 'met' : 'NOT met'}).`,
  );
  for (const [kind, store] of [
    ['postgres', r.pg],
    ['pglite', r.pglite],
  ] as const)
    if (store.serverErrors.length > 0)
      console.log(`${kind} server log errors: ${store.serverErrors.slice(0, 5).join('; ')}`);
  if (r.profile) {
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
    if (r.flush.server) {
      const s = r.flush.server;
      const busy = (s.eventLoopUtilization * s.wallMs) / 1000;
      console.log(
        `\nFlush: the back office's main thread was busy ${busy.toFixed(2)} s of the ${r.flush.seconds.toFixed(2)} s` +
          ` (${(s.dbMs / 1000).toFixed(2)} s awaiting PGlite in ${s.dbCalls} protocol exchanges);` +
          ` the rest is the tablet (reading and opening the sealed envelopes, signing, marking each delivered in IndexedDB) and the way between.`,
      );
    }
    for (const [batch, rows] of r.pg.statements ?? []) {
      const run = find('postgres', batch).waits?.run;
      if (!run) continue;
      console.log(
        `\nPostgreSQL statement time, round 1's protocol run with batch ${batch} (${run.requests} requests in ${run.seconds.toFixed(1)} s, ${r.devices} devices at once; pg_stat_statements, server side; COMMIT's WAL flush is not in it):`,
      );
      console.log('| statement | calls | total ms | mean ms |');
      console.log('|---|---:|---:|---:|');
      for (const s of rows)
        console.log(
          `| ${s.query.replaceAll('|', '\\|')} | ${s.calls} | ${s.totalMs.toFixed(0)} | ${s.meanMs.toFixed(3)} |`,
        );
    }
    if (r.pg.profile) printProfile('postgres', r.pg.profile);
    if (r.pglite.profile) printProfile('pglite', r.pglite.profile);
  }
  console.log(`\n(${((performance.now() - r.startedMs) / 1000).toFixed(0)} s in all)`);
  console.log(
    JSON.stringify({
      bench: 'sync',
      pg_env_per_s: round(pg50.protocol.perSecond),
      pg_raw_per_s: round(pg50.raw.perSecond),
      pg_ratio: round(pg50.ratio, 3),
      pg_p99_ms: round(pg50.protocol.p99),
      pglite_env_per_s: round(lite50.protocol.perSecond),
      flush_1000_s: round(r.flush.seconds, 2),
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
      flush_envelopes: r.flush.envelopes,
      flush_requests: r.flush.requests,
      enqueue_1000_s: round((r.flush.enqueueSeconds * 1000) / r.flush.envelopes, 2),
      devices: r.devices,
      applications_per_envelope: 1,
      bytes_per_envelope: Math.round(r.pg.bytesPerEnvelope),
      pg_fsync: true,
      pg_cpu_ms_per_request: cpuFigure(pg50.protocolCpu),
      pg_raw_cpu_ms_per_tx: cpuFigure(pg50.rawCpu),
      pg_cpu_ratio: Number.isFinite(pgCpuRatio) ? round(pgCpuRatio, 3) : null,
    }),
  );
}
