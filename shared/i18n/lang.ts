// The languages of the resident screens (mission.md, Inclusion). Every text a resident can see is
// a `Text`: one string per language; a missing one fails the catalogue meta-test.
//
// Japanese and やさしい日本語 strings carry their furigana inline as `{漢字|かんじ}`: `rubySegments`
// splits them for <ruby> rendering, `plain` drops the readings (staff screens, print, search).

export const LANGS = ['ja', 'ja-easy', 'en', 'zh-Hans', 'ko', 'vi', 'pt'] as const;
export type Lang = (typeof LANGS)[number];
export type Text = Readonly<Record<Lang, string>>;

/** Each language named in itself, for the language switch. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = {
  ja: '日本語',
  'ja-easy': 'やさしい日本語',
  en: 'English',
  'zh-Hans': '中文（简体）',
  ko: '한국어',
  vi: 'Tiếng Việt',
  pt: 'Português',
};

/** The BCP 47 tag for the `lang` attribute (screen readers pick their voice by it). */
export const HTML_LANG: Readonly<Record<Lang, string>> = {
  ja: 'ja',
  'ja-easy': 'ja',
  en: 'en',
  'zh-Hans': 'zh-Hans',
  ko: 'ko',
  vi: 'vi',
  pt: 'pt',
};

/**
 * A `Text` from its strings in the order of LANGS: ja, やさしい日本語, en, zh-Hans, ko, vi, pt. The
 * catalogue writes thousands of them; positional arguments keep each one to a few lines.
 */
export function text(
  ja: string,
  easy: string,
  en: string,
  zh: string,
  ko: string,
  vi: string,
  pt: string,
): Text {
  return { ja, 'ja-easy': easy, en, 'zh-Hans': zh, ko, vi, pt };
}

export function isLang(v: unknown): v is Lang {
  return typeof v === 'string' && (LANGS as readonly string[]).includes(v);
}

export type RubySegment = { readonly text: string; readonly ruby?: string };

const RUBY = /\{([^{}|]+)\|([^{}|]+)\}/gu;

/** `{氏名|しめい}を入力` → [{text:'氏名', ruby:'しめい'}, {text:'を入力'}]. */
export function rubySegments(s: string): RubySegment[] {
  const out: RubySegment[] = [];
  let last = 0;
  for (const m of s.matchAll(RUBY)) {
    const at = m.index ?? 0;
    if (at > last) out.push({ text: s.slice(last, at) });
    out.push({ text: m[1] as string, ruby: m[2] as string });
    last = at + m[0].length;
  }
  if (last < s.length) out.push({ text: s.slice(last) });
  return out;
}

/** The text without its furigana: `{氏名|しめい}` → `氏名`. */
export function plain(s: string): string {
  return s.replace(RUBY, '$1');
}

/** Kanji (CJK ideographs, incl. extensions and 々) that are not inside a `{…|…}` group. */
export function kanjiWithoutRuby(s: string): string[] {
  return [...s.replace(RUBY, '')].filter((c) => /[\p{Script=Han}々]/u.test(c));
}

// The catalogue's texts are long-lived objects, and validation names a field's label for every
// value it checks: each is made plain once.
const plainJa = new WeakMap<Text, string>();

/** Staff screens and print are in Japanese: the plain `ja` string. */
export function ja(t: Text): string {
  let s = plainJa.get(t);
  if (s === undefined) {
    s = plain(t.ja);
    plainJa.set(t, s);
  }
  return s;
}
