// Shared specs of catalogue A (moves, certificates, seal, child allowances, 国保): the children of a
// claimant, the spouse, the person a certificate is for, the 1月1日 address the income is taxed
// at, 公金受取口座. Procedures of this set that ask the same thing ask it once in a visit.
// The children and spouse default from the 異動者 of a move in the same visit (once-only).
import { text } from '../i18n/lang.ts';
import { toHalfWidthKana } from '../text/kana.ts';
import { addDays, parseIsoDate } from '../wareki.ts';
import { PASSPORT } from './attachments.ts';
import {
  applicantBirthDate,
  applicantMyNumber,
  applicantName,
  applicantNameKana,
  applicantSex,
  askedWhen,
  BANK_SPECS,
  birthDateColumn,
  birthday,
  cardAddress,
  currentAddress,
  currentPostalCode,
  MOVE_KINDS,
  myNumberColumn,
  nameColumn,
  nameKanaColumn,
  option,
  phone,
  RELATION,
  relationshipToHead,
  rowsOf,
  sexColumn,
  stringValue,
  YES_NO,
} from './fields.ts';
import type {
  Answers,
  CrossFieldRule,
  FieldSpec,
  GroupRow,
  GroupSpec,
  Option,
  PrintCell,
  ProcedureField,
  ProcedureValues,
} from './types.ts';

// ── Ages and fiscal years (年齢計算ニ関スル法律: an age is reached the day before the birthday) ──

/** 「{age}歳に達する日以後の最初の3月31日」: the end of the fiscal year in which the age is reached. */
export function fiscalYearEndAtAge(birthDate: string, age: number): string | undefined {
  const at = birthday(birthDate, age);
  if (!at) return undefined;
  const reached = addDays(at, -1);
  const year = Number(reached.slice(0, 4)) + (Number(reached.slice(5, 7)) > 3 ? 1 : 0);
  return `${year}-03-31`;
}

/** Full years of age on `today`. */
export function ageOn(birthDate: string, today: string): number | undefined {
  const birth = parseIsoDate(birthDate);
  const now = parseIsoDate(today);
  if (!birth || !now) return undefined;
  const years = now.year - birth.year;
  const at = birthday(birthDate, years);
  return at !== undefined && at > today ? years - 1 : years;
}

// ── 口座名義 ────────────────────────────────────────────────────────────────────

// 全銀 data holds no small kana (ｮ is sent as ﾖ), and banks differ on spaces: compare without both.
const SMALL_TO_LARGE: Readonly<Record<string, string>> = {
  ｧ: 'ｱ',
  ｨ: 'ｲ',
  ｩ: 'ｳ',
  ｪ: 'ｴ',
  ｫ: 'ｵ',
  ｬ: 'ﾔ',
  ｭ: 'ﾕ',
  ｮ: 'ﾖ',
  ｯ: 'ﾂ',
};
function holderKey(halfKana: string): string {
  return [...halfKana.replace(/[\s()（）]/gu, '')].map((c) => SMALL_TO_LARGE[c] ?? c).join('');
}

/** True when a 半角カナ account holder spells the full-width フリガナ of a person. */
export function holderMatchesKana(holderHalfKana: string, nameKana: string): boolean {
  const half = toHalfWidthKana(nameKana);
  return half.ok && holderKey(half.value) === holderKey(holderHalfKana);
}

// ── 児童 ────────────────────────────────────────────────────────────────────────

/** 請求者からみた児童の続柄. */
export const CHILD_RELATIONSHIP_OPTIONS: readonly Option[] = [
  RELATION.child,
  option(
    'stepchild',
    text(
      '{配偶者|はいぐうしゃ}の{子|こ}',
      '{夫|おっと}か{妻|つま}の{子|こ}ども',
      'Stepchild',
      '配偶者的子女',
      '배우자의 자녀',
      'Con riêng của vợ/chồng',
      'Enteado(a)',
    ),
  ),
  RELATION.grandchild,
  RELATION.other,
];

export const LIVING_OPTIONS: readonly Option[] = [
  option(
    'together',
    text(
      '{同居|どうきょ}',
      'いっしょに{住|す}んでいる',
      'Lives with you',
      '同住',
      '동거',
      'Sống cùng',
      'Mora junto',
    ),
  ),
  option(
    'apart',
    text(
      '{別居|べっきょ}',
      '{別|べつ}の{所|ところ}に{住|す}んでいる',
      'Lives elsewhere',
      '分居',
      '별거',
      'Sống riêng',
      'Mora em outro lugar',
    ),
  ),
];

/** Columns of the lists of children (児童, 大学生年代の子): 続柄 to the claimant, 同居・別居. */
export const childRelationshipColumn: FieldSpec = {
  key: 'relationship',
  type: 'choice',
  section: 'child',
  options: CHILD_RELATIONSHIP_OPTIONS,
  label: text(
    '{続柄|つづきがら}',
    'あなたとの{関係|かんけい}',
    'Relationship to you',
    '与您的关系',
    '신청인과의 관계',
    'Quan hệ với bạn',
    'Parentesco com você',
  ),
};

export const livingColumn: FieldSpec = {
  key: 'living',
  type: 'choice',
  section: 'child',
  options: LIVING_OPTIONS,
  label: text(
    '{同居|どうきょ}・{別居|べっきょ}',
    'いっしょに{住|す}んでいるか',
    'Living together?',
    '是否同住',
    '동거 여부',
    'Sống cùng không',
    'Mora junto?',
  ),
};

/** The children of the claimant, as on the 児童手当・児童扶養手当 forms (請求者が監護する児童). */
export const children: GroupSpec = {
  key: 'child.children',
  type: 'group',
  section: 'child',
  columns: [
    nameColumn,
    nameKanaColumn,
    birthDateColumn,
    sexColumn,
    childRelationshipColumn,
    livingColumn,
    {
      key: 'address',
      type: 'address',
      section: 'child',
      maxLength: 200,
      label: text(
        '{別居|べっきょ}の{住所|じゅうしょ}',
        '{別|べつ}に{住|す}んでいる{所|ところ}',
        'Address if living elsewhere',
        '分居时的住址',
        '별거 시 주소',
        'Địa chỉ nếu sống riêng',
        'Endereço se mora em outro lugar',
      ),
    },
    myNumberColumn,
  ],
  requiredColumns: ['name', 'nameKana', 'birthDate', 'sex', 'relationship', 'living'],
  minRows: 1,
  maxRows: 5,
  // The children among the people who move in the same visit (続柄「子」of the household).
  derive: (a) => {
    const rows = rowsOf(a, 'move.movers').filter((r) => r.relationship === 'child');
    return rows.length === 0
      ? undefined
      : rows.map((r) => ({
          name: r.name ?? '',
          nameKana: r.nameKana ?? '',
          birthDate: r.birthDate ?? '',
          sex: r.sex ?? '',
          relationship: 'child',
          living: 'together',
          address: '',
          myNumber: '',
        }));
  },
  label: text('{児童|じどう}', '{子|こ}ども', 'Children', '儿童', '아동', 'Trẻ em', 'Crianças'),
  help: text(
    '{請求者|せいきゅうしゃ}が{養育|よういく}している{子|こ}ども',
    'あなたが{育|そだ}てている{子|こ}ども',
    'The children you bring up',
    '申请人抚养的子女',
    '청구인이 양육하는 자녀',
    'Những đứa trẻ bạn đang nuôi',
    'As crianças que você cria',
  ),
};

// ── 配偶者 ──────────────────────────────────────────────────────────────────────

/** The spouse among the movers of the same visit: the 妻・夫 of a head, or the head of a 妻・夫. */
function spouseMover(a: Answers): GroupRow | undefined {
  const own = stringValue(a, 'household.relationship');
  const movers = rowsOf(a, 'move.movers');
  if (own === 'head') return movers.find((r) => r.relationship === 'wife' || r.relationship === 'husband');
  if (own === 'wife' || own === 'husband') return movers.find((r) => r.relationship === 'head');
  return undefined;
}

export const hasSpouse: FieldSpec = {
  key: 'household.hasSpouse',
  type: 'choice',
  section: 'household',
  options: YES_NO,
  derive: (a) => (spouseMover(a) ? 'yes' : undefined),
  label: text(
    '{配偶者|はいぐうしゃ}の{有無|うむ}',
    '{夫|おっと}か{妻|つま}がいますか',
    'Do you have a spouse?',
    '是否有配偶',
    '배우자 유무',
    'Bạn có vợ/chồng không',
    'Tem cônjuge?',
  ),
  help: text(
    '{婚姻|こんいん}の{届出|とどけで}をしていない{事実婚|じじつこん}を{含|ふく}みます',
    '{結婚|けっこん}の{届|とど}けを{出|だ}していなくても、いっしょに{暮|く}らしているときは「はい」',
    'Includes a partner you live with as a married couple without registering the marriage',
    '包括未登记结婚但事实上的婚姻关系',
    '혼인신고를 하지 않은 사실혼을 포함합니다',
    'Bao gồm cả chung sống như vợ chồng nhưng chưa đăng ký kết hôn',
    'Inclui união de fato sem registro de casamento',
  ),
};

export const spouseName: FieldSpec = {
  ...applicantName,
  key: 'household.spouseName',
  section: 'household',
  card: undefined,
  derive: (a) => spouseMover(a)?.name || undefined,
  label: text(
    '{配偶者|はいぐうしゃ}の{氏名|しめい}',
    '{夫|おっと}か{妻|つま}の{名前|なまえ}',
    "Spouse's name",
    '配偶者姓名',
    '배우자 성명',
    'Họ tên vợ/chồng',
    'Nome do cônjuge',
  ),
};

export const spouseNameKana: FieldSpec = {
  ...applicantNameKana,
  key: 'household.spouseNameKana',
  section: 'household',
  derive: (a) => spouseMover(a)?.nameKana || undefined,
  label: text(
    '{配偶者|はいぐうしゃ}のフリガナ',
    '{夫|おっと}か{妻|つま}の{名前|なまえ}の{読|よ}み{方|かた}',
    "Spouse's name (katakana)",
    '配偶者姓名（片假名）',
    '배우자 성명(가타카나)',
    'Họ tên vợ/chồng (katakana)',
    'Nome do cônjuge (katakana)',
  ),
};

export const spouseBirthDate: FieldSpec = {
  ...applicantBirthDate,
  key: 'household.spouseBirthDate',
  section: 'household',
  card: undefined,
  derive: (a) => spouseMover(a)?.birthDate || undefined,
  label: text(
    '{配偶者|はいぐうしゃ}の{生年月日|せいねんがっぴ}',
    '{夫|おっと}か{妻|つま}の{生|う}まれた{日|ひ}',
    "Spouse's date of birth",
    '配偶者出生日期',
    '배우자 생년월일',
    'Ngày sinh của vợ/chồng',
    'Data de nascimento do cônjuge',
  ),
};

export const spouseMyNumber: FieldSpec = {
  ...applicantMyNumber,
  key: 'household.spouseMyNumber',
  section: 'household',
  card: undefined,
  label: text(
    '{配偶者|はいぐうしゃ}の{個人番号|こじんばんごう}',
    '{夫|おっと}か{妻|つま}のマイナンバー',
    "Spouse's My Number",
    '配偶者的个人编号',
    '배우자의 개인번호',
    'Mã số cá nhân của vợ/chồng',
    'My Number do cônjuge',
  ),
};

// ── 1月1日の住所（所得・課税の確認先） ──────────────────────────────────────────────

export const jan1Residence: FieldSpec = {
  key: 'applicant.jan1Residence',
  type: 'choice',
  section: 'applicant',
  options: [
    option(
      'here',
      text(
        '{今|いま}の{市区町村|しくちょうそん}',
        '{今|いま}の{町|まち}',
        'This municipality',
        '本市区町村',
        '현재 시구정촌',
        'Địa phương hiện tại',
        'Este município',
      ),
    ),
    option(
      'elsewhere',
      text(
        '{他|ほか}の{市区町村|しくちょうそん}',
        'ほかの{町|まち}',
        'Another municipality',
        '其他市区町村',
        '다른 시구정촌',
        'Địa phương khác',
        'Outro município',
      ),
    ),
  ],
  // A resident who moves in during this visit lived elsewhere on 1月1日 (unless staff say otherwise).
  derive: (a) => (stringValue(a, 'move.kind') === MOVE_KINDS.in ? 'elsewhere' : undefined),
  label: text(
    '1{月|がつ}1{日|にち}に{住|す}んでいた{所|ところ}',
    '1{月|がつ}1{日|にち}に{住|す}んでいた{町|まち}',
    'Where you lived on 1 January',
    '1月1日居住的市区町村',
    '1월 1일에 거주한 곳',
    'Nơi sống vào ngày 1 tháng 1',
    'Onde morava em 1º de janeiro',
  ),
  help: text(
    '{所得|しょとく}の{確認|かくにん}に{使|つか}います（1～5{月|がつ}の{請求|せいきゅう}は{前年|ぜんねん}の1{月|がつ}1{日|にち}）',
    'お{金|かね}の{収入|しゅうにゅう}を{調|しら}べるために{使|つか}います',
    'Used to check your income (for claims in January to May: 1 January of last year)',
    '用于确认收入（1月至5月申请时为上一年的1月1日）',
    '소득 확인에 사용합니다(1~5월 청구는 전년 1월 1일)',
    'Dùng để xác nhận thu nhập (nộp từ tháng 1 đến tháng 5: ngày 1/1 năm trước)',
    'Usado para verificar sua renda (pedidos de janeiro a maio: 1º de janeiro do ano anterior)',
  ),
};

export const jan1Address: FieldSpec = {
  key: 'applicant.jan1Address',
  type: 'address',
  section: 'applicant',
  maxLength: 200,
  derive: (a) =>
    stringValue(a, 'move.kind') === MOVE_KINDS.in ? stringValue(a, cardAddress.key) || undefined : undefined,
  label: text(
    '1{月|がつ}1{日|にち}の{住所|じゅうしょ}',
    '1{月|がつ}1{日|にち}に{住|す}んでいた{住所|じゅうしょ}',
    'Address on 1 January',
    '1月1日的住址',
    '1월 1일의 주소',
    'Địa chỉ vào ngày 1 tháng 1',
    'Endereço em 1º de janeiro',
  ),
};

// ── 公金受取口座 ────────────────────────────────────────────────────────────────

/** 公金受取口座 (registered with the My Number, 公金受取口座登録法): no bank fields are then asked. */
export const usePublicAccount: FieldSpec = {
  key: 'bank.usePublicAccount',
  type: 'choice',
  section: 'bank',
  options: [
    option(
      'yes',
      text(
        '{公金受取口座|こうきんうけとりこうざ}を{使|つか}う',
        '{国|くに}に{登録|とうろく}した{口座|こうざ}を{使|つか}う',
        'Use my registered public-fund account',
        '使用已登记的公款领取账户',
        '공금수취계좌를 사용',
        'Dùng tài khoản nhận tiền công đã đăng ký',
        'Usar a conta registrada para recebimentos públicos',
      ),
    ),
    option(
      'no',
      text(
        '{別|べつ}の{口座|こうざ}を{指定|してい}する',
        'ほかの{口座|こうざ}を{書|か}く',
        'Give another account',
        '指定其他账户',
        '다른 계좌를 지정',
        'Chỉ định tài khoản khác',
        'Indicar outra conta',
      ),
    ),
  ],
  label: text(
    '{振込先|ふりこみさき}',
    'お{金|かね}を{振|ふ}り{込|こ}む{口座|こうざ}',
    'Where to pay',
    '汇款账户',
    '입금 계좌',
    'Tài khoản nhận tiền',
    'Conta para pagamento',
  ),
  help: text(
    'マイナンバーに{登録|とうろく}した{本人|ほんにん}{名義|めいぎ}の{口座|こうざ}（マイナポータルで{確認|かくにん}できます）',
    'マイナンバーといっしょに{登録|とうろく}した、あなたの{口座|こうざ}です',
    'The account in your name that you registered with your My Number (see Mynaportal)',
    '与个人编号一起登记的本人名义账户（可在Mynaportal确认）',
    '마이넘버로 등록한 본인 명의 계좌(마이나포털에서 확인 가능)',
    'Tài khoản đứng tên bạn đã đăng ký cùng My Number (xem trên Mynaportal)',
    'A conta em seu nome registrada com o My Number (veja no Mynaportal)',
  ),
};

// ── 本人（窓口に来た人とは別の、手続の対象になる人） ──────────────────────────────────

export const principalName: FieldSpec = {
  ...applicantName,
  key: 'applicant.principalName',
  card: undefined,
  label: text(
    '{本人|ほんにん}の{氏名|しめい}',
    '{本人|ほんにん}の{名前|なまえ}',
    "The person's name",
    '本人姓名',
    '본인 성명',
    'Họ tên của người đó',
    'Nome da pessoa',
  ),
  help: text(
    '{窓口|まどぐち}に{来|き}た{人|ひと}とは{別|べつ}の、{手続|てつづき}をする{本人|ほんにん}',
    '{窓口|まどぐち}に{来|き}ていない{本人|ほんにん}',
    'The person the procedure is for, when someone else comes to the counter',
    '非前来窗口者时，办理手续的本人',
    '창구에 온 사람이 아닌 절차 대상 본인',
    'Người được làm thủ tục, khi người khác đến quầy',
    'A pessoa a quem o procedimento se refere, quando outra pessoa vem ao balcão',
  ),
};

export const principalNameKana: FieldSpec = {
  ...applicantNameKana,
  key: 'applicant.principalNameKana',
  label: text(
    '{本人|ほんにん}のフリガナ',
    '{本人|ほんにん}の{名前|なまえ}の{読|よ}み{方|かた}',
    "The person's name (katakana)",
    '本人姓名（片假名）',
    '본인 성명(가타카나)',
    'Họ tên của người đó (katakana)',
    'Nome da pessoa (katakana)',
  ),
};

export const principalBirthDate: FieldSpec = {
  ...applicantBirthDate,
  key: 'applicant.principalBirthDate',
  card: undefined,
  label: text(
    '{本人|ほんにん}の{生年月日|せいねんがっぴ}',
    '{本人|ほんにん}の{生|う}まれた{日|ひ}',
    "The person's date of birth",
    '本人出生日期',
    '본인 생년월일',
    'Ngày sinh của người đó',
    'Data de nascimento da pessoa',
  ),
};

export const principalAddress: FieldSpec = {
  key: 'applicant.principalAddress',
  type: 'address',
  section: 'applicant',
  maxLength: 200,
  label: text(
    '{本人|ほんにん}の{住所|じゅうしょ}',
    '{本人|ほんにん}の{住所|じゅうしょ}',
    "The person's address",
    '本人住址',
    '본인 주소',
    'Địa chỉ của người đó',
    'Endereço da pessoa',
  ),
};

// ── 届出人の区分（住民異動届） ────────────────────────────────────────────────────────

const NOTIFIER_SELF = 'self';
const NOTIFIER_PROXY = 'proxy';

/** Who notifies a move: one who moves, another of the household, or a 代理人 with a 委任状. */
export const notifierRole: FieldSpec = {
  key: 'applicant.notifierRole',
  type: 'choice',
  section: 'applicant',
  options: [
    option(
      NOTIFIER_SELF,
      text(
        '{異動|いどう}する{本人|ほんにん}',
        '{引|ひ}っ{越|こ}す{本人|ほんにん}',
        'One of the people who move',
        '迁移的本人',
        '이동하는 본인',
        'Người chuyển nhà',
        'Uma das pessoas que se mudam',
      ),
    ),
    option(
      'household',
      text(
        '{同|おな}じ{世帯|せたい}の{人|ひと}',
        'いっしょに{住|す}んでいる{家族|かぞく}',
        'Someone of the same household',
        '同一户的人',
        '같은 세대의 사람',
        'Người cùng hộ',
        'Alguém do mesmo domicílio',
      ),
    ),
    option(
      NOTIFIER_PROXY,
      text(
        '{代理人|だいりにん}（{委任状|いにんじょう}あり）',
        '{頼|たの}まれた{人|ひと}（{委任状|いにんじょう}があります）',
        'A proxy with a letter of attorney',
        '代理人（持委托书）',
        '대리인(위임장 있음)',
        'Người đại diện (có giấy ủy quyền)',
        'Procurador (com procuração)',
      ),
    ),
  ],
  label: text(
    '{届出人|とどけでにん}',
    '{届|とど}けを{出|だ}す{人|ひと}',
    'Person notifying',
    '申报人',
    '신고인',
    'Người khai báo',
    'Declarante',
  ),
};

/** 届出人氏名: the applicant's name as the 住民異動届 and the 国保 notification word it. */
export const NOTIFIER_NAME_LABEL = text(
  '{届出人|とどけでにん}{氏名|しめい}',
  '{届|とど}けを{出|だ}す{人|ひと}の{名前|なまえ}',
  'Name of the person notifying',
  '申报人姓名',
  '신고인 성명',
  'Họ tên người khai báo',
  'Nome do declarante',
);

/** The 届出人 block the 住民異動届 (転入・転出・転居) opens with: one paper form for the three. */
export const NOTIFIER_FIELDS: readonly ProcedureField[] = [
  { name: 'name', spec: applicantName, required: true, label: NOTIFIER_NAME_LABEL },
  { name: 'nameKana', spec: applicantNameKana, required: true },
  { name: 'birthDate', spec: applicantBirthDate, required: true },
  { name: 'sex', spec: applicantSex, required: true },
];

/** 届出人の区分 (転出・転居), and the 続柄 to the head unless a 代理人 notifies. */
export const NOTIFIER_ROLE_FIELDS: readonly ProcedureField[] = [
  { name: 'notifierRole', spec: notifierRole, required: true },
  ...askedWhen((v) => stringValue(v, 'notifierRole') !== NOTIFIER_PROXY, {
    relationship: relationshipToHead,
  }),
];

/** The print row of NOTIFIER_ROLE_FIELDS. */
export const NOTIFIER_ROLE_PRINT_ROW: readonly PrintCell[] = [
  { field: 'notifierRole', span: 6 },
  { field: 'relationship', span: 6 },
];

/** A 届出人 who says they move is one of the 異動者 (fields of NOTIFIER_ROLE_FIELDS, `movers`). */
export function notifierMovesRule(id: string): CrossFieldRule {
  return {
    id,
    fields: ['movers'],
    check: (v) =>
      stringValue(v, 'notifierRole') === NOTIFIER_SELF && !rowsOf(v, 'movers').some((r) => r.name === v.name)
        ? '届出人が異動する人の一覧にいません。届出人を一覧に入れるか、届出人の区分を「同じ世帯の人」か「代理人」にしてください。'
        : undefined,
  };
}

// ── 請求者（児童手当・児童扶養手当） ──────────────────────────────────────────────────────

/** The claimant as one choice among people (生計を主に支える人, 年金を受ける人). */
export const THE_CLAIMANT = text(
  '{請求者|せいきゅうしゃ}',
  'あなた',
  'The claimant',
  '申请人',
  '청구인',
  'Người yêu cầu',
  'O requerente',
);

/** The 請求者 block both child allowances open with, name to phone. */
export const CLAIMANT_FIELDS: readonly ProcedureField[] = [
  {
    name: 'name',
    spec: applicantName,
    required: true,
    label: text(
      '{請求者|せいきゅうしゃ}{氏名|しめい}',
      '{申|もう}し{込|こ}む{人|ひと}の{名前|なまえ}',
      "Claimant's name",
      '申请人姓名',
      '청구인 성명',
      'Họ tên người yêu cầu',
      'Nome do requerente',
    ),
  },
  { name: 'nameKana', spec: applicantNameKana, required: true },
  { name: 'birthDate', spec: applicantBirthDate, required: true },
  { name: 'myNumber', spec: applicantMyNumber, required: true },
  { name: 'postalCode', spec: currentPostalCode, required: true },
  { name: 'address', spec: currentAddress, required: true },
  { name: 'phone', spec: phone, required: true },
];

/** Where the claimant lived on 1月1日, and the address when it was elsewhere. */
export const JAN1_FIELDS: readonly ProcedureField[] = [
  { name: 'jan1Residence', spec: jan1Residence, required: true },
  ...askedWhen((v) => stringValue(v, 'jan1Residence') === 'elsewhere', { jan1Address }),
];

/** The print row of JAN1_FIELDS. */
export const JAN1_PRINT_ROW: readonly PrintCell[] = [
  { field: 'jan1Residence', span: 4 },
  { field: 'jan1Address', span: 8 },
];

/** The spouse's name, フリガナ and birth date, asked and required when `applies`; the My Number shown then. */
export function spouseFields(applies: (v: ProcedureValues) => boolean): ProcedureField[] {
  return [
    ...askedWhen(applies, { spouseName, spouseNameKana, spouseBirthDate }),
    { name: 'spouseMyNumber', spec: spouseMyNumber, required: false, showIf: applies },
  ];
}

// ── Rules shared by the two child allowances ─────────────────────────────────────────

/**
 * 児童 rows: born after the claimant, not twice, an address for each 別居 child. `id` prefixes the
 * rule ids so each procedure keeps its own.
 */
export function childrenRules(
  id: string,
  names: { children: string; claimantBirthDate: string },
): CrossFieldRule[] {
  return [
    {
      id: `${id}-children-after-claimant`,
      fields: [names.children],
      check: (v) => {
        const claimant = stringValue(v, names.claimantBirthDate);
        const early = rowsOf(v, names.children).find(
          (r) => claimant !== '' && (r.birthDate ?? '') <= claimant,
        );
        return early
          ? `児童「${early.name}」の生年月日が請求者の生年月日より前です。生年月日を確かめて直してください。`
          : undefined;
      },
    },
    {
      id: `${id}-children-no-duplicates`,
      fields: [names.children],
      check: (v) => {
        const seen = new Set<string>();
        for (const r of rowsOf(v, names.children)) {
          const key = `${r.name}|${r.birthDate}`;
          if (seen.has(key))
            return `同じ児童（${r.name}）が2回入っています。重なっている行を消してください。`;
          seen.add(key);
        }
        return undefined;
      },
    },
    {
      id: `${id}-children-apart-address`,
      fields: [names.children],
      check: (v) => {
        const r = rowsOf(v, names.children).find((x) => x.living === 'apart' && (x.address ?? '') === '');
        return r ? `別居している児童「${r.name}」の住所を入力してください。` : undefined;
      },
    },
  ];
}

/** The allowance is paid into the claimant's own account: the 口座名義 spells the claimant's フリガナ. */
export function holderIsClaimantRule(
  id: string,
  names: { holder: string; claimantKana: string },
): CrossFieldRule {
  return {
    id,
    fields: [names.holder],
    check: (v) => {
      const holder = stringValue(v, names.holder);
      const kana = stringValue(v, names.claimantKana);
      return holder !== '' && kana !== '' && !holderMatchesKana(holder, kana)
        ? '口座名義が請求者と違います。手当は請求者本人の名義の口座に振り込みます。通帳の名義（半角カナ）を確かめてください。'
        : undefined;
    },
  };
}

// ── 本人確認（職員記入欄） ──────────────────────────────────────────────────────────

export const ID_TWO_DOCUMENTS = 'two-docs';

/** The identity document staff checked at the counter (職員記入欄); the resident screen hides it. */
export const idDocument: FieldSpec = {
  key: 'applicant.idDocument',
  type: 'choice',
  section: 'applicant',
  staffOnly: true,
  options: [
    option(
      'mynumber-card',
      text(
        'マイナンバーカード',
        'マイナンバーカード',
        'My Number Card',
        '个人编号卡',
        '마이넘버카드',
        'Thẻ My Number',
        'Cartão My Number',
      ),
    ),
    option(
      'license',
      text(
        '{運転免許証|うんてんめんきょしょう}',
        '{運転免許証|うんてんめんきょしょう}',
        "Driver's licence",
        '驾驶证',
        '운전면허증',
        'Giấy phép lái xe',
        'Carteira de motorista',
      ),
    ),
    option(
      'residence-card',
      text(
        '{在留|ざいりゅう}カード・{特別永住者証明書|とくべつえいじゅうしゃしょうめいしょ}',
        '{在留|ざいりゅう}カード',
        'Residence card / special permanent resident certificate',
        '在留卡・特别永住者证明书',
        '재류카드·특별영주자증명서',
        'Thẻ cư trú / giấy chứng nhận thường trú đặc biệt',
        'Cartão de residência / certificado de residente permanente especial',
      ),
    ),
    option('passport', PASSPORT.name),
    option(
      'other-photo',
      text(
        'その{他|た}の{顔写真付|かおじゃしんつ}きの{公的|こうてき}な{証明書|しょうめいしょ}',
        'ほかの{顔|かお}の{写真|しゃしん}がある{公|おおやけ}のカード',
        'Other official photo ID',
        '其他带照片的官方证件',
        '기타 사진이 있는 공적 증명서',
        'Giấy tờ công có ảnh khác',
        'Outro documento oficial com foto',
      ),
    ),
    option(
      ID_TWO_DOCUMENTS,
      text(
        '{顔写真|かおじゃしん}のない{書類|しょるい}2{点|てん}{以上|いじょう}',
        '{顔|かお}の{写真|しゃしん}がない{書類|しょるい}を2つ{以上|いじょう}',
        'Two or more documents without a photo',
        '两份以上无照片的证件',
        '사진 없는 서류 2점 이상',
        'Hai giấy tờ trở lên không có ảnh',
        'Dois ou mais documentos sem foto',
      ),
    ),
  ],
  label: text(
    '{確認|かくにん}した{本人確認書類|ほんにんかくにんしょるい}',
    '{確|たし}かめたカードや{書類|しょるい}',
    'Identity document checked',
    '已确认的本人证件',
    '확인한 본인 확인 서류',
    'Giấy tờ tùy thân đã kiểm tra',
    'Documento de identidade verificado',
  ),
};

/**
 * The 振込先口座 block of a benefit form: the bank fields under this form's names, asked only when
 * the resident does not use the 公金受取口座 (`usePublicAccount` = 'no').
 */
export function bankFields(): ProcedureField[] {
  const byTransfer = (v: ProcedureValues) => stringValue(v, 'usePublicAccount') === 'no';
  return [
    { name: 'usePublicAccount', spec: usePublicAccount, required: true },
    ...askedWhen(byTransfer, BANK_SPECS),
  ];
}

/** The 振込先口座 rows of the print layout, for the names of `bankFields()`. */
export const BANK_PRINT_ROWS: readonly (readonly PrintCell[])[] = [
  [{ field: 'usePublicAccount', span: 12 }],
  [
    { field: 'bankName', span: 4 },
    { field: 'bankCode', span: 2 },
    { field: 'branchName', span: 4 },
    { field: 'branchCode', span: 2 },
  ],
  [
    { field: 'accountType', span: 3 },
    { field: 'accountNumber', span: 4 },
    { field: 'holderKana', span: 5 },
  ],
];
