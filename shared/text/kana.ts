// 全角/半角 kana rules for legacy systems and bank-style fields (口座名義 etc. are 半角カナ).
// JIS X 0201 half-width katakana has no voiced letters: ガ becomes ｶ + ﾞ (two code points), so a
// name grows when converted and any length check must run on the converted text.
import { err, ok, type Result } from '../result.ts';

// Full-width letters in the order of JIS X 0201 U+FF66..U+FF9D (ｦｧｨｩｪｫｬｭｮｯｰｱ … ﾜﾝ).
const FULL_FOR_FF66 =
  'ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
const VOICED_MARK = 'ﾞ'; // U+FF9E 濁点
const SEMI_VOICED_MARK = 'ﾟ'; // U+FF9F 半濁点

function buildTable(): ReadonlyMap<string, string> {
  const table = new Map<string, string>();
  [...FULL_FOR_FF66].forEach((full, i) => {
    table.set(full, String.fromCharCode(0xff66 + i));
  });
  // Punctuation of JIS X 0201 (U+FF61..U+FF65) and the ideographic space.
  for (const [full, half] of [
    ['。', '｡'],
    ['「', '｢'],
    ['」', '｣'],
    ['、', '､'],
    ['・', '･'],
    ['\u3000', ' '],
    ['゛', VOICED_MARK], // U+309B spacing 濁点
    ['゜', SEMI_VOICED_MARK],
    ['\u3099', VOICED_MARK], // combining 濁点 (text that arrived in NFD)
    ['\u309A', SEMI_VOICED_MARK],
  ] as const) {
    table.set(full, half);
  }
  // Voiced letters: the code point after the plain letter (カ U+30AB → ガ U+30AC).
  for (const base of 'カキクケコサシスセソタチツテトハヒフヘホ') {
    const half = table.get(base) as string;
    table.set(String.fromCharCode(base.charCodeAt(0) + 1), half + VOICED_MARK);
  }
  for (const base of 'ハヒフヘホ') {
    const half = table.get(base) as string;
    table.set(String.fromCharCode(base.charCodeAt(0) + 2), half + SEMI_VOICED_MARK);
  }
  table.set('ヴ', `ｳ${VOICED_MARK}`);
  table.set('ヷ', `ﾜ${VOICED_MARK}`); // U+30F7, written ﾜﾞ on half-width systems
  table.set('ヺ', `ｦ${VOICED_MARK}`); // U+30FA
  return table;
}

const HALF_WIDTH = buildTable();

// Katakana (U+30A0..U+30FF) and small-kana extensions (U+31F0..U+31FF): a letter in these blocks
// without a half-width form (ヮ ヰ ヱ ヵ ヶ ヽ ヾ ㇰ …) must be reported; replacing ヰ by ｲ would
// change a person's name, which only staff may decide.
const KATAKANA_BLOCK = /[\u30A0-\u30FF\u31F0-\u31FF]/u;

export interface NoHalfWidthForm {
  readonly kind: 'no-half-width-form';
  readonly chars: readonly string[]; // each offending character once, in order of appearance
}

/**
 * Full-width katakana → half-width (ガ → ｶﾞ, ー → ｰ, 　 → space). Characters outside the katakana
 * blocks (ASCII, kanji, hiragana) pass through unchanged; callers check what a field allows.
 */
export function toHalfWidthKana(s: string): Result<string, NoHalfWidthForm> {
  let out = '';
  const missing: string[] = [];
  for (const c of s) {
    const half = HALF_WIDTH.get(c);
    if (half !== undefined) out += half;
    else if (KATAKANA_BLOCK.test(c)) {
      if (!missing.includes(c)) missing.push(c);
    } else out += c;
  }
  return missing.length > 0 ? err({ kind: 'no-half-width-form', chars: missing }) : ok(out);
}

/** ひらがな → カタカナ (ぁ..ゖ, ゝゞ); everything else unchanged. */
export function hiraganaToKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

/** True when every character is half-width katakana, its marks and punctuation, or an ASCII space. */
export function isHalfWidthKana(s: string): boolean {
  return /^[\uFF61-\uFF9F ]*$/u.test(s);
}
