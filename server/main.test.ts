// startServer as `npm start` and the e2e suite use it: real HTTP on a free port, PGlite on disk
// (made on the first start, reused on the second) or PostgreSQL, the PWA on the same origin.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type HealthResponse, type SignInResponse } from '../shared/api.ts';
import type { SyncAck } from '../shared/sync/protocol.ts';
import { startServer } from './main.ts';
import { openPglite } from './store/pglite.ts';
import { countStaff } from './store/staff.ts';
import { enrollThroughApi, postApplication, postSync, TestDevice } from './test-support/device.ts';
import { RESIDENT, validEnvelope } from './test-support/envelope.ts';
import { freshPostgresUrl } from './test-support/test-store.ts';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kakanai-main-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const DEMO = { username: 'demo', password: 'kakanai-demo' };

async function signIn(url: string): Promise<SignInResponse> {
  const r = await fetch(url + API.session, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as SignInResponse;
}

describe('startServer with PGlite on disk', () => {
  it('creates the data folder and seeds on the first start, reuses both on the second', async () => {
    const dataDir = join(scratch, 'data');
    const firstLog: string[] = [];
    const first = await startServer({ port: 0, dataDir, seedDemo: true, log: (l) => firstLog.push(l) });
    expect(first.store).toBe('pglite');
    expect(first.url).toBe(`http://127.0.0.1:${first.port}`);
    expect(((await (await fetch(first.url + API.health)).json()) as HealthResponse).store).toBe('pglite');
    const token = (await signIn(first.url)).token;
    const device = await enrollThroughApi(first.url, token);
    const sent = await device.chain([[await validEnvelope()]]);
    const posted = await postSync(first.url, token, device, sent);
    expect(posted.status).toBe(200);
    const ack = (await posted.json()) as SyncAck;
    await first.close();
    expect(firstLog).toContain(`データフォルダを作成しました: ${dataDir}`);
    expect(firstLog).toContain('デモ職員を登録しました（ユーザー名 demo、counter、backoffice）');

    const secondLog: string[] = [];
    const second = await startServer({ port: 0, dataDir, seedDemo: true, log: (l) => secondLog.push(l) });
    try {
      expect(secondLog).toContain(`既存のデータフォルダを使います: ${dataDir}`);
      expect(secondLog.join('\n')).not.toMatch(/デモ職員を登録|データベースの構成を更新/);
      // The same token and device still work after the restart, and the application is there once:
      // the resend of the same envelope answers its first receipt.
      const again = await postSync(second.url, token, device, sent);
      expect(again.status).toBe(200);
      expect(await again.json()).toEqual({
        ...ack,
        envelopes: ack.envelopes.map((e) => ({ ...e, duplicate: true })),
      });
    } finally {
      await second.close();
    }
    const sql = await openPglite({ dataDir });
    try {
      expect(await countStaff(sql)).toBe(3); // demo (admin), counter, backoffice: once each
    } finally {
      await sql.close();
    }
  });

  it('refuses a second server on a data folder that one is using', async () => {
    const dataDir = join(scratch, 'owned');
    const owner = await startServer({ port: 0, dataDir, log: () => {} });
    try {
      await expect(startServer({ port: 0, dataDir, log: () => {} })).rejects.toThrow(/別の Kakanai サーバー/);
      expect((await fetch(owner.url + API.health)).status).toBe(200);
    } finally {
      await owner.close();
    }
    const after = await startServer({ port: 0, dataDir, log: () => {} }); // released on close
    await after.close();
  });

  it('says which port is taken instead of a stack trace', async () => {
    const dataDir = join(scratch, 'ports');
    const one = await startServer({ port: 0, dataDir, log: () => {} });
    try {
      await expect(startServer({ port: one.port, log: () => {} })).rejects.toThrow(`ポート ${one.port}`);
    } finally {
      await one.close();
    }
  });
});

describe('startServer with PostgreSQL', () => {
  it('uses DATABASE_URL, names it in healthz and seeds once', async () => {
    const database = await freshPostgresUrl();
    try {
      for (const round of [1, 2]) {
        const log: string[] = [];
        const running = await startServer({
          port: 0,
          databaseUrl: database.url,
          seedDemo: true,
          log: (l) => log.push(l),
        });
        try {
          expect(running.store).toBe('postgres');
          expect(((await (await fetch(running.url + API.health)).json()) as HealthResponse).store).toBe(
            'postgres',
          );
          await signIn(running.url);
          expect(log.some((l) => l.startsWith('デモ職員を登録しました'))).toBe(round === 1);
        } finally {
          await running.close();
        }
      }
    } finally {
      await database.drop();
    }
  });
});

describe('the PWA on the same origin', () => {
  let url = '';
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const staticDir = join(scratch, 'pwa');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Kakanai</title><div id="app"></div>');
    writeFileSync(join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(staticDir, 'manifest.webmanifest'), '{"name":"Kakanai"}');
    writeFileSync(join(staticDir, 'assets', 'index-3f9a1c.js'), 'console.log(1);');
    const running = await startServer({ port: 0, staticDir, log: () => {} });
    url = running.url;
    close = running.close;
  });
  afterAll(() => close());

  // fetch() always sends Sec-Fetch-Mode: cors; a browser navigation sends navigate, so use node:http.
  const navigate = (path: string, base = url) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; text: string }>((resolve, reject) => {
      const headers = { accept: 'text/html,application/xhtml+xml', 'sec-fetch-mode': 'navigate' };
      httpGet(base + path, { headers, agent: false }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      }).on('error', reject);
    });

  it('revalidates index.html, sw.js and the manifest every time, and caches hashed assets for long', async () => {
    expect((await navigate('/')).headers['cache-control']).toBe('no-cache');
    for (const path of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
      const r = await fetch(url + path);
      expect([path, r.status, r.headers.get('cache-control')]).toEqual([path, 200, 'no-cache']);
    }
    const asset = await fetch(`${url}/assets/index-3f9a1c.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
  });

  it('answers client-side routes with index.html, but not missing scripts or API paths', async () => {
    const page = await navigate('/inbox/some-view');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.text).toContain('<div id="app">');
    expect((await fetch(`${url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${url}/inbox/some-view`)).status).toBe(404); // a fetch(), not a page load
    const api = await navigate('/api/nothing');
    expect(api.status).toBe(401);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });

  it('does not let a path escape the PWA folder', async () => {
    const r = await fetch(`${url}/..%2f..%2fetc%2fpasswd`);
    expect(await r.text()).not.toContain('root:');
  });

  it('sends no permissive CORS headers', async () => {
    const r = await fetch(url + API.health, { headers: { origin: 'https://evil.example' } });
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('tells the operator to build when the PWA is missing', async () => {
    const log: string[] = [];
    const running = await startServer({
      port: 0,
      staticDir: join(scratch, 'no-build'),
      log: (l) => log.push(l),
    });
    try {
      expect(log.join('\n')).toContain('npm run build');
      const missing = await navigate('/', running.url);
      expect(missing.status).toBe(503);
      expect(missing.text).toContain('npm run build');
    } finally {
      await running.close();
    }
  });
});

describe('log cleanliness', () => {
  it('logs no password, token, name or address during sign-in, a post and a view', async () => {
    const log: string[] = [];
    const running = await startServer({
      port: 0,
      dataDir: join(scratch, 'clean'),
      seedDemo: true,
      log: (l) => log.push(l),
    });
    const session = await signIn(running.url);
    const auth = { authorization: `Bearer ${session.token}` };
    await fetch(running.url + API.session, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo', password: 'wrong-kakanai-secret' }),
    });
    const device = await enrollThroughApi(running.url, session.token);
    const envelope = await validEnvelope();
    expect((await postApplication(running.url, session.token, device, envelope)).status).toBe(200);
    await fetch(`${running.url}${API.applications}?status=received`, { headers: auth });
    await fetch(running.url + API.application(envelope.id), { headers: auth });
    await fetch(`${running.url}/api/applications/${encodeURIComponent(RESIDENT.name)}`, { headers: auth });
    await fetch(running.url + API.transcribed(envelope.id), { method: 'POST', headers: auth });
    await running.close();

    const all = log.join('\n');
    expect(log.filter((l) => /^(GET|POST|DELETE) /.test(l))).toHaveLength(9); // 2 to enroll
    expect(all).not.toMatch(/[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{2}/); // a code
    for (const secret of [
      DEMO.password,
      'wrong-kakanai-secret',
      session.token,
      RESIDENT.name,
      encodeURIComponent(RESIDENT.name),
      RESIDENT.nameKana,
      RESIDENT.address,
      RESIDENT.previousAddress,
      RESIDENT.postalCode,
      RESIDENT.birthDate,
      RESIDENT.phone,
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});

describe('the demo enrollment code', () => {
  it('issues one code for the banner that enrolls a tablet once, and never logs it', async () => {
    const log: string[] = [];
    const running = await startServer({
      port: 0,
      dataDir: join(scratch, 'demo-code'),
      seedDemo: true,
      demoEnrollmentCode: true,
      log: (l) => log.push(l),
    });
    try {
      const issued = running.demoEnrollmentCode;
      expect(issued?.code).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{2}$/);
      expect(Date.parse(issued?.expiresAt ?? '') - Date.now()).toBeGreaterThan(7 * 3600_000);
      const enroll = (device: TestDevice) =>
        fetch(running.url + API.deviceEnroll, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: issued?.code, name: 'デモ端末', publicKey: device.publicKey }),
        });
      expect((await enroll(await TestDevice.create())).status).toBe(201);
      expect((await enroll(await TestDevice.create())).status).toBe(400); // one tablet per start
      expect(log.join('\n')).not.toContain(issued?.code ?? '-');
    } finally {
      await running.close();
    }
  });
});
