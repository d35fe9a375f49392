// 基本4情報 (the four basic attributes: name, address, date of birth, sex) as EF 0002 of the
// 券面事項入力補助AP stores them (cards.md §1.6):
//   FF 20 L  { DF 21 08 offset table | DF 22 name | DF 23 address | DF 24 YYYYMMDD | DF 25 sex }
// A pure parser of card bytes: every input gives a Result, nothing throws. Error values never
// quote the data (it is personal data).

import { err, ok, type Result } from '../../result.ts';
import { parseIsoDate } from '../../wareki.ts';
import { findTlv, parseChildren, readTlv, readTlvHeader, type Tlv, type TlvError } from '../tlv.ts';
import { BASIC_FOUR_INFO_TAG } from './identifiers.ts';

/** 性別 as JIS X 0303 / ISO 5218: 1 male, 2 female, 9 not applicable, 0 unknown. */
export type Sex = '1' | '2' | '9' | '0';

export interface BasicFourInfo {
  /** 氏名, family and given name separated by U+3000. */
  readonly name: string;
  /** 住所, as registered (block numbers in full-width digits). */
  readonly address: string;
  /** 生年月日, 'YYYY-MM-DD' (the card stores Gregorian YYYYMMDD). */
  readonly birthDate: string;
  readonly sex: Sex;
}

export type BasicFourInfoField = keyof BasicFourInfo;

export type BasicFourInfoError =
  | { readonly kind: 'header-not-found' }
  | { readonly kind: 'bad-tlv'; readonly error: TlvError }
  | { readonly kind: 'missing-field'; readonly field: BasicFourInfoField }
  | { readonly kind: 'not-utf8'; readonly field: 'name' | 'address' }
  | { readonly kind: 'bad-birth-date' }
  | { readonly kind: 'bad-sex' };

/** The parsed TLVs, offsets in the file: the DF32 digest (cards.md §1.8) covers name.offset..sex.end. */
export interface BasicFourInfoFile {
  readonly info: BasicFourInfo;
  readonly outer: Tlv;
  readonly fields: { readonly [F in BasicFourInfoField]: Tlv };
}

// Cards issued around 2023 reportedly answer 2 bytes before FF 20 (cards.md §1.6, UNVERIFIED):
// look for the tag in a small window instead of assuming offset 0.
export const HEADER_SCAN_WINDOW = 8;

/**
 * Where the FF 20 object starts and how long the file is up to its end, from the first bytes of
 * the file. The header (tag, 81 xx / 82 xx xx length) must be inside `head`.
 */
export function locateBasicFourInfo(
  head: Uint8Array,
): Result<{ readonly start: number; readonly totalLength: number }, BasicFourInfoError> {
  const last = Math.min(HEADER_SCAN_WINDOW, head.length - 1);
  for (let start = 0; start < last; start++) {
    if (head[start] !== 0xff || head[start + 1] !== 0x20) continue;
    const header = readTlvHeader(head, start);
    if (!header.ok) return err({ kind: 'bad-tlv', error: header.error });
    return ok({ start, totalLength: header.value.valueOffset + header.value.length });
  }
  return err({ kind: 'header-not-found' });
}

/** Parses EF 0002 and keeps the TLVs (later authenticity checks hash their raw bytes). */
export function parseBasicFourInfoFile(bytes: Uint8Array): Result<BasicFourInfoFile, BasicFourInfoError> {
  const located = locateBasicFourInfo(bytes);
  if (!located.ok) return located;
  const outer = readTlv(bytes, located.value.start);
  if (!outer.ok) return err({ kind: 'bad-tlv', error: outer.error });
  const children = parseChildren(bytes, outer.value);
  if (!children.ok) return err({ kind: 'bad-tlv', error: children.error });

  const fields: Partial<Record<BasicFourInfoField, Tlv>> = {};
  for (const field of ['name', 'address', 'birthDate', 'sex'] as const) {
    const tlv = findTlv(children.value, BASIC_FOUR_INFO_TAG[field]);
    if (!tlv) return err({ kind: 'missing-field', field });
    fields[field] = tlv;
  }
  const { name, address, birthDate, sex } = fields as Record<BasicFourInfoField, Tlv>;

  const nameText = decodeUtf8(name.value);
  if (nameText === undefined) return err({ kind: 'not-utf8', field: 'name' });
  const addressText = decodeUtf8(address.value);
  if (addressText === undefined) return err({ kind: 'not-utf8', field: 'address' });
  const isoBirthDate = birthDateFromCard(birthDate.value);
  if (isoBirthDate === undefined) return err({ kind: 'bad-birth-date' });
  const sexDigit = sexFromCard(sex.value);
  if (sexDigit === undefined) return err({ kind: 'bad-sex' });

  return ok({
    info: { name: nameText, address: addressText, birthDate: isoBirthDate, sex: sexDigit },
    outer: outer.value,
    fields: { name, address, birthDate, sex },
  });
}

/** Parses EF 0002 into the 基本4情報. */
export function parseBasicFourInfo(bytes: Uint8Array): Result<BasicFourInfo, BasicFourInfoError> {
  const file = parseBasicFourInfoFile(bytes);
  return file.ok ? ok(file.value.info) : file;
}

/** A short English description for malformed-response details: kinds only, never data. */
export function describeBasicFourInfoError(e: BasicFourInfoError): string {
  switch (e.kind) {
    case 'header-not-found':
      return 'EF 0002: no FF 20 header';
    case 'bad-tlv':
      return `EF 0002: TLV ${e.error.kind} at offset ${e.error.offset}`;
    case 'missing-field':
      return `EF 0002: no ${e.field}`;
    case 'not-utf8':
      return `EF 0002: ${e.field} is not UTF-8`;
    case 'bad-birth-date':
      return 'EF 0002: birth date is not a real YYYYMMDD';
    case 'bad-sex':
      return 'EF 0002: sex is not one of 1, 2, 9, 0';
  }
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined; // fatal decoder: invalid UTF-8 is reported as not-utf8 by the caller
  }
}

function birthDateFromCard(bytes: Uint8Array): string | undefined {
  if (bytes.length !== 8 || !bytes.every((b) => b >= 0x30 && b <= 0x39)) return undefined;
  const digits = String.fromCharCode(...bytes);
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return parseIsoDate(iso) ? iso : undefined;
}

function sexFromCard(bytes: Uint8Array): Sex | undefined {
  if (bytes.length !== 1) return undefined;
  const digit = String.fromCharCode(bytes[0] ?? 0);
  return digit === '1' || digit === '2' || digit === '9' || digit === '0' ? digit : undefined;
}
