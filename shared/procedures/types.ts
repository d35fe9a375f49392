// A procedure (手続) is data with types: its fields, where each comes from, how it is checked.
// One procedure per file; the registry (index.ts) discovers them. Issue 4 grows the catalogue.

export type FieldSource = 'card' | 'staff';
export type FieldInput = 'text' | 'kana' | 'date' | 'postal-code' | 'sex' | 'address';

export interface FieldDefinition<K extends string = string> {
  readonly key: K;
  readonly label: string; // Japanese label as on the paper form
  readonly source: FieldSource; // card: filled from the card, staff may correct; staff: typed at the counter
  readonly input: FieldInput;
  readonly required: boolean;
  readonly maxLength: number;
  readonly hint?: string;
}

export interface ProcedureDefinition<K extends string = string> {
  readonly id: string;
  readonly name: string; // 転入届
  readonly description: string;
  /**
   * The procedure legally needs the My Number (番号法 別表): only then is the card's PIN asked and
   * EF 0001 read; otherwise 照合番号B opens the 4 attributes and the number is never touched.
   */
  readonly needsMyNumber?: boolean;
  readonly fields: readonly FieldDefinition<K>[];
}

export type FieldValues<K extends string = string> = Readonly<Record<K, string>>;
