// What the RC-S300 driver can fail with, as values with a kind (style.md §13), and the one place
// that turns them into Japanese for staff with the next step. No kind carries message or APDU
// bytes (they may carry a 照合番号B or a PIN); `detail` is a short machine description for support.
import type { UsbFailure } from '../rcs380/usb-port.ts';
import type { Rcs300Operation } from './pseudo-apdu.ts';

/** Where the cards.md §4.2 material runs out (see driver.ts and §9 item 1). */
export type UnsupportedStep =
  /** No Type B polling/activation for the RC-S300 is documented; both routes are UNVERIFIED. */
  | 'type-b-activation'
  /** No way to carry an APDU to a Type B card over interface 1 is confirmed. */
  | 'apdu-exchange';

export type Rcs300Failure =
  | { readonly kind: 'reader-unplugged' }
  /** Interface 1 held by another driver (Windows without WinUSB, cards.md §4.3). */
  | { readonly kind: 'reader-busy'; readonly detail: string }
  | { readonly kind: 'reader-denied'; readonly detail: string }
  | { readonly kind: 'usb-transfer-failed'; readonly detail: string }
  /** A malformed reply, a reply to another message (seq), or a payload without SW1 SW2. */
  | { readonly kind: 'reader-protocol'; readonly detail: string }
  /** The reply header's CCID bStatus says the command failed (UNVERIFIED reading, ccid-frame.ts). */
  | { readonly kind: 'reader-status'; readonly status: number; readonly error: number }
  /** The reader answered a pseudo-APDU with a status word other than 90 00. */
  | { readonly kind: 'reader-refused'; readonly operation: Rcs300Operation; readonly sw: number }
  /** No reply within the watchdog time. */
  | { readonly kind: 'reader-not-responding' }
  | { readonly kind: 'not-connected' }
  /** The documented part is done; what comes next is not known without hardware (cards.md §4.2, §9). */
  | { readonly kind: 'unsupported'; readonly step: UnsupportedStep };

export function fromUsbFailure(f: UsbFailure): Rcs300Failure {
  switch (f.kind) {
    case 'unplugged':
      return { kind: 'reader-unplugged' };
    case 'busy':
      return { kind: 'reader-busy', detail: f.detail };
    case 'denied':
      return { kind: 'reader-denied', detail: f.detail };
    case 'transfer-failed':
      return { kind: 'usb-transfer-failed', detail: f.detail };
  }
}

export const RCS300_UNSUPPORTED_MESSAGE =
  'RC-S300 でのマイナンバーカード読み取りは実機で確認できていません（実験的対応）。RC-S380 をお使いください。';

const RECONNECT = 'USBケーブルを挿し直してから「USBリーダーを接続」を押してください。';

export function rcs300ErrorMessage(f: Rcs300Failure): string {
  switch (f.kind) {
    case 'reader-unplugged':
      return `カードリーダーが見つかりません。${RECONNECT}`;
    case 'reader-busy':
      return (
        'カードリーダーを別のドライバーまたはソフトウェアが使用中のため、ブラウザーから使えません。' +
        'Windows では Zadig で RC-S300 のインターフェース 1 に WinUSB ドライバーを割り当ててください（Sony のソフトウェアは使えなくなります）。' +
        'Linux では pcscd を止めると使える場合があります（未確認）。' +
        `その後、${RECONNECT}`
      );
    case 'reader-denied':
      return 'ブラウザーがカードリーダーの使用を許可しませんでした。この画面を https で開いているか確かめ、「USBリーダーを接続」を押して RC-S300 を選んでください。';
    case 'usb-transfer-failed':
      return `カードリーダーとのUSB通信に失敗しました。${RECONNECT}`;
    case 'reader-protocol':
      return `カードリーダーから想定外の応答がありました。${RECONNECT}`;
    case 'reader-status':
      return `カードリーダーが命令を処理できませんでした（状態 ${hex2(f.status)}・エラー ${hex2(f.error)}）。${RECONNECT}`;
    case 'reader-refused':
      return `カードリーダーが命令を受け付けませんでした（応答 ${f.sw.toString(16).toUpperCase().padStart(4, '0')}）。${RECONNECT}`;
    case 'reader-not-responding':
      return `カードリーダーが応答しません。${RECONNECT}`;
    case 'not-connected':
      return 'カードリーダーの準備ができていません。もう一度「読み取る」を押してください。';
    case 'unsupported':
      return RCS300_UNSUPPORTED_MESSAGE;
  }
}

/**
 * What connect()/transmit()/disconnect() reject with (the CardTransport port rejects on reader
 * failure). The message is the Japanese text, so a caller that only sees Error shows it as is.
 */
export class Rcs300Error extends Error {
  override readonly name = 'Rcs300Error';
  readonly failure: Rcs300Failure;

  constructor(failure: Rcs300Failure) {
    super(rcs300ErrorMessage(failure));
    this.failure = failure;
  }
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
