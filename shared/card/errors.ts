// Everything a card read can end with other than data, as values with a kind (style.md §13),
// and the one place that turns them into Japanese for staff, each with the next step.
// No kind carries a credential, a My Number or card data: errors may be shown, logged, reported.
import { swToHex } from './bytes.ts';
import { type CollationBError, collationBErrorMessage } from './collation-b.ts';

export type CardReadError =
  | { readonly kind: 'no-card' }
  /** The USB reader was unplugged (or never connected): a new connection is needed, not a retry. */
  | { readonly kind: 'reader-not-connected' }
  | { readonly kind: 'transport-failed'; readonly detail: string }
  /** The card answered SELECT of the 券面事項入力補助AP with 6A 82: not a My Number Card. */
  | { readonly kind: 'not-mynumber-card' }
  | { readonly kind: 'wrong-collation-b'; readonly triesLeft: number }
  | { readonly kind: 'collation-b-blocked' }
  /** Rejected before anything was sent to the card (no try spent). */
  | { readonly kind: 'invalid-collation-b'; readonly reason: CollationBError }
  | { readonly kind: 'security-not-satisfied' }
  | { readonly kind: 'file-not-found' }
  | { readonly kind: 'unexpected-status'; readonly sw: number }
  | { readonly kind: 'malformed-response'; readonly detail: string }
  /** 4 digits expected; nothing was sent to the card (no try spent). */
  | { readonly kind: 'invalid-pin' }
  | { readonly kind: 'wrong-pin'; readonly triesLeft: number }
  | { readonly kind: 'pin-blocked' }
  /**
   * One try left (or the caller could not tell): VERIFY was NOT sent, because a wrong entry would
   * lock the card (cards.md §1.5). Ask staff and resident, then call again with confirmLastTry.
   */
  | {
      readonly kind: 'last-try-needs-confirmation';
      readonly key: 'pin' | 'collation-b';
      readonly triesLeft: number;
    }
  /** EF 0001 is not 12 digits with a valid check digit (cards.md §1.7). The number is not returned. */
  | { readonly kind: 'my-number-invalid' }
  /**
   * A check of cards.md §1.8 failed: the data differs from what the issuer signed, or the card
   * cannot prove it is the card the data belongs to. The data is not returned.
   */
  | { readonly kind: 'data-not-authentic'; readonly reason: NotAuthenticReason };

export type NotAuthenticReason =
  | 'digest-mismatch'
  | 'certificate-signature-bad'
  | 'integrity-signature-bad'
  | 'card-key-signature-bad'
  | 'challenge-signature-bad';

const MANUAL_ENTRY = '読み取りができない場合は、本人確認書類を見ながら手入力に切り替えてください。';

export function cardErrorMessage(e: CardReadError): string {
  switch (e.kind) {
    case 'reader-not-connected':
      return 'カードリーダーが接続されていません。USBケーブルを挿し直してから「USBリーダーを接続」を押してください。読み取れない間は手入力で進めてください。';
    case 'no-card':
      return 'カードが読み取れません。カードをリーダーの上に置いてから、もう一度「読み取る」を押してください。';
    case 'transport-failed':
      return `カードリーダーとの通信に失敗しました。カードを置き直し、リーダーのケーブルを挿し直してから、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'not-mynumber-card':
      return 'マイナンバーカードではないカードが置かれています。マイナンバーカードをリーダーの上に置いてください。';
    case 'wrong-collation-b':
      // The card answered VERIFY with 63 Cx, x = tries left; the code helps a support call.
      return `照合番号Bが違います（カードの応答 ${swToHex(0x63c0 | e.triesLeft)}）。残り${e.triesLeft}回です。カード券面の生年月日・有効期限の年・セキュリティコードを確かめて入力し直してください。`;
    case 'collation-b-blocked':
      return `照合番号Bの入力を続けて間違えたため、このカードは照合番号Bで読み取れなくなっています（ロック）。解除はご本人が市区町村の窓口で初期化・再設定の手続をする必要があります。今回は本人確認書類を見ながら手入力に切り替えてください。`;
    case 'invalid-collation-b':
      return collationBErrorMessage(e.reason);
    case 'security-not-satisfied':
      return `カードの読み取りに必要な照合が済んでいません。カードを置き直し、照合番号Bを入力して、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'file-not-found':
      return `カードに必要な情報が見つかりません。カードを置き直してもう一度お試しください。${MANUAL_ENTRY}`;
    case 'unexpected-status':
      return `カードから想定外の応答がありました（コード ${swToHex(e.sw)}）。カードを置き直して、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'malformed-response':
      return `カードの応答を正しく読み取れませんでした。カードを動かさずにリーダーの中央に置き、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'invalid-pin':
      return '暗証番号は数字4桁です。カードには何も送っていません（回数は減っていません）。ご本人に入力し直してもらってください。';
    case 'wrong-pin':
      return `暗証番号が違います。残り${e.triesLeft}回です。ご本人に確かめてもらい、分からない場合は照合番号Bでの読み取りか手入力に切り替えてください。`;
    case 'pin-blocked':
      return '暗証番号を続けて間違えたため、このカードの券面事項入力補助用暗証番号はロックされています。解除はご本人が市区町村の窓口で初期化・再設定の手続をする必要があります。今回は照合番号Bでの読み取りか、本人確認書類を見ながらの手入力に切り替えてください。';
    case 'last-try-needs-confirmation':
      return lastTryMessage(e.key, e.triesLeft);
    case 'my-number-invalid':
      return `カードから読み取った個人番号が正しい形式ではありません（検査用数字の不一致など）。読み取った番号は使いません。${MANUAL_ENTRY}`;
    case 'data-not-authentic':
      return `カードのデータが発行時に署名されたものと一致しないため、読み取った内容は使いません（${e.reason}）。本人確認書類を見ながら手入力に切り替え、カードについてはご本人に市区町村の窓口へ相談するよう案内してください。`;
  }
}

// cards.md §1.5: the counter survives time and resets only on a correct entry; a locked key is
// reset by the municipality (the JPKI signature password also at a convenience-store kiosk).
function lastTryMessage(key: 'pin' | 'collation-b', triesLeft: number): string {
  const what = key === 'pin' ? '暗証番号' : '照合番号B';
  const left = triesLeft <= 0 ? '残り回数が分かりません' : `残り${triesLeft}回です`;
  return `${what}の入力は${left}。次に間違えるとカードがロックされ、ご本人が市区町村の窓口で初期化・再設定の手続をするまで読み取れなくなります（暗証番号の種類によってはコンビニのキオスク端末で再設定できるものもあります）。まだ何も送っていません。入力に自信がなければ手入力に切り替え、続ける場合はご本人に確認のうえ「最後の1回として送る」を選んでください。`;
}
