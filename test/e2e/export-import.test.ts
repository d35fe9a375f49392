// The last resort of a field day, end to end (issue 5, point 9): a tablet with no network takes a
// visit, writes its pending envelopes to an encrypted .kakanai file, the back-office dashboard
// imports it (stored once, with a 受付番号), and when the tablet is back online its own delivery
// is answered with the same receipt — nothing twice, and the tablet's data is wiped.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFace, PERSONAS, type Persona } from '../../shared/card/emulator/personas.ts';
import { BackOffice } from './back-office.ts';
import { DEMO, type Stack, signIn, startStack } from './stack.ts';
import { backToMenu, queuedTennyuVisit } from './tablet.ts';

let stack: Stack;
let page: Page;
let backOffice: BackOffice;
const [persona] = PERSONAS as readonly [Persona];

beforeAll(async () => {
  stack = await startStack();
  page = stack.page;
  backOffice = new BackOffice(stack.server.url);
  await backOffice.signIn(DEMO);
});

afterAll(async () => {
  await stack?.close();
});

describe('export file: offline visit → .kakanai → dashboard import → back online', () => {
  let fileText = '';
  it('writes the pending visit of an offline tablet to an encrypted file', async () => {
    await signIn(page, stack.server.url);
    // The import key is fetched while online (the menu's export section does it) and kept.
    await expect.poll(() => page.getByTestId('export-no-key').count(), { timeout: 10_000 }).toBe(0);
    // Offline, the app's lazy screens come from the service worker's precache.
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
    );
    await page.reload();
    await page.getByTestId('procedure-tennyu').waitFor();
    await stack.tablet.setOffline(true);
    await queuedTennyuVisit(page, persona, cardFace(persona), {
      nameKana: 'カクナイ　タロウ',
      postalCode: '100-0013',
      address: '東京都千代田区霞が関３丁目１番１号',
      moveDate: '2026-11-20',
    });
    await backToMenu(page, DEMO.password);
    await page.getByTestId('export-outbox').waitFor();

    await page.getByTestId('export-outbox').click();
    const download = page.waitForEvent('download');
    await page.getByTestId('export-confirm').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kakanai-dev_[0-9a-z]{26}-\d{8}-\d{4}\.kakanai$/);
    fileText = readFileSync((await file.path()) as string, 'utf8');
    expect(fileText).not.toContain(persona.name); // encrypted
    expect(JSON.parse(fileText)).toMatchObject({ format: 'kakanai-export', version: 1, count: 1 });
    await expect.poll(() => page.getByTestId('export-done').textContent()).toContain('1件');
  });

  let receiptNumber = '';
  it('the dashboard imports it: stored once, with a 受付番号', async () => {
    const office = await stack.browser.newContext({ locale: 'ja-JP' });
    const dashboard = await office.newPage();
    await dashboard.goto(`${stack.server.url}/backoffice`);
    await dashboard.getByTestId('username').fill(DEMO.username);
    await dashboard.getByTestId('password').fill(DEMO.password);
    await dashboard.getByTestId('sign-in').click();
    await dashboard.getByTestId('nav-import').click();
    const importFile = async () => {
      await dashboard.getByTestId('import-file').setInputFiles({
        name: 'field-day.kakanai',
        mimeType: 'application/json',
        buffer: Buffer.from(fileText),
      });
      await dashboard.getByTestId('import-submit').click();
    };
    await importFile();
    await expect
      .poll(() => dashboard.getByTestId('import-result').textContent())
      .toContain('新しく受け付けたもの1件');
    const received = await backOffice.list('received');
    expect(received).toHaveLength(1);
    receiptNumber = received[0]?.receiptNumber ?? '';
    expect(receiptNumber).toMatch(/^R\d{6}-\d{2}-\d{4}$/);
    // Importing the same file again stores nothing more.
    await importFile();
    await expect
      .poll(() => dashboard.getByTestId('import-result').textContent())
      .toContain('受付済みだったもの1件');
    expect(await backOffice.list('received')).toHaveLength(1);
    await office.close();
  });

  it('back online, the tablet is answered with the same receipt and wipes the visit', async () => {
    await stack.tablet.setOffline(false);
    await expect
      .poll(() => page.getByTestId('outbox-table').textContent(), { timeout: 30_000 })
      .toContain(receiptNumber);
    expect(await backOffice.list('received')).toHaveLength(1);
    const sealed = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('kakanai');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      return new Promise<number>((res) => {
        const r = db.transaction('outbox').objectStore('outbox').getAll();
        r.onsuccess = () => res(r.result.filter((x: { sealed?: unknown }) => x.sealed !== undefined).length);
      });
    });
    expect(sealed).toBe(0);
  });
});
