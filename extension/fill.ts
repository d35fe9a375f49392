// The fill engine: puts an application's fields into a legacy screen following a recipe, the way
// a person would (value, then input and change events), and reports every field. It never
// submits: staff review the screen and press the system's own button.
import type { AnswerValue } from '../shared/procedures/types.ts';
import { shiftJisByteLength, unencodableInShiftJis } from '../shared/text/sjis.ts';
import { applyTransform, type TransformProblem } from './recipes/transforms.ts';
import type { FieldRule, PageEncoding, Recipe } from './recipes/types.ts';

export type FillProblem =
  | TransformProblem
  | { readonly kind: 'source-empty' }
  /** The field holds rows (a list of people), which no single box can take. */
  | { readonly kind: 'source-is-list' }
  | { readonly kind: 'unencodable'; readonly chars: readonly string[]; readonly encoding: PageEncoding }
  | { readonly kind: 'too-many-bytes'; readonly bytes: number; readonly limit: number }
  | { readonly kind: 'too-long'; readonly length: number; readonly limit: number }
  | { readonly kind: 'no-option'; readonly value: string }
  | { readonly kind: 'not-editable' }
  | { readonly kind: 'unsupported-element'; readonly tag: string };

export type FieldOutcome =
  | { readonly status: 'filled'; readonly value: string }
  | { readonly status: 'flagged'; readonly problem: FillProblem }
  | { readonly status: 'missing' };

export interface FieldReport {
  readonly label: string;
  readonly selector: string;
  readonly source: string;
  readonly outcome: FieldOutcome;
}

export interface FillReport {
  readonly recipeId: string;
  readonly fields: readonly FieldReport[];
}

type Fillable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

// localName rather than instanceof: the document may belong to another realm (a frame, or the
// page world seen from a content script's isolated world).
function asFillable(el: Element): Fillable | undefined {
  if (el.localName === 'input' || el.localName === 'select' || el.localName === 'textarea')
    return el as Fillable;
  return undefined;
}

/** Checks that the value survives the trip to the legacy server byte for byte. */
function checkEncoding(rule: FieldRule, encoding: PageEncoding, value: string): FillProblem | undefined {
  if (encoding !== 'shift_jis') return undefined;
  const chars = unencodableInShiftJis(value);
  // The browser would send these as "&#134071;" and the legacy database would keep that text.
  if (chars.length > 0) return { kind: 'unencodable', chars, encoding };
  const bytes = shiftJisByteLength(value);
  if (rule.maxBytes !== undefined && bytes > rule.maxBytes)
    return { kind: 'too-many-bytes', bytes, limit: rule.maxBytes };
  return undefined;
}

function checkElement(el: Fillable, value: string): FillProblem | undefined {
  if (el.disabled || ('readOnly' in el && el.readOnly)) return { kind: 'not-editable' };
  if (el.localName === 'select') {
    const options = Array.from((el as HTMLSelectElement).options);
    return options.some((o) => o.value === value) ? undefined : { kind: 'no-option', value };
  }
  const limit = (el as HTMLInputElement).maxLength;
  // A script-set value bypasses maxlength; the screen would have refused it from the keyboard.
  if (limit >= 0 && value.length > limit) return { kind: 'too-long', length: value.length, limit };
  return undefined;
}

function setValueLikeAUser(el: Fillable, value: string): void {
  if (el.value === value) return;
  // The prototype's own setter, so frameworks that wrap the instance's value (React's value
  // tracker, react/react#10135) see the change; old pages get the same input/change sequence.
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el), 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

function clearFlagged(el: Fillable): void {
  // Emptied, not left alone: a value from the previous application must never stay on screen
  // next to this resident's data. Staff type the flagged field by hand.
  if (el.localName === 'select') {
    const select = el as HTMLSelectElement;
    if (Array.from(select.options).some((o) => o.value === '')) setValueLikeAUser(select, '');
    else if (select.selectedIndex !== -1) {
      select.selectedIndex = -1;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    return;
  }
  if (!el.disabled && !('readOnly' in el && el.readOnly)) setValueLikeAUser(el, '');
}

function fillField(
  doc: Document,
  rule: FieldRule,
  encoding: PageEncoding,
  source: AnswerValue,
): FieldOutcome {
  const found = doc.querySelector(rule.selector);
  if (!found) return { status: 'missing' };
  const el = asFillable(found);
  if (!el) return { status: 'flagged', problem: { kind: 'unsupported-element', tag: found.localName } };
  const flag = (problem: FillProblem): FieldOutcome => {
    clearFlagged(el);
    return { status: 'flagged', problem };
  };
  if (typeof source !== 'string') return flag({ kind: 'source-is-list' });
  if (source === '') return flag({ kind: 'source-empty' });
  const transformed = applyTransform(rule.transform, source);
  if (!transformed.ok) return flag(transformed.error);
  const value = transformed.value;
  const problem = checkEncoding(rule, encoding, value) ?? checkElement(el, value);
  if (problem) return flag(problem);
  setValueLikeAUser(el, value);
  return { status: 'filled', value };
}

/**
 * Fills every field rule of `recipe` from `fields` (an application's values by field name), in
 * recipe order so that pages whose change handlers rebuild later selects see them in sequence.
 */
export function fillPage(
  doc: Document,
  recipe: Recipe,
  fields: Readonly<Record<string, AnswerValue>>,
): FillReport {
  const reports = recipe.fields.map((rule) => ({
    label: rule.label,
    selector: rule.selector,
    source: rule.source,
    outcome: fillField(doc, rule, recipe.encoding, fields[rule.source] ?? ''),
  }));
  return { recipeId: recipe.id, fields: reports };
}

export function countOutcomes(report: FillReport): Record<FieldOutcome['status'], number> {
  const counts = { filled: 0, flagged: 0, missing: 0 };
  for (const f of report.fields) counts[f.outcome.status]++;
  return counts;
}
