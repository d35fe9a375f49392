// 印鑑登録申請 (各市区町村の印鑑条例; 総務省「印鑑登録証明事務処理要領」): registers a seal so that
// 印鑑登録証明書 can be issued. The form is signed on its own (自署). How the registrant is
// identified decides when the registration takes effect: a photo ID or a 保証書 the same day, an
// 照会書 (sent by post to the registrant) only when the 回答書 comes back; a 代理人 always takes
// the 照会書 route. The seal itself is stamped and captured by staff, who check it here.
import { text } from '../../i18n/lang.ts';
import { ININJO } from '../attachments.ts';
import {
  applicantBirthDate,
  applicantName,
  applicantNameKana,
  applicantSex,
  askedWhen,
  currentAddress,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import {
  ageOn,
  ID_TWO_DOCUMENTS,
  idDocument,
  principalAddress,
  principalBirthDate,
  principalName,
  principalNameKana,
} from '../fields-family.ts';
import { BIRTH_SEX_PHONE_ROW, signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { CrossFieldRule, FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const applicantRole: FieldSpec = {
  key: 'inkan-toroku.applicantRole',
  type: 'choice',
  section: 'applicant',
  options: [
    option(
      'self',
      text(
        '{本人|ほんにん}',
        '{自分|じぶん}の{印鑑|いんかん}',
        'The registrant in person',
        '本人',
        '본인',
        'Chính người đăng ký',
        'O próprio titular',
      ),
    ),
    option(
      'proxy',
      text(
        '{代理人|だいりにん}',
        '{頼|たの}まれた{人|ひと}',
        'A proxy',
        '代理人',
        '대리인',
        'Người đại diện',
        'Procurador',
      ),
    ),
  ],
  label: text(
    '{申請者|しんせいしゃ}',
    '{申|もう}し{込|こ}む{人|ひと}',
    'Who applies',
    '申请人',
    '신청인',
    'Người nộp đơn',
    'Quem faz o pedido',
  ),
};

const METHOD_PHOTO = 'photo-id';
const METHOD_GUARANTOR = 'guarantor';
const METHOD_INQUIRY = 'inquiry';

const idMethod: FieldSpec = {
  key: 'inkan-toroku.idMethod',
  type: 'choice',
  section: 'other',
  options: [
    option(
      METHOD_PHOTO,
      text(
        '{顔写真付|かおじゃしんつ}きの{公的|こうてき}な{証明書|しょうめいしょ}（その{日|ひ}に{登録|とうろく}）',
        '{顔|かお}の{写真|しゃしん}があるカード（{今日|きょう}{登録|とうろく}できます）',
        'Official photo ID (registered the same day)',
        '带照片的官方证件（当天登记）',
        '사진이 있는 공적 증명서(당일 등록)',
        'Giấy tờ công có ảnh (đăng ký trong ngày)',
        'Documento oficial com foto (registro no mesmo dia)',
      ),
    ),
    option(
      METHOD_GUARANTOR,
      text(
        '{保証人|ほしょうにん}による{保証書|ほしょうしょ}（その{日|ひ}に{登録|とうろく}）',
        '{保証|ほしょう}する{人|ひと}の{紙|かみ}（{今日|きょう}{登録|とうろく}できます）',
        'Guarantee by a registered guarantor (registered the same day)',
        '由保证人出具保证书（当天登记）',
        '보증인의 보증서(당일 등록)',
        'Giấy bảo lãnh của người bảo lãnh (đăng ký trong ngày)',
        'Garantia de um fiador registrado (registro no mesmo dia)',
      ),
    ),
    option(
      METHOD_INQUIRY,
      text(
        '{照会書|しょうかいしょ}による{確認|かくにん}（{回答書|かいとうしょ}を{持|も}ってきた{日|ひ}に{登録|とうろく}）',
        '{家|いえ}に{届|とど}く{手紙|てがみ}で{確|たし}かめる（{返事|へんじ}を{持|も}ってきた{日|ひ}に{登録|とうろく}）',
        'Confirmation by post (registered when the reply is brought back)',
        '通过邮寄照会书确认（带回回答书当天登记）',
        '조회서에 의한 확인(회답서를 가져온 날 등록)',
        'Xác nhận qua thư (đăng ký khi mang thư trả lời đến)',
        'Confirmação por correio (registro quando a resposta for entregue)',
      ),
    ),
  ],
  label: text(
    '{本人確認|ほんにんかくにん}の{方法|ほうほう}',
    '{本人|ほんにん}かどうかを{確|たし}かめる{方法|ほうほう}',
    'How the registrant is identified',
    '本人确认方式',
    '본인 확인 방법',
    'Cách xác minh danh tính',
    'Como o titular é identificado',
  ),
};

const guarantorName: FieldSpec = {
  ...applicantName,
  key: 'inkan-toroku.guarantorName',
  section: 'other',
  card: undefined,
  label: text(
    '{保証人|ほしょうにん}の{氏名|しめい}',
    '{保証|ほしょう}する{人|ひと}の{名前|なまえ}',
    "Guarantor's name",
    '保证人姓名',
    '보증인 성명',
    'Họ tên người bảo lãnh',
    'Nome do fiador',
  ),
  help: text(
    'この{市区町村|しくちょうそん}で{印鑑登録|いんかんとうろく}をしている{人|ひと}',
    'この{町|まち}で{印鑑|いんかん}を{登録|とうろく}している{人|ひと}',
    'Someone with a seal registered in this municipality',
    '在本市区町村已登记印鉴的人',
    '이 시구정촌에서 인감등록을 한 사람',
    'Người đã đăng ký con dấu tại địa phương này',
    'Alguém com carimbo registrado neste município',
  ),
};

const guarantorAddress: FieldSpec = {
  key: 'inkan-toroku.guarantorAddress',
  type: 'address',
  section: 'other',
  maxLength: 200,
  label: text(
    '{保証人|ほしょうにん}の{住所|じゅうしょ}',
    '{保証|ほしょう}する{人|ひと}の{住所|じゅうしょ}',
    "Guarantor's address",
    '保证人住址',
    '보증인 주소',
    'Địa chỉ người bảo lãnh',
    'Endereço do fiador',
  ),
};

const guarantorBirthDate: FieldSpec = {
  ...applicantBirthDate,
  key: 'inkan-toroku.guarantorBirthDate',
  section: 'other',
  card: undefined,
  label: text(
    '{保証人|ほしょうにん}の{生年月日|せいねんがっぴ}',
    '{保証|ほしょう}する{人|ひと}の{生|う}まれた{日|ひ}',
    "Guarantor's date of birth",
    '保证人出生日期',
    '보증인 생년월일',
    'Ngày sinh người bảo lãnh',
    'Data de nascimento do fiador',
  ),
};

const guarantorSealNumber: FieldSpec = {
  key: 'inkan-toroku.guarantorSealNumber',
  type: 'integer',
  section: 'other',
  minValue: 1,
  maxValue: 999_999_999,
  label: text(
    '{保証人|ほしょうにん}の{印鑑登録番号|いんかんとうろくばんごう}',
    '{保証|ほしょう}する{人|ひと}の{印鑑|いんかん}の{番号|ばんごう}',
    "Guarantor's seal registration number",
    '保证人的印鉴登记号码',
    '보증인의 인감등록번호',
    'Số đăng ký con dấu của người bảo lãnh',
    'Número de registro do carimbo do fiador',
  ),
};

/** 登録できない印鑑 (事務処理要領 第2 登録): staff tick each requirement after stamping the seal. */
const SEAL_CHECKS = ['name', 'size', 'material', 'clear'] as const;

const sealChecks: FieldSpec = {
  key: 'inkan-toroku.sealChecks',
  type: 'flags',
  section: 'other',
  staffOnly: true,
  options: [
    option(
      'name',
      text(
        '{住民票|じゅうみんひょう}の{氏名|しめい}・{氏|うじ}・{名|な}などを{表|あらわ}している',
        '{住民票|じゅうみんひょう}の{名前|なまえ}が{彫|ほ}ってある',
        'Shows the name (or surname / given name) as on the residence record',
        '刻有住民票上的姓名、姓或名',
        '주민표의 성명·성·이름을 나타냄',
        'Khắc họ tên (hoặc họ / tên) như trong phiếu cư trú',
        'Mostra o nome (ou sobrenome / prenome) como no registro',
      ),
    ),
    option(
      'size',
      text(
        '{一辺|いっぺん}8ミリ～25ミリの{正方形|せいほうけい}に{収|おさ}まる',
        '{大|おお}きさが8ミリから25ミリ',
        'Fits a square of 8 mm to 25 mm',
        '可容纳于边长8至25毫米的正方形',
        '한 변 8~25mm 정사각형에 들어감',
        'Vừa hình vuông cạnh 8–25 mm',
        'Cabe num quadrado de 8 a 25 mm',
      ),
    ),
    option(
      'material',
      text(
        'ゴム{印|いん}など{変形|へんけい}しやすいものではない',
        'ゴムのはんこではない',
        'Not rubber or another material that deforms',
        '非橡皮章等易变形材质',
        '고무인 등 변형되기 쉬운 것이 아님',
        'Không phải dấu cao su hay vật liệu dễ biến dạng',
        'Não é de borracha nem de material que se deforma',
      ),
    ),
    option(
      'clear',
      text(
        '{印影|いんえい}が{鮮明|せんめい}で{欠|か}けていない',
        '{押|お}した{形|かたち}がはっきりしている',
        'The impression is clear and not chipped',
        '印影清晰无缺损',
        '인영이 선명하고 이지러지지 않음',
        'Dấu in rõ ràng, không bị sứt',
        'A impressão é nítida e sem falhas',
      ),
    ),
  ],
  label: text(
    '{登録|とうろく}する{印影|いんえい}の{確認|かくにん}（{職員|しょくいん}）',
    'はんこの{確認|かくにん}（{職員|しょくいん}）',
    'Seal impression checked (staff)',
    '登记印影的确认（职员）',
    '등록 인영 확인(직원)',
    'Kiểm tra dấu đăng ký (nhân viên)',
    'Verificação da impressão do carimbo (funcionário)',
  ),
};

const byProxy = (v: ProcedureValues) => stringValue(v, 'applicantRole') === 'proxy';
const method = (m: string) => (v: ProcedureValues) => stringValue(v, 'idMethod') === m;

/** 15歳未満の者は登録できない (事務処理要領 第2 登録資格): the registrant is the 本人 a 代理人 applies for. */
function ageRule(id: string, field: string, applies: (v: ProcedureValues) => boolean): CrossFieldRule {
  return {
    id,
    fields: [field],
    check: (v, today) => {
      const age = ageOn(stringValue(v, field), today);
      return applies(v) && age !== undefined && age < 15
        ? '15歳未満の人は印鑑登録ができません。登録する人の生年月日を確かめてください。'
        : undefined;
    },
  };
}

const registrantName = (v: ProcedureValues) => stringValue(v, byProxy(v) ? 'principalName' : 'name');

export const inkanToroku: ProcedureDefinition = {
  id: 'inkan-toroku',
  name: PROCEDURE_NAMES['inkan-toroku'],
  description: text(
    '{印鑑登録証明書|いんかんとうろくしょうめいしょ}を{受|う}けるための{印鑑|いんかん}を{登録|とうろく}します（15{歳|さい}{以上|いじょう}）',
    '{大事|だいじ}な{契約|けいやく}に{使|つか}うはんこを{登録|とうろく}します。15{歳|さい}から{登録|とうろく}できます',
    'Register your personal seal so that seal certificates can be issued (age 15 and over)',
    '登记印鉴以便开具印鉴登记证明书（15岁以上）',
    '인감등록증명서를 발급받기 위해 인감을 등록합니다(15세 이상)',
    'Đăng ký con dấu để được cấp giấy chứng nhận con dấu (từ 15 tuổi)',
    'Registre seu carimbo para poder obter certificados de carimbo (a partir de 15 anos)',
  ),
  basis: '市区町村印鑑条例（総務省「印鑑登録証明事務処理要領」第2）',
  department: '市民課 証明係',
  signature: 'procedure',
  fields: [
    { name: 'applicantRole', spec: applicantRole, required: true },
    {
      name: 'name',
      spec: applicantName,
      required: true,
      label: text(
        '{申請者|しんせいしゃ}{氏名|しめい}',
        '{申|もう}し{込|こ}む{人|ひと}の{名前|なまえ}',
        "Applicant's name",
        '申请人姓名',
        '신청인 성명',
        'Họ tên người nộp đơn',
        'Nome do requerente',
      ),
    },
    { name: 'nameKana', spec: applicantNameKana, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'sex', spec: applicantSex, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    ...askedWhen(byProxy, { principalName, principalNameKana, principalBirthDate, principalAddress }),
    { name: 'idMethod', spec: idMethod, required: true },
    ...askedWhen(method(METHOD_PHOTO), { idDocument }),
    ...askedWhen(method(METHOD_GUARANTOR), {
      guarantorName,
      guarantorAddress,
      guarantorBirthDate,
      guarantorSealNumber,
    }),
    { name: 'sealChecks', spec: sealChecks, required: true },
  ],
  rules: [
    ageRule('inkan-age', 'birthDate', (v) => !byProxy(v)),
    ageRule('inkan-age-principal', 'principalBirthDate', byProxy),
    {
      id: 'inkan-proxy-inquiry',
      fields: ['idMethod'],
      check: (v) =>
        byProxy(v) && stringValue(v, 'idMethod') !== METHOD_INQUIRY
          ? '代理人の申請では、本人に照会書を送って確認します。本人確認の方法を「照会書による確認」にしてください。'
          : undefined,
    },
    {
      id: 'inkan-photo-id',
      fields: ['idDocument'],
      check: (v) =>
        method(METHOD_PHOTO)(v) && stringValue(v, 'idDocument') === ID_TWO_DOCUMENTS
          ? '顔写真のない書類ではその日に登録できません。本人確認の方法を「保証書」か「照会書による確認」にしてください。'
          : undefined,
    },
    {
      id: 'inkan-guarantor-not-registrant',
      fields: ['guarantorName'],
      check: (v) =>
        method(METHOD_GUARANTOR)(v) && stringValue(v, 'guarantorName') === registrantName(v)
          ? '保証人は登録する本人以外の人です。この市区町村で印鑑登録をしている別の人に保証してもらってください。'
          : undefined,
    },
    {
      id: 'inkan-seal-checks',
      fields: ['sealChecks'],
      check: (v) => {
        const done = stringValue(v, 'sealChecks').split(',');
        return SEAL_CHECKS.every((c) => done.includes(c))
          ? undefined
          : '登録する印影の確認がすべて済んでいません。要件を満たさない印鑑は登録できないため、別の印鑑を押してもらってください。';
      },
    },
  ],
  attachments: [
    {
      id: 'inkan',
      name: text(
        '{登録|とうろく}する{印鑑|いんかん}',
        '{登録|とうろく}するはんこ',
        'The seal to register',
        '要登记的印章',
        '등록할 인감',
        'Con dấu cần đăng ký',
        'O carimbo a registrar',
      ),
      omittableByLinkage: false,
    },
    {
      id: 'honnin-kakunin',
      name: text(
        '{顔写真付|かおじゃしんつ}きの{本人確認書類|ほんにんかくにんしょるい}',
        '{顔|かお}の{写真|しゃしん}があるカード（マイナンバーカードなど）',
        'Official photo ID',
        '带照片的本人确认证件',
        '사진이 있는 본인 확인 서류',
        'Giấy tờ tùy thân có ảnh',
        'Documento oficial com foto',
      ),
      omittableByLinkage: false,
      when: '顔写真付きの証明書で本人確認する場合（窓口で読み取ったマイナンバーカードで足りる）',
    },
    {
      id: 'hoshosho',
      name: text(
        '{保証書|ほしょうしょ}（{保証人|ほしょうにん}の{登録印|とうろくいん}を{押|お}したもの）',
        '{保証|ほしょう}する{人|ひと}がはんこを{押|お}した{紙|かみ}',
        'Letter of guarantee stamped with the guarantor’s registered seal',
        '盖有保证人登记印章的保证书',
        '보증인의 등록인을 찍은 보증서',
        'Giấy bảo lãnh có đóng dấu đã đăng ký của người bảo lãnh',
        'Carta de garantia com o carimbo registrado do fiador',
      ),
      omittableByLinkage: false,
      when: '保証書で本人確認する場合',
    },
    { ...ININJO, when: '代理人が申請する場合（回答書とともに提出）' },
    {
      id: 'kaitosho',
      name: text(
        '{照会書|しょうかいしょ}への{回答書|かいとうしょ}',
        '{家|いえ}に{届|とど}いた{手紙|てがみ}の{返事|へんじ}',
        'Reply to the confirmation letter',
        '对照会书的回答书',
        '조회서에 대한 회답서',
        'Thư trả lời thư xác nhận',
        'Resposta à carta de confirmação',
      ),
      omittableByLinkage: false,
      when: '照会書で確認する場合（後日、本人確認書類とともに持参）',
    },
  ],
  print: {
    title: '印鑑登録申請書',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '申請者',
            rows: [
              [
                { field: 'applicantRole', span: 4 },
                { field: 'name', span: 4 },
                { field: 'nameKana', span: 4 },
              ],
              BIRTH_SEX_PHONE_ROW,
              [{ field: 'address', span: 12 }],
            ],
          },
          {
            heading: '登録する本人（代理人が申請するとき）',
            rows: [
              [
                { field: 'principalName', span: 4 },
                { field: 'principalNameKana', span: 4 },
                { field: 'principalBirthDate', span: 4 },
              ],
              [{ field: 'principalAddress', span: 12 }],
            ],
          },
          {
            heading: '本人確認',
            rows: [
              [
                { field: 'idMethod', span: 7 },
                { field: 'idDocument', span: 5 },
              ],
            ],
          },
          {
            heading: '保証書',
            rows: [
              [
                { field: 'guarantorName', span: 4 },
                { field: 'guarantorBirthDate', span: 4 },
                { field: 'guarantorSealNumber', span: 4 },
              ],
              [{ field: 'guarantorAddress', span: 12 }],
            ],
          },
          {
            heading: '登録する印鑑',
            rows: [
              [
                { text: '（印影）', span: 4 },
                { field: 'sealChecks', span: 8 },
              ],
            ],
          },
          signatureSection('申請者 自署'),
        ],
      },
    ],
    footnote: '上記の印鑑を登録したいので申請します。この申請書は申請者が自署してください。',
  },
};
