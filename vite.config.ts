// Builds the counter PWA (pwa/) into dist/pwa. The web app manifest is the top-level
// manifest.json; the service worker is our own (pwa/sw/sw.ts) with workbox precaching.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const manifest = JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8'));

export default defineConfig({
  root: 'pwa',
  publicDir: '../public',
  build: {
    outDir: '../dist/pwa',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    // The back-office dashboard is its own page (served at /backoffice), never precached on tablets.
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./pwa/index.html', import.meta.url)),
        backoffice: fileURLToPath(new URL('./pwa/backoffice.html', import.meta.url)),
      },
    },
  },
  worker: { format: 'es' },
  plugins: [
    preact(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false, // pwa/sw-register.ts registers it with workbox-window
      includeManifestIcons: false, // the glob below already precaches every icon
      manifest,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,png,svg,wasm,json}'],
        globIgnores: ['backoffice.html', 'assets/backoffice-*'],
      },
    }),
  ],
  server: { proxy: { '/api': 'http://127.0.0.1:8787', '/healthz': 'http://127.0.0.1:8787' } },
});
