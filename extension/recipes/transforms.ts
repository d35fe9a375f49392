// Value transforms of recipe field rules: from the application's stored form (UTF-8, ISO dates,
// full-width katakana, 7-digit postal code) to what a legacy screen expects.
import { err, ok, type Result } from '../../shared/result.ts';
import { hiraganaToKatakana, isHalfWidthKana, toHalfWidthKana } from '../../shared/text/kana.ts';
import { toWareki } from '../../shared/wareki.ts';
import type { TransformId, TransformSpec } from './types.ts';

export type TransformProblem =
  | { readonly kind: 'no-half-width-form'; readonly chars: readonly string[] }
  | { readonly kind: 'not-kana'; readonly chars: readonly string[] }
  | { readonly kind: 'invalid-date'; readonly value: string }
  | { readonly kind: 'invalid-postal-code'; readonly value: string }
  | { readonly kind: 'no-mapping'; readonly value: string };

type Transform<S extends TransformSpec> = (spec: S, value: string) => Result<string, TransformProblem>;
type TransformTable = { readonly [I in TransformId]: Transform<Extract<TransformSpec, { id: I }>> };

function halfWidthKana(value: string): Result<string, TransformProblem> {
  // Residents and staff sometimes type ひらがな; the 半角 screen only has katakana.
  const converted = toHalfWidthKana(hiraganaToKatakana(value));
  if (!converted.ok) return converted;
  const stray = [...new Set([...converted.value].filter((c) => !isHalfWidthKana(c)))];
  return stray.length > 0 ? err({ kind: 'not-kana', chars: stray }) : converted;
}

export const TRANSFORMS: TransformTable = {
  text: (_spec, value) => ok(value),
  'half-width-kana': (_spec, value) => halfWidthKana(value),
  wareki: (spec, value) => {
    // Boundary days matter: 1989-01-07 is 昭和64年, 2019-04-30 平成31年, 2019-05-01 令和元年 (year 1).
    const w = toWareki(value);
    if (!w) return err({ kind: 'invalid-date', value });
    switch (spec.part) {
      case 'era': {
        if (!spec.eraValues) return ok(w.era.initial);
        const code = spec.eraValues[w.era.id];
        return code === undefined ? err({ kind: 'no-mapping', value: w.era.name }) : ok(code);
      }
      case 'year':
        return ok(String(w.year));
      case 'month':
        return ok(String(w.month));
      case 'day':
        return ok(String(w.day));
    }
  },
  'postal-code': (spec, value) => {
    const digits = value.replace(/-/g, '');
    if (!/^\d{7}$/.test(digits)) return err({ kind: 'invalid-postal-code', value });
    if (spec.part === 'first3') return ok(digits.slice(0, 3));
    if (spec.part === 'last4') return ok(digits.slice(3));
    return ok(digits);
  },
  'code-map': (spec, value) => {
    const mapped = Object.hasOwn(spec.map, value) ? spec.map[value] : undefined;
    return mapped === undefined ? err({ kind: 'no-mapping', value }) : ok(mapped);
  },
};

export function isKnownTransform(id: string): id is TransformId {
  return Object.hasOwn(TRANSFORMS, id);
}

export function applyTransform(spec: TransformSpec, value: string): Result<string, TransformProblem> {
  // The table is keyed by id, so the spec always reaches the transform written for it.
  const transform = TRANSFORMS[spec.id] as Transform<TransformSpec>;
  return transform(spec, value);
}
