// Attachments (添付書類) that several forms ask for in the same words: one definition each, so a
// document keeps one id and one 7-language name across the catalogue. A form that needs it only in
// some case adds its own `when` (`{ ...ININJO, when: '代理人が届け出る場合' }`). Documents that
// forms word differently (whose 本人確認書類, whose 住民票) stay in the form: that is the form's data.
import { text } from '../i18n/lang.ts';
import type { Attachment } from './types.ts';

/** The `when` of an identity document that the card read at the counter has already checked. */
export const CHECKED_BY_CARD_READ = '窓口でマイナンバーカードを読み取った場合は、そのカードで確認済み';

/** 本人確認書類 of the person who notifies a move (転出・転居). */
export const HONNIN_KAKUNIN: Attachment = {
  id: 'honnin-kakunin',
  name: text(
    '{本人確認書類|ほんにんかくにんしょるい}',
    '{自分|じぶん}のことがわかるカード（{運転免許証|うんてんめんきょしょう}など）',
    'Photo ID',
    '本人确认证件',
    '본인 확인 서류',
    'Giấy tờ tùy thân',
    'Documento de identidade',
  ),
  omittableByLinkage: false,
  when: CHECKED_BY_CARD_READ,
};

/** 委任状 of a 代理人, as the 住民記録・印鑑・国保 forms name it. */
export const ININJO: Attachment = {
  id: 'ininjo',
  name: text(
    '{委任状|いにんじょう}',
    '{頼|たの}まれたことがわかる{紙|かみ}（{委任状|いにんじょう}）',
    'Letter of attorney',
    '委托书',
    '위임장',
    'Giấy ủy quyền',
    'Procuração',
  ),
  omittableByLinkage: false,
};

/** 課税（所得）証明書: 情報連携 gets it when the My Number is on the form. */
export const KAZEI_SHOMEI: Attachment = {
  id: 'kazei-shomei',
  name: text(
    '{課税|かぜい}（{所得|しょとく}）{証明書|しょうめいしょ}',
    '{収入|しゅうにゅう}がわかる{証明書|しょうめいしょ}',
    'Tax (income) certificate',
    '课税（收入）证明书',
    '과세(소득) 증명서',
    'Giấy chứng nhận thuế (thu nhập)',
    'Certificado de impostos (renda)',
  ),
  omittableByLinkage: true,
};

/** The claimant's own bankbook, to check the account an allowance is paid into. */
export const CLAIMANT_TSUCHO: Attachment = {
  id: 'tsucho',
  name: text(
    '{請求者|せいきゅうしゃ}{名義|めいぎ}の{通帳|つうちょう}かキャッシュカード',
    'あなたの{名前|なまえ}の{通帳|つうちょう}かキャッシュカード',
    'Bankbook or cash card in your name',
    '申请人名义的存折或银行卡',
    '청구인 명의의 통장 또는 현금카드',
    'Sổ ngân hàng hoặc thẻ rút tiền đứng tên bạn',
    'Caderneta ou cartão bancário em seu nome',
  ),
  omittableByLinkage: false,
};

/** 旅券; the identity document of the same name (fields-family.ts idDocument) shares its words. */
export const PASSPORT: Attachment = {
  id: 'passport',
  name: text(
    '{旅券|りょけん}（パスポート）',
    'パスポート',
    'Passport',
    '护照',
    '여권',
    'Hộ chiếu',
    'Passaporte',
  ),
  omittableByLinkage: false,
};
