// Staff badges over WebNFC (Android Chrome only; NDEF only — WebNFC cannot talk ISO-DEP, so it
// never reads an ID card: cards.md §0.4, §5). A badge carries an NDEF text record
// "kakanai-staff:<staff ID>"; it fills the staff ID, the password is still typed (a lost badge
// alone must not sign anyone in).

export type BadgeResult =
  | { readonly kind: 'badge'; readonly username: string }
  | { readonly kind: 'not-a-badge' } // an NDEF tag without our record
  | { readonly kind: 'not-ndef' } // e.g. a My Number Card: the browser could not read it as NDEF
  | { readonly kind: 'unsupported' }
  | { readonly kind: 'permission-denied' };

export function badgeMessage(r: Exclude<BadgeResult, { kind: 'badge' }>): string {
  switch (r.kind) {
    case 'not-a-badge':
      return 'Kakanai の職員証ではありません。職員証をタブレットの背面にかざしてください。';
    case 'not-ndef':
      return 'このカードはNFCでは読み取れません。マイナンバーカードや運転免許証は、USBカードリーダーの上に置いてください。';
    case 'unsupported':
      return 'この端末では職員証のタッチを使えません。職員IDを入力してください。';
    case 'permission-denied':
      return 'NFCの使用が許可されていません。ブラウザのサイト設定で「NFC」を許可してから、もう一度お試しください。';
  }
}

const PREFIX = 'kakanai-staff:';

interface NdefRecordLike {
  readonly recordType: string;
  readonly data?: DataView | ArrayBuffer | Uint8Array;
  readonly encoding?: string;
}

/** The staff ID from an NDEF message, if it holds our text record. */
export function staffIdFromRecords(records: readonly NdefRecordLike[]): string | undefined {
  for (const record of records) {
    if (record.recordType !== 'text' || !record.data) continue;
    const bytes =
      record.data instanceof DataView
        ? new Uint8Array(record.data.buffer, record.data.byteOffset, record.data.byteLength)
        : new Uint8Array(record.data);
    const text = new TextDecoder(record.encoding ?? 'utf-8').decode(bytes).trim();
    if (text.startsWith(PREFIX)) {
      const id = text.slice(PREFIX.length);
      if (/^[A-Za-z0-9._-]{1,64}$/.test(id)) return id;
    }
  }
  return undefined;
}

interface NdefReaderLike extends EventTarget {
  scan(options?: { signal?: AbortSignal }): Promise<void>;
}

/** Waits for one tap. Resolves with the first badge, or with the reason nothing was read. */
export async function scanStaffBadge(signal: AbortSignal): Promise<BadgeResult> {
  const Reader = (globalThis as { NDEFReader?: new () => NdefReaderLike }).NDEFReader;
  if (!Reader) return { kind: 'unsupported' };
  const reader = new Reader();
  try {
    await reader.scan({ signal });
  } catch (e) {
    return e instanceof DOMException && e.name === 'NotAllowedError'
      ? { kind: 'permission-denied' }
      : { kind: 'unsupported' };
  }
  return new Promise<BadgeResult>((resolve) => {
    reader.addEventListener(
      'reading',
      (event) => {
        const message = (event as Event & { message?: { records?: NdefRecordLike[] } }).message;
        const username = staffIdFromRecords(message?.records ?? []);
        resolve(username ? { kind: 'badge', username } : { kind: 'not-a-badge' });
      },
      { once: true, signal },
    );
    // Chrome fires readingerror for a tag it cannot read as NDEF (ISO-DEP ID cards among them).
    reader.addEventListener('readingerror', () => resolve({ kind: 'not-ndef' }), { once: true, signal });
  });
}
