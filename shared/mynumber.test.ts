import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidMyNumber, myNumberCheckDigit } from './mynumber.ts';

describe('My Number check digit (cards.md §1.7)', () => {
  it('accepts the published example 614106526000', () => {
    expect(myNumberCheckDigit('61410652600')).toBe(0);
    expect(isValidMyNumber('614106526000')).toBe(true);
  });

  it('computes weights from the right: 12345678901 → 8, 98765432109 → 3', () => {
    expect(myNumberCheckDigit('12345678901')).toBe(8);
    expect(myNumberCheckDigit('98765432109')).toBe(3);
    expect(isValidMyNumber('123456789018')).toBe(true);
  });

  it('gives 0 when the remainder is 0 or 1', () => {
    expect(myNumberCheckDigit('00000000000')).toBe(0); // s = 0
    expect(myNumberCheckDigit('10203040506')).toBe(1); // s mod 11 = 10 → 11 − 10
  });

  it('rejects a wrong check digit, wrong length and non-ASCII digits', () => {
    expect(isValidMyNumber('614106526001')).toBe(false);
    expect(isValidMyNumber('61410652600')).toBe(false);
    expect(isValidMyNumber('6141065260000')).toBe(false);
    expect(isValidMyNumber('６１４１０６５２６０００')).toBe(false);
    expect(isValidMyNumber('6141-0652-6000')).toBe(false);
    expect(myNumberCheckDigit('6141065260')).toBeUndefined();
    expect(myNumberCheckDigit('6141065260a')).toBeUndefined();
  });

  it('catches every single-digit typo in a valid number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{11}$/),
        fc.nat(10),
        fc.integer({ min: 1, max: 9 }),
        (first11, pos, delta) => {
          const valid = first11 + String(myNumberCheckDigit(first11));
          expect(isValidMyNumber(valid)).toBe(true);
          const digits = [...valid];
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          // Weights 2..7 are all coprime to 11, so a changed digit always changes s mod 11; the
          // check digit may still coincide only when both remainders map to 0 (remainder 0 or 1).
          const typo = digits.join('');
          if (isValidMyNumber(typo)) {
            expect(myNumberCheckDigit(typo.slice(0, 11))).toBe(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
