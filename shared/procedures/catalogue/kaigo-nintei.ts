// 介護保険 要介護認定・要支援認定 申請書 (介護保険法 第27条・第28条・第29条・第32条, 施行規則
// 第35条): one form for 新規・更新・区分変更 (ぴったりサービス common forms #16–18). 第1号被保険者
// are 65 and over; 第2号 (40–64, in a medical insurance) qualify only through one of the 16 特定疾病
// (施行令 第2条). The municipality asks the 主治医 for the 意見書 and sends an 認定調査員 to where
// the person is, hence the doctor and the 入院・入所 blocks.

import { text } from '../../i18n/lang.ts';
import { addDays } from '../../wareki.ts';
import {
  applicantBirthDate,
  applicantMyNumber,
  applicantName,
  applicantNameKana,
  applicantSex,
  askedWhen,
  currentAddress,
  currentPostalCode,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import { agentFields, INSURED_SELF, legalAge, SPECIFIC_DISEASE_OPTIONS } from '../fields-care.ts';
import { BIRTH_SEX_PHONE_ROW, NAME_ROW, postalAddressRow, signatureRow } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { Answers, FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const kind: FieldSpec = {
  key: 'kaigo-nintei.kind',
  type: 'choice',
  section: 'care',
  options: [
    option(
      'new',
      text('{新規|しんき}', 'はじめて', 'New application', '新申请', '신규', 'Đăng ký mới', 'Pedido novo'),
    ),
    option(
      'renew',
      text(
        '{更新|こうしん}',
        '{期間|きかん}が{終|お}わるので{続|つづ}ける',
        'Renewal',
        '更新',
        '갱신',
        'Gia hạn',
        'Renovação',
      ),
    ),
    option(
      'change',
      text(
        '{区分変更|くぶんへんこう}',
        '{体|からだ}の{具合|ぐあい}が{変|か}わった',
        'Change of care level',
        '变更等级',
        '구분 변경',
        'Thay đổi mức độ',
        'Mudança de nível',
      ),
    ),
  ],
  label: text(
    '{申請区分|しんせいくぶん}',
    'どの{申請|しんせい}ですか',
    'Type of application',
    '申请类别',
    '신청 구분',
    'Loại đơn',
    'Tipo de pedido',
  ),
};

const insuredNumber: FieldSpec = {
  key: 'kaigo-nintei.insuredNumber',
  type: 'digits',
  digits: 10,
  section: 'care',
  label: text(
    '{介護保険|かいごほけん}の{被保険者番号|ひほけんしゃばんごう}',
    '{介護保険|かいごほけん}の{番号|ばんごう}',
    'Long-term care insurance number',
    '护理保险被保险人编号',
    '개호보험 피보험자 번호',
    'Số người được bảo hiểm chăm sóc dài hạn',
    'Número do segurado do seguro de cuidados',
  ),
  help: text(
    '{介護保険被保険者証|かいごほけんひほけんしゃしょう}の10{桁|けた}の{番号|ばんごう}',
    '{介護保険|かいごほけん}の{保険証|ほけんしょう}にある10けたの{番号|ばんごう}',
    'The 10-digit number on the care insurance card',
    '护理保险被保险人证上的10位号码',
    '개호보험 피보험자증의 10자리 번호',
    'Số 10 chữ số trên thẻ bảo hiểm chăm sóc',
    'O número de 10 dígitos do cartão do seguro de cuidados',
  ),
};

const LEVELS = [
  [
    'shien1',
    '{要支援|ようしえん}1',
    'Support level 1',
    '需要支援1',
    '요지원 1',
    'Cần hỗ trợ 1',
    'Apoio nível 1',
  ],
  [
    'shien2',
    '{要支援|ようしえん}2',
    'Support level 2',
    '需要支援2',
    '요지원 2',
    'Cần hỗ trợ 2',
    'Apoio nível 2',
  ],
  ...[1, 2, 3, 4, 5].map((n) => [
    `kaigo${n}`,
    `{要介護|ようかいご}${n}`,
    `Care level ${n}`,
    `需要护理${n}`,
    `요개호 ${n}`,
    `Cần chăm sóc ${n}`,
    `Cuidados nível ${n}`,
  ]),
] as const;

const previousLevel: FieldSpec = {
  key: 'kaigo-nintei.previousLevel',
  type: 'choice',
  section: 'care',
  options: LEVELS.map(([value, ja, en, zh, ko, vi, pt]) => option(value, text(ja, ja, en, zh, ko, vi, pt))),
  label: text(
    '{現在|げんざい}の{要介護状態区分|ようかいごじょうたいくぶん}',
    'いまの{介護|かいご}の{度合|どあ}い',
    'Current care level',
    '当前的护理等级',
    '현재 요개호 상태 구분',
    'Mức độ chăm sóc hiện tại',
    'Nível de cuidados atual',
  ),
};

const previousValidUntil: FieldSpec = {
  key: 'kaigo-nintei.previousValidUntil',
  type: 'date',
  section: 'care',
  min: { daysFromToday: -3650 },
  max: { daysFromToday: 1500 },
  label: text(
    '{現在|げんざい}の{認定|にんてい}の{有効期間|ゆうこうきかん}の{満了日|まんりょうび}',
    'いまの{認定|にんてい}が{終|お}わる{日|ひ}',
    'End of the current certification period',
    '当前认定有效期的截止日',
    '현재 인정 유효기간 만료일',
    'Ngày hết hạn chứng nhận hiện tại',
    'Fim do período de validade atual',
  ),
};

const changeReason: FieldSpec = {
  key: 'kaigo-nintei.changeReason',
  type: 'note',
  section: 'care',
  maxLength: 300,
  label: text(
    '{区分変更|くぶんへんこう}の{理由|りゆう}',
    '{体|からだ}の{具合|ぐあい}がどう{変|か}わりましたか',
    'Why the care level should change',
    '变更等级的理由',
    '구분 변경 사유',
    'Lý do thay đổi mức độ',
    'Motivo da mudança de nível',
  ),
};

const specificDisease: FieldSpec = {
  key: 'kaigo-nintei.specificDisease',
  type: 'choice',
  section: 'care',
  options: SPECIFIC_DISEASE_OPTIONS,
  label: text(
    '{特定疾病名|とくていしっぺいめい}',
    '{病気|びょうき}の{名前|なまえ}（{特定疾病|とくていしっぺい}）',
    'Specified disease',
    '特定疾病名称',
    '특정질병명',
    'Tên bệnh đặc định',
    'Doença especificada',
  ),
  help: text(
    '{第|だい}2{号被保険者|ごうひほけんしゃ}（40～64{歳|さい}）は16の{特定疾病|とくていしっぺい}が{原因|げんいん}のときだけ{認定|にんてい}されます',
    '40～64{歳|さい}の{人|ひと}は、この{病気|びょうき}のときだけです',
    'People aged 40–64 are certified only when one of the 16 specified diseases is the cause',
    '40至64岁者仅在16种特定疾病为原因时才能获得认定',
    '40~64세는 16개 특정질병이 원인일 때만 인정됩니다',
    'Người 40–64 tuổi chỉ được chứng nhận khi nguyên nhân là một trong 16 bệnh đặc định',
    'Pessoas de 40 a 64 anos só são certificadas quando a causa é uma das 16 doenças especificadas',
  ),
};

const medicalInsurer: FieldSpec = {
  key: 'kaigo-nintei.medicalInsurer',
  type: 'text',
  section: 'care',
  maxLength: 40,
  label: text(
    '{医療保険者名|いりょうほけんしゃめい}',
    '{病院|びょういん}の{保険|ほけん}の{名前|なまえ}',
    'Medical insurer',
    '医疗保险人名称',
    '의료보험자명',
    'Tên đơn vị bảo hiểm y tế',
    'Operadora do seguro-saúde',
  ),
};

const medicalInsuranceNumber: FieldSpec = {
  key: 'kaigo-nintei.medicalInsuranceNumber',
  type: 'text',
  section: 'care',
  maxLength: 30,
  label: text(
    '{医療保険|いりょうほけん}の{記号|きごう}・{番号|ばんごう}',
    '{病院|びょういん}の{保険|ほけん}の{記号|きごう}と{番号|ばんごう}',
    'Medical insurance symbol and number',
    '医疗保险符号及号码',
    '의료보험 기호·번호',
    'Ký hiệu và số bảo hiểm y tế',
    'Símbolo e número do seguro-saúde',
  ),
};

function doctorSpec(name: string, type: FieldSpec['type'], label: FieldSpec['label']): FieldSpec {
  return {
    key: `kaigo-nintei.${name}`,
    type,
    section: 'care',
    maxLength: type === 'address' ? 200 : 60,
    label,
  };
}

const doctorName = doctorSpec(
  'doctorName',
  'text',
  text(
    '{主治医|しゅじい}の{氏名|しめい}',
    'いつも{診|み}てもらう{医者|いしゃ}の{名前|なまえ}',
    "Attending doctor's name",
    '主治医姓名',
    '주치의 성명',
    'Họ tên bác sĩ điều trị',
    'Nome do médico responsável',
  ),
);
const doctorInstitution = doctorSpec(
  'doctorInstitution',
  'text',
  text(
    '{医療機関名|いりょうきかんめい}',
    '{病院|びょういん}の{名前|なまえ}',
    'Hospital or clinic',
    '医疗机构名称',
    '의료기관명',
    'Tên cơ sở y tế',
    'Hospital ou clínica',
  ),
);
const doctorAddress = doctorSpec(
  'doctorAddress',
  'address',
  text(
    '{医療機関|いりょうきかん}の{所在地|しょざいち}',
    '{病院|びょういん}の{住所|じゅうしょ}',
    'Address of the hospital or clinic',
    '医疗机构地址',
    '의료기관 소재지',
    'Địa chỉ cơ sở y tế',
    'Endereço do hospital ou clínica',
  ),
);
const doctorPhone = doctorSpec(
  'doctorPhone',
  'phone',
  text(
    '{医療機関|いりょうきかん}の{電話番号|でんわばんごう}',
    '{病院|びょういん}の{電話番号|でんわばんごう}',
    'Phone of the hospital or clinic',
    '医疗机构电话',
    '의료기관 전화번호',
    'Số điện thoại cơ sở y tế',
    'Telefone do hospital ou clínica',
  ),
);

/**
 * The default 被保険者区分 from the birth date, until staff choose: the age on the day of the visit
 * (the day the application is made). The rule kaigo-nintei-category-age checks the choice.
 */
function categoryByAge(answers: Answers, today: string): string | undefined {
  const birth = answers['applicant.birthDate'];
  if (typeof birth !== 'string' || birth === '') return undefined;
  const age = legalAge(birth, today);
  if (age === undefined || age < 40) return undefined;
  return age >= 65 ? '1' : '2';
}

const insuredCategory: FieldSpec = {
  key: 'kaigo-nintei.category',
  type: 'choice',
  section: 'care',
  derive: categoryByAge,
  options: [
    option(
      '1',
      text(
        '{第|だい}1{号被保険者|ごうひほけんしゃ}（65{歳以上|さいいじょう}）',
        '65{歳|さい}{以上|いじょう}',
        'Category 1 insured (65 and over)',
        '第1号被保险人（65岁以上）',
        '제1호 피보험자(65세 이상)',
        'Người được bảo hiểm loại 1 (từ 65 tuổi)',
        'Segurado da categoria 1 (65 anos ou mais)',
      ),
    ),
    option(
      '2',
      text(
        '{第|だい}2{号被保険者|ごうひほけんしゃ}（40～64{歳|さい}）',
        '40～64{歳|さい}',
        'Category 2 insured (40 to 64)',
        '第2号被保险人（40至64岁）',
        '제2호 피보험자(40~64세)',
        'Người được bảo hiểm loại 2 (40–64 tuổi)',
        'Segurado da categoria 2 (40 a 64 anos)',
      ),
    ),
  ],
  label: text(
    '{被保険者区分|ひほけんしゃくぶん}',
    '{年齢|ねんれい}の{区分|くぶん}',
    'Insured category',
    '被保险人类别',
    '피보험자 구분',
    'Loại người được bảo hiểm',
    'Categoria do segurado',
  ),
};

const stay: FieldSpec = {
  key: 'kaigo-nintei.stay',
  type: 'choice',
  section: 'care',
  options: [
    option('home', text('{在宅|ざいたく}', '{家|いえ}にいる', 'At home', '在家', '재택', 'Ở nhà', 'Em casa')),
    option(
      'hospital',
      text(
        '{入院中|にゅういんちゅう}',
        '{入院|にゅういん}している',
        'In hospital',
        '住院中',
        '입원 중',
        'Đang nằm viện',
        'Internado',
      ),
    ),
    option(
      'facility',
      text(
        '{施設|しせつ}に{入所中|にゅうしょちゅう}',
        '{施設|しせつ}にいる',
        'In a care facility',
        '入住设施中',
        '시설 입소 중',
        'Đang ở cơ sở chăm sóc',
        'Em uma instituição',
      ),
    ),
  ],
  label: text(
    '{現在|げんざい}の{状況|じょうきょう}',
    'いまどこにいますか',
    'Where the person is now',
    '目前的状况',
    '현재 상황',
    'Hiện đang ở đâu',
    'Onde a pessoa está agora',
  ),
};

const stayName: FieldSpec = {
  key: 'kaigo-nintei.stayName',
  type: 'text',
  section: 'care',
  maxLength: 60,
  label: text(
    '{入院|にゅういん}・{入所先|にゅうしょさき}の{名称|めいしょう}',
    '{病院|びょういん}・{施設|しせつ}の{名前|なまえ}',
    'Name of the hospital or facility',
    '住院或入住机构名称',
    '입원·입소처 명칭',
    'Tên bệnh viện hoặc cơ sở',
    'Nome do hospital ou instituição',
  ),
};

const stayAddress: FieldSpec = {
  key: 'kaigo-nintei.stayAddress',
  type: 'address',
  section: 'care',
  maxLength: 200,
  label: text(
    '{入院|にゅういん}・{入所先|にゅうしょさき}の{所在地|しょざいち}',
    '{病院|びょういん}・{施設|しせつ}の{住所|じゅうしょ}',
    'Address of the hospital or facility',
    '住院或入住机构地址',
    '입원·입소처 소재지',
    'Địa chỉ bệnh viện hoặc cơ sở',
    'Endereço do hospital ou instituição',
  ),
};

const stayFrom: FieldSpec = {
  key: 'kaigo-nintei.stayFrom',
  type: 'date',
  section: 'care',
  min: { iso: '1950-01-01' },
  max: { daysFromToday: 0 },
  label: text(
    '{入院|にゅういん}・{入所|にゅうしょ}した{日|ひ}',
    '{入院|にゅういん}・{入所|にゅうしょ}した{日|ひ}',
    'Date of admission',
    '住院或入住日期',
    '입원·입소일',
    'Ngày nhập viện hoặc vào cơ sở',
    'Data de admissão',
  ),
};

const staysAway = (v: ProcedureValues) => stringValue(v, 'stay') !== '' && stringValue(v, 'stay') !== 'home';

const stayFields = [
  { name: 'stay', spec: stay, required: true },
  ...askedWhen(staysAway, { stayName, stayAddress, stayFrom }),
];

const PROFESSIONAL_APPLICANTS = ['caremanager', 'center', 'facility'];

const applicantKind: FieldSpec = {
  key: 'kaigo-nintei.applicantKind',
  type: 'choice',
  section: 'care',
  options: [
    INSURED_SELF,
    option(
      'family',
      text('{家族|かぞく}', '{家族|かぞく}', 'Family member', '家属', '가족', 'Người nhà', 'Familiar'),
    ),
    option(
      'caremanager',
      text(
        '{居宅介護支援事業者|きょたくかいごしえんじぎょうしゃ}（ケアマネジャー）',
        'ケアマネジャー',
        'Care-management office (care manager)',
        '居家护理支援事业者（护理经理）',
        '재택개호지원사업자(케어매니저)',
        'Cơ sở hỗ trợ chăm sóc tại nhà (người quản lý chăm sóc)',
        'Escritório de gestão de cuidados (gestor de cuidados)',
      ),
    ),
    option(
      'center',
      text(
        '{地域包括支援|ちいきほうかつしえん}センター',
        '{地域包括支援|ちいきほうかつしえん}センター',
        'Community general support centre',
        '地区综合支援中心',
        '지역포괄지원센터',
        'Trung tâm hỗ trợ tổng hợp khu vực',
        'Centro comunitário de apoio integral',
      ),
    ),
    option(
      'facility',
      text(
        '{介護保険施設|かいごほけんしせつ}',
        '{介護|かいご}の{施設|しせつ}',
        'Long-term care facility',
        '护理保险设施',
        '개호보험시설',
        'Cơ sở chăm sóc dài hạn',
        'Instituição de cuidados de longa duração',
      ),
    ),
    option(
      'guardian',
      text(
        '{成年後見人|せいねんこうけんにん}',
        '{成年後見人|せいねんこうけんにん}',
        'Adult guardian',
        '成年监护人',
        '성년후견인',
        'Người giám hộ',
        'Curador',
      ),
    ),
  ],
  label: text(
    '{申請者|しんせいしゃ}の{区分|くぶん}',
    'だれが{申請|しんせい}しますか',
    'Who applies',
    '申请人',
    '신청자',
    'Người nộp đơn',
    'Quem faz o pedido',
  ),
};

const agentOffice: FieldSpec = {
  key: 'kaigo-nintei.agentOffice',
  type: 'text',
  section: 'care',
  maxLength: 60,
  label: text(
    '{事業所|じぎょうしょ}・{施設|しせつ}の{名称|めいしょう}',
    '{事業所|じぎょうしょ}の{名前|なまえ}',
    'Name of the office or facility',
    '事业所或设施名称',
    '사업소·시설 명칭',
    'Tên cơ sở hoặc văn phòng',
    'Nome do escritório ou instituição',
  ),
};

const consent: FieldSpec = {
  key: 'kaigo-nintei.consent',
  type: 'choice',
  section: 'care',
  options: [
    option(
      'agree',
      text('{同意|どうい}する', 'いいです', 'I agree', '同意', '동의함', 'Tôi đồng ý', 'Concordo'),
    ),
    option(
      'disagree',
      text(
        '{同意|どうい}しない',
        'よくないです',
        'I do not agree',
        '不同意',
        '동의하지 않음',
        'Tôi không đồng ý',
        'Não concordo',
      ),
    ),
  ],
  label: text(
    '{認定調査|にんていちょうさ}の{結果|けっか}と{主治医意見書|しゅじいいけんしょ}を、ケアプランをつくる{事業者|じぎょうしゃ}・{施設|しせつ}・{主治医|しゅじい}に{示|しめ}すことへの{同意|どうい}',
    '{調査|ちょうさ}の{結果|けっか}などを、ケアマネジャーや{医者|いしゃ}に{見|み}せてもいいですか',
    'Consent to show the assessment results and the doctor’s opinion to the care-plan office, facility and doctor',
    '同意将认定调查结果和主治医意见书提供给制定护理计划的事业者、设施及主治医',
    '인정조사 결과와 주치의 의견서를 케어플랜 작성 사업자·시설·주치의에게 제시하는 것에 대한 동의',
    'Đồng ý cho cơ sở lập kế hoạch chăm sóc, cơ sở chăm sóc và bác sĩ xem kết quả đánh giá và ý kiến bác sĩ',
    'Consentimento para mostrar o resultado da avaliação e o parecer médico ao escritório do plano de cuidados, à instituição e ao médico',
  ),
};

const notNew = (v: ProcedureValues) => stringValue(v, 'kind') !== '' && stringValue(v, 'kind') !== 'new';
const isChange = (v: ProcedureValues) => stringValue(v, 'kind') === 'change';
const isCategory2 = (v: ProcedureValues) => stringValue(v, 'category') === '2';
const byAgent = (v: ProcedureValues) =>
  stringValue(v, 'applicantKind') !== '' && stringValue(v, 'applicantKind') !== 'self';
const byProfessional = (v: ProcedureValues) =>
  PROFESSIONAL_APPLICANTS.includes(stringValue(v, 'applicantKind'));

// 第1号被保険者 hold a 被保険者証; a 第2号 applying for the first time has no number yet.
const needsInsuredNumber = (v: ProcedureValues) => stringValue(v, 'category') === '1' || notNew(v);

export const kaigoNintei: ProcedureDefinition = {
  id: 'kaigo-nintei',
  name: PROCEDURE_NAMES['kaigo-nintei'],
  description: text(
    '{介護|かいご}サービスを{使|つか}うために、{要介護|ようかいご}・{要支援|ようしえん}の{認定|にんてい}を{申請|しんせい}します（{新規|しんき}・{更新|こうしん}・{区分変更|くぶんへんこう}）',
    '{介護|かいご}サービスを{使|つか}うために{申請|しんせい}します',
    'Apply to be certified as needing care or support, to use care services (new, renewal or change)',
    '为使用护理服务，申请需要护理・需要支援认定（新申请、更新、变更等级）',
    '개호 서비스를 이용하기 위해 요개호·요지원 인정을 신청합니다(신규·갱신·구분 변경)',
    'Xin chứng nhận cần chăm sóc hoặc hỗ trợ để dùng dịch vụ chăm sóc (mới, gia hạn, thay đổi)',
    'Peça a certificação de necessidade de cuidados ou apoio para usar os serviços (novo, renovação, mudança)',
  ),
  basis: '介護保険法 第27条・第28条・第29条・第32条、介護保険法施行規則 第35条',
  department: '介護保険課 認定係',
  myNumber: {
    basis: '番号法 第9条第1項・別表（介護保険法による保険給付の支給に関する事務）、介護保険法施行規則 第35条',
  },
  signature: 'visit',
  fields: [
    { name: 'kind', spec: kind, required: true },
    { name: 'insuredNumber', spec: insuredNumber, required: false, requiredIf: needsInsuredNumber },
    { name: 'myNumber', spec: applicantMyNumber, required: true },
    { name: 'name', spec: applicantName, required: true },
    { name: 'nameKana', spec: applicantNameKana, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'sex', spec: applicantSex, required: true },
    { name: 'postalCode', spec: currentPostalCode, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    { name: 'category', spec: insuredCategory, required: true },
    ...askedWhen(notNew, { previousLevel, previousValidUntil }),
    ...askedWhen(isChange, { changeReason }),
    ...askedWhen(isCategory2, { specificDisease, medicalInsurer, medicalInsuranceNumber }),
    { name: 'doctorName', spec: doctorName, required: true },
    { name: 'doctorInstitution', spec: doctorInstitution, required: true },
    { name: 'doctorAddress', spec: doctorAddress, required: true },
    { name: 'doctorPhone', spec: doctorPhone, required: true },
    ...stayFields,
    { name: 'applicantKind', spec: applicantKind, required: true },
    ...askedWhen(byProfessional, { agentOffice }),
    ...agentFields(byAgent),
    { name: 'consent', spec: consent, required: true },
  ],
  rules: [
    {
      id: 'kaigo-nintei-category-age',
      fields: ['category', 'birthDate'],
      check: (v, today) => {
        const age = legalAge(stringValue(v, 'birthDate'), today);
        if (age === undefined) return undefined;
        if (age < 40)
          return `${age}歳の方は介護保険の被保険者ではありません（40歳から）。障害福祉サービスの窓口を案内してください。`;
        if (stringValue(v, 'category') === '1' && age < 65)
          return `${age}歳の方は第2号被保険者（40～64歳）です。被保険者区分を「第2号」にし、特定疾病と医療保険を入力してください。`;
        if (stringValue(v, 'category') === '2' && age >= 65)
          return `${age}歳の方は第1号被保険者（65歳以上）です。被保険者区分を「第1号」にしてください。`;
        return undefined;
      },
    },
    {
      // 更新 is accepted from 60 days before the period ends until it ends (介護保険法施行規則).
      id: 'kaigo-nintei-renew-window',
      fields: ['previousValidUntil', 'kind'],
      check: (v, today) => {
        if (stringValue(v, 'kind') !== 'renew') return undefined;
        const until = stringValue(v, 'previousValidUntil');
        if (until < today)
          return `有効期間（${until}まで）が過ぎているため更新申請はできません。申請区分を「新規」にしてください。`;
        const opens = addDays(until, -60);
        return today < opens
          ? `更新申請は有効期間が終わる60日前（${opens}）から受け付けます。${opens}以降に申請してください。`
          : undefined;
      },
    },
    {
      id: 'kaigo-nintei-change-valid',
      fields: ['previousValidUntil', 'kind'],
      check: (v, today) =>
        isChange(v) && stringValue(v, 'previousValidUntil') < today
          ? '区分変更は認定の有効期間中にだけ申請できます。有効期間が過ぎているときは申請区分を「新規」にしてください。'
          : undefined,
    },
    {
      id: 'kaigo-nintei-agent-is-other',
      fields: ['agentName'],
      check: (v) =>
        byAgent(v) && stringValue(v, 'agentName') === stringValue(v, 'name')
          ? '代理で申請する方の氏名が被保険者と同じです。申請者が本人のときは「本人」を選び、代理のときは代理人の氏名を入力してください。'
          : undefined,
    },
  ],
  attachments: [
    {
      id: 'hihokensha-sho',
      name: text(
        '{介護保険被保険者証|かいごほけんひほけんしゃしょう}',
        '{介護保険|かいごほけん}の{保険証|ほけんしょう}',
        'Long-term care insurance card',
        '护理保险被保险人证',
        '개호보험 피보험자증',
        'Thẻ bảo hiểm chăm sóc dài hạn',
        'Cartão do seguro de cuidados',
      ),
      omittableByLinkage: false,
      when: '第1号被保険者のとき、更新・区分変更のとき',
    },
    {
      id: 'iryo-hoken',
      name: text(
        '{医療保険|いりょうほけん}の{資格確認書|しかくかくにんしょ}など（{加入|かにゅう}がわかるもの）',
        '{病院|びょういん}の{保険|ほけん}に{入|はい}っているとわかるもの',
        'Proof of medical insurance coverage',
        '医疗保险资格确认书等（证明参保的文件）',
        '의료보험 자격확인서 등(가입을 알 수 있는 것)',
        'Giấy tờ chứng minh tham gia bảo hiểm y tế',
        'Comprovante de cobertura do seguro-saúde',
      ),
      omittableByLinkage: false,
      when: '第2号被保険者（40～64歳）のとき',
    },
    {
      id: 'dairi-kakunin',
      name: text(
        '{代理|だいり}で{申請|しんせい}する{方|かた}の{本人確認書類|ほんにんかくにんしょるい}',
        '{代|か}わりに{申請|しんせい}する{人|ひと}の{身分証|みぶんしょう}',
        'Proof of identity of the person applying on behalf',
        '代理申请人的身份证明文件',
        '대리 신청자의 본인확인 서류',
        'Giấy tờ tùy thân của người nộp đơn thay',
        'Documento de identidade de quem faz o pedido em nome do segurado',
      ),
      omittableByLinkage: false,
      when: '本人以外が申請するとき（事業者は職員証）',
    },
  ],
  // Two sheets, like the paper form's front and back. Headings run down the left edge: short,
  // with when a block applies as a bracketed remark.
  print: {
    title: '介護保険 要介護認定・要支援認定 申請書（新規・更新・区分変更）',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '申請区分',
            rows: [
              [
                { field: 'kind', span: 5 },
                { field: 'category', span: 7 },
              ],
            ],
          },
          {
            heading: '被保険者',
            rows: [
              [
                { field: 'insuredNumber', span: 5, label: '被保険者番号' },
                { field: 'myNumber', span: 7, label: '個人番号' },
              ],
              NAME_ROW,
              BIRTH_SEX_PHONE_ROW,
              postalAddressRow(),
            ],
          },
          {
            heading: '前回の認定（更新・区分変更のとき）',
            rows: [
              [
                { field: 'previousLevel', span: 7 },
                { field: 'previousValidUntil', span: 5 },
              ],
              [{ field: 'changeReason', span: 12 }],
            ],
          },
          {
            heading: '第2号被保険者（40～64歳のとき）',
            rows: [
              [
                { field: 'medicalInsurer', span: 6 },
                { field: 'medicalInsuranceNumber', span: 6, label: '医療保険被保険者証の記号・番号' },
              ],
              [{ field: 'specificDisease', span: 12 }],
            ],
          },
          {
            heading: '主治医',
            rows: [
              [
                { field: 'doctorName', span: 4 },
                { field: 'doctorInstitution', span: 5 },
                { field: 'doctorPhone', span: 3, label: '電話番号' },
              ],
              [{ field: 'doctorAddress', span: 12 }],
            ],
          },
        ],
      },
      {
        sections: [
          {
            heading: '入院入所',
            rows: [
              [
                {
                  field: 'stay',
                  span: 7,
                  label: '現在の状況（入院・入所中は、その場所で認定調査を行います）',
                },
                { field: 'stayFrom', span: 5 },
              ],
              [
                { field: 'stayName', span: 5 },
                { field: 'stayAddress', span: 7 },
              ],
            ],
          },
          {
            heading: '申請者',
            rows: [
              [{ field: 'applicantKind', span: 12, label: '申請者（本人以外が申請するときは下の欄も記入）' }],
              [
                { field: 'agentName', span: 4, label: '申請者の氏名' },
                { field: 'agentRelationship', span: 3 },
                { field: 'agentOffice', span: 5 },
              ],
              [
                { field: 'agentAddress', span: 8, label: '申請者の住所' },
                { field: 'agentPhone', span: 4, label: '電話番号' },
              ],
            ],
          },
          {
            heading: '同意',
            rows: [[{ field: 'consent', span: 12 }], signatureRow('被保険者（または申請者） 署名')],
          },
        ],
      },
    ],
    footnote: '介護保険法の規定により、要介護認定・要支援認定を申請します。',
  },
};
