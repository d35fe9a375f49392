// DF1/EF01 記載事項 (entries, except 本籍) of the IC driver's licence, cards.md §2.3: simple TLV
// (1-byte tag, 1-byte length), text in JIS X 0208, numbers in JIS X 0201 (ASCII), dates as
// 7 ASCII characters era digit + YYMMDD. The 880-byte file ends with FF filler.
// Simple TLV is not BER: tag 1F would start a multi-byte tag and tags 20–33 look "constructed"
// to tlv.ts, and a length byte ≥ 80 is just a length — so this file has its own 20-line reader.

import { err, ok, type Result } from '../../result.ts';
import { type EraId, fromWareki, parseIsoDate } from '../../wareki.ts';
import { ENTRY_TAG, LICENCE_CLASSES, type LicenceClass } from './identifiers.ts';
import { decodeJis0208, type GaijiMark, type JisDecodeError } from './jis0208.ts';

export interface LicenceClassDate {
  readonly licenceClass: LicenceClass;
  /** 取得年月日, ISO YYYY-MM-DD. */
  readonly date: string;
}

/** A text field that holds 外字/欠字: what staff must check on the card face. */
export interface GaijiField {
  readonly field:
    | 'name'
    | 'callName'
    | 'alias'
    | 'nameKana'
    | 'address'
    | 'colour'
    | 'conditions'
    | 'commission';
  readonly marks: readonly GaijiMark[];
}

export interface DriversLicence {
  /** 氏名 (tag 12). 外字 appear as 〓 (see `gaiji`). */
  readonly name: string;
  /** 統一氏名 (tag 15, kana), when the card has one. */
  readonly nameKana?: string;
  /** 呼び名 (tag 13, kana reading). */
  readonly callName?: string;
  /** 通称名 (tag 14). */
  readonly alias?: string;
  readonly birthDate: string;
  /** 住所 (tag 17). */
  readonly address: string;
  /** 交付年月日 (tag 18). */
  readonly issueDate?: string;
  /** 有効期間の末日 (tag 1B): the last day the licence is valid. */
  readonly expiryDate: string;
  /** expiryDate is before the `today` given to the parser. */
  readonly expired: boolean;
  /** 免許証番号 (tag 21), 12 digits. */
  readonly licenceNumber: string;
  /** 照会番号 (tag 19). */
  readonly referenceNumber?: string;
  /** 色区分 (tag 1A): 優良, 一般, 新規… */
  readonly colour?: string;
  /** 条件1–4 (tags 1C–1F), the non-empty ones in order. */
  readonly conditions: readonly string[];
  /** 公安委員会名 (tag 20). */
  readonly commission?: string;
  /** Tags 22–33 the holder has (`<era>000000` = not held is left out). */
  readonly classes: readonly LicenceClassDate[];
  /** Tag 11, the byte as two hex digits: "78" = JIS C 6226-1978 (its few swapped kanji are not remapped). */
  readonly jisEdition?: string;
  readonly gaiji: readonly GaijiField[];
}

export type LicenceEntriesError =
  | { readonly kind: 'truncated'; readonly offset: number }
  | { readonly kind: 'duplicate-tag'; readonly tag: number }
  | { readonly kind: 'missing-entry'; readonly tag: number }
  | { readonly kind: 'bad-text'; readonly tag: number; readonly error: JisDecodeError }
  | { readonly kind: 'bad-date'; readonly tag: number }
  | { readonly kind: 'bad-number'; readonly tag: number }
  | { readonly kind: 'bad-today' };

const ERA_BY_DIGIT: Readonly<Record<string, EraId>> = {
  '1': 'meiji',
  '2': 'taisho',
  '3': 'showa',
  '4': 'heisei',
  '5': 'reiwa',
};

/** "4140913" → 2002-09-13 (平成14年9月13日); "4000000" → 'not-held'; anything else → undefined. */
export function parseEraDate(text: string): string | 'not-held' | undefined {
  const m = /^([1-5])(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  if (m[2] === '00' && m[3] === '00' && m[4] === '00') return 'not-held';
  return fromWareki(ERA_BY_DIGIT[m[1] ?? ''] as EraId, Number(m[2]), Number(m[3]), Number(m[4]));
}

const FILLER = 0xff;

/**
 * Splits the file into tag → value. Stops at the first FF tag, as TRET does: what follows is filler
 * (its exact content is UNVERIFIED; cards.md only gives the 880-byte size). Unknown tags are kept
 * and ignored; a length is one byte 00–FF (cards.md §2.3; no long form is documented).
 */
export function splitEntries(bytes: Uint8Array): Result<Map<number, Uint8Array>, LicenceEntriesError> {
  const entries = new Map<number, Uint8Array>();
  let cursor = 0;
  while (cursor < bytes.length && bytes[cursor] !== FILLER) {
    const tag = bytes[cursor] ?? 0;
    const length = bytes[cursor + 1];
    if (length === undefined || cursor + 2 + length > bytes.length)
      return err({ kind: 'truncated', offset: cursor });
    if (entries.has(tag)) return err({ kind: 'duplicate-tag', tag });
    entries.set(tag, bytes.subarray(cursor + 2, cursor + 2 + length));
    cursor += 2 + length;
  }
  return ok(entries);
}

/** Parses DF1/EF01. `today` (YYYY-MM-DD, the counter's date) decides `expired`: no hidden clock. */
export function parseLicenceEntries(
  bytes: Uint8Array,
  options: { readonly today: string },
): Result<DriversLicence, LicenceEntriesError> {
  if (!parseIsoDate(options.today)) return err({ kind: 'bad-today' });
  const split = splitEntries(bytes);
  if (!split.ok) return split;
  const entries = split.value;
  const gaiji: GaijiField[] = [];
  try {
    const text = (tag: number, field: GaijiField['field']): string | undefined => {
      const value = entries.get(tag);
      if (value === undefined || value.length === 0) return undefined;
      const decoded = decodeJis0208(value);
      if (!decoded.ok) throw new EntryFailure({ kind: 'bad-text', tag, error: decoded.error });
      if (decoded.value.marks.length > 0) gaiji.push({ field, marks: decoded.value.marks });
      return decoded.value.text;
    };
    const required = <T>(tag: number, value: T | undefined): T => {
      if (value === undefined) throw new EntryFailure({ kind: 'missing-entry', tag });
      return value;
    };
    const date = (tag: number): string | 'not-held' | undefined => {
      const value = entries.get(tag);
      if (value === undefined || value.length === 0) return undefined;
      const parsed = parseEraDate(ascii(value) ?? '');
      if (parsed === undefined) throw new EntryFailure({ kind: 'bad-date', tag });
      return parsed;
    };
    const heldDate = (tag: number): string | undefined => {
      const parsed = date(tag);
      if (parsed === 'not-held') throw new EntryFailure({ kind: 'bad-date', tag });
      return parsed;
    };
    const number = (tag: number, pattern: RegExp): string | undefined => {
      const value = entries.get(tag);
      if (value === undefined || value.length === 0) return undefined;
      const parsed = ascii(value);
      if (parsed === undefined || !pattern.test(parsed)) throw new EntryFailure({ kind: 'bad-number', tag });
      return parsed;
    };

    const name = required(ENTRY_TAG.name, text(ENTRY_TAG.name, 'name'));
    const callName = text(ENTRY_TAG.callName, 'callName');
    const alias = text(ENTRY_TAG.alias, 'alias');
    const nameKana = text(ENTRY_TAG.unifiedNameKana, 'nameKana');
    const birthDate = required(ENTRY_TAG.birthDate, heldDate(ENTRY_TAG.birthDate));
    const address = required(ENTRY_TAG.address, text(ENTRY_TAG.address, 'address'));
    const issueDate = heldDate(ENTRY_TAG.issueDate);
    // 照会番号: JIS X 0201 of a format cards.md does not give; printable ASCII only.
    const referenceNumber = number(ENTRY_TAG.referenceNumber, /^[\x20-\x7e]+$/);
    const colour = text(ENTRY_TAG.colour, 'colour');
    const expiryDate = required(ENTRY_TAG.expiryDate, heldDate(ENTRY_TAG.expiryDate));
    const conditions: string[] = [];
    for (let tag = ENTRY_TAG.condition1; tag <= ENTRY_TAG.condition4; tag++) {
      const condition = text(tag, 'conditions');
      if (condition !== undefined) conditions.push(condition);
    }
    const commission = text(ENTRY_TAG.commission, 'commission');
    // 12 digits; cards.md gives no check-digit rule, so none is checked here.
    const licenceNumber = required(ENTRY_TAG.licenceNumber, number(ENTRY_TAG.licenceNumber, /^\d{12}$/));
    const classes: LicenceClassDate[] = [];
    LICENCE_CLASSES.forEach((licenceClass, i) => {
      const held = date(ENTRY_TAG.firstClassDate + i);
      if (held !== undefined && held !== 'not-held') classes.push({ licenceClass, date: held });
    });
    const editionByte = entries.get(ENTRY_TAG.jisEdition)?.[0];
    return ok({
      name,
      ...(nameKana !== undefined && { nameKana }),
      ...(callName !== undefined && { callName }),
      ...(alias !== undefined && { alias }),
      birthDate,
      address,
      ...(issueDate !== undefined && { issueDate }),
      expiryDate,
      expired: expiryDate < options.today,
      licenceNumber,
      ...(referenceNumber !== undefined && { referenceNumber }),
      ...(colour !== undefined && { colour }),
      conditions,
      ...(commission !== undefined && { commission }),
      classes,
      ...(editionByte !== undefined && { jisEdition: editionByte.toString(16).padStart(2, '0') }),
      gaiji,
    });
  } catch (e) {
    if (e instanceof EntryFailure) return err(e.error);
    throw e;
  }
}

/** For diagnostics (malformed-response detail): tags and offsets only, never card text. */
export function describeEntriesError(e: LicenceEntriesError): string {
  const tag = 'tag' in e ? ` tag ${e.tag.toString(16).toUpperCase().padStart(2, '0')}` : '';
  const where = 'offset' in e ? ` at offset ${e.offset}` : '';
  const text = e.kind === 'bad-text' ? ` (${e.error.kind})` : '';
  return `記載事項 ${e.kind}${tag}${where}${text}`;
}

// Internal: lets the field helpers above stop the parse; never escapes parseLicenceEntries.
class EntryFailure {
  constructor(readonly error: LicenceEntriesError) {}
}

function ascii(bytes: Uint8Array): string | undefined {
  let out = '';
  for (const b of bytes) {
    if (b < 0x20 || b > 0x7e) return undefined;
    out += String.fromCharCode(b);
  }
  return out;
}
