// Everything a driver's licence read can end with other than data, as values with a kind
// (style.md §13), and the one place that turns them into Japanese for staff with the next step.
// The transport/status kinds are the CardReadError ones (errors.ts); the PIN kinds are the
// licence's own (cards.md §2.2: PIN1, 3 tries, unlocked by the police or a licence centre).
// No kind carries a PIN or card data: errors may be shown, logged, reported.
import { swToHex } from '../bytes.ts';
import type { CardReadError } from '../errors.ts';
import { describeEntriesError, type LicenceEntriesError } from './entries.ts';

export type LicenceReadError =
  | { readonly kind: 'no-card' }
  | { readonly kind: 'reader-not-connected' }
  | { readonly kind: 'transport-failed'; readonly detail: string }
  | { readonly kind: 'security-not-satisfied' }
  | { readonly kind: 'file-not-found' }
  | { readonly kind: 'unexpected-status'; readonly sw: number }
  | { readonly kind: 'malformed-response'; readonly detail: string }
  /** SELECT MF, the common data EF or DF1 failed, or the common data is not a licence's. */
  | { readonly kind: 'not-drivers-licence' }
  /** Rejected before anything was sent (no try spent). */
  | { readonly kind: 'invalid-pin1' }
  | { readonly kind: 'wrong-pin1'; readonly triesLeft: number }
  | { readonly kind: 'pin1-blocked' }
  /** One try left and the caller did not pass confirmLastTry: no VERIFY was sent. */
  | { readonly kind: 'pin1-last-try'; readonly triesLeft: number }
  | { readonly kind: 'invalid-entries'; readonly reason: LicenceEntriesError }
  /** The `today` option is not a YYYY-MM-DD date (a caller bug; nothing was sent). */
  | { readonly kind: 'invalid-today' };

/** A shared-stack error (iso7816.ts, session.ts) in licence terms. */
export function fromCardReadError(e: CardReadError): LicenceReadError {
  switch (e.kind) {
    case 'no-card':
    case 'reader-not-connected':
    case 'security-not-satisfied':
    case 'file-not-found':
      return { kind: e.kind };
    case 'transport-failed':
    case 'malformed-response':
      return { kind: e.kind, detail: e.detail };
    case 'unexpected-status':
      return { kind: 'unexpected-status', sw: e.sw };
    default:
      // My Number kinds never arise on this path; kinds added to CardReadError later land here.
      return { kind: 'malformed-response', detail: `card error ${e.kind}` };
  }
}

const MANUAL_ENTRY = '読み取りができない場合は、免許証を見ながら手入力に切り替えてください。';
const UNLOCK_WHERE = '警察署または運転免許センター';

export function licenceErrorMessage(e: LicenceReadError): string {
  switch (e.kind) {
    case 'no-card':
      return 'カードが読み取れません。運転免許証をリーダーの上に置いてから、もう一度「読み取る」を押してください。';
    case 'reader-not-connected':
      return `カードリーダーが接続されていません。USBケーブルを挿し直してから「USBリーダーを接続」を押してください。${MANUAL_ENTRY}`;
    case 'transport-failed':
      return `カードリーダーとの通信に失敗しました。免許証を置き直し、リーダーのケーブルを挿し直してから、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'not-drivers-licence':
      return 'ICチップ付きの運転免許証ではないカードが置かれています。運転免許証をリーダーの上に置いてください（マイナンバーカードは「マイナンバーカードを読み取る」から）。';
    case 'invalid-pin1':
      return '暗証番号1は4桁の数字です。ご本人にもう一度入力してもらってください（カードには何も送っていないので、残り回数は減っていません）。';
    case 'wrong-pin1': {
      const warning =
        e.triesLeft === 1
          ? `あと1回間違えると暗証番号がロックされ、解除には${UNLOCK_WHERE}での手続が必要になります。`
          : '';
      return `暗証番号1が違います（カードの応答 ${swToHex(0x63c0 | e.triesLeft)}）。残り${e.triesLeft}回です。${warning}ご本人に暗証番号1（免許証の交付時に決めた4桁）を確かめてもらってから入力し直してください。`;
    }
    case 'pin1-last-try':
      return `暗証番号1の残り回数が1回です。次に間違えると免許証の暗証番号がロックされ、解除にはご本人が${UNLOCK_WHERE}で手続をする必要があります。ご本人が暗証番号に確信を持っている場合だけ、確認のうえ「最後の1回で読み取る」を選んでください。それ以外は免許証を見ながら手入力に切り替えてください。`;
    case 'pin1-blocked':
      return `免許証の暗証番号1がロックされています（続けて3回間違えたため）。解除はご本人が${UNLOCK_WHERE}で手続をする必要があります。今回は免許証を見ながら手入力に切り替えてください。`;
    case 'security-not-satisfied':
      return `免許証の読み取りに必要な暗証番号1の照合が済んでいません。免許証を置き直し、暗証番号1を入力して、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'file-not-found':
      return `免許証に必要な情報が見つかりません。免許証を置き直してもう一度お試しください。${MANUAL_ENTRY}`;
    case 'unexpected-status':
      return `免許証から想定外の応答がありました（コード ${swToHex(e.sw)}）。免許証を置き直して、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'malformed-response':
      return `免許証の応答を正しく読み取れませんでした。免許証を動かさずにリーダーの中央に置き、もう一度「読み取る」を押してください。${MANUAL_ENTRY}`;
    case 'invalid-entries':
      return `免許証の記載事項の形式が想定と違うため読み取れませんでした（${describeEntriesError(e.reason)}）。${MANUAL_ENTRY}`;
    case 'invalid-today':
      return '端末の日付を確認できないため、有効期限を判定できません。端末の日付設定を確かめてから、もう一度「読み取る」を押してください。';
  }
}

/** For a licence read that succeeded but needs a look at the card face. */
export const LICENCE_NOTICE = {
  expired:
    'この免許証は有効期間の末日を過ぎています。本人確認書類として扱えるかどうか、手続の決まりを確認してください。',
  gaiji:
    '免許証の文字の一部（〓の箇所）はカードに外字として記録されており、読み取れません。券面の表記を見て、正しい字を入力してください。',
} as const;
