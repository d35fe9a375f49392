// The interview (聞き取り): every question of the visit once, whatever number of procedures need
// it. Card answers arrive filled (カード), derived answers follow the ones they come from (自動)
// until staff type over them. Keyboard first: Enter → next field, Shift+Enter → previous,
// Alt+↓/↑ → next/previous section, Ctrl+Enter → to the resident. Touch works the same.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { CardEvidence } from '../../shared/application.ts';
import { ja } from '../../shared/i18n/lang.ts';
import type { Answers, AnswerValue, ProcedureDefinition } from '../../shared/procedures/types.ts';
import { isGroup } from '../../shared/procedures/types.ts';
import {
  isAsked,
  isRequiredSomewhere,
  resolveAnswers,
  SECTION_LABELS,
  SECTION_ORDER,
  type VisitProblem,
  type VisitQuestion,
  visitProblems,
  visitQuestions,
} from '../../shared/procedures/visit.ts';
import { CHECK_LABELS } from '../components/ReadSteps.tsx';
import { FieldInput, FieldLabel, FieldWrapper, GroupInput, rendersAsGroup } from './interview-inputs.tsx';
import { jumpSection, moveFocus } from './interview-keys.ts';

export interface InterviewResult {
  readonly answers: Answers; // resolved: typed, from the card, and derived
  readonly explicit: Answers; // what was typed or read, so a return keeps derivations live
  readonly omitted: Readonly<Record<string, readonly string[]>>; // procedure id → attachment ids
}

interface Props {
  readonly procedures: readonly ProcedureDefinition[];
  /** What the card gave and what 手続ナビ implied, by spec key; staff may change them. */
  readonly initial: Answers;
  /** Keys filled from the card (marked カード, and "changed from the card" when edited). */
  readonly fromCard: Answers;
  readonly evidence: CardEvidence;
  readonly today: string;
  readonly initialOmitted?: Readonly<Record<string, readonly string[]>>;
  readonly onBack: () => void;
  readonly onConfirm: (result: InterviewResult) => void | Promise<void>;
}

const fieldId = (key: string) => `q-${key.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

export function Interview(props: Props) {
  const { procedures, fromCard, evidence, today } = props;
  const questions = useMemo(() => visitQuestions(procedures), [procedures]);
  const [explicit, setExplicit] = useState<Record<string, AnswerValue>>(() => ({ ...props.initial }));
  const [omitted, setOmitted] = useState<Record<string, readonly string[]>>(
    () =>
      props.initialOmitted ??
      Object.fromEntries(
        procedures.map((p) => [p.id, p.attachments.filter((a) => a.omittableByLinkage).map((a) => a.id)]),
      ),
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [showAll, setShowAll] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The postal lookup answers after a delay: it must see what staff typed meanwhile.
  const explicitRef = useRef(explicit);
  explicitRef.current = explicit;
  const formRef = useRef<HTMLFormElement>(null);

  const answers = useMemo(() => resolveAnswers(questions, explicit, today), [questions, explicit, today]);
  const problems = useMemo(() => visitProblems(procedures, answers, today), [procedures, answers, today]);
  const asked = questions.filter((q) => isAsked(q, procedures, answers));
  const sections = SECTION_ORDER.map((s) => ({
    section: s,
    questions: asked.filter((q) => q.spec.section === s),
  })).filter((s) => s.questions.length > 0);
  const names = new Map(procedures.map((p) => [p.id, ja(p.name)]));

  const set = (key: string, value: AnswerValue) => setExplicit((prev) => ({ ...prev, [key]: value }));
  const touch = (key: string) => setTouched((prev) => (prev.has(key) ? prev : new Set([...prev, key])));
  const problemsOf = (key: string) =>
    showAll || touched.has(key) ? dedupe(problems.filter((p) => p.specKey === key)) : [];

  const submit = (e?: Event) => {
    e?.preventDefault();
    if (problems.length > 0) {
      setShowAll(true);
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    void props.onConfirm({ answers, explicit, omitted });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (e.isComposing) return; // Enter that confirms a kanji conversion (IME) stays in the field
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      submit();
      return;
    }
    if (e.key === 'Enter' && target.tagName !== 'TEXTAREA' && target.tagName !== 'BUTTON' && !e.altKey) {
      e.preventDefault();
      moveFocus(formRef.current, target, e.shiftKey ? -1 : 1);
      return;
    }
    if (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      jumpSection(formRef.current, target, e.key === 'ArrowDown' ? 1 : -1);
    }
  };

  return (
    <main>
      <form ref={formRef} class="stack interview" onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <h2>聞き取り：{procedures.map((p) => names.get(p.id)).join('・')}</h2>
        <p class="hint" id="interview-keys">
          Enter：次の項目　Shift+Enter：前の項目　Alt+↓／↑：次／前の区分　Ctrl+Enter：住民の方の確認へ
        </p>
        <CardNote fromCard={fromCard} evidence={evidence} />
        {showAll && problems.length > 0 && (
          <div class="message error" role="alert" tabIndex={-1} ref={summaryRef} data-testid="form-problems">
            <p>入力内容を確認してください（{problems.length}件）。</p>
            <ul>
              {dedupe(problems)
                .slice(0, 12)
                .map((p) => (
                  <li key={`${p.procedureId}-${p.key}-${p.row}-${p.column}-${p.message}`}>
                    <a href={`#${fieldId(p.specKey)}`}>
                      {names.get(p.procedureId)}：{p.message}
                    </a>
                  </li>
                ))}
            </ul>
          </div>
        )}
        {sections.map(({ section, questions: qs }) => (
          <fieldset key={section} class="interview-section" data-section={section}>
            <legend>{SECTION_LABELS[section]}</legend>
            <div class="grid-2">
              {qs.map((q) => (
                <Question
                  key={q.spec.key}
                  question={q}
                  value={answers[q.spec.key]}
                  explicit={q.spec.key in explicit}
                  cardValue={fromCard[q.spec.key]}
                  required={isRequiredSomewhere(q, procedures, answers)}
                  problems={problemsOf(q.spec.key)}
                  procedureNames={names}
                  multi={procedures.length > 1}
                  onChange={(v) => set(q.spec.key, v)}
                  onBlur={() => touch(q.spec.key)}
                  onAddress={(address) => {
                    const target = addressKeyFor(q.spec.key);
                    // Staff may already have typed the address (with 番地): never overwrite it.
                    const now = explicitRef.current;
                    if (!target || (target in now && now[target] !== '')) return false;
                    // Staff are typing the address right now: the lookup must not change it under them.
                    if (document.activeElement?.id === fieldId(target)) return false;
                    set(target, address);
                    return true;
                  }}
                />
              ))}
            </div>
          </fieldset>
        ))}
        <Attachments procedures={procedures} omitted={omitted} onChange={setOmitted} />
        <div class="row">
          <button type="button" onClick={props.onBack}>
            戻る
          </button>
          <button class="primary" type="submit" data-testid="to-resident" aria-describedby="interview-keys">
            住民の方の確認へ進む
          </button>
        </div>
      </form>
    </main>
  );
}

function dedupe(problems: readonly VisitProblem[]): VisitProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.specKey}|${p.row}|${p.column}|${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The address question a postal code fills: move.newPostalCode → move.newAddress, x.postalCode → x.address. */
export function addressKeyFor(postalKey: string): string | undefined {
  if (postalKey.endsWith('PostalCode')) return postalKey.replace(/PostalCode$/, 'Address');
  if (postalKey.endsWith('.postalCode')) return postalKey.replace(/\.postalCode$/, '.address');
  return undefined;
}

function CardNote({ fromCard, evidence }: { fromCard: Answers; evidence: CardEvidence }) {
  if (Object.keys(fromCard).length === 0)
    return (
      <p class="message warn">カードを読み取らずに手入力しています。本人確認書類と照らし合わせてください。</p>
    );
  return (
    <div class="message info" data-testid="card-checks">
      <p>「カード」の項目はカードから読み取りました。残りの項目を入力してください。</p>
      <ul>
        {evidence.checks.map((c) => (
          <li key={c} data-check={c}>
            {CHECK_LABELS[c] ?? c}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface QuestionProps {
  readonly question: VisitQuestion;
  readonly value: AnswerValue | undefined;
  readonly explicit: boolean;
  readonly cardValue: AnswerValue | undefined;
  readonly required: boolean;
  readonly problems: readonly VisitProblem[];
  readonly procedureNames: ReadonlyMap<string, string>;
  readonly multi: boolean;
  readonly onChange: (v: AnswerValue) => void;
  readonly onBlur: () => void;
  readonly onAddress: (address: string) => boolean;
}

function Question(p: QuestionProps) {
  const { spec, uses } = p.question;
  const id = fieldId(spec.key);
  const label = ja(uses[0]?.label ?? spec.label);
  const otherWordings = [...new Set(uses.map((u) => ja(u.label)).filter((l) => l !== label))];
  const source =
    p.cardValue !== undefined
      ? 'card'
      : !p.explicit && spec.derive && p.value !== undefined
        ? 'derived'
        : 'staff';
  const changedFromCard = p.cardValue !== undefined && p.cardValue !== p.value;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = p.problems.length > 0 ? `${hintId} ${errorId}` : hintId;
  const invalid = p.problems.length > 0;

  return (
    <div class={isGroup(spec) ? 'question wide' : 'question'} data-question={spec.key} onFocusOut={p.onBlur}>
      {isGroup(spec) ? (
        <GroupInput
          id={id}
          spec={spec}
          label={label}
          required={p.required}
          rows={Array.isArray(p.value) ? p.value : []}
          problems={p.problems}
          describedBy={describedBy}
          onChange={p.onChange}
        />
      ) : (
        <FieldWrapper choice={rendersAsGroup(spec)} describedBy={describedBy}>
          <FieldLabel id={id} label={label} required={p.required} source={source} spec={spec} />
          <FieldInput
            id={id}
            spec={spec}
            value={typeof p.value === 'string' ? p.value : ''}
            invalid={invalid}
            describedBy={describedBy}
            onInput={p.onChange}
            onAddress={p.onAddress}
          />
        </FieldWrapper>
      )}
      <div id={hintId} class="hint">
        {spec.help && <span>{ja(spec.help)} </span>}
        {otherWordings.length > 0 && <span>（書類によって「{otherWordings.join('」「')}」） </span>}
        {changedFromCard && <span>※カードの内容から変更されています </span>}
        {p.multi && (
          <span class="uses">
            使う手続：
            {uses.map((u) => (
              <span class="chip" key={u.procedureId}>
                {p.procedureNames.get(u.procedureId)}
              </span>
            ))}
          </span>
        )}
      </div>
      {invalid && (
        <div id={errorId} class="field-error" data-testid={`${id}-error`}>
          {p.problems.map((x) => (
            <p key={`${x.procedureId}-${x.row}-${x.column}-${x.message}`}>{x.message}</p>
          ))}
        </div>
      )}
    </div>
  );
}

function Attachments(props: {
  procedures: readonly ProcedureDefinition[];
  omitted: Readonly<Record<string, readonly string[]>>;
  onChange: (o: Record<string, readonly string[]>) => void;
}) {
  const withAttachments = props.procedures.filter((p) => p.attachments.length > 0);
  if (withAttachments.length === 0) return null;
  const toggle = (procedureId: string, attachmentId: string, on: boolean) => {
    const current = props.omitted[procedureId] ?? [];
    props.onChange({
      ...props.omitted,
      [procedureId]: on ? [...current, attachmentId] : current.filter((x) => x !== attachmentId),
    });
  };
  return (
    <fieldset class="interview-section" data-section="attachments">
      <legend>添付書類</legend>
      {withAttachments.map((p) => (
        <div key={p.id}>
          <h3>{ja(p.name)}</h3>
          <ul class="attachments">
            {p.attachments.map((a) => (
              <li key={a.id}>
                {a.omittableByLinkage ? (
                  <label class="choice">
                    <input
                      type="checkbox"
                      checked={(props.omitted[p.id] ?? []).includes(a.id)}
                      onChange={(e) => toggle(p.id, a.id, e.currentTarget.checked)}
                      data-testid={`omit-${p.id}-${a.id}`}
                    />
                    {ja(a.name)}：情報連携で取得（住民の方は持参不要）
                  </label>
                ) : (
                  <span>
                    {ja(a.name)}：持参が必要{a.when ? `（${a.when}）` : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </fieldset>
  );
}
