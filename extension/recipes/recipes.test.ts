// Meta-test: every recipe is complete and consistent (refined-github build/features.test.ts).
// The messages say what to fix.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findSummary } from '../../shared/procedures/registry.ts';
import { isGroup, type ProcedureDefinition } from '../../shared/procedures/types.ts';
import { findRecipe, RECIPES } from './index.ts';
import { isKnownTransform } from './transforms.ts';

const manifest = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8')) as {
  content_scripts: { matches: string[] }[];
};

/** Chrome match pattern → RegExp (scheme://host/path; a host without a port matches every port). */
function matchPattern(pattern: string): RegExp {
  const m = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`unsupported match pattern ${pattern}`);
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  const esc = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${scheme}://${esc(host)}(:\\d+)?${esc(path)}$`);
}
const contentScriptPatterns = manifest.content_scripts.flatMap((c) => c.matches.map(matchPattern));

describe.each(RECIPES.map((r) => [r.id, r] as const))('recipe %s', (id, recipe) => {
  const summary = findSummary(recipe.procedure);
  let procedure: ProcedureDefinition | undefined;
  beforeAll(async () => {
    procedure = await summary?.load();
  });
  const field = (name: string) => procedure?.fields.find((f) => f.name === name);

  it('names a known procedure', () => {
    expect(
      summary,
      `${id}: procedure "${recipe.procedure}" is not in shared/procedures/registry.ts`,
    ).toBeDefined();
    expect(procedure?.id).toBe(recipe.procedure);
  });

  it('reads only single-value fields of its procedure, through known transforms', () => {
    for (const rule of recipe.fields) {
      const source = field(rule.source);
      expect(
        source,
        `${id} / ${rule.label}: "${rule.source}" is not a field of ${recipe.procedure}`,
      ).toBeDefined();
      expect(
        source && isGroup(source.spec),
        `${id} / ${rule.label}: "${rule.source}" is a list of rows; no single box can take it`,
      ).toBe(false);
      expect(
        isKnownTransform(rule.transform.id),
        `${id} / ${rule.label}: add "${rule.transform.id}" to transforms.ts`,
      ).toBe(true);
    }
  });

  it('maps every field of its procedure or says the screen has no box for it', () => {
    const used = new Set(recipe.fields.map((r) => r.source));
    const unaccounted = procedure?.fields
      .map((f) => f.name)
      .filter((name) => !used.has(name) && !recipe.notOnScreen.includes(name));
    expect(unaccounted, `${id}: map these fields or list them in notOnScreen`).toEqual([]);
    for (const name of recipe.notOnScreen) {
      expect(field(name), `${id}: notOnScreen "${name}" is not a field of ${recipe.procedure}`).toBeDefined();
      expect(used.has(name), `${id}: "${name}" is both mapped and in notOnScreen`).toBe(false);
    }
  });

  it('targets each element once, with a label and a sane byte limit', () => {
    const selectors = recipe.fields.map((r) => r.selector);
    expect(new Set(selectors).size, `${id}: a selector appears twice`).toBe(selectors.length);
    for (const rule of recipe.fields) {
      expect(rule.label.trim(), `${id}: a rule without a label`).not.toBe('');
      if (rule.maxBytes !== undefined)
        expect(Number.isInteger(rule.maxBytes) && rule.maxBytes > 0).toBe(true);
    }
  });

  it('matches its example URLs, is the only recipe for them, and the manifest injects there', () => {
    expect(recipe.exampleUrls.length, `${id}: give at least one example URL`).toBeGreaterThan(0);
    for (const url of recipe.exampleUrls) {
      expect(findRecipe(new URL(url))?.id, `${id}: ${url} is taken by another recipe or not matched`).toBe(
        id,
      );
      expect(
        contentScriptPatterns.some((p) => p.test(url)),
        `${id}: add a content_scripts match for ${url} to manifest.json`,
      ).toBe(true);
    }
  });
});

describe('recipe registry', () => {
  it('has unique ids', () => {
    expect(new Set(RECIPES.map((r) => r.id)).size).toBe(RECIPES.length);
  });
  it('does not claim unrelated pages', () => {
    expect(findRecipe(new URL('http://127.0.0.1:8787/api/applications'))).toBeUndefined();
    expect(findRecipe(new URL('https://example.com/legacy/tennyu'))).toBeUndefined();
  });
});
