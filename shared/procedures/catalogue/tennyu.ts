// 転入届 (住民基本台帳法 第22条): a resident moving in from another municipality, within 14 days.
// The card still shows the address the resident left, so the card address is the 前住所; staff
// type the new address (postal code fills it), the move date and the people who move together.
import {
  applicantBirthDate,
  applicantName,
  applicantNameKana,
  applicantSex,
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
import type { FieldSpec, ProcedureDefinition } from '../types.ts';
import { householdRules } from '../validate.ts';

const previousHeadName: FieldSpec = {
  key: 'tennyu.previousHeadName',
  type: 'text',
  section: 'move',
  maxLength: 60,
  label: {
    ja: '{前住所|ぜんじゅうしょ}の{世帯主|せたいぬし}',
    'ja-easy': '{前|まえ}の{住所|じゅうしょ}での{世帯主|せたいぬし}',
    en: 'Head of household at the previous address',
    'zh-Hans': '原住址的户主',
    ko: '이전 주소의 세대주',
    vi: 'Chủ hộ ở địa chỉ cũ',
    pt: 'Chefe do domicílio no endereço anterior',
  },
};

export const tennyu: ProcedureDefinition = {
  id: 'tennyu',
  name: {
    ja: '{転入届|てんにゅうとどけ}',
    'ja-easy': 'ほかの{町|まち}から{引|ひ}っ{越|こ}してきた{届|とど}け（{転入届|てんにゅうとどけ}）',
    en: 'Moving-in notification',
    'zh-Hans': '迁入申报',
    ko: '전입신고',
    vi: 'Thông báo chuyển đến',
    pt: 'Notificação de mudança (entrada)',
  },
  description: {
    ja: '{他|ほか}の{市区町村|しくちょうそん}から{引|ひ}っ{越|こ}してきたときの{届出|とどけで}',
    'ja-easy': 'ほかの{町|まち}から{引|ひ}っ{越|こ}してきたときに{出|だ}します',
    en: 'Notify the city when you move here from another municipality',
    'zh-Hans': '从其他市区町村迁来时的申报',
    ko: '다른 시구정촌에서 이사 왔을 때의 신고',
    vi: 'Khai báo khi chuyển đến từ địa phương khác',
    pt: 'Comunicação ao mudar-se de outro município',
  },
  basis: '住民基本台帳法 第22条',
  department: '市民課 住民記録係',
  signature: 'visit',
  fields: [
    { name: 'name', spec: applicantName, required: true, label: labelNotifier() },
    { name: 'nameKana', spec: applicantNameKana, required: true },
    { name: 'birthDate', spec: applicantBirthDate, required: true },
    { name: 'sex', spec: applicantSex, required: true },
    {
      name: 'previousAddress',
      spec: cardAddress,
      required: true,
      label: {
        ja: '{前住所|ぜんじゅうしょ}',
        'ja-easy': '{前|まえ}の{住所|じゅうしょ}',
        en: 'Previous address',
        'zh-Hans': '原住址',
        ko: '이전 주소',
        vi: 'Địa chỉ cũ',
        pt: 'Endereço anterior',
      },
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
      name: {
        ja: '{転出証明書|てんしゅつしょうめいしょ}',
        'ja-easy': '{前|まえ}の{町|まち}でもらった{紙|かみ}（{転出証明書|てんしゅつしょうめいしょ}）',
        en: 'Moving-out certificate from the previous municipality',
        'zh-Hans': '迁出证明书',
        ko: '전출증명서',
        vi: 'Giấy chứng nhận chuyển đi',
        pt: 'Certificado de saída do município anterior',
      },
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
            rows: [
              [
                { field: 'name', span: 6 },
                { field: 'nameKana', span: 6 },
              ],
              [
                { field: 'birthDate', span: 4 },
                { field: 'sex', span: 2 },
                { field: 'phone', span: 6 },
              ],
            ],
          },
          {
            heading: '異動の内容',
            rows: [
              [
                { field: 'moveDate', span: 4 },
                { text: '異動の種類　転入', span: 8 },
              ],
              [
                { field: 'postalCode', span: 3 },
                { field: 'address', span: 9 },
              ],
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
          { heading: '異動する人', rows: [[{ field: 'movers', span: 12 }]] },
          { heading: '署名', rows: [[{ signature: true, span: 12, label: '届出人 署名' }]] },
        ],
      },
    ],
    footnote: '住民基本台帳法第22条の規定により届け出ます。',
  },
};

function labelNotifier() {
  return {
    ja: '{届出人|とどけでにん}{氏名|しめい}',
    'ja-easy': '{届|とど}けを{出|だ}す{人|ひと}の{名前|なまえ}',
    en: 'Name of the person notifying',
    'zh-Hans': '申报人姓名',
    ko: '신고인 성명',
    vi: 'Họ tên người khai báo',
    pt: 'Nome do declarante',
  };
}
