// Test and demo residents for the card emulator. All FICTIONAL: placeholder names (山田　太郎
// style), addresses marked 架空 where they are invented, My Numbers made of repeated digits that
// merely pass the check digit. Never put a real person's data here.
// Each persona exercises something a real card does: the cards.md §1.6 fixture layout (yamada),
// an 81 xx outer length (suzuki), an 82 xx xx length and a file over 256 bytes (tanaka),
// the first day of 平成 (takahashi), a 令和 birth (suzuki), an expired card (ito), a long name
// with characters outside JIS X 0208 and Shift_JIS (yoshida).
import type { CollationBParts } from '../collation-b.ts';

export interface Persona {
  /** Stable id for the demo picker and tests. */
  readonly id: string;
  /** What the demo picker shows. */
  readonly label: string;
  /** 氏名: family name, U+3000, given name. */
  readonly name: string;
  /** 住所 with full-width block digits, as the card stores it. */
  readonly address: string;
  /** 生年月日 'YYYY-MM-DD'. */
  readonly birthDate: string;
  /** 性別 (JIS X 0303): 1 male, 2 female. */
  readonly sex: '1' | '2';
  /** Gregorian year of the 有効期限 printed on the card. */
  readonly cardExpiryYear: number;
  /** セキュリティコード printed on the card face. */
  readonly securityCode: string;
  /** 券面事項入力補助用暗証番号 (4 digits). */
  readonly pin: string;
  /** 個人番号: 12 digits, valid check digit, obviously not a real number. */
  readonly myNumber: string;
  /** 全国地方公共団体コード of the issuing municipality (5 digits), in the 共通AP record (§1.10). */
  readonly municipalityCode?: string;
}

export const PERSONAS: readonly Persona[] = [
  {
    id: 'yamada-taro',
    label: '山田　太郎（昭和生まれ・標準的なカード）',
    name: '山田　太郎',
    address: '東京都千代田区霞が関１丁目２番１３号',
    birthDate: '1980-02-17', // 昭和55年: the cards.md §1.7 example (照合番号B 55021720352285)
    sex: '1',
    cardExpiryYear: 2035,
    securityCode: '2285',
    pin: '1234',
    myNumber: '111111111118',
    municipalityCode: '13101',
  },
  {
    id: 'sato-hanako',
    label: '佐藤　花子（平成生まれ）',
    name: '佐藤　花子',
    address: '大阪府大阪市北区中之島１丁目３番２０号',
    birthDate: '1992-08-05', // 平成4年
    sex: '2',
    cardExpiryYear: 2033,
    securityCode: '4711',
    pin: '5678',
    myNumber: '222222222225',
    municipalityCode: '27127',
  },
  {
    id: 'suzuki-hinata',
    label: '鈴木　ひなた（令和生まれの子ども・長い住所）',
    name: '鈴木　ひなた',
    address: '北海道札幌市中央区北一条西２丁目１番地　架空テストレジデンス札幌中央１２０４号室',
    birthDate: '2020-02-24', // 令和2年 (cards.md §1.7: 020224)
    sex: '2',
    cardExpiryYear: 2030, // under 18: 5 years
    securityCode: '3141',
    pin: '2468',
    myNumber: '555555555557',
    municipalityCode: '01101',
  },
  {
    id: 'tanaka-ichiro',
    label: '田中　一郎（昭和初期生まれ・とても長い住所）',
    name: '田中　一郎',
    address:
      '京都府京都市下京区烏丸通七条下る東塩小路町７２１番地の１　架空テスト京都駅前グランドレジデンス烏丸七条イースト館２０階２００１号室（見本用の架空住所）',
    birthDate: '1935-11-03', // 昭和10年
    sex: '1',
    cardExpiryYear: 2031,
    securityCode: '8090',
    pin: '1357',
    myNumber: '123456789018',
    municipalityCode: '26106',
  },
  {
    id: 'takahashi-ken',
    label: '高橋　健（平成元年1月8日生まれ）',
    name: '高橋　健',
    address: '福岡県福岡市中央区天神１丁目８番１号',
    birthDate: '1989-01-08', // 平成元年1月8日, the first day of 平成: 照合番号B starts 010108
    sex: '1',
    cardExpiryYear: 2034,
    securityCode: '6502',
    pin: '9753',
    myNumber: '987654321093',
    municipalityCode: '40133',
  },
  {
    id: 'ito-sakura',
    label: '伊藤　さくら（有効期限切れのカード）',
    name: '伊藤　さくら',
    address: '愛知県名古屋市中区三の丸３丁目１番１号',
    birthDate: '1975-06-30', // 昭和50年
    sex: '2',
    cardExpiryYear: 2024, // expired: the UI warns before asking for anything (card-expiry.ts)
    securityCode: '5820',
    pin: '8642',
    myNumber: '333333333332',
    municipalityCode: '23106',
  },
  {
    id: 'yoshida-takaemon',
    label: '𠮷田　髙右衛門之丞（外字に近い字・長い氏名）',
    // 𠮷 (U+20BB7) lies outside JIS X 0208 and Shift_JIS, 髙 outside JIS X 0208: the characters
    // that 外字 handling and legacy systems stumble on. UTF-8 on the card holds them as they are.
    name: '𠮷田　髙右衛門之丞',
    address: '京都府京都市上京区架空町通見本下る二丁目５６７番地の８９　架空コーポ見本１０２号室',
    birthDate: '1958-11-23', // 昭和33年
    sex: '1',
    cardExpiryYear: 2032,
    securityCode: '7306',
    pin: '3570',
    myNumber: '666666666664',
    municipalityCode: '26102',
  },
];

export function findPersona(id: string): Persona | undefined {
  return PERSONAS.find((p) => p.id === id);
}

/**
 * The 有効期限 printed on the card: the holder's birthday in the expiry year (a card expires on
 * the 10th, for children the 5th, birthday after issue; 2 29 births fall back to 2 28).
 */
export function cardExpiryDate(persona: Persona): string {
  const monthDay = persona.birthDate.slice(5);
  const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const adjusted = monthDay === '02-29' && !leap(persona.cardExpiryYear) ? '02-28' : monthDay;
  return `${persona.cardExpiryYear}-${adjusted}`;
}

/** The 照合番号B parts as printed on the persona's card face (for the demo's card picture). */
export function cardFace(persona: Persona): CollationBParts {
  return {
    birthDate: persona.birthDate,
    expiryYear: persona.cardExpiryYear,
    securityCode: persona.securityCode,
  };
}
