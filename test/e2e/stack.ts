// The running system for an e2e test: the real back office (PGlite in a temp dir) serving the
// built PWA, and a tablet browser signed in as the demo staff member.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../../server/main.ts';
import { launchTablet } from './browser.ts';

export const DEMO = { username: 'demo', password: 'kakanai-demo' } as const;
export const ROOT = resolve(import.meta.dirname, '../..');

export interface Stack {
  readonly server: Awaited<ReturnType<typeof startServer>>;
  readonly browser: Browser;
  readonly tablet: BrowserContext;
  readonly page: Page;
  readonly serverLog: readonly string[];
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kakanai-e2e-'));
  const serverLog: string[] = [];
  const server = await startServer({
    port: 0,
    dataDir,
    staticDir: join(ROOT, 'dist/pwa'),
    seedDemo: true,
    log: (line) => serverLog.push(line),
  });
  const browser = await launchTablet();
  const tablet = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const page = await tablet.newPage();
  return {
    server,
    browser,
    tablet,
    page,
    serverLog,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A one-time enrollment code, issued through the API as the demo admin (as an admin would). */
export async function issueEnrollmentCode(url: string): Promise<string> {
  const session = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  const { token } = (await session.json()) as { token: string };
  const issued = await fetch(`${url}/api/devices/codes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  if (issued.status !== 201) throw new Error(`issuing an enrollment code answered ${issued.status}`);
  return ((await issued.json()) as { code: string }).code;
}

/** Types a fresh code and a name into the enrollment screen, which must be on display. */
export async function enrollTablet(page: Page, url: string, name = '窓口1番'): Promise<void> {
  await page.getByTestId('enroll-code').fill(await issueEnrollmentCode(url));
  await page.getByTestId('enroll-name').fill(name);
  await page.getByTestId('enroll-submit').click();
  await page.getByTestId('enroll-code').waitFor({ state: 'detached' });
}

/** Opens the tablet app; a tablet that is not enrolled yet is enrolled first (issue 5). */
export async function openTablet(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const first = page.locator(
    '[data-testid=enroll-code], [data-testid=username], [data-testid=procedure-tennyu], [data-testid=staff-unlock]',
  );
  await first.first().waitFor();
  if ((await page.getByTestId('enroll-code').count()) > 0) await enrollTablet(page, url);
}

export async function signIn(page: Page, url: string): Promise<void> {
  await openTablet(page, url);
  await page.getByTestId('username').fill(DEMO.username);
  await page.getByTestId('password').fill(DEMO.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('procedure-tennyu').waitFor();
}
