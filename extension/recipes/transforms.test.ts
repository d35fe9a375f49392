import { describe, expect, it } from 'vitest';
import { applyTransform, isKnownTransform } from './transforms.ts';

describe('half-width-kana', () => {
  const t = (v: string) => applyTransform({ id: 'half-width-kana' }, v);
  it('converts a full-width name with an ideographic space', () => {
    expect(t('ヤマダ　タロウ')).toEqual({ ok: true, value: 'ﾔﾏﾀﾞ ﾀﾛｳ' });
  });
  it('accepts hiragana typed by mistake', () => {
    expect(t('やまだ　はなこ')).toEqual({ ok: true, value: 'ﾔﾏﾀﾞ ﾊﾅｺ' });
  });
  it('flags letters with no half-width form', () => {
    expect(t('ヰノウエ')).toEqual({ ok: false, error: { kind: 'no-half-width-form', chars: ['ヰ'] } });
  });
  it('flags characters that are not kana at all', () => {
    expect(t('山田　タロウ')).toEqual({ ok: false, error: { kind: 'not-kana', chars: ['山', '田'] } });
  });
});

describe('wareki', () => {
  const part = (p: 'era' | 'year' | 'month' | 'day', v: string) =>
    applyTransform({ id: 'wareki', part: p }, v);
  it('splits a 昭和 date into initial, year, month and day without padding', () => {
    expect(['era', 'year', 'month', 'day'].map((p) => part(p as 'era', '1980-02-17'))).toEqual([
      { ok: true, value: 'S' },
      { ok: true, value: '55' },
      { ok: true, value: '2' },
      { ok: true, value: '17' },
    ]);
  });
  it('gets the era boundary days right', () => {
    expect(part('era', '1989-01-07')).toEqual({ ok: true, value: 'S' });
    expect(part('year', '1989-01-07')).toEqual({ ok: true, value: '64' });
    expect(part('era', '1989-01-08')).toEqual({ ok: true, value: 'H' });
    expect(part('year', '2019-04-30')).toEqual({ ok: true, value: '31' });
    expect(part('era', '2019-05-01')).toEqual({ ok: true, value: 'R' });
    expect(part('year', '2019-05-01')).toEqual({ ok: true, value: '1' }); // 令和元年
  });
  it('uses the screen’s own era codes when given', () => {
    const spec = { id: 'wareki', part: 'era', eraValues: { showa: '3', heisei: '4', reiwa: '5' } } as const;
    expect(applyTransform(spec, '2026-11-20')).toEqual({ ok: true, value: '5' });
    expect(applyTransform(spec, '1920-01-01')).toEqual({
      ok: false,
      error: { kind: 'no-mapping', value: '大正' },
    });
  });
  it('refuses dates that do not exist or precede 明治', () => {
    expect(part('era', '2026-02-30')).toEqual({
      ok: false,
      error: { kind: 'invalid-date', value: '2026-02-30' },
    });
    expect(part('era', '1860-01-01')).toEqual({
      ok: false,
      error: { kind: 'invalid-date', value: '1860-01-01' },
    });
  });
});

describe('postal-code', () => {
  it('splits 7 digits 3/4 and keeps leading zeros', () => {
    expect(applyTransform({ id: 'postal-code', part: 'first3' }, '0600001')).toEqual({
      ok: true,
      value: '060',
    });
    expect(applyTransform({ id: 'postal-code', part: 'last4' }, '1000013')).toEqual({
      ok: true,
      value: '0013',
    });
    expect(applyTransform({ id: 'postal-code', part: 'whole' }, '100-0013')).toEqual({
      ok: true,
      value: '1000013',
    });
  });
  it('flags anything but 7 digits', () => {
    expect(applyTransform({ id: 'postal-code', part: 'first3' }, '10000')).toEqual({
      ok: false,
      error: { kind: 'invalid-postal-code', value: '10000' },
    });
  });
});

describe('code-map', () => {
  const spec = { id: 'code-map', map: { '1': '1', '2': '2', '9': '9' } } as const;
  it('maps known codes and flags the rest (sex 0 不明 has no option on the demo screen)', () => {
    expect(applyTransform(spec, '2')).toEqual({ ok: true, value: '2' });
    expect(applyTransform(spec, '0')).toEqual({ ok: false, error: { kind: 'no-mapping', value: '0' } });
    expect(applyTransform(spec, 'toString')).toEqual({
      ok: false,
      error: { kind: 'no-mapping', value: 'toString' },
    });
  });
});

describe('the transform table', () => {
  it('knows its ids and nothing inherited', () => {
    expect(isKnownTransform('wareki')).toBe(true);
    expect(isKnownTransform('constructor')).toBe(false);
  });
});
