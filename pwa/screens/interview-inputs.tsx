// The inputs of the interview (pwa/screens/Interview.tsx): one per field type, and the table of a
// group field. They own no state: the interview holds the answers and the problems.
import type { ComponentChildren } from 'preact';
import { ja } from '../../shared/i18n/lang.ts';
import type { FieldSpec, GroupRow, GroupSpec } from '../../shared/procedures/types.ts';
import type { VisitProblem } from '../../shared/procedures/visit.ts';
import { postalLookup } from '../address/postal-lookup.ts';
import { DateField } from '../components/fields/DateField.tsx';
import { PostalCodeField } from '../components/fields/PostalCodeField.tsx';

/** Up to 4 choices are radio buttons, more a select; flags are always checkboxes. */
export function rendersAsGroup(spec: FieldSpec): boolean {
  return spec.type === 'flags' || (spec.type === 'choice' && (spec.options?.length ?? 0) <= 4);
}

/** Radio buttons and checkboxes are a fieldset named by its legend; other inputs have a label. */
export function FieldWrapper(props: { choice: boolean; describedBy: string; children: ComponentChildren }) {
  return props.choice ? (
    <fieldset class="choice-field" aria-describedby={props.describedBy}>
      {props.children}
    </fieldset>
  ) : (
    props.children
  );
}

export function FieldLabel(props: {
  id: string;
  label: string;
  required: boolean;
  source: 'card' | 'derived' | 'staff';
  spec: FieldSpec;
}) {
  const badge = { card: 'カード', derived: '自動', staff: '職員入力' }[props.source];
  const asLegend = rendersAsGroup(props.spec);
  const content = (
    <>
      {props.label}
      {props.required && <span class="required">（必須）</span>}
      <span class={`badge ${props.source}`}>{badge}</span>
    </>
  );
  return asLegend ? (
    <legend class="label" id={`${props.id}-label`}>
      {content}
    </legend>
  ) : (
    <label for={props.id}>{content}</label>
  );
}

const DIGITS = new Set([
  'postal-code',
  'phone',
  'bank-code',
  'branch-code',
  'account-number',
  'integer',
  'my-number',
]);

interface FieldInputProps {
  readonly id: string;
  readonly spec: FieldSpec;
  readonly value: string;
  readonly invalid: boolean;
  readonly describedBy: string;
  readonly onInput: (v: string) => void;
  readonly onAddress?: (address: string) => boolean;
  /** Inside a table: the column label as the accessible name. */
  readonly ariaLabel?: string;
}

export function FieldInput({
  id,
  spec,
  value,
  invalid,
  describedBy,
  onInput,
  onAddress,
  ariaLabel,
}: FieldInputProps) {
  const common = {
    id,
    'data-testid': id,
    'aria-invalid': invalid ? ('true' as const) : ('false' as const),
    'aria-describedby': describedBy,
    ...(ariaLabel ? { 'aria-label': ariaLabel } : {}),
  };
  switch (spec.type) {
    case 'date':
      return (
        <DateField
          id={id}
          value={value}
          invalid={invalid}
          describedBy={describedBy}
          onInput={onInput}
          {...(ariaLabel ? { ariaLabel } : {})}
        />
      );
    case 'postal-code':
      return (
        <PostalCodeField
          id={id}
          value={value}
          invalid={invalid}
          describedBy={describedBy}
          onInput={onInput}
          lookup={postalLookup}
          onAddress={(a) => onAddress?.(a.text) ?? false}
          {...(ariaLabel ? { ariaLabel } : {})}
        />
      );
    case 'choice': {
      const options = spec.options ?? [];
      if (!rendersAsGroup(spec) || ariaLabel)
        return (
          <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
            <option value="">選択してください</option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {ja(o.label)}
              </option>
            ))}
          </select>
        );
      return (
        <div class="choices">
          {options.map((o, i) => (
            <label key={o.value} class="choice">
              <input
                type="radio"
                name={id}
                id={i === 0 ? id : undefined}
                data-testid={`${id}-${o.value}`}
                value={o.value}
                checked={value === o.value}
                aria-invalid={invalid ? 'true' : 'false'}
                onChange={() => onInput(o.value)}
              />
              {ja(o.label)}
            </label>
          ))}
        </div>
      );
    }
    case 'flags': {
      const chosen = value === '' ? [] : value.split(',');
      const toggle = (v: string) =>
        onInput(
          (spec.options ?? [])
            .map((o) => o.value)
            .filter((x) => (x === v ? !chosen.includes(x) : chosen.includes(x)))
            .join(','),
        );
      return (
        <div class="choices">
          {(spec.options ?? []).map((o, i) => (
            <label key={o.value} class="choice">
              <input
                type="checkbox"
                id={i === 0 ? id : undefined}
                data-testid={`${id}-${o.value}`}
                checked={chosen.includes(o.value)}
                onChange={() => toggle(o.value)}
              />
              {ja(o.label)}
            </label>
          ))}
        </div>
      );
    }
    case 'note':
      return <textarea {...common} rows={3} value={value} onInput={(e) => onInput(e.currentTarget.value)} />;
    default:
      return (
        <input
          {...common}
          // The My Number is hidden from onlookers at the counter.
          type={(spec.type === 'my-number' ? 'password' : spec.type === 'email' ? 'email' : 'text') as 'text'}
          autocomplete="off"
          inputMode={DIGITS.has(spec.type) ? 'numeric' : undefined}
          value={value}
          maxLength={spec.maxLength ? spec.maxLength + 20 : undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      );
  }
}

export function GroupInput(props: {
  id: string;
  spec: GroupSpec;
  label: string;
  required: boolean;
  rows: readonly GroupRow[];
  problems: readonly VisitProblem[];
  describedBy: string;
  onChange: (rows: GroupRow[]) => void;
}) {
  const { id, spec, rows } = props;
  const shown: GroupRow[] = rows.length > 0 ? [...rows] : [{}];
  const setCell = (i: number, key: string, v: string) =>
    props.onChange(shown.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  return (
    <fieldset class="group-field" aria-describedby={props.describedBy}>
      <legend class="label" id={`${id}-label`}>
        {props.label}
        {props.required && <span class="required">（必須）</span>}
      </legend>
      <table class="group-table" data-testid={id}>
        <thead>
          <tr>
            <th scope="col">#</th>
            {spec.columns.map((c) => (
              <th scope="col" key={c.key}>
                {ja(c.label)}
              </th>
            ))}
            <th scope="col">
              <span class="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row, i) => (
            <tr key={i}>
              <td>{i + 1}</td>
              {spec.columns.map((c) => {
                const cellProblems = props.problems.filter((x) => x.row === i && x.column === c.key);
                return (
                  <td key={c.key}>
                    <FieldInput
                      id={`${id}-${i}-${c.key}`}
                      spec={c}
                      value={row[c.key] ?? ''}
                      invalid={cellProblems.length > 0}
                      describedBy={props.describedBy}
                      ariaLabel={`${i + 1}行目 ${ja(c.label)}`}
                      onInput={(v) => setCell(i, c.key, v)}
                    />
                  </td>
                );
              })}
              <td>
                <button
                  type="button"
                  onClick={() => props.onChange(shown.filter((_, j) => j !== i))}
                  disabled={shown.length <= 1}
                  data-testid={`${id}-remove-${i}`}
                >
                  削除<span class="visually-hidden">（{i + 1}行目）</span>
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => props.onChange([...shown, {}])}
        disabled={shown.length >= spec.maxRows}
        data-testid={`${id}-add`}
      >
        行を追加（最大{spec.maxRows}行）
      </button>
    </fieldset>
  );
}
