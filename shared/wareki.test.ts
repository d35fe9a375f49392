import { describe, expect, it } from 'vitest';
import { formatDateJa, fromWareki, isoDateInJapan, toWareki } from './wareki.ts';

describe('和暦', () => {
  it('converts across every era boundary (cards.md §1.7)', () => {
    expect(toWareki('1989-01-07')).toMatchObject({ era: { id: 'showa' }, year: 64, month: 1, day: 7 });
    expect(toWareki('1989-01-08')).toMatchObject({ era: { id: 'heisei' }, year: 1 });
    expect(toWareki('2019-04-30')).toMatchObject({ era: { id: 'heisei' }, year: 31 });
    expect(toWareki('2019-05-01')).toMatchObject({ era: { id: 'reiwa' }, year: 1 });
    expect(toWareki('1926-12-25')).toMatchObject({ era: { id: 'showa' }, year: 1 });
    expect(toWareki('1912-07-29')).toMatchObject({ era: { id: 'meiji' }, year: 45 });
    expect(toWareki('1868-01-24')).toBeUndefined();
  });

  it('goes back to 西暦 and refuses dates outside the era or the calendar', () => {
    expect(fromWareki('showa', 55, 2, 17)).toBe('1980-02-17');
    expect(fromWareki('reiwa', 7, 1, 2)).toBe('2025-01-02');
    expect(fromWareki('heisei', 1, 1, 7)).toBeUndefined(); // still 昭和64年
    expect(fromWareki('showa', 65, 1, 1)).toBeUndefined(); // 昭和 ended in its 64th year
    expect(fromWareki('reiwa', 6, 2, 30)).toBeUndefined();
    expect(fromWareki('reiwa', 0, 1, 1)).toBeUndefined();
  });

  it('shows 和暦 next to 西暦, with 元年', () => {
    expect(formatDateJa('2019-05-01')).toBe('2019年5月1日（令和元年5月1日）');
    expect(formatDateJa('1980-02-17')).toBe('1980年2月17日（昭和55年2月17日）');
  });

  it('gives the date in Japan, which is 9 hours ahead of UTC', () => {
    expect(isoDateInJapan(new Date('2026-12-01T14:59:59Z'))).toBe('2026-12-01');
    expect(isoDateInJapan(new Date('2026-12-01T15:00:00Z'))).toBe('2026-12-02');
  });
});
