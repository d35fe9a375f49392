// Shared specs and helpers of catalogue B (年金・口座・カード・介護・被災・ごみ): what several of
// these procedures ask of the same person goes here, so a visit asks it once. The visit-wide specs
// (name, address, bank account…) stay in fields.ts.
import type { Text } from '../i18n/lang.ts';
import { addDays, parseIsoDate } from '../wareki.ts';
import type { FieldSpec, Option, ProcedureField, ProcedureValues } from './types.ts';

/** A `Text` in the fixed language order: ja, やさしい日本語, en, zh-Hans, ko, vi, pt. */
export function text(ja: string, easy: string, en: string, zh: string, ko: string, vi: string, pt: string): Text {
  return { ja, 'ja-easy': easy, en, 'zh-Hans': zh, ko, vi, pt };
}

export function option(value: string, label: Text): Option {
  return { value, label };
}

/** A field's value as a string ('' for empty or a group). */
export function valueOf(v: ProcedureValues, name: string): string {
  const x = v[name];
  return typeof x === 'string' ? x : '';
}

/** The codes chosen in a 'flags' field. */
export function flagsOf(v: ProcedureValues, name: string): string[] {
  const x = valueOf(v, name);
  return x === '' ? [] : x.split(',');
}

/**
 * The day a person born on `birth` turns `years` (Feb 29 → Mar 1 in common years), as ISO.
 * Date.UTC rolls an impossible day over to the next month, which is the civil-law reading.
 */
export function birthday(birth: string, years: number): string | undefined {
  const d = parseIsoDate(birth);
  if (!d) return undefined;
  return new Date(Date.UTC(d.year + years, d.month - 1, d.day)).toISOString().slice(0, 10);
}

/**
 * Age in full years on `on`, the legal way (年齢計算ニ関スル法律): a year of age is reached at the
 * end of the day before the birthday, so 65歳に達した日 is the day before the 65th birthday.
 */
export function legalAge(birth: string, on: string): number | undefined {
  const b = parseIsoDate(birth);
  const d = parseIsoDate(addDays(on, 1));
  if (!b || !d) return undefined;
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

/** Digits of a number typed into a text field (基礎年金番号 1234-567890, 全角 allowed). */
export function digitsOf(s: string): string {
  return s.normalize('NFKC').replace(/[\s\-‐−－ー]/gu, '');
}

// ── 代理人 (the person who applies or receives on the resident's behalf) ───────────────────────
// One person per visit: the family member or care manager at the counter is the same 代理人 for
// the 介護認定申請, the card's 代理交付 and the 罹災証明書. Each procedure says when it applies.

export const agentName: FieldSpec = {
  key: 'applicant.agentName',
  type: 'text',
  section: 'applicant',
  maxLength: 60,
  label: text(
    '{代理人|だいりにん}の{氏名|しめい}',
    '{代|か}わりに{来|き}た{人|ひと}の{名前|なまえ}',
    "Agent's name",
    '代理人姓名',
    '대리인 성명',
    'Họ tên người đại diện',
    'Nome do representante',
  ),
};

export const agentRelationship: FieldSpec = {
  key: 'applicant.agentRelationship',
  type: 'text',
  section: 'applicant',
  maxLength: 30,
  label: text(
    '{本人|ほんにん}との{関係|かんけい}',
    '{本人|ほんにん}とどんな{関係|かんけい}ですか',
    'Relationship to the person concerned',
    '与本人的关系',
    '본인과의 관계',
    'Quan hệ với người đương sự',
    'Relação com o titular',
  ),
  help: text(
    '{長男|ちょうなん}、{妻|つま}、{介護支援専門員|かいごしえんせんもんいん}など',
    '{息子|むすこ}、{妻|つま}、ケアマネジャーなど',
    'E.g. eldest son, wife, care manager',
    '例如：长子、妻子、护理支援专员',
    '예: 장남, 아내, 케어매니저',
    'Ví dụ: con trai cả, vợ, người quản lý chăm sóc',
    'Ex.: filho mais velho, esposa, gestor de cuidados',
  ),
};

export const agentAddress: FieldSpec = {
  key: 'applicant.agentAddress',
  type: 'address',
  section: 'applicant',
  maxLength: 200,
  label: text(
    '{代理人|だいりにん}の{住所|じゅうしょ}',
    '{代|か}わりに{来|き}た{人|ひと}の{住所|じゅうしょ}',
    "Agent's address",
    '代理人住址',
    '대리인 주소',
    'Địa chỉ người đại diện',
    'Endereço do representante',
  ),
};

export const agentPhone: FieldSpec = {
  key: 'applicant.agentPhone',
  type: 'phone',
  section: 'applicant',
  label: text(
    '{代理人|だいりにん}の{電話番号|でんわばんごう}',
    '{代|か}わりに{来|き}た{人|ひと}の{電話番号|でんわばんごう}',
    "Agent's phone number",
    '代理人电话号码',
    '대리인 전화번호',
    'Số điện thoại người đại diện',
    'Telefone do representante',
  ),
};

/** The 代理人 block in form order. */
export const AGENT_FIELDS: readonly FieldSpec[] = [agentName, agentRelationship, agentAddress, agentPhone];

/**
 * The 代理人 block of one procedure, asked and required only when `applies` (a proxy acts):
 * fields agentName, agentRelationship, agentAddress, agentPhone.
 */
export function agentFields(applies: (v: ProcedureValues) => boolean): ProcedureField[] {
  return AGENT_FIELDS.map((spec) => ({
    name: spec.key.slice('applicant.'.length),
    spec,
    required: false,
    requiredIf: applies,
    showIf: applies,
  }));
}

// ── Answers that recur in the forms ─────────────────────────────────────────────────────────

export const YES: Text = text('はい', 'はい', 'Yes', '是', '예', 'Có', 'Sim');
export const NO: Text = text('いいえ', 'いいえ', 'No', '否', '아니요', 'Không', 'Não');

/** 希望する／希望しない, as the card application's boxes read. */
export const WISH_OPTIONS: readonly Option[] = [
  option(
    'yes',
    text('{希望|きぼう}する', 'ほしい', 'Yes, I want it', '希望', '희망함', 'Có, tôi muốn', 'Sim, desejo'),
  ),
  option(
    'no',
    text(
      '{希望|きぼう}しない',
      'いらない',
      "No, I don't want it",
      '不希望',
      '희망하지 않음',
      'Không, tôi không muốn',
      'Não desejo',
    ),
  ),
];
