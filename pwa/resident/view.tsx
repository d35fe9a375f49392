// The resident's reading choices (language, furigana), shared by every resident component.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { HTML_LANG, type Lang, plain, type Text } from '../../shared/i18n/lang.ts';
import { RubyText, SurroundingLang } from '../components/RubyText.tsx';

export interface ResidentView {
  readonly lang: Lang;
  readonly furigana: boolean;
}

export const ViewContext = createContext<ResidentView>({ lang: 'ja', furigana: true });

/** A resident-screen text in the chosen language, with furigana when it is on. */
export function Say({ text }: { readonly text: Text }) {
  const { lang, furigana } = useContext(ViewContext);
  return <RubyText text={text} lang={lang} furigana={furigana} />;
}

/** For attributes (aria-label, alt) and the signature pad: the text without readings. */
export function usePlain(): (t: Text) => string {
  const { lang } = useContext(ViewContext);
  return (t) => plain(t[lang]);
}

const JAPANESE_SCRIPT = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;

/** A value as typed at the counter (name, address): Japanese data, marked so when read aloud. */
export function Data({ text }: { readonly text: string }) {
  const surrounding = useContext(SurroundingLang);
  const marked = surrounding !== HTML_LANG.ja && JAPANESE_SCRIPT.test(text);
  return marked ? <span lang={HTML_LANG.ja}>{text}</span> : text;
}
