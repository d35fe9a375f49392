// Builds the unpacked MV3 extension into dist/extension (npm run build:extension):
// esbuild bundles the three entry points as classic scripts (IIFE: the MV3 service worker and
// content scripts are not modules here), then manifest, popup page and icons (public/icons) are copied.
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_OUT_DIR = resolve(HERE, '../dist/extension');

const ICONS = resolve(HERE, '../public/icons'); // the same artwork as the PWA

export async function buildExtension(outDir: string = DEFAULT_OUT_DIR): Promise<string> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'icons'), { recursive: true });
  await build({
    entryPoints: ['background', 'popup', 'content'].map((name) => join(HERE, `${name}.ts`)),
    outdir: outDir,
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    platform: 'browser',
    charset: 'utf8', // keep 転記済み readable in the bundle; Chromium reads extension scripts as UTF-8
    legalComments: 'none',
    logLevel: 'warning',
  });
  await copyFile(join(HERE, 'manifest.json'), join(outDir, 'manifest.json'));
  await copyFile(join(HERE, 'popup.html'), join(outDir, 'popup.html'));
  for (const size of [16, 48, 128]) {
    await copyFile(join(ICONS, `icon-${size}.png`), join(outDir, 'icons', `icon-${size}.png`));
  }
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outDir = await buildExtension();
  console.log(`Extension built: ${outDir} (load it unpacked in Chromium)`);
}
