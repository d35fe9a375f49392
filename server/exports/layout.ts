// The column layout of a procedure's export (pure): the receipt columns, then every field in the
// procedure's definition order, with Japanese headers as staff read them on the form.
// - a choice (or flags) field gives its stored code and a 「（表示）」 column with the Japanese label;
// - a list of people (group) is flattened to `<label>1_<column>` … `<label><maxRows>_<column>`,
//   empty cells for missing rows, so every application has the same columns;
// - My Number fields and columns are left out unless the export asks for them (with a reason).
// Dates stay ISO (YYYY-MM-DD) as stored: the legacy imports read 西暦.
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from '../../shared/api.ts';
import { ja } from '../../shared/i18n/lang.ts';
import {
  type AnswerValue,
  type FieldSpec,
  isGroup,
  type ProcedureDefinition,
  type ProcedureField,
} from '../../shared/procedures/types.ts';

/** One stored application as the export reads it. */
export interface ExportApplication {
  readonly id: string;
  readonly receiptNumber: string;
  readonly receivedAt: string; // ISO 8601, UTC
  readonly status: ApplicationStatus;
  readonly fields: Readonly<Record<string, AnswerValue>>;
}

/** Where a cell's value comes from, in the words of the form (for the encodability report). */
export interface CellSource {
  readonly field: string; // the field's Japanese label
  readonly row?: number; // 1-based, for a list of people
  readonly column?: string; // the column's Japanese label
}

export interface ExportColumn {
  readonly header: string;
  /** undefined for the receipt columns (受付番号, 受付日時, 状態), which hold no answers. */
  readonly source?: CellSource;
  /** The procedure's field name this column reads (for the My Number reveal audit). */
  readonly fieldName?: string;
  readonly myNumber: boolean;
  readonly value: (application: ExportApplication) => string;
}

export interface LayoutOptions {
  readonly includeMyNumber: boolean;
}

const DISPLAY = '（表示）';

const STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = APPLICATION_STATUS_LABELS;

/** 2026-12-01T00:31:00.000Z → 2026-12-01 09:31:00 (JST is UTC+9 all year, no daylight saving). */
export function tokyoDateTime(iso: string): string {
  const tokyo = new Date(Date.parse(iso) + 9 * 3600_000);
  return tokyo.toISOString().slice(0, 19).replace('T', ' ');
}

/** The Japanese label of a stored choice code; several for flags (「a,b」 → 「Ａ、Ｂ」). */
function optionLabels(spec: FieldSpec, value: string): string {
  if (value === '') return '';
  const codes = spec.type === 'flags' ? value.split(',') : [value];
  // A code the options do not know (cannot pass validation) gets an empty label; its code
  // column still shows it, so nothing is hidden.
  return codes
    .map((code) => spec.options?.find((o) => o.value === code))
    .map((o) => (o ? ja(o.label) : ''))
    .join('、');
}

const hasLabels = (spec: FieldSpec) => spec.type === 'choice' || spec.type === 'flags';

const stringIn = (v: AnswerValue | undefined): string => (typeof v === 'string' ? v : '');
const rowsIn = (v: AnswerValue | undefined) => (Array.isArray(v) ? v : []);

/** The value columns of one spec (a field or a group column): itself, and its 表示 if a choice. */
function specColumns(
  header: string,
  spec: FieldSpec,
  source: CellSource,
  fieldName: string,
  read: (a: ExportApplication) => string,
): ExportColumn[] {
  const myNumber = spec.type === 'my-number';
  const own: ExportColumn = { header, source, fieldName, myNumber, value: read };
  if (!hasLabels(spec)) return [own];
  return [
    own,
    {
      header: `${header}${DISPLAY}`,
      source,
      fieldName,
      myNumber,
      value: (a) => optionLabels(spec, read(a)),
    },
  ];
}

/**
 * A group's rows: its maxRows (the paper form's rows), or more if a stored application has more
 * (the definition changed after it was received): a row is never dropped without a trace.
 */
function rowCount(field: ProcedureField, maxRows: number, applications: readonly ExportApplication[]) {
  return applications.reduce((n, a) => Math.max(n, rowsIn(a.fields[field.name]).length), maxRows);
}

function fieldColumns(
  field: ProcedureField,
  applications: readonly ExportApplication[],
  options: LayoutOptions,
): ExportColumn[] {
  const label = ja(field.label ?? field.spec.label);
  const spec = field.spec;
  if (!isGroup(spec)) {
    if (spec.type === 'my-number' && !options.includeMyNumber) return [];
    return specColumns(label, spec, { field: label }, field.name, (a) => stringIn(a.fields[field.name]));
  }
  const columns = spec.columns.filter((c) => c.type !== 'my-number' || options.includeMyNumber);
  const out: ExportColumn[] = [];
  for (let row = 1; row <= rowCount(field, spec.maxRows, applications); row++) {
    for (const column of columns) {
      const columnLabel = ja(column.label);
      out.push(
        ...specColumns(
          `${label}${row}_${columnLabel}`,
          column,
          { field: label, row, column: columnLabel },
          field.name,
          (a) => rowsIn(a.fields[field.name])[row - 1]?.[column.key] ?? '',
        ),
      );
    }
  }
  return out;
}

/** Every column of the export, in order. `applications` only widens a group that outgrew its form. */
export function exportColumns(
  procedure: ProcedureDefinition,
  applications: readonly ExportApplication[],
  options: LayoutOptions,
): ExportColumn[] {
  const receipt: ExportColumn[] = [
    { header: '受付番号', myNumber: false, value: (a) => a.receiptNumber },
    { header: '受付日時（日本時間）', myNumber: false, value: (a) => tokyoDateTime(a.receivedAt) },
    { header: '状態', myNumber: false, value: (a) => a.status },
    { header: `状態${DISPLAY}`, myNumber: false, value: (a) => STATUS_LABELS[a.status] },
  ];
  return [...receipt, ...procedure.fields.flatMap((f) => fieldColumns(f, applications, options))];
}

/** The fields of an application whose My Number the export shows (non-empty My Number cells). */
export function revealedMyNumberFields(
  columns: readonly ExportColumn[],
  application: ExportApplication,
): string[] {
  const names = columns
    .filter((c) => c.myNumber && c.fieldName !== undefined && c.value(application) !== '')
    .map((c) => c.fieldName as string);
  return [...new Set(names)];
}
