// Shift_JIS for the legacy 基幹系 imports means Windows-31J (CP932): JIS X 0208 plus the NEC and
// IBM extensions, so ① and 髙 are written, 𠮷 (U+20BB7), emoji and 〜 (WAVE DASH, U+301C) are not.
// A character is written only if both judges agree it survives:
// - shared/text/sjis.ts, the table the browser and the extension use (WHATWG shift_jis), and
// - iconv-lite, which writes the bytes. The two differ in three encoder-only mappings sjis.ts
//   accepts: ¥ (U+00A5) → 0x5C and ‾ (U+203E) → 0x7E read back as \ and ~, and − (MINUS SIGN,
//   U+2212), which iconv-lite turns into '?'. An export must not change a value, so these count
//   as unencodable too (the full-width ￥ and － are fine).
import iconv from 'iconv-lite';
import { unencodableInShiftJis } from '../../shared/text/sjis.ts';

// iconv-lite's cp932 (alias of its shift_jis) is the Windows-31J table, IBM extensions in 0xFA40…
const ENCODING = 'cp932';

const survives = new Map<number, boolean>();

/** Encoding the character and decoding the bytes gives the character back. */
function roundTrips(c: string): boolean {
  const cp = c.codePointAt(0) as number;
  let ok = survives.get(cp);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(c, ENCODING), ENCODING) === c;
    survives.set(cp, ok);
  }
  return ok;
}

/** Characters of `s` a CP932 file cannot hold unchanged, each once, in order of appearance. */
export function unencodableInCp932(s: string): string[] {
  const found: string[] = [];
  for (const c of s) {
    if (found.includes(c)) continue;
    if (unencodableInShiftJis(c).length > 0 || !roundTrips(c)) found.push(c);
  }
  return found;
}

/** U+20BB7: how staff look a character up (and how the 外字 list of a legacy system names it). */
export function codePointLabel(c: string): string {
  return `U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The bytes of a text whose every character passed `unencodableInCp932`. Decoding them again is
 * cheap and proves no '?' slipped in: a mismatch is a bug here, so it throws instead of writing.
 */
export function encodeCp932(text: string): Uint8Array<ArrayBuffer> {
  const bytes = iconv.encode(text, ENCODING);
  if (iconv.decode(bytes, ENCODING) !== text) throw new Error('CP932 export: text did not round-trip');
  return Uint8Array.from(bytes); // a copy that owns its ArrayBuffer (Buffer may share a pool)
}
