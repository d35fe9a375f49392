// Headless Debian Chromium for the e2e tests (never a browser downloaded by a test tool).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium as playwrightChromium } from 'playwright-core';
import chromium from '../chromium.json' with { type: 'json' };

export const CHROMIUM = process.env.CHROMIUM_PATH ?? chromium.executablePath;
export const CHROMIUM_ARGS: readonly string[] = chromium.args;

/** The counter tablet: a plain browser, no extension. */
export function launchTablet(): Promise<Browser> {
  return playwrightChromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
}

/** The back-office PC: a persistent profile with the built extension loaded unpacked. */
export async function launchStaffPc(extensionDir: string): Promise<{
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}> {
  const profile = mkdtempSync(join(tmpdir(), 'kakanai-staff-'));
  const context = await playwrightChromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  return {
    context,
    extensionId: new URL(worker.url()).host,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
