// Field and cross-field checks shared by the tablet (before the resident signs) and the server
// (before storing). Messages are Japanese for staff and say what to fix.
import { ja } from '../i18n/lang.ts';
import { isValidMyNumber } from '../mynumber.ts';
import { hiraganaToKatakana, isHalfWidthKana, toHalfWidthKana } from '../text/kana.ts';
import { addDays, parseDateInput, parseIsoDate } from '../wareki.ts';
import { rowsOf, stringValue } from './fields.ts';
import {
  type AnswerValue,
  type CrossFieldRule,
  type DateBound,
  type FieldSpec,
  type GroupRow,
  type GroupSpec,
  isGroup,
  type ProcedureDefinition,
  type ProcedureField,
} from './types.ts';

export interface FieldProblem {
  readonly key: string; // the procedure's field name
  readonly label: string;
  readonly message: string; // Japanese, says what to do
  readonly row?: number; // for groups: 0-based row
  readonly column?: string;
}

// Full-width katakana, the long-vowel mark, middle dot and (ideographic) spaces.
const KATAKANA = /^[\u30A1-\u30FA\u30FC\u30FB\u3000 ]+$/u;
/** C0/C1 control characters (a note may keep its line breaks). */
function hasControl(s: string, allowNewline: boolean): boolean {
  for (const c of s) {
    const n = c.codePointAt(0) as number;
    if ((n < 0x20 && !(allowNewline && n === 0x0a)) || (n >= 0x7f && n <= 0x9f)) return true;
  }
  return false;
}
const DASHES = /[‐－ー−–—-]/gu;
const LIMITS: Partial<Record<FieldSpec['type'], number>> = {
  text: 100,
  kana: 100,
  'half-kana': 60,
  address: 200,
  email: 254,
  note: 1000,
};

function halfDigits(s: string): string {
  return s.replace(/[０-９]/gu, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** What staff type → the stored form (digits without hyphens, katakana from hiragana, ISO dates). */
export function normaliseValue(spec: FieldSpec, raw: string): string {
  const value = raw.normalize('NFC').trim();
  switch (spec.type) {
    case 'postal-code':
    case 'phone':
    case 'bank-code':
    case 'branch-code':
    case 'account-number':
    case 'my-number':
    case 'integer':
    case 'digits':
      return halfDigits(value)
        .replace(DASHES, '')
        .replace(/[\s（）()]/gu, '');
    case 'kana':
      return hiraganaToKatakana(value).replace(/ /gu, '　');
    case 'half-kana': {
      const half = toHalfWidthKana(hiraganaToKatakana(value).replace(/\u3000/gu, ' '));
      return half.ok ? half.value : value;
    }
    case 'date':
      return parseDateInput(value) ?? value;
    case 'note':
      return raw.normalize('NFC').replace(/\r\n?/gu, '\n').trim();
    default:
      return value;
  }
}

export function normaliseAnswer(spec: FieldSpec | GroupSpec, raw: AnswerValue): AnswerValue {
  if (isGroup(spec)) {
    const rows = Array.isArray(raw) ? raw : [];
    return rows.map((row) =>
      Object.fromEntries(spec.columns.map((c) => [c.key, normaliseValue(c, row[c.key] ?? '')])),
    );
  }
  return typeof raw === 'string' ? normaliseValue(spec, raw) : '';
}

function bound(b: DateBound, today: string): string {
  return 'iso' in b ? b.iso : addDays(today, b.daysFromToday);
}

/** The problem with one non-empty value of a field, or undefined. */
export function checkValue(
  spec: FieldSpec,
  value: string,
  today: string,
  label = ja(spec.label),
): string | undefined {
  if (hasControl(value, spec.type === 'note'))
    return `${label}に使えない制御文字が含まれています。入力し直してください。`;
  const limit = spec.maxLength ?? LIMITS[spec.type] ?? 40;
  if ([...value].length > limit) return `${label}は${limit}文字以内で入力してください。`;
  switch (spec.type) {
    case 'kana':
      return KATAKANA.test(value)
        ? undefined
        : `${label}は全角カタカナで入力してください（例：ヤマダ　タロウ）。`;
    case 'half-kana':
      return isHalfWidthKana(value) && /[\uFF66-\uFF9D]/u.test(value)
        ? undefined
        : `${label}は半角カタカナで入力してください（例：ﾔﾏﾀﾞ ﾀﾛｳ）。ヰ・ヱなど半角にない文字は金融機関の表記に合わせてください。`;
    case 'date': {
      if (!parseIsoDate(value))
        return `${label}の日付が正しくありません。西暦（2025-04-01）か和暦（令和7年4月1日、R7.4.1）で入力してください。`;
      if (spec.min && value < bound(spec.min, today))
        return `${label}が古すぎます（${bound(spec.min, today)}より後の日付を入力してください）。`;
      if (spec.max && value > bound(spec.max, today))
        return `${label}が先の日付すぎます（${bound(spec.max, today)}までの日付を入力してください）。`;
      return undefined;
    }
    case 'postal-code':
      return /^\d{7}$/.test(value) ? undefined : `${label}は7桁の数字で入力してください（例：100-0001）。`;
    case 'phone':
      return /^0\d{9,10}$/.test(value)
        ? undefined
        : `${label}は0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678、090-1234-5678）。`;
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
        ? undefined
        : `${label}の形式が正しくありません（例：name@example.jp）。`;
    case 'choice':
      return spec.options?.some((o) => o.value === value)
        ? undefined
        : `${label}を選択肢から選んでください。`;
    case 'flags': {
      const chosen = value.split(',');
      const ok =
        chosen.every((c) => spec.options?.some((o) => o.value === c)) &&
        new Set(chosen).size === chosen.length;
      return ok ? undefined : `${label}を選択肢から選んでください。`;
    }
    case 'integer': {
      if (!/^\d{1,9}$/.test(value)) return `${label}は数字で入力してください。`;
      const n = Number(value);
      if (spec.minValue !== undefined && n < spec.minValue)
        return `${label}は${spec.minValue}以上にしてください。`;
      if (spec.maxValue !== undefined && n > spec.maxValue)
        return `${label}は${spec.maxValue}以下にしてください。`;
      return undefined;
    }
    case 'digits':
      return spec.digits !== undefined && new RegExp(`^\\d{${spec.digits}}$`).test(value)
        ? undefined
        : `${label}は${spec.digits ?? ''}桁の数字で入力してください。`;
    case 'my-number':
      return isValidMyNumber(value)
        ? undefined
        : `${label}が正しくありません。12桁の数字を確認してください（最後の1桁は検査用の数字です）。`;
    case 'bank-code':
      return /^\d{4}$/.test(value)
        ? undefined
        : `${label}は4桁の数字です（通帳やキャッシュカードで確認してください）。`;
    case 'branch-code':
      return /^\d{3}$/.test(value)
        ? undefined
        : `${label}は3桁の数字です（ゆうちょ銀行は記号から読み替えた店番）。`;
    case 'account-number':
      return /^\d{7}$/.test(value)
        ? undefined
        : `${label}は7桁の数字で入力してください（7桁未満は前に0を付けます。ゆうちょ銀行は振込用の口座番号）。`;
    default:
      return undefined;
  }
}

function fieldLabel(field: ProcedureField): string {
  return ja(field.label ?? field.spec.label);
}

function checkGroup(
  field: ProcedureField,
  spec: GroupSpec,
  rows: readonly GroupRow[],
  today: string,
): FieldProblem[] {
  const label = fieldLabel(field);
  const problems: FieldProblem[] = [];
  const filled = rows.filter((r) => spec.columns.some((c) => (r[c.key] ?? '') !== ''));
  if (rows.length > spec.maxRows)
    problems.push({
      key: field.name,
      label,
      message: `${label}は${spec.maxRows}行までです。用紙を分けてください。`,
    });
  if (field.required && filled.length < Math.max(1, spec.minRows))
    problems.push({
      key: field.name,
      label,
      message: `${label}を${Math.max(1, spec.minRows)}行以上入力してください。`,
    });
  rows.forEach((row, i) => {
    if (!spec.columns.some((c) => (row[c.key] ?? '') !== '')) return;
    for (const key of Object.keys(row)) {
      if (!spec.columns.some((c) => c.key === key))
        problems.push({
          key: field.name,
          label,
          row: i,
          column: key,
          message: `${label}に不明な項目「${key.slice(0, 20)}」があります。`,
        });
    }
    for (const column of spec.columns) {
      const value = row[column.key] ?? '';
      const cellLabel = `${label}${i + 1}行目の${ja(column.label)}`;
      if (typeof value !== 'string') {
        problems.push({
          key: field.name,
          label,
          row: i,
          column: column.key,
          message: `${cellLabel}の形式が正しくありません。`,
        });
        continue;
      }
      const message =
        value === ''
          ? spec.requiredColumns.includes(column.key)
            ? `${cellLabel}を入力してください。`
            : undefined
          : checkValue(column, value, today, cellLabel);
      if (message) problems.push({ key: field.name, label, row: i, column: column.key, message });
    }
  });
  return problems;
}

/**
 * Every problem of one procedure's values, so the form can mark all fields at once. `today` is the
 * visit's date in Japan (the server passes the envelope's creation day, not its own).
 */
export function validateProcedure(
  procedure: ProcedureDefinition,
  values: Readonly<Record<string, unknown>>,
  today: string,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const typed: Record<string, AnswerValue> = {};
  for (const field of procedure.fields) {
    const raw = values[field.name];
    const label = fieldLabel(field);
    if (isGroup(field.spec)) {
      if (
        raw !== undefined &&
        (!Array.isArray(raw) || !raw.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)))
      ) {
        problems.push({ key: field.name, label, message: `${label}の形式が正しくありません。` });
        continue;
      }
      typed[field.name] = (raw as GroupRow[] | undefined) ?? [];
    } else {
      if (raw !== undefined && typeof raw !== 'string') {
        problems.push({ key: field.name, label, message: `${label}の形式が正しくありません。` });
        continue;
      }
      typed[field.name] = raw ?? '';
    }
  }
  if (problems.length > 0) return problems;

  for (const field of procedure.fields) {
    const value = typed[field.name] as AnswerValue;
    const label = fieldLabel(field);
    const shown = field.showIf ? field.showIf(typed) : true;
    const empty = Array.isArray(value) ? value.length === 0 : value === '';
    if (!shown) {
      if (!empty)
        problems.push({
          key: field.name,
          label,
          message: `${label}はこの申請では記入しません。空にしてください。`,
        });
      continue;
    }
    const required = field.required || (field.requiredIf?.(typed) ?? false);
    if (isGroup(field.spec)) {
      problems.push(...checkGroup({ ...field, required }, field.spec, value as readonly GroupRow[], today));
      continue;
    }
    if (value === '') {
      if (required) problems.push({ key: field.name, label, message: `${label}を入力してください。` });
      continue;
    }
    const message = checkValue(field.spec, value as string, today, label);
    if (message) problems.push({ key: field.name, label, message });
  }
  for (const key of Object.keys(values)) {
    if (!procedure.fields.some((f) => f.name === key))
      problems.push({
        key,
        label: key.slice(0, 40),
        message: `この手続にない項目「${key.slice(0, 40)}」が含まれています。`,
      });
  }
  // Cross-field rules only over values that passed their own checks: one message per cause.
  if (problems.length === 0) {
    for (const rule of procedure.rules) {
      const message = rule.check(typed, today);
      if (message) for (const key of rule.fields.slice(0, 1)) problems.push({ key, label: key, message });
    }
  }
  return problems;
}

/**
 * 世帯 consistency for forms with a list of people: 世帯主 at most once, the named 世帯主 matches
 * the row marked 世帯主, nobody twice.
 */
export function householdRules(names: { readonly movers: string; readonly head: string }): CrossFieldRule[] {
  return [
    {
      id: 'household-one-head',
      fields: [names.movers],
      check: (v) =>
        rowsOf(v, names.movers).filter((r) => r.relationship === 'head').length > 1
          ? '世帯主は1人だけです。続柄「世帯主」の行を1つにしてください。'
          : undefined,
    },
    {
      id: 'household-head-matches',
      fields: [names.head],
      check: (v) => {
        const head = rowsOf(v, names.movers).find((r) => r.relationship === 'head');
        const named = typeof v[names.head] === 'string' ? (v[names.head] as string) : '';
        return head && named !== '' && head.name !== named
          ? `世帯主氏名「${named}」と、続柄が世帯主の人「${head.name}」が違います。どちらかを直してください。`
          : undefined;
      },
    },
    {
      id: 'household-no-duplicates',
      fields: [names.movers],
      check: (v) => {
        const seen = new Set<string>();
        for (const r of rowsOf(v, names.movers)) {
          const id = `${r.name}|${r.birthDate}`;
          if (seen.has(id)) return `同じ人（${r.name}）が2回入っています。重なっている行を消してください。`;
          seen.add(id);
        }
        return undefined;
      },
    },
  ];
}

/**
 * No one in the list of people `rows` is born after the day of the event (`date`, as the form
 * names it in `dateName`): the 異動日 of a move, the 資格取得日 of joining 国保.
 */
export function bornBeforeRule(
  id: string,
  names: { readonly rows: string; readonly date: string; readonly dateName: string },
): CrossFieldRule {
  return {
    id,
    fields: [names.rows],
    check: (v) => {
      const date = stringValue(v, names.date);
      const r = rowsOf(v, names.rows).find((x) => date !== '' && (x.birthDate ?? '') > date);
      return r
        ? `「${r.name}」の生年月日が${names.dateName}より後です。生年月日か${names.dateName}を直してください。`
        : undefined;
    },
  };
}
