// Issue 5's fault scenario, one function for the test (reduced size) and the bench (full size):
// N tablets (real Chromium, the real outbox + sync engine + client) enqueue visits while they
// sync continually through a proxy that drops, delays, duplicates and reorders requests; the back
// office (a child process) is SIGKILLed and restarted several times; one tablet's browser is closed
// in the middle of an enqueue and opened again with the same profile. At the end, once every
// tablet says nothing is pending, the store is read directly (verify-store.ts) and must show every
// visit each tablet confirmed exactly once, nothing the tablets do not know, every device's chain
// 1..N intact with its head, receipts that match the tablets', and an intact audit chain.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../../server/store/open-store.ts';
import type { SqlClient } from '../../server/store/sql.ts';
import { loadCatalogue } from '../../shared/procedures/registry.ts';
import { createRng, type Rng } from './prng.ts';
import { DEFAULT_RATES, type FaultRates, type ProxyTallies, startFaultProxy } from './proxy.ts';
import { type ServerProcess, startServerProcess } from './server-process.ts';
import { harnessResources, Tablet, TabletClosed } from './tablet.ts';
import { type Visit, verifyStore } from './verify-store.ts';
import { visitMaker } from './visits.ts';

export type FaultStore = 'pglite' | 'postgres';

export const ADMIN = { username: 'demo', password: 'kakanai-demo' } as const;
export const COUNTER = { username: 'counter', password: 'kakanai-counter' } as const;

export interface FaultScenarioOptions {
  readonly store: FaultStore;
  /** PostgreSQL only: a superuser URL of a (throwaway) cluster; a fresh database is made in it. */
  readonly postgresAdminUrl?: string;
  readonly tablets: number;
  /**
   * Visits in all, one sync envelope each, shared out among the tablets (plus the visits of the
   * mid-write close: those kept by the tablet must arrive too).
   */
  readonly envelopes: number;
  /** SIGKILL + restart of the back office, at random moments of the run. */
  readonly kills: number;
  /** Of those restarts, how many are SIGKILLed once more in the middle of their own start. */
  readonly crashesDuringStart?: number;
  readonly seed: number;
  readonly rates?: FaultRates;
  /** Pause between two enqueues of a tablet (ms, drawn in [0, paceMs]). */
  readonly paceMs?: number;
  /** Visits per enqueue call at most (a call stores them one enqueueVisit after the other). */
  readonly maxChunk?: number;
  /** Close one tablet in the middle of an enqueue and open it again (default true). */
  readonly midWriteClose?: boolean;
  /** The checks' own test: changes the store after the run, before it is checked. */
  readonly tamper?: (sql: SqlClient) => Promise<void>;
  /** How long the tablets may take to deliver everything after the last enqueue. */
  readonly drainTimeoutMs?: number;
  readonly log?: (line: string) => void;
}

export interface FaultTallies {
  readonly store: FaultStore;
  readonly seed: number;
  readonly tablets: number;
  /** Envelopes (visits) stored on the tablets and found in the back office. */
  readonly envelopes: number;
  readonly applications: number;
  readonly kills: number;
  /** Kills that cut into a request the back office was answering. */
  readonly killsInFlight: number;
  /** Restarts that were SIGKILLed in the middle of their start (then started again). */
  readonly crashesDuringStart: number;
  readonly restarts: number;
  /** Requests the tablets sent through the proxy, and what it did with them. */
  readonly syncRequests: number;
  readonly faults: ProxyTallies['faults'];
  readonly reorderTimeouts: number;
  /** Requests that reached a back office that was down (or was killed under them): answered 502. */
  readonly serverDown: number;
  /** Envelope receipts the back office answered as duplicate (a resend of something stored). */
  readonly duplicatesAnswered: number;
  readonly statuses: ProxyTallies['statuses'];
  /** Undefined when the run had no mid-write close (the bench's baseline). */
  readonly midWriteClose?: {
    readonly tablet: number;
    /** Visits in the enqueue call the close cut into. */
    readonly visits: number;
    /** Of those, the page had said were stored when the close was asked for… */
    readonly storedBeforeClose: number;
    /** …and stored afterwards, until the browser went. */
    readonly storedWhileClosing: number;
    /** Of those, on the tablet after it was opened again (and so they must arrive): a prefix. */
    readonly survived: number;
    /** The call had answered before the close (then the close missed the write). */
    readonly resolvedBeforeClose: boolean;
    readonly closedAfterMs: number;
  };
  readonly elapsedMs: number;
  /** From the last enqueue until every tablet had nothing pending. */
  readonly drainMs: number;
}

/**
 * Visits (on top of the tablet's share) in the enqueue call that the mid-write close cuts into:
 * one enqueueVisit takes ~5 ms and a browser takes a while to go once asked to close, so the call
 * must run long enough for the close to land inside it.
 */
const INTERRUPTED_VISITS = 60;
/** A pause between two of those visits, so the page's reports reach the driver during the call. */
const INTERRUPTED_PAUSE_MS = 2;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface TabletRun {
  readonly tablet: Tablet;
  /** Independent streams, so the visits and the pacing of a tablet follow from the seed alone. */
  readonly rng: { readonly visits: Rng; readonly pace: Rng; readonly sync: Rng };
  readonly share: number;
  deviceId: string;
  produced: number;
  /** Visits whose enqueue answered ok on the tablet. */
  readonly confirmed: Visit[];
  /** The visits of the interrupted enqueue: each must arrive exactly when it is on the tablet. */
  uncertain: readonly Visit[];
  /** Resolves when the tablet is open again after the deliberate close. */
  reopened: Promise<void> | undefined;
}

async function json(response: Response): Promise<unknown> {
  return response.json().catch(() => undefined);
}

/** Retries a call against the back office until it answers (it may be down for a restart). */
async function untilUp<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await fn();
      if (value !== undefined) return value;
    } catch {
      // down, or closed under us: try again
    }
    if (Date.now() > deadline) throw new Error(`${what}: no answer within ${timeoutMs} ms`);
    await sleep(200);
  }
}

async function signInDirect(url: string, who: { username: string; password: string }): Promise<string> {
  return untilUp(`sign-in as ${who.username}`, async () => {
    const r = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    const body = (await json(r)) as { token?: string } | undefined;
    return r.ok ? body?.token : undefined;
  });
}

async function issueCode(url: string, adminToken: string): Promise<string> {
  const r = await fetch(`${url}/api/devices/codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}` },
  });
  const body = (await json(r)) as { code?: string } | undefined;
  if (r.status !== 201 || !body?.code) throw new Error(`issuing an enrollment code answered ${r.status}`);
  return body.code;
}

async function freshPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kakanai_fault_${crypto.randomUUID().replaceAll('-', '')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client(adminUrl);
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export async function runFaultScenario(options: FaultScenarioOptions): Promise<FaultTallies> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const rng = createRng(options.seed);
  log(
    `fault scenario: store=${options.store} tablets=${options.tablets} envelopes=${options.envelopes} kills=${options.kills} seed=${options.seed} (FAULT_SEED=${options.seed} replays the draws)`,
  );
  if (options.tablets < 1 || options.envelopes < options.tablets)
    throw new Error('at least one visit per tablet');
  if (options.store === 'postgres' && !options.postgresAdminUrl)
    throw new Error('postgresAdminUrl is needed for the postgres store');

  const work = mkdtempSync(join(tmpdir(), 'kakanai-fault-'));
  const dataDir = join(work, 'data');
  const database =
    options.store === 'postgres' && options.postgresAdminUrl
      ? await freshPostgresDatabase(options.postgresAdminUrl)
      : undefined;
  let server: ServerProcess | undefined;
  let proxy: Awaited<ReturnType<typeof startFaultProxy>> | undefined;
  const runs: TabletRun[] = [];
  let duplicatesAnswered = 0;
  const stopSync = { value: false };
  const loops: Promise<void>[] = [];
  let loopError: unknown;
  let aborted = false;
  let killing: Promise<void> | undefined;

  try {
    server = await startServerProcess(database ? { databaseUrl: database.url } : { dataDir });
    const srv = server;
    log(`back office up on port ${srv.port} (${Math.round(performance.now() - started)} ms)`);
    proxy = await startFaultProxy({
      targetPort: srv.port,
      seed: rng.fork().int(0, 2 ** 31),
      rates: options.rates ?? DEFAULT_RATES,
      local: await harnessResources(),
      observe: (path, status, body) => {
        if (path !== '/api/sync' || status !== 200) return;
        try {
          const ack = JSON.parse(body.toString('utf8')) as { envelopes?: { duplicate?: boolean }[] };
          duplicatesAnswered += (ack.envelopes ?? []).filter((e) => e.duplicate === true).length;
        } catch {
          // not an ack: nothing to count
        }
      },
    });
    const px = proxy;
    const adminToken = await signInDirect(srv.url, ADMIN);

    // The tablets: each its own profile, enrolled with its own one-time code, signed in as counter staff.
    const base = Math.floor(options.envelopes / options.tablets);
    const profiles = join(work, 'profiles');
    for (let i = 0; i < options.tablets; i++) {
      const tablet = new Tablet(i, `窓口${i + 1}`, join(profiles, `tablet-${i + 1}`), px.url, 250);
      runs.push({
        tablet,
        rng: { visits: rng.fork(), pace: rng.fork(), sync: rng.fork() },
        share: base + (i < options.envelopes % options.tablets ? 1 : 0),
        deviceId: '',
        produced: 0,
        confirmed: [],
        uncertain: [],
        reopened: undefined,
      });
    }
    await Promise.all(
      runs.map(async (run) => {
        await run.tablet.open();
        const enrolled = await run.tablet.enroll(await issueCode(srv.url, adminToken));
        if (!enrolled.ok || !enrolled.deviceId)
          throw new Error(`${run.tablet.name}: enrollment failed (${enrolled.error})`);
        run.deviceId = enrolled.deviceId;
        const signedIn = await run.tablet.signIn(COUNTER.username, COUNTER.password);
        if (!signedIn.ok) throw new Error(`${run.tablet.name}: sign-in failed (${signedIn.error})`);
        await run.tablet.startEngine();
      }),
    );
    log(`${runs.length} tablets enrolled and signed in (${Math.round(performance.now() - started)} ms)`);

    const procedures = await loadCatalogue();
    const paceMs = options.paceMs ?? 60;
    const maxChunk = options.maxChunk ?? 8;
    const total = options.envelopes;
    const produced = () => runs.reduce((n, r) => n + r.produced, 0);

    // The tablet closed mid-write, and when: early in its own share (10–40 %).
    const victim = options.midWriteClose === false ? undefined : runs[rng.int(0, runs.length - 1)];
    const victimAt = Math.max(1, Math.floor((victim?.share ?? 0) * (0.1 + rng.next() * 0.3)));
    let midWrite: FaultTallies['midWriteClose'] | undefined;

    const reopen = async (run: TabletRun) => {
      await run.tablet.open();
      // The session is kept in IndexedDB; signing in again is only needed if it was not.
      await untilUp(`${run.tablet.name}: sign-in after reopening`, async () =>
        (await run.tablet.signIn(COUNTER.username, COUNTER.password)).ok ? true : undefined,
      );
      await run.tablet.startEngine();
    };

    /**
     * Closes the victim's browser in the middle of an enqueue of many visits: once the page has
     * said that a few of them are stored (committed), the close is asked for within a few ms, while
     * the page goes on writing; then the browser is opened again with its profile. Afterwards the
     * tablet must hold a prefix of those visits, each whole or not at all, and at least every one
     * it had said was stored. False when the call had answered before the close was asked for.
     */
    const interrupt = async (run: TabletRun, visits: readonly Visit[]): Promise<boolean> => {
      const closeAfter = run.rng.pace.int(1, 6);
      const closeBy = run.rng.pace.int(60, 250);
      let reportedStored = 0;
      let reached!: () => void;
      const reachedEnough = new Promise<void>((r) => {
        reached = r;
      });
      let answered = false;
      const t0 = performance.now();
      const call = run.tablet
        .enqueue(
          visits.map((v) => v.applications),
          (stored) => {
            reportedStored = Math.max(reportedStored, stored);
            if (stored >= closeAfter) reached();
          },
          INTERRUPTED_PAUSE_MS,
        )
        .then(
          (r) => {
            answered = true;
            if (!r.ok) throw new Error(`${run.tablet.name}: enqueue refused (${r.error})`);
          },
          (e: unknown) => {
            if (!(e instanceof TabletClosed)) throw e;
          },
        );
      let done!: () => void;
      run.reopened = new Promise<void>((r) => {
        done = r;
      });
      try {
        return await closeAndCheck();
      } finally {
        // Even when the checks throw: the tablet's sync loop waits on this.
        run.reopened = undefined;
        done();
      }

      async function closeAndCheck(): Promise<boolean> {
        await Promise.race([reachedEnough, call, sleep(closeBy)]);
        await sleep(run.rng.pace.int(0, 3));
        const closedAfterMs = Math.round(performance.now() - t0);
        const answeredBeforeClose = answered;
        const seenBeforeClose = reportedStored;
        await run.tablet.close();
        await call;
        if (answered) run.confirmed.push(...visits);
        else run.uncertain = visits;
        await reopen(run);
        const state = await run.tablet.state();
        const ids = new Set(state.envelopes.flatMap((e) => e.applicationIds));
        const kept = visits.map((v) => {
          const on = v.applications.filter((a) => ids.has(a.id)).length;
          if (on !== 0 && on !== v.applications.length)
            throw new Error(
              `${run.tablet.name}: ${on} of the ${v.applications.length} applications of an interrupted visit are stored`,
            );
          return on > 0;
        });
        const survived = kept.filter(Boolean).length;
        if (kept.some((k, i) => k && kept.slice(0, i).includes(false)))
          throw new Error(
            `${run.tablet.name}: the interrupted visits kept are not the first ones (${kept.map(Number).join('')})`,
          );
        if (survived < reportedStored)
          throw new Error(
            `${run.tablet.name}: the page said ${reportedStored} visits were stored before it closed, ${survived} are there after reopening (committed writes lost)`,
          );
        midWrite = {
          tablet: run.tablet.index + 1,
          visits: visits.length,
          storedBeforeClose: seenBeforeClose,
          storedWhileClosing: reportedStored - seenBeforeClose,
          survived,
          resolvedBeforeClose: answeredBeforeClose,
          closedAfterMs,
        };
        log(
          `${run.tablet.name} asked to close ${closedAfterMs} ms into an enqueue of ${visits.length} visits, ${seenBeforeClose} stored by then (${reportedStored} by the time it went${answered ? ', all: the close came too late' : ''}); after reopening it holds ${survived}`,
        );
        return !answered;
      }
    };

    const enqueueLoop = async (run: TabletRun) => {
      const visits = visitMaker(procedures, run.rng.visits);
      let interrupted = false;
      let tries = 0;
      while (run.produced < run.share) {
        // Visits of its own, on top of the tablet's share; tried again (up to 3 times) when the
        // write was done before the close came.
        if (run === victim && !interrupted && tries < 3 && run.produced >= victimAt) {
          tries += 1;
          const chunk: Visit[] = [];
          for (let i = 0; i < INTERRUPTED_VISITS; i++) {
            const applications = await visits.next();
            chunk.push({ visitId: applications[0]?.visitId ?? '', applications });
          }
          interrupted = await interrupt(run, chunk);
          continue;
        }
        const size = Math.min(run.rng.pace.int(1, maxChunk), run.share - run.produced);
        const chunk: Visit[] = [];
        for (let i = 0; i < size; i++) {
          const applications = await visits.next();
          chunk.push({ visitId: applications[0]?.visitId ?? '', applications });
        }
        const r = await run.tablet.enqueue(chunk.map((v) => v.applications));
        if (!r.ok)
          throw new Error(`${run.tablet.name}: enqueue refused (${r.error}) after ${r.stored} of ${size}`);
        run.confirmed.push(...chunk);
        run.produced += size;
        await sleep(run.rng.pace.int(0, paceMs));
      }
    };

    const syncLoop = async (run: TabletRun) => {
      while (!stopSync.value) {
        if (run.reopened) await run.reopened;
        try {
          if (run.tablet.isOpen) await run.tablet.syncNow();
        } catch (e) {
          if (!(e instanceof TabletClosed)) throw e;
        }
        await sleep(run.rng.sync.int(20, 150));
      }
    };

    let kills = 0;
    let killsInFlight = 0;
    let crashesDuringStart = 0;
    const killer = async (enqueueDone: () => boolean) => {
      const killRng = rng.fork();
      // Moments by progress of the enqueues, spread over the run; the rest (if the enqueues are
      // done first) while the tablets drain.
      const crashing = new Set<number>();
      while (crashing.size < Math.min(options.crashesDuringStart ?? 0, options.kills))
        crashing.add(killRng.int(0, options.kills - 1));
      const thresholds = Array.from({ length: options.kills }, (_, k) =>
        Math.floor(total * ((k + 0.2 + killRng.next() * 0.6) / (options.kills + 0.5))),
      );
      for (const [k, threshold] of thresholds.entries()) {
        while (produced() < threshold && !enqueueDone() && !aborted) await sleep(10);
        await sleep(killRng.int(0, 250));
        // Mostly into a request the back office is working on (up to 2 s of waiting for one).
        const waitUntil = Date.now() + 2000;
        while (px.inFlight() === 0 && Date.now() < waitUntil && !aborted) await sleep(1);
        if (px.inFlight() > 0) await sleep(killRng.int(0, 15));
        if (aborted) return;
        const at = produced();
        if (px.inFlight() > 0) killsInFlight += 1;
        await srv.kill();
        kills += 1;
        await sleep(killRng.int(0, 600)); // down a little longer than a restart takes
        if (aborted) return;
        // A crash loop: the new process is killed again while it opens and recovers the store.
        const crashAfterMs = crashing.has(k) ? killRng.int(150, 2500) : undefined;
        await srv.restart(crashAfterMs === undefined ? {} : { crashAfterMs });
        if (crashAfterMs !== undefined) crashesDuringStart += 1;
        const crashed =
          crashAfterMs === undefined ? '' : `, its restart killed again ${crashAfterMs} ms into its start`;
        log(
          `kill ${kills}: SIGKILLed at ${at}/${total} visits enqueued${crashed}, up again (${Math.round(performance.now() - started)} ms)`,
        );
        await sleep(killRng.int(300, 1500)); // up for a while before the next kill
      }
    };

    const sending = Promise.all(runs.map(enqueueLoop));
    let enqueueFinished = false;
    void sending.then(
      () => {
        enqueueFinished = true;
      },
      () => {
        enqueueFinished = true;
      },
    );
    for (const run of runs)
      loops.push(
        syncLoop(run).catch((e: unknown) => {
          loopError ??= e;
        }),
      );
    killing = killer(() => enqueueFinished);
    await sending;
    const drainStart = performance.now();
    log(`all ${produced()} visits enqueued (${Math.round(drainStart - started)} ms)`);
    await killing;

    // Drain: every tablet says nothing is pending (and nothing was refused).
    const deadline = Date.now() + (options.drainTimeoutMs ?? 120_000);
    let lastReport = '';
    for (;;) {
      if (loopError) throw loopError;
      const counts = await Promise.all(runs.map((r) => r.tablet.counts()));
      const refused = counts.findIndex((c) => c.rejected > 0);
      if (refused >= 0)
        throw new Error(
          `${runs[refused]?.tablet.name}: ${counts[refused]?.rejected} envelope(s) refused: ${counts[refused]?.lastError}`,
        );
      if (counts.every((c) => c.pending === 0)) break;
      lastReport = counts
        .map((c, i) => `${runs[i]?.tablet.name} pending ${c.pending} (${c.lastError ?? '-'})`)
        .join('; ');
      if (Date.now() > deadline) throw new Error(`still undelivered at the deadline: ${lastReport}`);
      await sleep(250);
    }
    const drainMs = performance.now() - drainStart;
    stopSync.value = true;
    await Promise.all(loops);
    if (loopError) throw loopError;
    const states = await Promise.all(runs.map((r) => r.tablet.state()));
    log(`everything delivered (drain ${Math.round(drainMs)} ms); checking the store`);
    const pageErrors = runs.flatMap((r) => r.tablet.pageErrors.map((m) => `${r.tablet.name}: ${m}`));
    if (pageErrors.length > 0)
      throw new Error(`uncaught errors in the tablet pages:\n${pageErrors.join('\n')}`);
    for (const r of runs) await r.tablet.close();
    const tallies = px.tallies();
    await px.close();
    proxy = undefined;
    await srv.stop();

    const sql = await openStore(database ? { databaseUrl: database.url } : { dataDir }, () => undefined);
    let checked: { envelopes: number; applications: number };
    try {
      await options.tamper?.(sql);
      checked = await verifyStore(
        sql,
        runs.map((r) => ({
          name: r.tablet.name,
          deviceId: r.deviceId,
          confirmed: r.confirmed,
          uncertain: r.uncertain,
        })),
        states,
      );
    } finally {
      await sql.close();
    }
    if (victim && !midWrite) throw new Error('the mid-write close did not happen');
    return {
      store: options.store,
      seed: options.seed,
      tablets: runs.length,
      envelopes: checked.envelopes,
      applications: checked.applications,
      kills,
      killsInFlight,
      crashesDuringStart,
      restarts: srv.starts - 1,
      syncRequests: tallies.faultable,
      faults: tallies.faults,
      reorderTimeouts: tallies.reorderTimeouts,
      serverDown: tallies.upstreamDown,
      duplicatesAnswered,
      statuses: tallies.statuses,
      ...(midWrite ? { midWriteClose: midWrite } : {}),
      elapsedMs: Math.round(performance.now() - started),
      drainMs: Math.round(drainMs),
    };
  } catch (e) {
    const tail = server ? `\n--- back office output (last lines) ---\n${server.output()}` : '';
    if (e instanceof Error) e.message = `${e.message} [store=${options.store} seed=${options.seed}]${tail}`;
    throw e;
  } finally {
    aborted = true;
    stopSync.value = true;
    await Promise.allSettled([...loops, killing]);
    for (const r of runs) await r.tablet.close();
    await proxy?.close();
    await server?.kill();
    await database?.drop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}
