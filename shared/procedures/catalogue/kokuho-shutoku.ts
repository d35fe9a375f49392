// 国民健康保険 資格取得届 (国民健康保険法 第9条第1項; 施行規則 第2条): the 世帯主 notifies, within
// 14 days, that members of the household join 国保 (転入, leaving a workplace insurance, birth, end
// of 生活保護). The 資格取得日 is the day of the event, whenever the notification comes: after
// leaving 社会保険 it is the day the old insurance was lost. The form carries 個人番号.
import { text } from '../../i18n/lang.ts';
import { CHECKED_BY_CARD_READ, ININJO } from '../attachments.ts';
import {
  applicantMyNumber,
  applicantName,
  askedWhen,
  birthDateColumn,
  currentAddress,
  currentPostalCode,
  householdHeadName,
  myNumberColumn,
  nameColumn,
  nameKanaColumn,
  option,
  phone,
  relationshipColumn,
  relationshipToHead,
  rowsOf,
  sexColumn,
  stringValue,
} from '../fields.ts';
import { NOTIFIER_NAME_LABEL } from '../fields-family.ts';
import { fieldSection, postalAddressRow, signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, GroupSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';
import { bornBeforeRule, householdRules } from '../validate.ts';

const REASON_TENNYU = 'tennyu';
const REASON_SHAHO = 'shaho';
const REASON_BIRTH = 'birth';

const reason: FieldSpec = {
  key: 'kokuho-shutoku.reason',
  type: 'choice',
  section: 'other',
  options: [
    option(
      REASON_TENNYU,
      text(
        '{転入|てんにゅう}',
        'ほかの{町|まち}から{引|ひ}っ{越|こ}してきた',
        'Moved in',
        '迁入',
        '전입',
        'Chuyển đến',
        'Mudança para cá',
      ),
    ),
    option(
      REASON_SHAHO,
      text(
        '{職場|しょくば}の{健康保険|けんこうほけん}をやめた',
        '{会社|かいしゃ}の{健康保険|けんこうほけん}がなくなった',
        'Left a workplace health insurance',
        '退出单位的健康保险',
        '직장 건강보험 탈퇴',
        'Rời bảo hiểm y tế nơi làm việc',
        'Saiu do seguro de saúde do trabalho',
      ),
    ),
    option(
      REASON_BIRTH,
      text(
        '{出生|しゅっせい}',
        '{子|こ}どもが{生|う}まれた',
        'Birth',
        '出生',
        '출생',
        'Sinh con',
        'Nascimento',
      ),
    ),
    option(
      'seiho',
      text(
        '{生活保護|せいかつほご}の{廃止|はいし}',
        '{生活保護|せいかつほご}が{終|お}わった',
        'Public assistance ended',
        '停止生活保护',
        '생활보호 폐지',
        'Chấm dứt trợ cấp sinh hoạt',
        'Fim da assistência pública',
      ),
    ),
    option(
      'other',
      text(
        'その{他|た}（{在留資格|ざいりゅうしかく}の{取得|しゅとく}など）',
        'ほかの{理由|りゆう}',
        'Other (e.g. a residence status granted)',
        '其他（取得在留资格等）',
        '기타(재류자격 취득 등)',
        'Khác (ví dụ được cấp tư cách lưu trú)',
        'Outro (ex.: concessão de status de residência)',
      ),
    ),
  ],
  label: text(
    '{加入|かにゅう}する{理由|りゆう}',
    '{国民健康保険|こくみんけんこうほけん}に{入|はい}る{理由|りゆう}',
    'Why you join',
    '加入理由',
    '가입 사유',
    'Lý do tham gia',
    'Motivo da adesão',
  ),
};

const reasonDate: FieldSpec = {
  key: 'kokuho-shutoku.reasonDate',
  type: 'date',
  section: 'other',
  min: { daysFromToday: -3 * 365 },
  max: { daysFromToday: 0 },
  // For a 転入 the 資格取得日 is the day of the move the visit already knows (once-only).
  derive: (a) =>
    stringValue(a, 'kokuho-shutoku.reason') === REASON_TENNYU
      ? stringValue(a, 'move.date') || undefined
      : undefined,
  label: text(
    '{資格取得日|しかくしゅとくび}（{理由|りゆう}があった{日|ひ}）',
    '{入|はい}る{日|ひ}（そうなった{日|ひ}）',
    'Date of joining (the day of the event)',
    '取得资格日期（事由发生日）',
    '자격 취득일(사유 발생일)',
    'Ngày tham gia (ngày xảy ra sự việc)',
    'Data de adesão (dia do fato)',
  ),
};

const previousInsurer: FieldSpec = {
  key: 'kokuho-shutoku.previousInsurer',
  type: 'text',
  section: 'other',
  maxLength: 60,
  label: text(
    '{前|まえ}の{健康保険|けんこうほけん}の{名称|めいしょう}',
    '{前|まえ}に{入|はい}っていた{健康保険|けんこうほけん}の{名前|なまえ}',
    'Name of the previous health insurer',
    '原健康保险名称',
    '이전 건강보험 명칭',
    'Tên bảo hiểm y tế trước đây',
    'Nome do seguro de saúde anterior',
  ),
};

const previousLossDate: FieldSpec = {
  key: 'kokuho-shutoku.previousLossDate',
  type: 'date',
  section: 'other',
  min: { daysFromToday: -3 * 365 },
  max: { daysFromToday: 0 },
  label: text(
    '{前|まえ}の{健康保険|けんこうほけん}の{資格喪失日|しかくそうしつび}',
    '{前|まえ}の{健康保険|けんこうほけん}がなくなった{日|ひ}',
    'Date the previous insurance ended',
    '原健康保险丧失资格日期',
    '이전 건강보험 자격 상실일',
    'Ngày mất tư cách bảo hiểm trước',
    'Data de término do seguro anterior',
  ),
  help: text(
    '{退職日|たいしょくび}の{翌日|よくじつ}です（{資格喪失証明書|しかくそうしつしょうめいしょ}に{書|か}いてあります）',
    '{会社|かいしゃ}をやめた{日|ひ}の{次|つぎ}の{日|ひ}です',
    'The day after you left the job (shown on the certificate of loss of coverage)',
    '离职日的次日（记载于资格丧失证明书）',
    '퇴직일 다음 날(자격상실증명서에 기재)',
    'Ngày sau ngày nghỉ việc (ghi trên giấy chứng nhận mất tư cách)',
    'O dia seguinte à saída do emprego (consta no certificado de perda da cobertura)',
  ),
};

/** 加入する人: the 異動者 of a 転入 in the same visit are the default. */
const members: GroupSpec = {
  key: 'kokuho-shutoku.members',
  type: 'group',
  section: 'household',
  columns: [nameColumn, nameKanaColumn, birthDateColumn, sexColumn, relationshipColumn, myNumberColumn],
  requiredColumns: ['name', 'nameKana', 'birthDate', 'sex', 'relationship'],
  minRows: 1,
  maxRows: 6,
  derive: (a) =>
    stringValue(a, 'kokuho-shutoku.reason') === REASON_TENNYU && rowsOf(a, 'move.movers').length > 0
      ? rowsOf(a, 'move.movers').map((r) => ({
          name: r.name ?? '',
          nameKana: r.nameKana ?? '',
          birthDate: r.birthDate ?? '',
          sex: r.sex ?? '',
          relationship: r.relationship ?? '',
          myNumber: '',
        }))
      : undefined,
  label: text(
    '{加入|かにゅう}する{人|ひと}',
    '{国民健康保険|こくみんけんこうほけん}に{入|はい}る{人|ひと}',
    'People who join',
    '加入人员',
    '가입하는 사람',
    'Những người tham gia',
    'Pessoas que aderem',
  ),
};

const mailTo: FieldSpec = {
  key: 'kokuho-shutoku.mailTo',
  type: 'choice',
  section: 'contact',
  options: [
    option(
      'home',
      text(
        '{住所|じゅうしょ}（{世帯主|せたいぬし}あて）',
        '{住|す}んでいる{所|ところ}',
        'Home address (to the head of household)',
        '住址（寄给户主）',
        '주소(세대주 앞)',
        'Địa chỉ nhà (gửi chủ hộ)',
        'Endereço residencial (ao chefe do domicílio)',
      ),
    ),
    option(
      'other',
      text(
        '{別|べつ}の{送付先|そうふさき}',
        'ほかの{所|ところ}',
        'Another address',
        '其他寄送地址',
        '다른 송부처',
        'Địa chỉ khác',
        'Outro endereço',
      ),
    ),
  ],
  label: text(
    '{通知|つうち}・{資格確認書|しかくかくにんしょ}の{送付先|そうふさき}',
    'お{知|し}らせを{送|おく}る{所|ところ}',
    'Where notices are sent',
    '通知・资格确认书的寄送地址',
    '통지·자격확인서 송부처',
    'Nơi gửi thông báo',
    'Para onde enviar os avisos',
  ),
};

const mailName: FieldSpec = {
  ...applicantName,
  key: 'kokuho-shutoku.mailName',
  section: 'contact',
  card: undefined,
  label: text(
    '{送付先|そうふさき}の{宛名|あてな}',
    '{送|おく}り{先|さき}の{名前|なまえ}',
    'Addressee',
    '收件人姓名',
    '수신인',
    'Tên người nhận',
    'Destinatário',
  ),
};

const mailPostalCode: FieldSpec = {
  ...currentPostalCode,
  key: 'kokuho-shutoku.mailPostalCode',
  section: 'contact',
  derive: undefined,
  label: text(
    '{送付先|そうふさき}の{郵便番号|ゆうびんばんごう}',
    '{送|おく}り{先|さき}の{郵便番号|ゆうびんばんごう}',
    'Postal code of the mailing address',
    '寄送地址的邮政编码',
    '송부처 우편번호',
    'Mã bưu điện nơi gửi',
    'Código postal do endereço de envio',
  ),
};

const mailAddress: FieldSpec = {
  key: 'kokuho-shutoku.mailAddress',
  type: 'address',
  section: 'contact',
  maxLength: 200,
  label: text(
    '{送付先|そうふさき}の{住所|じゅうしょ}',
    '{送|おく}り{先|さき}の{住所|じゅうしょ}',
    'Mailing address',
    '寄送地址',
    '송부처 주소',
    'Địa chỉ nhận thư',
    'Endereço de envio',
  ),
};

const fromShaho = (v: ProcedureValues) => stringValue(v, 'reason') === REASON_SHAHO;
const mailElsewhere = (v: ProcedureValues) => stringValue(v, 'mailTo') === 'other';

export const kokuhoShutoku: ProcedureDefinition = {
  id: 'kokuho-shutoku',
  name: PROCEDURE_NAMES['kokuho-shutoku'],
  description: text(
    '{転入|てんにゅう}や{職場|しょくば}の{健康保険|けんこうほけん}をやめたときなどに{国民健康保険|こくみんけんこうほけん}に{加入|かにゅう}します（14{日|か}{以内|いない}）',
    '{引|ひ}っ{越|こ}してきたときや{会社|かいしゃ}の{保険|ほけん}がなくなったときに{出|だ}します。14{日|か}のうちに{出|だ}してください',
    'Join National Health Insurance within 14 days of moving in, leaving a workplace insurance and similar events',
    '迁入或退出单位健康保险等时加入国民健康保险（14天内）',
    '전입이나 직장 건강보험 탈퇴 등의 경우 국민건강보험에 가입합니다(14일 이내)',
    'Tham gia Bảo hiểm Y tế Quốc dân trong 14 ngày khi chuyển đến, rời bảo hiểm nơi làm việc...',
    'Adesão ao Seguro Nacional de Saúde em até 14 dias após mudança, saída do seguro do trabalho etc.',
  ),
  basis: '国民健康保険法 第9条第1項（施行規則 第2条）',
  department: '保険年金課 国保資格係',
  myNumber: {
    basis: '番号法 第9条第1項・別表（国民健康保険法による保険給付の支給又は保険料の徴収に関する事務）',
  },
  signature: 'visit',
  fields: [
    {
      name: 'name',
      spec: applicantName,
      required: true,
      label: NOTIFIER_NAME_LABEL,
    },
    { name: 'relationship', spec: relationshipToHead, required: true },
    { name: 'householdHead', spec: householdHeadName, required: true },
    {
      name: 'myNumber',
      spec: applicantMyNumber,
      required: true,
      label: text(
        '{届出人|とどけでにん}の{個人番号|こじんばんごう}',
        '{届|とど}けを{出|だ}す{人|ひと}のマイナンバー',
        'My Number of the person notifying',
        '申报人的个人编号',
        '신고인의 개인번호',
        'Mã số cá nhân của người khai báo',
        'My Number do declarante',
      ),
    },
    { name: 'postalCode', spec: currentPostalCode, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    { name: 'reason', spec: reason, required: true },
    { name: 'reasonDate', spec: reasonDate, required: true },
    ...askedWhen(fromShaho, { previousInsurer, previousLossDate }),
    { name: 'members', spec: members, required: true },
    { name: 'mailTo', spec: mailTo, required: true },
    ...askedWhen(mailElsewhere, { mailName }),
    { name: 'mailPostalCode', spec: mailPostalCode, required: false, showIf: mailElsewhere },
    ...askedWhen(mailElsewhere, { mailAddress }),
  ],
  rules: [
    ...householdRules({ movers: 'members', head: 'householdHead' }),
    {
      id: 'kokuho-shaho-same-day',
      fields: ['reasonDate'],
      check: (v) =>
        fromShaho(v) && stringValue(v, 'reasonDate') !== stringValue(v, 'previousLossDate')
          ? '職場の健康保険をやめたときの資格取得日は、前の保険の資格喪失日と同じ日です。どちらかの日付を直してください。'
          : undefined,
    },
    {
      id: 'kokuho-birth-member',
      fields: ['members'],
      check: (v) =>
        stringValue(v, 'reason') === REASON_BIRTH &&
        !rowsOf(v, 'members').some((r) => r.birthDate === stringValue(v, 'reasonDate'))
          ? '出生による加入では、資格取得日が生まれた日です。生まれた子を加入する人に入れ、資格取得日を生年月日と同じにしてください。'
          : undefined,
    },
    bornBeforeRule('kokuho-members-born', { rows: 'members', date: 'reasonDate', dateName: '資格取得日' }),
  ],
  attachments: [
    {
      id: 'honnin-kakunin',
      name: text(
        '{届出人|とどけでにん}の{本人確認書類|ほんにんかくにんしょるい}',
        '{届|とど}けを{出|だ}す{人|ひと}のことがわかるカード',
        'Photo ID of the person notifying',
        '申报人的本人确认证件',
        '신고인의 본인 확인 서류',
        'Giấy tờ tùy thân của người khai báo',
        'Documento de identidade do declarante',
      ),
      omittableByLinkage: false,
      when: CHECKED_BY_CARD_READ,
    },
    {
      id: 'soshitsu-shomei',
      name: text(
        '{健康保険資格喪失証明書|けんこうほけんしかくそうしつしょうめいしょ}',
        '{会社|かいしゃ}の{保険|ほけん}がなくなったことがわかる{紙|かみ}',
        'Certificate of loss of health-insurance coverage',
        '健康保险资格丧失证明书',
        '건강보험 자격상실증명서',
        'Giấy chứng nhận mất tư cách bảo hiểm y tế',
        'Certificado de perda da cobertura do seguro de saúde',
      ),
      omittableByLinkage: false,
      when: '職場の健康保険をやめた場合（離職票・退職証明書でも可）',
    },
    {
      id: 'hogo-haishi',
      name: text(
        '{保護廃止決定通知書|ほごはいしけっていつうちしょ}',
        '{生活保護|せいかつほご}が{終|お}わったお{知|し}らせ',
        'Notice that public assistance ended',
        '停止保护决定通知书',
        '보호 폐지 결정 통지서',
        'Thông báo chấm dứt trợ cấp',
        'Aviso do fim da assistência pública',
      ),
      omittableByLinkage: false,
      when: '生活保護が廃止された場合',
    },
    {
      id: 'zairyu-card',
      name: text(
        '{在留|ざいりゅう}カード',
        '{在留|ざいりゅう}カード',
        'Residence card',
        '在留卡',
        '재류카드',
        'Thẻ cư trú',
        'Cartão de residência',
      ),
      omittableByLinkage: false,
      when: '外国籍の人が加入する場合',
    },
    { ...ININJO, when: '別の世帯の人が届け出る場合' },
  ],
  print: {
    title: '国民健康保険 被保険者資格取得届',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '届出人・世帯主',
            rows: [
              [
                { field: 'name', span: 4 },
                { field: 'relationship', span: 4 },
                { field: 'householdHead', span: 4 },
              ],
              [
                { field: 'myNumber', span: 6 },
                { field: 'phone', span: 6 },
              ],
              postalAddressRow(),
            ],
          },
          {
            heading: '資格取得の事由',
            rows: [
              [
                { field: 'reason', span: 7 },
                { field: 'reasonDate', span: 5 },
              ],
              [
                { field: 'previousInsurer', span: 7 },
                { field: 'previousLossDate', span: 5 },
              ],
            ],
          },
          fieldSection('加入する人', 'members'),
          {
            heading: '通知の送付先',
            rows: [
              [
                { field: 'mailTo', span: 6 },
                { field: 'mailName', span: 6 },
              ],
              postalAddressRow('mailAddress', 'mailPostalCode'),
            ],
          },
          signatureSection('届出人 署名'),
        ],
      },
    ],
    footnote: '国民健康保険法第9条の規定により届け出ます。',
  },
};
