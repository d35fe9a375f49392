// Completeness checks over the catalogue, run by the meta-test: a procedure that a resident could
// see half-translated, without furigana, or print without one of its fields fails here.
import { kanjiWithoutRuby, LANGS, type Text } from '../i18n/lang.ts';
import { type AnySpec, type FieldSpec, isGroup, type ProcedureDefinition } from './types.ts';

/** Problems of one `Text` a resident sees: every language present, furigana over every kanji. */
export function textProblems(where: string, t: Text | undefined): string[] {
  if (!t) return [`${where}: missing`];
  const out: string[] = [];
  for (const lang of LANGS) {
    const s = t[lang];
    if (typeof s !== 'string' || s.trim() === '') out.push(`${where}: no ${lang} text`);
  }
  for (const lang of ['ja', 'ja-easy'] as const) {
    const bare = kanjiWithoutRuby(t[lang] ?? '');
    if (bare.length > 0) out.push(`${where}: ${lang} kanji without furigana: ${bare.join('')}`);
  }
  return out;
}

function specProblems(where: string, spec: AnySpec): string[] {
  const out = [...textProblems(`${where} label`, spec.label)];
  if (spec.help) out.push(...textProblems(`${where} help`, spec.help));
  if (isGroup(spec)) {
    if (spec.minRows < 0 || spec.maxRows < Math.max(1, spec.minRows)) out.push(`${where}: bad row limits`);
    for (const c of spec.columns) out.push(...specProblems(`${where}.${c.key}`, c));
    for (const r of spec.requiredColumns)
      if (!spec.columns.some((c) => c.key === r)) out.push(`${where}: required column ${r} does not exist`);
    return out;
  }
  const field = spec as FieldSpec;
  if (field.type === 'choice' || field.type === 'flags') {
    if (!field.options || field.options.length < 2) out.push(`${where}: a choice needs at least 2 options`);
    for (const o of field.options ?? []) {
      out.push(...textProblems(`${where} option ${o.value}`, o.label));
      if (o.value.includes(',')) out.push(`${where} option ${o.value}: no commas in codes`);
    }
  }
  if (field.type === 'digits' && !(field.digits && field.digits > 0))
    out.push(`${where}: digits needs its length`);
  if (field.type === 'integer' && (field.minValue === undefined || field.maxValue === undefined))
    out.push(`${where}: integers need minValue and maxValue`);
  return out;
}

export function procedureProblems(p: ProcedureDefinition): string[] {
  const out: string[] = [];
  if (!/^[a-z][a-z0-9-]{1,30}$/.test(p.id)) out.push(`${p.id}: id must be kebab-case`);
  out.push(...textProblems(`${p.id} name`, p.name), ...textProblems(`${p.id} description`, p.description));
  if (!p.basis.trim()) out.push(`${p.id}: no legal basis`);
  if (!p.department.trim()) out.push(`${p.id}: no department`);
  const names = p.fields.map((f) => f.name);
  if (new Set(names).size !== names.length) out.push(`${p.id}: duplicate field names`);
  if (p.fields.length === 0) out.push(`${p.id}: no fields`);
  for (const f of p.fields) {
    out.push(...specProblems(`${p.id}.${f.name}`, f.spec));
    if (f.label) out.push(...textProblems(`${p.id}.${f.name} label`, f.label));
    if (!f.spec.key.includes('.')) out.push(`${p.id}.${f.name}: spec key must be namespaced`);
    const own = f.spec.key.startsWith(`${p.id}.`);
    const shared = /^(applicant|move|household|contact|bank|child|care|disaster)\./.test(f.spec.key);
    if (!own && !shared)
      out.push(`${p.id}.${f.name}: spec key ${f.spec.key} is neither shared nor ${p.id}.*`);
  }
  const hasMyNumberField = p.fields.some((f) => f.spec.type === 'my-number');
  if (hasMyNumberField !== Boolean(p.myNumber))
    out.push(`${p.id}: a My Number field needs myNumber.basis, and myNumber.basis needs the field`);
  const ruleIds = p.rules.map((r) => r.id);
  if (new Set(ruleIds).size !== ruleIds.length) out.push(`${p.id}: duplicate rule ids`);
  for (const r of p.rules)
    for (const f of r.fields) if (!names.includes(f)) out.push(`${p.id} rule ${r.id}: no field ${f}`);
  const attachmentIds = p.attachments.map((a) => a.id);
  if (new Set(attachmentIds).size !== attachmentIds.length) out.push(`${p.id}: duplicate attachment ids`);
  for (const a of p.attachments) out.push(...textProblems(`${p.id} attachment ${a.id}`, a.name));

  // Print: every field on the paper form exactly once, rows of at most 12 columns, a signature box.
  const printed: string[] = [];
  let signatures = 0;
  if (p.print.pages.length === 0) out.push(`${p.id}: print layout has no page`);
  for (const page of p.print.pages)
    for (const section of page.sections)
      for (const row of section.rows) {
        const span = row.reduce((n, c) => n + c.span, 0);
        if (span > 12) out.push(`${p.id} print "${section.heading}": a row spans ${span} > 12 columns`);
        for (const cell of row) {
          if ('field' in cell) printed.push(cell.field);
          if ('signature' in cell) signatures++;
        }
      }
  for (const n of printed) if (!names.includes(n)) out.push(`${p.id} print: no field ${n}`);
  for (const n of names) {
    const count = printed.filter((x) => x === n).length;
    if (count !== 1) out.push(`${p.id} print: field ${n} printed ${count} times`);
  }
  if (signatures === 0) out.push(`${p.id} print: no signature box`);
  return out;
}

/** Across procedures: a spec key means one field everywhere (once-only depends on it). */
export function catalogueProblems(all: readonly ProcedureDefinition[]): string[] {
  const out: string[] = [];
  const seen = new Map<string, { spec: AnySpec; in: string }>();
  for (const p of all) {
    out.push(...procedureProblems(p));
    for (const f of p.fields) {
      const earlier = seen.get(f.spec.key);
      if (!earlier) seen.set(f.spec.key, { spec: f.spec, in: p.id });
      else if (earlier.spec !== f.spec)
        out.push(
          `${p.id}.${f.name}: spec ${f.spec.key} differs from the one in ${earlier.in} (import it from fields.ts)`,
        );
    }
  }
  return out;
}
