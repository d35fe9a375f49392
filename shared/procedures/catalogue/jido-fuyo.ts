// 児童扶養手当 認定請求 (児童扶養手当法 第6条; 施行規則 第1条): a parent (or a 養育者) bringing up a
// child whose parents do not live together as a couple. The 支給要件 is why (離婚, 死亡, 未婚 …);
// public pensions, 養育費 and the 同居の扶養義務者 decide the amount or a stop of the allowance.
// Six attachments are got through 情報連携 when the My Number is on the form (seeds §3.7).

import { text } from '../../i18n/lang.ts';
import { addDays } from '../../wareki.ts';
import { CLAIMANT_TSUCHO, KAZEI_SHOMEI } from '../attachments.ts';
import {
  applicantName,
  askedWhen,
  birthDateColumn,
  compact,
  myNumberColumn,
  nameColumn,
  option,
  RELATION,
  rowsOf,
  stringValue,
  YES_NO,
} from '../fields.ts';
import {
  ageOn,
  BANK_PRINT_ROWS,
  bankFields,
  CLAIMANT_FIELDS,
  children,
  childrenRules,
  fiscalYearEndAtAge,
  holderIsClaimantRule,
  JAN1_FIELDS,
  JAN1_PRINT_ROW,
  THE_CLAIMANT,
} from '../fields-family.ts';
import { fieldSection, postalAddressRow, signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, GroupSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const claimantType: FieldSpec = {
  key: 'jido-fuyo.claimantType',
  type: 'choice',
  section: 'applicant',
  options: [
    option('mother', text('{母|はは}', 'お{母|かあ}さん', 'Mother', '母亲', '어머니', 'Mẹ', 'Mãe')),
    option('father', text('{父|ちち}', 'お{父|とう}さん', 'Father', '父亲', '아버지', 'Cha', 'Pai')),
    option(
      'guardian',
      text(
        '{養育者|よういくしゃ}（{父母|ふぼ}{以外|いがい}）',
        'お{父|とう}さん・お{母|かあ}さんではない{育|そだ}てる{人|ひと}',
        'Other carer (not a parent)',
        '养育者（父母以外）',
        '양육자(부모 외)',
        'Người nuôi dưỡng (không phải cha mẹ)',
        'Outro responsável (não os pais)',
      ),
    ),
  ],
  label: text(
    '{請求者|せいきゅうしゃ}の{区分|くぶん}',
    'あなたは{子|こ}どもの{誰|だれ}ですか',
    'Your relationship to the child',
    '申请人类别',
    '청구인 구분',
    'Quan hệ của bạn với trẻ',
    'Sua relação com a criança',
  ),
};

/** 支給要件 (児童扶養手当法 第4条第1項と施行令で定める児童). */
const REASONS = {
  divorce: text(
    '{父母|ふぼ}が{離婚|りこん}した',
    'お{父|とう}さんとお{母|かあ}さんが{離婚|りこん}した',
    'The parents divorced',
    '父母离婚',
    '부모가 이혼함',
    'Cha mẹ đã ly hôn',
    'Os pais se divorciaram',
  ),
  death: text(
    '{父|ちち}または{母|はは}が{死亡|しぼう}した',
    'お{父|とう}さんかお{母|かあ}さんが{亡|な}くなった',
    'A parent died',
    '父亲或母亲死亡',
    '부 또는 모가 사망함',
    'Cha hoặc mẹ đã mất',
    'O pai ou a mãe faleceu',
  ),
  unmarried: text(
    '{婚姻|こんいん}によらないで{生|う}まれた',
    '{結婚|けっこん}していない{親|おや}から{生|う}まれた',
    'Born outside marriage',
    '非婚生子女',
    '혼인 외 출생',
    'Sinh ra ngoài hôn nhân',
    'Nascido fora do casamento',
  ),
  disability: text(
    '{父|ちち}または{母|はは}に{重度|じゅうど}の{障害|しょうがい}がある',
    'お{父|とう}さんかお{母|かあ}さんに{重|おも}い{障害|しょうがい}がある',
    'A parent has a severe disability',
    '父亲或母亲有重度残疾',
    '부 또는 모에게 중증 장애가 있음',
    'Cha hoặc mẹ bị khuyết tật nặng',
    'O pai ou a mãe tem deficiência grave',
  ),
  missing: text(
    '{父|ちち}または{母|はは}の{生死|せいし}が{不明|ふめい}',
    'お{父|とう}さんかお{母|かあ}さんが{生|い}きているかわからない',
    'It is not known whether a parent is alive',
    '父亲或母亲生死不明',
    '부 또는 모의 생사 불명',
    'Không rõ cha hoặc mẹ còn sống hay không',
    'Não se sabe se o pai ou a mãe está vivo(a)',
  ),
  abandoned: text(
    '{父|ちち}または{母|はは}に1{年|ねん}{以上|いじょう}{遺棄|いき}されている',
    'お{父|とう}さんかお{母|かあ}さんが1{年|ねん}{以上|いじょう}{子|こ}どもを{放|ほう}っている',
    'Abandoned by a parent for a year or more',
    '被父亲或母亲遗弃1年以上',
    '부 또는 모에게 1년 이상 유기됨',
    'Bị cha hoặc mẹ bỏ rơi từ 1 năm trở lên',
    'Abandonado pelo pai ou pela mãe há um ano ou mais',
  ),
  protection: text(
    '{父|ちち}または{母|はは}に{裁判所|さいばんしょ}の{保護命令|ほごめいれい}が{出|で}ている（DV）',
    'DVで{裁判所|さいばんしょ}の{保護命令|ほごめいれい}が{出|で}ている',
    'A court protection order against a parent (domestic violence)',
    '法院对父亲或母亲发出保护令（家暴）',
    '부 또는 모에게 법원 보호명령(DV)',
    'Tòa án ra lệnh bảo vệ đối với cha hoặc mẹ (bạo lực gia đình)',
    'Medida protetiva judicial contra o pai ou a mãe (violência doméstica)',
  ),
  detained: text(
    '{父|ちち}または{母|はは}が1{年|ねん}{以上|いじょう}{拘禁|こうきん}されている',
    'お{父|とう}さんかお{母|かあ}さんが1{年|ねん}{以上|いじょう}{刑務所|けいむしょ}などにいる',
    'A parent is detained for a year or more',
    '父亲或母亲被拘禁1年以上',
    '부 또는 모가 1년 이상 구금됨',
    'Cha hoặc mẹ bị giam giữ từ 1 năm trở lên',
    'O pai ou a mãe está detido(a) há um ano ou mais',
  ),
  other: text(
    'その{他|た}（{父母|ふぼ}がともにいないなど）',
    'ほかの{理由|りゆう}（お{父|とう}さんもお{母|かあ}さんもいないなど）',
    'Other (e.g. neither parent is present)',
    '其他（父母均不在等）',
    '기타(부모가 모두 없음 등)',
    'Khác (ví dụ không có cả cha lẫn mẹ)',
    'Outro (ex.: nenhum dos pais presente)',
  ),
} as const;
type Reason = keyof typeof REASONS;

const reason: FieldSpec = {
  key: 'jido-fuyo.reason',
  type: 'choice',
  section: 'other',
  options: Object.entries(REASONS).map(([value, label]) => option(value, label)),
  label: text(
    '{支給要件|しきゅうようけん}（{児童|じどう}の{状況|じょうきょう}）',
    '{手当|てあて}をもらう{理由|りゆう}',
    'Why the child qualifies',
    '支给条件（儿童的情况）',
    '지급 요건(아동의 상황)',
    'Lý do trẻ đủ điều kiện',
    'Motivo da elegibilidade da criança',
  ),
};

const reasonDate: FieldSpec = {
  key: 'jido-fuyo.reasonDate',
  type: 'date',
  section: 'other',
  min: { iso: '1990-01-01' },
  max: { daysFromToday: 0 },
  label: text(
    '{支給要件|しきゅうようけん}に{該当|がいとう}した{日|ひ}（{離婚日|りこんび}・{死亡日|しぼうび}など）',
    'そうなった{日|ひ}（{離婚|りこん}した{日|ひ}など）',
    'Date it happened (divorce, death…)',
    '符合条件的日期（离婚日、死亡日等）',
    '요건에 해당한 날(이혼일·사망일 등)',
    'Ngày xảy ra (ly hôn, mất…)',
    'Data do fato (divórcio, falecimento…)',
  ),
};

const otherParentName: FieldSpec = {
  ...applicantName,
  key: 'jido-fuyo.otherParentName',
  section: 'other',
  card: undefined,
  label: text(
    '{児童|じどう}の{父|ちち}または{母|はは}の{氏名|しめい}',
    '{子|こ}どものもう{一人|ひとり}の{親|おや}の{名前|なまえ}',
    "Name of the child's other parent",
    '儿童的父亲或母亲姓名',
    '아동의 부 또는 모 성명',
    'Họ tên cha hoặc mẹ còn lại của trẻ',
    'Nome do outro genitor da criança',
  ),
};

const otherParentAddress: FieldSpec = {
  key: 'jido-fuyo.otherParentAddress',
  type: 'address',
  section: 'other',
  maxLength: 200,
  label: text(
    '{児童|じどう}の{父|ちち}または{母|はは}の{住所|じゅうしょ}',
    'もう{一人|ひとり}の{親|おや}の{住所|じゅうしょ}',
    "Address of the child's other parent",
    '儿童的父亲或母亲住址',
    '아동의 부 또는 모 주소',
    'Địa chỉ của cha hoặc mẹ còn lại',
    'Endereço do outro genitor',
  ),
};

const partner: FieldSpec = {
  key: 'jido-fuyo.partner',
  type: 'choice',
  section: 'household',
  options: YES_NO,
  label: text(
    '{事実上|じじつじょう}の{婚姻関係|こんいんかんけい}にある{人|ひと}がいる',
    '{結婚|けっこん}の{届|とど}けはないが、{夫婦|ふうふ}のように{暮|く}らす{人|ひと}がいる',
    'Do you have a partner you live with as a couple?',
    '是否有事实婚姻关系的人',
    '사실혼 관계인 사람이 있음',
    'Có người chung sống như vợ chồng không',
    'Tem um(a) companheiro(a) com quem vive como casal?',
  ),
  help: text(
    '{同居|どうきょ}や{頻繁|ひんぱん}な{訪問|ほうもん}、{生活費|せいかつひ}の{援助|えんじょ}がある{場合|ばあい}を{含|ふく}みます',
    'いっしょに{住|す}む、よく{来|く}る、お{金|かね}をもらう、などのとき',
    'Includes living together, frequent visits or help with living costs',
    '包括同居、频繁来访或资助生活费的情况',
    '동거, 잦은 방문, 생활비 원조가 있는 경우를 포함합니다',
    'Bao gồm sống chung, thường xuyên đến thăm hoặc hỗ trợ chi phí sinh hoạt',
    'Inclui morar junto, visitas frequentes ou ajuda com as despesas',
  ),
};

const disabledChildren: FieldSpec = {
  key: 'jido-fuyo.disabledChildren',
  type: 'text',
  section: 'child',
  maxLength: 100,
  label: text(
    '{障害|しょうがい}のある{児童|じどう}の{氏名|しめい}（20{歳|さい}{未満|みまん}）',
    '{障害|しょうがい}がある{子|こ}どもの{名前|なまえ}（20{歳|さい}まで）',
    'Names of children with a disability (under 20)',
    '有残疾的儿童姓名（未满20岁）',
    '장애가 있는 아동 성명(20세 미만)',
    'Họ tên trẻ khuyết tật (dưới 20 tuổi)',
    'Nomes das crianças com deficiência (menores de 20)',
  ),
  help: text(
    '{複数|ふくすう}のときは「、」で{区切|くぎ}ります',
    '2{人|ふたり}{以上|いじょう}は「、」で{分|わ}けます',
    'Separate several names with 、',
    '多人时用「、」分隔',
    '여러 명이면 「、」로 구분',
    'Nhiều tên thì ngăn cách bằng 、',
    'Separe vários nomes com 、',
  ),
};

const PENSION_NONE = 'none';
const pensionStatus: FieldSpec = {
  key: 'jido-fuyo.pensionStatus',
  type: 'choice',
  section: 'other',
  options: [
    option(
      PENSION_NONE,
      text(
        '{受|う}けていない',
        'もらっていない',
        'Not receiving',
        '未领取',
        '받지 않음',
        'Không nhận',
        'Não recebe',
      ),
    ),
    option(
      'receiving',
      text('{受|う}けている', 'もらっている', 'Receiving', '正在领取', '받고 있음', 'Đang nhận', 'Recebe'),
    ),
    option(
      'claiming',
      text(
        '{請求中|せいきゅうちゅう}',
        '{申|もう}し{込|こ}んでいる',
        'Claim in progress',
        '申请中',
        '청구 중',
        'Đang yêu cầu',
        'Pedido em andamento',
      ),
    ),
  ],
  label: text(
    '{公的年金|こうてきねんきん}の{受給|じゅきゅう}',
    '{国|くに}の{年金|ねんきん}をもらっていますか',
    'Public pension',
    '公共养老金领取情况',
    '공적연금 수급',
    'Lương hưu công',
    'Pensão pública',
  ),
  help: text(
    '{遺族年金|いぞくねんきん}・{障害年金|しょうがいねんきん}・{労災|ろうさい}の{年金|ねんきん}などを{含|ふく}みます',
    '{家族|かぞく}が{亡|な}くなったときや{障害|しょうがい}の{年金|ねんきん}も{入|はい}ります',
    "Includes survivors', disability and work-accident pensions",
    '包括遗属养老金、残疾养老金和工伤养老金等',
    '유족연금·장애연금·산재연금 등을 포함합니다',
    'Bao gồm lương hưu cho thân nhân, khuyết tật và tai nạn lao động',
    'Inclui pensões por morte, invalidez e acidente de trabalho',
  ),
};

const pensionWho: FieldSpec = {
  key: 'jido-fuyo.pensionWho',
  type: 'flags',
  section: 'other',
  options: [
    option('claimant', THE_CLAIMANT),
    option('child', text('{児童|じどう}', '{子|こ}ども', 'A child', '儿童', '아동', 'Trẻ', 'A criança')),
  ],
  label: text(
    '{年金|ねんきん}を{受|う}ける{人|ひと}',
    '{年金|ねんきん}をもらう{人|ひと}',
    'Who receives it',
    '领取人',
    '받는 사람',
    'Người nhận',
    'Quem recebe',
  ),
};

const pensionKinds: FieldSpec = {
  key: 'jido-fuyo.pensionKinds',
  type: 'flags',
  section: 'other',
  options: [
    option(
      'old-age',
      text(
        '{老齢|ろうれい}',
        'お{年寄|としよ}りの{年金|ねんきん}',
        'Old-age',
        '老龄',
        '노령',
        'Tuổi già',
        'Velhice',
      ),
    ),
    option(
      'survivor',
      text(
        '{遺族|いぞく}',
        '{家族|かぞく}が{亡|な}くなったときの{年金|ねんきん}',
        "Survivors'",
        '遗属',
        '유족',
        'Thân nhân',
        'Por morte',
      ),
    ),
    option(
      'disability',
      text(
        '{障害|しょうがい}',
        '{障害|しょうがい}の{年金|ねんきん}',
        'Disability',
        '残疾',
        '장애',
        'Khuyết tật',
        'Invalidez',
      ),
    ),
    option(
      'work-accident',
      text(
        '{労災|ろうさい}',
        '{仕事|しごと}のけがの{年金|ねんきん}',
        'Work accident',
        '工伤',
        '산재',
        'Tai nạn lao động',
        'Acidente de trabalho',
      ),
    ),
  ],
  label: text(
    '{年金|ねんきん}の{種類|しゅるい}',
    '{年金|ねんきん}の{種類|しゅるい}',
    'Kind of pension',
    '养老金种类',
    '연금 종류',
    'Loại lương hưu',
    'Tipo de pensão',
  ),
};

const pensionAnnual: FieldSpec = {
  key: 'jido-fuyo.pensionAnnual',
  type: 'integer',
  section: 'other',
  minValue: 1,
  maxValue: 99_999_999,
  label: text(
    '{年金|ねんきん}の{年額|ねんがく}（{円|えん}）',
    '1{年|ねん}でもらう{年金|ねんきん}（{円|えん}）',
    'Annual pension amount (yen)',
    '养老金年额（日元）',
    '연금 연액(엔)',
    'Số tiền lương hưu mỗi năm (yên)',
    'Valor anual da pensão (ienes)',
  ),
};

const specialAllowance: FieldSpec = {
  key: 'jido-fuyo.specialAllowance',
  type: 'choice',
  section: 'other',
  options: YES_NO,
  label: text(
    '{特別児童扶養手当|とくべつじどうふようてあて}を{受|う}けている',
    '{障害|しょうがい}がある{子|こ}どもの{手当|てあて}（{特別児童扶養手当|とくべつじどうふようてあて}）をもらっている',
    'Receiving special child-rearing allowance',
    '正在领取特别儿童抚养津贴',
    '특별아동부양수당을 받고 있음',
    'Đang nhận trợ cấp đặc biệt nuôi trẻ khuyết tật',
    'Recebe o abono especial para criação de filhos',
  ),
};

const supportReceived: FieldSpec = {
  key: 'jido-fuyo.supportReceived',
  type: 'choice',
  section: 'other',
  options: YES_NO,
  label: text(
    '{養育費|よういくひ}を{受|う}け{取|と}っている',
    '{子|こ}どものためのお{金|かね}（{養育費|よういくひ}）をもらっている',
    'Receiving child support',
    '正在领取抚养费',
    '양육비를 받고 있음',
    'Đang nhận tiền cấp dưỡng nuôi con',
    'Recebe pensão alimentícia',
  ),
};

const supportAnnual: FieldSpec = {
  key: 'jido-fuyo.supportAnnual',
  type: 'integer',
  section: 'other',
  minValue: 1,
  maxValue: 99_999_999,
  label: text(
    '{養育費|よういくひ}の{年額|ねんがく}（{円|えん}）',
    '1{年|ねん}でもらう{養育費|よういくひ}（{円|えん}）',
    'Child support per year (yen)',
    '抚养费年额（日元）',
    '양육비 연액(엔)',
    'Tiền cấp dưỡng mỗi năm (yên)',
    'Pensão alimentícia por ano (ienes)',
  ),
};

/** 同居の扶養義務者 (父母・祖父母・兄弟姉妹・子 …): their income can stop the allowance (扶養義務者の所得制限). */
const housemates: GroupSpec = {
  key: 'jido-fuyo.housemates',
  type: 'group',
  section: 'household',
  columns: [
    nameColumn,
    birthDateColumn,
    {
      key: 'relationship',
      type: 'choice',
      section: 'household',
      options: [
        RELATION.parent,
        option(
          'grandparent',
          text(
            '{祖父母|そふぼ}',
            'おじいさん・おばあさん',
            'Grandparent',
            '祖父母',
            '조부모',
            'Ông bà',
            'Avô/Avó',
          ),
        ),
        option(
          'sibling',
          text(
            '{兄弟姉妹|きょうだいしまい}',
            'きょうだい',
            'Sibling',
            '兄弟姐妹',
            '형제자매',
            'Anh chị em',
            'Irmão/Irmã',
          ),
        ),
        option(
          'child',
          text(
            '{子|こ}（{児童|じどう}{以外|いがい}）',
            '{子|こ}ども（{上|うえ}の{子|こ}どもではない）',
            'Child (not listed above)',
            '子女（儿童以外）',
            '자녀(아동 외)',
            'Con (không thuộc danh sách trên)',
            'Filho(a) (não listado acima)',
          ),
        ),
        RELATION.other,
      ],
      label: text(
        '{請求者|せいきゅうしゃ}との{続柄|つづきがら}',
        'あなたとの{関係|かんけい}',
        'Relationship to you',
        '与申请人的关系',
        '청구인과의 관계',
        'Quan hệ với bạn',
        'Parentesco com você',
      ),
    },
    myNumberColumn,
  ],
  requiredColumns: ['name', 'birthDate', 'relationship'],
  minRows: 0,
  maxRows: 4,
  label: text(
    '{同居|どうきょ}している{人|ひと}（{児童|じどう}{以外|いがい}）',
    'いっしょに{住|す}んでいる{人|ひと}（{子|こ}ども{以外|いがい}）',
    'Other people living with you',
    '同住的人（儿童以外）',
    '함께 사는 사람(아동 외)',
    'Những người sống cùng (ngoài trẻ)',
    'Outras pessoas que moram com você',
  ),
};

const reasonIs =
  (...rs: Reason[]) =>
  (v: ProcedureValues) =>
    (rs as string[]).includes(stringValue(v, 'reason'));
// The 支給要件 that have a day and a parent to name: all but 未婚 and その他.
const parentKnown = reasonIs(
  'divorce',
  'death',
  'disability',
  'missing',
  'abandoned',
  'protection',
  'detained',
);
const pensioned = (v: ProcedureValues) => !['', PENSION_NONE].includes(stringValue(v, 'pensionStatus'));
const parentClaims = (v: ProcedureValues) => ['mother', 'father'].includes(stringValue(v, 'claimantType'));
// Names keep their 全角 space (鈴木　大地): only 、 and commas separate them.
const names = (v: ProcedureValues, field: string) =>
  stringValue(v, field)
    .split(/[、,，]/u)
    .map((n) => n.trim())
    .filter((n) => n !== '');

export const jidoFuyo: ProcedureDefinition = {
  id: 'jido-fuyo',
  name: PROCEDURE_NAMES['jido-fuyo'],
  description: text(
    'ひとり{親|おや}{家庭|かてい}などで{児童|じどう}を{養育|よういく}している{人|ひと}が{手当|てあて}を{請求|せいきゅう}します',
    'ひとりで{子|こ}どもを{育|そだ}てている{人|ひと}などがもらえるお{金|かね}です',
    'Claim the allowance if you bring up a child as a single parent or in a similar situation',
    '单亲家庭等抚养儿童的人申请津贴',
    '한부모 가정 등에서 아동을 양육하는 사람이 수당을 청구합니다',
    'Người nuôi con một mình hoặc hoàn cảnh tương tự yêu cầu trợ cấp',
    'Quem cria uma criança sozinho(a) ou em situação semelhante pede o abono',
  ),
  basis: '児童扶養手当法 第6条（施行規則 第1条）',
  department: 'こども家庭課 ひとり親支援係',
  myNumber: { basis: '番号法 第9条第1項・別表（児童扶養手当法による児童扶養手当の支給に関する事務）' },
  signature: 'visit',
  fields: [
    { name: 'claimantType', spec: claimantType, required: true },
    ...CLAIMANT_FIELDS,
    ...JAN1_FIELDS,
    { name: 'partner', spec: partner, required: true },
    { name: 'reason', spec: reason, required: true },
    {
      name: 'reasonDate',
      spec: reasonDate,
      required: false,
      requiredIf: parentKnown,
      showIf: (v) => !reasonIs('unmarried')(v),
    },
    {
      name: 'otherParentName',
      spec: otherParentName,
      required: false,
      requiredIf: parentKnown,
    },
    {
      name: 'otherParentAddress',
      spec: otherParentAddress,
      required: false,
      showIf: (v) => !reasonIs('death')(v),
    },
    { name: 'children', spec: children, required: true },
    { name: 'disabledChildren', spec: disabledChildren, required: false },
    { name: 'pensionStatus', spec: pensionStatus, required: true },
    ...askedWhen(pensioned, { pensionWho, pensionKinds }),
    {
      name: 'pensionAnnual',
      spec: pensionAnnual,
      required: false,
      requiredIf: (v) => stringValue(v, 'pensionStatus') === 'receiving',
      showIf: pensioned,
    },
    { name: 'specialAllowance', spec: specialAllowance, required: true },
    ...askedWhen(parentClaims, { supportReceived }),
    {
      name: 'supportAnnual',
      spec: supportAnnual,
      required: false,
      requiredIf: (v) => stringValue(v, 'supportReceived') === 'yes',
      showIf: (v) => parentClaims(v) && stringValue(v, 'supportReceived') === 'yes',
    },
    { name: 'housemates', spec: housemates, required: false },
    ...bankFields(),
  ],
  rules: [
    {
      // 児童: 18歳の年度末まで、中程度以上の障害があれば20歳未満 (第3条第1項).
      id: 'jido-fuyo-child-age',
      fields: ['children'],
      check: (v, today) => {
        const disabled = names(v, 'disabledChildren').map(compact);
        for (const r of rowsOf(v, 'children')) {
          const birth = r.birthDate ?? '';
          if ((fiscalYearEndAtAge(birth, 18) ?? today) >= today) continue;
          if (disabled.includes(compact(r.name ?? '')) && (ageOn(birth, today) ?? 20) < 20) continue;
          return disabled.includes(compact(r.name ?? ''))
            ? `「${r.name}」は20歳になっているため対象になりません。行を消してください。`
            : `「${r.name}」は18歳の年度末を過ぎています。障害がある場合は「障害のある児童の氏名」に書いてください。ない場合は行を消してください。`;
        }
        return undefined;
      },
    },
    {
      id: 'jido-fuyo-disabled-listed',
      fields: ['disabledChildren'],
      check: (v) => {
        const listed = new Set(rowsOf(v, 'children').map((r) => compact(r.name ?? '')));
        const missing = names(v, 'disabledChildren').find((n) => !listed.has(compact(n)));
        return missing
          ? `「${missing}」が児童の一覧にいません。児童の欄と同じ氏名で書いてください。`
          : undefined;
      },
    },
    ...childrenRules('jido-fuyo', { children: 'children', claimantBirthDate: 'birthDate' }),
    {
      id: 'jido-fuyo-abandoned-year',
      fields: ['reasonDate'],
      check: (v, today) =>
        reasonIs('abandoned')(v) && stringValue(v, 'reasonDate') > addDays(today, -365)
          ? '遺棄は1年以上続いていることが要件です。遺棄が始まった日を確かめてください（1年たつ前は、他の支給要件に当たらないか相談してください）。'
          : undefined,
    },
    {
      id: 'jido-fuyo-housemates-not-children',
      fields: ['housemates'],
      check: (v) => {
        const kids = new Set(rowsOf(v, 'children').map((r) => `${r.name}|${r.birthDate}`));
        const r = rowsOf(v, 'housemates').find((x) => kids.has(`${x.name}|${x.birthDate}`));
        return r
          ? `「${r.name}」が児童と同居者の両方に入っています。同居者の欄から消してください。`
          : undefined;
      },
    },
    holderIsClaimantRule('jido-fuyo-holder', { holder: 'holderKana', claimantKana: 'nameKana' }),
  ],
  attachments: [
    {
      id: 'koseki',
      name: text(
        '{請求者|せいきゅうしゃ}と{児童|じどう}の{戸籍謄本|こせきとうほん}',
        'あなたと{子|こ}どもの{戸籍|こせき}の{紙|かみ}',
        'Family register of the claimant and the children',
        '申请人和儿童的户籍誊本',
        '청구인과 아동의 호적등본',
        'Bản sao hộ tịch của người yêu cầu và trẻ',
        'Registro familiar (koseki) do requerente e das crianças',
      ),
      omittableByLinkage: false,
      when: '外国籍の人は、支給要件がわかる本国の書類と訳文',
    },
    {
      id: 'juminhyo',
      name: text(
        '{世帯全員|せたいぜんいん}の{住民票|じゅうみんひょう}',
        '{家族|かぞく}みんなの{住民票|じゅうみんひょう}',
        'Certificate of residence of the whole household',
        '全户住民票',
        '세대 전원의 주민표',
        'Phiếu cư trú của cả hộ',
        'Certificado de residência de todo o domicílio',
      ),
      omittableByLinkage: true,
    },
    { ...KAZEI_SHOMEI, when: '1月1日にほかの市区町村に住んでいた場合（同居の扶養義務者の分も）' },
    {
      id: 'tokubetsu-jido-fuyo',
      name: text(
        '{特別児童扶養手当証書|とくべつじどうふようてあてしょうしょ}',
        '{特別児童扶養手当|とくべつじどうふようてあて}の{証書|しょうしょ}',
        'Special child-rearing allowance certificate',
        '特别儿童抚养津贴证书',
        '특별아동부양수당 증서',
        'Giấy chứng nhận trợ cấp đặc biệt nuôi trẻ',
        'Certificado do abono especial para criação de filhos',
      ),
      omittableByLinkage: true,
      when: '特別児童扶養手当を受けている場合',
    },
    {
      id: 'shogaisha-techo',
      name: text(
        '{障害者手帳|しょうがいしゃてちょう}',
        '{障害者手帳|しょうがいしゃてちょう}',
        'Disability certificate (techō)',
        '残疾人手册',
        '장애인 수첩',
        'Sổ người khuyết tật',
        'Caderneta de pessoa com deficiência',
      ),
      omittableByLinkage: true,
      when: '父・母または児童の障害を支給要件・対象とする場合',
    },
    {
      id: 'nenkin-kaitei',
      name: text(
        '{年金額改定通知書|ねんきんがくかいていつうちしょ}',
        '{年金|ねんきん}の{金額|きんがく}が{変|か}わったお{知|し}らせ',
        'Pension amount revision notice',
        '养老金额变更通知书',
        '연금액 개정 통지서',
        'Thông báo điều chỉnh tiền lương hưu',
        'Aviso de revisão do valor da pensão',
      ),
      omittableByLinkage: true,
      when: '公的年金を受けている場合',
    },
    {
      id: 'nenkin-shosho',
      name: text(
        '{年金証書|ねんきんしょうしょ}',
        '{年金|ねんきん}の{証書|しょうしょ}',
        'Pension certificate',
        '养老金证书',
        '연금증서',
        'Giấy chứng nhận lương hưu',
        'Certificado de pensão',
      ),
      omittableByLinkage: true,
      when: '公的年金を受けている場合',
    },
    {
      id: 'shindansho',
      name: text(
        '{障害|しょうがい}の{診断書|しんだんしょ}（{所定|しょてい}の{様式|ようしき}）',
        '{障害|しょうがい}についての{医者|いしゃ}の{紙|かみ}',
        "Doctor's certificate of the disability (prescribed form)",
        '残疾诊断书（规定格式）',
        '장애 진단서(소정 양식)',
        'Giấy chẩn đoán khuyết tật (mẫu quy định)',
        'Atestado médico da deficiência (formulário próprio)',
      ),
      omittableByLinkage: false,
      when: '父・母の障害が支給要件の場合、または障害のある20歳未満の児童がいる場合',
    },
    {
      id: 'yoikuhi-shinkoku',
      name: text(
        '{養育費等|よういくひとう}に{関|かん}する{申告書|しんこくしょ}',
        '{養育費|よういくひ}について{書|か}く{紙|かみ}',
        'Declaration on child support',
        '抚养费等申报书',
        '양육비 등에 관한 신고서',
        'Tờ khai về tiền cấp dưỡng',
        'Declaração sobre pensão alimentícia',
      ),
      omittableByLinkage: false,
      when: '父または母が請求する場合',
    },
    { ...CLAIMANT_TSUCHO, when: '公金受取口座を使わない場合' },
  ],
  print: {
    title: '児童扶養手当 認定請求書',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '請求者',
            rows: [
              [
                { field: 'claimantType', span: 3 },
                { field: 'name', span: 5 },
                { field: 'nameKana', span: 4 },
              ],
              [
                { field: 'birthDate', span: 4 },
                { field: 'myNumber', span: 4 },
                { field: 'phone', span: 4 },
              ],
              postalAddressRow(),
              JAN1_PRINT_ROW,
              [{ field: 'partner', span: 12 }],
            ],
          },
          {
            heading: '支給要件',
            rows: [
              [
                { field: 'reason', span: 7 },
                { field: 'reasonDate', span: 5 },
              ],
              [
                { field: 'otherParentName', span: 4 },
                { field: 'otherParentAddress', span: 8 },
              ],
            ],
          },
          {
            heading: '対象となる児童',
            rows: [[{ field: 'children', span: 12 }], [{ field: 'disabledChildren', span: 12 }]],
          },
        ],
      },
      {
        sections: [
          {
            heading: '公的年金・手当の受給状況',
            rows: [
              [
                { field: 'pensionStatus', span: 4 },
                { field: 'pensionWho', span: 4 },
                { field: 'pensionAnnual', span: 4 },
              ],
              [
                { field: 'pensionKinds', span: 7 },
                { field: 'specialAllowance', span: 5 },
              ],
            ],
          },
          {
            heading: '養育費',
            rows: [
              [
                { field: 'supportReceived', span: 6 },
                { field: 'supportAnnual', span: 6 },
              ],
            ],
          },
          fieldSection('同居している扶養義務者など', 'housemates'),
          { heading: '振込先口座（請求者名義）', rows: BANK_PRINT_ROWS },
          signatureSection('請求者 署名'),
        ],
      },
    ],
    footnote: '児童扶養手当法第6条の規定により、手当の受給資格及び手当の額について認定を請求します。',
  },
};
