// 転入届 (住民基本台帳法 第22条): a resident moving in from another municipality, within 14 days.
// The card still shows the address the resident left, so the card address is the 前住所; staff
// type the new address (postal code fills it), the move date and the people who move together.
import { text } from '../../i18n/lang.ts';
import {
  cardAddress,
  householdHeadName,
  moveDate,
  movers,
  newAddress,
  newPostalCode,
  phone,
  relationshipToHead,
  rowsOf,
} from '../fields.ts';
import { NOTIFIER_FIELDS } from '../fields-family.ts';
import {
  BIRTH_SEX_PHONE_ROW,
  fieldSection,
  NAME_ROW,
  postalAddressRow,
  signatureSection,
} from '../layout.ts';
import { PROCEDURE_NAMES } from '../names.ts';
import type { FieldSpec, ProcedureDefinition } from '../types.ts';
import { householdRules } from '../validate.ts';

const previousHeadName: FieldSpec = {
  key: 'tennyu.previousHeadName',
  type: 'text',
  section: 'move',
  maxLength: 60,
  label: text(
    '{前住所|ぜんじゅうしょ}の{世帯主|せたいぬし}',
    '{前|まえ}の{住所|じゅうしょ}での{世帯主|せたいぬし}',
    'Head of household at the previous address',
    '原住址的户主',
    '이전 주소의 세대주',
    'Chủ hộ ở địa chỉ cũ',
    'Chefe do domicílio no endereço anterior',
  ),
};

export const tennyu: ProcedureDefinition = {
  id: 'tennyu',
  name: PROCEDURE_NAMES.tennyu,
  description: text(
    '{他|ほか}の{市区町村|しくちょうそん}から{引|ひ}っ{越|こ}してきたときの{届出|とどけで}',
    'ほかの{町|まち}から{引|ひ}っ{越|こ}してきたときに{出|だ}します',
    'Notify the city when you move here from another municipality',
    '从其他市区町村迁来时的申报',
    '다른 시구정촌에서 이사 왔을 때의 신고',
    'Khai báo khi chuyển đến từ địa phương khác',
    'Comunicação ao mudar-se de outro município',
  ),
  basis: '住民基本台帳法 第22条',
  department: '市民課 住民記録係',
  signature: 'visit',
  fields: [
    ...NOTIFIER_FIELDS,
    {
      name: 'previousAddress',
      spec: cardAddress,
      required: true,
      label: text(
        '{前住所|ぜんじゅうしょ}',
        '{前|まえ}の{住所|じゅうしょ}',
        'Previous address',
        '原住址',
        '이전 주소',
        'Địa chỉ cũ',
        'Endereço anterior',
      ),
    },
    { name: 'previousHeadName', spec: previousHeadName, required: false },
    { name: 'postalCode', spec: newPostalCode, required: true },
    { name: 'address', spec: newAddress, required: true },
    { name: 'moveDate', spec: moveDate, required: true },
    { name: 'householdHead', spec: householdHeadName, required: true },
    { name: 'relationship', spec: relationshipToHead, required: true },
    { name: 'movers', spec: movers, required: true },
    { name: 'phone', spec: phone, required: true },
  ],
  rules: [
    ...householdRules({ movers: 'movers', head: 'householdHead' }),
    {
      id: 'tennyu-late',
      fields: ['moveDate'],
      check: (v, today) =>
        typeof v.moveDate === 'string' && v.moveDate !== '' && v.moveDate > today
          ? '転入届は引っ越した後に出します。異動日が今日より後になっていないか確認してください。'
          : undefined,
    },
    {
      id: 'tennyu-applicant-moves',
      fields: ['movers'],
      check: (v) =>
        rowsOf(v, 'movers').some((r) => r.name === v.name)
          ? undefined
          : '届出人が異動する人の一覧にいません。届出人を一覧の1行目に入れてください（代理の届出は備考に記入）。',
    },
  ],
  attachments: [
    {
      id: 'tenshutsu-shomei',
      name: text(
        '{転出証明書|てんしゅつしょうめいしょ}',
        '{前|まえ}の{町|まち}でもらった{紙|かみ}（{転出証明書|てんしゅつしょうめいしょ}）',
        'Moving-out certificate from the previous municipality',
        '迁出证明书',
        '전출증명서',
        'Giấy chứng nhận chuyển đi',
        'Certificado de saída do município anterior',
      ),
      omittableByLinkage: true,
      when: 'マイナンバーカードでの特例転入（転出届をオンラインまたはカードで済ませた場合）は不要',
    },
  ],
  print: {
    title: '住民異動届（転入）',
    addressee: '市区町村長 あて',
    pages: [
      {
        sections: [
          {
            heading: '届出人',
            rows: [NAME_ROW, BIRTH_SEX_PHONE_ROW],
          },
          {
            heading: '異動の内容',
            rows: [
              [
                { field: 'moveDate', span: 4 },
                { text: '異動の種類　転入', span: 8 },
              ],
              postalAddressRow(),
              [
                { field: 'householdHead', span: 6 },
                { field: 'relationship', span: 6 },
              ],
              [{ field: 'previousAddress', span: 12 }],
              [
                { field: 'previousHeadName', span: 6 },
                { text: '', span: 6 },
              ],
            ],
          },
          fieldSection('異動する人', 'movers'),
          signatureSection('届出人 署名'),
        ],
      },
    ],
    footnote: '住民基本台帳法第22条の規定により届け出ます。',
  },
};
