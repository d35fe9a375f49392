// The fault test's own tools, tested on their own: each fault mode of the proxy against a local
// echo server, and the back-office process manager (start, SIGKILL, restart on the same port and
// the same PGlite data directory, whose lock the killed process left behind).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from './prng.ts';
import { type FaultRates, NO_FAULTS, startFaultProxy } from './proxy.ts';
import { startServerProcess } from './server-process.ts';

interface Echo {
  readonly port: number;
  readonly received: string[];
  close(): Promise<void>;
}

/** Answers every request with its body; remembers the bodies in arrival order. */
async function startEcho(): Promise<Echo> {
  const received: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push(body);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const only = (kind: keyof FaultRates): FaultRates => ({ ...NO_FAULTS, [kind]: 1 });

async function post(url: string, body: string): Promise<{ status: number; text: string } | 'cut'> {
  try {
    const r = await fetch(`${url}/api/sync`, { method: 'POST', body, headers: { connection: 'close' } });
    return { status: r.status, text: await r.text() };
  } catch {
    return 'cut';
  }
}

describe('the seeded PRNG', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(20);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });
});

describe('the fault proxy', () => {
  let echo: Echo;
  beforeAll(async () => {
    echo = await startEcho();
  });
  afterAll(async () => {
    await echo.close();
  });

  it('forwards as it is, and passes other requests through without a draw', async () => {
    const proxy = await startFaultProxy({ targetPort: echo.port, seed: 1, rates: NO_FAULTS });
    try {
      expect(await post(proxy.url, 'a')).toEqual({ status: 200, text: JSON.stringify({ echo: 'a' }) });
      const r = await fetch(`${proxy.url}/api/session`, { method: 'POST', body: 'b' });
      expect(await r.json()).toEqual({ echo: 'b' });
      expect(proxy.tallies()).toMatchObject({ faultable: 1, passedThrough: 1, faults: { forward: 1 } });
    } finally {
      await proxy.close();
    }
  });

  it('serves the local resources itself', async () => {
    const proxy = await startFaultProxy({
      targetPort: echo.port,
      seed: 1,
      local: { '/fault-harness.html': { contentType: 'text/html', body: '<p>harness</p>' } },
    });
    try {
      const before = echo.received.length;
      const r = await fetch(`${proxy.url}/fault-harness.html`);
      expect(await r.text()).toBe('<p>harness</p>');
      expect(echo.received.length).toBe(before);
    } finally {
      await proxy.close();
    }
  });

  it('drops a request before the server sees it', async () => {
    const proxy = await startFaultProxy({ targetPort: echo.port, seed: 1, rates: only('dropRequest') });
    try {
      const before = echo.received.length;
      expect(await post(proxy.url, 'lost')).toBe('cut');
      expect(echo.received.length).toBe(before);
      expect(proxy.tallies().faults.dropRequest).toBeGreaterThanOrEqual(1);
    } finally {
      await proxy.close();
    }
  });

  it('drops the answer after the server has it', async () => {
    const proxy = await startFaultProxy({ targetPort: echo.port, seed: 1, rates: only('dropResponse') });
    try {
      expect(await post(proxy.url, 'stored-unheard')).toBe('cut');
      expect(echo.received).toContain('stored-unheard');
    } finally {
      await proxy.close();
    }
  });

  it('delays within the bound', async () => {
    const proxy = await startFaultProxy({
      targetPort: echo.port,
      seed: 7,
      rates: only('delay'),
      maxDelayMs: 120,
    });
    try {
      const t0 = performance.now();
      expect(await post(proxy.url, 'slow')).toMatchObject({ status: 200 });
      expect(performance.now() - t0).toBeLessThan(1000);
      expect(proxy.tallies().faults.delay).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('duplicates: the server gets it twice, the client one answer', async () => {
    const proxy = await startFaultProxy({ targetPort: echo.port, seed: 3, rates: only('duplicate') });
    try {
      for (const body of ['d1', 'd2', 'd3', 'd4']) {
        expect(await post(proxy.url, body)).toEqual({ status: 200, text: JSON.stringify({ echo: body }) });
        expect(echo.received.filter((b) => b === body)).toHaveLength(2);
      }
      expect(proxy.tallies()).toMatchObject({ faults: { duplicate: 4 }, upstreamRequests: 8 });
    } finally {
      await proxy.close();
    }
  });

  it('reorders: a held request goes after the next one, or alone after the wait', async () => {
    const proxy = await startFaultProxy({
      targetPort: echo.port,
      seed: 5,
      rates: only('reorder'),
      reorderWaitMs: 2000,
    });
    try {
      const first = post(proxy.url, 'first');
      await new Promise((r) => setTimeout(r, 100));
      const second = post(proxy.url, 'second');
      expect(await second).toMatchObject({ status: 200 });
      expect(await first).toMatchObject({ status: 200 });
      const order = echo.received.filter((b) => b === 'first' || b === 'second');
      expect(order).toEqual(['second', 'first']);
      proxy.setRates({ ...NO_FAULTS, reorder: 1 });
      const t0 = performance.now();
      expect(await post(proxy.url, 'alone')).toMatchObject({ status: 200 });
      expect(performance.now() - t0).toBeGreaterThanOrEqual(1900);
      expect(proxy.tallies()).toMatchObject({ reorderTimeouts: 1, faults: { reorder: 2, forward: 1 } });
    } finally {
      await proxy.close();
    }
  });

  it('answers 502 while the server is down', async () => {
    const gone = await startEcho();
    const port = gone.port;
    await gone.close();
    const proxy = await startFaultProxy({ targetPort: port, seed: 1, rates: NO_FAULTS });
    try {
      const r = await post(proxy.url, 'x');
      expect(r).toMatchObject({ status: 502 });
      expect(proxy.tallies().upstreamDown).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('deals the faults in their exact shares, in a seeded order', async () => {
    const rates = { dropRequest: 0.1, dropResponse: 0.1, delay: 0.1, duplicate: 0.1, reorder: 0 };
    const order = async (seed: number) => {
      const seen: string[] = [];
      const proxy = await startFaultProxy({ targetPort: echo.port, seed, rates, maxDelayMs: 5 });
      try {
        for (let i = 0; i < 200; i++) {
          const before = proxy.tallies().faults;
          await post(proxy.url, `p${i}`);
          const after = proxy.tallies().faults;
          seen.push(Object.keys(after).find((k) => after[k as never] !== before[k as never]) ?? '?');
        }
        const { faults } = proxy.tallies();
        // Two decks of 100: exactly 10 % of each, twice.
        expect(faults).toEqual({
          forward: 120,
          dropRequest: 20,
          dropResponse: 20,
          delay: 20,
          duplicate: 20,
          reorder: 0,
        });
      } finally {
        await proxy.close();
      }
      return seen.join(',');
    };
    const first = await order(11);
    expect(await order(11)).toBe(first);
    expect(await order(12)).not.toBe(first);
  });
});

describe('the back office as a child process', () => {
  it('starts, is SIGKILLed, restarts on the same port and the same PGlite data directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kakanai-fault-proc-'));
    const server = await startServerProcess({ dataDir });
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toMatchObject({ ok: true, store: 'pglite' });
      const lock = join(dataDir, 'kakanai-server.lock');
      const firstPid = server.pid;
      expect(readFileSync(lock, 'utf8').trim()).toBe(String(firstPid));
      // Something written before the kill must be there after it: a sign-in makes a session row.
      const signIn = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'counter', password: 'kakanai-counter' }),
      });
      expect(signIn.status).toBe(200);
      const { token } = (await signIn.json()) as { token: string };

      await server.kill();
      expect(server.up).toBe(false);
      // The killed process left its lock behind; the restart must see that its pid is dead.
      expect(existsSync(lock)).toBe(true);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

      await server.restart();
      expect(server.starts).toBe(2);
      expect(server.pid).not.toBe(firstPid);
      expect(readFileSync(lock, 'utf8').trim()).toBe(String(server.pid));
      const session = await fetch(`${server.url}/api/session`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(session.status).toBe(200);

      await server.stop();
      expect(existsSync(lock)).toBe(false); // a clean shutdown removes it
    } finally {
      await server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
