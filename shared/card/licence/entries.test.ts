import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.ts';
import { encodeEntriesFile, toEraDate } from './card-files.ts';
import { parseEraDate, parseLicenceEntries } from './entries.ts';
import { LICENCE_PERSONAS } from './personas.ts';

// A minimal DF1/EF01 written by hand from cards.md §2.3 (1-byte tag, 1-byte length, FF filler).
const MINIMAL = [
  '12 0A 4C 48 35 76 21 21 42 40 4F 3A', // 氏名 免許　太郎 (JIS X 0208)
  '16 07 33 35 30 30 34 30 31', // 生年月日 "3500401" = 昭和50年4月1日
  '17 04 45 6C 35 7E', // 住所 東京
  '1B 07 35 31 30 30 35 30 31', // 有効期間の末日 "5100501" = 令和10年5月1日
  '21 0C 39 39 30 30 30 30 30 30 30 30 31 31', // 免許証番号 990000000011
  'FF FF FF FF',
].join(' ');

const TODAY = '2025-06-01';

describe('parseLicenceEntries (DF1/EF01, cards.md §2.3)', () => {
  it('parses hand-written entry bytes', () => {
    expect(parseLicenceEntries(fromHex(MINIMAL), { today: TODAY })).toEqual({
      ok: true,
      value: {
        name: '免許　太郎',
        birthDate: '1975-04-01',
        address: '東京',
        expiryDate: '2028-05-01',
        expired: false,
        licenceNumber: '990000000011',
        conditions: [],
        classes: [],
        gaiji: [],
      },
    });
  });

  it('reads the optional entries: kana, dates, colour, conditions, commission, class dates, JIS edition', () => {
    const bytes = fromHex(
      [
        '11 01 78', // JIS C 6226-1978
        '12 04 3B 6E 38 33', // 試験
        '13 00', // 呼び名: empty
        '15 04 25 22 25 24', // 統一氏名 アイ
        '16 07 34 30 31 30 31 30 38', // 平成元年1月8日
        '17 02 45 6C',
        '18 07 35 30 31 30 35 30 31', // 交付 令和元年5月1日
        '19 04 30 31 32 33', // 照会番号 0123
        '1A 04 4D 25 4E 49', // 優良
        '1B 07 35 31 30 30 35 30 31',
        '1C 06 34 63 36 40 45 79', // 眼鏡等
        '1E 04 4A 64 44 30', // 補聴 (条件3; 条件2 absent)
        '20 04 45 6C 35 7E',
        '21 0C 39 39 30 30 30 30 30 30 30 30 32 32',
        '22 07 35 30 30 30 30 30 30', // 二・小・原: not held
        '26 07 33 36 34 30 31 30 37', // 普通 昭和64年1月7日
        '27 07 34 33 31 30 34 33 30', // 大特 平成31年4月30日
      ].join(' '),
    );
    const parsed = parseLicenceEntries(bytes, { today: TODAY });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value).toMatchObject({
      jisEdition: '78',
      name: '試験',
      nameKana: 'アイ',
      birthDate: '1989-01-08',
      issueDate: '2019-05-01',
      referenceNumber: '0123',
      colour: '優良',
      conditions: ['眼鏡等', '補聴'],
      commission: '東京',
      classes: [
        { licenceClass: '普通', date: '1989-01-07' },
        { licenceClass: '大特', date: '2019-04-30' },
      ],
    });
    expect(parsed.value.callName).toBeUndefined();
  });

  it('flags a licence whose 有効期間の末日 is before today (the last day itself is still valid)', () => {
    const on = (today: string) => {
      const parsed = parseLicenceEntries(fromHex(MINIMAL), { today });
      return parsed.ok && parsed.value.expired;
    };
    expect(on('2028-05-01')).toBe(false);
    expect(on('2028-05-02')).toBe(true);
    expect(parseLicenceEntries(fromHex(MINIMAL), { today: '2025-13-01' })).toEqual({
      ok: false,
      error: { kind: 'bad-today' },
    });
  });

  it('lists 外字 per field so staff check the card face', () => {
    const bytes = fromHex(MINIMAL.replace('12 0A 4C 48 35 76 21 21 42 40 4F 3A', '12 04 FF F1 4C 6E'));
    const parsed = parseLicenceEntries(bytes, { today: TODAY });
    expect(parsed.ok && parsed.value.name).toBe('〓野');
    expect(parsed.ok && parsed.value.gaiji).toEqual([
      { field: 'name', marks: [{ kind: 'gaiji', index: 0, number: 1, code: 0xfff1 }] },
    ]);
  });

  it.each([
    [
      'a missing 氏名',
      MINIMAL.replace('12 0A 4C 48 35 76 21 21 42 40 4F 3A ', ''),
      { kind: 'missing-entry', tag: 0x12 },
    ],
    ['a truncated value', '12 0A 4C 48', { kind: 'truncated', offset: 0 }],
    ['a tag without length', `${MINIMAL.replace(/ FF FF FF FF$/, '')} 19`, { kind: 'truncated', offset: 50 }],
    ['a duplicate tag', `12 02 4C 48 ${MINIMAL}`, { kind: 'duplicate-tag', tag: 0x12 }],
    [
      'odd-length JIS text',
      MINIMAL.replace('17 04 45 6C 35 7E', '17 03 45 6C 35'),
      { kind: 'bad-text', tag: 0x17, error: { kind: 'odd-length', length: 3 } },
    ],
    ['era digit 6', MINIMAL.replace('1B 07 35', '1B 07 36'), { kind: 'bad-date', tag: 0x1b }],
    [
      'a 平成 date past its end',
      MINIMAL.replace('16 07 33 35 30 30 34 30 31', '16 07 34 33 31 30 35 30 31'),
      { kind: 'bad-date', tag: 0x16 },
    ],
    [
      'a "not held" birth date',
      MINIMAL.replace('16 07 33 35 30 30 34 30 31', '16 07 33 30 30 30 30 30 30'),
      { kind: 'bad-date', tag: 0x16 },
    ],
    [
      'an 11-digit licence number',
      MINIMAL.replace('21 0C 39 39', '21 0B 39'),
      { kind: 'bad-number', tag: 0x21 },
    ],
  ])('rejects %s with a typed error', (_what, hex, error) => {
    expect(parseLicenceEntries(fromHex(hex), { today: TODAY })).toEqual({ ok: false, error });
  });

  it('never throws on arbitrary bytes, nor on mutated real files (fuzz)', () => {
    const real = LICENCE_PERSONAS.map(encodeEntriesFile);
    const mutated = fc
      .tuple(
        fc.constantFrom(...real),
        fc.array(fc.tuple(fc.nat(879), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      )
      .map(([file, edits]) => {
        const copy = Uint8Array.from(file);
        for (const [at, value] of edits) copy[at] = value;
        return copy;
      });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 900 }), mutated), (bytes) => {
        const parsed = parseLicenceEntries(bytes, { today: TODAY });
        if (!parsed.ok) expect(typeof parsed.error.kind).toBe('string');
      }),
      { numRuns: 5000 },
    );
  });
});

describe('era dates: era digit + YYMMDD (cards.md §2.3)', () => {
  it.each([
    ['4140913', '2002-09-13'], // the cards.md example: 平成14年9月13日
    ['1450729', '1912-07-29'], // 明治45年7月29日, the last day of 明治
    ['2010730', '1912-07-30'], // 大正元年7月30日
    ['2151224', '1926-12-24'], // 大正15年12月24日
    ['3011225', '1926-12-25'], // 昭和元年12月25日
    ['3640107', '1989-01-07'], // 昭和64年1月7日
    ['4010108', '1989-01-08'], // 平成元年1月8日
    ['4310430', '2019-04-30'], // 平成31年4月30日
    ['5010501', '2019-05-01'], // 令和元年5月1日
    ['5000000', 'not-held'],
  ])('%s → %s', (text, iso) => {
    expect(parseEraDate(text)).toBe(iso);
  });

  it.each(['3640108', '4310501', '5010430', '4000229', '5070230', '0010101', '6010101', '401010', 'A140913'])(
    'rejects %s (outside its era, no such day, bad era or shape)',
    (text) => {
      expect(parseEraDate(text)).toBeUndefined();
    },
  );

  it('toEraDate (emulator) and parseEraDate agree on every day from 明治 to 令和 (fuzz)', () => {
    const day = fc.date({
      min: new Date('1873-01-01T00:00:00Z'),
      max: new Date('2099-12-31T00:00:00Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseEraDate(toEraDate(iso))).toBe(iso);
      }),
      { numRuns: 3000 },
    );
  });
});
