// 転出届 (住民基本台帳法 第24条): a resident moving out of the municipality, before the move (up to
// 14 days ahead) or within 14 days after it. The card shows the address being left; the 転出先 is
// typed. With マイナンバーカード the move may be a 特例転出 (第24条の2): no 転出証明書 is printed and
// the new municipality reads the card at the 転入届.
import { text } from '../../i18n/lang.ts';
import { HONNIN_KAKUNIN, ININJO } from '../attachments.ts';
import {
  askedWhen,
  cardAddress,
  compact,
  householdHeadName,
  moveDate,
  movers,
  newAddress,
  newPostalCode,
  option,
  phone,
  stringValue,
} from '../fields.ts';
import {
  NOTIFIER_FIELDS,
  NOTIFIER_ROLE_FIELDS,
  NOTIFIER_ROLE_PRINT_ROW,
  notifierMovesRule,
} from '../fields-family.ts';
import {
  BIRTH_SEX_PHONE_ROW,
  fieldSection,
  NAME_ROW,
  postalAddressRow,
  signatureSection,
} from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition, ProcedureValues } from '../types.ts';
import { bornBeforeRule, householdRules } from '../validate.ts';

const destination: FieldSpec = {
  key: 'tenshutsu.destination',
  type: 'choice',
  section: 'move',
  options: [
    option(
      'domestic',
      text(
        '{国内|こくない}',
        '{日本|にほん}の{中|なか}',
        'Within Japan',
        '日本国内',
        '국내',
        'Trong Nhật Bản',
        'Dentro do Japão',
      ),
    ),
    option(
      'abroad',
      text('{国外|こくがい}', '{外国|がいこく}', 'Abroad', '国外', '국외', 'Nước ngoài', 'Exterior'),
    ),
  ],
  label: text(
    '{転出先|てんしゅつさき}',
    '{引|ひ}っ{越|こ}す{先|さき}',
    'Moving to',
    '迁出地',
    '전출지',
    'Chuyển đến',
    'Destino',
  ),
};

const newHeadName: FieldSpec = {
  key: 'tenshutsu.newHeadName',
  type: 'text',
  section: 'move',
  maxLength: 60,
  label: text(
    '{転出先|てんしゅつさき}の{世帯主|せたいぬし}',
    '{新|あたら}しい{家|いえ}の{世帯主|せたいぬし}',
    'Head of household at the new address',
    '迁出地的户主',
    '전출지의 세대주',
    'Chủ hộ ở địa chỉ mới',
    'Chefe do domicílio no novo endereço',
  ),
};

const certificate: FieldSpec = {
  key: 'tenshutsu.certificate',
  type: 'choice',
  section: 'move',
  options: [
    option(
      'card',
      text(
        'マイナンバーカードで{転入|てんにゅう}する（{転出証明書|てんしゅつしょうめいしょ}なし）',
        'マイナンバーカードを{持|も}って{行|い}く（{紙|かみ}はもらわない）',
        'Move in with the My Number Card (no moving-out certificate)',
        '凭个人编号卡办理迁入（不开具迁出证明书）',
        '마이넘버카드로 전입(전출증명서 없음)',
        'Làm thủ tục chuyển đến bằng thẻ My Number (không cấp giấy chuyển đi)',
        'Registrar a chegada com o cartão My Number (sem certificado de saída)',
      ),
    ),
    option(
      'paper',
      text(
        '{転出証明書|てんしゅつしょうめいしょ}を{受|う}け{取|と}る',
        '{紙|かみ}の{転出証明書|てんしゅつしょうめいしょ}をもらう',
        'Receive a moving-out certificate',
        '领取迁出证明书',
        '전출증명서를 받음',
        'Nhận giấy chứng nhận chuyển đi',
        'Receber o certificado de saída',
      ),
    ),
  ],
  label: text(
    '{転入|てんにゅう}の{手続|てつづき}の{方法|ほうほう}',
    '{新|あたら}しい{町|まち}での{手続|てつづき}のしかた',
    'How you will register at the new municipality',
    '在新市区町村办理迁入的方式',
    '전입 절차 방법',
    'Cách làm thủ tục chuyển đến',
    'Como fará o registro no novo município',
  ),
  help: text(
    '{異動|いどう}する{人|ひと}{全員|ぜんいん}がマイナンバーカードを{持|も}っているときだけカードで{転入|てんにゅう}できます',
    '{引|ひ}っ{越|こ}す{人|ひと}がみんなカードを{持|も}っているときだけ、カードでできます',
    'Only when everyone who moves holds a My Number Card',
    '仅当所有迁移人员都持有个人编号卡时',
    '이동하는 모든 사람이 마이넘버카드를 가진 경우에만',
    'Chỉ khi tất cả người chuyển đi đều có thẻ My Number',
    'Somente quando todos que se mudam têm o cartão My Number',
  ),
};

const domestic = (v: ProcedureValues) => stringValue(v, 'destination') === 'domestic';

export const tenshutsu: ProcedureDefinition = {
  id: 'tenshutsu',
  name: PROCEDURE_NAMES.tenshutsu,
  description: text(
    '{他|ほか}の{市区町村|しくちょうそん}や{国外|こくがい}へ{引|ひ}っ{越|こ}すときの{届出|とどけで}（{引|ひ}っ{越|こ}しの14{日|か}{前|まえ}から）',
    'ほかの{町|まち}や{外国|がいこく}へ{引|ひ}っ{越|こ}すときに{出|だ}します。{引|ひ}っ{越|こ}す14{日|か}{前|まえ}から{出|だ}せます',
    'Notify the city when you move to another municipality or abroad (from 14 days before the move)',
    '迁往其他市区町村或国外时的申报（可在搬家前14天起办理）',
    '다른 시구정촌이나 해외로 이사할 때의 신고(이사 14일 전부터)',
    'Khai báo khi chuyển đến địa phương khác hoặc ra nước ngoài (từ 14 ngày trước khi chuyển)',
    'Comunicação ao mudar-se para outro município ou para o exterior (a partir de 14 dias antes)',
  ),
  basis: '住民基本台帳法 第24条（特例転出は第24条の2）',
  department: '市民課 住民記録係',
  signature: 'visit',
  fields: [
    ...NOTIFIER_FIELDS,
    ...NOTIFIER_ROLE_FIELDS,
    {
      name: 'address',
      spec: cardAddress,
      required: true,
      label: text(
        '{住所|じゅうしょ}（{転出|てんしゅつ}する{前|まえ}）',
        '{今|いま}の{住所|じゅうしょ}',
        'Current address (before the move)',
        '现住址（迁出前）',
        '현 주소(전출 전)',
        'Địa chỉ hiện tại (trước khi chuyển)',
        'Endereço atual (antes da mudança)',
      ),
    },
    {
      name: 'householdHead',
      spec: householdHeadName,
      required: true,
      label: text(
        '{現在|げんざい}の{世帯主|せたいぬし}',
        '{今|いま}の{世帯主|せたいぬし}の{名前|なまえ}',
        'Current head of household',
        '现在的户主',
        '현재 세대주',
        'Chủ hộ hiện tại',
        'Chefe do domicílio atual',
      ),
    },
    { name: 'destination', spec: destination, required: true },
    {
      name: 'postalCode',
      spec: newPostalCode,
      required: false,
      showIf: domestic,
      label: text(
        '{転出先|てんしゅつさき}の{郵便番号|ゆうびんばんごう}',
        '{引|ひ}っ{越|こ}す{先|さき}の{郵便番号|ゆうびんばんごう}',
        'Postal code of the new address',
        '迁出地的邮政编码',
        '전출지 우편번호',
        'Mã bưu điện nơi chuyển đến',
        'Código postal do novo endereço',
      ),
    },
    {
      name: 'newAddress',
      spec: newAddress,
      required: true,
      label: text(
        '{転出先|てんしゅつさき}の{住所|じゅうしょ}（{国外|こくがい}は{国名|こくめい}・{都市名|としめい}）',
        '{引|ひ}っ{越|こ}す{先|さき}の{住所|じゅうしょ}（{外国|がいこく}は{国|くに}と{町|まち}の{名前|なまえ}）',
        'New address (abroad: country and city)',
        '迁出地住址（国外填国名和城市名）',
        '전출지 주소(해외는 국가명·도시명)',
        'Địa chỉ mới (nước ngoài: tên nước và thành phố)',
        'Novo endereço (exterior: país e cidade)',
      ),
    },
    { name: 'newHeadName', spec: newHeadName, required: false },
    {
      name: 'moveDate',
      spec: moveDate,
      required: true,
      label: text(
        '{転出予定日|てんしゅつよていび}',
        '{引|ひ}っ{越|こ}す{日|ひ}',
        'Date of the move (planned)',
        '预定迁出日',
        '전출 예정일',
        'Ngày dự định chuyển đi',
        'Data prevista da mudança',
      ),
    },
    ...askedWhen(domestic, { certificate }),
    { name: 'movers', spec: movers, required: true },
    { name: 'phone', spec: phone, required: true },
  ],
  rules: [
    ...householdRules({ movers: 'movers', head: 'householdHead' }),
    notifierMovesRule('tenshutsu-notifier-moves'),
    {
      id: 'tenshutsu-new-address-differs',
      fields: ['newAddress'],
      check: (v) =>
        compact(stringValue(v, 'newAddress')) === compact(stringValue(v, 'address'))
          ? '転出先の住所が今の住所と同じです。引っ越し先の住所を入力してください。'
          : undefined,
    },
    bornBeforeRule('tenshutsu-movers-born', { rows: 'movers', date: 'moveDate', dateName: '転出予定日' }),
  ],
  attachments: [
    HONNIN_KAKUNIN,
    { ...ININJO, when: '代理人が届け出る場合' },
    {
      id: 'mynumber-cards',
      name: text(
        '{異動|いどう}する{人|ひと}{全員|ぜんいん}のマイナンバーカード',
        '{引|ひ}っ{越|こ}す{人|ひと}みんなのマイナンバーカード',
        'My Number Cards of everyone who moves',
        '所有迁移人员的个人编号卡',
        '이동하는 모든 사람의 마이넘버카드',
        'Thẻ My Number của tất cả người chuyển đi',
        'Cartões My Number de todos que se mudam',
      ),
      omittableByLinkage: false,
      when: 'マイナンバーカードで転入する場合（特例転出）。国外転出ではカードを返納する',
    },
    {
      id: 'kokuho-hokensho',
      name: text(
        '{国民健康保険|こくみんけんこうほけん}の{資格確認書|しかくかくにんしょ}など',
        '{国民健康保険|こくみんけんこうほけん}の{紙|かみ}やカード',
        'National Health Insurance certificate',
        '国民健康保险资格确认书等',
        '국민건강보험 자격확인서 등',
        'Giấy xác nhận Bảo hiểm Y tế Quốc dân',
        'Certificado do Seguro Nacional de Saúde',
      ),
      omittableByLinkage: false,
      when: '国民健康保険に加入している場合（資格喪失の届出に使う）',
    },
  ],
  print: {
    title: '住民異動届（転出）',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '届出人',
            rows: [NAME_ROW, BIRTH_SEX_PHONE_ROW, NOTIFIER_ROLE_PRINT_ROW],
          },
          {
            heading: '異動の内容',
            rows: [
              [
                { field: 'moveDate', span: 4 },
                { text: '異動の種類　転出', span: 4 },
                { field: 'destination', span: 4 },
              ],
              [{ field: 'address', span: 12 }],
              [
                { field: 'householdHead', span: 6 },
                { field: 'certificate', span: 6 },
              ],
              postalAddressRow('newAddress'),
              [
                { field: 'newHeadName', span: 6 },
                { text: '', span: 6 },
              ],
            ],
          },
          fieldSection('異動する人', 'movers'),
          signatureSection('届出人 署名'),
        ],
      },
    ],
    footnote: '住民基本台帳法第24条の規定により届け出ます。',
  },
};
