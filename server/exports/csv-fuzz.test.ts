// Property tests: whatever text the fields hold (quotes, commas, CR, LF, formula starts, 𠮷, a
// BOM), the CSV keeps its shape — read back by a strict RFC 4180 reader it gives one record per
// application with exactly the cells written — and the CP932 file either holds an application's
// values exactly or leaves it out with the reason listed.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkCp932, cp932Csv, csvTable, guardFormula, utf8Csv } from './csv.ts';
import { parseCsv } from './test-csv-parser.ts';
import { KAZOKU, kazokuApplication } from './test-procedure.ts';

const RUNS = 300;
// Random text seldom hits what breaks a CSV or an encoding: mix it in on purpose.
const TRICKY = [
  '"',
  '""',
  ',',
  '\r',
  '\n',
  '\r\n',
  '=',
  '+',
  '-',
  '@',
  '\t',
  "'",
  ' ',
  '\uFEFF',
  '𠮷',
  '髙',
  '①',
  '〜',
  '～',
  '−',
  '¥',
  '😀',
];
// Lone surrogates cannot be stored (server/text-rules.ts), so no application holds one.
const cell = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom(...TRICKY),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join('').replace(/\p{Cs}/gu, ''));

const answers = fc.record({
  name: cell,
  sex: cell,
  birthDate: cell,
  kojinBango: cell,
  reasons: cell,
  note: cell,
  family: fc.array(fc.record({ name: cell, relationship: cell, myNumber: cell }), { maxLength: 3 }),
});

const applications = fc.array(answers, { maxLength: 5 }).map((list) => list.map(kazokuApplication));
const NAME = 4; // 受付番号, 受付日時, 状態, 状態（表示）, then 氏名
const NOTE = 11; // … 性別, 性別（表示）, 生年月日, 個人番号, 理由, 理由（表示）, then 備考

describe('CSV structure under arbitrary field text', () => {
  it('reads back in UTF-8 as the header and one record per application, cell for cell', () => {
    fc.assert(
      fc.property(applications, (apps) => {
        const table = csvTable(KAZOKU, apps, { includeMyNumber: true });
        const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8Csv(table));
        expect(text.startsWith('\uFEFF')).toBe(true);
        const records = parseCsv(text.slice(1));
        expect(records).toEqual([table.header, ...table.rows.map((r) => r.cells)]);
        expect(table.header[NOTE]).toBe('備考');
        apps.forEach((app, i) => {
          expect(records[i + 1]?.[NAME]).toBe(guardFormula(app.fields.name as string));
          expect(records[i + 1]?.[NOTE]).toBe(guardFormula(app.fields.note as string));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('reads back in CP932 exactly for the applications written, and lists why for the others', () => {
    fc.assert(
      fc.property(applications, (apps) => {
        const table = csvTable(KAZOKU, apps, { includeMyNumber: true });
        const check = checkCp932(table);
        const records = parseCsv(iconv.decode(Buffer.from(cp932Csv(table, check)), 'cp932'));
        expect(records).toEqual([table.header, ...check.kept.map((r) => r.cells)]);
        expect(check.kept.length + check.refused.length).toBe(apps.length);
        for (const receiptNumber of check.refused) {
          const row = table.rows.find((r) => r.application.receiptNumber === receiptNumber);
          const problems = check.problems.filter((p) => p.receiptNumber === receiptNumber);
          expect(problems.length).toBeGreaterThan(0);
          for (const p of problems) {
            const written = row?.cells[table.header.indexOf(p.header)] ?? '';
            for (const c of p.characters) expect(written).toContain(c);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });
});
