// Which card routes this device's browser has, and what staff should do next on each platform
// (cards.md §0.4–0.5, §4.3, §5). Pure: the caller passes what the browser reports.

export type PlatformId = 'ios' | 'android' | 'windows' | 'macos' | 'chromeos' | 'linux' | 'unknown';

export interface BrowserFacts {
  readonly userAgent: string;
  readonly maxTouchPoints: number;
  readonly hasWebUsb: boolean; // 'usb' in navigator
  readonly hasWebNfc: boolean; // 'NDEFReader' in globalThis
}

export interface CardRoutes {
  readonly platform: PlatformId;
  /** The USB reader (Sony RC-S380) can be used from this browser. */
  readonly usbReader: boolean;
  /** NDEF tags (staff badges) can be read; never ID cards (WebNFC has no ISO-DEP). */
  readonly nfcBadges: boolean;
  /** Japanese guidance for staff, most important first; empty when nothing needs doing. */
  readonly guidance: readonly string[];
}

export function detectPlatform(facts: Pick<BrowserFacts, 'userAgent' | 'maxTouchPoints'>): PlatformId {
  const ua = facts.userAgent;
  // iPadOS 13+ says "Macintosh"; only touch tells it apart from a Mac.
  if (/iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && facts.maxTouchPoints > 1)) return 'ios';
  if (/Android/.test(ua)) return 'android';
  if (/CrOS/.test(ua)) return 'chromeos';
  if (/Windows/.test(ua)) return 'windows';
  if (/Macintosh|Mac OS X/.test(ua)) return 'macos';
  if (/Linux/.test(ua)) return 'linux';
  return 'unknown';
}

export function cardRoutes(facts: BrowserFacts): CardRoutes {
  const platform = detectPlatform(facts);
  const guidance: string[] = [];
  if (platform === 'ios') {
    guidance.push(
      'iPad・iPhone のブラウザはカードリーダーを使えません（USB も NFC のカード読み取りもできません）。事前入力のQRコードを読み取るか、本人確認書類を見ながら手入力で進めてください。',
    );
    return { platform, usbReader: false, nfcBadges: false, guidance };
  }
  if (!facts.hasWebUsb) {
    guidance.push(
      'このブラウザはUSBカードリーダーに対応していません。Chrome または Edge で開き直してください。読み取れない間は手入力で進めてください。',
    );
  } else if (platform === 'windows') {
    guidance.push(
      'Windows では、カードリーダー（RC-S380）に WinUSB ドライバーを割り当てる必要があります（ソニーのドライバーとは併用できません）。接続できないときは管理者に設定を依頼してください。',
    );
  } else if (platform === 'linux') {
    guidance.push(
      'Linux では、カーネルの port100 モジュールがリーダーを使っていると接続できません。接続できないときは管理者に port100 の無効化を依頼してください。',
    );
  }
  return {
    platform,
    usbReader: facts.hasWebUsb,
    nfcBadges: facts.hasWebNfc && platform === 'android',
    guidance,
  };
}
