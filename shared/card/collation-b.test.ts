import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCollationB,
  type CollationBError,
  collationBErrorMessage,
  normalizeCollationBInput,
  validateCollationB,
} from './collation-b.ts';

describe('照合番号B (cards.md §1.7)', () => {
  it('builds the card example: born 1980-02-17, expiry 2035, code 2285', () => {
    expect(buildCollationB({ birthDate: '1980-02-17', expiryYear: 2035, securityCode: '2285' })).toEqual({
      ok: true,
      value: '55021720352285',
    });
  });

  it('uses the era year at each era boundary', () => {
    const b = (birthDate: string) => buildCollationB({ birthDate, expiryYear: 2030, securityCode: '0000' });
    expect(b('2020-02-24')).toEqual({ ok: true, value: '02022420300000' }); // 令和2年
    expect(b('2019-04-30')).toEqual({ ok: true, value: '31043020300000' }); // 平成31年, last day
    expect(b('2019-05-01')).toEqual({ ok: true, value: '01050120300000' }); // 令和元年
    expect(b('1989-01-07')).toEqual({ ok: true, value: '64010720300000' }); // 昭和64年
    expect(b('1989-01-08')).toEqual({ ok: true, value: '01010820300000' }); // 平成元年
    expect(b('1926-12-24')).toEqual({ ok: true, value: '15122420300000' }); // 大正15年
  });

  it('says which part is wrong when building', () => {
    const parts = { birthDate: '1980-02-17', expiryYear: 2035, securityCode: '2285' };
    expect(buildCollationB({ ...parts, birthDate: '1980-02-30' })).toEqual({
      ok: false,
      error: { kind: 'birth-date-invalid' },
    });
    expect(buildCollationB({ ...parts, birthDate: '1867-01-01' })).toEqual({
      ok: false,
      error: { kind: 'birth-date-invalid' },
    });
    expect(buildCollationB({ ...parts, expiryYear: 2014 })).toEqual({
      ok: false,
      error: { kind: 'expiry-year-out-of-range' },
    });
    expect(buildCollationB({ ...parts, expiryYear: 2051 })).toMatchObject({ ok: false });
    expect(buildCollationB({ ...parts, securityCode: '228' })).toEqual({
      ok: false,
      error: { kind: 'security-code-invalid' },
    });
    expect(buildCollationB({ ...parts, securityCode: '２２８５' })).toMatchObject({ ok: false });
  });

  it('validates typed input: 14 digits, a real era date, an expiry year in range', () => {
    expect(validateCollationB('55021720352285')).toEqual({ ok: true, value: '55021720352285' });
    expect(validateCollationB('6401072030000')).toEqual({ ok: false, error: { kind: 'not-14-digits' } });
    expect(validateCollationB('550217203522850')).toEqual({ ok: false, error: { kind: 'not-14-digits' } });
    expect(validateCollationB('5502172035228a')).toEqual({ ok: false, error: { kind: 'not-14-digits' } });
    expect(validateCollationB('５５０２１７２０３５２２８５')).toEqual({
      ok: false,
      error: { kind: 'not-14-digits' },
    });
    expect(validateCollationB('00021720352285')).toEqual({
      ok: false,
      error: { kind: 'birth-part-invalid' },
    }); // year 0
    expect(validateCollationB('55130120352285')).toEqual({
      ok: false,
      error: { kind: 'birth-part-invalid' },
    }); // month 13
    expect(validateCollationB('55023020352285')).toEqual({
      ok: false,
      error: { kind: 'birth-part-invalid' },
    }); // 2/30
    expect(validateCollationB('55021720142285')).toEqual({
      ok: false,
      error: { kind: 'expiry-year-out-of-range' },
    });
    expect(validateCollationB('99010120352285')).toEqual({
      ok: false,
      error: { kind: 'birth-part-invalid' },
    }); // 令和99 = 2117
    expect(validateCollationB('55021720512285')).toEqual({
      ok: false,
      error: { kind: 'expiry-year-out-of-range' },
    });
  });

  it('accepts a date real in some era before the expiry year, whatever the era', () => {
    expect(validateCollationB('31043020300000').ok).toBe(true); // 平成31年4月30日
    expect(validateCollationB('45073020300000').ok).toBe(true); // not 明治 (ended 7/29), but 昭和45年
    // 昭和64年1月8日 never existed, and 令和64年 lies after the expiry year.
    expect(validateCollationB('64010820300000')).toEqual({
      ok: false,
      error: { kind: 'birth-part-invalid' },
    });
    expect(validateCollationB('20010120300000').ok).toBe(true); // 平成20年 / 昭和20年 fit
    expect(validateCollationB('50010120300000').ok).toBe(true); // 昭和50年
    expect(validateCollationB('80010120300000')).toEqual({
      ok: false,
      error: { kind: 'birth-part-invalid' },
    });
  });

  it('everything it builds, it validates (property)', () => {
    const date = fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2025-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(
        date,
        fc.integer({ min: 2015, max: 2050 }),
        fc.stringMatching(/^\d{4}$/),
        (d, expiryYear, securityCode) => {
          const birthDate = d.toISOString().slice(0, 10);
          const built = buildCollationB({ birthDate, expiryYear, securityCode });
          // A card cannot expire in a year before its holder's birth: refused, never built.
          if (d.getUTCFullYear() > expiryYear) {
            expect(built).toEqual({ ok: false, error: { kind: 'expiry-before-birth' } });
            return;
          }
          expect(built.ok).toBe(true);
          if (built.ok) {
            expect(built.value).toMatch(/^\d{14}$/);
            expect(validateCollationB(built.value)).toEqual(built);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('normalizes what an IME in 全角 mode gives, and leaves other characters for validation', () => {
    expect(normalizeCollationBInput('５５０２１７　２０３５　２２８５')).toBe('55021720352285');
    expect(normalizeCollationBInput('550217-2035-2285')).toBe('55021720352285');
    expect(normalizeCollationBInput(' 550217 2035 2285 ')).toBe('55021720352285');
    expect(normalizeCollationBInput('S550217')).toBe('S550217');
  });

  it('has a Japanese message for every error that says what to do', () => {
    const kinds: CollationBError['kind'][] = [
      'birth-date-invalid',
      'expiry-year-out-of-range',
      'security-code-invalid',
      'not-14-digits',
      'birth-part-invalid',
    ];
    for (const kind of kinds) {
      const message = collationBErrorMessage({ kind });
      expect(message).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(message).toMatch(/ください。$/);
    }
    expect(collationBErrorMessage({ kind: 'expiry-year-out-of-range' })).toContain('2015〜2050');
  });
});
