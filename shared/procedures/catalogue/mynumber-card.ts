// 個人番号カード交付申請書 兼 電子証明書発行申請書 (番号法 第17条): the QR-coded form J-LIS mails
// carries the 23-digit 申請書ID; the counter scans it (or prints a new form). The resident often has
// no card yet, so identity comes from the driver's licence and the My Number is not asked: the
// 申請書ID already identifies the resident at J-LIS. The photo is taken apart and only checked here.
// The identity document is catalogue A's (applicant.idDocument): checked once for the visit.
import { text } from '../../i18n/lang.ts';
import {
  applicantBirthDate,
  applicantName,
  applicantSex,
  askedWhen,
  currentAddress,
  currentPostalCode,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import { agentFields, legalAge, WISH_OPTIONS } from '../fields-care.ts';
import { ID_TWO_DOCUMENTS, idDocument } from '../fields-family.ts';
import { postalAddressRow, signatureSection } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';

const applicationId: FieldSpec = {
  key: 'mynumber-card.applicationId',
  type: 'digits',
  digits: 23,
  section: 'other',
  label: text(
    '{申請書|しんせいしょ}ID',
    '{申請書|しんせいしょ}の{番号|ばんごう}（ID）',
    'Application ID',
    '申请书ID',
    '신청서 ID',
    'Mã đơn (ID)',
    'ID do formulário',
  ),
  help: text(
    '{交付申請書|こうふしんせいしょ}のQRコードの{下|した}にある23{桁|けた}の{数字|すうじ}',
    '{申請書|しんせいしょ}のQRコードの{下|した}にある23けたの{数字|すうじ}',
    'The 23 digits under the QR code of the application form',
    '申请书二维码下方的23位数字',
    '교부신청서 QR코드 아래의 23자리 숫자',
    '23 chữ số bên dưới mã QR của đơn xin cấp',
    'Os 23 dígitos abaixo do código QR do formulário',
  ),
};

const applicationKind: FieldSpec = {
  key: 'mynumber-card.applicationKind',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'new',
      text(
        'はじめての{申請|しんせい}',
        'はじめてカードをつくる',
        'First application',
        '首次申请',
        '처음 신청',
        'Đăng ký lần đầu',
        'Primeiro pedido',
      ),
    ),
    option(
      'renew',
      text(
        '{有効期限|ゆうこうきげん}による{更新|こうしん}',
        'カードの{期限|きげん}が{来|く}るので{新|あたら}しくする',
        'Renewal (card expiring)',
        '有效期限到期更新',
        '유효기간 만료에 따른 갱신',
        'Gia hạn (thẻ sắp hết hạn)',
        'Renovação (cartão vencendo)',
      ),
    ),
    option(
      'reissue',
      text(
        '{再交付|さいこうふ}（{紛失|ふんしつ}・{破損|はそん}など）',
        'なくした・こわれたので、もう{一度|いちど}つくる',
        'Reissue (lost, damaged…)',
        '补发（遗失、损坏等）',
        '재교부(분실·파손 등)',
        'Cấp lại (mất, hỏng…)',
        'Segunda via (perda, dano…)',
      ),
    ),
  ],
  label: text(
    '{申請|しんせい}の{区分|くぶん}',
    'どんな{申請|しんせい}ですか',
    'Type of application',
    '申请类别',
    '신청 구분',
    'Loại đơn',
    'Tipo de pedido',
  ),
};

const photo: FieldSpec = {
  key: 'mynumber-card.photo',
  type: 'choice',
  section: 'other',
  staffOnly: true,
  options: [
    option(
      'captured',
      text(
        '{窓口|まどぐち}で{撮影|さつえい}し、{規格|きかく}を{確認|かくにん}',
        '{窓口|まどぐち}で{写真|しゃしん}を{撮|と}った',
        'Taken at the counter and checked against the standard',
        '在窗口拍摄并确认符合规格',
        '창구에서 촬영하고 규격을 확인함',
        'Chụp tại quầy và đã kiểm tra tiêu chuẩn',
        'Tirada no balcão e conferida com o padrão',
      ),
    ),
    option(
      'brought',
      text(
        '{持参|じさん}の{写真|しゃしん}（4.5×3.5cm・6か{月以内|げついない}）を{確認|かくにん}',
        '{持|も}ってきた{写真|しゃしん}を{使|つか}う',
        'Photo brought by the resident (4.5 × 3.5 cm, within 6 months) checked',
        '已确认本人带来的照片（高4.5×宽3.5cm，6个月内）',
        '지참한 사진(세로 4.5×가로 3.5cm, 6개월 이내)을 확인함',
        'Đã kiểm tra ảnh mang theo (4,5 × 3,5 cm, trong 6 tháng)',
        'Foto trazida (4,5 × 3,5 cm, até 6 meses) conferida',
      ),
    ),
  ],
  label: text(
    '{顔写真|かおじゃしん}（{職員|しょくいん}が{確認|かくにん}）',
    '{顔|かお}の{写真|しゃしん}',
    'Face photo (checked by staff)',
    '面部照片（由职员确认）',
    '얼굴 사진(직원 확인)',
    'Ảnh chân dung (nhân viên kiểm tra)',
    'Foto do rosto (conferida pelo servidor)',
  ),
};

const signCert: FieldSpec = {
  key: 'mynumber-card.signCert',
  type: 'choice',
  section: 'other',
  options: WISH_OPTIONS,
  label: text(
    '{署名用電子証明書|しょめいようでんししょうめいしょ}の{発行|はっこう}',
    'インターネットで{申請|しんせい}するための{証明書|しょうめいしょ}',
    'Signature certificate (for online applications)',
    '签名用电子证书的发行',
    '서명용 전자증명서 발행',
    'Cấp chứng thư điện tử dùng để ký',
    'Emissão do certificado eletrônico de assinatura',
  ),
  help: text(
    'e-Taxやオンライン{申請|しんせい}の{電子署名|でんししょめい}に{使|つか}います（15{歳未満|さいみまん}は{原則|げんそく}{発行|はっこう}しません）',
    'インターネットで{書類|しょるい}を{出|だ}すときに{使|つか}います',
    'Used to sign online applications such as e-Tax (not issued under 15 as a rule)',
    '用于e-Tax和在线申请的电子签名（原则上不向未满15岁者发行）',
    'e-Tax·온라인 신청의 전자서명에 사용(15세 미만은 원칙적으로 발행하지 않음)',
    'Dùng để ký điện tử khi nộp đơn trực tuyến như e-Tax (nguyên tắc không cấp cho người dưới 15 tuổi)',
    'Usado para assinar pedidos on-line como o e-Tax (em regra não emitido a menores de 15 anos)',
  ),
};

const userCert: FieldSpec = {
  key: 'mynumber-card.userCert',
  type: 'choice',
  section: 'other',
  options: WISH_OPTIONS,
  label: text(
    '{利用者証明用電子証明書|りようしゃしょうめいようでんししょうめいしょ}の{発行|はっこう}',
    'ログインや{保険証|ほけんしょう}に{使|つか}う{証明書|しょうめいしょ}',
    'User certificate (for log-in and health insurance)',
    '用户证明用电子证书的发行',
    '이용자증명용 전자증명서 발행',
    'Cấp chứng thư điện tử chứng minh người dùng',
    'Emissão do certificado eletrônico de usuário',
  ),
  help: text(
    'マイナポータルへのログイン、{健康保険証|けんこうほけんしょう}としての{利用|りよう}、コンビニ{交付|こうふ}に{使|つか}います',
    'ログイン、{病院|びょういん}の{保険証|ほけんしょう}、コンビニで{証明書|しょうめいしょ}をとるときに{使|つか}います',
    'Used to log in to Mynaportal, as a health-insurance card and for certificates at convenience stores',
    '用于登录Mynaportal、作为健康保险证使用及便利店领取证明',
    '마이나포털 로그인, 건강보험증 이용, 편의점 발급에 사용',
    'Dùng để đăng nhập Mynaportal, làm thẻ bảo hiểm y tế và lấy giấy tờ tại cửa hàng tiện lợi',
    'Usado para entrar no Mynaportal, como cartão do seguro-saúde e para certidões em lojas de conveniência',
  ),
};

const braille: FieldSpec = {
  key: 'mynumber-card.braille',
  type: 'choice',
  section: 'other',
  options: WISH_OPTIONS,
  label: text(
    '{点字表記|てんじひょうき}の{希望|きぼう}',
    'カードに{点字|てんじ}をつけますか',
    'Braille on the card',
    '卡片上加注盲文',
    '점자 표기 희망',
    'In chữ nổi trên thẻ',
    'Braile no cartão',
  ),
};

const delivery: FieldSpec = {
  key: 'mynumber-card.delivery',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'counter',
      text(
        '{窓口|まどぐち}で{受|う}け{取|と}る（{交付通知書|こうふつうちしょ}が{届|とど}いたら{来庁|らいちょう}）',
        'あとで{市役所|しやくしょ}に{取|と}りに{来|く}る',
        'Collect at the counter (come when the notice arrives)',
        '在窗口领取（收到交付通知书后来厅）',
        '창구에서 수령(교부통지서가 도착하면 방문)',
        'Nhận tại quầy (đến khi nhận được thông báo)',
        'Retirar no balcão (vir quando chegar o aviso)',
      ),
    ),
    option(
      'mail',
      text(
        '{本人限定受取郵便|ほんにんげんていうけとりゆうびん}で{受|う}け{取|と}る（{申請時来庁方式|しんせいじらいちょうほうしき}）',
        '{郵便|ゆうびん}で{家|いえ}に{送|おく}ってもらう',
        'Receive by restricted-delivery mail (identity checked today)',
        '以本人限定邮件领取（申请时来厅方式）',
        '본인한정 수취우편으로 수령(신청 시 방문 방식)',
        'Nhận qua bưu điện chỉ giao cho chính chủ (đã xác minh hôm nay)',
        'Receber por correio com entrega restrita (identidade conferida hoje)',
      ),
    ),
  ],
  label: text(
    '{交付方法|こうふほうほう}',
    'カードの{受|う}け{取|と}り{方|かた}',
    'How to receive the card',
    '领取方式',
    '교부 방법',
    'Cách nhận thẻ',
    'Forma de recebimento',
  ),
  help: text(
    '{郵送|ゆうそう}は、きょう{写真付|しゃしんつ}きの{本人確認書類|ほんにんかくにんしょるい}で{確認|かくにん}できた{方|かた}だけです',
    '{郵便|ゆうびん}は、{写真|しゃしん}のある{身分証|みぶんしょう}を{見|み}せた{人|ひと}だけです',
    'Mail is only possible when identity was checked today with a photo ID',
    '仅限今天已用带照片的身份证明确认本人者可邮寄',
    '우송은 오늘 사진 부착 신분증으로 본인 확인이 된 분만 가능합니다',
    'Chỉ gửi bưu điện khi hôm nay đã xác minh bằng giấy tờ có ảnh',
    'O envio pelo correio só é possível se a identidade foi conferida hoje com documento com foto',
  ),
};

const proxyDelivery: FieldSpec = {
  key: 'mynumber-card.proxyDelivery',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'no',
      text(
        '{本人|ほんにん}が{受|う}け{取|と}る',
        '{自分|じぶん}で{取|と}りに{来|く}る',
        'I will collect it myself',
        '本人领取',
        '본인이 수령',
        'Tự mình nhận',
        'Eu mesmo retiro',
      ),
    ),
    option(
      'yes',
      text(
        '{代理人|だいりにん}が{受|う}け{取|と}る（{代理交付|だいりこうふ}）',
        'ほかの{人|ひと}が{代|か}わりに{取|と}りに{来|く}る',
        'An agent will collect it (proxy delivery)',
        '由代理人领取（代理交付）',
        '대리인이 수령(대리 교부)',
        'Người đại diện nhận thay',
        'Um representante retira (entrega por procuração)',
      ),
    ),
  ],
  label: text(
    '{代理交付|だいりこうふ}',
    'だれが{取|と}りに{来|き}ますか',
    'Who collects the card',
    '代理交付',
    '대리 교부',
    'Ai đến nhận thẻ',
    'Quem retira o cartão',
  ),
};

const proxyReason: FieldSpec = {
  key: 'mynumber-card.proxyReason',
  type: 'choice',
  section: 'other',
  options: [
    option(
      'under15',
      text(
        '15{歳未満|さいみまん}',
        '15{歳|さい}より{下|した}',
        'Under 15',
        '未满15岁',
        '15세 미만',
        'Dưới 15 tuổi',
        'Menor de 15 anos',
      ),
    ),
    option(
      'guardian',
      text(
        '{成年被後見人|せいねんひこうけんにん}',
        '{成年後見|せいねんこうけん}を{受|う}けている',
        'Adult under guardianship',
        '成年被监护人',
        '성년후견 대상자',
        'Người thành niên được giám hộ',
        'Adulto sob curatela',
      ),
    ),
    option(
      'illness',
      text(
        '{病気|びょうき}・{身体|しんたい}の{障害|しょうがい}',
        '{病気|びょうき}や{障害|しょうがい}',
        'Illness or physical disability',
        '疾病、身体残疾',
        '질병·신체장애',
        'Bệnh tật hoặc khuyết tật',
        'Doença ou deficiência física',
      ),
    ),
    option(
      'age',
      text(
        '{高齢|こうれい}',
        '{年|とし}をとっている',
        'Old age',
        '高龄',
        '고령',
        'Tuổi cao',
        'Idade avançada',
      ),
    ),
    option(
      'hospital',
      text(
        '{長期|ちょうき}の{入院|にゅういん}・{施設入所|しせつにゅうしょ}',
        '{長|なが}く{入院|にゅういん}・{施設|しせつ}にいる',
        'Long hospital or care-home stay',
        '长期住院、入住设施',
        '장기 입원·시설 입소',
        'Nằm viện hoặc ở cơ sở dài ngày',
        'Internação ou residência em instituição de longa duração',
      ),
    ),
    option(
      'pregnancy',
      text(
        '{妊娠中|にんしんちゅう}',
        'おなかに{赤|あか}ちゃんがいる',
        'Pregnancy',
        '怀孕中',
        '임신 중',
        'Đang mang thai',
        'Gravidez',
      ),
    ),
    option(
      'other',
      text(
        'その{他|た}やむを{得|え}ない{理由|りゆう}',
        'ほかの{理由|りゆう}',
        'Other unavoidable reason',
        '其他不得已的理由',
        '기타 부득이한 사유',
        'Lý do bất khả kháng khác',
        'Outro motivo inevitável',
      ),
    ),
  ],
  label: text(
    '{代理交付|だいりこうふ}の{理由|りゆう}',
    '{自分|じぶん}で{来|こ}られない{理由|りゆう}',
    'Reason for proxy delivery',
    '代理交付的理由',
    '대리 교부 사유',
    'Lý do nhận thay',
    'Motivo da entrega por procuração',
  ),
};

const atCounter = (v: ProcedureValues) => stringValue(v, 'delivery') === 'counter';
const byProxy = (v: ProcedureValues) => atCounter(v) && stringValue(v, 'proxyDelivery') === 'yes';

export const mynumberCard: ProcedureDefinition = {
  id: 'mynumber-card',
  name: PROCEDURE_NAMES['mynumber-card'],
  description: text(
    'マイナンバーカードと{電子証明書|でんししょうめいしょ}の{交付|こうふ}を{申請|しんせい}します（{写真|しゃしん}は{窓口|まどぐち}で{撮影|さつえい}できます）',
    'マイナンバーカードをつくります。{写真|しゃしん}は{窓口|まどぐち}で{撮|と}れます',
    'Apply for the My Number Card and its electronic certificates (the photo can be taken at the counter)',
    '申请发行个人编号卡及电子证书（可在窗口拍照）',
    '마이넘버카드와 전자증명서 교부를 신청합니다(사진은 창구에서 촬영 가능)',
    'Xin cấp thẻ My Number và chứng thư điện tử (có thể chụp ảnh tại quầy)',
    'Peça o Cartão My Number e seus certificados eletrônicos (a foto pode ser tirada no balcão)',
  ),
  basis:
    '番号法 第17条第1項、個人番号カード等に関する省令、電子署名等に係る地方公共団体情報システム機構の認証業務に関する法律 第3条・第22条',
  department: '市民課 マイナンバーカード係',
  // The 交付申請書 carries the applicant's own signature for J-LIS: signed on its own.
  signature: 'procedure',
  fields: [
    { name: 'applicationId', spec: applicationId, required: true },
    { name: 'applicationKind', spec: applicationKind, required: true },
    { name: 'name', spec: applicantName, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'sex', spec: applicantSex, required: true },
    { name: 'postalCode', spec: currentPostalCode, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    { name: 'signCert', spec: signCert, required: true },
    { name: 'userCert', spec: userCert, required: true },
    { name: 'braille', spec: braille, required: true },
    { name: 'delivery', spec: delivery, required: true },
    ...askedWhen(atCounter, { proxyDelivery }),
    ...askedWhen(byProxy, { proxyReason }),
    ...agentFields(byProxy),
    { name: 'identityDocument', spec: idDocument, required: true },
    { name: 'photo', spec: photo, required: true },
  ],
  rules: [
    {
      id: 'mynumber-card-sign-cert-age',
      fields: ['signCert', 'birthDate'],
      check: (v, today) => {
        const age = legalAge(stringValue(v, 'birthDate'), today);
        return age !== undefined && age < 15 && stringValue(v, 'signCert') === 'yes'
          ? '15歳未満の方には署名用電子証明書を原則として発行しません。署名用電子証明書を「希望しない」にしてください。'
          : undefined;
      },
    },
    {
      id: 'mynumber-card-mail-identity',
      fields: ['delivery', 'identityDocument'],
      check: (v) =>
        stringValue(v, 'delivery') === 'mail' && stringValue(v, 'identityDocument') === ID_TWO_DOCUMENTS
          ? '郵送での交付（申請時来庁方式）は、きょう写真付きの本人確認書類（運転免許証・パスポートなど）で確認できた方だけです。交付方法を「窓口で受け取る」にしてください。'
          : undefined,
    },
    {
      // The card being renewed is itself a photo ID; on a first application there is none yet.
      id: 'mynumber-card-new-no-card',
      fields: ['identityDocument', 'applicationKind'],
      check: (v) =>
        stringValue(v, 'applicationKind') === 'new' && stringValue(v, 'identityDocument') === 'mynumber-card'
          ? 'はじめての申請ではマイナンバーカードで本人確認はできません。確認した本人確認書類（運転免許証・パスポートなど）を選ぶか、申請の区分を直してください。'
          : undefined,
    },
    {
      id: 'mynumber-card-under15-reason',
      fields: ['proxyReason', 'birthDate'],
      check: (v, today) => {
        const age = legalAge(stringValue(v, 'birthDate'), today);
        return stringValue(v, 'proxyReason') === 'under15' && age !== undefined && age >= 15
          ? `申請者は${age}歳です。代理交付の理由「15歳未満」は使えません。当てはまる理由を選んでください。`
          : undefined;
      },
    },
    {
      id: 'mynumber-card-agent-is-other',
      fields: ['agentName'],
      check: (v) =>
        byProxy(v) &&
        stringValue(v, 'agentName') !== '' &&
        stringValue(v, 'agentName') === stringValue(v, 'name')
          ? '代理人の氏名が申請者と同じです。代わりに受け取る方の氏名を入力してください。'
          : undefined,
    },
  ],
  attachments: [
    {
      id: 'honnin-kakunin',
      name: text(
        '{本人確認書類|ほんにんかくにんしょるい}（{運転免許証|うんてんめんきょしょう}・パスポートなど）',
        '{運転免許証|うんてんめんきょしょう}など、{本人|ほんにん}とわかるもの',
        "Proof of identity (driver's licence, passport…)",
        '身份证明文件（驾驶证、护照等）',
        '본인확인 서류(운전면허증·여권 등)',
        'Giấy tờ tùy thân (bằng lái xe, hộ chiếu…)',
        'Documento de identidade (carteira de motorista, passaporte…)',
      ),
      omittableByLinkage: false,
    },
    {
      id: 'kao-shashin',
      name: text(
        '{顔写真|かおじゃしん}（{縦|たて}4.5cm×{横|よこ}3.5cm）',
        '{顔|かお}の{写真|しゃしん}',
        'Face photo (4.5 cm × 3.5 cm)',
        '面部照片（高4.5cm×宽3.5cm）',
        '얼굴 사진(세로 4.5cm×가로 3.5cm)',
        'Ảnh chân dung (4,5 cm × 3,5 cm)',
        'Foto do rosto (4,5 cm × 3,5 cm)',
      ),
      omittableByLinkage: false,
      when: '窓口で撮影するときは不要',
    },
    {
      id: 'genkou-card',
      name: text(
        'いま{持|も}っているマイナンバーカード・{住民基本台帳|じゅうみんきほんだいちょう}カード',
        'いま{持|も}っているカード',
        'The My Number Card or Basic Resident Register card you have now',
        '现有的个人编号卡、住民基本台账卡',
        '현재 가지고 있는 마이넘버카드·주민기본대장카드',
        'Thẻ My Number hoặc thẻ đăng ký cư trú hiện có',
        'O Cartão My Number ou cartão de registro de residente atual',
      ),
      omittableByLinkage: false,
      when: '更新・破損による再交付のとき（交付時に返納）',
    },
    {
      id: 'dairi-shorui',
      name: text(
        '{代理人|だいりにん}の{本人確認書類|ほんにんかくにんしょるい}と{代理権|だいりけん}を{確認|かくにん}する{書類|しょるい}（{委任状|いにんじょう}など）',
        '{代|か}わりに{来|く}る{人|ひと}の{身分証|みぶんしょう}と{委任状|いにんじょう}',
        "The agent's proof of identity and a document proving the authority (letter of proxy…)",
        '代理人的身份证明文件及证明代理权的文件（委托书等）',
        '대리인의 본인확인 서류와 대리권 확인 서류(위임장 등)',
        'Giấy tờ tùy thân của người đại diện và giấy ủy quyền',
        'Documento de identidade do representante e comprovante da representação (procuração…)',
      ),
      omittableByLinkage: false,
      when: '代理交付のとき（交付の日に持参）',
    },
  ],
  // Headings run down the left edge: short, with when a block applies as a bracketed remark.
  print: {
    title: '個人番号カード交付申請書 兼 電子証明書発行申請書',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '申請者',
            rows: [
              [
                { field: 'applicationId', span: 5 },
                { field: 'applicationKind', span: 7 },
              ],
              [
                { field: 'name', span: 6 },
                { field: 'birthDate', span: 4 },
                { field: 'sex', span: 2 },
              ],
              postalAddressRow(),
              [
                { field: 'phone', span: 4 },
                { field: 'braille', span: 8 },
              ],
            ],
          },
          {
            heading: '証明書',
            rows: [
              [
                { field: 'signCert', span: 6 },
                { field: 'userCert', span: 6 },
              ],
            ],
          },
          {
            heading: '交付',
            rows: [
              [
                { field: 'delivery', span: 7 },
                { field: 'proxyDelivery', span: 5 },
              ],
              [{ field: 'proxyReason', span: 12 }],
            ],
          },
          {
            heading: '代理人（代理交付のとき）',
            rows: [
              [
                { field: 'agentName', span: 5 },
                { field: 'agentRelationship', span: 3 },
                { field: 'agentPhone', span: 4 },
              ],
              [{ field: 'agentAddress', span: 12 }],
            ],
          },
          signatureSection('申請者 署名（15歳未満・成年被後見人は法定代理人）'),
          {
            heading: '職員記入欄',
            rows: [
              [
                { field: 'identityDocument', span: 5 },
                { field: 'photo', span: 7 },
              ],
            ],
          },
        ],
      },
    ],
    footnote: '番号法第17条第1項の規定により個人番号カードの交付を、あわせて電子証明書の発行を申請します。',
  },
};
