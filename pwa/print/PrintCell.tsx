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
}: {
  readonly options: readonly Option[];
  readonly value: string;
  readonly multiple: boolean;
}) {
  return (
    <div class="pf-value pf-options">
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

/** A list of people as the paper prints it: a header row and every row of the form, empty or not. */
function GroupTable({
  spec,
  rows,
}: {
  readonly spec: GroupSpec;
  readonly rows: readonly Record<string, string>[];
}) {
  return (
    <table class="pf-table">
      <thead>
        <tr>
          <th class="pf-rowno" />
          {spec.columns.map((c) => (
            <th key={c.key} class={`pf-col-${c.type}`}>
              {ja(c.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {paperRows(rows, spec.maxRows).map((row, i) => (
          <tr key={i}>
            <td class="pf-rowno">{i + 1}</td>
            {spec.columns.map((c) => (
              <td key={c.key} class={`pf-col-${c.type}`}>
                {row ? <TableValue spec={c} value={row[c.key] ?? ''} /> : null}
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
function TableValue({ spec, value }: { readonly spec: FieldSpec; readonly value: string }) {
  if (spec.type === 'date') return <DateValue value={value} compact />;
  if ((spec.type === 'choice' || spec.type === 'flags') && spec.options) {
    if (spec.options.length <= 3)
      return <Options options={spec.options} value={value} multiple={spec.type === 'flags'} />;
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
