// A loopback HTTP proxy that misbehaves on purpose, between the tablets and the back office of the
// fault test. For each request it may choose (seeded, so a run can be replayed with its seed):
//   forward       as it is
//   dropRequest   the client's connection is cut before anything reaches the server
//   dropResponse  the server answers (and so has stored it), the client's connection is cut
//   delay         0..maxDelayMs, split between before forwarding and before answering
//   duplicate     forwarded twice (at once or one after the other); the client gets one answer
//   reorder       held until the next request arrives (or reorderWaitMs), then sent after it
// Only the requests `faultable` names get faults (by default POST /api/sync); everything else is
// forwarded as it is. While the server is down the proxy answers 502 with a plain-text body, which
// the tablet's client treats as unreachable. A few paths (`local`) are answered by the proxy itself
// and never forwarded: the test harness page, so the page's origin is the proxy's and it stays
// usable while the server is down.
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRng, type Rng } from './prng.ts';

export const FAULT_KINDS = [
  'forward',
  'dropRequest',
  'dropResponse',
  'delay',
  'duplicate',
  'reorder',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
/** The share of each fault among faultable requests (sum ≤ 1); `forward` takes what is left. */
export type FaultRates = Readonly<Record<Exclude<FaultKind, 'forward'>, number>>;

export const DEFAULT_RATES: FaultRates = {
  dropRequest: 0.08,
  dropResponse: 0.08,
  delay: 0.2,
  duplicate: 0.1,
  reorder: 0.08,
};

export const NO_FAULTS: FaultRates = { dropRequest: 0, dropResponse: 0, delay: 0, duplicate: 0, reorder: 0 };

export interface LocalResource {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

export interface ProxyOptions {
  /** The back office's port on 127.0.0.1. */
  readonly targetPort: number;
  readonly seed: number;
  readonly rates?: FaultRates;
  readonly maxDelayMs?: number;
  /** How long a reordered request waits for the next one before it goes alone. */
  readonly reorderWaitMs?: number;
  readonly faultable?: (method: string, path: string) => boolean;
  /** Answered here, never forwarded (GET only): path → resource. */
  readonly local?: Readonly<Record<string, LocalResource>>;
  /** Every answer the server gave (also those the client never hears, and second copies). */
  readonly observe?: (path: string, status: number, body: Buffer) => void;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface ProxyTallies {
  /** Requests from clients that got the fault draw. */
  readonly faultable: number;
  /** Requests forwarded without a draw (sign-in, enrollment…). */
  readonly passedThrough: number;
  readonly faults: Readonly<Record<FaultKind, number>>;
  /** Reordered requests that went alone because no other one came in time. */
  readonly reorderTimeouts: number;
  /** Requests sent to the server (a duplicate counts twice, a dropped request not at all). */
  readonly upstreamRequests: number;
  /** Upstream requests that found the server down (refused, or cut mid-request): answered 502. */
  readonly upstreamDown: number;
  /** Status codes of the server's answers. */
  readonly statuses: Readonly<Record<string, number>>;
}

export interface FaultProxy {
  readonly url: string;
  readonly port: number;
  tallies(): ProxyTallies;
  /** Requests sent to the server and not answered yet (a kill now cuts into them). */
  inFlight(): number;
  setRates(rates: FaultRates): void;
  close(): Promise<void>;
}

interface Upstream {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

// Hop-by-hop headers (RFC 9110 §7.6.1) and the length, which the proxy sets itself.
const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'content-length',
]);

function endToEnd(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined && !HOP.has(k)) out[k] = v;
  return out;
}

const DECK = 100;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function startFaultProxy(options: ProxyOptions): Promise<FaultProxy> {
  const rng: Rng = createRng(options.seed);
  let rates = options.rates ?? DEFAULT_RATES;
  const maxDelayMs = options.maxDelayMs ?? 400;
  const reorderWaitMs = options.reorderWaitMs ?? 250;
  const faultable = options.faultable ?? ((method, path) => method === 'POST' && path === '/api/sync');
  const faults: Record<FaultKind, number> = {
    forward: 0,
    dropRequest: 0,
    dropResponse: 0,
    delay: 0,
    duplicate: 0,
    reorder: 0,
  };
  const statuses: Record<string, number> = {};
  let faultableCount = 0;
  let passedThrough = 0;
  let reorderTimeouts = 0;
  let upstreamRequests = 0;
  let upstreamDown = 0;
  let inFlight = 0;
  let closed = false;
  /** The request held back by a reorder: released by the next request or its timer. */
  let held: { release: () => void; timer: ReturnType<typeof setTimeout> } | undefined;

  // The draws come from a shuffled deck of DECK cards made from the rates (8% → 8 cards), dealt
  // in order and shuffled again when used up: every block of DECK requests holds each fault in its
  // exact share, so even a short run meets every kind, and the seed alone fixes the order.
  let deck: FaultKind[] = [];
  function draw(): FaultKind {
    if (deck.length === 0) {
      for (const kind of ['dropRequest', 'dropResponse', 'delay', 'duplicate', 'reorder'] as const)
        for (let i = 0; i < Math.round(rates[kind] * DECK); i++) deck.push(kind);
      while (deck.length < DECK) deck.push('forward');
      for (let i = deck.length - 1; i > 0; i--) {
        const j = rng.int(0, i);
        [deck[i], deck[j]] = [deck[j] as FaultKind, deck[i] as FaultKind];
      }
    }
    return deck.pop() ?? 'forward';
  }

  function forward(method: string, path: string, headers: IncomingHttpHeaders, body: Buffer) {
    upstreamRequests += 1;
    inFlight += 1;
    return new Promise<Upstream | undefined>((settle) => {
      const resolve = (answer: Upstream | undefined) => {
        inFlight -= 1;
        settle(answer);
      };
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port: options.targetPort,
          method,
          path,
          headers: { ...endToEnd(headers), 'content-length': String(body.length), connection: 'close' },
          agent: false,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const answer = {
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            };
            statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
            options.observe?.(path, answer.status, answer.body);
            resolve(answer);
          });
          res.on('error', () => {
            upstreamDown += 1;
            resolve(undefined);
          });
        },
      );
      req.on('error', () => {
        upstreamDown += 1;
        resolve(undefined); // refused (down), or cut mid-request (killed)
      });
      req.end(body);
    });
  }

  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const local = options.local?.[path.split('?')[0] as string];
    if (local && method === 'GET') {
      res.writeHead(200, { 'content-type': local.contentType, 'cache-control': 'no-store' });
      res.end(local.body);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => undefined);
    req.on('end', () => {
      void handle(method, path, req.headers, Buffer.concat(chunks), res).catch(() => {
        res.destroy();
      });
    });
  });

  function answer(res: import('node:http').ServerResponse, upstream: Upstream | undefined): void {
    if (res.destroyed) return;
    if (!upstream) {
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('bad gateway: the back office is not reachable');
      return;
    }
    res.writeHead(upstream.status, { ...endToEnd(upstream.headers), 'content-length': upstream.body.length });
    res.end(upstream.body);
  }

  /** A request held by a reorder goes now (another request came, or the wait ran out). */
  function releaseHeld(): void {
    const h = held;
    held = undefined;
    if (h) {
      clearTimeout(h.timer);
      h.release();
    }
  }

  async function handle(
    method: string,
    path: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
    res: import('node:http').ServerResponse,
  ): Promise<void> {
    if (!faultable(method, path.split('?')[0] as string)) {
      passedThrough += 1;
      answer(res, await forward(method, path, headers, body));
      return;
    }
    faultableCount += 1;
    // A request that comes while another is held is sent first; the held one follows its answer.
    const before = held;
    held = undefined;
    if (before) clearTimeout(before.timer);
    const kind: FaultKind = before ? 'forward' : draw();
    faults[kind] += 1;
    try {
      switch (kind) {
        case 'forward':
          answer(res, await forward(method, path, headers, body));
          return;
        case 'dropRequest':
          res.socket?.destroy();
          return;
        case 'dropResponse':
          await forward(method, path, headers, body);
          res.socket?.destroy();
          return;
        case 'delay': {
          const total = rng.int(0, maxDelayMs);
          const first = rng.int(0, total);
          await sleep(first);
          const upstream = await forward(method, path, headers, body);
          await sleep(total - first);
          answer(res, upstream);
          return;
        }
        case 'duplicate': {
          const together = rng.chance(0.5);
          const pickSecond = rng.chance(0.5);
          const [a, b] = together
            ? await Promise.all([forward(method, path, headers, body), forward(method, path, headers, body)])
            : [await forward(method, path, headers, body), await forward(method, path, headers, body)];
          answer(res, (pickSecond ? (b ?? a) : (a ?? b)) ?? undefined);
          return;
        }
        case 'reorder': {
          await new Promise<void>((release) => {
            held = {
              release,
              timer: setTimeout(() => {
                reorderTimeouts += 1;
                releaseHeld();
              }, reorderWaitMs),
            };
          });
          answer(res, await forward(method, path, headers, body));
          return;
        }
      }
    } finally {
      // The request that overtook a held one has been answered (or cut): now the held one goes.
      before?.release();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tallies: () => ({
      faultable: faultableCount,
      passedThrough,
      faults: { ...faults },
      reorderTimeouts,
      upstreamRequests,
      upstreamDown,
      statuses: { ...statuses },
    }),
    inFlight: () => inFlight,
    setRates(next) {
      rates = next;
      deck = [];
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      releaseHeld();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
