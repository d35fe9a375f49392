// Once-only entry (二度同じ項目を入力させない): one visit = one set of answers, keyed by spec key.
// A field used by several chosen procedures is asked once; the card fills what it holds; each
// procedure's application is a view derived from the answers, so a change shows everywhere.
import type { Text } from '../i18n/lang.ts';
import {
  type Answers,
  type AnswerValue,
  type AnySpec,
  type CardAttributes,
  isGroup,
  type ProcedureDefinition,
  type ProcedureField,
  type ProcedureValues,
  type Section,
} from './types.ts';
import { type FieldProblem, normaliseAnswer, validateProcedure } from './validate.ts';

export const SECTION_ORDER: readonly Section[] = [
  'applicant',
  'move',
  'household',
  'contact',
  'child',
  'care',
  'disaster',
  'bank',
  'other',
];

export const SECTION_LABELS: Readonly<Record<Section, string>> = {
  applicant: '申請者・届出人',
  move: '異動（引越し）',
  household: '世帯',
  contact: '連絡先',
  child: '児童',
  care: '介護',
  disaster: '被災の状況',
  bank: '振込先口座',
  other: '手続ごとの項目',
};

export interface Use {
  readonly procedureId: string;
  readonly name: string;
  readonly label: Text;
  readonly required: boolean;
}

/** One question of the interview: a spec, and every procedure that uses it. */
export interface VisitQuestion {
  readonly spec: AnySpec;
  readonly uses: readonly Use[];
}

/** The questions of a visit, each once, ordered by section and then by first use. */
export function visitQuestions(procedures: readonly ProcedureDefinition[]): VisitQuestion[] {
  const byKey = new Map<string, { spec: AnySpec; uses: Use[]; order: number }>();
  let order = 0;
  for (const p of procedures) {
    for (const f of p.fields) {
      let q = byKey.get(f.spec.key);
      if (!q) {
        q = { spec: f.spec, uses: [], order: order++ };
        byKey.set(f.spec.key, q);
      }
      q.uses.push({ procedureId: p.id, name: f.name, label: f.label ?? f.spec.label, required: f.required });
    }
  }
  return [...byKey.values()]
    .sort(
      (a, b) =>
        SECTION_ORDER.indexOf(a.spec.section) - SECTION_ORDER.indexOf(b.spec.section) || a.order - b.order,
    )
    .map(({ spec, uses }) => ({ spec, uses }));
}

/** The answers the card gives: every asked spec bound to a card attribute the card has. */
export function answersFromCard(
  questions: readonly VisitQuestion[],
  card: CardAttributes,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { spec } of questions) {
    if (isGroup(spec) || !spec.card) continue;
    const value = card[spec.card];
    if (value !== undefined && value !== '') out[spec.key] = value;
  }
  return out;
}

/**
 * The visit's answers: what staff typed or the card gave (`explicit`) and, for the rest, what each
 * spec derives from the others (two passes, so a derivation may use a derived value).
 */
export function resolveAnswers(
  questions: readonly VisitQuestion[],
  explicit: Answers,
  today: string,
): Answers {
  let answers: Record<string, AnswerValue> = { ...explicit };
  for (let pass = 0; pass < 2; pass++) {
    const next: Record<string, AnswerValue> = { ...explicit };
    for (const { spec } of questions) {
      if (spec.key in explicit || !spec.derive) continue;
      const derived = spec.derive(answers, today);
      if (derived !== undefined) next[spec.key] = derived;
    }
    answers = next;
  }
  return answers;
}

/** One procedure's application values: its field names over the visit's (normalised) answers. */
export function procedureValues(procedure: ProcedureDefinition, answers: Answers): ProcedureValues {
  const values: Record<string, AnswerValue> = {};
  for (const f of procedure.fields) {
    const raw = answers[f.spec.key];
    values[f.name] = normaliseAnswer(f.spec, raw ?? (isGroup(f.spec) ? [] : ''));
  }
  for (const f of procedure.fields) {
    if (f.showIf && !f.showIf(values)) values[f.name] = isGroup(f.spec) ? [] : '';
  }
  // Empty rows of a group are not sent.
  for (const f of procedure.fields) {
    const v = values[f.name];
    if (Array.isArray(v)) values[f.name] = v.filter((row) => Object.values(row).some((x) => x !== ''));
  }
  return values;
}

/**
 * Does `holds` hold for the field of at least one procedure that uses this question? The values of
 * that procedure are worked out only when `holds` asks for them.
 */
function someUse(
  question: VisitQuestion,
  procedures: readonly ProcedureDefinition[],
  answers: Answers,
  holds: (field: ProcedureField, values: () => ProcedureValues) => boolean,
): boolean {
  return question.uses.some((use) => {
    const p = procedures.find((x) => x.id === use.procedureId);
    const f = p?.fields.find((x) => x.name === use.name);
    if (!p || !f) return false;
    return holds(f, () => procedureValues(p, answers));
  });
}

/** Is this question shown for at least one procedure (its showIf holds)? */
export function isAsked(
  question: VisitQuestion,
  procedures: readonly ProcedureDefinition[],
  answers: Answers,
): boolean {
  return someUse(question, procedures, answers, (f, values) => !f.showIf || f.showIf(values()));
}

export interface VisitProblem extends FieldProblem {
  readonly procedureId: string;
  readonly specKey: string;
}

/** Every problem of every chosen procedure, mapped back to the question (spec key) to fix. */
export function visitProblems(
  procedures: readonly ProcedureDefinition[],
  answers: Answers,
  today: string,
): VisitProblem[] {
  const out: VisitProblem[] = [];
  for (const p of procedures) {
    for (const problem of validateProcedure(p, procedureValues(p, answers), today)) {
      const field = p.fields.find((f) => f.name === problem.key);
      out.push({ ...problem, procedureId: p.id, specKey: field?.spec.key ?? problem.key });
    }
  }
  return out;
}

/** Which procedures require this question (for the "used by" chips and the required mark). */
export function isRequiredSomewhere(
  question: VisitQuestion,
  procedures: readonly ProcedureDefinition[],
  answers: Answers,
): boolean {
  return someUse(
    question,
    procedures,
    answers,
    (f, values) => f.required || (f.requiredIf?.(values()) ?? false),
  );
}
