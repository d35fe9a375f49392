import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESIDENT } from '../../test/fixtures/applications.ts';
import { tennyu } from './catalogue/tennyu.ts';
import { accountHolderKana, accountNumber, applicantMyNumber, bankCode, moveDate, phone } from './fields.ts';
import type { FieldSpec } from './types.ts';
import { checkValue, normaliseValue, validateProcedure } from './validate.ts';

const TODAY = '2026-12-01';
const spec = (type: FieldSpec['type'], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  key: 'test.x',
  type,
  section: 'other',
  label: { ja: '項目', 'ja-easy': '項目', en: 'x', 'zh-Hans': 'x', ko: 'x', vi: 'x', pt: 'x' },
  ...extra,
});

describe('normalising what staff type', () => {
  it('digits: full-width, hyphens, spaces and brackets go', () => {
    expect(normaliseValue(spec('postal-code'), '〒１００－０００１'.replace('〒', ''))).toBe('1000001');
    expect(normaliseValue(phone, '(03) 1234-5678')).toBe('0312345678');
    expect(normaliseValue(accountNumber, '０１２ ３４５６')).toBe('0123456');
  });

  it('kana: hiragana becomes katakana; half-width kana from full-width or hiragana', () => {
    expect(normaliseValue(spec('kana'), 'やまだ たろう')).toBe('ヤマダ　タロウ');
    expect(normaliseValue(accountHolderKana, 'ヤマダ　タロウ')).toBe('ﾔﾏﾀﾞ ﾀﾛｳ');
    expect(normaliseValue(accountHolderKana, 'やまだ')).toBe('ﾔﾏﾀﾞ');
  });

  it('dates: 和暦 and 西暦 as typed become ISO', () => {
    expect(normaliseValue(moveDate, '令和8年11月20日')).toBe('2026-11-20');
    expect(normaliseValue(moveDate, 'R8.11.20')).toBe('2026-11-20');
    expect(normaliseValue(moveDate, '2026/11/20')).toBe('2026-11-20');
  });
});

describe('field checks', () => {
  it('My Number: the check digit decides', () => {
    expect(checkValue(applicantMyNumber, '123456789011', TODAY)).toContain('正しくありません');
    expect(checkValue(applicantMyNumber, '123456789018', TODAY)).toBeUndefined();
  });

  it('phone, bank code, account number, half-width holder', () => {
    expect(checkValue(phone, '0312345678', TODAY)).toBeUndefined();
    expect(checkValue(phone, '09012345678', TODAY)).toBeUndefined();
    expect(checkValue(phone, '12345', TODAY)).toContain('0から始まる');
    expect(checkValue(bankCode, '123', TODAY)).toContain('4桁');
    expect(checkValue(accountNumber, '123456', TODAY)).toContain('7桁');
    expect(checkValue(accountHolderKana, 'ﾔﾏﾀﾞ ﾀﾛｳ', TODAY)).toBeUndefined();
    expect(checkValue(accountHolderKana, 'ヤマダ', TODAY)).toContain('半角カタカナ');
  });

  it('dates: exist, and within the field bounds relative to the visit day', () => {
    expect(checkValue(moveDate, '2026-02-30', TODAY)).toContain('日付が正しくありません');
    expect(checkValue(moveDate, '2026-12-16', TODAY)).toContain('先の日付');
    expect(checkValue(moveDate, '2026-12-15', TODAY)).toBeUndefined();
    expect(checkValue(moveDate, '2025-11-30', TODAY)).toContain('古すぎます');
  });

  it('never throws, and every message ends a sentence', () => {
    const types: FieldSpec['type'][] = [
      'text',
      'kana',
      'half-kana',
      'date',
      'postal-code',
      'phone',
      'email',
      'integer',
      'my-number',
      'note',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.string(), (type, value) => {
        const m = checkValue(spec(type, { minValue: 0, maxValue: 10 }), value, TODAY);
        if (m !== undefined) expect(m.endsWith('。')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('validateProcedure', () => {
  it('accepts the fixture 転入届 and lists each problem with a Japanese next step', () => {
    expect(validateProcedure(tennyu, RESIDENT, TODAY)).toEqual([]);
    const problems = validateProcedure(
      tennyu,
      { ...RESIDENT, nameKana: 'yamada', sex: '3', address: '', moveDate: '20261120x' },
      TODAY,
    );
    expect(problems.map((p) => p.key)).toEqual(['nameKana', 'sex', 'address', 'moveDate']);
    expect(problems.every((p) => p.message.endsWith('。'))).toBe(true);
    expect(validateProcedure(tennyu, { ...RESIDENT, name: 'a\u0000b' }, TODAY)[0]?.message).toContain(
      '制御文字',
    );
  });

  it('checks every row of a group and names the row and column', () => {
    const movers = [
      ...(RESIDENT.movers as never[]),
      { name: '試験　次郎', nameKana: 'しけん', birthDate: '', sex: '1', relationship: 'child' },
    ];
    const problems = validateProcedure(tennyu, { ...RESIDENT, movers }, TODAY);
    expect(problems.some((p) => p.row === movers.length - 1 && p.column === 'birthDate')).toBe(true);
  });

  it('household: one 世帯主, and the named 世帯主 is the row marked so', () => {
    const [first] = RESIDENT.movers as readonly Record<string, string>[];
    const two = validateProcedure(
      tennyu,
      { ...RESIDENT, movers: [first, { ...first, name: '別　人', birthDate: '1960-01-01' }] },
      TODAY,
    );
    expect(two.map((p) => p.message).join()).toContain('世帯主は1人だけです');
    const other = validateProcedure(tennyu, { ...RESIDENT, householdHead: '別の　人' }, TODAY);
    expect(other.map((p) => p.message).join()).toContain('どちらかを直してください');
  });

  it('refuses wrong shapes and unknown keys without throwing', () => {
    expect(validateProcedure(tennyu, { ...RESIDENT, movers: 'x' }, TODAY)[0]?.message).toContain('形式');
    expect(validateProcedure(tennyu, { ...RESIDENT, name: 5 }, TODAY)[0]?.message).toContain('形式');
    expect(validateProcedure(tennyu, { ...RESIDENT, extra: 'x' }, TODAY)[0]?.message).toContain(
      'この手続にない項目',
    );
  });
});
