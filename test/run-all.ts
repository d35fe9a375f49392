// `npm test`: every runner, one summary. Builds the PWA and the extension first (the e2e test
// drives the built artefacts), runs vitest (unit, server on PGlite + PostgreSQL, e2e) and
// @web/test-runner (IndexedDB, worker, DOM code in Chromium), then prints `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = '.test-results';
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

function run(label: string, command: string, args: string[]): { status: number; stdout: string } {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    env: process.env,
  });
  process.stdout.write(r.stdout ?? '');
  return { status: r.status ?? 1, stdout: r.stdout ?? '' };
}

const started = Date.now();
const build = run('build', 'npm', ['run', 'build', '--silent']);
if (build.status !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const only = process.argv.slice(2); // e.g. `npm test -- unit server`
const projects = only.length > 0 ? only.flatMap((p) => ['--project', p]) : [];
const vitest = run('vitest', 'npx', [
  'vitest',
  'run',
  ...projects,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${results}/vitest.json`,
]);
let passed = 0;
let failed = 0;
if (existsSync(`${results}/vitest.json`)) {
  const r = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0);
  console.log(`vitest: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
} else {
  failed += 1;
  console.log('vitest: no results (the runner crashed)');
}
if (vitest.status !== 0 && failed === 0) failed += 1;

if (only.length === 0 || only.includes('browser')) {
  const wtr = run('web-test-runner', 'npx', ['wtr', '--config', 'wtr.config.mjs']);
  const ansi = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g'); // colour codes
  const plain = wtr.stdout.replace(ansi, '');
  const counts = [...plain.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
  if (counts) {
    passed += Number(counts[1]);
    failed += Number(counts[2]);
    console.log(`web-test-runner: ${counts[1]} passed, ${counts[2]} failed`);
  } else {
    failed += 1;
    console.log('web-test-runner: no results');
  }
  if (wtr.status !== 0 && Number(counts?.[2] ?? 0) === 0) failed += 1; // crashed without a count
}

console.log(`\nnpm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
