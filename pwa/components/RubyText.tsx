// A `Text` in one language. Japanese and やさしい日本語 get their furigana as <ruby> (the resident
// may turn it off); a span carries `lang` when the language differs from the surrounding one, so
// a screen reader switches voice (WCAG 3.1.2).
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { HTML_LANG, type Lang, plain, rubySegments, type Text } from '../../shared/i18n/lang.ts';

/** The BCP 47 tag of the element around: RubyText adds `lang` only when its own differs. */
export const SurroundingLang = createContext<string>('ja');

interface Props {
  readonly text: Text | string; // a string: already in `lang`, with or without `{漢字|かんじ}`
  readonly lang: Lang;
  readonly furigana?: boolean;
}

export function RubyText({ text, lang, furigana = true }: Props) {
  const surrounding = useContext(SurroundingLang);
  const s = typeof text === 'string' ? text : text[lang];
  const japanese = lang === 'ja' || lang === 'ja-easy';
  const content =
    japanese && furigana
      ? rubySegments(s).map((seg, i) =>
          seg.ruby === undefined ? (
            seg.text
          ) : (
            <ruby key={i}>
              {seg.text}
              <rt>{seg.ruby}</rt>
            </ruby>
          ),
        )
      : plain(s);
  const tag = HTML_LANG[lang];
  return tag === surrounding ? content : <span lang={tag}>{content}</span>;
}
