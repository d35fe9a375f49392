// What the RC-S380 driver can fail with, as values with a kind (style.md §13), and the one place
// that turns them into Japanese for staff with the next step. No kind carries frame or APDU bytes
// (they may carry a 照合番号B or a PIN); `detail` is a short machine description for support.
import type { UsbFailure } from './usb-port.ts';

export type Rcs380Failure =
  | { readonly kind: 'reader-unplugged' }
  /** Interface held by another driver: Linux port100, Windows without WinUSB (cards.md §4.3). */
  | { readonly kind: 'reader-busy'; readonly detail: string }
  | { readonly kind: 'reader-denied'; readonly detail: string }
  | { readonly kind: 'usb-transfer-failed'; readonly detail: string }
  /** A malformed frame, a missing ACK or a wrong response code from the reader (cards.md §4.1). */
  | { readonly kind: 'reader-protocol'; readonly detail: string }
  /** The reader answered a command with a non-zero status byte. */
  | { readonly kind: 'reader-status'; readonly command: number; readonly status: number }
  /** No frame from the reader within the command's own timeout plus a margin. */
  | { readonly kind: 'reader-not-responding' }
  /** The card stopped answering, even after the one retransmission ISO/IEC 14443-4 allows here. */
  | { readonly kind: 'card-lost' }
  /** The card broke ISO/IEC 14443-3/-4 rules (bad block, wrong block number, no ISO-DEP). */
  | { readonly kind: 'card-protocol'; readonly detail: string }
  | { readonly kind: 'not-connected' };

export function fromUsbFailure(f: UsbFailure): Rcs380Failure {
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

const RECONNECT = 'USBケーブルを挿し直してから「USBリーダーを接続」を押してください。';
const REPLACE_CARD = 'カードをリーダーの中央に置き直して、もう一度「読み取る」を押してください。';

export function rcs380ErrorMessage(f: Rcs380Failure): string {
  switch (f.kind) {
    case 'reader-unplugged':
      return `カードリーダーが見つかりません。${RECONNECT}`;
    case 'reader-busy':
      return (
        'カードリーダーを別のドライバーまたはソフトウェアが使用中のため、ブラウザーから使えません。' +
        'Windows では Zadig で RC-S380 に WinUSB ドライバーを割り当ててください（Sony の NFC ポートソフトウェアは使えなくなります）。' +
        'Linux では port100 ドライバーを外してください（例: udev ルールで unbind、または modprobe -r port100）。' +
        `その後、${RECONNECT}`
      );
    case 'reader-denied':
      return `ブラウザーがカードリーダーの使用を許可しませんでした。この画面を https で開いているか確かめ、「USBリーダーを接続」を押して RC-S380 を選んでください。`;
    case 'usb-transfer-failed':
      return `カードリーダーとのUSB通信に失敗しました。${RECONNECT}`;
    case 'reader-protocol':
      return `カードリーダーから想定外の応答がありました。${RECONNECT}`;
    case 'reader-status':
      return `カードリーダーが命令を受け付けませんでした（命令 ${hex2(f.command)}・状態 ${hex2(f.status)}）。${RECONNECT}`;
    case 'reader-not-responding':
      return `カードリーダーが応答しません。${RECONNECT}`;
    case 'card-lost':
      return `読み取りの途中でカードが離れたか、応答がなくなりました。読み取った内容は使われていません。${REPLACE_CARD}`;
    case 'card-protocol':
      return `カードの応答を正しく受け取れませんでした。${REPLACE_CARD}`;
    case 'not-connected':
      return 'カードとの接続が始まっていません。もう一度「読み取る」を押してください。';
  }
}

/**
 * What connect()/transmit()/disconnect() reject with (the CardTransport port rejects on reader
 * failure). The message is the Japanese text, so a caller that only sees Error shows it as is.
 */
export class Rcs380Error extends Error {
  override readonly name = 'Rcs380Error';
  readonly failure: Rcs380Failure;

  constructor(failure: Rcs380Failure) {
    super(rcs380ErrorMessage(failure));
    this.failure = failure;
  }
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
