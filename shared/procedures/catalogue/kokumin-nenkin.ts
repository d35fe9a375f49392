// 国民年金被保険者関係届書（申出書）: 第1号被保険者の資格取得・種別変更 are notified to the
// municipality (国民年金法 第12条), within 14 days. The form asks the 個人番号 or the 基礎年金番号
// (施行規則 第1条の2); Kakanai takes the number from the card and keeps 基礎年金番号 optional.
// 第3号 notifications normally go through the spouse's employer; the counter accepts them and
// forwards them, with the spouse block the form has for them. The spouse is catalogue A's
// (household.spouse*): a visit with 児童手当 asks the spouse once for both forms.

import { text } from '../../i18n/lang.ts';
import { addDays } from '../../wareki.ts';
import { PASSPORT } from '../attachments.ts';
import {
  applicantBirthDate,
  applicantMyNumber,
  applicantName,
  applicantNameKana,
  applicantSex,
  askedWhen,
  birthday,
  currentAddress,
  currentPostalCode,
  householdHeadName,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import { INSURED_SELF, legalAge } from '../fields-care.ts';
import { spouseFields } from '../fields-family.ts';
import { BIRTH_SEX_PHONE_ROW, NAME_ROW, postalAddressRow, signatureRow } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const pensionNumberHelp = text(
  '{年金手帳|ねんきんてちょう}・{基礎年金番号通知書|きそねんきんばんごうつうちしょ}の10{桁|けた}（1234-567890）',
  '{年金|ねんきん}の{手帳|てちょう}などにある10けたの{番号|ばんごう}',
  'The 10 digits in the pension book or Basic Pension Number notice (1234-567890)',
  '年金手册或基础年金编号通知书上的10位数字（1234-567890）',
  '연금수첩·기초연금번호 통지서의 10자리(1234-567890)',
  '10 chữ số trong sổ lương hưu hoặc thông báo số lương hưu cơ bản (1234-567890)',
  'Os 10 dígitos da caderneta de pensão ou do aviso do número de pensão básica (1234-567890)',
);

const basicPensionNumber: FieldSpec = {
  key: 'kokumin-nenkin.basicPensionNumber',
  type: 'digits',
  digits: 10,
  section: 'other',
  label: text(
    '{基礎年金番号|きそねんきんばんごう}',
    '{年金|ねんきん}の{番号|ばんごう}',
    'Basic Pension Number',
    '基础年金编号',
    '기초연금번호',
    'Số lương hưu cơ bản',
    'Número de pensão básica',
  ),
  help: pensionNumberHelp,
};

const notification: FieldSpec = {
  key: 'kokumin-nenkin.notification',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'shutoku',
      text(
        '{資格取得|しかくしゅとく}',
        '{国民年金|こくみんねんきん}に{入|はい}る',
        'Joining (acquisition of coverage)',
        '取得资格（加入）',
        '자격 취득',
        'Tham gia (có tư cách)',
        'Aquisição da qualidade de segurado',
      ),
    ),
    option(
      'henko',
      text(
        '{種別変更|しゅべつへんこう}',
        '{年金|ねんきん}の{種類|しゅるい}が{変|か}わる',
        'Change of category',
        '变更类别',
        '종별 변경',
        'Thay đổi loại',
        'Mudança de categoria',
      ),
    ),
  ],
  label: text(
    '{届出|とどけで}の{種類|しゅるい}',
    '{何|なに}の{届|とど}けですか',
    'Type of notification',
    '申报种类',
    '신고 종류',
    'Loại khai báo',
    'Tipo de notificação',
  ),
};

const category: FieldSpec = {
  key: 'kokumin-nenkin.category',
  type: 'choice',
  section: 'other',
  options: [
    option(
      '1',
      text(
        '{第|だい}1{号被保険者|ごうひほけんしゃ}',
        '1{号|ごう}（{自営業|じえいぎょう}・{学生|がくせい}・{仕事|しごと}をしていない{人|ひと}など）',
        'Category 1 (self-employed, students, unemployed…)',
        '第1号被保险人（自营业者、学生、无业者等）',
        '제1호 피보험자(자영업자·학생·무직자 등)',
        'Loại 1 (tự kinh doanh, sinh viên, không có việc làm…)',
        'Categoria 1 (autônomos, estudantes, desempregados…)',
      ),
    ),
    option(
      '3',
      text(
        '{第|だい}3{号被保険者|ごうひほけんしゃ}',
        '3{号|ごう}（{会社員|かいしゃいん}・{公務員|こうむいん}の{配偶者|はいぐうしゃ}で{扶養|ふよう}されている{人|ひと}）',
        'Category 3 (dependent spouse of an employee)',
        '第3号被保险人（受雇员或公务员抚养的配偶）',
        '제3호 피보험자(회사원·공무원의 피부양 배우자)',
        'Loại 3 (vợ/chồng phụ thuộc của người làm công)',
        'Categoria 3 (cônjuge dependente de empregado)',
      ),
    ),
  ],
  label: text(
    '{該当|がいとう}する{種別|しゅべつ}',
    'これからの{年金|ねんきん}の{種類|しゅるい}',
    'Category from now on',
    '今后的类别',
    '해당 종별',
    'Loại áp dụng từ nay',
    'Categoria a partir de agora',
  ),
};

const qualifyingDate: FieldSpec = {
  key: 'kokumin-nenkin.date',
  type: 'date',
  section: 'other',
  min: { daysFromToday: -3650 },
  max: { daysFromToday: 0 },
  label: text(
    '{該当年月日|がいとうねんがっぴ}',
    'そうなった{日|ひ}',
    'Date it applies from',
    '适用日期',
    '해당 연월일',
    'Ngày áp dụng',
    'Data de aplicação',
  ),
  help: text(
    '{退職|たいしょく}のときは{退職日|たいしょくび}の{翌日|よくじつ}、20{歳|さい}のときは{誕生日|たんじょうび}の{前日|ぜんじつ}',
    '{会社|かいしゃ}をやめたときは、やめた{日|ひ}の{次|つぎ}の{日|ひ}',
    'After leaving a job: the day after the last working day; at 20: the day before the birthday',
    '退职时为退职日的次日；满20岁时为生日前一天',
    '퇴직 시에는 퇴직일 다음 날, 20세는 생일 전날',
    'Khi nghỉ việc: ngày sau ngày nghỉ; khi 20 tuổi: ngày trước sinh nhật',
    'Ao sair do emprego: o dia seguinte ao desligamento; aos 20 anos: a véspera do aniversário',
  ),
};

// 該当理由: which ones fit which notification and category is checked by the rules below.
const REASONS_FOR_SHUTOKU = ['age20', 'entry', 'other'];
const REASONS_FOR_CATEGORY_1 = ['age20', 'entry', 'left-employee', 'left-dependent', 'spouse-left', 'other'];
const REASONS_FOR_CATEGORY_3 = ['age20', 'entry', 'became-dependent', 'other'];

const reason: FieldSpec = {
  key: 'kokumin-nenkin.reason',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'age20',
      text(
        '20{歳|さい}になった',
        '20{歳|さい}になった',
        'Turned 20',
        '年满20岁',
        '20세가 됨',
        'Đủ 20 tuổi',
        'Completou 20 anos',
      ),
    ),
    option(
      'entry',
      text(
        '{海外|かいがい}から{転入|てんにゅう}した（{日本|にほん}に{住所|じゅうしょ}を{定|さだ}めた）',
        '{外国|がいこく}から{日本|にほん}に{来|き}て{住|す}み{始|はじ}めた',
        'Came to live in Japan from abroad',
        '从海外迁入（在日本定居）',
        '해외에서 전입함(일본에 주소를 정함)',
        'Từ nước ngoài đến sống tại Nhật Bản',
        'Veio do exterior morar no Japão',
      ),
    ),
    option(
      'left-employee',
      text(
        '{会社|かいしゃ}などを{退職|たいしょく}した（{厚生年金|こうせいねんきん}・{共済|きょうさい}をやめた）',
        '{会社|かいしゃ}をやめた',
        'Left a job (no longer in the employees’ pension)',
        '离职（退出厚生年金或共济）',
        '회사 등을 퇴직함(후생연금·공제 탈퇴)',
        'Nghỉ việc (thôi tham gia lương hưu nhân viên)',
        'Deixou o emprego (saiu da pensão dos empregados)',
      ),
    ),
    option(
      'left-dependent',
      text(
        '{配偶者|はいぐうしゃ}の{扶養|ふよう}から{外|はず}れた（{収入|しゅうにゅう}が{増|ふ}えた・{離婚|りこん}した）',
        '{夫|おっと}や{妻|つま}の{扶養|ふよう}ではなくなった',
        'No longer a dependent of the spouse (higher income, divorce)',
        '不再是配偶的被抚养人（收入增加、离婚）',
        '배우자의 부양에서 벗어남(수입 증가·이혼)',
        'Không còn là người phụ thuộc của vợ/chồng (thu nhập tăng, ly hôn)',
        'Deixou de ser dependente do cônjuge (renda maior, divórcio)',
      ),
    ),
    option(
      'spouse-left',
      text(
        '{配偶者|はいぐうしゃ}が{退職|たいしょく}した・65{歳|さい}になった・{亡|な}くなった',
        '{夫|おっと}や{妻|つま}が{会社|かいしゃ}をやめた、65{歳|さい}になった、{亡|な}くなった',
        'The spouse left the job, turned 65 or died',
        '配偶退职、年满65岁或去世',
        '배우자가 퇴직함·65세가 됨·사망함',
        'Vợ/chồng nghỉ việc, đủ 65 tuổi hoặc qua đời',
        'O cônjuge deixou o emprego, completou 65 anos ou faleceu',
      ),
    ),
    option(
      'became-dependent',
      text(
        '{厚生年金|こうせいねんきん}に{加入|かにゅう}している{配偶者|はいぐうしゃ}の{扶養|ふよう}になった',
        '{会社|かいしゃ}で{働|はたら}く{夫|おっと}や{妻|つま}の{扶養|ふよう}になった',
        'Became a dependent of a spouse in the employees’ pension',
        '成为加入厚生年金的配偶的被抚养人',
        '후생연금에 가입한 배우자의 피부양자가 됨',
        'Trở thành người phụ thuộc của vợ/chồng tham gia lương hưu nhân viên',
        'Passou a ser dependente do cônjuge na pensão dos empregados',
      ),
    ),
    option('other', text('その{他|た}', 'ほかの{理由|りゆう}', 'Other', '其他', '기타', 'Khác', 'Outro')),
  ],
  label: text(
    '{該当理由|がいとうりゆう}',
    '{理由|りゆう}',
    'Reason',
    '适用理由',
    '해당 사유',
    'Lý do',
    'Motivo',
  ),
};

const reasonDetail: FieldSpec = {
  key: 'kokumin-nenkin.reasonDetail',
  type: 'text',
  section: 'other',
  maxLength: 60,
  label: text(
    'その{他|た}の{理由|りゆう}',
    'ほかの{理由|りゆう}（くわしく）',
    'Other reason (details)',
    '其他理由（详情）',
    '기타 사유(상세)',
    'Lý do khác (chi tiết)',
    'Outro motivo (detalhes)',
  ),
};

const spousePensionNumber: FieldSpec = {
  key: 'kokumin-nenkin.spousePensionNumber',
  type: 'digits',
  digits: 10,
  section: 'household',
  label: text(
    '{配偶者|はいぐうしゃ}の{基礎年金番号|きそねんきんばんごう}',
    '{夫|おっと}または{妻|つま}の{年金|ねんきん}の{番号|ばんごう}',
    "Spouse's Basic Pension Number",
    '配偶的基础年金编号',
    '배우자 기초연금번호',
    'Số lương hưu cơ bản của vợ/chồng',
    'Número de pensão básica do cônjuge',
  ),
  help: pensionNumberHelp,
};

const spouseEmployer: FieldSpec = {
  key: 'kokumin-nenkin.spouseEmployer',
  type: 'text',
  section: 'household',
  maxLength: 60,
  label: text(
    '{配偶者|はいぐうしゃ}の{勤務先|きんむさき}（{事業所名称|じぎょうしょめいしょう}）',
    '{夫|おっと}または{妻|つま}が{働|はたら}いている{会社|かいしゃ}',
    "Spouse's employer",
    '配偶的工作单位',
    '배우자 근무처(사업장 명칭)',
    'Nơi làm việc của vợ/chồng',
    'Empregador do cônjuge',
  ),
};

const notifier: FieldSpec = {
  key: 'kokumin-nenkin.notifier',
  type: 'choice',
  section: 'other',
  options: [
    INSURED_SELF,
    option(
      'head',
      text(
        '{世帯主|せたいぬし}',
        '{世帯主|せたいぬし}（{家族|かぞく}の{代表|だいひょう}）',
        'The head of household',
        '户主',
        '세대주',
        'Chủ hộ',
        'O chefe do domicílio',
      ),
    ),
  ],
  label: text(
    '{届出者|とどけでしゃ}',
    '{届|とど}けを{出|だ}す{人|ひと}',
    'Who notifies',
    '申报人',
    '신고자',
    'Người khai báo',
    'Quem notifica',
  ),
};

const isCategory3 = (v: ProcedureValues) => stringValue(v, 'category') === '3';
const isOtherReason = (v: ProcedureValues) => stringValue(v, 'reason') === 'other';
const byHead = (v: ProcedureValues) => stringValue(v, 'notifier') === 'head';

export const kokuminNenkin: ProcedureDefinition = {
  id: 'kokumin-nenkin',
  name: PROCEDURE_NAMES['kokumin-nenkin'],
  description: text(
    '20{歳|さい}から59{歳|さい}の{方|かた}が{会社|かいしゃ}を{辞|や}めたときや{海外|かいがい}から{転入|てんにゅう}したときなどの{届出|とどけで}',
    '20{歳|さい}から59{歳|さい}の{人|ひと}が、{会社|かいしゃ}をやめたときなどに{出|だ}します',
    'For people aged 20 to 59 who left a job, came from abroad or stopped being a dependent spouse',
    '20至59岁的人离职、从海外迁入等时的申报',
    '20~59세인 분이 퇴직하거나 해외에서 전입했을 때 등의 신고',
    'Dành cho người từ 20 đến 59 tuổi khi nghỉ việc, từ nước ngoài đến, v.v.',
    'Para pessoas de 20 a 59 anos que deixaram o emprego, vieram do exterior etc.',
  ),
  basis: '国民年金法 第12条、国民年金法施行規則 第1条の2・第6条の2',
  department: '保険年金課 国民年金係',
  myNumber: {
    basis:
      '番号法 第9条第1項・別表（国民年金法による被保険者の資格に関する届出の事務）、国民年金法施行規則 第1条の2',
  },
  signature: 'visit',
  fields: [
    { name: 'myNumber', spec: applicantMyNumber, required: true },
    { name: 'basicPensionNumber', spec: basicPensionNumber, required: false },
    { name: 'name', spec: applicantName, required: true },
    { name: 'nameKana', spec: applicantNameKana, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'sex', spec: applicantSex, required: true },
    { name: 'postalCode', spec: currentPostalCode, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    { name: 'notification', spec: notification, required: true },
    { name: 'category', spec: category, required: true },
    { name: 'date', spec: qualifyingDate, required: true },
    { name: 'reason', spec: reason, required: true },
    ...askedWhen(isOtherReason, { reasonDetail }),
    // The spouse's 個人番号 (last of spouseFields) or 基礎年金番号: one of the two (rule spouse-number).
    ...spouseFields(isCategory3),
    { name: 'spousePensionNumber', spec: spousePensionNumber, required: false, showIf: isCategory3 },
    ...askedWhen(isCategory3, { spouseEmployer }),
    { name: 'notifier', spec: notifier, required: true },
    {
      name: 'householdHead',
      spec: householdHeadName,
      required: false,
      requiredIf: byHead,
      showIf: byHead,
      label: text(
        '{届出者|とどけでしゃ}（{世帯主|せたいぬし}）の{氏名|しめい}',
        '{届|とど}けを{出|だ}す{世帯主|せたいぬし}の{名前|なまえ}',
        'Name of the head of household who notifies',
        '申报的户主姓名',
        '신고하는 세대주 성명',
        'Họ tên chủ hộ khai báo',
        'Nome do chefe do domicílio que notifica',
      ),
    },
  ],
  rules: [
    {
      id: 'kokumin-nenkin-spouse-number',
      fields: ['spouseMyNumber', 'spousePensionNumber'],
      check: (v) =>
        isCategory3(v) &&
        stringValue(v, 'spouseMyNumber') === '' &&
        stringValue(v, 'spousePensionNumber') === ''
          ? '第3号被保険者の届出には、配偶者の個人番号か基礎年金番号のどちらかが必要です。配偶者のマイナンバーカードか年金手帳・基礎年金番号通知書で確認して入力してください。'
          : undefined,
    },
    {
      id: 'kokumin-nenkin-reason-notification',
      fields: ['reason', 'notification'],
      check: (v) => {
        const shutoku = stringValue(v, 'notification') === 'shutoku';
        const r = stringValue(v, 'reason');
        if (shutoku && !REASONS_FOR_SHUTOKU.includes(r))
          return 'この該当理由（退職・扶養の変更など）は、それまで厚生年金・第1号・第3号だった方の「種別変更」です。届出の種類を直してください。';
        if (!shutoku && (r === 'age20' || r === 'entry'))
          return '20歳到達や海外からの転入は、初めて加入するので「資格取得」です。届出の種類を直してください。';
        return undefined;
      },
    },
    {
      id: 'kokumin-nenkin-reason-category',
      fields: ['category', 'reason'],
      check: (v) => {
        const c = stringValue(v, 'category');
        const r = stringValue(v, 'reason');
        if (c === '1' && !REASONS_FOR_CATEGORY_1.includes(r))
          return '配偶者の扶養になったときは第3号被保険者です。種別を「第3号」にするか、該当理由を直してください。';
        if (c === '3' && !REASONS_FOR_CATEGORY_3.includes(r))
          return 'この該当理由では第1号被保険者になります。種別を「第1号」にするか、該当理由を直してください。';
        return undefined;
      },
    },
    {
      id: 'kokumin-nenkin-age',
      fields: ['date', 'birthDate'],
      check: (v) => {
        const age = legalAge(stringValue(v, 'birthDate'), stringValue(v, 'date'));
        return age === undefined || (age >= 20 && age < 60)
          ? undefined
          : `該当年月日の年齢が${age}歳です。国民年金の第1号・第3号は20歳以上60歳未満の方です（60歳以上は任意加入の申出になります）。生年月日と該当年月日を確認してください。`;
      },
    },
    {
      id: 'kokumin-nenkin-age20-date',
      fields: ['date'],
      check: (v) => {
        if (stringValue(v, 'reason') !== 'age20') return undefined;
        const turns20 = birthday(stringValue(v, 'birthDate'), 20);
        const expected = turns20 ? addDays(turns20, -1) : undefined;
        return expected === undefined || stringValue(v, 'date') === expected
          ? undefined
          : `20歳到達の該当年月日は20歳の誕生日の前日（${expected}）です。該当年月日を直してください。`;
      },
    },
    {
      id: 'kokumin-nenkin-spouse-age',
      fields: ['spouseBirthDate'],
      check: (v) => {
        if (!isCategory3(v)) return undefined;
        const age = legalAge(stringValue(v, 'spouseBirthDate'), stringValue(v, 'date'));
        return age === undefined || age < 65
          ? undefined
          : '第2号被保険者の配偶者が65歳以上（老齢年金の受給権あり）だと第3号になれません。配偶者の生年月日か種別を確認してください。';
      },
    },
  ],
  attachments: [
    {
      id: 'kiso-nenkin-bango',
      name: text(
        '{基礎年金番号通知書|きそねんきんばんごうつうちしょ}または{年金手帳|ねんきんてちょう}',
        '{年金|ねんきん}の{番号|ばんごう}がわかるもの',
        'Basic Pension Number notice or pension book',
        '基础年金编号通知书或年金手册',
        '기초연금번호 통지서 또는 연금수첩',
        'Thông báo số lương hưu cơ bản hoặc sổ lương hưu',
        'Aviso do número de pensão básica ou caderneta de pensão',
      ),
      omittableByLinkage: false,
      when: '個人番号を記入したときは不要（番号で本人を確認できるため）',
    },
    {
      id: 'taishoku-bi',
      name: text(
        '{退職日|たいしょくび}がわかる{書類|しょるい}（{離職票|りしょくひょう}・{資格喪失証明書|しかくそうしつしょうめいしょ}など）',
        '{会社|かいしゃ}をやめた{日|ひ}がわかる{紙|かみ}',
        'A document showing the last day of employment (separation notice, loss-of-coverage certificate)',
        '能证明退职日期的文件（离职票、资格丧失证明书等）',
        '퇴직일을 알 수 있는 서류(이직표·자격상실증명서 등)',
        'Giấy tờ cho biết ngày nghỉ việc (phiếu thôi việc, giấy chứng nhận mất tư cách…)',
        'Documento com a data de desligamento (aviso de desligamento, certificado de perda de cobertura)',
      ),
      omittableByLinkage: false,
      when: '該当理由が退職のとき',
    },
    {
      id: 'fuyo-sosshitsu',
      name: text(
        '{扶養|ふよう}から{外|はず}れた{日|ひ}がわかる{書類|しょるい}（{健康保険|けんこうほけん}の{資格喪失証明書|しかくそうしつしょうめいしょ}）',
        '{扶養|ふよう}でなくなった{日|ひ}がわかる{紙|かみ}',
        'A document showing the day dependent status ended (health-insurance loss-of-coverage certificate)',
        '能证明脱离抚养日期的文件（健康保险资格丧失证明书）',
        '부양에서 벗어난 날을 알 수 있는 서류(건강보험 자격상실증명서)',
        'Giấy tờ cho biết ngày không còn là người phụ thuộc (giấy chứng nhận mất bảo hiểm y tế)',
        'Documento com a data em que deixou de ser dependente (certificado de perda do seguro-saúde)',
      ),
      omittableByLinkage: false,
      when: '該当理由が扶養から外れた・配偶者の退職等のとき',
    },
    { ...PASSPORT, when: '海外から転入したとき（入国日の確認）' },
  ],
  // Headings run down the left edge: short, with when a block applies as a bracketed remark.
  print: {
    title: '国民年金被保険者関係届書（申出書）',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '被保険者',
            rows: [
              [
                { field: 'myNumber', span: 6, label: '個人番号' },
                {
                  field: 'basicPensionNumber',
                  span: 6,
                  label: '基礎年金番号（個人番号を記入したときは不要）',
                },
              ],
              NAME_ROW,
              BIRTH_SEX_PHONE_ROW,
              postalAddressRow(),
            ],
          },
          {
            heading: '届出内容',
            rows: [
              [
                { field: 'notification', span: 3 },
                { field: 'category', span: 5 },
                { field: 'date', span: 4 },
              ],
              [{ field: 'reason', span: 12 }],
              [{ field: 'reasonDetail', span: 12 }],
            ],
          },
          {
            heading: '配偶者（第3号被保険者の届出のとき）',
            rows: [
              [
                { field: 'spouseName', span: 4 },
                { field: 'spouseNameKana', span: 4 },
                { field: 'spouseBirthDate', span: 4 },
              ],
              [
                { field: 'spouseMyNumber', span: 6 },
                {
                  field: 'spousePensionNumber',
                  span: 6,
                  label: '配偶者の基礎年金番号（個人番号がないとき）',
                },
              ],
              [{ field: 'spouseEmployer', span: 12 }],
            ],
          },
          {
            heading: '届出者',
            rows: [
              [
                { field: 'notifier', span: 4 },
                { field: 'householdHead', span: 8, label: '世帯主の氏名（世帯主が届け出るとき）' },
              ],
              signatureRow('届出者 署名'),
            ],
          },
        ],
      },
    ],
    footnote: '国民年金法第12条の規定により届け出ます。',
  },
};
