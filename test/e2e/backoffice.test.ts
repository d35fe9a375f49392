// The back-office dashboard (issue 5) in headless Chromium against the real server: sign-in (a
// counter ID is refused), the inbox filters and search, the detail with the My Number masked until
// a reason is given, a status step, a comment, and axe-core on the inbox and the detail.
// The applications are put into the data directory before the server starts (as the receive
// path stores them), so this test does not depend on how a tablet proves who it is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BACKOFFICE, DEMO_COUNTER, DEMO_STAFF, seedDemoStaff } from '../../server/auth/seed.ts';
import { startServer } from '../../server/main.ts';
import { openStore } from '../../server/store/open-store.ts';
import { TestDevice } from '../../server/test-support/device.ts';
import { storeApplication } from '../../server/test-support/stored-application.ts';
import { signed, signedTennyuEnvelope, tennyuEnvelope } from '../fixtures/applications.ts';
import { sample as kokinKoza } from '../fixtures/samples/kokin-koza.ts';
import { axeViolations } from './axe.ts';
import { launchTablet } from './browser.ts';
import { ROOT } from './stack.ts';

let dataDir: string;
let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
const serverLog: string[] = [];
const MY_NUMBER = String(kokinKoza.myNumber);

/** Today in Japan, YYYY-MM-DD, as the date inputs take it. */
const tokyoToday = () => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kakanai-e2e-backoffice-'));
  const sql = await openStore({ dataDir }, () => {});
  try {
    await seedDemoStaff(sql);
    await storeApplication(sql, await signedTennyuEnvelope(), new Date(Date.now() - 60_000));
    await storeApplication(
      sql,
      await signed(tennyuEnvelope({ procedure: 'kokin-koza', fields: kokinKoza })),
      new Date(),
    );
  } finally {
    await sql.close();
  }
  server = await startServer({
    port: 0,
    dataDir,
    staticDir: join(ROOT, 'dist/pwa'),
    seedDemo: true,
    log: (line) => serverLog.push(line),
  });
  browser = await launchTablet();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'ja-JP' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(credentials: { username: string; password: string }) {
  await page.getByTestId('username').fill(credentials.username);
  await page.getByTestId('password').fill(credentials.password);
  await page.getByTestId('sign-in').click();
}

describe('the back-office dashboard', () => {
  it('refuses a counter ID, and signs a back-office ID in showing its role', async () => {
    await page.goto(`${server.url}/backoffice`);
    await expect.poll(() => page.title()).toContain('バックオフィス');
    await signIn(DEMO_COUNTER);
    await expect
      .poll(() => page.getByTestId('sign-in-error').textContent())
      .toContain('役割: 窓口）ではバックオフィスを使えません');
    await signIn(DEMO_BACKOFFICE);
    await page.getByRole('heading', { name: '申請の一覧' }).waitFor();
    await expect.poll(() => page.locator('.bo-who').textContent()).toContain('役割: バックオフィス');
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('filters by procedure, day and search', async () => {
    await page.getByTestId('filter-procedure').selectOption('kokin-koza');
    await page.getByTestId('filter-from').fill(tokyoToday());
    await page.getByTestId('filter-to').fill(tokyoToday());
    await page.getByTestId('search').click();
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('inbox').textContent()).toContain('見本　花子');

    await page.getByTestId('filter-procedure').selectOption('');
    await page.getByTestId('filter-q').fill('シケン ハナコ'); // the 転入届's フリガナ, spaced otherwise
    await page.getByTestId('search').click();
    await expect.poll(() => page.getByTestId('inbox').textContent()).toContain('試験　花子');
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(1);

    await page.getByTestId('filter-q').fill('見本');
    await page.getByTestId('filter-status').selectOption('received');
    await page.getByTestId('search').click();
    await expect.poll(() => page.getByTestId('inbox').textContent()).toContain('見本　花子');
  });

  it('opens the detail: labels from the procedure, the My Number masked until a reason is given', async () => {
    await page.getByTestId('inbox-row').getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /公金受取口座/ }).waitFor();
    const answers = page.getByTestId('answers');
    await expect.poll(() => answers.textContent()).toContain('見本　花子');
    const number = page.getByTestId('my-number-myNumber');
    await expect.poll(() => number.textContent()).toBe(`${'●'.repeat(8)}${MY_NUMBER.slice(-4)}`);
    expect(await page.content()).not.toContain(MY_NUMBER);
    await expect.poll(() => page.getByTestId('signature-verified').textContent()).toContain('一致（');
    await expect
      .poll(() => page.getByTestId('signature').evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0);

    await page.getByTestId('reveal').click();
    await page.getByTestId('reveal-submit').click(); // no reason: refused in the page, nothing sent
    await expect.poll(() => page.locator('.bo-my-number [role=alert]').textContent()).toContain('理由');
    expect(await page.content()).not.toContain(MY_NUMBER);
    await page.getByTestId('reveal-reason').fill('基幹系への登録のため');
    await page.getByTestId('reveal-submit').click();
    await expect.poll(() => number.textContent()).toBe(MY_NUMBER);
  });

  it('moves the status received → checked and adds a comment; the detail passes axe', async () => {
    await expect.poll(() => page.getByTestId('detail-status').textContent()).toBe('受付済み');
    await page.getByTestId('status-checked').click();
    await expect.poll(() => page.getByTestId('detail-status').textContent()).toBe('確認済み');
    await expect.poll(() => page.getByTestId('status-message').textContent()).toContain('確認済み');
    // Now the steps are 転記済み forward and 受付済み back.
    await page.getByTestId('status-transcribed').waitFor();
    await page.getByTestId('status-received').waitFor();

    await page.getByTestId('comment-text').fill('口座名義を電話で確認済み');
    await page.getByTestId('comment-add').click();
    await expect.poll(() => page.getByTestId('comments').textContent()).toContain('口座名義を電話で確認済み');
    await expect.poll(() => page.getByTestId('comments').textContent()).toContain('事務 次郎（デモ）');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('back-to-inbox').click();
    await page.getByRole('heading', { name: '申請の一覧' }).waitFor();
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await expect.poll(() => page.getByTestId('inbox-row').count()).toBe(2);
    await expect.poll(() => page.getByTestId('inbox').textContent()).toContain('確認済み');
    expect(serverLog.join('\n')).not.toContain(MY_NUMBER); // no personal data in the log
  });

  it('lets an admin issue an enrollment code, see the tablet that used it and revoke it; passes axe', async () => {
    await page.getByTestId('sign-out').click();
    await signIn(DEMO_STAFF);
    await page.getByTestId('nav-devices').click();
    await page.getByRole('heading', { name: '端末の管理' }).waitFor();
    await page.getByTestId('issue-code').click();
    const shown = (await page.getByTestId('issued-code').locator('strong').textContent()) ?? '';
    expect(shown).toMatch(/^[2-9A-HJ-NP-TW-Z]{4}-[2-9A-HJ-NP-TW-Z]{4}-[2-9A-HJ-NP-TW-Z]{2}$/);

    // A tablet enrolls with the code read off the screen.
    const device = await TestDevice.create();
    const enrolled = await fetch(`${server.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: shown, name: '出張窓口A', publicKey: device.publicKey }),
    });
    expect(enrolled.status).toBe(201);
    await page.reload();
    await page.getByTestId('device-row').first().waitFor();
    await expect.poll(() => page.getByTestId('devices').textContent()).toContain('出張窓口A');
    await expect.poll(() => page.getByTestId('devices').textContent()).toContain('有効');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByTestId('revoke').first().click();
    await page.getByRole('button', { name: '取り消す', exact: true }).click();
    await expect.poll(() => page.getByTestId('devices-message').textContent()).toContain('出張窓口A');
    await expect.poll(() => page.getByTestId('devices').textContent()).toContain('取消済み');
    // The inbox offers the tablet in its 端末 filter.
    await page.getByRole('link', { name: '申請の一覧' }).click();
    await page.getByRole('heading', { name: '申請の一覧' }).waitFor();
    await expect
      .poll(() => page.getByTestId('filter-device').locator('option').allTextContents())
      .toContain('出張窓口A');
  });

  it('lets an admin add a staff member who can then sign in; passes axe', async () => {
    await page.getByTestId('nav-staff').click();
    await page.getByTestId('staff-row').first().waitFor();
    await page.getByTestId('staff-username').fill('madoguchi2');
    await page.getByTestId('staff-display-name').fill('窓口　二郎（テスト）');
    await page.getByTestId('staff-role').selectOption('counter');
    await page.getByTestId('staff-password').fill('kakanai-counter-2');
    await page.getByTestId('staff-create').click();
    await expect.poll(() => page.getByTestId('staff').textContent()).toContain('madoguchi2');
    expect(await axeViolations(page)).toEqual([]);
    const signedIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'madoguchi2', password: 'kakanai-counter-2' }),
    });
    expect(signedIn.status).toBe(200);
    expect(serverLog.join('\n')).not.toContain('kakanai-counter-2'); // no password in the log
  });
});
