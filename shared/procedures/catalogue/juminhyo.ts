// 住民票の写し等交付請求 (住民基本台帳法 第12条, 第三者は第12条の3). The person at the counter is the
// 請求者 (the card read is theirs); when the 住民票 is someone else's, that person is the 本人.
// The form asks which items to print; it never asks for a My Number itself, so none is read.
import { text } from '../../i18n/lang.ts';
import { CHECKED_BY_CARD_READ, ININJO } from '../attachments.ts';
import {
  applicantBirthDate,
  applicantName,
  askedWhen,
  compact,
  currentAddress,
  householdHeadName,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import {
  idDocument,
  principalAddress,
  principalBirthDate,
  principalName,
  principalNameKana,
} from '../fields-family.ts';
import { signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const relation: FieldSpec = {
  key: 'juminhyo.relation',
  type: 'choice',
  section: 'applicant',
  options: [
    option(
      'self',
      text(
        '{本人|ほんにん}',
        '{自分|じぶん}の{分|ぶん}',
        'Myself',
        '本人',
        '본인',
        'Bản thân tôi',
        'Eu mesmo(a)',
      ),
    ),
    option(
      'household',
      text(
        '{同|おな}じ{世帯|せたい}の{人|ひと}',
        'いっしょに{住|す}んでいる{家族|かぞく}の{分|ぶん}',
        'Someone of my household',
        '同一户的人',
        '같은 세대의 사람',
        'Người cùng hộ',
        'Alguém do meu domicílio',
      ),
    ),
    option(
      'proxy',
      text(
        '{代理人|だいりにん}（{委任状|いにんじょう}あり）',
        '{頼|たの}まれた{人|ひと}（{委任状|いにんじょう}があります）',
        'Proxy with a letter of attorney',
        '代理人（持委托书）',
        '대리인(위임장 있음)',
        'Người đại diện (có giấy ủy quyền)',
        'Procurador (com procuração)',
      ),
    ),
    option(
      'third',
      text(
        'その{他|た}（{権利|けんり}の{行使|こうし}などのための{第三者請求|だいさんしゃせいきゅう}）',
        'ほかの{人|ひと}の{分|ぶん}（{理由|りゆう}が{必要|ひつよう}です）',
        'Other (third-party request with a legitimate reason)',
        '其他（因行使权利等的第三方申请）',
        '기타(권리 행사 등을 위한 제3자 청구)',
        'Khác (yêu cầu của bên thứ ba có lý do chính đáng)',
        'Outro (pedido de terceiro com motivo legítimo)',
      ),
    ),
  ],
  label: text(
    '{請求者|せいきゅうしゃ}と{本人|ほんにん}の{関係|かんけい}',
    'だれの{住民票|じゅうみんひょう}ですか',
    'Whose certificate is it?',
    '申请人与本人的关系',
    '청구인과 본인의 관계',
    'Giấy này là của ai?',
    'De quem é o certificado?',
  ),
};

const certKind: FieldSpec = {
  key: 'juminhyo.certKind',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'copy',
      text(
        '{住民票|じゅうみんひょう}の{写|うつ}し',
        '{住民票|じゅうみんひょう}',
        'Certificate of residence (copy)',
        '住民票副本',
        '주민표 사본',
        'Bản sao phiếu cư trú',
        'Cópia do registro de residência',
      ),
    ),
    option(
      'kisai',
      text(
        '{住民票記載事項証明書|じゅうみんひょうきさいじこうしょうめいしょ}',
        '{住民票|じゅうみんひょう}に{書|か}いてあることの{証明書|しょうめいしょ}',
        'Certificate of entries in the residence record',
        '住民票记载事项证明书',
        '주민표 기재사항증명서',
        'Giấy chứng nhận nội dung phiếu cư trú',
        'Certificado dos dados do registro de residência',
      ),
    ),
  ],
  label: text(
    '{証明書|しょうめいしょ}の{種類|しゅるい}',
    '{証明書|しょうめいしょ}の{種類|しゅるい}',
    'Kind of certificate',
    '证明书种类',
    '증명서 종류',
    'Loại giấy chứng nhận',
    'Tipo de certificado',
  ),
};

const scope: FieldSpec = {
  key: 'juminhyo.scope',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'all',
      text(
        '{世帯全員|せたいぜんいん}',
        '{家族|かぞく}みんな',
        'Whole household',
        '全户',
        '세대 전원',
        'Cả hộ',
        'Todo o domicílio',
      ),
    ),
    option(
      'some',
      text(
        '{世帯|せたい}の{一部|いちぶ}',
        '{家族|かぞく}の{一部|いちぶ}の{人|ひと}',
        'Some members only',
        '户内部分成员',
        '세대 일부',
        'Một số thành viên',
        'Apenas alguns membros',
      ),
    ),
  ],
  label: text(
    '{必要|ひつよう}な{人|ひと}の{範囲|はんい}',
    'だれの{分|ぶん}が{必要|ひつよう}ですか',
    'Who should be on it',
    '所需人员范围',
    '필요한 사람의 범위',
    'Những ai cần có trong giấy',
    'Quem deve constar',
  ),
};

const personsNeeded: FieldSpec = {
  key: 'juminhyo.personsNeeded',
  type: 'text',
  section: 'other',
  maxLength: 100,
  label: text(
    '{必要|ひつよう}な{人|ひと}の{氏名|しめい}',
    '{必要|ひつよう}な{人|ひと}の{名前|なまえ}',
    'Names of the people needed',
    '所需人员姓名',
    '필요한 사람의 성명',
    'Họ tên những người cần',
    'Nomes das pessoas necessárias',
  ),
};

const MY_NUMBER_ITEM = 'mynumber';
const CODE_ITEM = 'code';

const include: FieldSpec = {
  key: 'juminhyo.include',
  type: 'flags',
  section: 'other',
  options: [
    option(
      'head',
      text(
        '{世帯主|せたいぬし}・{続柄|つづきがら}',
        '{世帯主|せたいぬし}と{家族|かぞく}の{関係|かんけい}',
        'Head of household and relationships',
        '户主和与户主的关系',
        '세대주·관계',
        'Chủ hộ và quan hệ',
        'Chefe do domicílio e parentesco',
      ),
    ),
    option(
      'honseki',
      text(
        '{本籍|ほんせき}・{筆頭者|ひっとうしゃ}',
        '{本籍|ほんせき}と{戸籍|こせき}の{最初|さいしょ}の{人|ひと}',
        'Registered domicile and head of the family register',
        '本籍和户籍首位者',
        '본적·필두자',
        'Nguyên quán và chủ hộ tịch',
        'Domicílio legal e titular do registro familiar',
      ),
    ),
    option(
      MY_NUMBER_ITEM,
      text(
        '{個人番号|こじんばんごう}',
        'マイナンバー',
        'My Number',
        '个人编号',
        '개인번호',
        'Mã số cá nhân',
        'My Number',
      ),
    ),
    option(
      CODE_ITEM,
      text(
        '{住民票|じゅうみんひょう}コード',
        '{住民票|じゅうみんひょう}コード',
        'Resident record code',
        '住民票代码',
        '주민표 코드',
        'Mã phiếu cư trú',
        'Código do registro de residência',
      ),
    ),
  ],
  label: text(
    '{記載|きさい}する{事項|じこう}',
    '{証明書|しょうめいしょ}に{書|か}くこと',
    'Items to include',
    '记载事项',
    '기재 사항',
    'Các mục cần ghi',
    'Itens a incluir',
  ),
  help: text(
    '{選|えら}ばないものは{省略|しょうりゃく}します',
    '{選|えら}ばないものは{書|か}きません',
    'Items not chosen are left out',
    '未选择的项目将省略',
    '선택하지 않은 항목은 생략됩니다',
    'Các mục không chọn sẽ được lược bỏ',
    'Os itens não escolhidos são omitidos',
  ),
};

const copies: FieldSpec = {
  key: 'juminhyo.copies',
  type: 'integer',
  section: 'other',
  minValue: 1,
  maxValue: 20,
  label: text(
    '{通数|つうすう}',
    '{何枚|なんまい}',
    'Number of copies',
    '份数',
    '통수',
    'Số bản',
    'Número de cópias',
  ),
};

const PURPOSE_OTHER = 'other';

const purpose: FieldSpec = {
  key: 'juminhyo.purpose',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'license',
      text(
        '{運転免許|うんてんめんきょ}・{自動車|じどうしゃ}',
        '{運転免許|うんてんめんきょ}・{車|くるま}',
        "Driver's licence / car",
        '驾照・汽车',
        '운전면허·자동차',
        'Bằng lái / ô tô',
        'Carteira de motorista / carro',
      ),
    ),
    option(
      'pension',
      text('{年金|ねんきん}', '{年金|ねんきん}', 'Pension', '养老金', '연금', 'Lương hưu', 'Aposentadoria'),
    ),
    option(
      'insurance',
      text('{保険|ほけん}', '{保険|ほけん}', 'Insurance', '保险', '보험', 'Bảo hiểm', 'Seguro'),
    ),
    option(
      'employment',
      text(
        '{就職|しゅうしょく}・{勤務先|きんむさき}',
        '{仕事|しごと}',
        'Employment',
        '就业・工作单位',
        '취직·근무처',
        'Việc làm',
        'Emprego',
      ),
    ),
    option(
      'school',
      text('{学校|がっこう}', '{学校|がっこう}', 'School', '学校', '학교', 'Trường học', 'Escola'),
    ),
    option(
      'inheritance',
      text(
        '{相続|そうぞく}・{登記|とうき}',
        '{相続|そうぞく}・{登記|とうき}',
        'Inheritance / registration',
        '继承・登记',
        '상속·등기',
        'Thừa kế / đăng ký',
        'Herança / registro',
      ),
    ),
    option(
      'government',
      text(
        '{官公署|かんこうしょ}への{提出|ていしゅつ}',
        '{役所|やくしょ}に{出|だ}す',
        'For a public office',
        '提交给政府机关',
        '관공서 제출',
        'Nộp cho cơ quan nhà nước',
        'Para um órgão público',
      ),
    ),
    option(PURPOSE_OTHER, text('その{他|た}', 'ほかのこと', 'Other', '其他', '기타', 'Khác', 'Outro')),
  ],
  label: text(
    '{使用目的|しようもくてき}',
    '{何|なに}に{使|つか}いますか',
    'Purpose',
    '用途',
    '사용 목적',
    'Mục đích sử dụng',
    'Finalidade',
  ),
};

const purposeDetail: FieldSpec = {
  key: 'juminhyo.purposeDetail',
  type: 'text',
  section: 'other',
  maxLength: 100,
  label: text(
    '{使用目的|しようもくてき}の{詳細|しょうさい}・{提出先|ていしゅつさき}',
    '{何|なに}に{使|つか}うか・どこに{出|だ}すか',
    'Purpose in detail and where it is submitted',
    '用途详情和提交对象',
    '사용 목적 상세·제출처',
    'Chi tiết mục đích và nơi nộp',
    'Finalidade detalhada e onde será entregue',
  ),
};

const forOther = (v: ProcedureValues) =>
  stringValue(v, 'relation') !== '' && stringValue(v, 'relation') !== 'self';
const somePeople = (v: ProcedureValues) => stringValue(v, 'scope') === 'some';
const sameHousehold = (v: ProcedureValues) => ['self', 'household'].includes(stringValue(v, 'relation'));

export const juminhyo: ProcedureDefinition = {
  id: 'juminhyo',
  name: PROCEDURE_NAMES.juminhyo,
  description: text(
    '{住民票|じゅうみんひょう}の{写|うつ}しや{記載事項証明書|きさいじこうしょうめいしょ}を{請求|せいきゅう}します',
    '{住民票|じゅうみんひょう}の{紙|かみ}をもらうときに{出|だ}します',
    'Request a copy of the residence record or a certificate of its entries',
    '申请住民票副本或记载事项证明书',
    '주민표 사본이나 기재사항증명서를 청구합니다',
    'Yêu cầu bản sao phiếu cư trú hoặc giấy chứng nhận nội dung',
    'Pede uma cópia do registro de residência ou um certificado dos seus dados',
  ),
  basis: '住民基本台帳法 第12条（本人等の請求）・第12条の3（本人等以外の者の申出）',
  department: '市民課 証明係',
  signature: 'visit',
  fields: [
    { name: 'relation', spec: relation, required: true },
    {
      name: 'name',
      spec: applicantName,
      required: true,
      label: text(
        '{請求者|せいきゅうしゃ}{氏名|しめい}（{窓口|まどぐち}に{来|き}た{人|ひと}）',
        '{窓口|まどぐち}に{来|き}た{人|ひと}の{名前|なまえ}',
        'Name of the person at the counter',
        '申请人姓名（来窗口者）',
        '청구인 성명(창구에 온 사람)',
        'Họ tên người đến quầy',
        'Nome de quem veio ao balcão',
      ),
    },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    ...askedWhen(forOther, { principalName }),
    // The 本人's フリガナ helps find the record but the form does not require it.
    { name: 'principalNameKana', spec: principalNameKana, required: false, showIf: forOther },
    ...askedWhen(forOther, { principalBirthDate, principalAddress }),
    { name: 'householdHead', spec: householdHeadName, required: false, showIf: sameHousehold },
    { name: 'certKind', spec: certKind, required: true },
    { name: 'scope', spec: scope, required: true },
    ...askedWhen(somePeople, { personsNeeded }),
    { name: 'include', spec: include, required: false },
    { name: 'copies', spec: copies, required: true },
    { name: 'purpose', spec: purpose, required: true },
    {
      name: 'purposeDetail',
      spec: purposeDetail,
      required: false,
      // 第三者の申出は利用の目的と提出先を明らかにする（第12条の3第4項）.
      requiredIf: (v) =>
        stringValue(v, 'purpose') === PURPOSE_OTHER || stringValue(v, 'relation') === 'third',
    },
    { name: 'idDocument', spec: idDocument, required: true },
  ],
  rules: [
    {
      id: 'juminhyo-third-party-items',
      fields: ['include'],
      check: (v) => {
        const items = stringValue(v, 'include').split(',');
        return stringValue(v, 'relation') === 'third' &&
          (items.includes(MY_NUMBER_ITEM) || items.includes(CODE_ITEM))
          ? '第三者からの請求では個人番号と住民票コードは記載できません。記載する事項から外してください。'
          : undefined;
      },
    },
    {
      id: 'juminhyo-principal-differs',
      fields: ['relation'],
      check: (v) =>
        forOther(v) &&
        stringValue(v, 'principalName') === stringValue(v, 'name') &&
        stringValue(v, 'principalBirthDate') === stringValue(v, 'birthDate')
          ? '本人が窓口に来た人と同じです。自分の住民票なら「本人」を選んでください。'
          : undefined,
    },
    {
      id: 'juminhyo-household-address',
      fields: ['principalAddress'],
      check: (v) =>
        stringValue(v, 'relation') === 'household' &&
        compact(stringValue(v, 'principalAddress')) !== compact(stringValue(v, 'address'))
          ? '同じ世帯の人なら住所は請求者と同じです。本人の住所を確かめるか、関係を「代理人」か「その他」に直してください。'
          : undefined,
    },
  ],
  attachments: [
    {
      id: 'honnin-kakunin',
      name: text(
        '{窓口|まどぐち}に{来|き}た{人|ひと}の{本人確認書類|ほんにんかくにんしょるい}',
        '{窓口|まどぐち}に{来|き}た{人|ひと}のことがわかるカード',
        'Photo ID of the person at the counter',
        '来窗口者的本人确认证件',
        '창구에 온 사람의 본인 확인 서류',
        'Giấy tờ tùy thân của người đến quầy',
        'Documento de identidade de quem veio ao balcão',
      ),
      omittableByLinkage: false,
      when: CHECKED_BY_CARD_READ,
    },
    { ...ININJO, when: '代理人が請求する場合' },
    {
      id: 'somei-shiryo',
      name: text(
        '{請求|せいきゅう}の{理由|りゆう}がわかる{書類|しょるい}（{契約書|けいやくしょ}など）',
        '{理由|りゆう}がわかる{紙|かみ}（{契約書|けいやくしょ}など）',
        'Documents showing the reason (e.g. a contract)',
        '证明申请理由的材料（合同等）',
        '청구 사유를 알 수 있는 서류(계약서 등)',
        'Giấy tờ chứng minh lý do (ví dụ hợp đồng)',
        'Documentos que mostram o motivo (ex.: contrato)',
      ),
      omittableByLinkage: false,
      when: '第三者請求（権利の行使・義務の履行など）の場合',
    },
  ],
  print: {
    title: '住民票の写し等交付請求書',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '窓口に来た人（請求者）',
            rows: [
              [
                { field: 'name', span: 6 },
                { field: 'birthDate', span: 3 },
                { field: 'phone', span: 3 },
              ],
              [{ field: 'address', span: 12 }],
              [{ field: 'relation', span: 12 }],
            ],
          },
          {
            heading: '必要な人（本人）',
            rows: [
              [
                { field: 'principalName', span: 4 },
                { field: 'principalNameKana', span: 4 },
                { field: 'principalBirthDate', span: 4 },
              ],
              [
                { field: 'principalAddress', span: 8 },
                { field: 'householdHead', span: 4 },
              ],
            ],
          },
          {
            heading: '請求の内容',
            rows: [
              [
                { field: 'certKind', span: 6 },
                { field: 'scope', span: 6 },
              ],
              [{ field: 'personsNeeded', span: 12 }],
              [{ field: 'include', span: 12 }],
              [
                { field: 'copies', span: 3, label: '通数（通）' },
                { field: 'purpose', span: 9 },
              ],
              [{ field: 'purposeDetail', span: 12 }],
            ],
          },
          {
            heading: '職員記入欄',
            rows: [
              [
                { field: 'idDocument', span: 6 },
                { text: '交付　　通　手数料　　円', span: 6 },
              ],
            ],
          },
          signatureSection('請求者 署名'),
        ],
      },
    ],
    footnote: '本人・同一世帯の人以外の請求には、請求の理由と提出先の記入が必要です。',
  },
};
