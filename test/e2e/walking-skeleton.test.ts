// The whole path of issue 2, every hop real: a card read on the tablet (emulated card, real APDUs)
// → form → resident signature → IndexedDB outbox → real HTTP → back office (PGlite on disk) →
// the unpacked extension on a staff PC fills a Shift_JIS legacy form → marked transcribed.
// Then the same with the network cut: the app starts from the service worker and the
// application is delivered exactly once when the network returns.
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCollationB } from '../../shared/card/collation-b.ts';
import { cardFace, PERSONAS, type Persona } from '../../shared/card/emulator/personas.ts';
import { toWareki } from '../../shared/wareki.ts';
import { startLegacyServer } from '../fixtures/legacy/server.ts';
import { BackOffice } from './back-office.ts';
import { launchStaffPc } from './browser.ts';
import { decodeEf0002, readEf0002Bytes } from './card-bytes.ts';
import { DEMO, openTablet, ROOT, type Stack, startStack } from './stack.ts';
import {
  checkedValue,
  enterCollationB,
  placeCard,
  residentSigns,
  type StaffInput,
  tennyuToResident,
} from './tablet.ts';

let stack: Stack;
let server: Stack['server'];
let legacy: Awaited<ReturnType<typeof startLegacyServer>>;
let tablet: BrowserContext;
let page: Page;
let backOffice: BackOffice;

const [first, second] = PERSONAS as readonly [Persona, Persona];
const firstInput: StaffInput = {
  nameKana: 'カクナイ　タロウ',
  postalCode: '100-0013',
  address: '東京都千代田区霞が関３丁目１番１号',
  moveDate: '2026-11-20',
};
const secondInput: StaffInput = {
  nameKana: 'テスト　ハナコ',
  postalCode: '1000005',
  address: '東京都千代田区丸の内１丁目９番１号',
  moveDate: '2026-11-25',
};

function collationB(persona: Persona): string {
  const face = cardFace(persona);
  const r = buildCollationB(face);
  if (!r.ok) throw new Error('persona face does not build a 照合番号B');
  return r.value;
}

beforeAll(async () => {
  stack = await startStack();
  ({ server, tablet, page } = stack);
  legacy = await startLegacyServer({ port: 0 });
  backOffice = new BackOffice(server.url);
  await backOffice.signIn(DEMO);
});

afterAll(async () => {
  await legacy?.close();
  await stack?.close();
});

async function readCardAndFill(persona: Persona, input: StaffInput): Promise<void> {
  await tennyuToResident(page, persona, cardFace(persona), input);
}

describe('walking skeleton: card → tablet → back office → legacy form', () => {
  it('signs in and the service worker takes control', async () => {
    await openTablet(page, server.url);
    await page.getByTestId('username').fill(DEMO.username);
    await page.getByTestId('password').fill(DEMO.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('procedure-tennyu').waitFor();
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.ready).active?.state === 'activated',
    );
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  });

  it('says so in Japanese when no card is on the reader', async () => {
    await page.getByTestId('procedure-tennyu').click();
    await enterCollationB(page, cardFace(first));
    await page.getByTestId('read-card').click();
    await expect.poll(() => page.getByTestId('card-error').textContent()).toContain('カードが読み取れません');
    expect(await page.locator('[data-step="card"]').getAttribute('data-state')).toBe('failed');
    await page.getByRole('button', { name: '戻る' }).click();
  });

  it('warns about an expired card before anything is typed', async () => {
    await page.getByTestId('procedure-tennyu').click();
    await placeCard(page, 'ito-sakura');
    await expect.poll(() => page.getByTestId('card-expired').textContent()).toContain('有効期限');
    expect(await page.getByTestId('read-card').isDisabled()).toBe(true);
    await placeCard(page, 'ito-sakura', false);
    await page.getByRole('button', { name: '戻る' }).click();
  });

  it('refuses a wrong 照合番号B with the real status word and shows the tries left', async () => {
    await page.getByTestId('procedure-tennyu').click();
    await placeCard(page, first.id);
    await expect.poll(() => page.getByTestId('tries-left').textContent()).toContain('10回');
    const face = cardFace(first);
    const wrongCode = String((Number(face.securityCode) + 1) % 10000).padStart(4, '0');
    await enterCollationB(page, { ...face, securityCode: wrongCode });
    await page.getByTestId('read-card').click();
    await expect.poll(() => page.getByTestId('card-error').textContent()).toContain('残り9回');
    expect(await page.getByTestId('card-error').textContent()).toContain('63C9'); // the card's status word
    expect(await page.locator('[data-step="card"]').getAttribute('data-state')).toBe('done');
    expect(await page.locator('[data-step="unlock"]').getAttribute('data-state')).toBe('failed');
    expect(await page.getByTestId('tries-left').textContent()).toContain('9回');
    await page.getByRole('button', { name: '戻る' }).click();
  });

  let firstId = '';
  it('reads the card: the form shows exactly what EF 0002 holds', async () => {
    const expected = decodeEf0002(readEf0002Bytes(first, collationB(first)));
    await readCardAndFill(first, firstInput);
    // Back to the form through the staff unlock, to check the fields the card filled.
    await page.getByTestId('staff-exit').click();
    await page.getByTestId('unlock-password').fill(DEMO.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('card-checks').waitFor(); // the unlock runs PBKDF2 first
    const checks = await page
      .getByTestId('card-checks')
      .locator('[data-check]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-check')));
    // Digests of EF 0002, the issuer's signature (emulator test CA) and a fresh challenge signed by the card.
    expect(checks).toEqual(expect.arrayContaining(['digests-ok', 'signature-ok', 'card-present-ok']));
    expect(await page.getByTestId('q-applicant_name').inputValue()).toBe(expected.name);
    expect(await page.getByTestId('q-applicant_cardAddress').inputValue()).toBe(expected.address);
    const b = expected.birthDate;
    expect(await page.getByTestId('q-applicant_birthDate').inputValue()).toBe(
      `${b.slice(0, 4)}-${b.slice(4, 6)}-${b.slice(6)}`,
    );
    expect(await checkedValue(page, 'applicant.sex')).toBe(expected.sex);
    expect(await page.getByTestId('q-applicant_nameKana').inputValue()).toBe(firstInput.nameKana);
    await page.getByTestId('to-resident').click();
    await page.getByTestId('resident-mode').waitFor();
    await page.getByTestId('lang-ja').click();
  });

  it('locks resident mode: back navigation does not leave it', async () => {
    await page.goBack().catch(() => undefined);
    await page.getByTestId('resident-mode').waitFor();
    expect(await page.getByTestId('summary-tennyu-name').textContent()).toBe(first.name);
    expect(await page.locator('[data-testid="sign-out"]').count()).toBe(0);
  });

  it('the resident signs; the outbox delivers; the tablet shows the 受付番号 the server stored', async () => {
    await page.getByTestId('confirm-tennyu').click();
    await residentSigns(page);
    const receipt = await page.getByTestId('receipt-number').textContent({ timeout: 15_000 });
    expect(receipt).toMatch(/^R\d{6}-\d{2}-\d{4}$/);
    const list = await backOffice.list('received');
    const row = list.find((a) => a.receiptNumber === receipt);
    expect(row).toBeDefined();
    firstId = row?.id ?? '';
    const detail = await backOffice.detail(firstId);
    const card = decodeEf0002(readEf0002Bytes(first, collationB(first)));
    expect(detail.fields).toMatchObject({
      name: card.name,
      previousAddress: card.address,
      birthDate: `${card.birthDate.slice(0, 4)}-${card.birthDate.slice(4, 6)}-${card.birthDate.slice(6)}`,
      sex: card.sex,
      nameKana: firstInput.nameKana,
      postalCode: '1000013',
      address: firstInput.address,
      moveDate: firstInput.moveDate,
    });
    expect(detail.card).toMatchObject({ source: 'mynumber-input-support-ap', unlockedWith: 'collation-b' });
    expect(detail.card.checks).toEqual(
      expect.arrayContaining(['digests-ok', 'signature-ok', 'card-present-ok']),
    );
    expect(detail.hasSignature).toBe(true);
  });

  it('a reload in resident mode lands on the staff unlock, not on the staff screens', async () => {
    page.once('dialog', (d) => void d.accept()); // the "leave this page?" prompt of resident mode
    await page.reload();
    await page.getByTestId('staff-unlock').waitFor();
    expect(await page.getByTestId('procedure-tennyu').count()).toBe(0);
    await page.getByTestId('unlock-password').fill('wrong-password');
    await page.getByTestId('unlock-submit').click();
    await expect.poll(() => page.getByTestId('staff-unlock').textContent()).toContain('パスワードが違います');
    await page.getByTestId('unlock-password').fill(DEMO.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('procedure-tennyu').waitFor();
  });

  let secondId = '';
  it('offline: the app starts from the service worker and the application waits in the outbox', async () => {
    await tablet.setOffline(true);
    await page.reload();
    await page.getByTestId('procedure-tennyu').waitFor();
    expect(await page.getByTestId('network-state').textContent()).toContain('オフライン');
    const before = (await backOffice.list('received')).length;
    await readCardAndFill(second, secondInput);
    await page.getByTestId('confirm-tennyu').click();
    await residentSigns(page);
    await page.getByTestId('queued').waitFor();
    expect(await page.getByTestId('queued').textContent()).toContain('送信待ち');
    expect((await backOffice.list('received')).length).toBe(before);
    // Nothing personal is readable in IndexedDB while it waits: one record per visit, the first
    // a receipt stub, the second the next envelope of the chain, sealed.
    const { raw, rows } = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('kakanai');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const all = await new Promise<{ seq: number; state: string; sealed?: unknown; receipts?: unknown[] }[]>(
        (res) => {
          const r = db.transaction('outbox').objectStore('outbox').getAll();
          r.onsuccess = () => res(r.result);
        },
      );
      return {
        // The ciphertext as text: a name or an address in clear would show.
        raw: JSON.stringify(all, (_k, v) =>
          v instanceof ArrayBuffer || v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
        ),
        rows: all
          .map((x) => ({
            seq: x.seq,
            state: x.state,
            sealed: x.sealed !== undefined,
            receipts: x.receipts?.length ?? 0,
          }))
          .sort((a, b) => a.seq - b.seq),
      };
    });
    expect(rows).toEqual([
      { seq: 1, state: 'delivered', sealed: false, receipts: 1 },
      { seq: 2, state: 'pending', sealed: true, receipts: 0 },
    ]);
    expect(raw).not.toContain(second.name);
    expect(raw).not.toContain(secondInput.address);
  });

  it('back online: delivered exactly once, and the receipt appears on the tablet', async () => {
    await tablet.setOffline(false);
    const receipt = await page.getByTestId('receipt-number').textContent({ timeout: 30_000 });
    const list = await backOffice.list('received');
    const mine = list.filter((a) => a.receiptNumber === receipt);
    expect(mine).toHaveLength(1);
    secondId = mine[0]?.id ?? '';
    expect((await backOffice.detail(secondId)).fields.name).toBe(second.name);
    // A forced second sync sends nothing more.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForTimeout(500);
    expect((await backOffice.list('received')).filter((a) => a.id === secondId)).toHaveLength(1);
    expect(await page.getByTestId('receipt-number').textContent()).toBe(receipt);
  });

  it('the extension fills the Shift_JIS legacy form from the chosen application, then marks it transcribed', async () => {
    const staff = await launchStaffPc(join(ROOT, 'dist/extension'));
    try {
      const popup = await staff.context.newPage();
      await popup.goto(`chrome-extension://${staff.extensionId}/popup.html`);
      await popup.getByTestId('backoffice-url').fill(server.url);
      await popup.getByTestId('username').fill(DEMO.username);
      await popup.getByTestId('password').fill(DEMO.password);
      await popup.getByTestId('sign-in').click();
      const row = popup.locator(`[data-testid="application-row"][data-id="${firstId}"]`);
      await row.waitFor();
      await row.getByTestId('choose').click();

      const legacyPage = await staff.context.newPage();
      await legacyPage.goto(`${legacy.url}/legacy/tennyu`);
      const contentType = await legacyPage.evaluate(() => document.characterSet);
      expect(contentType.toLowerCase()).toBe('shift_jis');
      const submitted: string[] = [];
      legacyPage.on('request', (r) => r.method() === 'POST' && submitted.push(r.url()));
      await legacyPage.getByTestId('kakanai-fill').click();
      await expect.poll(() => legacyPage.getByTestId('kakanai-report').textContent()).toBeTruthy();

      const card = decodeEf0002(readEf0002Bytes(first, collationB(first)));
      const birth = toWareki(
        `${card.birthDate.slice(0, 4)}-${card.birthDate.slice(4, 6)}-${card.birthDate.slice(6)}`,
      );
      const value = (name: string) => legacyPage.locator(`[name="${name}"]`).inputValue();
      expect(await value('shimei')).toBe(card.name);
      expect(await value('kana')).toBe('ｶｸﾅｲ ﾀﾛｳ');
      expect(await value('gengo')).toBe(birth?.era.initial);
      expect(Number(await value('nen'))).toBe(birth?.year);
      expect(Number(await value('tsuki'))).toBe(birth?.month);
      expect(Number(await value('hi'))).toBe(birth?.day);
      expect(await value('seibetsu')).toBe(card.sex);
      expect(await value('zip1')).toBe('100');
      expect(await value('zip2')).toBe('0013');
      expect(await value('jusho')).toBe(firstInput.address);
      expect(await value('zenjusho')).toBe(card.address);
      expect(submitted).toEqual([]); // filled, not submitted: staff review and submit

      await legacyPage.getByTestId('kakanai-mark-done').click();
      await expect
        .poll(() => legacyPage.getByTestId('kakanai-status').textContent())
        .toContain('を転記済みにしました');
      const detail = await backOffice.detail(firstId);
      expect(detail.status).toBe('transcribed');
      expect(detail.transcribedBy).toBe(backOffice.staffDisplayName);
    } finally {
      await staff.close();
    }
  });

  it('logged nothing personal on the server', () => {
    const log = stack.serverLog.join('\n');
    expect(stack.serverLog.length).toBeGreaterThan(5);
    for (const secret of [first.name, second.name, firstInput.address, DEMO.password, collationB(first)]) {
      expect(log).not.toContain(secret);
    }
  });
});
