// A date as staff say it: 西暦 or 和暦 in one box (2025-04-01, 20250401, R7.4.1, 令和7年4月1日),
// read back live with both calendars side by side. Enter and blur store the ISO form. No picker:
// typing is faster at the counter than a calendar popup, and a birth date is far from today.
import { formatDateJa, parseDateInput } from '../../../shared/wareki.ts';
import type { FieldInputProps } from './types.ts';

// Three numbers, or 8 digits: staff have typed a whole date, so "not readable" means "no such day".
const LOOKS_COMPLETE = /^(\D*\d+\D+\d+\D+\d+\D*|\d{8})$/u;

/** What the box says next to the input: the date in both calendars, or why it is not one yet. */
export function dateReading(raw: string): { readonly iso?: string; readonly text: string } {
  const typed = raw.trim();
  if (typed === '') return { text: '例：2025-04-01、20250401、R7.4.1、令和7年4月1日' };
  const iso = parseDateInput(typed);
  if (iso) return { iso, text: formatDateJa(iso) };
  if (LOOKS_COMPLETE.test(typed.normalize('NFKC'))) {
    return {
      text: 'この日付はありません。元号の年（例：平成は31年4月30日まで）と月の日数を確かめてください。',
    };
  }
  return { text: 'まだ日付として読めません。年・月・日を続けて入力してください（例：R7.4.1）。' };
}

export function DateField({ id, value, invalid, describedBy, onInput, ariaLabel }: FieldInputProps) {
  const readingId = `${id}-reading`;
  const reading = dateReading(value);
  // The element's own value, not the prop: Enter's re-render has not happened when blur follows.
  const normalise = (input: HTMLInputElement) => {
    const iso = parseDateInput(input.value);
    if (iso && iso !== input.value) onInput(iso);
  };
  return (
    <span class="date-field">
      <input
        id={id}
        data-testid={id}
        type="text"
        inputMode="text"
        autocomplete="off"
        spellcheck={false}
        size={16}
        value={value}
        aria-invalid={invalid ? 'true' : 'false'}
        aria-describedby={`${readingId} ${describedBy}`.trim()}
        {...(ariaLabel ? { 'aria-label': ariaLabel } : {})}
        onInput={(e) => onInput(e.currentTarget.value)}
        // Enter also moves to the next field (the form's handler): normalise, never stop it.
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.isComposing) normalise(e.currentTarget);
        }}
        onBlur={(e) => normalise(e.currentTarget)}
      />
      <span
        id={readingId}
        class={reading.iso ? 'date-reading' : 'date-reading hint'}
        data-testid={`${id}-reading`}
        aria-live="polite"
      >
        {reading.text}
      </span>
    </span>
  );
}
