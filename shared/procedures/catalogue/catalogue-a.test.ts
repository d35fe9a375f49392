// Catalogue A (転出・転居・住民票・印鑑登録・児童手当・児童扶養手当・国保取得): each procedure is
// complete, its fictional sample passes, every cross-field rule fires on a crafted bad variant and
// not on the sample, every required field is enforced, and the form-specific types hold.
import { describe, expect, it } from 'vitest';
import { sample as inkanSample } from '../../../test/fixtures/samples/inkan-toroku.ts';
import { sample as fuyoSample } from '../../../test/fixtures/samples/jido-fuyo.ts';
import { sample as teateSample } from '../../../test/fixtures/samples/jido-teate.ts';
import { sample as juminhyoSample } from '../../../test/fixtures/samples/juminhyo.ts';
import { sample as kokuhoSample } from '../../../test/fixtures/samples/kokuho-shutoku.ts';
import { YAMADA } from '../../../test/fixtures/samples/people.ts';
import { sample as tenkyoSample } from '../../../test/fixtures/samples/tenkyo.ts';
import { sample as tenshutsuSample } from '../../../test/fixtures/samples/tenshutsu.ts';
import { MOVE_KINDS } from '../fields.ts';
import { ageOn, fiscalYearEndAtAge, holderMatchesKana } from '../fields-family.ts';
import { catalogueProblems, procedureProblems } from '../meta.ts';
import { type GroupRow, isGroup, type ProcedureDefinition, type ProcedureValues } from '../types.ts';
import { validateProcedure } from '../validate.ts';
import { procedureValues, resolveAnswers, visitQuestions } from '../visit.ts';
import { inkanToroku } from './inkan-toroku.ts';
import { jidoFuyo } from './jido-fuyo.ts';
import { jidoTeate } from './jido-teate.ts';
import { juminhyo } from './juminhyo.ts';
import { kokuhoShutoku } from './kokuho-shutoku.ts';
import { tenkyo } from './tenkyo.ts';
import { tennyu } from './tennyu.ts';
import { tenshutsu } from './tenshutsu.ts';

const TODAY = '2026-12-01';

type Values = Record<string, ProcedureValues[string]>;
type Variant = (s: Values) => Values;

/** The sample without some fields (hidden fields must be absent or empty). */
const without = (s: Values, ...names: string[]): Values =>
  Object.fromEntries(Object.entries(s).filter(([k]) => !names.includes(k)));
const rows = (s: Values, name: string): GroupRow[] => [
  ...((s[name] as readonly GroupRow[] | undefined) ?? []),
];
const withRow = (s: Values, name: string, i: number, patch: GroupRow): Values => {
  const r = rows(s, name);
  r[i] = { ...(r[i] as GroupRow), ...patch };
  return { ...s, [name]: r };
};

const household = {
  'household-one-head': (s: Values) => withRow(s, 'movers', 1, { relationship: 'head' }),
  'household-head-matches': (s: Values) => ({ ...s, householdHead: '山田　花子' }),
  'household-no-duplicates': (s: Values) => ({
    ...s,
    movers: [...rows(s, 'movers'), rows(s, 'movers')[1] as GroupRow],
  }),
};
const proxyFor = {
  principalName: '山田　梅子',
  principalNameKana: 'ヤマダ　ウメコ',
  principalBirthDate: '1950-03-03',
};

/** For each procedure: its sample and, for every rule id, a variant of the sample that breaks it. */
const CASES: readonly { p: ProcedureDefinition; sample: ProcedureValues; bad: Record<string, Variant> }[] = [
  {
    p: tenshutsu,
    sample: tenshutsuSample,
    bad: {
      ...household,
      'tenshutsu-notifier-moves': (s) => ({ ...s, name: '山田　次郎' }),
      'tenshutsu-new-address-differs': (s) => ({ ...s, newAddress: s.address as string }),
      'tenshutsu-movers-born': (s) =>
        withRow({ ...s, moveDate: '2026-11-20' }, 'movers', 2, { birthDate: '2026-11-25' }),
    },
  },
  {
    p: tenkyo,
    sample: tenkyoSample,
    bad: {
      ...household,
      'tenkyo-after-move': (s) => ({ ...s, moveDate: '2026-12-05' }),
      'tenkyo-notifier-moves': (s) => ({ ...s, name: '山田　次郎' }),
      'tenkyo-new-address-differs': (s) => ({ ...s, newAddress: ` ${s.oldAddress as string}` }),
      'tenkyo-movers-born': (s) => withRow(s, 'movers', 1, { birthDate: '2026-11-28' }),
    },
  },
  {
    p: juminhyo,
    sample: juminhyoSample,
    bad: {
      'juminhyo-third-party-items': (s) => ({
        ...without(s, 'householdHead'),
        relation: 'third',
        include: 'head,mynumber',
      }),
      'juminhyo-principal-differs': (s) => ({
        ...s,
        principalName: s.name as string,
        principalBirthDate: s.birthDate as string,
      }),
      'juminhyo-household-address': (s) => ({ ...s, principalAddress: '東京都千代田区試験町三丁目４番５号' }),
    },
  },
  {
    p: inkanToroku,
    sample: inkanSample,
    bad: {
      'inkan-age': (s) => ({ ...s, birthDate: '2012-01-15' }),
      'inkan-age-principal': (s) => ({
        ...without(s, 'guarantorName', 'guarantorAddress', 'guarantorBirthDate', 'guarantorSealNumber'),
        ...proxyFor,
        applicantRole: 'proxy',
        principalBirthDate: '2012-01-15',
        principalAddress: s.address as string,
        idMethod: 'inquiry',
      }),
      'inkan-proxy-inquiry': (s) => ({
        ...s,
        ...proxyFor,
        applicantRole: 'proxy',
        principalAddress: s.address as string,
      }),
      'inkan-photo-id': (s) => ({
        ...without(s, 'guarantorName', 'guarantorAddress', 'guarantorBirthDate', 'guarantorSealNumber'),
        idMethod: 'photo-id',
        idDocument: 'two-docs',
      }),
      'inkan-guarantor-not-registrant': (s) => ({ ...s, guarantorName: s.name as string }),
      'inkan-seal-checks': (s) => ({ ...s, sealChecks: 'name,size' }),
    },
  },
  {
    p: jidoTeate,
    sample: teateSample,
    bad: {
      'jido-teate-child-age': (s) => withRow(s, 'children', 0, { birthDate: '2008-04-01' }),
      'jido-teate-dependent-age': (s) => withRow(s, 'dependents', 0, { birthDate: '2009-01-10' }),
      'jido-teate-children-after-claimant': (s) => ({ ...s, birthDate: '2012-01-01' }),
      'jido-teate-children-no-duplicates': (s) => ({
        ...s,
        children: [...rows(s, 'children'), rows(s, 'children')[0] as GroupRow],
      }),
      'jido-teate-children-apart-address': (s) => withRow(s, 'children', 1, { address: '' }),
      'jido-teate-dependents-not-children': (s) => {
        const { name, nameKana, birthDate, relationship, living } = rows(s, 'children')[0] as GroupRow;
        return {
          ...s,
          dependents: [
            ...rows(s, 'dependents'),
            { name, nameKana, birthDate, relationship, living },
          ] as GroupRow[],
        };
      },
      'jido-teate-public-servant': (s) => ({ ...s, pensionSystem: 'kyosai' }),
      'jido-teate-higher-earner': (s) => ({ ...s, higherEarner: 'spouse', note: '' }),
      'jido-teate-holder': (s) => ({ ...s, holderKana: 'ﾔﾏﾀﾞ ﾊﾅｺ' }),
    },
  },
  {
    p: jidoFuyo,
    sample: fuyoSample,
    bad: {
      'jido-fuyo-child-age': (s) => ({ ...s, disabledChildren: '' }),
      'jido-fuyo-disabled-listed': (s) => ({ ...s, disabledChildren: '鈴木　大地、鈴木　空' }),
      'jido-fuyo-children-after-claimant': (s) => ({ ...s, birthDate: '2010-01-01' }),
      'jido-fuyo-children-no-duplicates': (s) => ({
        ...s,
        children: [...rows(s, 'children'), rows(s, 'children')[2] as GroupRow],
      }),
      'jido-fuyo-children-apart-address': (s) => withRow(s, 'children', 2, { living: 'apart' }),
      'jido-fuyo-abandoned-year': (s) => ({ ...s, reason: 'abandoned', reasonDate: '2026-06-01' }),
      'jido-fuyo-housemates-not-children': (s) => {
        const kid = rows(s, 'children')[2] as GroupRow;
        return {
          ...s,
          housemates: [
            ...rows(s, 'housemates'),
            { name: kid.name, birthDate: kid.birthDate, relationship: 'child', myNumber: '' } as GroupRow,
          ],
        };
      },
      'jido-fuyo-holder': (s) => ({ ...s, holderKana: 'ｻﾄｳ ﾊﾅｺ' }),
    },
  },
  {
    p: kokuhoShutoku,
    sample: kokuhoSample,
    bad: {
      'household-one-head': (s) => withRow(s, 'members', 1, { relationship: 'head' }),
      'household-head-matches': (s) => ({ ...s, householdHead: '山田　花子' }),
      'household-no-duplicates': (s) => ({
        ...s,
        members: [...rows(s, 'members'), rows(s, 'members')[1] as GroupRow],
      }),
      'kokuho-shaho-same-day': (s) => ({ ...s, previousLossDate: '2026-11-20' }),
      'kokuho-birth-member': (s) => ({
        ...without(s, 'previousInsurer', 'previousLossDate'),
        reason: 'birth',
      }),
      'kokuho-members-born': (s) => ({
        ...s,
        members: [
          ...rows(s, 'members'),
          {
            name: '山田　三郎',
            nameKana: 'ヤマダ　サブロウ',
            birthDate: '2026-11-25',
            sex: '1',
            relationship: 'child',
            myNumber: '',
          },
        ],
      }),
    },
  },
];

const problemsOf = (p: ProcedureDefinition, v: ProcedureValues) => validateProcedure(p, v, TODAY);

describe.each(CASES)('$p.id', ({ p, sample, bad }) => {
  it('is complete (translations, furigana, print layout, rules)', () => {
    expect(procedureProblems(p)).toEqual([]);
  });

  it('accepts its fictional sample, every field that applies filled', () => {
    expect(problemsOf(p, sample).map((x) => x.message)).toEqual([]);
    const shown = p.fields.filter((f) => !f.showIf || f.showIf(sample));
    // Optional fields too: the print test and the legacy recipes see every box filled.
    const empty = shown.filter((f) => {
      const v = sample[f.name];
      return v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    });
    expect(empty.map((f) => f.name)).toEqual([]);
  });

  it('has a bad variant for every cross-field rule', () => {
    expect(Object.keys(bad).sort()).toEqual(p.rules.map((r) => r.id).sort());
  });

  it.each(p.rules.map((r) => [r.id, r] as const))(
    'rule %s fires on its bad variant, not on the sample',
    (id, rule) => {
      expect(rule.check(sample, TODAY), id).toBeUndefined();
      const variant = (bad[id] as Variant)({ ...sample });
      const message = rule.check(variant, TODAY);
      expect(message, id).toMatch(/。$/u);
      const problems = problemsOf(p, variant);
      // Field checks pass on the variant (rules run only then) and the rule's message is on its field.
      expect(problems).toContainEqual(expect.objectContaining({ key: rule.fields[0], message }));
    },
  );

  it('reports each required field left empty, on that field', () => {
    const required = p.fields.filter(
      (f) => (!f.showIf || f.showIf(sample)) && (f.required || f.requiredIf?.(sample)),
    );
    expect(required.length).toBeGreaterThan(0);
    for (const f of required) {
      const blank = { ...sample, [f.name]: isGroup(f.spec) ? [] : '' };
      expect(
        problemsOf(p, blank).some((x) => x.key === f.name),
        f.name,
      ).toBe(true);
    }
  });

  it('keeps each printed page within one A4 sheet', () => {
    for (const page of p.print.pages) {
      let units = 0;
      for (const row of page.sections.flatMap((s) => s.rows)) {
        units += Math.max(
          1,
          ...row.map((cell) => {
            if (!('field' in cell)) return 1;
            const spec = p.fields.find((f) => f.name === cell.field)?.spec;
            if (spec && isGroup(spec)) return spec.maxRows + 1;
            return spec?.type === 'note' ? 3 : 1;
          }),
        );
      }
      expect(units, p.id).toBeLessThanOrEqual(16);
    }
  });
});

describe('catalogue A with 転入届', () => {
  const all = CASES.map((c) => c.p);

  it('reads the My Number, signs on its own and skips attachments exactly where the law and seeds say', () => {
    const facts = all.map((p) => ({
      id: p.id,
      myNumber: Boolean(p.myNumber),
      signature: p.signature,
      omittable: p.attachments.filter((a) => a.omittableByLinkage).map((a) => a.id),
    }));
    expect(facts).toEqual([
      { id: 'tenshutsu', myNumber: false, signature: 'visit', omittable: [] },
      { id: 'tenkyo', myNumber: false, signature: 'visit', omittable: [] },
      { id: 'juminhyo', myNumber: false, signature: 'visit', omittable: [] },
      { id: 'inkan-toroku', myNumber: false, signature: 'procedure', omittable: [] },
      { id: 'jido-teate', myNumber: true, signature: 'visit', omittable: ['kazei-shomei', 'juminhyo'] },
      {
        id: 'jido-fuyo',
        myNumber: true,
        signature: 'visit',
        // seeds §3.7: 住民票, 課税証明書, 特別児童扶養手当証書, 障害者手帳, 年金額改定通知書, 年金証書
        omittable: [
          'juminhyo',
          'kazei-shomei',
          'tokubetsu-jido-fuyo',
          'shogaisha-techo',
          'nenkin-kaitei',
          'nenkin-shosho',
        ],
      },
      { id: 'kokuho-shutoku', myNumber: true, signature: 'visit', omittable: [] },
    ]);
    for (const p of all.filter((x) => x.myNumber))
      expect(p.fields.find((f) => f.spec.key === 'applicant.myNumber')?.required, p.id).toBe(true);
  });

  it('shares every spec key with one spec only (once-only)', () => {
    expect(catalogueProblems([...all, tennyu])).toEqual([]);
  });

  it('asks the children once for both allowances, defaulting from the people who move in', () => {
    const questions = visitQuestions([tennyu, jidoTeate, jidoFuyo, kokuhoShutoku]);
    expect(questions.filter((q) => q.spec.key === 'child.children')).toHaveLength(1);
    const movers = [YAMADA.taro, YAMADA.hanako, YAMADA.ichiro];
    const answers = resolveAnswers(
      questions,
      {
        'move.kind': MOVE_KINDS.in,
        'move.movers': movers,
        'move.date': '2026-11-20',
        'household.relationship': 'head',
        'applicant.cardAddress': '大阪府大阪市北区試験町一丁目３番２０号',
        'kokuho-shutoku.reason': 'tennyu',
      },
      '2026-12-01',
    );
    const teate = procedureValues(jidoTeate, answers);
    expect(rows(teate, 'children').map((r) => [r.name, r.living])).toEqual([['山田　一郎', 'together']]);
    expect([teate.hasSpouse, teate.spouseName, teate.spouseBirthDate]).toEqual([
      'yes',
      '山田　花子',
      '1982-07-07',
    ]);
    expect([teate.jan1Residence, teate.jan1Address]).toEqual([
      'elsewhere',
      '大阪府大阪市北区試験町一丁目３番２０号',
    ]);
    expect(rows(procedureValues(jidoFuyo, answers), 'children')).toEqual(rows(teate, 'children'));
    const kokuho = procedureValues(kokuhoShutoku, answers);
    expect(kokuho.reasonDate).toBe('2026-11-20');
    expect(rows(kokuho, 'members').map((r) => r.name)).toEqual(movers.map((m) => m.name));
  });
});

describe('form-specific checks', () => {
  const fieldProblem = (p: ProcedureDefinition, v: ProcedureValues, name: string) =>
    problemsOf(p, v).some((x) => x.key === name);

  it('転出届 takes a move date up to 14 days ahead, and no postal code for a move abroad', () => {
    expect(fieldProblem(tenshutsu, { ...tenshutsuSample, moveDate: '2026-12-15' }, 'moveDate')).toBe(false);
    expect(fieldProblem(tenshutsu, { ...tenshutsuSample, moveDate: '2026-12-16' }, 'moveDate')).toBe(true);
    const abroad = {
      ...without(tenshutsuSample, 'certificate'),
      destination: 'abroad',
      newAddress: 'アメリカ合衆国 ニューヨーク市',
    };
    expect(fieldProblem(tenshutsu, abroad, 'postalCode')).toBe(true);
    expect(problemsOf(tenshutsu, without(abroad, 'postalCode'))).toEqual([]);
  });

  it('転居届 needs a 7-digit postal code and the 代理人 needs no 続柄', () => {
    expect(fieldProblem(tenkyo, { ...tenkyoSample, postalCode: '100009' }, 'postalCode')).toBe(true);
    const proxy = {
      ...without(tenkyoSample, 'relationship'),
      notifierRole: 'proxy',
      name: '佐藤　次郎',
      nameKana: 'サトウ　ジロウ',
    };
    expect(problemsOf(tenkyo, proxy)).toEqual([]);
  });

  it('住民票 allows 1 to 20 copies and each item once', () => {
    expect(fieldProblem(juminhyo, { ...juminhyoSample, copies: '0' }, 'copies')).toBe(true);
    expect(fieldProblem(juminhyo, { ...juminhyoSample, copies: '21' }, 'copies')).toBe(true);
    expect(fieldProblem(juminhyo, { ...juminhyoSample, include: 'head,head' }, 'include')).toBe(true);
    expect(
      fieldProblem(juminhyo, { ...juminhyoSample, include: 'head,honseki,mynumber,code' }, 'include'),
    ).toBe(false);
  });

  it('印鑑登録 takes a numeric guarantor seal number, and a 代理人 applies through the 照会書', () => {
    expect(
      fieldProblem(inkanToroku, { ...inkanSample, guarantorSealNumber: '第104527号' }, 'guarantorSealNumber'),
    ).toBe(true);
    const proxy = {
      ...without(
        inkanSample,
        'guarantorName',
        'guarantorAddress',
        'guarantorBirthDate',
        'guarantorSealNumber',
      ),
      ...proxyFor,
      principalAddress: inkanSample.address as string,
      applicantRole: 'proxy',
      idMethod: 'inquiry',
    };
    expect(problemsOf(inkanToroku, proxy)).toEqual([]);
  });

  it('児童手当 holds the account holder in half-width kana, 7-digit account numbers, a valid My Number', () => {
    expect(fieldProblem(jidoTeate, { ...teateSample, holderKana: 'ヤマダ　タロウ' }, 'holderKana')).toBe(
      true,
    );
    expect(fieldProblem(jidoTeate, { ...teateSample, accountNumber: '123456' }, 'accountNumber')).toBe(true);
    const mn = teateSample.myNumber as string;
    const wrongCheck = `${mn.slice(0, 11)}${(Number(mn[11]) + 1) % 10}`;
    expect(fieldProblem(jidoTeate, { ...teateSample, myNumber: wrongCheck }, 'myNumber')).toBe(true);
    expect(
      fieldProblem(jidoTeate, withRow(teateSample, 'children', 0, { birthDate: '2026-12-02' }), 'children'),
    ).toBe(true);
  });

  it('児童手当 with the 公金受取口座 asks no bank fields', () => {
    const bank = [
      'bankName',
      'bankCode',
      'branchName',
      'branchCode',
      'accountType',
      'accountNumber',
      'holderKana',
    ];
    const koukin = { ...without(teateSample, ...bank), usePublicAccount: 'yes' };
    expect(problemsOf(jidoTeate, koukin)).toEqual([]);
    expect(fieldProblem(jidoTeate, { ...koukin, bankName: '見本銀行' }, 'bankName')).toBe(true);
  });

  it('児童扶養手当 takes pension amounts from 1 yen and a reason date no later than today', () => {
    expect(fieldProblem(jidoFuyo, { ...fuyoSample, pensionAnnual: '0' }, 'pensionAnnual')).toBe(true);
    expect(fieldProblem(jidoFuyo, { ...fuyoSample, reasonDate: '2026-12-02' }, 'reasonDate')).toBe(true);
    const unmarried = { ...without(fuyoSample, 'reasonDate'), reason: 'unmarried', otherParentName: '' };
    expect(problemsOf(jidoFuyo, unmarried)).toEqual([]);
  });

  it('国保 checks each member’s My Number and a 資格取得日 within three years', () => {
    const member = rows(kokuhoSample, 'members')[1] as GroupRow;
    const bad = `${(member.myNumber as string).slice(0, 11)}${(Number((member.myNumber as string)[11]) + 1) % 10}`;
    expect(problemsOf(kokuhoShutoku, withRow(kokuhoSample, 'members', 1, { myNumber: bad }))).toContainEqual(
      expect.objectContaining({ key: 'members', row: 1, column: 'myNumber' }),
    );
    expect(
      fieldProblem(
        kokuhoShutoku,
        { ...kokuhoSample, reasonDate: '2022-11-21', previousLossDate: '2022-11-21' },
        'reasonDate',
      ),
    ).toBe(true);
  });
});

describe('ages and fiscal years (年齢計算ニ関スル法律)', () => {
  it('ends the 18-year fiscal year on 3月31日, with 4月1日 births in the earlier year', () => {
    expect(fiscalYearEndAtAge('2008-04-01', 18)).toBe('2026-03-31');
    expect(fiscalYearEndAtAge('2008-04-02', 18)).toBe('2027-03-31');
    expect(fiscalYearEndAtAge('2008-03-31', 18)).toBe('2026-03-31');
    expect(fiscalYearEndAtAge('2008-02-29', 22)).toBe('2030-03-31');
  });

  it('counts full years, 2月29日 births a year older on 3月1日', () => {
    expect(ageOn('2011-12-01', TODAY)).toBe(15);
    expect(ageOn('2011-12-02', TODAY)).toBe(14);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('matches a 半角カナ holder to the フリガナ, ignoring spaces and small kana', () => {
    expect(holderMatchesKana('ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ　タロウ')).toBe(true);
    expect(holderMatchesKana('ｻﾄｳ ｼﾖｳｺﾞ', 'サトウ　ショウゴ')).toBe(true);
    expect(holderMatchesKana('ﾔﾏﾀﾞ ﾊﾅｺ', 'ヤマダ　タロウ')).toBe(false);
  });
});
