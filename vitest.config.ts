import { defineConfig } from 'vitest/config';

// Four projects, one runner: pure logic (shared/, extension logic), the back office against
// PGlite and a throwaway real PostgreSQL cluster, the whole path in headless Chromium, and the
// sync fault test (test/fault/: Chromium tablets, a faulty proxy, a server that is SIGKILLed).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['shared/**/*.test.ts', 'extension/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          include: ['server/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/postgres.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          // A loaded CI machine runs the other projects beside these browsers: poll patiently.
          expect: { poll: { timeout: 10_000, interval: 50 } },
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          // Issue 5's fault test (test/fault/): tablets in Chromium, a misbehaving proxy and a back
          // office that is SIGKILLed, on PGlite and PostgreSQL; plus the unit tests of its tools.
          name: 'fault',
          include: ['test/fault/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/setup/postgres.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
