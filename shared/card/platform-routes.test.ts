import { describe, expect, it } from 'vitest';
import { cardRoutes, detectPlatform } from './platform-routes.ts';

const UA = {
  ipad: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148',
  android: 'Mozilla/5.0 (Linux; Android 14; SM-X210) AppleWebKit/537.36 Chrome/156.0 Safari/537.36',
  windows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36',
  chromeos: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 Chrome/156.0 Safari/537.36',
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156.0.0.0 Safari/537.36',
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 Chrome/156.0 Safari/537.36',
};

describe('card routes per platform', () => {
  it('tells an iPad from a Mac by touch, and Android from Linux', () => {
    expect(detectPlatform({ userAgent: UA.ipad, maxTouchPoints: 5 })).toBe('ios');
    expect(detectPlatform({ userAgent: UA.mac, maxTouchPoints: 0 })).toBe('macos');
    expect(detectPlatform({ userAgent: UA.android, maxTouchPoints: 5 })).toBe('android');
    expect(detectPlatform({ userAgent: UA.linux, maxTouchPoints: 0 })).toBe('linux');
    expect(detectPlatform({ userAgent: UA.chromeos, maxTouchPoints: 0 })).toBe('chromeos');
  });

  it('gives iPad and iPhone no reader route and points to QR or manual entry', () => {
    for (const userAgent of [UA.ipad, UA.iphone]) {
      const r = cardRoutes({ userAgent, maxTouchPoints: 5, hasWebUsb: false, hasWebNfc: false });
      expect(r.usbReader).toBe(false);
      expect(r.guidance[0]).toContain('QRコード');
      expect(r.guidance[0]).toContain('手入力');
    }
  });

  it('names the driver step on Windows and Linux, nothing on Android or ChromeOS', () => {
    const facts = { maxTouchPoints: 0, hasWebUsb: true, hasWebNfc: false };
    expect(cardRoutes({ ...facts, userAgent: UA.windows }).guidance[0]).toContain('WinUSB');
    expect(cardRoutes({ ...facts, userAgent: UA.linux }).guidance[0]).toContain('port100');
    expect(cardRoutes({ ...facts, userAgent: UA.chromeos }).guidance).toEqual([]);
    const android = cardRoutes({ ...facts, userAgent: UA.android, hasWebNfc: true });
    expect(android).toMatchObject({ usbReader: true, nfcBadges: true, guidance: [] });
  });

  it('sends browsers without WebUSB to Chrome or Edge', () => {
    const r = cardRoutes({ userAgent: UA.mac, maxTouchPoints: 0, hasWebUsb: false, hasWebNfc: false });
    expect(r.usbReader).toBe(false);
    expect(r.guidance[0]).toContain('Chrome または Edge');
  });
});
