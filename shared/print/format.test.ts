import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_OPTIONS, SEX_OPTIONS } from '../procedures/fields.ts';
import {
  checkMark,
  chosenLabel,
  myNumberBoxes,
  paperRows,
  printedDate,
  printedOptions,
  printedPhone,
  printedPostalCode,
} from './format.ts';

describe('print formatting', () => {
  it('prints dates in 和暦 with the 西暦 beside, 元年 included', () => {
    expect(printedDate('1980-02-17')).toEqual({ wareki: '昭和55年2月17日', western: '1980年2月17日' });
    expect(printedDate('2019-05-01')).toEqual({ wareki: '令和元年5月1日', western: '2019年5月1日' });
    expect(printedDate('2019-04-30')?.wareki).toBe('平成31年4月30日');
    expect(printedDate('')).toBeUndefined();
    expect(printedDate('2025-02-30')).toBeUndefined();
  });

  it('prints postal codes with 〒 and the hyphen, and leaves an empty one for a pen', () => {
    expect(printedPostalCode('1000013')).toBe('〒100-0013');
    expect(printedPostalCode('')).toBe('〒　　　-　　　　');
    expect(printedPostalCode('10000')).toBe('〒10000');
  });

  it('hyphenates phone numbers only where the split is certain', () => {
    expect(printedPhone('09012345678')).toBe('090-1234-5678');
    expect(printedPhone('0312345678')).toBe('03-1234-5678');
    expect(printedPhone('0120123456')).toBe('0120-123-456');
    // 0467 (茅ヶ崎) is a 4-digit area code: a 2-4-4 split would be wrong, so the digits stay.
    expect(printedPhone('0467123456')).toBe('0467123456');
  });

  it('lists every option with the chosen ones checked', () => {
    expect(printedOptions(SEX_OPTIONS, '2', false)).toEqual([
      { label: '男', checked: false },
      { label: '女', checked: true },
    ]);
    expect(printedOptions(SEX_OPTIONS, '', false).every((o) => !o.checked)).toBe(true);
    const flags = printedOptions(RELATIONSHIP_OPTIONS, 'wife,child', true);
    expect(flags.filter((o) => o.checked).map((o) => o.label)).toEqual(['妻', '子']);
    expect(flags).toHaveLength(RELATIONSHIP_OPTIONS.length);
    // A choice value is one code: a comma in it does not check two boxes.
    expect(printedOptions(RELATIONSHIP_OPTIONS, 'wife,child', false).some((o) => o.checked)).toBe(false);
    expect(`${checkMark(true)}${checkMark(false)}`).toBe('☑☐');
    expect(chosenLabel(RELATIONSHIP_OPTIONS, 'head')).toBe('世帯主');
    expect(chosenLabel(RELATIONSHIP_OPTIONS, '')).toBe('');
  });

  it('fills the 12 My Number boxes only from a 12-character value', () => {
    expect(myNumberBoxes('●●●●●●●●5678')).toEqual([...'●●●●●●●●5678']);
    expect(myNumberBoxes('')).toEqual(Array(12).fill(''));
    expect(myNumberBoxes('12345')).toEqual(Array(12).fill(''));
  });

  it('gives a group exactly the rows of the paper form and refuses more', () => {
    const rows = paperRows([{ name: '甲' }, { name: '乙' }], 4);
    expect(rows).toEqual([{ name: '甲' }, { name: '乙' }, undefined, undefined]);
    expect(() => paperRows([{}, {}, {}], 2)).toThrow(/do not fit/);
  });
});
