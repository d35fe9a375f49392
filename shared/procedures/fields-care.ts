// Shared specs and helpers of catalogue B (年金・口座・カード・介護・被災・ごみ): what several of
// these procedures ask of the same person goes here, so a visit asks it once. The visit-wide specs
// (name, address, bank account…) stay in fields.ts.
import { text } from '../i18n/lang.ts';
import { addDays, parseIsoDate } from '../wareki.ts';
import { askedWhen, option } from './fields.ts';
import type { FieldSpec, Option, ProcedureField, ProcedureValues } from './types.ts';

/**
 * Age in full years on `on`, the legal way (年齢計算ニ関スル法律): a year of age is reached at the
 * end of the day before the birthday, so 65歳に達した日 is the day before the 65th birthday. Not the
 * same as fields-family.ts ageOn, which counts from the birthday: the two differ on the day before.
 */
export function legalAge(birth: string, on: string): number | undefined {
  const b = parseIsoDate(birth);
  const d = parseIsoDate(addDays(on, 1));
  if (!b || !d) return undefined;
  const before = d.month < b.month || (d.month === b.month && d.day < b.day);
  return d.year - b.year - (before ? 1 : 0);
}

// ── 代理人 (the person who applies or receives on the resident's behalf) ───────────────────────
// One person per visit: the family member or care manager at the counter is the same 代理人 for
// the 介護認定申請, the card's 代理交付 and the 罹災証明書. Each procedure says when it applies.

export const agentName: FieldSpec = {
  key: 'applicant.agentName',
  type: 'text',
  section: 'applicant',
  maxLength: 60,
  label: text(
    '{代理人|だいりにん}の{氏名|しめい}',
    '{代|か}わりに{来|き}た{人|ひと}の{名前|なまえ}',
    "Agent's name",
    '代理人姓名',
    '대리인 성명',
    'Họ tên người đại diện',
    'Nome do representante',
  ),
};

export const agentRelationship: FieldSpec = {
  key: 'applicant.agentRelationship',
  type: 'text',
  section: 'applicant',
  maxLength: 30,
  label: text(
    '{本人|ほんにん}との{関係|かんけい}',
    '{本人|ほんにん}とどんな{関係|かんけい}ですか',
    'Relationship to the person concerned',
    '与本人的关系',
    '본인과의 관계',
    'Quan hệ với người đương sự',
    'Relação com o titular',
  ),
  help: text(
    '{長男|ちょうなん}、{妻|つま}、{介護支援専門員|かいごしえんせんもんいん}など',
    '{息子|むすこ}、{妻|つま}、ケアマネジャーなど',
    'E.g. eldest son, wife, care manager',
    '例如：长子、妻子、护理支援专员',
    '예: 장남, 아내, 케어매니저',
    'Ví dụ: con trai cả, vợ, người quản lý chăm sóc',
    'Ex.: filho mais velho, esposa, gestor de cuidados',
  ),
};

export const agentAddress: FieldSpec = {
  key: 'applicant.agentAddress',
  type: 'address',
  section: 'applicant',
  maxLength: 200,
  label: text(
    '{代理人|だいりにん}の{住所|じゅうしょ}',
    '{代|か}わりに{来|き}た{人|ひと}の{住所|じゅうしょ}',
    "Agent's address",
    '代理人住址',
    '대리인 주소',
    'Địa chỉ người đại diện',
    'Endereço do representante',
  ),
};

export const agentPhone: FieldSpec = {
  key: 'applicant.agentPhone',
  type: 'phone',
  section: 'applicant',
  label: text(
    '{代理人|だいりにん}の{電話番号|でんわばんごう}',
    '{代|か}わりに{来|き}た{人|ひと}の{電話番号|でんわばんごう}',
    "Agent's phone number",
    '代理人电话号码',
    '대리인 전화번호',
    'Số điện thoại người đại diện',
    'Telefone do representante',
  ),
};

/**
 * The 代理人 block of one procedure, asked and required only when `applies` (a proxy acts):
 * fields agentName, agentRelationship, agentAddress, agentPhone.
 */
export function agentFields(applies: (v: ProcedureValues) => boolean): ProcedureField[] {
  return askedWhen(applies, { agentName, agentRelationship, agentAddress, agentPhone });
}

// ── Answers that recur in the forms ─────────────────────────────────────────────────────────

/** The insured person themself, as who applies or notifies (介護保険, 国民年金). */
export const INSURED_SELF: Option = option(
  'self',
  text(
    '{本人|ほんにん}',
    '{自分|じぶん}',
    'The insured person',
    '本人',
    '본인',
    'Bản thân',
    'O próprio segurado',
  ),
);

/** A detached house, in the lists of housing (罹災証明書, 粗大ごみ); each words its apartment its own way. */
export const DETACHED_HOUSE: Option = option(
  'detached',
  text(
    '{一戸建|いっこだ}て',
    '{一軒家|いっけんや}',
    'Detached house',
    '独栋住宅',
    '단독주택',
    'Nhà riêng',
    'Casa',
  ),
);

/** 希望する／希望しない, as the card application's boxes read. */
export const WISH_OPTIONS: readonly Option[] = [
  option(
    'yes',
    text('{希望|きぼう}する', 'ほしい', 'Yes, I want it', '希望', '희망함', 'Có, tôi muốn', 'Sim, desejo'),
  ),
  option(
    'no',
    text(
      '{希望|きぼう}しない',
      'いらない',
      "No, I don't want it",
      '不希望',
      '희망하지 않음',
      'Không, tôi không muốn',
      'Não desejo',
    ),
  ),
];

// ── 介護保険 ─────────────────────────────────────────────────────────────────────────────────

/**
 * The 16 特定疾病 (介護保険法施行令 第2条): a 第2号被保険者 (40–64) is certified only when one of
 * them causes the need for care. Codes are ours; the names follow the order of the 政令.
 */
export const SPECIFIC_DISEASE_OPTIONS: readonly Option[] = [
  option(
    'cancer',
    text(
      'がん（{末期|まっき}）',
      '{治|なお}るのが{難|むずか}しいがん',
      'Terminal cancer',
      '癌症（末期）',
      '말기 암',
      'Ung thư giai đoạn cuối',
      'Câncer em estágio terminal',
    ),
  ),
  option(
    'ra',
    text(
      '{関節|かんせつ}リウマチ',
      '{関節|かんせつ}リウマチ',
      'Rheumatoid arthritis',
      '类风湿关节炎',
      '류머티즘 관절염',
      'Viêm khớp dạng thấp',
      'Artrite reumatoide',
    ),
  ),
  option(
    'als',
    text(
      '{筋萎縮性側索硬化症|きんいしゅくせいそくさくこうかしょう}（ALS）',
      'ALS（{筋萎縮性側索硬化症|きんいしゅくせいそくさくこうかしょう}）',
      'Amyotrophic lateral sclerosis (ALS)',
      '肌萎缩侧索硬化症（ALS）',
      '근위축성 측삭경화증(ALS)',
      'Xơ cứng teo cơ một bên (ALS)',
      'Esclerose lateral amiotrófica (ELA)',
    ),
  ),
  option(
    'opll',
    text(
      '{後縦靱帯骨化症|こうじゅうじんたいこっかしょう}',
      '{後縦靱帯骨化症|こうじゅうじんたいこっかしょう}',
      'Ossification of the posterior longitudinal ligament',
      '后纵韧带骨化症',
      '후종인대골화증',
      'Cốt hóa dây chằng dọc sau',
      'Ossificação do ligamento longitudinal posterior',
    ),
  ),
  option(
    'osteoporosis',
    text(
      '{骨折|こっせつ}を{伴|ともな}う{骨粗鬆症|こつそしょうしょう}',
      '{骨|ほね}が{折|お}れた{骨粗鬆症|こつそしょうしょう}',
      'Osteoporosis with fracture',
      '伴有骨折的骨质疏松症',
      '골절을 동반한 골다공증',
      'Loãng xương kèm gãy xương',
      'Osteoporose com fratura',
    ),
  ),
  option(
    'dementia',
    text(
      '{初老期|しょろうき}における{認知症|にんちしょう}',
      '65{歳|さい}より{前|まえ}に{始|はじ}まった{認知症|にんちしょう}',
      'Presenile dementia',
      '初老期痴呆症',
      '초로기 치매',
      'Sa sút trí tuệ khởi phát sớm',
      'Demência pré-senil',
    ),
  ),
  option(
    'parkinson',
    text(
      '{進行性核上性麻痺|しんこうせいかくじょうせいまひ}・{大脳皮質基底核変性症|だいのうひしつきていかくへんせいしょう}・パーキンソン{病|びょう}',
      'パーキンソン{病|びょう}など',
      "Progressive supranuclear palsy, corticobasal degeneration and Parkinson's disease",
      '进行性核上性麻痹、大脑皮质基底核变性症及帕金森病',
      '진행성 핵상 마비·대뇌피질 기저핵 변성증·파킨슨병',
      'Liệt trên nhân tiến triển, thoái hóa vỏ não - hạch nền và bệnh Parkinson',
      'Paralisia supranuclear progressiva, degeneração corticobasal e doença de Parkinson',
    ),
  ),
  option(
    'scd',
    text(
      '{脊髄小脳変性症|せきずいしょうのうへんせいしょう}',
      '{脊髄小脳変性症|せきずいしょうのうへんせいしょう}',
      'Spinocerebellar degeneration',
      '脊髓小脑变性症',
      '척수소뇌변성증',
      'Thoái hóa tiểu não - tủy sống',
      'Degeneração espinocerebelar',
    ),
  ),
  option(
    'stenosis',
    text(
      '{脊柱管狭窄症|せきちゅうかんきょうさくしょう}',
      '{脊柱管狭窄症|せきちゅうかんきょうさくしょう}',
      'Spinal canal stenosis',
      '椎管狭窄症',
      '척추관협착증',
      'Hẹp ống sống',
      'Estenose do canal vertebral',
    ),
  ),
  option(
    'progeria',
    text(
      '{早老症|そうろうしょう}',
      '{早老症|そうろうしょう}',
      'Progeria',
      '早老症',
      '조로증',
      'Hội chứng lão hóa sớm',
      'Progéria',
    ),
  ),
  option(
    'msa',
    text(
      '{多系統萎縮症|たけいとういしゅくしょう}',
      '{多系統萎縮症|たけいとういしゅくしょう}',
      'Multiple system atrophy',
      '多系统萎缩症',
      '다계통위축증',
      'Teo đa hệ thống',
      'Atrofia de múltiplos sistemas',
    ),
  ),
  option(
    'diabetes',
    text(
      '{糖尿病性神経障害|とうにょうびょうせいしんけいしょうがい}・{糖尿病性腎症|とうにょうびょうせいじんしょう}・{糖尿病性網膜症|とうにょうびょうせいもうまくしょう}',
      '{糖尿病|とうにょうびょう}による{神経|しんけい}・{腎臓|じんぞう}・{目|め}の{病気|びょうき}',
      'Diabetic neuropathy, nephropathy and retinopathy',
      '糖尿病性神经病变、糖尿病肾病及糖尿病视网膜病变',
      '당뇨병성 신경장애·신증·망막증',
      'Biến chứng thần kinh, thận và võng mạc do tiểu đường',
      'Neuropatia, nefropatia e retinopatia diabéticas',
    ),
  ),
  option(
    'stroke',
    text(
      '{脳血管疾患|のうけっかんしっかん}',
      '{脳|のう}の{血管|けっかん}の{病気|びょうき}（{脳梗塞|のうこうそく}など）',
      'Cerebrovascular disease',
      '脑血管疾病',
      '뇌혈관 질환',
      'Bệnh mạch máu não',
      'Doença cerebrovascular',
    ),
  ),
  option(
    'aso',
    text(
      '{閉塞性動脈硬化症|へいそくせいどうみゃくこうかしょう}',
      '{足|あし}などの{血管|けっかん}がつまる{病気|びょうき}（{閉塞性動脈硬化症|へいそくせいどうみゃくこうかしょう}）',
      'Arteriosclerosis obliterans',
      '闭塞性动脉硬化症',
      '폐색성 동맥경화증',
      'Xơ vữa động mạch tắc nghẽn',
      'Arteriosclerose obliterante',
    ),
  ),
  option(
    'copd',
    text(
      '{慢性閉塞性肺疾患|まんせいへいそくせいはいしっかん}（COPD）',
      '{肺|はい}の{病気|びょうき}（COPD）',
      'Chronic obstructive pulmonary disease (COPD)',
      '慢性阻塞性肺疾病（COPD）',
      '만성폐쇄성폐질환(COPD)',
      'Bệnh phổi tắc nghẽn mạn tính (COPD)',
      'Doença pulmonar obstrutiva crônica (DPOC)',
    ),
  ),
  option(
    'oa',
    text(
      '{両側|りょうがわ}の{膝関節|ひざかんせつ}または{股関節|こかんせつ}に{著|いちじる}しい{変形|へんけい}を{伴|ともな}う{変形性関節症|へんけいせいかんせつしょう}',
      '{両方|りょうほう}のひざか{足|あし}のつけ{根|ね}の{関節|かんせつ}が{大|おお}きく{変形|へんけい}している',
      'Osteoarthritis with marked deformity of both knees or both hips',
      '伴有双侧膝关节或髋关节明显变形的骨关节炎',
      '양쪽 무릎관절 또는 고관절의 현저한 변형을 동반한 변형성 관절증',
      'Thoái hóa khớp biến dạng nặng ở cả hai khớp gối hoặc hai khớp háng',
      'Artrose com deformidade acentuada de ambos os joelhos ou de ambos os quadris',
    ),
  ),
];
