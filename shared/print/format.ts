// How values look on the printed A4 forms (pwa/print/): the conventions of the paper forms, not of
// the screens. 和暦 first with 西暦 small, 〒 with the hyphen, every option with ☑/☐, the My Number
// in 12 boxes, a group in exactly the rows the paper has. Pure, so it is unit-tested here.
import { ja } from '../i18n/lang.ts';
import type { GroupRow, Option } from '../procedures/types.ts';
import { formatWareki, parseIsoDate, toWareki } from '../wareki.ts';

export interface PrintedDate {
  readonly wareki: string; // 令和8年11月20日
  readonly western: string; // 2026年11月20日
}

/** An ISO date as the form prints it; undefined for an empty or malformed value (printed as typed). */
export function printedDate(iso: string): PrintedDate | undefined {
  const d = parseIsoDate(iso);
  const w = toWareki(iso);
  if (!d || !w) return undefined;
  return { wareki: formatWareki(w), western: `${d.year}年${d.month}月${d.day}日` };
}

/** 〒100-0013; an empty value leaves the mark and the hyphen for a pen, like the paper form. */
export function printedPostalCode(value: string): string {
  if (value === '') return '〒　　　-　　　　';
  return /^\d{7}$/.test(value) ? `〒${value.slice(0, 3)}-${value.slice(3)}` : `〒${value}`;
}

/**
 * Phone numbers with hyphens only where the split is certain: mobile/IP/toll-free prefixes and the
 * two-digit area codes (03 東京, 06 大阪). Other fixed lines keep their digits, since area codes run
 * from 2 to 5 digits and a wrong split would print a wrong number.
 */
export function printedPhone(value: string): string {
  if (/^0[5789]0\d{8}$/.test(value)) return `${value.slice(0, 3)}-${value.slice(3, 7)}-${value.slice(7)}`;
  if (/^0120\d{6}$/.test(value)) return `${value.slice(0, 4)}-${value.slice(4, 7)}-${value.slice(7)}`;
  if (/^0[36]\d{8}$/.test(value)) return `${value.slice(0, 2)}-${value.slice(2, 6)}-${value.slice(6)}`;
  return value;
}

export interface PrintedOption {
  readonly label: string;
  readonly checked: boolean;
}

/** Every option in order, chosen ones checked: the paper form lists them all (☑ 男 ☐ 女). */
export function printedOptions(
  options: readonly Option[],
  value: string,
  multiple: boolean,
): PrintedOption[] {
  const chosen = new Set(multiple ? value.split(',') : [value]);
  return options.map((o) => ({ label: ja(o.label), checked: value !== '' && chosen.has(o.value) }));
}

export function checkMark(checked: boolean): string {
  return checked ? '☑' : '☐';
}

/** The label of the chosen option (narrow table columns), or the value itself if it is no option. */
export function chosenLabel(options: readonly Option[], value: string): string {
  const o = options.find((x) => x.value === value);
  return o ? ja(o.label) : value;
}

/**
 * The 12 boxes of the 個人番号 field. The app passes the number masked (●●●●●●●●1234) or empty;
 * anything that is not 12 characters leaves the boxes empty rather than printing a wrong number.
 */
export function myNumberBoxes(value: string): string[] {
  const chars = [...value];
  return chars.length === 12 ? chars : Array.from({ length: 12 }, () => '');
}

/**
 * Exactly `maxRows` rows, the empty ones as on paper. More rows than the form has cannot be
 * printed on it (the validator asks staff to split the form), so that throws instead of dropping.
 */
export function paperRows(rows: readonly GroupRow[], maxRows: number): (GroupRow | undefined)[] {
  if (rows.length > maxRows) throw new Error(`${rows.length} rows do not fit the form's ${maxRows}`);
  return Array.from({ length: maxRows }, (_, i) => rows[i]);
}
