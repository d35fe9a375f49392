// 手続ナビ: every path through each life event's questions gives a plan of real catalogue
// procedures, each once and with a reason; hidden questions cannot change it; seeds are answers
// the proposed procedures accept; and the representative visits propose what the counter expects.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MOVE_KINDS } from './fields.ts';
import {
  findLifeEvent,
  LIFE_EVENTS,
  type LifeEvent,
  type LifeEventPlan,
  shownQuestions,
} from './life-events.ts';
import { CATALOGUE_IDS } from './names.ts';
import { isGroup, type ProcedureDefinition } from './types.ts';

type Answers = Record<string, string>;

/** Every complete set of answers a member of staff can give: one option per shown question. */
function allPaths(event: LifeEvent): Answers[] {
  const out: Answers[] = [];
  const walk = (i: number, a: Answers) => {
    if (i === event.questions.length) {
      out.push(a);
      return;
    }
    const q = event.questions[i];
    if (!q || (q.showIf && !q.showIf(a))) return walk(i + 1, a);
    for (const o of q.options) walk(i + 1, { ...a, [q.id]: o.value });
  };
  walk(0, {});
  return out;
}

const ids = (plan: LifeEventPlan) => plan.procedures.map((p) => p.procedureId);
const planOf = (id: LifeEvent['id'], a: Answers) => (findLifeEvent(id) as LifeEvent).plan(a);

/** Every procedure of the catalogue folder (the registry lists only the loaded ones). */
const catalogue: Promise<ProcedureDefinition[]> = (async () => {
  const folder = fileURLToPath(new URL('./catalogue/', import.meta.url));
  const names = readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -'.ts'.length));
  const out: ProcedureDefinition[] = [];
  for (const name of names) {
    const mod = (await import(`./catalogue/${name}.ts`)) as Record<string, unknown>;
    for (const v of Object.values(mod))
      if (v && typeof v === 'object' && 'print' in v && 'fields' in v) out.push(v as ProcedureDefinition);
  }
  return out;
})();

describe('life events', () => {
  it('covers the five events, each with unique question ids and option values', () => {
    expect(LIFE_EVENTS.map((e) => e.id)).toEqual(['moving', 'birth', 'death', 'marriage', 'care']);
    for (const e of LIFE_EVENTS) {
      expect(e.name.trim(), e.id).not.toBe('');
      expect(e.description.trim(), e.id).not.toBe('');
      expect(new Set(e.questions.map((q) => q.id)).size, e.id).toBe(e.questions.length);
      for (const q of e.questions) {
        expect(q.options.length, `${e.id}.${q.id}`).toBeGreaterThanOrEqual(2);
        expect(new Set(q.options.map((o) => o.value)).size, `${e.id}.${q.id}`).toBe(q.options.length);
      }
    }
  });

  describe.each(LIFE_EVENTS.map((e) => [e.id, e] as const))('%s', (_id, event) => {
    const paths = allPaths(event);

    it('asks 2 to 6 questions on every path', () => {
      for (const a of paths) {
        const n = shownQuestions(event, a).length;
        expect(n, JSON.stringify(a)).toBeGreaterThanOrEqual(2);
        expect(n, JSON.stringify(a)).toBeLessThanOrEqual(6);
      }
    });

    it('proposes catalogue procedures only, each once, each with a reason', () => {
      for (const a of paths) {
        const plan = event.plan(a);
        const proposed = ids(plan);
        for (const id of proposed) expect(CATALOGUE_IDS, JSON.stringify(a)).toContain(id);
        expect(new Set(proposed).size, JSON.stringify(a)).toBe(proposed.length);
        for (const p of plan.procedures)
          expect(p.reason.trim(), `${p.procedureId} ${JSON.stringify(a)}`).not.toBe('');
        for (const r of plan.referrals) {
          expect(r.name.trim() && r.where.trim() && r.reason.trim(), JSON.stringify(r)).toBeTruthy();
          expect(CATALOGUE_IDS).not.toContain(r.name);
        }
        expect(new Set(plan.referrals.map((r) => r.name)).size).toBe(plan.referrals.length);
        expect(plan.procedures.length + plan.referrals.length, JSON.stringify(a)).toBeGreaterThan(0);
      }
    });

    it('ignores answers to questions that are not shown, and values that are not options', () => {
      for (const a of paths) {
        const shown = new Set(shownQuestions(event, a).map((q) => q.id));
        const hidden = event.questions.filter((q) => !shown.has(q.id));
        for (const pick of [0, 1]) {
          const noisy: Answers = { ...a, unknownQuestion: 'yes' };
          for (const q of hidden) noisy[q.id] = q.options[Math.min(pick, q.options.length - 1)]?.value ?? '';
          expect(event.plan(noisy), JSON.stringify(noisy)).toEqual(event.plan(a));
        }
      }
      // A value that is no option counts as no answer.
      const first = event.questions[0];
      if (first) expect(event.plan({ [first.id]: 'not-an-option' })).toEqual(event.plan({}));
    });

    it('seeds only answers that the proposed procedures accept', async () => {
      const procedures = await catalogue;
      for (const a of paths) {
        const plan = event.plan(a);
        const proposed = procedures.filter((p) => ids(plan).includes(p.id));
        for (const [key, value] of Object.entries(plan.seeds)) {
          if (key === 'move.kind') {
            expect(Object.values(MOVE_KINDS)).toContain(value);
            continue;
          }
          const spec = proposed.flatMap((p) => p.fields).find((f) => f.spec.key === key)?.spec;
          expect(spec, `${key} is asked by a proposed procedure (${JSON.stringify(a)})`).toBeDefined();
          if (spec && !isGroup(spec) && spec.options)
            expect(
              spec.options.map((o) => o.value),
              key,
            ).toContain(value);
        }
      }
    });
  });
});

describe('representative visits', () => {
  it('引越し（転入）with a retired adult, children and 国保 proposes the whole counter round', () => {
    const plan = planOf('moving', {
      direction: 'in',
      insuranceIn: 'retired',
      children: 'teate',
      card: 'apply',
      koza: 'yes',
      extrasIn: 'both',
    });
    expect(ids(plan)).toEqual([
      'tennyu',
      'kokuho-shutoku',
      'kokumin-nenkin',
      'jido-teate',
      'juminhyo',
      'inkan-toroku',
      'mynumber-card',
      'kokin-koza',
    ]);
    expect(plan.seeds).toMatchObject({ 'move.kind': 'in', 'kokumin-nenkin.reason': 'left-employee' });
    expect(plan.referrals.map((r) => r.name)).toContain('運転免許証の住所変更');
  });

  it('引越し（転出）refers 国保・児童手当・印鑑登録 elsewhere and books the bulky waste', () => {
    const plan = planOf('moving', {
      direction: 'out',
      insuranceHere: 'yes',
      children: 'teate',
      card: 'has',
      bulky: 'yes',
    });
    expect(ids(plan)).toEqual(['tenshutsu', 'sodai-gomi']);
    expect(plan.seeds).toEqual({ 'move.kind': 'out' });
    expect(plan.referrals.map((r) => r.name)).toEqual([
      '国民健康保険の資格喪失',
      '児童手当の受給事由消滅届',
      'マイナンバーカードの継続利用',
      '印鑑登録の廃止',
    ]);
  });

  it('引越し（転居）: 転居届, and a card application is made here, not referred', () => {
    const plan = planOf('moving', {
      direction: 'within',
      insuranceHere: 'no',
      children: 'none',
      card: 'apply',
      koza: 'registered',
      extrasWithin: 'sodai',
    });
    expect(ids(plan)).toEqual(['tenkyo', 'sodai-gomi', 'mynumber-card']);
    expect(plan.seeds).toEqual({ 'move.kind': 'within' });
    // Moving out, the same answer is a referral to the new municipality instead.
    const out = planOf('moving', {
      direction: 'out',
      insuranceHere: 'no',
      children: 'none',
      card: 'apply',
      bulky: 'no',
    });
    expect(ids(out)).toEqual(['tenshutsu']);
    expect(out.referrals.map((r) => r.name)).toContain('マイナンバーカードの交付申請');
  });

  it('出生: the first child of a single parent in 国保', () => {
    const plan = planOf('birth', {
      siblings: 'first',
      parents: 'single-new',
      insurance: 'kokuho',
      koza: 'yes',
      certificate: 'no',
    });
    expect(ids(plan)).toEqual(['jido-teate', 'jido-fuyo', 'kokuho-shutoku', 'kokin-koza']);
    expect(plan.referrals[0]?.name).toBe('出生届');
    expect(plan.seeds).toEqual({ 'kokuho-shutoku.reason': 'birth', 'kokin-koza.kind': 'touroku' });
  });

  it('出生: a second child adds to the allowance already paid (額改定, not a new claim)', () => {
    const plan = planOf('birth', {
      siblings: 'more',
      parents: 'couple',
      insurance: 'shaho',
      koza: 'no',
      certificate: 'yes',
    });
    expect(ids(plan)).toEqual(['juminhyo']);
    expect(plan.referrals.map((r) => r.name)).toContain('児童手当の額改定請求');
  });

  it('死亡: the family of an employee who supported them', () => {
    const plan = planOf('death', {
      insurance: 'shaho-dependents',
      spouse: 'yes',
      care: 'no',
      children: 'teate-hitorioya',
      head: 'yes',
      certificate: 'yes',
    });
    expect(ids(plan)).toEqual(['kokuho-shutoku', 'kokumin-nenkin', 'jido-teate', 'jido-fuyo', 'juminhyo']);
    expect(plan.seeds).toMatchObject({
      'kokumin-nenkin.reason': 'spouse-left',
      'kokuho-shutoku.reason': 'shaho',
    });
    const referred = plan.referrals.map((r) => r.name);
    expect(referred).toEqual(
      expect.arrayContaining(['死亡届・火葬許可申請', '世帯主変更届', '印鑑登録の廃止']),
    );
    expect(referred).not.toContain('介護保険の資格喪失');
  });

  it('死亡: a 後期高齢者 is always 65+, so 介護保険 is referred without asking', () => {
    const event = findLifeEvent('death') as LifeEvent;
    const a = { insurance: 'kouki', children: 'none', head: 'no', certificate: 'no' };
    expect(shownQuestions(event, a).map((q) => q.id)).not.toContain('care');
    const plan = event.plan(a);
    expect(ids(plan)).toEqual([]);
    expect(plan.referrals.map((r) => r.name)).toContain('介護保険の資格喪失');
  });

  it('婚姻: moving in, a new surname, 国保 and children', () => {
    const plan = planOf('marriage', {
      move: 'in',
      surname: 'yes',
      surnameUpdates: 'both',
      insurance: 'kokuho',
      children: 'teate',
      certificate: 'yes',
    });
    expect(ids(plan)).toEqual([
      'tennyu',
      'inkan-toroku',
      'kokin-koza',
      'kokuho-shutoku',
      'jido-teate',
      'juminhyo',
    ]);
    expect(plan.seeds).toEqual({
      'move.kind': 'in',
      'kokin-koza.kind': 'henko',
      'kokuho-shutoku.reason': 'tennyu',
    });
  });

  it('介護: a 第2号 applying through the family', () => {
    const plan = planOf('care', {
      age: '40to64',
      certification: 'none',
      applicant: 'family',
      card: 'yes',
      koza: 'no',
    });
    expect(ids(plan)).toEqual(['kaigo-nintei', 'mynumber-card']);
    expect(plan.seeds).toEqual({
      'kaigo-nintei.kind': 'new',
      'kaigo-nintei.category': '2',
      'kaigo-nintei.applicantKind': 'family',
    });
    expect(plan.procedures[0]?.reason).toContain('特定疾病');
  });

  it('介護: under 40 is not 介護保険: referred to 障害福祉, no certification asked', () => {
    const event = findLifeEvent('care') as LifeEvent;
    const a = { age: 'under40', certification: 'none', applicant: 'self', card: 'no', koza: 'no' };
    expect(shownQuestions(event, a).map((q) => q.id)).toEqual(['age', 'card', 'koza']);
    const plan = event.plan(a);
    expect(ids(plan)).toEqual([]);
    expect(plan.referrals.map((r) => r.name)).toEqual(['障害福祉サービスの申請']);
  });
});
