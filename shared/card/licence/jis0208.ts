// JIS X 0208 text as the IC driver's licence stores it (cards.md §2.3): two bytes per character,
// row+0x20 then cell+0x20, i.e. ISO-2022-JP bytes without the escape sequence. Decoding goes
// through the platform's WHATWG 'iso-2022-jp' decoder (cards.md §0.7) — we ship no table; the
// encoder (for the emulator) reverses a table derived from that same decoder on first use.
//
// 外字 (gaiji, characters outside JIS X 0208) and 欠字 (missing character) are special codes
// FF F1–FF F7 and FF FA (cards.md §2.3, after TRET). They become a visible 〓 (下駄記号, what
// Japanese systems print for "character not representable") and are listed, so that staff check
// the card face instead of trusting a silently wrong or dropped character.
import { err, ok, type Result } from '../../result.ts';

/** 〓 (U+3013, 下駄記号): shown wherever the card holds a 外字 or 欠字. */
export const GAIJI_PLACEHOLDER = '〓';

export type GaijiMark =
  /** 外字1–7: the glyph is a bitmap in DF1/EF03 (not read here): check the card face. */
  | { readonly kind: 'gaiji'; readonly index: number; readonly number: number; readonly code: number }
  /** 欠字: the issuer could not register the character at all. */
  | { readonly kind: 'missing'; readonly index: number; readonly code: number }
  /** A well-formed JIS code the decoder has no character for (an empty cell). */
  | { readonly kind: 'unmapped'; readonly index: number; readonly code: number };

export interface JisText {
  /** The text, with GAIJI_PLACEHOLDER at every mark. */
  readonly text: string;
  /** One entry per placeholder; `index` is its UTF-16 offset in `text`, `code` the stored 2 bytes. */
  readonly marks: readonly GaijiMark[];
}

export type JisDecodeError =
  | { readonly kind: 'odd-length'; readonly length: number }
  | { readonly kind: 'invalid-byte'; readonly offset: number; readonly byte: number };

export type JisEncodeError = {
  readonly kind: 'not-encodable';
  readonly index: number;
  readonly codePoint: number;
};

const GAIJI_FIRST = 0xf1;
const GAIJI_LAST = 0xf7;
const MISSING = 0xfa;

/**
 * Decodes licence text. Never throws: an odd byte count or a byte outside 21–7E (other than a
 * documented marker) is an error value. cards.md gives the markers high byte first (FF F1); TRET's
 * code reads the pair the other way round, so F1 FF is accepted too — neither order can be a
 * JIS X 0208 character (both bytes lie outside 21–7E), so this cannot misread real text.
 */
export function decodeJis0208(bytes: Uint8Array): Result<JisText, JisDecodeError> {
  if (bytes.length % 2 !== 0) return err({ kind: 'odd-length', length: bytes.length });
  const table = jisTable().decode;
  let text = '';
  const marks: GaijiMark[] = [];
  for (let i = 0; i < bytes.length; i += 2) {
    const hi = bytes[i] ?? 0;
    const lo = bytes[i + 1] ?? 0;
    const code = (hi << 8) | lo;
    const special = hi === 0xff ? lo : lo === 0xff ? hi : undefined;
    if (special !== undefined) {
      if (special >= GAIJI_FIRST && special <= GAIJI_LAST) {
        marks.push({ kind: 'gaiji', index: text.length, number: special - 0xf0, code });
      } else if (special === MISSING) {
        marks.push({ kind: 'missing', index: text.length, code });
      } else {
        return err({ kind: 'invalid-byte', offset: hi === 0xff ? i + 1 : i, byte: special });
      }
      text += GAIJI_PLACEHOLDER;
      continue;
    }
    if (!isJisByte(hi)) return err({ kind: 'invalid-byte', offset: i, byte: hi });
    if (!isJisByte(lo)) return err({ kind: 'invalid-byte', offset: i + 1, byte: lo });
    const char = table.get(code);
    if (char === undefined) {
      marks.push({ kind: 'unmapped', index: text.length, code });
      text += GAIJI_PLACEHOLDER;
    } else {
      text += char;
    }
  }
  return ok({ text, marks });
}

export interface JisEncodeOptions {
  /** Characters to store as 外字 n (1–7), e.g. new Map([['𠮷', 1]]): what the issuer does. */
  readonly gaiji?: ReadonlyMap<string, number>;
}

/** Unicode → licence bytes (for the emulator and tests). Characters outside JIS X 0208 are an error. */
export function encodeJis0208(
  text: string,
  options: JisEncodeOptions = {},
): Result<Uint8Array, JisEncodeError> {
  const table = jisTable().encode;
  const out: number[] = [];
  let index = 0;
  for (const char of text) {
    const gaiji = options.gaiji?.get(char);
    const code = gaiji !== undefined && gaiji >= 1 && gaiji <= 7 ? 0xfff0 + gaiji : table.get(char);
    if (code === undefined) return err({ kind: 'not-encodable', index, codePoint: char.codePointAt(0) ?? 0 });
    out.push(code >> 8, code & 0xff);
    index += char.length;
  }
  return ok(Uint8Array.from(out));
}

function isJisByte(b: number): boolean {
  return b >= 0x21 && b <= 0x7e;
}

interface JisTable {
  readonly decode: ReadonlyMap<number, string>;
  readonly encode: ReadonlyMap<string, number>;
}

let cached: JisTable | undefined;

// Every row/cell decoded once with the platform decoder (ESC $ B selects JIS X 0208, §2.3).
// WHATWG's jis0208 index also maps NEC row 13 and IBM rows 89–92; the decoder shows them as the
// platform does. The reverse map keeps the first code per character (rows 1–84 come first).
function jisTable(): JisTable {
  if (cached) return cached;
  const decoder = new TextDecoder('iso-2022-jp');
  const decode = new Map<number, string>();
  const encode = new Map<string, number>();
  for (let hi = 0x21; hi <= 0x7e; hi++) {
    for (let lo = 0x21; lo <= 0x7e; lo++) {
      const char = decoder.decode(Uint8Array.of(0x1b, 0x24, 0x42, hi, lo));
      if (char.length === 0 || char.includes('\uFFFD')) continue;
      const code = (hi << 8) | lo;
      decode.set(code, char);
      if (!encode.has(char)) encode.set(char, code);
    }
  }
  cached = { decode, encode };
  return cached;
}
