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
});
