// Always on top of the resident screens: language, text size, contrast, furigana, and the staff
// button. Pressed states are said by aria-pressed and a check mark, never by colour alone.
import { useContext } from 'preact/hooks';
import { LANG_NAME_RUBY, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import { RubyText } from '../components/RubyText.tsx';
import { Say, ViewContext } from './view.tsx';

export type TextSize = 1 | 2 | 3;
const SIZE_LABELS = { 1: T.textSizeNormal, 2: T.textSizeLarge, 3: T.textSizeExtra } as const;

interface Props {
  readonly textSize: TextSize;
  readonly onTextSize: (size: TextSize) => void;
  readonly contrast: boolean;
  readonly onContrast: (on: boolean) => void;
  readonly onFurigana: (on: boolean) => void;
  readonly onLanguage: () => void;
  readonly onStaff: () => void;
}

export function TopBar({
  textSize,
  onTextSize,
  contrast,
  onContrast,
  onFurigana,
  onLanguage,
  onStaff,
}: Props) {
  const { lang, furigana } = useContext(ViewContext);
  return (
    <header class="resident-bar">
      <button type="button" class="resident-lang-button" onClick={onLanguage} data-testid="language-button">
        <Say text={T.language} />
        {lang !== 'en' && (
          // A resident stuck in a language they cannot read still finds the way back.
          <>
            {' / '}
            <RubyText text={T.language} lang="en" />
          </>
        )}
        <span class="resident-lang-current">
          <RubyText text={LANG_NAME_RUBY[lang]} lang={lang} furigana={furigana} />
        </span>
      </button>
      <fieldset class="resident-bar-group">
        <legend class="resident-bar-label">
          <Say text={T.textSize} />
        </legend>
        {([1, 2, 3] as const).map((size) => (
          <button
            key={size}
            type="button"
            class="resident-toggle"
            aria-pressed={textSize === size}
            onClick={() => onTextSize(size)}
            data-testid={`text-size-${size}`}
          >
            <Say text={SIZE_LABELS[size]} />
          </button>
        ))}
      </fieldset>
      <button
        type="button"
        class="resident-toggle"
        aria-pressed={contrast}
        onClick={() => onContrast(!contrast)}
        data-testid="contrast-toggle"
      >
        <Say text={T.contrast} />
      </button>
      {(lang === 'ja' || lang === 'ja-easy') && (
        <button
          type="button"
          class="resident-toggle"
          aria-pressed={furigana}
          onClick={() => onFurigana(!furigana)}
          data-testid="furigana-toggle"
        >
          <Say text={T.furigana} />
        </button>
      )}
      <button type="button" class="resident-staff" onClick={onStaff} data-testid="staff-exit">
        <Say text={T.staff} />
      </button>
    </header>
  );
}
