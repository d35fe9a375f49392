// Rows and sections of the A4 layouts that many paper forms print alike: the applicant's standard
// fields (names as in fields.ts) in the same boxes, a table across the sheet, the signature box.
// A form whose paper puts them otherwise writes its own cells.
import type { PrintCell, PrintSection } from './types.ts';

type Row = readonly PrintCell[];

/** 氏名 and フリガナ side by side. */
export const NAME_ROW: Row = [
  { field: 'name', span: 6 },
  { field: 'nameKana', span: 6 },
];

/** 生年月日, 性別 and 電話番号 on one line. */
export const BIRTH_SEX_PHONE_ROW: Row = [
  { field: 'birthDate', span: 4 },
  { field: 'sex', span: 2 },
  { field: 'phone', span: 6 },
];

/** 〒 and the address it fills, on one line. */
export function postalAddressRow(address = 'address', postalCode = 'postalCode'): Row {
  return [
    { field: postalCode, span: 3 },
    { field: address, span: 9 },
  ];
}

/** The signature box across the sheet. */
export function signatureRow(label: string): Row {
  return [{ signature: true, span: 12, label }];
}

/** The signature box in a section of its own, as most forms end. */
export function signatureSection(label: string): PrintSection {
  return { heading: '署名', rows: [signatureRow(label)] };
}

/** A section of one field across the sheet: a table of people or items, a note. */
export function fieldSection(heading: string, field: string): PrintSection {
  return { heading, rows: [[{ field, span: 12 }]] };
}
