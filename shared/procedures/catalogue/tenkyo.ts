// 転居届 (住民基本台帳法 第23条): a move within the municipality, notified within 14 days after it.
// The card still shows the 旧住所; staff type the 新住所 (the postal code fills it). The card's
// address is rewritten at the same counter (券面記載事項の変更), so the cards are brought along.
import { text } from '../../i18n/lang.ts';
import { HONNIN_KAKUNIN, ININJO } from '../attachments.ts';
import {
  cardAddress,
  compact,
  householdHeadName,
  moveDate,
  movers,
  newAddress,
  newPostalCode,
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
import type { FieldSpec, ProcedureDefinition } from '../types.ts';
import { bornBeforeRule, householdRules } from '../validate.ts';

const oldHeadName: FieldSpec = {
  key: 'tenkyo.oldHeadName',
  type: 'text',
  section: 'move',
  maxLength: 60,
  label: text(
    '{旧住所|きゅうじゅうしょ}の{世帯主|せたいぬし}',
    '{前|まえ}の{住所|じゅうしょ}での{世帯主|せたいぬし}',
    'Head of household at the old address',
    '旧住址的户主',
    '이전 주소의 세대주',
    'Chủ hộ ở địa chỉ cũ',
    'Chefe do domicílio no endereço antigo',
  ),
};

export const tenkyo: ProcedureDefinition = {
  id: 'tenkyo',
  name: PROCEDURE_NAMES.tenkyo,
  description: text(
    '{同|おな}じ{市区町村|しくちょうそん}の{中|なか}で{引|ひ}っ{越|こ}したときの{届出|とどけで}（{引|ひ}っ{越|こ}してから14{日|か}{以内|いない}）',
    'この{町|まち}の{中|なか}で{引|ひ}っ{越|こ}したときに{出|だ}します。{引|ひ}っ{越|こ}してから14{日|か}のうちに{出|だ}してください',
    'Notify the city within 14 days after moving to another address in the same municipality',
    '在同一市区町村内搬家后14天内的申报',
    '같은 시구정촌 안에서 이사한 후 14일 이내의 신고',
    'Khai báo trong vòng 14 ngày sau khi chuyển nhà trong cùng địa phương',
    'Comunicação até 14 dias após mudar-se dentro do mesmo município',
  ),
  basis: '住民基本台帳法 第23条',
  department: '市民課 住民記録係',
  signature: 'visit',
  fields: [
    ...NOTIFIER_FIELDS,
    ...NOTIFIER_ROLE_FIELDS,
    {
      name: 'oldAddress',
      spec: cardAddress,
      required: true,
      label: text(
        '{旧住所|きゅうじゅうしょ}',
        '{前|まえ}の{住所|じゅうしょ}',
        'Old address',
        '旧住址',
        '이전 주소',
        'Địa chỉ cũ',
        'Endereço antigo',
      ),
    },
    { name: 'oldHeadName', spec: oldHeadName, required: false },
    {
      name: 'postalCode',
      spec: newPostalCode,
      required: true,
      label: text(
        '{新住所|しんじゅうしょ}の{郵便番号|ゆうびんばんごう}',
        '{新|あたら}しい{住所|じゅうしょ}の{郵便番号|ゆうびんばんごう}',
        'Postal code of the new address',
        '新住址的邮政编码',
        '새 주소의 우편번호',
        'Mã bưu điện của địa chỉ mới',
        'Código postal do novo endereço',
      ),
    },
    {
      name: 'newAddress',
      spec: newAddress,
      required: true,
      label: text(
        '{新住所|しんじゅうしょ}',
        '{新|あたら}しい{住所|じゅうしょ}',
        'New address',
        '新住址',
        '새 주소',
        'Địa chỉ mới',
        'Novo endereço',
      ),
    },
    {
      name: 'moveDate',
      spec: moveDate,
      required: true,
      label: text(
        '{転居|てんきょ}した{日|ひ}',
        '{引|ひ}っ{越|こ}した{日|ひ}',
        'Date of the move',
        '迁居日期',
        '전거일',
        'Ngày chuyển nhà',
        'Data da mudança',
      ),
    },
    {
      name: 'householdHead',
      spec: householdHeadName,
      required: true,
      label: text(
        '{新|あたら}しい{世帯主|せたいぬし}',
        '{新|あたら}しい{家|いえ}の{世帯主|せたいぬし}の{名前|なまえ}',
        'Head of household at the new address',
        '新住址的户主',
        '새 주소의 세대주',
        'Chủ hộ ở địa chỉ mới',
        'Chefe do domicílio no novo endereço',
      ),
    },
    { name: 'movers', spec: movers, required: true },
    { name: 'phone', spec: phone, required: true },
  ],
  rules: [
    ...householdRules({ movers: 'movers', head: 'householdHead' }),
    {
      id: 'tenkyo-after-move',
      fields: ['moveDate'],
      check: (v, today) =>
        stringValue(v, 'moveDate') > today
          ? '転居届は引っ越した後に出します。転居した日が今日より後になっていないか確認してください（引っ越し前なら、引っ越してから届け出てください）。'
          : undefined,
    },
    notifierMovesRule('tenkyo-notifier-moves'),
    {
      id: 'tenkyo-new-address-differs',
      fields: ['newAddress'],
      check: (v) =>
        compact(stringValue(v, 'newAddress')) === compact(stringValue(v, 'oldAddress'))
          ? '新住所が旧住所と同じです。引っ越した先の住所を入力してください。'
          : undefined,
    },
    bornBeforeRule('tenkyo-movers-born', { rows: 'movers', date: 'moveDate', dateName: '転居した日' }),
  ],
  attachments: [
    HONNIN_KAKUNIN,
    { ...ININJO, when: '代理人が届け出る場合' },
    {
      id: 'cards',
      name: text(
        '{異動|いどう}する{人|ひと}のマイナンバーカード・{在留|ざいりゅう}カード',
        '{引|ひ}っ{越|こ}す{人|ひと}のマイナンバーカードと{在留|ざいりゅう}カード',
        'My Number Cards and residence cards of the people who move',
        '迁居人员的个人编号卡和在留卡',
        '이동하는 사람의 마이넘버카드·재류카드',
        'Thẻ My Number và thẻ cư trú của người chuyển nhà',
        'Cartões My Number e de residência de quem se muda',
      ),
      omittableByLinkage: false,
      when: '持っている場合（券面の住所を書き換えるため）',
    },
  ],
  print: {
    title: '住民異動届（転居）',
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
                { text: '異動の種類　転居', span: 8 },
              ],
              postalAddressRow('newAddress'),
              [
                { field: 'householdHead', span: 6 },
                { field: 'oldHeadName', span: 6 },
              ],
              [{ field: 'oldAddress', span: 12 }],
            ],
          },
          fieldSection('異動する人', 'movers'),
          signatureSection('届出人 署名'),
        ],
      },
    ],
    footnote: '住民基本台帳法第23条の規定により届け出ます。',
  },
};
