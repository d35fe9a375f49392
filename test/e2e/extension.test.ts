// Extension-only e2e: the built MV3 extension in headless Chromium against a stand-in back office
// (the 4 endpoints of shared/api.ts it uses, in this file) and the Shift_JIS legacy fixture.
// The full path with the real server is test/e2e/walking-skeleton.test.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtension } from '../../extension/build.ts';
import type { ApplicationDetail } from '../../shared/api.ts';
import type { ProcedureValues } from '../../shared/procedures/types.ts';
import { drawnSignature, YAMADA } from '../fixtures/applications.ts';
import { startLegacyServer } from '../fixtures/legacy/server.ts';
import { launchStaffPc } from './browser.ts';

const STAFF = { username: 'staff01', password: 'correct-horse', displayName: '転記 花子' };

function application(id: string, receiptNumber: string, fields: ProcedureValues): ApplicationDetail {
  return {
    id,
    receiptNumber,
    procedure: 'tennyu',
    procedureName: '転入届',
    name: typeof fields.name === 'string' ? fields.name : '',
    receivedAt: '2026-11-20T01:23:00.000Z',
    status: 'received',
    createdAt: '2026-11-20T01:20:00.000Z',
    fields,
    card: { source: 'manual', unlockedWith: 'none', checks: [] },
    hasSignature: true,
    visitId: '7d0c8a52-3f1e-4c55-9a1b-2f6f8f0c1d11',
    lang: 'ja',
    omittedAttachments: [],
    signature: drawnSignature(),
    signatureVerified: true,
    transcribedAt: null,
    transcribedBy: null,
  };
}

/** A stand-in back office: sign-in, list, detail, transcribed. Records the calls it gets. */
function startFakeBackOffice() {
  const apps = new Map<string, ApplicationDetail>([
    ['a-1', application('a-1', 'R1120-000001', YAMADA)],
    [
      'a-2',
      application('a-2', 'R1120-000002', {
        ...YAMADA,
        name: '𠮷田　花子',
        nameKana: 'ヨシダ　ハナコ',
        sex: '2',
      }),
    ],
  ]);
  const tokens = new Set<string>();
  const calls: string[] = [];
  const reply = (res: ServerResponse, status: number, body?: unknown) => {
    res
      .writeHead(status, { 'Content-Type': 'application/json' })
      .end(body === undefined ? '' : JSON.stringify(body));
  };
  const fail = (res: ServerResponse, status: number, kind: string) =>
    reply(res, status, { error: { kind, message: kind } });
  const readJson = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    let text = '';
    for await (const chunk of req) text += chunk;
    return JSON.parse(text || '{}') as Record<string, unknown>;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    calls.push(`${req.method} ${url.pathname}${url.search}`);
    void (async () => {
      if (req.method === 'POST' && url.pathname === '/api/session') {
        const body = await readJson(req);
        if (body.username !== STAFF.username || body.password !== STAFF.password)
          return fail(res, 401, 'bad-credentials');
        const token = `tok-${tokens.size + 1}`;
        tokens.add(token);
        return reply(res, 200, {
          token,
          expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
          staff: { username: STAFF.username, displayName: STAFF.displayName },
        });
      }
      if (!tokens.has((req.headers.authorization ?? '').replace(/^Bearer /, '')))
        return fail(res, 401, 'unauthenticated');
      if (req.method === 'DELETE' && url.pathname === '/api/session') return reply(res, 204);
      if (req.method === 'GET' && url.pathname === '/api/applications') {
        const list = [...apps.values()].filter((a) => a.status === url.searchParams.get('status'));
        return reply(res, 200, { applications: list.map(({ fields: _f, card: _c, ...summary }) => summary) });
      }
      const m = /^\/api\/applications\/([^/]+)(\/transcribed)?$/.exec(url.pathname);
      const app = m ? apps.get(decodeURIComponent(m[1] as string)) : undefined;
      if (!m || !app) return fail(res, 404, 'not-found');
      if (req.method === 'GET' && !m[2]) return reply(res, 200, app);
      if (req.method === 'POST' && m[2]) {
        const done = {
          ...app,
          status: 'transcribed' as const,
          transcribedAt: new Date().toISOString(),
          transcribedBy: STAFF.username,
        };
        apps.set(app.id, done);
        return reply(res, 200, done);
      }
      return fail(res, 404, 'not-found');
    })();
  });
  return {
    apps,
    calls,
    expireAllTokens: () => tokens.clear(),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
        ),
      ),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let outDir: string;
let backOffice: ReturnType<typeof startFakeBackOffice>;
let backOfficeUrl: string;
let legacy: Awaited<ReturnType<typeof startLegacyServer>>;
let staff: Awaited<ReturnType<typeof launchStaffPc>>;
let popup: Page;

beforeAll(async () => {
  outDir = await buildExtension(mkdtempSync(join(tmpdir(), 'kakanai-ext-')));
  backOffice = startFakeBackOffice();
  backOfficeUrl = await backOffice.listen();
  legacy = await startLegacyServer({ port: 0 });
  staff = await launchStaffPc(outDir);
  popup = await staff.context.newPage();
  await popup.goto(`chrome-extension://${staff.extensionId}/popup.html`);
});

afterAll(async () => {
  await staff?.close();
  await legacy?.close();
  await backOffice?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function signIn(password: string): Promise<void> {
  await popup.getByTestId('backoffice-url').fill(backOfficeUrl);
  await popup.getByTestId('username').fill(STAFF.username);
  await popup.getByTestId('password').fill(password);
  await popup.getByTestId('sign-in').click();
}

async function openLegacyAndFill(): Promise<Page> {
  const page = await staff.context.newPage();
  await page.goto(`${legacy.url}/legacy/tennyu`);
  await page.getByTestId('kakanai-fill').click();
  await page.getByTestId('kakanai-report').locator('li').first().waitFor();
  return page;
}

describe('extension only: popup → panel → legacy screen (stand-in back office)', () => {
  it('says so when the back office is unreachable or the password is wrong', async () => {
    await popup.getByTestId('backoffice-url').fill('http://127.0.0.1:9'); // discard port: nothing listens
    await popup.getByTestId('username').fill(STAFF.username);
    await popup.getByTestId('password').fill(STAFF.password);
    await popup.getByTestId('sign-in').click();
    await expect
      .poll(() => popup.getByTestId('popup-error').textContent())
      .toContain('バックオフィスに接続できません');
    await signIn('wrong');
    await expect.poll(() => popup.getByTestId('popup-error').textContent()).toContain('パスワードが違います');
  });

  it('signs in, lists received applications and keeps the token out of storage.local', async () => {
    await signIn(STAFF.password);
    await popup.locator('[data-testid="application-row"][data-id="a-1"]').waitFor();
    expect(await popup.getByTestId('application-row').count()).toBe(2);
    expect(await popup.getByTestId('staff-name').textContent()).toContain(STAFF.displayName);
    const [worker] = staff.context.serviceWorkers();
    // The service worker's own chrome.* (not typed in test/): the token must live in storage.session only.
    type ChromeStorage = {
      chrome: { storage: { local: { get(keys: null): Promise<Record<string, unknown>> } } };
    };
    const local = await worker?.evaluate(() =>
      (globalThis as unknown as ChromeStorage).chrome.storage.local.get(null),
    );
    expect(local).toEqual({ backofficeUrl: backOfficeUrl });
  });

  it('fills the Shift_JIS screen from the chosen application, never submits, marks it transcribed', async () => {
    await popup.locator('[data-testid="application-row"][data-id="a-1"]').getByTestId('choose').click();
    await expect.poll(() => popup.getByTestId('chosen').textContent()).toContain('R1120-000001');

    const posts: string[] = [];
    const page = await staff.context.newPage();
    page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
    await page.goto(`${legacy.url}/legacy/tennyu`);
    expect(await page.evaluate(() => document.characterSet)).toBe('Shift_JIS');
    await expect.poll(() => page.getByTestId('kakanai-application').textContent()).toContain('R1120-000001');
    await page.getByTestId('kakanai-fill').click();
    await page.getByTestId('kakanai-report').locator('li').first().waitFor();

    const value = (name: string) => page.locator(`[name="${name}"]`).inputValue();
    expect(await value('shimei')).toBe('山田　太郎');
    expect(await value('kana')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect([await value('gengo'), await value('nen'), await value('tsuki'), await value('hi')]).toEqual([
      'S',
      '55',
      '2',
      '17',
    ]);
    expect(await value('seibetsu')).toBe('1');
    expect([await value('zip1'), await value('zip2')]).toEqual(['100', '0013']);
    expect(await value('jusho')).toBe(YAMADA.address);
    expect(await value('zenjusho')).toBe(YAMADA.previousAddress);
    expect([
      await value('idou_gengo'),
      await value('idou_nen'),
      await value('idou_tsuki'),
      await value('idou_hi'),
    ]).toEqual(['R', '8', '11', '20']);
    expect(await page.getByTestId('kakanai-report').locator('li[data-status="filled"]').count()).toBe(15);
    expect(posts).toEqual([]);

    await page.getByTestId('kakanai-mark-done').click();
    await expect
      .poll(() => page.getByTestId('kakanai-status').textContent())
      .toContain('を転記済みにしました');
    expect(backOffice.apps.get('a-1')?.status).toBe('transcribed');
    expect(backOffice.calls).toContain('POST /api/applications/a-1/transcribed');

    // Staff then submit the screen themselves: the filled values arrive as Shift_JIS intact.
    page.once('dialog', (d) => void d.accept()); // the screen's own 「登録します。よろしいですか？」
    await page.locator('input[name="btnTouroku"]').click();
    const received = page.getByTestId('legacy-received');
    await received.waitFor();
    expect(await received.textContent()).toContain('shimei山田　太郎');
    expect(await received.textContent()).toContain('kanaﾔﾏﾀﾞ ﾀﾛｳ');
    await page.close();
  });

  it('flags 𠮷 in the panel and leaves 氏名 for staff to type', async () => {
    await popup.getByTestId('refresh').click();
    await popup.locator('[data-testid="application-row"][data-id="a-2"]').getByTestId('choose').click();
    await expect.poll(() => popup.getByTestId('chosen').textContent()).toContain('R1120-000002');
    const page = await openLegacyAndFill();
    const flagged = page.getByTestId('kakanai-report').locator('li[data-status="flagged"]');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.textContent()).toContain('"𠮷" はこのシステムの文字コード（Shift_JIS）で使えません');
    expect(await page.locator('[name="shimei"]').inputValue()).toBe('');
    expect(await page.locator('[name="kana"]').inputValue()).toBe('ﾖｼﾀﾞ ﾊﾅｺ');
    expect(await page.getByTestId('kakanai-status').textContent()).toContain('手で入力');
    await page.close();
  });

  it('sends staff back to sign-in when the session has expired', async () => {
    backOffice.expireAllTokens();
    await popup.getByTestId('refresh').click();
    await expect.poll(() => popup.getByTestId('popup-error').textContent()).toContain('有効期限が切れました');
    await popup.getByTestId('sign-in').waitFor();
    const page = await staff.context.newPage();
    await page.goto(`${legacy.url}/legacy/tennyu`);
    await expect
      .poll(() => page.getByTestId('kakanai-application').textContent())
      .toContain('ポップアップで申請を選んでください');
    await page.close();
  });
});
