// One box of a printed form: a small label in the corner and the value as the paper form shows it
// (formatting rules in shared/print/format.ts). Labels are printed in 明朝, typed values in ゴシック,
// so a reader tells the form's own print from what was filled in.
import { ja } from '../../shared/i18n/lang.ts';
import {
  checkMark,
  chosenLabel,
  myNumberBoxes,
  paperRows,
  printedDate,
  printedOptions,
  printedPhone,
  printedPostalCode,
} from '../../shared/print/format.ts';
import {
  type AnswerValue,
  type PrintCell as Cell,
  type FieldSpec,
  type GroupSpec,
  isGroup,
  type Option,
  type ProcedureDefinition,
} from '../../shared/procedures/types.ts';

const span = (n: number) => ({ gridColumn: `span ${n}` });

export function PrintCell({
  cell,
  procedure,
  value,
  signaturePng,
}: {
  readonly cell: Cell;
  readonly procedure: ProcedureDefinition;
  readonly value: AnswerValue | undefined;
  readonly signaturePng?: string | undefined;
}) {
  if ('text' in cell) {
    return (
      <div class="pf-cell pf-fixed" style={span(cell.span)}>
        {cell.text}
      </div>
    );
  }
  if ('signature' in cell) {
    return (
      <div class="pf-cell pf-signature" style={span(cell.span)} data-print="signature">
        <span class="pf-label">{cell.label ?? '署名'}</span>
        {signaturePng ? <img src={signaturePng} alt="署名" /> : <div class="pf-blank" />}
      </div>
    );
  }
  const field = procedure.fields.find((f) => f.name === cell.field);
  // A layout naming a field the procedure lacks is a catalogue bug: fail where it shows.
  if (!field) throw new Error(`${procedure.id}: the print layout names an unknown field "${cell.field}"`);
  const label = cell.label ?? ja(field.label ?? field.spec.label);
  const spec = field.spec;
  return (
    <div class={`pf-cell pf-${spec.type}`} style={span(cell.span)} data-print-field={field.name}>
      <span class="pf-label">{label}</span>
      {isGroup(spec) ? (
        <GroupTable spec={spec} rows={Array.isArray(value) ? value : []} />
      ) : (
        <FieldValue spec={spec} value={typeof value === 'string' ? value : ''} />
      )}
    </div>
  );
}

function FieldValue({ spec, value }: { readonly spec: FieldSpec; readonly value: string }) {
  switch (spec.type) {
    case 'date':
      return <DateValue value={value} />;
    case 'choice':
    case 'flags':
      return <Options options={spec.options ?? []} value={value} multiple={spec.type === 'flags'} />;
    case 'postal-code':
      return <div class="pf-value">{printedPostalCode(value)}</div>;
    case 'phone':
      return <div class="pf-value">{printedPhone(value)}</div>;
    case 'my-number':
      return (
        <div class="pf-boxes">
          {myNumberBoxes(value).map((c, i) => (
            <span key={i}>{c}</span>
          ))}
        </div>
      );
    case 'note':
      return <div class="pf-value pf-note">{value}</div>;
    default:
      return <div class="pf-value">{value}</div>;
  }
}

function DateValue({ value, compact = false }: { readonly value: string; readonly compact?: boolean }) {
  if (value === '')
    return <div class="pf-value pf-date-blank">{compact ? '　年　月　日' : '　　　年　　月　　日'}</div>;
  const d = printedDate(value);
  if (!d) return <div class="pf-value">{value}</div>;
  return (
    <div class="pf-value">
      {d.wareki}
      <small class="pf-western">{d.western}</small>
    </div>
  );
}

function Options({
  options,
  value,
  multiple,
  stacked = false,
}: {
  readonly options: readonly Option[];
  readonly value: string;
  readonly multiple: boolean;
  readonly stacked?: boolean;
}) {
  return (
    <div class={stacked ? 'pf-value pf-options pf-stacked' : 'pf-value pf-options'}>
      {printedOptions(options, value, multiple).map((o) => (
        <span key={o.label} class={o.checked ? 'pf-checked' : undefined}>
          <span class="pf-box" aria-hidden="true">
            {checkMark(o.checked)}
          </span>
          {o.label}
        </span>
      ))}
    </div>
  );
}

/**
 * A table column: one column of the group, or フリガナ printed over 氏名 in one box as the paper
 * forms have it (a kana column next to a text column), which leaves the width to the address.
 */
interface TableColumn {
  readonly main: FieldSpec;
  readonly kana?: FieldSpec | undefined;
}

function tableColumns(columns: readonly FieldSpec[]): TableColumn[] {
  const out: TableColumn[] = [];
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as FieldSpec;
    const next = columns[i + 1];
    if (c.type === 'text' && next?.type === 'kana') out.push({ main: c, kana: next });
    else if (c.type === 'kana' && next?.type === 'text') out.push({ main: next, kana: c });
    else {
      out.push({ main: c });
      continue;
    }
    i++;
  }
  return out;
}

// Widths of the narrow columns, from what they print at 9.5 pt: a full-width character is 3.4 mm,
// a half-width one 1.9 mm, a ☑ with its gap 3.6 mm, the cell's padding and rule 2.8 mm. Names and
// addresses share what is left.
const BOX_MM = 3.6;
const PAD_MM = 2.8;
const textMm = (s: string) =>
  [...s].reduce((w, ch) => w + (ch < '\u2000' || (ch >= '\uff61' && ch <= '\uff9f') ? 1.9 : 3.4), 0);
/** Beyond this many columns a table is tight: its options go one a line (☑同居 over ☐別居). */
const ROOMY_COLUMNS = 5;

/** Up to three options print all of them: side by side when short (☑男 ☐女), else one a line. */
function optionLayout(
  options: readonly Option[],
  roomy: boolean,
): { readonly width: number; readonly stacked: boolean } {
  const widths = options.map((o) => BOX_MM + textMm(ja(o.label)));
  const inline = widths.reduce((a, b) => a + b, 0) + 1.2 * (widths.length - 1) + PAD_MM + 0.6;
  if (roomy && inline <= 20) return { width: inline, stacked: false };
  return { width: Math.max(10, Math.max(...widths) + PAD_MM + 0.6), stacked: true };
}

function columnWidth(spec: FieldSpec, roomy: boolean): string | undefined {
  const options = spec.options ?? [];
  if ((spec.type === 'choice' || spec.type === 'flags') && options.length > 0) {
    // The 7 pt header on one line when it is short (同居・別居), on two when long (世帯主との続柄).
    const header = Math.min(16, textMm(ja(spec.label)) * (7 / 9.5)) + PAD_MM;
    if (options.length <= 3) return `${Math.max(header, optionLayout(options, roomy).width).toFixed(1)}mm`;
    // The chosen word only: as wide as the longest; in a tight table a long one takes two lines.
    const longest = Math.max(...options.map((o) => textMm(ja(o.label))));
    return `${Math.max(10, header, Math.min(roomy ? 22 : 16, longest) + PAD_MM).toFixed(1)}mm`;
  }
  return undefined; // date and my-number have their class's width
}

/** A list of people as the paper prints it: a header row and every row of the form, empty or not. */
function GroupTable({
  spec,
  rows,
}: {
  readonly spec: GroupSpec;
  readonly rows: readonly Record<string, string>[];
}) {
  const columns = tableColumns(spec.columns);
  const roomy = columns.length <= ROOMY_COLUMNS;
  return (
    <table class="pf-table">
      <thead>
        <tr>
          <th class="pf-rowno" />
          {columns.map(({ main, kana }) => {
            const width = columnWidth(main, roomy);
            return (
              <th key={main.key} class={`pf-col-${main.type}`} style={width ? { width } : undefined}>
                {kana ? <span class="pf-th-kana">{ja(kana.label)}</span> : null}
                {ja(main.label)}
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {paperRows(rows, spec.maxRows).map((row, i) => (
          <tr key={i}>
            <td class="pf-rowno">{i + 1}</td>
            {columns.map(({ main, kana }) => (
              <td key={main.key} class={`pf-col-${main.type}`}>
                {row && kana ? <div class="pf-value pf-kana-over">{row[kana.key] ?? ''}</div> : null}
                {row ? <TableValue spec={main} value={row[main.key] ?? ''} roomy={roomy} /> : null}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Table columns are narrow: up to three options are all printed (男・女), longer lists (続柄) print
// the chosen word, as staff write it on the paper 転入届.
function TableValue({
  spec,
  value,
  roomy,
}: {
  readonly spec: FieldSpec;
  readonly value: string;
  readonly roomy: boolean;
}) {
  if (spec.type === 'date') return <DateValue value={value} compact />;
  if ((spec.type === 'choice' || spec.type === 'flags') && spec.options) {
    if (spec.options.length <= 3)
      return (
        <Options
          options={spec.options}
          value={value}
          multiple={spec.type === 'flags'}
          stacked={optionLayout(spec.options, roomy).stacked}
        />
      );
    return (
      <div class="pf-value">
        {spec.type === 'flags'
          ? value
              .split(',')
              .map((v) => chosenLabel(spec.options ?? [], v))
              .join('・')
          : chosenLabel(spec.options, value)}
      </div>
    );
  }
  return <FieldValue spec={spec} value={value} />;
}
