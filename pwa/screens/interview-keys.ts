// Keyboard moves of the interview form: Enter / Shift+Enter to the next or previous field (a radio
// group is one stop), Alt+↓/↑ to the next or previous section.

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

function fields(form: HTMLFormElement | null): HTMLElement[] {
  if (!form) return [];
  const all = [...form.querySelectorAll<HTMLElement>(FOCUSABLE)];
  // A radio group is one stop: its checked (or first) radio.
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = all.filter(
      (x) => x instanceof HTMLInputElement && x.type === 'radio' && x.name === el.name,
    );
    const checked = group.find((x) => (x as HTMLInputElement).checked);
    return el === (checked ?? group[0]);
  });
}

export function moveFocus(form: HTMLFormElement | null, from: HTMLElement, step: 1 | -1): void {
  const list = fields(form);
  let i = list.indexOf(from);
  if (i < 0 && from instanceof HTMLInputElement && from.type === 'radio')
    i = list.findIndex((x) => x instanceof HTMLInputElement && x.name === from.name);
  const next = list[i + step];
  if (next) next.focus();
  else if (step === 1) form?.querySelector<HTMLElement>('[data-testid=to-resident]')?.focus();
}

export function jumpSection(form: HTMLFormElement | null, from: HTMLElement, step: 1 | -1): void {
  if (!form) return;
  const sections = [...form.querySelectorAll<HTMLElement>('fieldset.interview-section')];
  const current = sections.findIndex((s) => s.contains(from));
  const target = sections[Math.max(0, Math.min(sections.length - 1, current + step))];
  target?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
}
