// EF 0001 of the 券面事項入力補助AP: the 個人番号 (My Number) as FF 10 0C + 12 ASCII digits,
// physically followed by FF FF filler (cards.md §1.6). Read only when a procedure needs the number
// (番号法). Errors never carry the digits.
import { isValidMyNumber } from '../../mynumber.ts';
import { err, ok, type Result } from '../../result.ts';
import { readTlv } from '../tlv.ts';
import { MY_NUMBER_TAG } from './identifiers.ts';

export type MyNumberFileError =
  | { readonly kind: 'not-tlv' }
  | { readonly kind: 'wrong-tag' }
  | { readonly kind: 'not-12-digits' }
  /** 12 digits whose check digit is wrong (cards.md §1.7): a damaged or forged file. */
  | { readonly kind: 'bad-check-digit' };

/**
 * The 12 digits of EF 0001. Filler after the TLV is allowed (the digest covers it, §1.8). The
 * string cannot be zeroed: callers keep it no longer than the procedure needs.
 */
export function parseMyNumberFile(bytes: Uint8Array): Result<string, MyNumberFileError> {
  const tlv = readTlv(bytes, 0);
  if (!tlv.ok) return err({ kind: 'not-tlv' });
  if (tlv.value.tag !== MY_NUMBER_TAG) return err({ kind: 'wrong-tag' });
  const digits = tlv.value.value;
  if (digits.length !== 12 || !digits.every((b) => b >= 0x30 && b <= 0x39))
    return err({ kind: 'not-12-digits' });
  const myNumber = String.fromCharCode(...digits);
  return isValidMyNumber(myNumber) ? ok(myNumber) : err({ kind: 'bad-check-digit' });
}
