// The tablet's export file (issue 5, point 9) in Chromium: made with the real device key in
// IndexedDB and the import key cached in the settings store, it opens with openExportFile given
// the back office's private key, holds no name, address or phone in its bytes, is named
// kakanai-<deviceId>-<YYYYMMDD-HHmm>.kakanai, and says in Japanese when no key is cached. The
// component asks first, says the file stays encrypted, and downloads it.
import { h, render } from 'preact';
import { Import } from '../../pwa/backoffice/Import.tsx';
import { ExportOutbox } from '../../pwa/components/ExportOutbox.tsx';
import { type Services, ServicesContext } from '../../pwa/services.ts';
import { openKakanaiDB } from '../../pwa/storage/db.ts';
import { DeviceIdentity } from '../../pwa/storage/device.ts';
import { Settings } from '../../pwa/storage/settings.ts';
import {
  buildExportFiles,
  type ExportSources,
  exportFileName,
  refreshImportKey,
  tabletExportErrorMessage,
} from '../../pwa/sync/export-file.ts';
import { GENESIS_HASH, type SyncEnvelope, sealSyncEnvelope } from '../../shared/sync/envelope.ts';
import {
  importKeyIdOf,
  openExportFile,
  type P256PrivateJwk,
  type P256PublicJwk,
} from '../../shared/sync/export-file.ts';
import type { SyncImportKeyResponse, SyncImportResponse } from '../../shared/sync/import-types.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import { RESIDENT, signedTennyuEnvelope } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

const DEVICE_ID = 'dev_01jd0000000000000000000000';
const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
const ulid = ulidFactory();

async function backOfficeKey(): Promise<SyncImportKeyResponse & { privateKey: P256PrivateJwk }> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const publicKey: P256PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string };
  return { id: await importKeyIdOf(publicKey), publicKey, privateKey: { ...publicKey, d: jwk.d as string } };
}

async function chain(n: number): Promise<SyncEnvelope[]> {
  const out: SyncEnvelope[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const application = await signedTennyuEnvelope();
    out.push(
      await sealSyncEnvelope({
        schema: 1,
        id: ulid(),
        deviceId: DEVICE_ID,
        seq,
        createdAt: application.createdAt,
        procedures: ['tennyu'],
        payload: [application],
        prevHash: out[seq - 2]?.hash ?? GENESIS_HASH,
      }),
    );
  }
  return out;
}

/** A tablet: its real device key and settings in a fresh IndexedDB, an outbox that holds `pending`. */
async function tablet(pending: SyncEnvelope[]) {
  const db = await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`);
  const device = new DeviceIdentity(db);
  const publicJwk = await device.publicKeyForEnrollment();
  await device.completeEnrollment({
    deviceId: DEVICE_ID,
    name: '窓口1番',
    enrolledAt: new Date().toISOString(),
  });
  const settings = new Settings(db);
  const asked: string[] = [];
  const outbox = {
    pendingEnvelopes: async (deviceId?: string) => {
      asked.push(deviceId ?? '');
      return pending;
    },
  };
  return { db, device, settings, outbox, publicJwk, asked };
}

describe('export file on the tablet', () => {
  it('opens in the back office with its private key, and holds no personal data in its bytes', async () => {
    const envelopes = await chain(3);
    const key = await backOfficeKey();
    const t = await tablet(envelopes);
    await t.settings.saveImportKey({ id: key.id, publicKey: key.publicKey });
    const now = new Date(2026, 11, 1, 9, 5); // local time: what the tablet's clock shows
    const built = await buildExportFiles({ ...t, now: () => now });
    assert(built.ok, built.ok ? '' : tabletExportErrorMessage(built.error));
    equal(t.asked, [DEVICE_ID], 'asks the outbox for the enrolled device');
    equal(built.value.length, 1, 'one file');
    const file = built.value[0];
    assert(file, 'a file');
    equal(file.name, `kakanai-${DEVICE_ID}-20261201-0905.kakanai`);
    equal([file.firstSeq, file.lastSeq, file.envelopes, file.applications], [1, 3, 3, 3]);

    const bytes = new Uint8Array(await file.blob.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    for (const plain of [
      RESIDENT.name,
      RESIDENT.nameKana,
      RESIDENT.address,
      RESIDENT.previousAddress,
      RESIDENT.phone,
    ])
      assert(!text.includes(plain), 'no personal data in the file');

    const opened = await openExportFile(JSON.parse(text), {
      privateKeyFor: (id) => (id === key.id ? key.privateKey : undefined),
      devicePublicKey: (id) => (id === DEVICE_ID ? t.publicJwk : undefined),
    });
    assert(opened.ok, opened.ok ? '' : opened.error.kind);
    equal<unknown>(opened.value.envelopes, envelopes, 'the envelopes, in seq order');
    equal(opened.value.header.deviceId, DEVICE_ID);
    t.db.close();
  });

  it('says what to do when no import key is cached, or nothing waits', async () => {
    const t = await tablet(await chain(1));
    const none = await buildExportFiles(t);
    equal(none.ok ? 'ok' : none.error.kind, 'no-import-key');
    assert(
      !none.ok && /ネットワークにつないで.*ログイン/.test(tabletExportErrorMessage(none.error)),
      'the message says how to get the key',
    );
    const key = await backOfficeKey();
    await t.settings.saveImportKey(key);
    const empty = await buildExportFiles({ ...t, outbox: { pendingEnvelopes: async () => [] } });
    equal(empty.ok ? 'ok' : empty.error.kind, 'nothing-pending');
    t.db.close();
  });

  it('caches the import key only when its id is its own hash', async () => {
    const t = await tablet([]);
    const key = await backOfficeKey();
    const answering = (id: string) => ({
      importKey: async () => ({ ok: true as const, value: { id, publicKey: key.publicKey as JsonWebKey } }),
    });
    const wrong = await refreshImportKey(
      { client: answering('0'.repeat(64)), settings: t.settings },
      'token',
    );
    equal(wrong.ok ? 'ok' : wrong.error.kind, 'bad-import-key');
    equal(await t.settings.importKey(), undefined, 'not cached');
    const right = await refreshImportKey({ client: answering(key.id), settings: t.settings }, 'token');
    equal(right.ok, true);
    equal(await t.settings.importKey(), { id: key.id, publicKey: key.publicKey }, 'cached');
    const offline = await refreshImportKey(
      {
        client: { importKey: async () => ({ ok: false as const, error: { kind: 'unreachable' as const } }) },
        settings: t.settings,
      },
      'token',
    );
    equal(offline.ok, false);
    equal((await t.settings.importKey())?.id, key.id, 'the cached key stays when offline');
    t.db.close();
  });

  it('names parts of a long export', () => {
    const at = new Date(2026, 0, 2, 3, 4);
    equal(exportFileName(DEVICE_ID, at), `kakanai-${DEVICE_ID}-20260102-0304.kakanai`);
    equal(exportFileName(DEVICE_ID, at, 2, 3), `kakanai-${DEVICE_ID}-20260102-0304-2of3.kakanai`);
  });

  it('asks first, says the file stays encrypted, downloads it, and keeps the envelopes pending', async () => {
    const envelopes = await chain(2);
    const key = await backOfficeKey();
    const t = await tablet(envelopes);
    await t.settings.saveImportKey(key);
    const sources: ExportSources = t;
    const services = {
      ...sources,
      client: { importKey: async () => ({ ok: false, error: { kind: 'unreachable' } }) },
    };
    const downloads: { name: string; href: string }[] = [];
    const intercept = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a instanceof HTMLAnchorElement && a.download) {
        downloads.push({ name: a.download, href: a.href });
        e.preventDefault();
      }
    };
    document.addEventListener('click', intercept, true);
    const host = document.createElement('div');
    document.body.append(host);
    render(
      h(ServicesContext.Provider, { value: services as unknown as Services }, h(ExportOutbox, {})),
      host,
    );
    await frame();
    const byId = (id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    equal(byId('export-no-key'), null, 'a cached key: no warning');
    const button = host.querySelector('button[data-testid="export-outbox"]') as HTMLButtonElement;
    equal(button.textContent, '送信待ちをファイルに書き出す');
    button.click();
    await frame();
    const confirmation = byId('export-confirmation')?.textContent ?? '';
    assert(/暗号化されたまま/.test(confirmation), 'says the file stays encrypted');
    assert(/最後の手段/.test(confirmation), 'says what the file is for');
    equal(document.activeElement, byId('export-confirm'), 'focus on the confirming button');
    equal(downloads.length, 0, 'nothing before the confirmation');
    byId('export-confirm')?.click();
    for (let i = 0; i < 50 && !byId('export-done') && !byId('export-failed'); i++) await frame();
    equal(byId('export-failed'), null);
    assert(/2件を1個のファイル/.test(byId('export-done')?.textContent ?? ''), 'says what was written');
    equal(downloads.length, 1, 'one download');
    assert(
      /^kakanai-dev_01jd0000000000000000000000-\d{8}-\d{4}\.kakanai$/.test(downloads[0]?.name ?? ''),
      'named',
    );
    assert(downloads[0]?.href.startsWith('blob:'), 'a Blob URL');
    await frame();
    equal(document.activeElement, host.querySelector('button[data-testid="export-outbox"]'), 'focus back');
    equal((await t.outbox.pendingEnvelopes()).length, 2, 'still pending');
    document.removeEventListener('click', intercept, true);
    render(null, host);
    host.remove();
    t.db.close();
  });
});

describe('import page of the back office', () => {
  const session = {
    token: 'token',
    staff: { username: 'backoffice', displayName: '事務 次郎（デモ）', role: 'backoffice' as const },
    permissions: ['sync.import' as const],
  };

  /** Renders Import.tsx with fetch answering `answer`, chooses a file, submits; the requests sent. */
  async function importWith(answer: Response, text = '{"format":"kakanai-export"}') {
    const sent: { url: string; init: RequestInit }[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      sent.push({ url, init });
      return answer;
    }) as typeof fetch;
    const host = document.createElement('div');
    document.body.append(host);
    render(h(Import, { session, onExpired: () => {} }), host);
    await frame();
    const input = host.querySelector('input[type="file"]') as HTMLInputElement;
    equal(
      host.querySelector(`label[for="${input.id}"]`)?.textContent,
      '書き出しファイル（.kakanai）',
      'labelled',
    );
    const files = new DataTransfer();
    files.items.add(new File([text], `kakanai-${DEVICE_ID}-20261201-0905.kakanai`));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await frame();
    (host.querySelector('[data-testid="import-submit"]') as HTMLButtonElement).click();
    for (
      let i = 0;
      i < 50 && !host.querySelector('[data-testid="import-result"], [data-testid="import-refused"]');
      i++
    )
      await frame();
    globalThis.fetch = realFetch;
    const done = () => {
      render(null, host);
      host.remove();
    };
    return { host, sent, done };
  }

  it('posts the file as it is and shows the tablet, the counts and every 受付番号 in a live region', async () => {
    const answer: SyncImportResponse = {
      deviceId: DEVICE_ID,
      deviceName: '窓口1番',
      envelopes: 2,
      stored: 1,
      duplicates: 1,
      lastSeq: 2,
      receipts: [1, 2].map((seq) => ({
        id: `0000000${seq}-0000-4000-8000-000000000000`,
        seq,
        duplicate: seq === 1,
        receipts: [
          {
            id: `0000000${seq}-0000-4000-8000-000000000000`,
            procedure: 'tennyu',
            receiptNumber: `R261201-000${seq}`,
            receivedAt: '2026-12-01T01:00:00.000Z',
          },
        ],
      })),
    };
    const { host, sent, done } = await importWith(
      new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }),
      '{"format":"kakanai-export","version":1}',
    );
    equal(sent.length, 1, 'one request');
    equal(sent[0]?.url, '/api/sync/import');
    equal(sent[0]?.init.body, '{"format":"kakanai-export","version":1}', 'the file text as it is');
    const status = host.querySelector('[data-testid="import-status"]');
    equal(status?.getAttribute('aria-live'), 'polite', 'a live region');
    assert(
      /窓口1番.*2件のうち、新しく受け付けたもの1件、受付済みだったもの1件/.test(status?.textContent ?? ''),
      'counts',
    );
    const rows = [...host.querySelectorAll('[data-testid="import-receipt"]')].map((r) => r.textContent);
    equal(rows.length, 2, 'one row per application');
    assert(rows[0]?.includes('R261201-0001') && rows[0].includes('受付済み（重複）'), 'a duplicate');
    assert(
      rows[1]?.includes('R261201-0002') && rows[1].includes('転入届') && rows[1].includes('新しく受付'),
      'new',
    );
    done();
  });

  it('shows the refusal message as an alert', async () => {
    const message =
      'ファイルの端末署名が合いません。取り込まずに、元のタブレットからもう一度書き出してください。';
    const { host, done } = await importWith(
      new Response(JSON.stringify({ error: { kind: 'bad-request', message } }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const alert = host.querySelector('[data-testid="import-refused"]');
    equal(alert?.getAttribute('role'), 'alert');
    equal(alert?.textContent, message);
    done();
  });
});
