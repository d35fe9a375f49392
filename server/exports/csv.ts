// A procedure's applications as CSV (pure: no store, no clock). RFC 4180: records end in CRLF, a
// field holding '"', ',', CR or LF is quoted and its '"' doubled; one header row of Japanese
// labels, one record per application (columns: layout.ts).
// UTF-8 starts with a BOM, or Excel reads it as the ANSI code page. CP932 (Shift_JIS for the
// 基幹系 imports) is written only for applications whose every value it can hold: the others are
// left out whole and listed by field, never written with '?' in place of a character.
import type { UnencodableValue } from '../../shared/api.ts';
import type { ProcedureDefinition } from '../../shared/procedures/types.ts';
import { codePointLabel, encodeCp932, unencodableInCp932 } from './cp932.ts';
import { type ExportApplication, type ExportColumn, exportColumns, type LayoutOptions } from './layout.ts';

export const CRLF = '\r\n';
const UTF8_BOM = '\uFEFF';

/** One field, quoted when it must be (RFC 4180 §2.6, §2.7). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record with its CRLF. */
export function csvRecord(cells: readonly string[]): string {
  return `${cells.map(csvField).join(',')}${CRLF}`;
}

// Formula injection (CSV injection, CWE-1236): Excel, LibreOffice and Google Sheets read a cell
// that starts with = + - @ TAB or CR as a formula, so a resident's 「=HYPERLINK(…)」 in a note
// would run on a staff PC. Such a cell gets a leading apostrophe, which the spreadsheet reads
// as "this is text". A plain number (-5, +81312345678, 3.5) is left alone: a spreadsheet reads
// it as a number, never as a formula, and a legacy import needs it unchanged. Every other value
// starting with '-' is guarded, '-1+2' included (Excel computes that). Stored dates (ISO),
// phone numbers and codes start with a digit, so they are never touched.
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function guardFormula(cell: string): string {
  return FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

export interface CsvRow {
  readonly application: ExportApplication;
  /** The cells as written: formula-guarded, not yet quoted. */
  readonly cells: readonly string[];
}

export interface CsvTable {
  readonly columns: readonly ExportColumn[];
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
}

export function csvTable(
  procedure: ProcedureDefinition,
  applications: readonly ExportApplication[],
  options: LayoutOptions,
): CsvTable {
  const columns = exportColumns(procedure, applications, options);
  return {
    columns,
    header: columns.map((c) => guardFormula(c.header)),
    rows: applications.map((application) => ({
      application,
      cells: columns.map((c) => guardFormula(c.value(application))),
    })),
  };
}

function csvText(header: readonly string[], rows: readonly CsvRow[]): string {
  return csvRecord(header) + rows.map((r) => csvRecord(r.cells)).join('');
}

/** Everything, in UTF-8 with a BOM. */
export function utf8Csv(table: CsvTable): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(UTF8_BOM + csvText(table.header, table.rows));
}

/** What one application holds that CP932 cannot: one entry per cell. */
export function unencodableValues(table: CsvTable, row: CsvRow): UnencodableValue[] {
  const problems: UnencodableValue[] = [];
  row.cells.forEach((cell, i) => {
    const characters = unencodableInCp932(cell);
    const column = table.columns[i];
    if (characters.length === 0 || !column) return;
    const source = column.source ?? { field: column.header };
    problems.push({
      receiptNumber: row.application.receiptNumber,
      field: source.field,
      ...(source.row === undefined ? {} : { row: source.row }),
      ...(source.column === undefined ? {} : { column: source.column }),
      header: column.header,
      characters,
      codePoints: characters.map(codePointLabel),
    });
  });
  return problems;
}

export interface Cp932Check {
  /** The rows CP932 can hold, in export order. */
  readonly kept: readonly CsvRow[];
  /** The applications left out, as receipt numbers, in export order. */
  readonly refused: readonly string[];
  readonly problems: readonly UnencodableValue[];
}

/** Which applications CP932 can hold, and a report on the others. */
export function checkCp932(table: CsvTable): Cp932Check {
  // Headers come from the catalogue, whose labels a test keeps CP932-safe: one that is not is
  // a bug, and no file is better than a file with a broken header.
  const badHeader = table.header.find((h) => unencodableInCp932(h).length > 0);
  if (badHeader !== undefined) throw new Error('CP932 export: a column header cannot be encoded');
  const kept: CsvRow[] = [];
  const refused: string[] = [];
  const problems: UnencodableValue[] = [];
  for (const row of table.rows) {
    const found = unencodableValues(table, row);
    if (found.length === 0) kept.push(row);
    else {
      refused.push(row.application.receiptNumber);
      problems.push(...found);
    }
  }
  return { kept, refused, problems };
}

/** The CSV of the rows `checkCp932` kept. No BOM: Shift_JIS has none. */
export function cp932Csv(table: CsvTable, check: Cp932Check = checkCp932(table)): Uint8Array<ArrayBuffer> {
  return encodeCp932(csvText(table.header, check.kept));
}
