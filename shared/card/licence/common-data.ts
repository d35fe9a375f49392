// MF/EF01 共通データ要素 (common data), readable without a PIN (cards.md §2.2):
// 45 0B <spec version, 3 ASCII> <issue date BCD YYYYMMDD> <expiry BCD YYYYMMDD>,
// 46 02 <card manufacturer id> <crypto function id>. The reader uses it to tell a licence from
// another card before any VERIFY, and to cross-check the expiry in the entries.
import { err, ok, type Result } from '../../result.ts';
import { parseIsoDate } from '../../wareki.ts';

export interface LicenceCommonData {
  readonly specVersion: string;
  readonly issueDate: string;
  readonly expiryDate: string;
}

export type CommonDataError = { readonly kind: 'not-common-data' };

export function parseCommonData(bytes: Uint8Array): Result<LicenceCommonData, CommonDataError> {
  if (bytes.length < 13 || bytes[0] !== 0x45 || bytes[1] !== 0x0b) return err({ kind: 'not-common-data' });
  const version = bytes.subarray(2, 5);
  if (!version.every((b) => b >= 0x20 && b <= 0x7e)) return err({ kind: 'not-common-data' });
  const issueDate = bcdDate(bytes.subarray(5, 9));
  const expiryDate = bcdDate(bytes.subarray(9, 13));
  if (!issueDate || !expiryDate) return err({ kind: 'not-common-data' });
  return ok({ specVersion: String.fromCharCode(...version), issueDate, expiryDate });
}

function bcdDate(bytes: Uint8Array): string | undefined {
  let digits = '';
  for (const b of bytes) {
    if (b >> 4 > 9 || (b & 0x0f) > 9) return undefined;
    digits += b.toString(16).padStart(2, '0');
  }
  const iso = `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
  return parseIsoDate(iso) ? iso : undefined;
}
