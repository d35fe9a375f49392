// A procedure (手続) is typed data: its fields, where each comes from, how it is checked, which
// attachments 情報連携 makes omittable, whether the law needs the My Number, and its A4 layout.
// One procedure per file in `catalogue/`; `registry.ts` lists them and a meta-test checks each.
//
// Once-only entry: a field is a `FieldSpec` with a visit-wide `key` ('applicant.name'). Several
// procedures that use the same spec ask it once; each procedure names it in its own application
// (`ProcedureField.name`) and may word it its own way (`label`). See `visit.ts`.
import type { Text } from '../i18n/lang.ts';

/** What the card reading gives (券面事項入力補助AP, licence): the card's own attribute names. */
export type CardAttribute = 'name' | 'birthDate' | 'sex' | 'address' | 'myNumber';
export type CardAttributes = Readonly<Partial<Record<CardAttribute, string>>>;

export type FieldType =
  | 'text' // free text on one line (names in kanji, place names)
  | 'kana' // 全角カタカナ (フリガナ)
  | 'half-kana' // 半角カタカナ (口座名義 as banks hold it)
  | 'date' // ISO YYYY-MM-DD; entered and shown as 和暦 and 西暦 side by side
  | 'postal-code' // 7 digits, no hyphen; fills the address offline
  | 'address' // full address text
  | 'phone' // Japanese phone number, digits only after normalisation
  | 'email'
  | 'choice' // one of `options`
  | 'flags' // several of `options`, stored as the chosen values joined by ','
  | 'integer' // digits only, bounded by min/max
  | 'digits' // a number of exactly `digits` digits kept as text (基礎年金番号, 被保険者番号, 申請書ID)
  | 'my-number' // 12 digits with the check digit; masked everywhere but the entry box
  | 'bank-code' // 金融機関コード, 4 digits
  | 'branch-code' // 支店コード, 3 digits
  | 'account-number' // 口座番号, 7 digits (ゆうちょ: 8-digit 番号 with a 5-digit 記号 in branch-code's place)
  | 'note'; // several lines of free text (備考)

export interface Option {
  readonly value: string; // stored code ('1', 'futsu'): never shown
  readonly label: Text;
}

/** Dates relative to the day of the visit, or fixed ISO dates. */
export type DateBound = { readonly daysFromToday: number } | { readonly iso: string };

/** All answers of one visit, by spec key. Group answers are rows keyed by column key. */
export type GroupRow = Readonly<Record<string, string>>;
export type AnswerValue = string | readonly GroupRow[];
export type Answers = Readonly<Record<string, AnswerValue>>;

export type Section =
  | 'applicant' // 申請者・届出人
  | 'move' // 異動（引越し）
  | 'household' // 世帯
  | 'contact' // 連絡先
  | 'bank' // 振込先口座
  | 'child' // 児童
  | 'care' // 介護
  | 'disaster' // 被災
  | 'other'; // the procedure's own questions

export interface FieldSpec {
  /** Visit-wide identity: `applicant.name` for shared fields, `<procedureId>.<name>` for own ones. */
  readonly key: string;
  readonly type: FieldType;
  readonly label: Text;
  readonly help?: Text;
  readonly section: Section;
  /** Filled from this card attribute when the card has it; staff may correct it (marked). */
  readonly card?: CardAttribute;
  readonly maxLength?: number;
  readonly options?: readonly Option[];
  /** Dates: earliest and latest allowed; integers: numbers in `minValue`/`maxValue`. */
  readonly min?: DateBound;
  readonly max?: DateBound;
  readonly minValue?: number;
  readonly maxValue?: number;
  /** 'digits': the exact number of digits. */
  readonly digits?: number;
  /**
   * The default while staff have not typed this field: derived from other answers (the new address
   * becomes the current one after 転入; the account holder in 半角カナ from the フリガナ).
   */
  readonly derive?: (answers: Answers, today: string) => string | undefined;
  /** Shown to staff only (identity documents checked, staff notes), never on the resident screen. */
  readonly staffOnly?: boolean;
}

export interface GroupSpec {
  readonly key: string;
  readonly type: 'group';
  readonly label: Text;
  readonly help?: Text;
  readonly section: Section;
  /** Column keys are local to the row ('name', 'relationship'). */
  readonly columns: readonly FieldSpec[];
  /** Columns that must be filled in every row that is not empty. */
  readonly requiredColumns: readonly string[];
  readonly minRows: number;
  readonly maxRows: number; // the paper form's rows
  readonly derive?: (answers: Answers, today: string) => readonly GroupRow[] | undefined;
}

export type AnySpec = FieldSpec | GroupSpec;

export function isGroup(spec: AnySpec): spec is GroupSpec {
  return spec.type === 'group';
}

export interface ProcedureField {
  /** The key in this procedure's application (`envelope.fields`) and in its print layout. */
  readonly name: string;
  readonly spec: AnySpec;
  readonly required: boolean;
  /** Required only when this holds (e.g. 口座名義 when payment is by transfer). */
  readonly requiredIf?: (values: ProcedureValues) => boolean;
  /** Asked at all only when this holds; hidden fields are sent empty. */
  readonly showIf?: (values: ProcedureValues) => boolean;
  /** This form's wording when it differs from the spec's (届出人氏名 for 氏名). */
  readonly label?: Text;
}

/** One procedure's view of the visit: its field names → values. */
export type ProcedureValues = Readonly<Record<string, AnswerValue>>;

export interface CrossFieldRule {
  readonly id: string;
  /** Field names the problem is shown on. */
  readonly fields: readonly string[];
  /** Japanese message that says what to fix, or undefined when the rule holds. */
  readonly check: (values: ProcedureValues, today: string) => string | undefined;
}

export interface Attachment {
  readonly id: string;
  readonly name: Text; // residents see what they need not bring
  /** 情報連携 (マイナンバー制度の情報連携) lets the municipality get it: the resident may skip it. */
  readonly omittableByLinkage: boolean;
  /** Needed only in some cases: shown with this note. */
  readonly when?: string;
}

/** A cell of the A4 layout: 12 columns to a row, like the boxes of the paper form. */
export type PrintCell =
  | { readonly field: string; readonly span: number; readonly label?: string }
  | { readonly text: string; readonly span: number }
  | { readonly signature: true; readonly span: number; readonly label?: string };

export interface PrintSection {
  readonly heading: string;
  readonly rows: readonly (readonly PrintCell[])[];
}

export interface PrintLayout {
  readonly title: string; // as printed at the top of the paper form
  readonly addressee: string; // 宛先（〇〇市長 あて）
  /** Each page is one A4 sheet; the print test checks each fits on one. */
  readonly pages: readonly { readonly sections: readonly PrintSection[] }[];
  readonly footnote?: string;
}

export interface ProcedureDefinition {
  readonly id: string;
  readonly name: Text; // 転入届
  readonly description: Text;
  /** Law or standard the form follows (shown to staff and printed). */
  readonly basis: string;
  /** The counter (担当課) that handles it in the back office. */
  readonly department: string;
  /**
   * The procedure legally needs the My Number (番号法 第9条・別表): only then is the card's PIN
   * asked and EF 0001 read; otherwise 照合番号B opens the 4 attributes and the number is never read.
   */
  readonly myNumber?: { readonly basis: string };
  /** 'procedure': this form is signed on its own; 'visit': one signature covers the visit. */
  readonly signature: 'visit' | 'procedure';
  readonly fields: readonly ProcedureField[];
  readonly rules: readonly CrossFieldRule[];
  readonly attachments: readonly Attachment[];
  readonly print: PrintLayout;
}

/** The light entry the menus need before a procedure's chunk is loaded. */
export interface ProcedureSummary {
  readonly id: string;
  readonly name: Text;
  readonly load: () => Promise<ProcedureDefinition>;
}
