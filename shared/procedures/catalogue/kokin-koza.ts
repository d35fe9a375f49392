// 公金受取口座の登録・変更の申出: one account per person, linked to the My Number, used for
// 給付金・児童手当・税の還付 (公金受取口座登録法). At the counter the municipality forwards the
// 申出 to デジタル庁 (行政機関等経由の登録). The account must be the applicant's own: the holder
// name is checked against the applicant's フリガナ in the half-width form banks hold.
import { text } from '../../i18n/lang.ts';
import { toHalfWidthKana } from '../../text/kana.ts';
import {
  applicantBirthDate,
  applicantMyNumber,
  applicantName,
  applicantNameKana,
  BANK_SPECS,
  currentAddress,
  currentPostalCode,
  option,
  phone,
  requiredFields,
  stringValue,
} from '../fields.ts';
import { holderMatchesKana } from '../fields-family.ts';
import { fieldSection, NAME_ROW, postalAddressRow, signatureRow } from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition } from '../types.ts';

const kind: FieldSpec = {
  key: 'kokin-koza.kind',
  type: 'choice',
  section: 'bank',
  options: [
    option(
      'touroku',
      text(
        '{新|あたら}しく{登録|とうろく}する',
        'はじめて{登録|とうろく}する',
        'Register for the first time',
        '新登记',
        '신규 등록',
        'Đăng ký mới',
        'Registrar pela primeira vez',
      ),
    ),
    option(
      'henko',
      text(
        '{登録|とうろく}した{口座|こうざ}を{変更|へんこう}する',
        '{登録|とうろく}した{口座|こうざ}を{変|か}える',
        'Change the registered account',
        '变更已登记的账户',
        '등록한 계좌 변경',
        'Thay đổi tài khoản đã đăng ký',
        'Alterar a conta registrada',
      ),
    ),
  ],
  label: text(
    '{申出|もうしで}の{区分|くぶん}',
    '{何|なに}をしますか',
    'Type of request',
    '申请类别',
    '신청 구분',
    'Loại yêu cầu',
    'Tipo de pedido',
  ),
};

const consent: FieldSpec = {
  key: 'kokin-koza.consent',
  type: 'choice',
  section: 'bank',
  options: [
    option(
      'agree',
      text(
        '{同意|どうい}する',
        'いいです（{同意|どうい}する）',
        'I agree',
        '同意',
        '동의함',
        'Tôi đồng ý',
        'Concordo',
      ),
    ),
    option(
      'disagree',
      text(
        '{同意|どうい}しない',
        'よくないです（{同意|どうい}しない）',
        'I do not agree',
        '不同意',
        '동의하지 않음',
        'Tôi không đồng ý',
        'Não concordo',
      ),
    ),
  ],
  label: text(
    'この{口座|こうざ}を{公金受取口座|こうきんうけとりこうざ}として{登録|とうろく}し、{給付金|きゅうふきん}などの{支給|しきゅう}のため{行政機関|ぎょうせいきかん}に{提供|ていきょう}することへの{同意|どうい}',
    'この{口座|こうざ}を、{国|くに}や{市|し}からお{金|かね}を{受|う}け{取|と}る{口座|こうざ}にしてよいですか',
    'Consent to register this account as the public-fund receiving account and to its use by public bodies for payments',
    '同意将此账户登记为公款收款账户，并提供给行政机关用于支付补助金等',
    '이 계좌를 공금수취계좌로 등록하고 급부금 지급을 위해 행정기관에 제공하는 것에 대한 동의',
    'Đồng ý đăng ký tài khoản này làm tài khoản nhận tiền công và cung cấp cho cơ quan hành chính để chi trả trợ cấp',
    'Consentimento para registrar esta conta como conta de recebimento de verbas públicas e para seu uso por órgãos públicos nos pagamentos',
  ),
};

const YUCHO_BANK_CODE = '9900';

export const kokinKoza: ProcedureDefinition = {
  id: 'kokin-koza',
  name: PROCEDURE_NAMES['kokin-koza'],
  description: text(
    '{給付金|きゅうふきん}・{児童手当|じどうてあて}・{税|ぜい}の{還付金|かんぷきん}などを{受|う}け{取|と}る{本人名義|ほんにんめいぎ}の{口座|こうざ}をマイナンバーと{一緒|いっしょ}に{登録|とうろく}します',
    'お{金|かね}を{受|う}け{取|と}る{自分|じぶん}の{口座|こうざ}を{登録|とうろく}します',
    'Register your own bank account, with your My Number, to receive benefits, child allowance and tax refunds',
    '将本人名义的账户与个人编号一起登记，用于领取补助金、儿童津贴、退税等',
    '급부금·아동수당·세금 환급금 등을 받을 본인 명의 계좌를 마이넘버와 함께 등록합니다',
    'Đăng ký tài khoản đứng tên bạn cùng với My Number để nhận trợ cấp, phụ cấp nuôi con, tiền hoàn thuế',
    'Registre sua própria conta, com o My Number, para receber benefícios, abono infantil e restituições de impostos',
  ),
  basis:
    '公的給付の支給等の迅速かつ確実な実施のための預貯金口座の登録等に関する法律（公金受取口座登録法） 第3条',
  department: '市民課 マイナンバー係',
  myNumber: { basis: '公金受取口座登録法 第3条（個人番号による口座の登録）、番号法 第9条' },
  // The 申出 is the resident's own consent to register: it is signed on its own.
  signature: 'procedure',
  fields: [
    { name: 'kind', spec: kind, required: true },
    { name: 'myNumber', spec: applicantMyNumber, required: true },
    { name: 'name', spec: applicantName, required: true },
    { name: 'nameKana', spec: applicantNameKana, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'postalCode', spec: currentPostalCode, required: true },
    { name: 'address', spec: currentAddress, required: true },
    { name: 'phone', spec: phone, required: true },
    ...requiredFields(BANK_SPECS),
    { name: 'consent', spec: consent, required: true },
  ],
  rules: [
    {
      id: 'kokin-koza-holder-is-applicant',
      fields: ['holderKana', 'nameKana'],
      check: (v) => {
        const kana = stringValue(v, 'nameKana');
        const holder = stringValue(v, 'holderKana');
        const half = toHalfWidthKana(kana.replace(/\u3000/gu, ' '));
        // A フリガナ with a letter that has no half-width form (ヰ, ヱ) cannot be compared by
        // machine; the field check on the holder already asks staff to follow the bank.
        if (!half.ok) return undefined;
        // Compared as 全銀 data holds names (catalogue A's rule): no spaces, small kana as capitals.
        return holderMatchesKana(holder, kana)
          ? undefined
          : `公金受取口座は申出者本人の名義の口座だけを登録できます（家族の名義は不可）。口座名義「${holder}」が、申出者のフリガナ「${kana}」の半角カナ「${half.value}」と一致しません。通帳の名義を確認し、本人名義の口座を入力してください。`;
      },
    },
    {
      id: 'kokin-koza-consent',
      fields: ['consent'],
      check: (v) =>
        stringValue(v, 'consent') === 'agree'
          ? undefined
          : '登録には、口座を公金受取口座として登録し給付のため提供することへの同意が必要です。同意いただけない場合は、この申出は受け付けられません（申出を取り消してください）。',
    },
    {
      // ゆうちょ銀行: the 記号・番号 of the passbook become 店番・口座番号 for transfers. For 通常貯金
      // the 店番 is the 2nd and 3rd digits of the 記号 followed by 8; there is no 貯蓄 type.
      id: 'kokin-koza-yucho',
      fields: ['branchCode', 'accountType'],
      check: (v) => {
        if (stringValue(v, 'bankCode') !== YUCHO_BANK_CODE) return undefined;
        const type = stringValue(v, 'accountType');
        if (type === 'chochiku')
          return 'ゆうちょ銀行の預金種目は「普通」（通常貯金）か「当座」（振替口座）です。預金種目を直してください。';
        if (type === 'futsu' && !stringValue(v, 'branchCode').endsWith('8'))
          return 'ゆうちょ銀行の通常貯金の支店コード（店番）は末尾が8です。通帳の記号（5桁）の2・3桁目に8を付けた3桁を入力してください（例：記号12340 → 238）。';
        return undefined;
      },
    },
  ],
  attachments: [
    {
      id: 'tsucho',
      name: text(
        '{通帳|つうちょう}またはキャッシュカード（{口座|こうざ}の{確認|かくにん}）',
        '{通帳|つうちょう}かキャッシュカード',
        'Bankbook or cash card (to check the account)',
        '存折或银行卡（确认账户）',
        '통장 또는 현금카드(계좌 확인)',
        'Sổ ngân hàng hoặc thẻ rút tiền (để kiểm tra tài khoản)',
        'Caderneta ou cartão do banco (para conferir a conta)',
      ),
      omittableByLinkage: false,
    },
    {
      id: 'honnin-kakunin',
      name: text(
        '{本人確認書類|ほんにんかくにんしょるい}（マイナンバーカード）',
        'マイナンバーカード',
        'Proof of identity (My Number Card)',
        '身份证明文件（个人编号卡）',
        '본인확인 서류(마이넘버카드)',
        'Giấy tờ tùy thân (thẻ My Number)',
        'Documento de identidade (Cartão My Number)',
      ),
      omittableByLinkage: false,
      when: 'カードがない場合は個人番号を確認できる書類と写真付きの身分証明書',
    },
  ],
  print: {
    title: '公金受取口座 登録・変更 申出書',
    addressee: '内閣総理大臣（デジタル庁） あて（市区町村長経由）',
    pages: [
      {
        sections: [
          fieldSection('申出の区分', 'kind'),
          {
            heading: '申出者',
            rows: [
              [
                { field: 'myNumber', span: 6, label: '個人番号' },
                { field: 'birthDate', span: 6 },
              ],
              NAME_ROW,
              postalAddressRow(),
              [
                { field: 'phone', span: 6 },
                { text: '', span: 6 },
              ],
            ],
          },
          {
            heading: '登録する口座（申出者本人の名義に限ります）',
            rows: [
              [
                { field: 'bankName', span: 8 },
                { field: 'bankCode', span: 4 },
              ],
              [
                { field: 'branchName', span: 8 },
                { field: 'branchCode', span: 4 },
              ],
              [
                { field: 'accountType', span: 4 },
                { field: 'accountNumber', span: 8 },
              ],
              [{ field: 'holderKana', span: 12 }],
            ],
          },
          {
            heading: '同意事項',
            rows: [
              [
                {
                  field: 'consent',
                  span: 12,
                  label: '公金受取口座として登録し、給付金等の支給のため行政機関等に提供することに同意します',
                },
              ],
              signatureRow('申出者 署名'),
            ],
          },
        ],
      },
    ],
    footnote: '公金受取口座登録法に基づき、上記の口座を公金受取口座として登録（変更）することを申し出ます。',
  },
};
