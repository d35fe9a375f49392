// 手続ナビ: a few questions about a life event (引越し, 出生, 死亡, 婚姻, 介護) → the catalogue
// procedures to open for the visit, the ones handled elsewhere (referrals: 戸籍, 年金事務所 …) and
// seed answers for the interview. Staff-facing Japanese. This file is in the app's first bundle:
// it imports nothing at run time (the procedure ids are a type), the procedures load only once chosen.
import type { CatalogueId } from './names.ts';

export interface LifeEventQuestion {
  readonly id: string;
  readonly text: string;
  readonly options: readonly { value: string; label: string }[];
  /** Asked only when this holds over the answers to the earlier questions. */
  readonly showIf?: (a: Readonly<Record<string, string>>) => boolean;
}

/** One catalogue procedure to open, and why it applies (for staff). */
export interface Proposal {
  readonly procedureId: string;
  readonly reason: string;
}

/** A procedure outside the catalogue: where to send the resident, and why. */
export interface Referral {
  readonly name: string;
  readonly where: string;
  readonly reason: string;
}

export interface LifeEventPlan {
  readonly procedures: readonly Proposal[];
  readonly referrals: readonly Referral[];
  /** Interview answers by spec key (`move.kind`), so the chosen procedures start filled. */
  readonly seeds: Readonly<Record<string, string>>;
}

export interface LifeEvent {
  readonly id: 'moving' | 'birth' | 'death' | 'marriage' | 'care';
  readonly name: string;
  readonly description: string;
  readonly questions: readonly LifeEventQuestion[];
  readonly plan: (answers: Readonly<Record<string, string>>) => LifeEventPlan;
}

type Answers = Readonly<Record<string, string>>;

/**
 * The answers of the questions that are shown, in order; an answer to a hidden question, or one
 * that is not an option, is dropped, so it cannot change the plan.
 */
export function visibleAnswers(
  questions: readonly LifeEventQuestion[],
  answers: Answers,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    if (q.showIf && !q.showIf(out)) continue;
    const a = answers[q.id];
    if (a !== undefined && q.options.some((o) => o.value === a)) out[q.id] = a;
  }
  return out;
}

/** The questions to show now, given the answers so far. */
export function shownQuestions(event: LifeEvent, answers: Answers): LifeEventQuestion[] {
  const visible = visibleAnswers(event.questions, answers);
  const before: Record<string, string> = {};
  const out: LifeEventQuestion[] = [];
  for (const q of event.questions) {
    if (!q.showIf || q.showIf(before)) {
      out.push(q);
      if (visible[q.id] !== undefined) before[q.id] = visible[q.id] as string;
    }
  }
  return out;
}

class Plan {
  private readonly procedures: Proposal[] = [];
  private readonly referrals: Referral[] = [];
  private readonly seeds: Record<string, string> = {};

  propose(procedureId: CatalogueId, reason: string, seeds: Answers = {}): this {
    if (!this.procedures.some((p) => p.procedureId === procedureId))
      this.procedures.push({ procedureId, reason });
    Object.assign(this.seeds, seeds);
    return this;
  }

  refer(name: string, where: string, reason: string): this {
    if (!this.referrals.some((r) => r.name === name)) this.referrals.push({ name, where, reason });
    return this;
  }

  done(): LifeEventPlan {
    return { procedures: [...this.procedures], referrals: [...this.referrals], seeds: { ...this.seeds } };
  }
}

function event(
  id: LifeEvent['id'],
  name: string,
  description: string,
  questions: readonly LifeEventQuestion[],
  build: (a: Answers, plan: Plan) => void,
): LifeEvent {
  return {
    id,
    name,
    description,
    questions,
    plan: (answers) => {
      const plan = new Plan();
      build(visibleAnswers(questions, answers), plan);
      return plan.done();
    },
  };
}

/** Options as [value, label] pairs: the question tables below read one option a line. */
type Choices = readonly (readonly [value: string, label: string])[];

const optionsOf = (choices: Choices) => choices.map(([value, label]) => ({ value, label }));

/** A question always asked. */
function ask(id: string, text: string, choices: Choices): LifeEventQuestion {
  return { id, text, options: optionsOf(choices) };
}

/** A question asked only when `showIf` holds over the earlier answers. */
function askIf(
  showIf: NonNullable<LifeEventQuestion['showIf']>,
  id: string,
  text: string,
  choices: Choices,
): LifeEventQuestion {
  return { id, text, showIf, options: optionsOf(choices) };
}

const yesNo = (yes: string, no: string): Choices => [
  ['yes', yes],
  ['no', no],
];

// Seeds use the spec keys and option codes of the procedures (checked by life-events.test.ts).
const MOVE_IN = { 'move.kind': 'in' };
const MOVE_WITHIN = { 'move.kind': 'within' };
const MOVE_OUT = { 'move.kind': 'out' };
const NENKIN_LEFT_JOB = {
  'kokumin-nenkin.notification': 'henko',
  'kokumin-nenkin.category': '1',
  'kokumin-nenkin.reason': 'left-employee',
};
const NENKIN_FROM_ABROAD = {
  'kokumin-nenkin.notification': 'shutoku',
  'kokumin-nenkin.category': '1',
  'kokumin-nenkin.reason': 'entry',
};

// ── 引越し ──────────────────────────────────────────────────────────────────────────────

const moving = event(
  'moving',
  '引越し（転入・転出・転居）',
  '住所が変わるときの届出と、あわせて必要な保険・手当・カードの手続',
  [
    ask('direction', 'どこからどこへの引越しですか', [
      ['in', '市外から引っ越してきた（転入）'],
      ['within', '市内で引っ越した（転居）'],
      ['out', '市外へ引っ越す（転出）'],
    ]),
    askIf((a) => a.direction === 'in', 'insuranceIn', '転入後の健康保険はどうなりますか', [
      ['kokuho', '国保に入る（前の市区町村でも国保だった）'],
      ['retired', '国保に入る（会社を辞めた20～59歳の人がいる）'],
      ['abroad', '国保に入る（海外から来た人がいる）'],
      ['employee', '勤務先の健康保険などに入っている'],
    ]),
    askIf(
      (a) => a.direction === 'within' || a.direction === 'out',
      'insuranceHere',
      '国民健康保険に入っている人はいますか',
      yesNo('いる', 'いない'),
    ),
    askIf((a) => a.direction !== undefined, 'children', '児童手当などを受けている（受ける）子はいますか', [
      ['none', 'いない'],
      ['teate', '児童手当の対象の子がいる（高校生年代まで）'],
      ['hitorioya', '児童手当に加えて、ひとり親で児童扶養手当も'],
    ]),
    askIf((a) => a.direction !== undefined, 'card', 'マイナンバーカードを持っていますか', [
      ['has', '持っている'],
      ['apply', '持っていない（この機会に申請する）'],
      ['none', '持っていない（申請しない）'],
    ]),
    askIf(
      (a) => a.direction === 'in' || a.direction === 'within',
      'koza',
      '給付金・児童手当の受取口座（公金受取口座）を登録しますか',
      [
        ['yes', '登録する'],
        ['registered', '登録済み'],
        ['no', '登録しない'],
      ],
    ),
    askIf((a) => a.direction === 'in', 'extrasIn', 'ほかに必要なものはありますか', [
      ['juminhyo', '新しい住所の住民票の写し'],
      ['inkan', '印鑑登録'],
      ['both', '住民票の写しと印鑑登録'],
      ['none', 'ない'],
    ]),
    askIf((a) => a.direction === 'within', 'extrasWithin', 'ほかに必要なものはありますか', [
      ['juminhyo', '新しい住所の住民票の写し'],
      ['sodai', '粗大ごみの収集'],
      ['both', '住民票の写しと粗大ごみの収集'],
      ['none', 'ない'],
    ]),
    askIf(
      (a) => a.direction === 'out',
      'bulky',
      '引越しで出る粗大ごみ（家具・自転車など）はありますか',
      yesNo('ある', 'ない'),
    ),
  ],
  (a, plan) => {
    if (a.direction === 'in') movingIn(a, plan);
    else if (a.direction === 'within') movingWithin(a, plan);
    else if (a.direction === 'out') movingOut(a, plan);
    if (a.card === 'apply' && a.direction === 'out')
      plan.refer(
        'マイナンバーカードの交付申請',
        '転入先の市区町村 窓口',
        'カードは住所地で申請する。申請中に転出するとそのカードは受け取れないため、転入後に転入先で申請',
      );
    else if (a.card === 'apply')
      plan.propose(
        'mynumber-card',
        '新しい住所で交付申請。申請書IDは窓口で新しい交付申請書を印刷して読み取る',
      );
    if (a.koza === 'yes')
      plan.propose('kokin-koza', '児童手当や給付金の振込先として、本人名義の口座をマイナンバーと登録する', {
        'kokin-koza.kind': 'touroku',
      });
  },
);

function movingIn(a: Answers, plan: Plan): void {
  plan.propose('tennyu', '市外からの転入。引越しの日から14日以内に届出', MOVE_IN);
  if (a.insuranceIn === 'kokuho')
    plan.propose('kokuho-shutoku', '前の市区町村の国保は転出で終わるため、転入日から加入（14日以内）', {
      'kokuho-shutoku.reason': 'tennyu',
    });
  if (a.insuranceIn === 'retired') {
    plan.propose('kokuho-shutoku', '勤務先の健康保険をやめた人が国保に加入（資格喪失日から14日以内）', {
      'kokuho-shutoku.reason': 'shaho',
    });
    plan.propose(
      'kokumin-nenkin',
      '退職した20～59歳の人は国民年金の第1号被保険者へ種別変更',
      NENKIN_LEFT_JOB,
    );
  }
  if (a.insuranceIn === 'abroad') {
    plan.propose('kokuho-shutoku', '海外から来た人は転入日から国保に加入', {
      'kokuho-shutoku.reason': 'tennyu',
    });
    plan.propose(
      'kokumin-nenkin',
      '海外から転入した20～59歳の人は国民年金に加入（資格取得）',
      NENKIN_FROM_ABROAD,
    );
  }
  if (a.children === 'teate' || a.children === 'hitorioya')
    plan.propose(
      'jido-teate',
      '前の市区町村の児童手当は転出で終わるため、転出予定日の翌日から15日以内に新たに認定請求',
    );
  if (a.children === 'hitorioya')
    plan.propose('jido-fuyo', '児童扶養手当は転入先で改めて認定請求（前の市区町村の手当証書を確認）');
  if (a.children === 'teate' || a.children === 'hitorioya')
    plan.refer('転入学の手続', '教育委員会 学務課', '小中学生がいるときは転入学通知書を受け取る');
  if (a.card === 'has')
    plan.refer(
      'マイナンバーカードの住所変更（継続利用）',
      '市民課 マイナンバーカード窓口',
      '転入届から90日以内に券面の住所を書き換える。暗証番号（4桁）が必要。署名用電子証明書は住所変更で失効するため再発行',
    );
  if (a.extrasIn === 'juminhyo' || a.extrasIn === 'both')
    plan.propose('juminhyo', '勤務先や運転免許の住所変更に新しい住所の住民票の写しが要る');
  if (a.extrasIn === 'inkan' || a.extrasIn === 'both')
    plan.propose('inkan-toroku', '前の市区町村の印鑑登録は転出で廃止されるため、新たに登録');
  plan.refer(
    '運転免許証の住所変更',
    '警察署・運転免許センター',
    '新しい住所の確認書類（住民票の写しなど）を持参',
  );
}

function movingWithin(a: Answers, plan: Plan): void {
  plan.propose('tenkyo', '市内での転居。引越しの日から14日以内に届出', MOVE_WITHIN);
  if (a.insuranceHere === 'yes')
    plan.refer(
      '国民健康保険の住所変更',
      '保険年金課 国保係',
      '転居届で住所は変わるが、資格確認書などの記載を書き換える',
    );
  if (a.children === 'teate' || a.children === 'hitorioya')
    plan.refer('児童手当の住所変更届', '子育て支援課', '同じ市内の転居でも住所変更の届出が要る');
  if (a.children === 'hitorioya')
    plan.refer('児童扶養手当の住所変更届', '子育て支援課', '手当証書の住所を書き換える');
  if (a.card === 'has')
    plan.refer(
      'マイナンバーカードの券面記載事項変更',
      '市民課 マイナンバーカード窓口',
      '転居届と同時に券面の住所を書き換える。暗証番号（4桁）が必要。署名用電子証明書は再発行',
    );
  if (a.extrasWithin === 'juminhyo' || a.extrasWithin === 'both')
    plan.propose('juminhyo', '勤務先や運転免許の住所変更に新しい住所の住民票の写しが要る');
  if (a.extrasWithin === 'sodai' || a.extrasWithin === 'both')
    plan.propose('sodai-gomi', '転居で出る家具などの粗大ごみの収集を予約（8週間先まで）');
}

function movingOut(a: Answers, plan: Plan): void {
  plan.propose('tenshutsu', '市外への転出。引越しの14日前から引越し後14日以内に届出', MOVE_OUT);
  if (a.insuranceHere === 'yes')
    plan.refer(
      '国民健康保険の資格喪失',
      '保険年金課 国保係',
      '転出日の翌日で資格がなくなる。資格確認書を返し、転入先で加入する',
    );
  if (a.children === 'teate' || a.children === 'hitorioya')
    plan.refer(
      '児童手当の受給事由消滅届',
      '子育て支援課',
      '転出で支給が終わる。転入先で15日以内に認定請求するよう案内',
    );
  if (a.children === 'hitorioya')
    plan.refer('児童扶養手当の転出の届', '子育て支援課', '転入先で改めて手続するよう案内');
  if (a.card === 'has')
    plan.refer(
      'マイナンバーカードの継続利用',
      '転入先の市区町村 窓口',
      'カードで特例転出ができる。転入先で14日以内に転入届、90日以内に継続利用の手続（暗証番号が必要）',
    );
  plan.refer(
    '印鑑登録の廃止',
    '市民課',
    '転出で印鑑登録は自動的に廃止される（届出不要）。印鑑登録証を返してもらう',
  );
  if (a.bulky === 'yes')
    plan.propose('sodai-gomi', '引越しで出る家具などの粗大ごみの収集を転出前の日で予約（8週間先まで）');
}

// ── 出生 ──────────────────────────────────────────────────────────────────────────────

const birth = event(
  'birth',
  '出生',
  '子どもが生まれたときの届出と、手当・保険の手続',
  [
    ask('siblings', 'ほかに児童手当を受けている子はいますか', [
      ['first', 'いない（はじめての子）'],
      ['more', 'いる'],
    ]),
    ask('parents', '子を育てる方の状況は', [
      ['couple', '父母がいる'],
      ['single-new', 'ひとり親（児童扶養手当はまだ受けていない）'],
      ['single-receiving', 'ひとり親（すでに児童扶養手当を受けている）'],
    ]),
    ask('insurance', '子が入る健康保険は', [
      ['kokuho', '国民健康保険'],
      ['shaho', '勤務先の健康保険（扶養に入れる）'],
    ]),
    ask(
      'koza',
      '児童手当の振込先として公金受取口座を登録しますか',
      yesNo('登録する', '登録しない・登録済み'),
    ),
    ask('certificate', '勤務先の扶養・手当の手続に住民票の写しが要りますか', yesNo('要る', '要らない')),
  ],
  (a, plan) => {
    plan.refer(
      '出生届',
      '市民課 戸籍係',
      '生まれた日から14日以内（出生証明書・母子健康手帳を持参）。住民票はこの届で作られる',
    );
    if (a.siblings === 'first')
      plan.propose('jido-teate', '出生日の翌日から15日以内に認定請求（遅れるとその月分を受け取れない）');
    if (a.siblings === 'more')
      plan.refer(
        '児童手当の額改定請求',
        '子育て支援課',
        'すでに受けている手当に子を加える。出生日の翌日から15日以内',
      );
    if (a.parents === 'single-new')
      plan.propose('jido-fuyo', 'ひとり親で子を育てるため児童扶養手当の認定請求');
    if (a.parents === 'single-receiving')
      plan.refer('児童扶養手当の額改定請求', '子育て支援課', '対象の子が増えるため額を改定する');
    if (a.insurance === 'kokuho') {
      plan.propose('kokuho-shutoku', '国保の世帯に生まれた子を国保に加入（14日以内）', {
        'kokuho-shutoku.reason': 'birth',
      });
      plan.refer('出産育児一時金', '保険年金課 国保係', '医療機関への直接支払を使わなかったときに申請');
    }
    if (a.insurance === 'shaho')
      plan.refer(
        '健康保険の扶養追加・出産育児一時金',
        '勤務先（健康保険組合など）',
        '子を扶養に入れる手続は勤務先で行う',
      );
    if (a.koza === 'yes')
      plan.propose('kokin-koza', '児童手当の振込先として、請求者本人名義の口座を登録する', {
        'kokin-koza.kind': 'touroku',
      });
    if (a.certificate === 'yes')
      plan.propose('juminhyo', '勤務先の扶養・手当の手続に子の載った住民票の写しが要る');
    plan.refer('子ども医療費助成', '子育て支援課', '健康保険に加入したら受給者証を申請');
    plan.refer(
      '出生通知票・新生児訪問',
      '保健センター',
      '母子健康手帳の出生通知票を提出し、訪問の日程を決める',
    );
    plan.refer(
      'マイナンバーカードの交付申請（子）',
      '市民課 マイナンバーカード窓口',
      '個人番号通知書と交付申請書が届いてから申請できる',
    );
  },
);

// ── 死亡（おくやみ） ─────────────────────────────────────────────────────────────────────

const death = event(
  'death',
  '死亡（おくやみ）',
  '家族が亡くなったときの届出と、保険・年金・手当などの手続',
  [
    ask('insurance', '亡くなった方の健康保険は', [
      ['kokuho', '国民健康保険'],
      ['kouki', '後期高齢者医療（75歳以上）'],
      ['shaho-dependents', '勤務先の健康保険（扶養されていた家族がいる）'],
      ['shaho', '勤務先の健康保険（扶養されていた家族はいない）'],
    ]),
    askIf(
      (a) => a.insurance === 'shaho-dependents',
      'spouse',
      '扶養されていた配偶者は20～59歳ですか',
      yesNo('はい', 'いいえ・配偶者はいない'),
    ),
    askIf(
      (a) => a.insurance !== undefined && a.insurance !== 'kouki',
      'care',
      '亡くなった方は65歳以上、または要介護認定を受けていましたか',
      yesNo('はい', 'いいえ'),
    ),
    ask('children', '児童手当・児童扶養手当について', [
      ['none', '関係ない'],
      ['teate', '亡くなった方が児童手当を受けていた'],
      ['teate-hitorioya', '亡くなった方が児童手当を受けていて、残された方がひとり親になった'],
      ['hitorioya', '残された方が児童手当を受けていて、ひとり親になった'],
    ]),
    ask('head', '亡くなった方は世帯主で、残った世帯員は2人以上ですか', yesNo('はい', 'いいえ')),
    ask('certificate', '相続や保険金の請求に住民票（除票）の写しが要りますか', yesNo('要る', '要らない')),
  ],
  (a, plan) => {
    plan.refer(
      '死亡届・火葬許可申請',
      '市民課 戸籍係',
      '死亡を知った日から7日以内（死亡診断書と一体の用紙）',
    );
    if (a.insurance === 'kokuho')
      plan.refer(
        '国民健康保険の資格喪失・葬祭費',
        '保険年金課 国保係',
        '資格確認書を返し、葬儀を行った方が葬祭費を申請',
      );
    if (a.insurance === 'kouki')
      plan.refer(
        '後期高齢者医療の資格喪失・葬祭費',
        '保険年金課 後期高齢者医療係',
        '資格確認書を返し、葬儀を行った方が葬祭費を申請',
      );
    if (a.insurance === 'shaho-dependents') {
      plan.propose('kokuho-shutoku', '扶養されていた家族は勤務先の健康保険を失うため国保に加入（14日以内）', {
        'kokuho-shutoku.reason': 'shaho',
      });
      plan.refer('埋葬料・健康保険の資格喪失', '亡くなった方の勤務先', '勤務先の健康保険で埋葬料を請求する');
    }
    if (a.spouse === 'yes')
      plan.propose('kokumin-nenkin', '第3号被保険者だった配偶者は第1号への種別変更（14日以内）', {
        'kokumin-nenkin.notification': 'henko',
        'kokumin-nenkin.category': '1',
        'kokumin-nenkin.reason': 'spouse-left',
      });
    if (a.care === 'yes' || a.insurance === 'kouki')
      plan.refer(
        '介護保険の資格喪失',
        '介護保険課',
        '被保険者証を返す。保険料の精算と高額介護サービス費の未支給分を確認',
      );
    if (a.children === 'teate' || a.children === 'teate-hitorioya')
      plan.propose('jido-teate', '受給者が亡くなったため、子を養育する方が新たに認定請求（15日以内）');
    if (a.children === 'teate-hitorioya' || a.children === 'hitorioya')
      plan.propose(
        'jido-fuyo',
        '配偶者の死亡でひとり親になったため児童扶養手当の認定請求（遺族年金の額によっては支給停止）',
      );
    if (a.head === 'yes')
      plan.refer(
        '世帯主変更届',
        '市民課 住民記録係',
        '残った世帯員が2人以上のときは新しい世帯主を14日以内に届け出る',
      );
    if (a.certificate === 'yes')
      plan.propose('juminhyo', '相続・保険金の請求に亡くなった方の住民票の除票の写しが要る');
    plan.refer(
      '年金の受給停止・未支給年金・遺族年金',
      '年金事務所（国民年金のみは市区町村の年金係でも可）',
      '年金を受けていた方は受給停止の手続をし、遺族年金を確認',
    );
    plan.refer(
      '印鑑登録の廃止',
      '市民課',
      '死亡で印鑑登録は自動的に廃止される（届出不要）。印鑑登録証は返却',
    );
  },
);

// ── 婚姻 ──────────────────────────────────────────────────────────────────────────────

const marriage = event(
  'marriage',
  '婚姻',
  '結婚したときの届出と、住所・氏・保険・手当の手続',
  [
    ask('move', '結婚で住所は変わりますか（窓口に来た方）', [
      ['in', '市外から来る（転入）'],
      ['within', '市内で引っ越す（転居）'],
      ['out', '市外へ出る（転出）'],
      ['none', '変わらない'],
    ]),
    ask('surname', '氏（名字）が変わりますか', yesNo('変わる', '変わらない')),
    askIf((a) => a.surname === 'yes', 'surnameUpdates', '氏が変わる方について、登録し直すものは', [
      ['inkan', '旧姓の印鑑で印鑑登録している'],
      ['koza', '公金受取口座の名義（氏）を変える'],
      ['both', '両方'],
      ['none', 'ない'],
    ]),
    ask('insurance', '結婚後の健康保険・年金は', [
      ['dependent', '配偶者の勤務先の扶養に入る'],
      ['kokuho', '国民健康保険（入る・入っている）'],
      ['employee', '自分の勤務先の健康保険'],
    ]),
    ask('children', '子について', [
      ['none', '子はいない・手当はない'],
      ['teate', '児童手当を受けている子がいる'],
      ['hitorioya', '児童扶養手当を受けていた'],
    ]),
    ask('certificate', '新しい氏・住所の住民票の写しが要りますか', yesNo('要る', '要らない')),
  ],
  (a, plan) => {
    plan.refer('婚姻届', '市民課 戸籍係', '届出の日に婚姻が成立する（本籍地以外では戸籍謄本は不要）');
    if (a.move === 'in') plan.propose('tennyu', '結婚で市外から転入（14日以内）', MOVE_IN);
    if (a.move === 'within') plan.propose('tenkyo', '結婚で市内に転居（14日以内）', MOVE_WITHIN);
    if (a.move === 'out') plan.propose('tenshutsu', '結婚で市外へ転出', MOVE_OUT);
    if (a.surname === 'yes')
      plan.refer(
        'マイナンバーカードの券面記載事項変更（氏名）',
        '市民課 マイナンバーカード窓口',
        '婚姻届のあと14日以内に券面の氏を書き換える。署名用電子証明書は再発行',
      );
    if (a.surnameUpdates === 'inkan' || a.surnameUpdates === 'both')
      plan.propose('inkan-toroku', '旧姓の印鑑の登録は氏の変更で廃止されるため、新しい氏の印鑑で登録し直す');
    if (a.surnameUpdates === 'koza' || a.surnameUpdates === 'both')
      plan.propose('kokin-koza', '口座の名義（氏）が変わるため公金受取口座を変更する（名義は本人のみ）', {
        'kokin-koza.kind': 'henko',
      });
    if (a.insurance === 'dependent')
      plan.refer(
        '健康保険の扶養・国民年金第3号被保険者の届',
        '配偶者の勤務先',
        '扶養と第3号の届は勤務先を通して出す。国保に入っていた方は国保の資格喪失届も',
      );
    if (a.insurance === 'kokuho' && a.move === 'in')
      plan.propose('kokuho-shutoku', '転入先で国保に加入（14日以内）', { 'kokuho-shutoku.reason': 'tennyu' });
    if (a.insurance === 'kokuho' && a.move !== 'in')
      plan.refer(
        '国民健康保険の記載事項変更',
        '保険年金課 国保係',
        '氏・世帯主が変わるときは資格確認書の記載を変える',
      );
    if (a.children === 'teate' && a.move === 'in')
      plan.propose('jido-teate', '転入先で児童手当を新たに認定請求（15日以内）');
    if (a.children === 'teate' && a.move !== 'in')
      plan.refer(
        '児童手当の変更届',
        '子育て支援課',
        '氏・住所・受給者（所得の高い方）が変わるときに届け出る',
      );
    if (a.children === 'hitorioya')
      plan.refer(
        '児童扶養手当の資格喪失届',
        '子育て支援課',
        '婚姻で支給の対象でなくなる。届け出ないと返還になる',
      );
    if (a.certificate === 'yes')
      plan.propose('juminhyo', '勤務先・運転免許などに新しい氏・住所の住民票の写しが要る');
  },
);

// ── 介護 ──────────────────────────────────────────────────────────────────────────────

const care = event(
  'care',
  '介護が必要になった',
  '家族や本人に介護が必要になったときの認定申請と関連手続',
  [
    ask('age', '介護が必要な方の年齢は', [
      ['65plus', '65歳以上'],
      ['40to64', '40～64歳'],
      ['under40', '40歳未満'],
    ]),
    askIf((a) => a.age === '65plus' || a.age === '40to64', 'certification', '要介護・要支援の認定は', [
      ['none', 'まだ受けていない'],
      ['renew', '受けていて、有効期間が終わる（60日前から）'],
      ['worse', '受けているが、状態が変わった'],
    ]),
    askIf((a) => a.certification !== undefined, 'applicant', '申請するのは', [
      ['self', '本人'],
      ['family', '家族'],
      ['caremanager', 'ケアマネジャー'],
    ]),
    ask(
      'card',
      'マイナンバーカードを申請しますか（受け取りは代理交付も可）',
      yesNo('申請する', '持っている・申請しない'),
    ),
    ask(
      'koza',
      '高額介護サービス費などの受取口座（公金受取口座）を登録しますか',
      yesNo('登録する', '登録しない・登録済み'),
    ),
  ],
  (a, plan) => {
    if (a.age === 'under40')
      plan.refer(
        '障害福祉サービスの申請',
        '障害福祉課',
        '40歳未満は介護保険の対象外。障害者総合支援法のサービスを相談',
      );
    if (a.certification) {
      const kind = a.certification === 'renew' ? 'renew' : a.certification === 'worse' ? 'change' : 'new';
      const why =
        kind === 'new'
          ? '介護サービスを使うための新規申請'
          : kind === 'renew'
            ? '有効期間満了の60日前からの更新申請'
            : '状態が変わったための区分変更申請';
      plan.propose(
        'kaigo-nintei',
        a.age === '40to64' ? `${why}（40～64歳は特定疾病が原因のときだけ）` : why,
        {
          'kaigo-nintei.kind': kind,
          'kaigo-nintei.category': a.age === '40to64' ? '2' : '1',
          ...(a.applicant ? { 'kaigo-nintei.applicantKind': a.applicant } : {}),
        },
      );
      plan.refer(
        '介護の相談・ケアプラン',
        '地域包括支援センター',
        '認定の結果が出たら居宅サービス計画作成依頼届出書を出す',
      );
    }
    if (a.card === 'yes')
      plan.propose(
        'mynumber-card',
        '介護保険の手続や医療の資格確認に使う。来庁が難しいときは代理交付を選べる',
      );
    if (a.koza === 'yes')
      plan.propose('kokin-koza', '高額介護サービス費などの振込先として本人名義の口座を登録する', {
        'kokin-koza.kind': 'touroku',
      });
  },
);

export const LIFE_EVENTS: readonly LifeEvent[] = [moving, birth, death, marriage, care];

export function findLifeEvent(id: string): LifeEvent | undefined {
  return LIFE_EVENTS.find((e) => e.id === id);
}
