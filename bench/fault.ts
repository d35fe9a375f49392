// `npm run bench -- fault`: issue 5's fault scenario at full size, on PGlite and on PostgreSQL (a
// throwaway cluster, the one the tests use): 5 tablets in Chromium (the real outbox, sync engine
// and client) send 10,000 envelopes through a proxy that drops, delays, duplicates and reorders,
// while the back office is SIGKILLed and restarted 5 times (2 of the restarts killed again in the
// middle of their own start) and one tablet is closed mid-write.
// Each run ends with the store checked against the tablets (test/fault/run-fault.ts): every
// envelope exactly once, nothing undelivered, every chain intact, the audit chain intact; a
// mismatch fails the bench. The baseline is the same scenario with no faults and no kills
// (FAULT_BASELINE=0 skips it), so the ratio says what the faults cost in time to deliver.
// Knobs: FAULT_ENVELOPES (10000), FAULT_KILLS (5), FAULT_CRASHES_DURING_START (2), FAULT_TABLETS
// (5), FAULT_SEED (random, printed), FAULT_STORES (pglite,postgres).
import { seedFromEnv } from '../test/fault/prng.ts';
import { NO_FAULTS } from '../test/fault/proxy.ts';
import { type FaultStore, type FaultTallies, runFaultScenario } from '../test/fault/run-fault.ts';
import { startPgCluster } from '../test/setup/pg-cluster.ts';

const envelopes = Number(process.env.FAULT_ENVELOPES ?? 10_000);
const kills = Number(process.env.FAULT_KILLS ?? 5);
const crashesDuringStart = Number(process.env.FAULT_CRASHES_DURING_START ?? 2);
const tablets = Number(process.env.FAULT_TABLETS ?? 5);
const seed = seedFromEnv();
const baseline = process.env.FAULT_BASELINE !== '0';
const stores = (process.env.FAULT_STORES ?? 'pglite,postgres').split(',') as FaultStore[];

console.log(`fault bench: ${tablets} tablets, ${envelopes} envelopes, ${kills} kills, seed ${seed}`);

let postgresUrl: string | undefined;
let stopCluster: (() => Promise<void>) | undefined;
if (stores.includes('postgres')) {
  // The tests' throwaway cluster (fsync off, as in the tests: it holds test data only).
  const cluster = await startPgCluster({ fsync: false });
  postgresUrl = cluster.url;
  stopCluster = cluster.stop;
}

const results: Record<string, { faults: FaultTallies; baseline?: FaultTallies }> = {};
try {
  for (const store of stores) {
    const common = {
      store,
      postgresAdminUrl: postgresUrl,
      tablets,
      envelopes,
      seed,
      paceMs: 40,
      maxChunk: 10,
      drainTimeoutMs: 30 * 60_000,
      log: (line: string) => console.log(`  [${store}] ${line}`),
    };
    const faults = await runFaultScenario({ ...common, kills, crashesDuringStart });
    const base = baseline
      ? await runFaultScenario({ ...common, kills: 0, rates: NO_FAULTS, midWriteClose: false })
      : undefined;
    results[store] = { faults, ...(base ? { baseline: base } : {}) };
  }
} finally {
  await stopCluster?.();
}

const cell = (store: string, pick: (t: FaultTallies) => string | number) => {
  const r = results[store];
  return r ? String(pick(r.faults)) : '-';
};
const rows: [string, (t: FaultTallies) => string | number][] = [
  ['envelopes stored (each exactly once)', (t) => t.envelopes],
  ['applications stored', (t) => t.applications],
  ['SIGKILLs (of them into a request)', (t) => `${t.kills} (${t.killsInFlight})`],
  ['restarts (of them SIGKILLed again during their start)', (t) => `${t.restarts} (${t.crashesDuringStart})`],
  ['sync requests through the proxy', (t) => t.syncRequests],
  ['  forwarded as they were', (t) => t.faults.forward],
  ['  dropped before the server', (t) => t.faults.dropRequest],
  ['  answer dropped after the server', (t) => t.faults.dropResponse],
  ['  delayed (0–400 ms)', (t) => t.faults.delay],
  ['  duplicated', (t) => t.faults.duplicate],
  ['  reordered (went alone after the wait)', (t) => `${t.faults.reorder} (${t.reorderTimeouts})`],
  ['requests that found the server down (502)', (t) => t.serverDown],
  ['envelope receipts answered as duplicate', (t) => t.duplicatesAnswered],
  [
    'mid-write close: visits cut into / kept',
    (t) => (t.midWriteClose ? `${t.midWriteClose.visits} / ${t.midWriteClose.survived}` : '-'),
  ],
  ['elapsed (s)', (t) => (t.elapsedMs / 1000).toFixed(1)],
  ['drain after the last enqueue (s)', (t) => (t.drainMs / 1000).toFixed(1)],
];
console.log(`\n| tally | ${stores.join(' | ')} |`);
console.log(`|---|${stores.map(() => '---:').join('|')}|`);
for (const [label, pick] of rows)
  console.log(`| ${label} | ${stores.map((s) => cell(s, pick)).join(' | ')} |`);
const ratios: Record<string, number> = {};
for (const store of stores) {
  const r = results[store];
  if (r?.baseline) {
    ratios[store] = Number((r.faults.elapsedMs / r.baseline.elapsedMs).toFixed(2));
    console.log(
      `${store}: ${(r.faults.elapsedMs / 1000).toFixed(1)} s with faults vs ${(r.baseline.elapsedMs / 1000).toFixed(1)} s without (baseline) = ${ratios[store]}×`,
    );
  }
}
console.log(
  JSON.stringify({
    bench: 'fault',
    seed,
    tablets,
    envelopes,
    kills,
    crashes_during_start: crashesDuringStart,
    ratio_vs_baseline: ratios,
    stores: Object.fromEntries(
      Object.entries(results).map(([store, r]) => [
        store,
        { ...r.faults, ...(r.baseline ? { baselineElapsedMs: r.baseline.elapsedMs } : {}) },
      ]),
    ),
  }),
);
