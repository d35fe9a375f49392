// The back office of bench/sync.ts, in its own Node process, so the load generator (JSON, ECDSA
// signatures, fetch) does not share an event loop with what is measured. Started with fork() and
// an IPC channel: the options arrive as JSON in argv[2]; the process answers {url} once listening
// and {closed} after the message 'close' (the store closed: the PGlite data dir is free again).
// The request log is dropped (one line per request would cost more than the point of it); only
// its `error …` lines (a class name and an SQLSTATE, never a value) are passed on.
//
// With trace: true (bench --profile) the process also keeps wall-clock totals of what requests
// wait for, measured around the drivers and WebCrypto from outside the server code: every
// pg Client.query (a round trip to PostgreSQL, lock waits included), every PGlite protocol
// exchange, every crypto.subtle call; and the main thread's event-loop utilisation. 'stats'
// answers {stats} (with the process's CPU time, traced or not) and starts the totals again.
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { startServer } from '../server/main.ts';
import type { ServerOptions } from './sync-load.ts';

export interface ServerStats {
  /** Wall ms spent awaiting the database (sum over calls; calls of concurrent requests overlap). */
  readonly dbMs: number;
  readonly dbCalls: number;
  readonly crypto: Readonly<Record<string, { readonly ms: number; readonly calls: number }>>;
  /** Share of wall time the main thread was running JavaScript or native work (not waiting). */
  readonly eventLoopUtilization: number;
  readonly wallMs: number;
  /** This process's CPU time (all its threads: PGlite, WebCrypto's pool). */
  readonly cpuMs: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as ServerOptions;
const send = (message: unknown) => process.send?.(message);

let dbMs = 0;
let dbCalls = 0;
let cryptoTotals: Record<string, { ms: number; calls: number }> = {};
let since = performance.now();
let elu = performance.eventLoopUtilization();
let cpuSince = process.cpuUsage();

function trace(): void {
  const timed = <T>(started: number, value: T): T => {
    dbMs += performance.now() - started;
    dbCalls += 1;
    return value;
  };
  const clientQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: unknown }).query = function (this: unknown, ...args: unknown[]) {
    const started = performance.now();
    const last = args[args.length - 1];
    if (typeof last === 'function') {
      args[args.length - 1] = function (this: unknown, ...result: unknown[]) {
        timed(started, undefined);
        return (last as (...a: unknown[]) => unknown).apply(this, result);
      };
      return clientQuery.apply(this, args);
    }
    const out = clientQuery.apply(this, args);
    return out instanceof Promise
      ? out.then(
          (v) => timed(started, v),
          (e: unknown) => {
            timed(started, undefined);
            throw e;
          },
        )
      : out;
  };
  const exchange = PGlite.prototype.execProtocolStream;
  PGlite.prototype.execProtocolStream = async function (this: PGlite, ...args: Parameters<typeof exchange>) {
    const started = performance.now();
    try {
      return await exchange.apply(this, args);
    } finally {
      timed(started, undefined);
    }
  };
  const subtle = Object.getPrototypeOf(globalThis.crypto.subtle) as Record<string, unknown>;
  for (const name of ['digest', 'verify', 'importKey', 'sign']) {
    const original = subtle[name] as (...args: unknown[]) => Promise<unknown>;
    subtle[name] = async function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        const t = cryptoTotals[name] ?? { ms: 0, calls: 0 };
        t.ms += performance.now() - started;
        t.calls += 1;
        cryptoTotals[name] = t;
      }
    };
  }
}

function stats(): ServerStats {
  const now = performance.now();
  const out: ServerStats = {
    dbMs,
    dbCalls,
    crypto: cryptoTotals,
    eventLoopUtilization: performance.eventLoopUtilization(elu).utilization,
    wallMs: now - since,
    cpuMs: (() => {
      const used = process.cpuUsage(cpuSince);
      return (used.user + used.system) / 1000;
    })(),
  };
  cpuSince = process.cpuUsage();
  dbMs = 0;
  dbCalls = 0;
  cryptoTotals = {};
  since = now;
  elu = performance.eventLoopUtilization();
  return out;
}

if (options.trace) trace();
const { trace: _trace, ...store } = options;
const server = await startServer({
  port: 0,
  ...store,
  seedDemo: true,
  log: (line) => {
    if (line.startsWith('error ')) send({ error: line });
  },
});
send({ url: server.url, store: server.store });
process.on('message', (message) => {
  if (message === 'stats') {
    send({ stats: stats() });
    return;
  }
  if (message !== 'close') return;
  server.close().then(
    () => {
      send({ closed: true });
      process.disconnect?.();
    },
    (e: unknown) => {
      send({ error: `close failed: ${e instanceof Error ? e.name : typeof e}` });
      process.exit(1);
    },
  );
});
