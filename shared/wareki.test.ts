import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ERAS,
  formatDateJa,
  formatWareki,
  fromWareki,
  isoDateInJapan,
  parseDateInput,
  toWareki,
} from './wareki.ts';

describe('和暦', () => {
  it('takes the eras from @smarthr/wareki, oldest first, with the initials legacy forms print', () => {
    expect(ERAS.map((e) => [e.id, e.name, e.initial, e.start])).toEqual([
      ['meiji', '明治', 'M', '1873-01-01'], // the first Gregorian day in Japan, not the era's first day
      ['taisho', '大正', 'T', '1912-07-30'],
      ['showa', '昭和', 'S', '1926-12-25'],
      ['heisei', '平成', 'H', '1989-01-08'],
      ['reiwa', '令和', 'R', '2019-05-01'],
    ]);
  });

  it('converts across every era boundary (cards.md §1.7)', () => {
    expect(toWareki('1989-01-07')).toMatchObject({ era: { id: 'showa' }, year: 64, month: 1, day: 7 });
    expect(toWareki('1989-01-08')).toMatchObject({ era: { id: 'heisei' }, year: 1, month: 1, day: 8 });
    expect(toWareki('2019-04-30')).toMatchObject({ era: { id: 'heisei' }, year: 31 });
    expect(toWareki('2019-05-01')).toMatchObject({ era: { id: 'reiwa' }, year: 1 });
    expect(toWareki('1926-12-24')).toMatchObject({ era: { id: 'taisho' }, year: 15 });
    expect(toWareki('1926-12-25')).toMatchObject({ era: { id: 'showa' }, year: 1 });
    expect(toWareki('1912-07-29')).toMatchObject({ era: { id: 'meiji' }, year: 45 });
    expect(toWareki('1912-07-30')).toMatchObject({ era: { id: 'taisho' }, year: 1 });
    expect(toWareki('1873-01-01')).toMatchObject({ era: { id: 'meiji' }, year: 6, month: 1, day: 1 });
  });

  it('has no 和暦 for lunisolar-calendar days (before 1873) or for days that do not exist', () => {
    expect(toWareki('1872-12-31')).toBeUndefined();
    expect(toWareki('1868-01-24')).toBeUndefined();
    expect(toWareki('2025-02-29')).toBeUndefined();
    expect(toWareki('2025-4-1')).toBeUndefined();
  });

  it('goes back to 西暦 and refuses dates outside the era or the calendar', () => {
    expect(fromWareki('showa', 55, 2, 17)).toBe('1980-02-17');
    expect(fromWareki('reiwa', 7, 1, 2)).toBe('2025-01-02');
    expect(fromWareki('meiji', 6, 1, 1)).toBe('1873-01-01');
    expect(fromWareki('meiji', 45, 7, 29)).toBe('1912-07-29');
    expect(fromWareki('taisho', 1, 7, 30)).toBe('1912-07-30');
    expect(fromWareki('meiji', 45, 7, 30)).toBeUndefined(); // already 大正元年
    expect(fromWareki('meiji', 5, 12, 31)).toBeUndefined(); // lunisolar calendar
    expect(fromWareki('heisei', 1, 1, 7)).toBeUndefined(); // still 昭和64年
    expect(fromWareki('heisei', 31, 5, 1)).toBeUndefined(); // 令和元年 (the library's warekiToDate accepts it)
    expect(fromWareki('showa', 65, 1, 1)).toBeUndefined(); // 昭和 ended in its 64th year
    expect(fromWareki('reiwa', 6, 2, 30)).toBeUndefined();
    expect(fromWareki('reiwa', 7, 2, 29)).toBeUndefined(); // 2025 is not a leap year
    expect(fromWareki('reiwa', 6, 2, 29)).toBe('2024-02-29');
    expect(fromWareki('reiwa', 0, 1, 1)).toBeUndefined();
    expect(fromWareki('reiwa', 7, 13, 1)).toBeUndefined();
    expect(fromWareki('reiwa', 7, 1, 0)).toBeUndefined();
    expect(fromWareki('reiwa', 7.5, 1, 1)).toBeUndefined();
  });

  it('shows 和暦 next to 西暦, with 元年', () => {
    expect(formatDateJa('2019-05-01')).toBe('2019年5月1日（令和元年5月1日）');
    expect(formatDateJa('1980-02-17')).toBe('1980年2月17日（昭和55年2月17日）');
    expect(formatDateJa('1989-01-08')).toBe('1989年1月8日（平成元年1月8日）');
  });

  it('gives the date in Japan, which is 9 hours ahead of UTC', () => {
    expect(isoDateInJapan(new Date('2026-12-01T14:59:59Z'))).toBe('2026-12-01');
    expect(isoDateInJapan(new Date('2026-12-01T15:00:00Z'))).toBe('2026-12-02');
  });
});

describe('parseDateInput', () => {
  it.each([
    ['2025-04-01', '2025-04-01'],
    ['2025/4/1', '2025-04-01'],
    ['2025.4.1', '2025-04-01'],
    ['20250401', '2025-04-01'],
    ['2025年4月1日', '2025-04-01'],
    ['２０２５年４月１日', '2025-04-01'],
    [' 2025 / 4 / 1 ', '2025-04-01'],
    ['令和7年4月1日', '2025-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['令和１年５月１日', '2019-05-01'],
    ['R7.4.1', '2025-04-01'],
    ['r7/4/1', '2025-04-01'],
    ['Ｒ７．４．１', '2025-04-01'],
    ['R元.5.1', '2019-05-01'],
    ['H31.4.30', '2019-04-30'],
    ['S64.1.7', '1989-01-07'],
    ['h1.1.8', '1989-01-08'],
    ['大正元年7月30日', '1912-07-30'],
    ['T15.12.24', '1926-12-24'],
    ['M45.7.29', '1912-07-29'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseDateInput(input)).toBe(iso);
  });

  it.each([
    '',
    '令和',
    'R7',
    'R7.4',
    '2025-02-29',
    '2025-13-01',
    '20250230',
    '令和7年2月30日', // the library's warekiToDate turns this into 3月2日
    '平成31年5月1日', // the library's warekiToDate accepts this; it is 令和元年
    'H31.5.1',
    'S64.1.8',
    'M45.7.30',
    'M5.1.1', // lunisolar calendar
    'X7.4.1',
    '令和7年4月1日朝',
    '元年5月1日',
    '25/4/1',
  ])('refuses %j', (input) => {
    expect(parseDateInput(input)).toBeUndefined();
  });
});

describe('和暦 against the platform calendar', () => {
  const first = Date.UTC(1873, 0, 1);
  const last = Date.UTC(2100, 11, 31);
  const isoDay = fc.integer({ min: first / 86_400_000, max: last / 86_400_000 }).map((n) => {
    return new Date(n * 86_400_000).toISOString().slice(0, 10);
  });
  const intl = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', {
    era: 'long',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  // ICU prints 「令和1/5/1」 or 「令和元年5月1日」 depending on its version: compare the parts.
  const intlWareki = (iso: string) => {
    const parts = intl.formatToParts(new Date(`${iso}T00:00:00Z`));
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    const year = part('year');
    return `${part('era')}${year === '1' ? '元' : year}年${part('month')}月${part('day')}日`;
  };

  it('agrees with Intl ja-JP-u-ca-japanese on every day from 1873 to 2100', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        const w = toWareki(iso);
        expect(w).toBeDefined();
        expect(formatWareki(w as NonNullable<typeof w>)).toBe(intlWareki(iso));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Intl on the boundary days', () => {
    for (const iso of ['1912-07-29', '1912-07-30', '1926-12-24', '1926-12-25', '1989-01-07', '1989-01-08']) {
      expect(formatWareki(toWareki(iso) as NonNullable<ReturnType<typeof toWareki>>)).toBe(intlWareki(iso));
    }
    expect(intlWareki('2019-05-01')).toBe('令和元年5月1日');
  });

  it('reads back what it prints: parseDateInput(formatWareki(toWareki(d))) === d', () => {
    fc.assert(
      fc.property(isoDay, (iso) => {
        const w = toWareki(iso) as NonNullable<ReturnType<typeof toWareki>>;
        expect(parseDateInput(formatWareki(w))).toBe(iso);
        expect(parseDateInput(`${w.era.initial}${w.year}.${w.month}.${w.day}`)).toBe(iso);
        expect(fromWareki(w.era.id, w.year, w.month, w.day)).toBe(iso);
      }),
      { numRuns: 5000 },
    );
  });

  it('never reads a day twice: a 和暦 date past its era is refused', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ERAS.map((e) => e.id)),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (era, year, month, day) => {
          const iso = fromWareki(era, year, month, day);
          if (iso === undefined) return;
          expect(toWareki(iso)).toMatchObject({ era: { id: era }, year, month, day });
        },
      ),
      { numRuns: 5000 },
    );
  });
});
