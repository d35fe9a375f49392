// A lost tablet (issue 5): an admin revokes it; the application made on it stays in its outbox
// with a message that says what to do, nothing reaches the back office; after enrolling again
// with a new code it is re-wrapped into the new device's chain and delivered exactly once.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type DeviceListResponse, type SignInResponse } from '../../shared/api.ts';
import { cardFace, PERSONAS, type Persona } from '../../shared/card/emulator/personas.ts';
import { BackOffice } from './back-office.ts';
import { DEMO, enrollTablet, type Stack, signIn, startStack } from './stack.ts';
import { backToMenu, queuedTennyuVisit } from './tablet.ts';

let stack: Stack;
let page: Page;
let backOffice: BackOffice;
const [persona] = PERSONAS as readonly [Persona];

async function adminToken(): Promise<string> {
  const r = await fetch(stack.server.url + API.session, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO),
  });
  return ((await r.json()) as SignInResponse).token;
}

beforeAll(async () => {
  stack = await startStack();
  page = stack.page;
  backOffice = new BackOffice(stack.server.url);
  await backOffice.signIn(DEMO);
});

afterAll(async () => {
  await stack?.close();
});

describe('a revoked tablet', () => {
  it('enrolls with a code and signs in', async () => {
    await signIn(page, stack.server.url);
  });

  it('keeps the application in its outbox with the message, and the back office has nothing', async () => {
    const token = await adminToken();
    const auth = { authorization: `Bearer ${token}` };
    const { devices } = (await (
      await fetch(stack.server.url + API.devices, { headers: auth })
    ).json()) as DeviceListResponse;
    expect(devices).toHaveLength(1);
    const revoked = await fetch(stack.server.url + API.deviceRevoke(devices[0]?.id ?? ''), {
      method: 'POST',
      headers: auth,
    });
    expect(revoked.status).toBe(200);

    await queuedTennyuVisit(page, persona, cardFace(persona), {
      nameKana: 'カクナイ　タロウ',
      postalCode: '100-0013',
      address: '東京都千代田区霞が関３丁目１番１号',
      moveDate: '2026-11-20',
    });
    await backToMenu(page, DEMO.password);

    await page.getByTestId('send-now').click();
    await expect
      .poll(() => page.getByTestId('device-rejected').textContent())
      .toContain('取り消されています');
    expect(await page.getByTestId('outbox-badge').getAttribute('data-pending')).toBe('1');
    expect(await backOffice.list('received')).toHaveLength(0);
  });

  it('after enrolling again with a new code, delivers it exactly once', async () => {
    await page.getByTestId('re-enroll').click();
    await expect.poll(() => page.getByTestId('enroll-reason').textContent()).toContain('取り消されています');
    await enrollTablet(page, stack.server.url, '窓口1番（再登録）');
    await page.getByTestId('procedure-tennyu').waitFor();
    await expect.poll(async () => (await backOffice.list('received')).length).toBe(1);
    await expect.poll(() => page.getByTestId('outbox-badge').getAttribute('data-pending')).toBe('0');
    expect(await page.getByTestId('device-rejected').count()).toBe(0);
    expect(await page.getByTestId('sync-chain-stopped').count()).toBe(0);
    // The visit was re-wrapped into the new device's chain (seq 1); only its receipt stub is left.
    const token = await adminToken();
    const { devices } = (await (
      await fetch(stack.server.url + API.devices, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as DeviceListResponse;
    const current = devices.find((d) => d.revokedAt === null);
    const rows = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((res, rej) => {
        const r = indexedDB.open('kakanai');
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      return new Promise<
        { deviceId: string; seq: number; state: string; sealed: boolean; receipts: number }[]
      >((res) => {
        const r = db.transaction('outbox').objectStore('outbox').getAll();
        r.onsuccess = () =>
          res(
            r.result.map((x) => ({
              deviceId: x.deviceId,
              seq: x.seq,
              state: x.state,
              sealed: 'sealed' in x,
              receipts: x.receipts?.length ?? 0,
            })),
          );
      });
    });
    expect(rows).toEqual([{ deviceId: current?.id, seq: 1, state: 'delivered', sealed: false, receipts: 1 }]);
    // Nothing is left to send (the 送信 button is gone); a reload and its sync send nothing twice.
    await page.reload();
    await page.getByTestId('procedure-tennyu').waitFor();
    expect(await backOffice.list('received')).toHaveLength(1);
  });
});
