import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUlid, ulidFactory, ulidTime } from './ulid.ts';

describe('ULID', () => {
  it('is 26 Crockford base32 characters carrying its time', () => {
    const id = ulidFactory(() => 1_764_547_200_000)();
    expect(isUlid(id)).toBe(true);
    expect(id).toHaveLength(26);
    expect(ulidTime(id)).toBe(1_764_547_200_000);
    expect(isUlid('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true); // the spec's example
    for (const bad of [
      '',
      '01ARZ3NDEKTSV4RRFFQ69G5FA',
      '01ARZ3NDEKTSV4RRFFQ69G5FAI',
      '81ARZ3NDEKTSV4RRFFQ69G5FAV',
      5,
    ])
      expect(isUlid(bad)).toBe(false);
  });

  it('increases strictly within one millisecond and when the clock steps back', () => {
    let t = 1_000_000;
    const next = ulidFactory(() => t);
    const ids = [next(), next(), next()];
    t -= 5_000; // the tablet's clock is corrected backwards
    ids.push(next(), next());
    t += 10_000;
    ids.push(next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts by time for any times (lexicographic order = time order)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        fc.integer({ min: 0, max: 2 ** 48 - 1 }),
        (a, b) => {
          const x = ulidFactory(() => a)();
          const y = ulidFactory(() => b)();
          if (a !== b) expect(x < y).toBe(a < b);
          expect(ulidTime(x)).toBe(a);
        },
      ),
    );
  });
});
