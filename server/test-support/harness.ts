// One back office per test file and store kind: a real database (test-store.ts), the real Hono
// app, a clock the test moves, and every log line captured. Requests go through app.request (no
// socket); tests about real HTTP bytes start a listener themselves.
import type { Hono } from 'hono';
import { afterAll, beforeAll } from 'vitest';
import { API } from '../../shared/api.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { loadCatalogue, type ProcedureLookup } from '../../shared/procedures/registry.ts';
import type { SyncEnvelope } from '../../shared/sync/envelope.ts';
import { createApp } from '../app.ts';
import { DEMO_STAFF, seedDemoStaff } from '../auth/seed.ts';
import type { Clock } from '../clock.ts';
import type { AppEnv } from '../http/env.ts';
import type { SqlClient, StoreKind } from '../store/sql.ts';
import { toInt } from '../store/sql.ts';
import { TestDevice } from './device.ts';
import { openTestStore } from './test-store.ts';

export class TestClock implements Clock {
  private current: number;
  constructor(start: string) {
    this.current = Date.parse(start);
  }
  /** Each reading is 1 ms later, so ordering by time is as strict as in real life. */
  now(): Date {
    this.current += 1;
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export interface BackOffice {
  readonly sql: SqlClient;
  readonly app: Hono<AppEnv>;
  readonly clock: TestClock;
  readonly logs: string[];
  /** An enrolled tablet: submit() and sync() send as it (shared/device-auth.ts, shared/sync/). */
  readonly device: TestDevice;
  /**
   * Delivers one visit (one application or several of one visit) as the next sync envelope of the
   * harness tablet's chain, in a batch of one: POST /api/sync. The chain moves on a 200.
   */
  submit(applications: unknown, token: string | undefined): Promise<Response>;
  /** POST /api/sync with these envelopes as they are (signed by `device`, default the harness tablet). */
  sync(envelopes: readonly SyncEnvelope[], token: string | undefined, device?: TestDevice): Promise<Response>;
  /** The device headers for a request sent some other way (a socket, a raw request). */
  deviceHeaders(method: string, path: string, body: string): Promise<Record<string, string>>;
  request(path: string, init?: RequestInit): Promise<Response>;
  /** Signs in (demo staff by default) and returns the bearer token. */
  signIn(credentials?: { username: string; password: string }): Promise<string>;
  post(path: string, body: unknown, token: string | undefined, contentType?: string): Promise<Response>;
  get(path: string, token: string | undefined): Promise<Response>;
  countApplications(id?: string): Promise<number>;
}

export interface BackOfficeOptions {
  /** The procedures the back office knows; default the whole catalogue. */
  readonly procedures?: ProcedureLookup;
}

export function useBackOffice(kind: StoreKind, options: BackOfficeOptions = {}): BackOffice {
  let state: { sql: SqlClient; app: Hono<AppEnv>; clock: TestClock; device: TestDevice } | undefined;
  const logs: string[] = [];
  const ready = () => {
    if (!state) throw new Error('useBackOffice: used before beforeAll ran');
    return state;
  };

  beforeAll(async () => {
    const sql = await openTestStore(kind);
    await seedDemoStaff(sql);
    const clock = new TestClock('2026-12-01T00:00:00.000Z');
    const procedures = options.procedures ?? (await loadCatalogue());
    const app = createApp({ sql, clock, log: (line) => logs.push(line), version: 'test', procedures });
    const device = await (await TestDevice.create()).enrollDirectly(sql, 'テスト端末', clock.now());
    state = { sql, app, clock, device };
  });
  afterAll(async () => {
    await state?.sql.close();
  });

  const request = (path: string, init?: RequestInit) => Promise.resolve(ready().app.request(path, init));
  const auth = (token: string | undefined): Record<string, string> =>
    token ? { authorization: `Bearer ${token}` } : {};

  return {
    get sql() {
      return ready().sql;
    },
    get app() {
      return ready().app;
    },
    get clock() {
      return ready().clock;
    },
    logs,
    get device() {
      return ready().device;
    },
    deviceHeaders(method, path, body) {
      return ready().device.headers(method, path, body, ready().clock.now());
    },
    request,
    async signIn(credentials = DEMO_STAFF) {
      const r = await request(API.session, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: credentials.username, password: credentials.password }),
      });
      if (r.status !== 200) throw new Error(`sign-in answered ${r.status}`);
      return ((await r.json()) as { token: string }).token;
    },
    async submit(applications, token) {
      const { device } = ready();
      const visit = (Array.isArray(applications) ? applications : [applications]) as ApplicationEnvelope[];
      const envelope = await device.envelope(visit);
      const r = await this.sync([envelope], token, device);
      if (r.status === 200) device.advance(envelope);
      return r;
    },
    async sync(envelopes, token, device = ready().device) {
      const text = JSON.stringify(device.batch(envelopes));
      return request(API.sync, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...auth(token),
          ...(await device.syncHeaders(text, envelopes, ready().clock.now())),
        },
        body: text,
      });
    },
    async post(path, body, token, contentType = 'application/json') {
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return request(path, {
        method: 'POST',
        headers: { 'content-type': contentType, ...auth(token) },
        body: text,
      });
    },
    get(path, token) {
      return request(path, { headers: auth(token) });
    },
    async countApplications(id) {
      const { rows } = id
        ? await ready().sql.query<{ n: unknown }>('SELECT count(*) AS n FROM applications WHERE id = $1', [
            id,
          ])
        : await ready().sql.query<{ n: unknown }>('SELECT count(*) AS n FROM applications');
      return toInt(rows[0]?.n);
    },
  };
}
