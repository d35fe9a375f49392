// Everything a card read can end with other than data, as values with a kind (style.md §13),
// and the one place that turns them into Japanese for staff, each with the next step.
// No kind carries a credential, a My Number or card data: errors may be shown, logged, reported.
import { swToHex } from './bytes.ts';
import { type CollationBError, collationBErrorMessage } from './collation-b.ts';

export type CardReadError =
  | { readonly kind: 'no-card' }
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
  | { readonly kind: 'malformed-response'; readonly detail: string };

const MANUAL_ENTRY = '読み取りができない場合は、本人確認書類を見ながら手入力に切り替えてください。';

export function cardErrorMessage(e: CardReadError): string {
  switch (e.kind) {
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
  }
}
