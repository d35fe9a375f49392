// One simulated counter tablet of the fault test: a real Chromium persistent context (its own
// profile directory, so closing it and opening it again keeps what IndexedDB committed) with the
// harness page, which runs the real tablet code (tablet-harness.ts). The page is served by the
// fault proxy, so its origin is the proxy's and everything it posts goes through the faults.
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type BrowserContext, type ConsoleMessage, chromium, type Page } from 'playwright-core';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import chromiumConfig from '../chromium.json' with { type: 'json' };
import {
  ENQUEUED,
  type HarnessCounts,
  type HarnessResult,
  type HarnessState,
  type HarnessSyncReport,
} from './harness-api.ts';
import type { LocalResource } from './proxy.ts';

export const HARNESS_PAGE = '/fault-harness.html';
const HARNESS_SCRIPT = '/fault-harness.js';
const CHROMIUM = process.env.CHROMIUM_PATH ?? chromiumConfig.executablePath;

/** Bundles tablet-harness.ts (and the pwa code it imports) for the page; the proxy serves both. */
export async function harnessResources(): Promise<Record<string, LocalResource>> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'tablet-harness.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const js = out.outputFiles[0]?.text;
  if (!js) throw new Error('the fault harness did not bundle');
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>fault harness</title></head>
<body><script type="module" src="${HARNESS_SCRIPT}"></script></body></html>`;
  return {
    [HARNESS_PAGE]: { contentType: 'text/html; charset=utf-8', body: html },
    [HARNESS_SCRIPT]: { contentType: 'text/javascript; charset=utf-8', body: js },
    // Chromium asks for it by itself; answered here, it never reaches the back office.
    '/favicon.ico': { contentType: 'image/x-icon', body: new Uint8Array() },
  };
}

/** Thrown by a call into a page that was closed under it (the deliberate mid-write close). */
export class TabletClosed extends Error {}

export class Tablet {
  private context: BrowserContext | undefined;
  private page: Page | undefined;
  /** Uncaught errors of the page (messages only: the harness never puts personal data in them). */
  readonly pageErrors: string[] = [];
  opens = 0;

  constructor(
    readonly index: number,
    readonly name: string,
    private readonly profileDir: string,
    private readonly origin: string,
    private readonly retryEveryMs: number,
  ) {}

  get isOpen(): boolean {
    return this.page !== undefined;
  }

  /** Launches the browser with this tablet's profile and opens the harness; answers the device id. */
  async open(): Promise<string | undefined> {
    this.opens += 1;
    const context = await chromium.launchPersistentContext(this.profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [...chromiumConfig.args],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => {
      if (this.pageErrors.length < 50) this.pageErrors.push(e.message.slice(0, 300));
    });
    await page.goto(`${this.origin}${HARNESS_PAGE}`);
    await page.waitForFunction(() => 'fault' in window);
    this.context = context;
    this.page = page;
    const { deviceId } = await this.call((ms) => window.fault.init(ms), this.retryEveryMs);
    return deviceId;
  }

  /** Closes the browser (what a tablet whose app is closed or that loses power mid-write sees). */
  async close(): Promise<void> {
    const context = this.context;
    this.context = undefined;
    this.page = undefined;
    await context?.close().catch(() => undefined);
  }

  /**
   * Runs fn in the page: playwright sends its source, so fn must not close over anything here;
   * each one spells `window.fault` (the harness, tablet-harness.ts) itself.
   */
  private async call<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
    const page = this.page;
    if (!page) throw new TabletClosed(`${this.name} is closed`);
    try {
      return (await page.evaluate(fn as (a: unknown) => unknown, arg as unknown)) as R;
    } catch (e) {
      if (this.page !== page || page.isClosed()) throw new TabletClosed(`${this.name} was closed`);
      throw e;
    }
  }

  enroll(code: string): Promise<HarnessResult & { readonly deviceId?: string }> {
    return this.call((a) => window.fault.enroll(a.code, a.name), { code, name: this.name });
  }

  signIn(username: string, password: string): Promise<HarnessResult> {
    return this.call((a) => window.fault.signIn(a.username, a.password), { username, password });
  }

  /**
   * Stores the visits on the tablet, one enqueueVisit each. With onStored, the page reports each
   * stored visit as it goes and pauses pauseMs between two (the mid-write close waits for a few).
   */
  async enqueue(
    visits: readonly (readonly ApplicationEnvelope[])[],
    onStored?: (stored: number) => void,
    pauseMs = 0,
  ): Promise<HarnessResult & { readonly stored: number }> {
    const page = this.page;
    if (!onStored || !page) return this.call((v) => window.fault.enqueue(v), visits);
    const listener = (message: ConsoleMessage) => {
      const m = new RegExp(`^${ENQUEUED} (\\d+)$`).exec(message.text());
      if (m) onStored(Number(m[1]));
    };
    page.on('console', listener);
    try {
      return await this.call((a) => window.fault.enqueue(a.visits, { report: true, pauseMs: a.pauseMs }), {
        visits,
        pauseMs,
      });
    } finally {
      page.off('console', listener);
    }
  }

  syncNow(): Promise<HarnessSyncReport> {
    return this.call(() => window.fault.syncNow(), undefined);
  }

  startEngine(): Promise<void> {
    return this.call(() => window.fault.startEngine(), undefined);
  }

  counts(): Promise<HarnessCounts> {
    return this.call(() => window.fault.counts(), undefined);
  }

  state(): Promise<HarnessState> {
    return this.call(() => window.fault.state(), undefined);
  }
}
