// The flush of bench/sync.ts: one Chromium tablet with N envelopes queued in its real outbox
// delivers them all to the back office (PGlite, a temp data dir, in its own process). The page is
// the fault test's tablet harness (test/fault/tablet-harness.ts: the real IndexedDB outbox, sealer,
// device identity, API client and sync engine of pwa/, wired as pwa/services.ts does), bundled by
// test/fault/tablet.ts and served here by the back office itself from a static dir, with no proxy
// in between: the page is same-origin with /api and nothing but the network stack is in the way.
// Timed: from the first syncNow() until the outbox holds no pending envelope.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../server/store/open-store.ts';
import { toInt } from '../server/store/sql.ts';
import { issueEnrollmentCode } from '../test/e2e/stack.ts';
import { HARNESS_PAGE, harnessResources, Tablet } from '../test/fault/tablet.ts';
import { signedTennyuEnvelope } from '../test/fixtures/applications.ts';
import { DEMO, spawnServer } from './sync-load.ts';
import type { ServerStats } from './sync-server.ts';

export interface FlushResult {
  readonly envelopes: number;
  /** POST /api/sync requests the tablet needed (the server keeps one sync_batches row per request). */
  readonly requests: number;
  readonly seconds: number;
  /** How long queueing them took (outbox.enqueueVisit, one visit after the other). */
  readonly enqueueSeconds: number;
  readonly describe: string;
  /** trace: the back office's main thread during the timed flush (bench/sync-server.ts). */
  readonly server?: ServerStats;
}

const ENQUEUE_CHUNK = 100;

export async function runFlush(envelopes: number, trace = false): Promise<FlushResult> {
  const work = mkdtempSync(join(tmpdir(), 'kakanai-bench-flush-'));
  try {
    return await flush(work, envelopes, trace);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function flush(work: string, envelopes: number, trace: boolean): Promise<FlushResult> {
  const staticDir = join(work, 'static');
  const dataDir = join(work, 'data');
  const profileDir = join(work, 'chromium-profile');
  const resources = await harnessResources();
  mkdirSync(staticDir);
  for (const [path, resource] of Object.entries(resources))
    writeFileSync(join(staticDir, path.slice(1)), resource.body);
  // The back office serves a static dir only when it has an index.html.
  const page = resources[HARNESS_PAGE];
  if (!page) throw new Error('the tablet harness has no page');
  writeFileSync(join(staticDir, 'index.html'), page.body);

  const server = await spawnServer({ dataDir, staticDir, trace });
  const tablet = new Tablet(0, '窓口ベンチ', profileDir, server.url, 3_600_000);
  let deviceId: string;
  let seconds: number;
  let enqueueSeconds: number;
  let serverStats: ServerStats | undefined;
  try {
    await tablet.open();
    const enrolled = await tablet.enroll(await issueEnrollmentCode(server.url));
    if (!enrolled.ok || !enrolled.deviceId) throw new Error(`enrollment failed: ${enrolled.error}`);
    deviceId = enrolled.deviceId;
    const signedIn = await tablet.signIn(DEMO.username, DEMO.password);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.error}`);

    // One visit = one envelope with one application (fresh ids, signed over its own content).
    const visits = [];
    for (let i = 0; i < envelopes; i++) visits.push([await signedTennyuEnvelope()]);
    const q0 = performance.now();
    for (let i = 0; i < visits.length; i += ENQUEUE_CHUNK) {
      const r = await tablet.enqueue(visits.slice(i, i + ENQUEUE_CHUNK));
      if (!r.ok) throw new Error(`enqueue failed: ${r.error}`);
    }
    enqueueSeconds = (performance.now() - q0) / 1000;
    const before = await tablet.counts();
    if (before.pending !== envelopes)
      throw new Error(`${before.pending} pending after enqueueing ${envelopes}`);

    if (trace) await server.stats();
    const t0 = performance.now();
    for (;;) {
      const report = await tablet.syncNow();
      if (report.stoppedBy) throw new Error(`the sync stopped: ${report.stoppedBy}`);
      if (report.pending === 0) break;
    }
    seconds = (performance.now() - t0) / 1000;
    if (trace) serverStats = await server.stats();
    const after = await tablet.counts();
    if (after.delivered !== envelopes || after.pending !== 0)
      throw new Error(`after the flush: ${after.delivered} delivered, ${after.pending} pending`);
    if (tablet.pageErrors.length > 0) throw new Error(`page errors: ${tablet.pageErrors.join('; ')}`);
  } finally {
    await tablet.close();
    await server.close();
  }
  // What the back office holds: every application, and one kept answer per request it took.
  const sql = await openStore({ dataDir }, () => {});
  let requests: number;
  try {
    const stored = await sql.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM applications WHERE device_id = $1',
      [deviceId],
    );
    if (toInt(stored.rows[0]?.n) !== envelopes)
      throw new Error('the back office does not hold every application');
    const batches = await sql.query<{ n: unknown }>(
      'SELECT count(*) AS n FROM sync_batches WHERE device_id = $1',
      [deviceId],
    );
    requests = toInt(batches.rows[0]?.n);
  } finally {
    await sql.close();
  }
  return {
    envelopes,
    requests,
    seconds,
    enqueueSeconds,
    describe: 'headless Debian Chromium, the fault harness page = the real pwa/ outbox + sync engine',
    ...(serverStats ? { server: serverStats } : {}),
  };
}
