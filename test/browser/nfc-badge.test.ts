// Staff badge over WebNFC with a fake NDEFReader injected as Chromium on Android would expose it
// (desktop Chromium has no NDEFReader; toolchain.md §8 shows the same injection).
import { badgeMessage, scanStaffBadge, staffIdFromRecords } from '../../pwa/card/nfc-badge.ts';
import { equal } from './assert.ts';

type Outcome = { records: { recordType: string; data: Uint8Array }[] } | 'error';

function installFakeReader(outcome: Outcome) {
  (globalThis as Record<string, unknown>).NDEFReader = class extends EventTarget {
    async scan() {
      setTimeout(() => {
        if (outcome === 'error') this.dispatchEvent(new Event('readingerror'));
        else this.dispatchEvent(Object.assign(new Event('reading'), { message: outcome }));
      }, 5);
    }
  };
}

const text = (s: string) => ({ recordType: 'text', data: new TextEncoder().encode(s) });

describe('staff badge (WebNFC)', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).NDEFReader;
  });

  it('reads the staff ID from the badge text record', async () => {
    installFakeReader({ records: [text('hello'), text('kakanai-staff:demo')] });
    equal(await scanStaffBadge(new AbortController().signal), { kind: 'badge', username: 'demo' });
  });

  it('tells staff to use the USB reader when an ID card (not NDEF) is tapped', async () => {
    installFakeReader('error');
    const r = await scanStaffBadge(new AbortController().signal);
    equal(r.kind, 'not-ndef', 'kind');
    if (r.kind === 'not-ndef')
      equal(badgeMessage(r).includes('USBカードリーダー'), true, 'points to the USB reader');
  });

  it('refuses other NDEF tags and odd IDs', async () => {
    installFakeReader({ records: [text('kakanai-staff:<script>')] });
    equal((await scanStaffBadge(new AbortController().signal)).kind, 'not-a-badge');
    equal(
      staffIdFromRecords([{ recordType: 'url', data: new TextEncoder().encode('kakanai-staff:demo') }]),
      undefined,
    );
  });

  it('says so when the browser has no WebNFC', async () => {
    equal((await scanStaffBadge(new AbortController().signal)).kind, 'unsupported');
  });
});
