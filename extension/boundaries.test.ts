// Architecture meta-test: the platform and the back office each have one door (style.md §2).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && e.name !== 'build.ts' ? [path] : [];
  });
}

const files = sources(ROOT).map((path) => ({ name: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const importing = (specifier: RegExp) =>
  files
    .filter((f) => [...f.text.matchAll(/from '([^']+)'/g)].some((m) => specifier.test(m[1] as string)))
    .map((f) => f.name);

describe('extension boundaries', () => {
  it('reaches webextension-polyfill only through platform.ts', () => {
    expect(importing(/^webextension-polyfill$/), 'import from ./platform.ts instead').toEqual([
      'platform.ts',
    ]);
    const rawChrome = files
      .filter((f) => f.name !== 'platform.ts' && /\bchrome\.(runtime|storage|tabs)\b/.test(f.text))
      .map((f) => f.name);
    expect(rawChrome, 'use platform.ts, not chrome.* directly').toEqual([]);
  });

  it('talks to the back office only from the background service worker', () => {
    expect(importing(/backoffice-client\.ts$/)).toEqual(['background.ts']);
    const fetching = files.filter((f) => /\bfetch\(/.test(f.text)).map((f) => f.name);
    expect(fetching, 'ask the background with a message instead').toEqual([]);
  });
});
