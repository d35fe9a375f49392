// The first thing the resident sees, and reachable again from the top bar: seven big buttons,
// each in its own language (so each is read in its own voice), the current one pressed.
import { useContext } from 'preact/hooks';
import { HTML_LANG, LANGS, type Lang } from '../../shared/i18n/lang.ts';
import { LANG_NAME_RUBY, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import { RubyText, SurroundingLang } from '../components/RubyText.tsx';
import { StepHeading } from './StepHeading.tsx';
import { Say, ViewContext } from './view.tsx';

export function LanguageChooser({ onChoose }: { readonly onChoose: (lang: Lang) => void }) {
  const { lang: current, furigana } = useContext(ViewContext);
  return (
    <section class="resident-step" aria-labelledby="resident-step-heading">
      <StepHeading>
        <Say text={T.chooseLanguage} />
      </StepHeading>
      <p>
        <Say text={T.chooseLanguageHelp} />
      </p>
      <ul class="resident-langs">
        {LANGS.map((lang) => (
          <li key={lang}>
            <button
              type="button"
              class="resident-toggle resident-lang-choice"
              lang={HTML_LANG[lang]}
              aria-pressed={lang === current}
              onClick={() => onChoose(lang)}
              data-testid={`lang-${lang}`}
            >
              <SurroundingLang.Provider value={HTML_LANG[lang]}>
                <RubyText text={LANG_NAME_RUBY[lang]} lang={lang} furigana={furigana} />
              </SurroundingLang.Provider>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
