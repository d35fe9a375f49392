// Canonical JSON: sorted keys, no whitespace; a memo of texts already made gives the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CanonicalMemo, canonicalJson, type JsonValue } from './canonical-json.ts';

const json = fc.jsonValue() as fc.Arbitrary<JsonValue>;

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves arrays in order', () => {
    expect(canonicalJson({ b: [3, { z: 1, a: null }], a: 'x' })).toBe('{"a":"x","b":[3,{"a":null,"z":1}]}');
  });

  it('gives the same text with a memo of any of its parts (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), (value) => {
        const memo: CanonicalMemo = new Map();
        for (const part of Object.values(value))
          if (part !== null && typeof part === 'object') memo.set(part, canonicalJson(part));
        expect(canonicalJson(value, memo)).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });

  it('is the plain definition: keys sorted, arrays in order, JSON.stringify for the rest (property)', () => {
    const reference = (v: JsonValue): string => {
      if (v === null || typeof v !== 'object') return JSON.stringify(v);
      if (Array.isArray(v)) return `[${v.map(reference).join(',')}]`;
      const r = v as { readonly [k: string]: JsonValue };
      return `{${Object.keys(r)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${reference(r[k] as JsonValue)}`)
        .join(',')}}`;
    };
    const points = fc.array(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 6 }));
    fc.assert(
      fc.property(fc.oneof(json, points as fc.Arbitrary<JsonValue>), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
    expect(() => canonicalJson([1, Number.NaN])).toThrow(/non-finite/);
    expect(() => canonicalJson({ a: [Number.POSITIVE_INFINITY] })).toThrow(/non-finite/);
  });
});
