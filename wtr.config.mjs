// @web/test-runner: browser behaviour (IndexedDB, workers, canvas, DOM recipes) in Debian's Chromium.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import chromium from './test/chromium.json' with { type: 'json' };

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: true,
  rootDir: '.',
  plugins: [
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: 'tsconfig.base.json' /* jsx: preact */,
    }),
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: process.env.CHROMIUM_PATH ?? chromium.executablePath,
        headless: true,
        args: chromium.args,
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
};
