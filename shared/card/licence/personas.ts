// Test and demo licence holders for the licence emulator. All FICTIONAL: names made of words
// (免許 太郎, 期限 切子), licence numbers of repeated digits starting 9900, addresses of public
// buildings or marked 架空. Never put a real person's data here.
// Each persona exercises something a real card does: a 外字 in the name (yoshino: 𠮷 is not in
// JIS X 0208 and is stored as 外字1, cards.md §2.3), era boundaries in the dates (昭和64年1月7日,
// 平成元年1月8日, 平成31年4月30日, 令和元年5月1日, 大正15年12月24日), a long address and four
// conditions (nagai), and an expired licence (kigen).
import type { LicenceClassDate } from './entries.ts';

export interface LicencePersona {
  readonly id: string;
  readonly label: string;
  /** 氏名: family name, U+3000, given name, in Unicode (外字 characters as themselves). */
  readonly name: string;
  readonly nameKana?: string;
  readonly birthDate: string;
  readonly address: string;
  readonly issueDate: string;
  /** 有効期間の末日. */
  readonly expiryDate: string;
  /** 12 digits. cards.md gives no check-digit rule, so none is built in. */
  readonly licenceNumber: string;
  readonly referenceNumber?: string;
  readonly colour: string;
  readonly conditions: readonly string[];
  readonly commission: string;
  readonly classes: readonly LicenceClassDate[];
  /** 暗証番号1 / 暗証番号2: 4 digits each. */
  readonly pin1: string;
  readonly pin2: string;
  /** Characters the issuer registered as 外字 n (1–7): stored as FF Fn (§2.3). */
  readonly gaiji?: ReadonlyMap<string, number>;
}

export const LICENCE_PERSONAS: readonly LicencePersona[] = [
  {
    id: 'menkyo-taro',
    label: '免許　太郎（優良・眼鏡等・標準的な免許証）',
    name: '免許　太郎',
    nameKana: 'メンキョ　タロウ',
    birthDate: '1975-04-01', // 昭和50年
    address: '東京都千代田区霞が関２丁目１番２号',
    issueDate: '2023-03-10', // 令和5年
    expiryDate: '2028-05-01', // 令和10年
    licenceNumber: '990000000011',
    referenceNumber: '0123',
    colour: '優良',
    conditions: ['眼鏡等'],
    commission: '東京都公安委員会',
    classes: [
      { licenceClass: '普通', date: '1995-06-20' },
      { licenceClass: '普自二', date: '1996-08-01' },
    ],
    pin1: '1234',
    pin2: '5678',
  },
  {
    id: 'yoshino-tameshiko',
    label: '𠮷野　試子（氏名に外字・平成元年1月8日生まれ）',
    name: '𠮷野　試子',
    nameKana: 'ヨシノ　タメシコ',
    birthDate: '1989-01-08', // 平成元年1月8日, the first day of 平成
    address: '大阪府大阪市北区中之島１丁目３番２０号',
    issueDate: '2022-01-10',
    expiryDate: '2027-02-08',
    licenceNumber: '990000000022',
    colour: '一般',
    conditions: [],
    commission: '大阪府公安委員会',
    classes: [
      { licenceClass: '普通', date: '2008-03-01' },
      { licenceClass: '中型', date: '2019-04-30' }, // 平成31年4月30日, the last day of 平成
      { licenceClass: '大特', date: '2019-05-01' }, // 令和元年5月1日
    ],
    pin1: '2580',
    pin2: '0000',
    gaiji: new Map([['𠮷', 1]]),
  },
  {
    id: 'nagai-sumiko',
    label: '長井　住子（とても長い住所・条件4つ・昭和64年生まれ）',
    name: '長井　住子',
    birthDate: '1989-01-07', // 昭和64年1月7日, the last day of 昭和
    address:
      '北海道札幌市中央区北一条西２丁目１番地　架空テストレジデンス札幌中央ステーションフロント東館１２０４号室（見本用の架空住所）',
    issueDate: '2024-02-15',
    expiryDate: '2029-02-07',
    licenceNumber: '990000000033',
    colour: '新規',
    conditions: ['眼鏡等', 'ＡＴ車に限る', '補聴器', '準中型車は準中型車（５ｔ）に限る'],
    commission: '北海道札幌方面公安委員会',
    classes: [{ licenceClass: '普通', date: '2024-02-15' }],
    pin1: '1357',
    pin2: '2468',
  },
  {
    id: 'kigen-kireko',
    label: '期限　切子（有効期限切れ・大正生まれ）',
    name: '期限　切子',
    nameKana: 'キゲン　キレコ',
    birthDate: '1926-12-24', // 大正15年12月24日, the last day of 大正
    address: '福岡県福岡市中央区天神１丁目８番１号',
    issueDate: '2021-11-20',
    expiryDate: '2024-12-24', // 令和6年: expired at any counter date after it
    licenceNumber: '990000000044',
    colour: '一般',
    conditions: ['眼鏡等'],
    commission: '福岡県公安委員会',
    classes: [
      { licenceClass: '普通', date: '1960-05-10' }, // 昭和35年
      { licenceClass: '原付', date: '1958-01-20' },
    ],
    pin1: '4321',
    pin2: '8765',
  },
];

export function findLicencePersona(id: string): LicencePersona | undefined {
  return LICENCE_PERSONAS.find((p) => p.id === id);
}
