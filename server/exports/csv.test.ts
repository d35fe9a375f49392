// The CSV as an import or a spreadsheet reads it: RFC 4180 records, Japanese headers, choices
// with their labels, lists of people flattened, no My Number unless asked, formula injection
// neutralised, and a Shift_JIS file that holds exactly the values or leaves the application out.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ja } from '../../shared/i18n/lang.ts';
import { tennyu } from '../../shared/procedures/catalogue/tennyu.ts';
import { loadCatalogue } from '../../shared/procedures/registry.ts';
import { isGroup } from '../../shared/procedures/types.ts';
import { YAMADA } from '../../test/fixtures/applications.ts';
import { unencodableInCp932 } from './cp932.ts';
import { checkCp932, cp932Csv, csvField, csvRecord, csvTable, guardFormula, utf8Csv } from './csv.ts';
import { revealedMyNumberFields } from './layout.ts';
import { parseCsv } from './test-csv-parser.ts';
import { KAZOKU, kazokuApplication } from './test-procedure.ts';

const NUMBER = '123456789018'; // fictional, valid check digit
const CHILD_NUMBER = '111222333446';
const NO_MY_NUMBER = { includeMyNumber: false };

const utf8Text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const sjisText = (bytes: Uint8Array) => iconv.decode(Buffer.from(bytes), 'cp932');
const withoutBom = (s: string) => (s.startsWith('\uFEFF') ? s.slice(1) : s);

describe('RFC 4180 fields and records', () => {
  it('quotes only fields with a quote, a comma, CR or LF, and doubles the quote', () => {
    expect(csvField('山田　太郎')).toBe('山田　太郎');
    expect(csvField('')).toBe('');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('「"本町"」')).toBe('"「""本町""」"');
    expect(csvField('"')).toBe('""""');
    expect(csvField('1行目\n2行目')).toBe('"1行目\n2行目"');
    expect(csvField('a\rb')).toBe('"a\rb"');
    expect(csvField("it's")).toBe("it's");
  });

  it('ends every record in CRLF, also the last one', () => {
    expect(csvRecord(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
    const text = withoutBom(
      utf8Text(utf8Csv(csvTable(KAZOKU, [kazokuApplication({ name: '見本　一郎' })], NO_MY_NUMBER))),
    );
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(3); // header, one record, and nothing after the last CRLF
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});

describe('the UTF-8 file', () => {
  it('starts with the BOM (EF BB BF) so Excel reads it as UTF-8', () => {
    const bytes = utf8Csv(csvTable(KAZOKU, [], NO_MY_NUMBER));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(withoutBom(utf8Text(bytes)).startsWith('受付番号,')).toBe(true);
  });

  it('has one header of Japanese labels and the receipt columns first, received at in JST', () => {
    const app = kazokuApplication({ name: '見本　一郎', sex: '1', birthDate: '1980-02-17' });
    const [header, row] = parseCsv(withoutBom(utf8Text(utf8Csv(csvTable(KAZOKU, [app], NO_MY_NUMBER)))));
    expect(header).toEqual([
      '受付番号',
      '受付日時（日本時間）',
      '状態',
      '状態（表示）',
      '氏名',
      '性別',
      '性別（表示）',
      '生年月日',
      '理由',
      '理由（表示）',
      '備考',
      '家族1_氏名',
      '家族1_世帯主との続柄',
      '家族1_世帯主との続柄（表示）',
      '家族2_氏名',
      '家族2_世帯主との続柄',
      '家族2_世帯主との続柄（表示）',
    ]);
    expect(row?.slice(0, 8)).toEqual([
      app.receiptNumber,
      '2026-12-01 09:31:00', // 00:31 UTC
      'received',
      '受付済み',
      '見本　一郎',
      '1',
      '男', // the label without its furigana
      '1980-02-17', // dates stay ISO
    ]);
  });

  it('gives a choice its code and label, flags their codes and labels, a note its line breaks', () => {
    const app = kazokuApplication({
      name: '見本　一郎',
      sex: '2',
      reasons: 'move,school',
      note: '1行目, "引用"\n2行目',
    });
    const [, row] = parseCsv(withoutBom(utf8Text(utf8Csv(csvTable(KAZOKU, [app], NO_MY_NUMBER)))));
    expect(row?.slice(5, 11)).toEqual(['2', '女', '', 'move,school', '転勤、進学', '1行目, "引用"\n2行目']);
  });

  it('flattens a list of people to <label><row>_<column>, empty cells for missing rows', () => {
    const app = kazokuApplication({
      name: '見本　一郎',
      family: [{ name: '見本　一子', relationship: 'child' }],
    });
    const [header, row] = parseCsv(withoutBom(utf8Text(utf8Csv(csvTable(KAZOKU, [app], NO_MY_NUMBER)))));
    const cells = Object.fromEntries((header ?? []).map((h, i) => [h, row?.[i]]));
    expect(cells).toMatchObject({
      家族1_氏名: '見本　一子',
      家族1_世帯主との続柄: 'child',
      '家族1_世帯主との続柄（表示）': '子',
      家族2_氏名: '',
      家族2_世帯主との続柄: '',
      '家族2_世帯主との続柄（表示）': '',
    });
  });

  it('lays out a real 転入届 with its 6 rows of 異動する人, whatever an application fills', () => {
    const app = { ...kazokuApplication({}), fields: YAMADA };
    const table = csvTable(tennyu, [app], NO_MY_NUMBER);
    expect(table.header.filter((h) => h.startsWith('異動する人'))).toHaveLength(6 * 7);
    const cells = Object.fromEntries(table.header.map((h, i) => [h, table.rows[0]?.cells[i]]));
    expect(cells).toMatchObject({
      届出人氏名: '山田　太郎',
      異動する人2_氏名: '山田　花子',
      '異動する人2_世帯主との続柄（表示）': '妻',
      異動する人3_氏名: '',
      '電話番号（日中の連絡先）': '09012345678',
    });
  });

  it('widens a list that holds more rows than the form has (a definition changed), dropping none', () => {
    const family = [1, 2, 3].map((n) => ({ name: `見本　${n}子`, relationship: 'child' }));
    const table = csvTable(KAZOKU, [kazokuApplication({ name: '見本　一郎', family })], NO_MY_NUMBER);
    expect(table.header).toContain('家族3_氏名');
    expect(table.rows[0]?.cells).toContain('見本　3子');
  });
});

describe('the My Number', () => {
  const app = kazokuApplication({
    name: '番号　太郎',
    kojinBango: NUMBER,
    family: [{ name: '番号　一子', relationship: 'child', myNumber: CHILD_NUMBER }],
  });

  it('is left out by default: no column, no digits anywhere in the file', () => {
    const table = csvTable(KAZOKU, [app], NO_MY_NUMBER);
    const text = utf8Text(utf8Csv(table));
    expect(text).not.toContain(NUMBER);
    expect(text).not.toContain(CHILD_NUMBER);
    expect(text).not.toContain('個人番号');
    expect(revealedMyNumberFields(table.columns, app)).toEqual([]);
  });

  it('is in its own columns, list rows included, when asked for', () => {
    const table = csvTable(KAZOKU, [app], { includeMyNumber: true });
    const cells = Object.fromEntries(table.header.map((h, i) => [h, table.rows[0]?.cells[i]]));
    expect(cells).toMatchObject({
      '個人番号（マイナンバー）': NUMBER,
      '家族1_個人番号（マイナンバー）': CHILD_NUMBER,
      '家族2_個人番号（マイナンバー）': '',
    });
    expect(revealedMyNumberFields(table.columns, app)).toEqual(['kojinBango', 'family']);
  });
});

describe('formula injection', () => {
  it.each([
    ['=HYPERLINK("https://example.invalid","x")', `'=HYPERLINK("https://example.invalid","x")`],
    ['+cmd', "'+cmd"],
    ['-1+2', "'-1+2"], // Excel computes this
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['-', "'-"],
  ])('neutralises %j with a leading apostrophe', (value, written) => {
    expect(guardFormula(value)).toBe(written);
  });

  it.each([
    '-5',
    '+81312345678',
    '3.5',
    '-0.25',
    '2026-11-20',
    '0312345678',
    '1-2-3',
    'a=b',
    '＝全角は数式になりません',
    "'already",
    '',
  ])('leaves %j as it is (a number, a date, a phone number or plain text)', (value) => {
    expect(guardFormula(value)).toBe(value);
  });

  it('guards answers in the file, quoting where needed, and the CP932 file alike', () => {
    const app = kazokuApplication({ name: '=1+1', note: '@x, "y"' });
    const table = csvTable(KAZOKU, [app], NO_MY_NUMBER);
    expect(withoutBom(utf8Text(utf8Csv(table))).split('\r\n')[1]).toContain(`,'=1+1,`);
    const [, row] = parseCsv(sjisText(cp932Csv(table)));
    expect(row?.[4]).toBe("'=1+1");
    expect(row?.[10]).toBe(`'@x, "y"`);
  });
});

describe('the Shift_JIS (CP932) file', () => {
  const yoshida = kazokuApplication({ name: '𠮷田　花子' }); // 𠮷 U+20BB7 is outside CP932
  const takahashi = kazokuApplication({ name: '髙橋　一郎', note: '①番窓口～' }); // IBM and NEC extensions, FULLWIDTH TILDE
  const inFamily = kazokuApplication({
    name: '見本　一郎',
    family: [
      { name: '見本　一子', relationship: 'child' },
      { name: '𠮷野　次郎', relationship: 'child' },
    ],
  });
  const table = csvTable(KAZOKU, [yoshida, takahashi, inFamily], NO_MY_NUMBER);

  it('leaves out an application with an unencodable value and lists it by field and character', () => {
    const check = checkCp932(table);
    expect(check.refused).toEqual([yoshida.receiptNumber, inFamily.receiptNumber]);
    expect(check.problems).toEqual([
      {
        receiptNumber: yoshida.receiptNumber,
        field: '氏名',
        header: '氏名',
        characters: ['𠮷'],
        codePoints: ['U+20BB7'],
      },
      {
        receiptNumber: inFamily.receiptNumber,
        field: '家族',
        row: 2,
        column: '氏名',
        header: '家族2_氏名',
        characters: ['𠮷'],
        codePoints: ['U+20BB7'],
      },
    ]);
  });

  it('writes the others, and their bytes decode back to exactly the values', () => {
    const bytes = cp932Csv(table);
    expect([...bytes.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(sjisText(bytes));
    expect(records).toEqual([[...table.header], [...(table.rows[1]?.cells ?? [])]]);
    expect(records[1]?.[4]).toBe('髙橋　一郎');
    expect(Buffer.from(bytes).includes(Buffer.from([0xfb, 0xfc]))).toBe(true); // 髙 in the IBM extension
    expect(Buffer.from(bytes).includes(0x3f)).toBe(false); // no '?' stood in for anything
  });

  it('holds everything in UTF-8', () => {
    const records = parseCsv(withoutBom(utf8Text(utf8Csv(table))));
    expect(records.map((r) => r[4])).toEqual(['氏名', '𠮷田　花子', '髙橋　一郎', '見本　一郎']);
    expect(records[3]).toContain('𠮷野　次郎');
  });

  it.each([
    ['〜', 'U+301C', 'WAVE DASH: CP932 has ～ (U+FF5E) in its place'],
    ['−', 'U+2212', 'MINUS SIGN: the browser maps it to －, iconv-lite to ?'],
    ['¥', 'U+00A5', 'YEN SIGN: would be written as 0x5C and read back as \\'],
    ['‾', 'U+203E', 'OVERLINE: would be read back as ~'],
    ['😀', 'U+1F600', 'an emoji'],
  ])('counts %s (%s) as unencodable: %s', (c, codePoint) => {
    const app = kazokuApplication({ name: '見本　一郎', note: `1${c}3` });
    expect(checkCp932(csvTable(KAZOKU, [app], NO_MY_NUMBER)).problems).toEqual([
      expect.objectContaining({ field: '備考', characters: [c], codePoints: [codePoint] }),
    ]);
  });
});

describe('the catalogue', () => {
  it('has CP932-safe headers and choice labels in every procedure (a CP932 export never fails on them)', async () => {
    const { all } = await loadCatalogue();
    const problems: string[] = [];
    for (const procedure of all) {
      const table = csvTable(procedure, [], { includeMyNumber: true });
      problems.push(...table.header.filter((h) => unencodableInCp932(h).length > 0));
      for (const field of procedure.fields) {
        const specs = isGroup(field.spec) ? field.spec.columns : [field.spec];
        for (const o of specs.flatMap((spec) => spec.options ?? []))
          if (unencodableInCp932(ja(o.label)).length > 0) problems.push(`${procedure.id}: ${ja(o.label)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
