// The catalogue meta-test: every procedure file is registered, every registered one loads, and
// each is complete (translations, furigana, print layout, attachments, rules) — see meta.ts.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../i18n/lang.ts';
import { catalogueProblems } from './meta.ts';
import { CATALOGUE_IDS } from './names.ts';
import { CATALOGUE, loadCatalogue } from './registry.ts';

const folder = fileURLToPath(new URL('./catalogue/', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

describe('procedure catalogue', () => {
  it('registers every file in catalogue/ once, and nothing else', () => {
    const ids = CATALOGUE.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...files].sort());
  });

  it('holds the 14 procedures the issue names', () => {
    expect(CATALOGUE_IDS).toHaveLength(14);
    expect(CATALOGUE.map((p) => p.id)).toEqual(expect.arrayContaining([...CATALOGUE_IDS]));
  });

  it('loads every procedure, each complete, with the name its summary shows', async () => {
    const lookup = await loadCatalogue();
    expect(catalogueProblems(lookup.all)).toEqual([]);
    for (const summary of CATALOGUE) {
      const p = lookup.get(summary.id);
      expect(p?.id, summary.id).toBe(summary.id);
      for (const lang of LANGS) expect(p?.name[lang], `${summary.id} ${lang}`).toBe(summary.name[lang]);
    }
  });
});
