// 照合番号B (collation number B, cards.md §1.7): 14 digits that staff build from the card face —
// the birth date as era YYMMDD, the Gregorian year of the card's expiry, and the 4-digit
// security code. It opens the 基本4情報 (EF 0002) of the 券面事項入力補助AP without the PIN.
// It is a credential: never log it, never put it into an error value.

import { err, ok, type Result } from '../result.ts';
import { ERAS, fromWareki, toWareki } from '../wareki.ts';

export interface CollationBParts {
  /** Date of birth as printed on the card, 'YYYY-MM-DD' (西暦). */
  readonly birthDate: string;
  /** Gregorian year of the card's expiry date (有効期限). */
  readonly expiryYear: number;
  /** セキュリティコード: the 4 digits printed on the card face. */
  readonly securityCode: string;
}

export type CollationBError =
  | { readonly kind: 'birth-date-invalid' }
  | { readonly kind: 'expiry-year-out-of-range' }
  /** A card expires after its holder was born: one of the two was mistyped. */
  | { readonly kind: 'expiry-before-birth' }
  | { readonly kind: 'security-code-invalid' }
  | { readonly kind: 'not-14-digits' }
  | { readonly kind: 'birth-part-invalid' };

// Cards were first issued in 2016 with up to 10 years' validity; 2050 leaves room for renewals.
export const EXPIRY_YEAR_MIN = 2015;
export const EXPIRY_YEAR_MAX = 2050;

/** Builds the 14 digits from what is printed on the card. */
export function buildCollationB(parts: CollationBParts): Result<string, CollationBError> {
  const wareki = toWareki(parts.birthDate);
  if (!wareki) return err({ kind: 'birth-date-invalid' });
  if (!isExpiryYear(parts.expiryYear)) return err({ kind: 'expiry-year-out-of-range' });
  if (Number(parts.birthDate.slice(0, 4)) > parts.expiryYear) return err({ kind: 'expiry-before-birth' });
  if (!/^\d{4}$/.test(parts.securityCode)) return err({ kind: 'security-code-invalid' });
  const yymmdd = pad2(wareki.year) + pad2(wareki.month) + pad2(wareki.day);
  return ok(`${yymmdd}${parts.expiryYear}${parts.securityCode}`);
}

/**
 * Checks a typed 照合番号B before it goes to the card, so that a typo does not spend one of the
 * 10 tries. The era is not typed, so the first 6 digits only have to be a real date in some era
 * that falls before the card's expiry year (a card is issued after its holder's birth).
 */
export function validateCollationB(collationB: string): Result<string, CollationBError> {
  if (!/^\d{14}$/.test(collationB)) return err({ kind: 'not-14-digits' });
  const expiryYear = Number(collationB.slice(6, 10));
  const [yy, mm, dd] = [collationB.slice(0, 2), collationB.slice(2, 4), collationB.slice(4, 6)].map(Number);
  const plausibleBirth = ERAS.some((era) => {
    const iso = fromWareki(era.id, yy ?? 0, mm ?? 0, dd ?? 0);
    return iso !== undefined && Number(iso.slice(0, 4)) <= expiryYear;
  });
  if (!isExpiryYear(expiryYear)) return err({ kind: 'expiry-year-out-of-range' });
  if (!plausibleBirth) return err({ kind: 'birth-part-invalid' });
  return ok(collationB);
}

/**
 * What staff type → what the card expects: full-width digits (an IME in 全角 mode) become ASCII,
 * spaces and hyphens used for grouping are dropped. Anything else is left for validation to reject.
 */
export function normalizeCollationBInput(input: string): string {
  return input
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000\-‐－]/g, '');
}

/** One Japanese message per error, saying what to fix on the form. */
export function collationBErrorMessage(e: CollationBError): string {
  switch (e.kind) {
    case 'birth-date-invalid':
      return '生年月日が正しくありません。カード券面の生年月日を、西暦の年月日（例: 1980-02-17）で入力し直してください。';
    case 'expiry-year-out-of-range':
      return `有効期限の年は${EXPIRY_YEAR_MIN}〜${EXPIRY_YEAR_MAX}の西暦4桁です（照合番号Bの7〜10桁目）。カード券面の有効期限の年を確かめて入力し直してください。`;
    case 'expiry-before-birth':
      return '有効期限の年が生年月日より前になっています。カード券面の生年月日と有効期限の年を確かめて入力し直してください。';
    case 'security-code-invalid':
      return 'セキュリティコードはカード券面に印字された数字4桁です。確かめて入力し直してください。';
    case 'not-14-digits':
      return '照合番号Bは数字14桁です（生年月日の和暦6桁・有効期限の西暦年4桁・セキュリティコード4桁）。桁数を確かめて入力し直してください。';
    case 'birth-part-invalid':
      return '照合番号Bの先頭6桁は生年月日の和暦「年・月・日」各2桁です（例: 昭和55年2月17日 → 550217）。カード券面の生年月日を確かめて入力し直してください。';
  }
}

function isExpiryYear(year: number): boolean {
  return Number.isInteger(year) && year >= EXPIRY_YEAR_MIN && year <= EXPIRY_YEAR_MAX;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
