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

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('username').fill(DEMO.username);
  await page.getByTestId('password').fill(DEMO.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('procedure-tennyu').waitFor();
}
