// Field checks shared by the tablet (before the resident signs) and the server (before storing).
import { parseIsoDate } from '../wareki.ts';
import type { FieldDefinition, FieldInput, ProcedureDefinition } from './types.ts';

export interface FieldProblem {
  readonly key: string;
  readonly label: string;
  readonly message: string; // Japanese, says what to do
}

// Full-width katakana, the long-vowel mark, middle dot and (ideographic) spaces.
const KATAKANA = /^[\u30A1-\u30FA\u30FC\u30FB\u3000 ]+$/u;
const CONTROL = /\p{Cc}/u;

/** Normalises what staff type into the stored form (postal code without hyphen, trimmed text). */
export function normaliseField(input: FieldInput, raw: string): string {
  const value = raw.normalize('NFC').trim();
  if (input === 'postal-code') return value.replace(/[‐－ー−-]/gu, '').replace(/[０-９]/gu, fullToHalfDigit);
  return value;
}

function fullToHalfDigit(c: string): string {
  return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
}

function checkField(field: FieldDefinition, value: string): string | undefined {
  if (value === '') return field.required ? `${field.label}を入力してください。` : undefined;
  if (CONTROL.test(value)) return `${field.label}に使えない制御文字が含まれています。入力し直してください。`;
  if ([...value].length > field.maxLength)
    return `${field.label}は${field.maxLength}文字以内で入力してください。`;
  switch (field.input) {
    case 'kana':
      return KATAKANA.test(value) ? undefined : `${field.label}は全角カタカナで入力してください。`;
    case 'date':
      return parseIsoDate(value) ? undefined : `${field.label}の日付が正しくありません（例：2026-04-01）。`;
    case 'postal-code':
      return /^\d{7}$/.test(value)
        ? undefined
        : `${field.label}は7桁の数字で入力してください（例：100-0001）。`;
    case 'sex':
      return ['0', '1', '2', '9'].includes(value) ? undefined : `${field.label}の値が正しくありません。`;
    default:
      return undefined;
  }
}

/** Returns every problem, so the form can mark all fields at once. */
export function validateFields(
  procedure: ProcedureDefinition,
  values: Readonly<Record<string, unknown>>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const field of procedure.fields) {
    const raw = values[field.key];
    if (raw !== undefined && typeof raw !== 'string') {
      problems.push({
        key: field.key,
        label: field.label,
        message: `${field.label}の形式が正しくありません。`,
      });
      continue;
    }
    const message = checkField(field, raw ?? '');
    if (message) problems.push({ key: field.key, label: field.label, message });
  }
  for (const key of Object.keys(values)) {
    if (!procedure.fields.some((f) => f.key === key)) {
      problems.push({ key, label: key, message: `この手続にない項目「${key}」が含まれています。` });
    }
  }
  return problems;
}

export const SEX_LABELS: Readonly<Record<string, string>> = {
  '1': '男',
  '2': '女',
  '9': '適用不能',
  '0': '不明',
};
