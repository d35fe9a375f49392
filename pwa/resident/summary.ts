// What the resident checks of one application: every field a resident may see (not staffOnly,
// asked at all by showIf), with its value as data. Choices are shown by their label in the
// resident's language; names and addresses as typed (they are Japanese data, not UI text).
import type { Text } from '../../shared/i18n/lang.ts';
import { printedPhone } from '../../shared/print/format.ts';
import {
  type AnswerValue,
  type FieldSpec,
  isGroup,
  type ProcedureDefinition,
  type ProcedureValues,
} from '../../shared/procedures/types.ts';
import { formatDateJa } from '../../shared/wareki.ts';

export type ShownValue =
  | { readonly kind: 'empty' }
  | { readonly kind: 'data'; readonly text: string }
  | { readonly kind: 'options'; readonly labels: readonly Text[] }
  | { readonly kind: 'my-number'; readonly text: string };

export interface ShownColumn {
  readonly key: string;
  readonly label: Text;
}

export type ShownField =
  | { readonly name: string; readonly label: Text; readonly kind: 'value'; readonly value: ShownValue }
  | {
      readonly name: string;
      readonly label: Text;
      readonly kind: 'group';
      readonly columns: readonly ShownColumn[];
      readonly rows: readonly (readonly ShownValue[])[];
    };

const MASK = '●';

/** My Number: only the last 4 digits, as on every screen but the entry box (番号法: least exposure). */
export function maskMyNumber(digits: string): string {
  return MASK.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
}

export function shownValue(spec: FieldSpec, raw: string): ShownValue {
  const value = raw.trim();
  if (value === '') return { kind: 'empty' };
  switch (spec.type) {
    case 'date':
      return { kind: 'data', text: formatDateJa(value) };
    case 'postal-code':
      return {
        kind: 'data',
        text: /^\d{7}$/u.test(value) ? `〒${value.slice(0, 3)}-${value.slice(3)}` : value,
      };
    case 'phone':
      return { kind: 'data', text: printedPhone(value) }; // 090-1111-2222, as on the printed form
    case 'my-number':
      return { kind: 'my-number', text: maskMyNumber(value) };
    case 'choice':
    case 'flags': {
      const codes = spec.type === 'flags' ? value.split(',').filter((c) => c !== '') : [value];
      const labels = codes.map((c) => spec.options?.find((o) => o.value === c)?.label);
      // A code the catalogue does not know is shown as stored rather than hidden.
      if (labels.some((l) => l === undefined)) return { kind: 'data', text: value };
      return { kind: 'options', labels: labels as Text[] };
    }
    default:
      return { kind: 'data', text: value };
  }
}

const asString = (v: AnswerValue | undefined): string => (typeof v === 'string' ? v : '');

export function residentSummary(procedure: ProcedureDefinition, values: ProcedureValues): ShownField[] {
  const out: ShownField[] = [];
  for (const field of procedure.fields) {
    const spec = field.spec;
    if (field.showIf && !field.showIf(values)) continue;
    const label = field.label ?? spec.label;
    if (!isGroup(spec)) {
      if (spec.staffOnly) continue;
      out.push({
        name: field.name,
        label,
        kind: 'value',
        value: shownValue(spec, asString(values[field.name])),
      });
      continue;
    }
    const columns = spec.columns.filter((c) => !c.staffOnly);
    const raw = values[field.name];
    const rows = (Array.isArray(raw) ? raw : [])
      .map((row) => columns.map((c) => shownValue(c, row[c.key] ?? '')))
      .filter((row) => row.some((v) => v.kind !== 'empty'));
    out.push(
      rows.length === 0
        ? { name: field.name, label, kind: 'value', value: { kind: 'empty' } }
        : {
            name: field.name,
            label,
            kind: 'group',
            columns: columns.map((c) => ({ key: c.key, label: c.label })),
            rows,
          },
    );
  }
  return out;
}
