// The resident screens' strings: a resident never sees a missing translation, a kanji without its
// reading, or a stray `{`, `|` or `}` left over from the furigana notation.
import { describe, expect, it } from 'vitest';
import { tennyu } from '../procedures/catalogue/tennyu.ts';
import { textProblems } from '../procedures/meta.ts';
import { kanjiWithoutRuby, LANG_NAMES, LANGS, plain, rubySegments, type Text } from './lang.ts';
import { LANG_NAME_RUBY, RESIDENT_FORMAT, RESIDENT_TEXT } from './resident.ts';

// Sample arguments for every function string; typed so that a new function needs its samples.
const SAMPLES: {
  readonly [K in keyof typeof RESIDENT_FORMAT]: readonly Parameters<(typeof RESIDENT_FORMAT)[K]>[];
} = {
  pleaseCheck: [[tennyu.name]],
  progress: [
    [1, 1],
    [2, 3],
  ],
  signForHeading: [[tennyu.name]],
  signProcedureHelp: [[tennyu.name]],
  pad: [[tennyu.name], [RESIDENT_TEXT.visitForms]],
  idleCountdown: [[1], [30]],
};

function allTexts(): [string, Text][] {
  const out: [string, Text][] = Object.entries(RESIDENT_TEXT);
  for (const [key, samples] of Object.entries(SAMPLES)) {
    const format = RESIDENT_FORMAT[key as keyof typeof RESIDENT_FORMAT] as (...args: unknown[]) => Text;
    for (const args of samples) out.push([`${key}(${JSON.stringify(args).slice(0, 40)})`, format(...args)]);
  }
  return out;
}

describe('resident strings', () => {
  it('has samples for every function string', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(RESIDENT_FORMAT).sort());
  });

  it('are complete in 7 languages with furigana over every kanji', () => {
    const problems = allTexts().flatMap(([where, text]) => textProblems(where, text));
    expect(problems).toEqual([]);
  });

  it('leave no broken furigana notation behind', () => {
    for (const [where, text] of allTexts())
      for (const lang of LANGS) {
        expect(plain(text[lang]), `${where} ${lang}`).not.toMatch(/[{}|]/u);
        // Readings only where a reader expects them: never in the other languages.
        if (lang !== 'ja' && lang !== 'ja-easy') expect(text[lang], `${where} ${lang}`).not.toMatch(/[{}|]/u);
      }
  });

  it('puts readings in kana only, over a non-empty base', () => {
    for (const [where, text] of allTexts())
      for (const lang of ['ja', 'ja-easy'] as const)
        for (const seg of rubySegments(text[lang])) {
          if (seg.ruby === undefined) continue;
          expect(seg.text, `${where} ${lang}`).not.toBe('');
          expect(seg.ruby, `${where} ${lang} reading of ${seg.text}`).toMatch(/^[\p{Script=Hiragana}ー]+$/u);
        }
  });

  it('words やさしい日本語 its own way for the long instructions', () => {
    const long = allTexts().filter(([, text]) => plain(text.ja).length > 15);
    expect(long.length).toBeGreaterThan(5);
    for (const [where, text] of long) expect(text['ja-easy'], where).not.toBe(text.ja);
  });

  it('counts seconds with the right plural in English and Portuguese', () => {
    expect(RESIDENT_FORMAT.idleCountdown(1).en).toBe('The screen will be hidden in 1 second');
    expect(RESIDENT_FORMAT.idleCountdown(30).pt).toBe('A tela será ocultada em 30 segundos');
    expect(plain(RESIDENT_FORMAT.idleCountdown(30).ja)).toBe('あと30秒で画面を隠します');
  });

  it('names each language in itself, with furigana for the Japanese ones', () => {
    for (const lang of LANGS) expect(plain(LANG_NAME_RUBY[lang]), lang).toBe(LANG_NAMES[lang]);
    for (const lang of ['ja', 'ja-easy'] as const)
      expect(kanjiWithoutRuby(LANG_NAME_RUBY[lang]), lang).toEqual([]);
  });
});
