import { describe, expect, it } from 'vitest';
import { PROCEDURES } from './index.ts';
import { tennyu } from './tennyu.ts';
import { normaliseField, validateFields } from './validate.ts';

describe('procedure catalogue', () => {
  it('every procedure has unique field keys, Japanese labels and sane limits', () => {
    for (const p of PROCEDURES) {
      const keys = p.fields.map((f) => f.key);
      expect(new Set(keys).size, p.id).toBe(keys.length);
      for (const f of p.fields) {
        expect(f.label, `${p.id}.${f.key}`).toMatch(/[ぁ-んァ-ン一-龯]/);
        expect(f.maxLength, `${p.id}.${f.key}`).toBeGreaterThan(0);
      }
    }
  });
});

describe('field rules', () => {
  it('normalises what staff type: postal code hyphens and full-width digits', () => {
    expect(normaliseField('postal-code', '１００－０００１')).toBe('1000001');
    expect(normaliseField('postal-code', ' 100-0013 ')).toBe('1000013');
    expect(normaliseField('text', '  山田　太郎 ')).toBe('山田　太郎');
  });

  it('accepts a complete 転入届 and lists each problem with a Japanese next step', () => {
    const ok = {
      name: '山田　太郎',
      nameKana: 'ヤマダ　タロウ',
      birthDate: '1980-02-17',
      sex: '1',
      previousAddress: '東京都千代田区霞が関１丁目２番１３号',
      postalCode: '1000013',
      address: '東京都千代田区霞が関３丁目１番１号',
      moveDate: '2026-11-20',
    };
    expect(validateFields(tennyu, ok)).toEqual([]);
    const problems = validateFields(tennyu, {
      ...ok,
      nameKana: 'yamada',
      sex: '3',
      address: '',
      moveDate: '20261120',
    });
    expect(problems.map((p) => p.key)).toEqual(['nameKana', 'sex', 'address', 'moveDate']);
    expect(problems.every((p) => p.message.endsWith('。'))).toBe(true);
    expect(validateFields(tennyu, { ...ok, name: 'a\u0000b' })[0]?.message).toContain('制御文字');
  });
});
