// A whole 転入 visit from the keyboard alone (Tab, Enter, Space, arrows, typing — no mouse), with
// axe-core run on every staff screen and on the resident screens in all seven languages, and the
// screenshots the README shows (docs/screenshots/). Real back office, real PWA, emulated card.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFace, PERSONAS, type Persona } from '../../shared/card/emulator/personas.ts';
import { LANGS } from '../../shared/i18n/lang.ts';
import { toWareki } from '../../shared/wareki.ts';
import { axeViolations } from './axe.ts';
import { BackOffice } from './back-office.ts';
import { DEMO, openTablet, ROOT, type Stack, startStack } from './stack.ts';
import { q } from './tablet.ts';

let stack: Stack;
let page: Page;
let backOffice: BackOffice;
const SHOTS = join(ROOT, 'docs/screenshots');
const resident = PERSONAS[0] as Persona; // an adult, head of a one-person household

beforeAll(async () => {
  stack = await startStack();
  page = stack.page;
  backOffice = new BackOffice(stack.server.url);
  await backOffice.signIn(DEMO);
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await stack?.close();
});

const activeTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');

/** Tab (or Shift+Tab) until the element with this test id has the focus, as a keyboard user would. */
async function tabTo(testId: string, max = 120): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await activeTestId()) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${testId} (focus is on "${await activeTestId()}")`);
}

async function press(testId: string, key = 'Enter'): Promise<void> {
  await tabTo(testId);
  await page.keyboard.press(key);
}

/** A closed <select> changes with the arrow keys: move to the option with this value. */
async function chooseWithArrows(testId: string, value: string): Promise<void> {
  await tabTo(testId);
  const [current, target] = await page.evaluate(
    ([id, v]) => {
      const s = document.querySelector(`[data-testid="${id}"]`) as HTMLSelectElement;
      return [s.selectedIndex, [...s.options].findIndex((o) => o.value === v)];
    },
    [testId, value] as const,
  );
  if (target < 0) throw new Error(`${testId} has no option ${value}`);
  for (let i = current; i < target; i++) await page.keyboard.press('ArrowDown');
  for (let i = current; i > target; i--) await page.keyboard.press('ArrowUp');
  expect(await page.getByTestId(testId).inputValue()).toBe(value);
}

async function expectNoAxeViolations(where: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, where).toEqual([]);
}

describe('a 転入 visit from the keyboard alone', () => {
  it('signs in (a back-office ID is refused on the counter tablet, saying which ID to use)', async () => {
    await openTablet(page, stack.server.url);
    await expectNoAxeViolations('sign-in');
    await tabTo('username');
    await page.keyboard.type('backoffice');
    await tabTo('password');
    await page.keyboard.type('kakanai-backoffice');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[role=alert]').first().textContent()).toContain('窓口用のID');
    await tabTo('username');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(DEMO.username);
    await tabTo('password');
    await page.keyboard.type(DEMO.password);
    await page.keyboard.press('Enter');
    await page.getByTestId('start-navi').waitFor();
    await expectNoAxeViolations('menu');
  });

  it('手続ナビ: 引越し (転入) proposes 転入届 with its reason', async () => {
    await press('start-navi');
    await page.getByTestId('event-moving').waitFor();
    await expectNoAxeViolations('navi: events');
    await press('event-moving');
    // A radio group is one Tab stop; Space picks the focused option, arrows move within.
    await tabTo('navi-direction-in');
    await page.keyboard.press('Space');
    for (const [question, value] of [
      ['insuranceIn', 'employee'],
      ['children', 'none'],
      ['card', 'has'],
      ['koza', 'registered'],
      ['extrasIn', 'none'],
    ] as const) {
      const first = await page
        .getByTestId(`navi-${question}`)
        .locator('input[type=radio]')
        .first()
        .getAttribute('data-testid');
      await tabTo(first as string);
      const values = await page
        .getByTestId(`navi-${question}`)
        .locator('input[type=radio]')
        .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
      for (let i = 0; i < values.indexOf(value); i++) await page.keyboard.press('ArrowDown');
      if (values.indexOf(value) === 0) await page.keyboard.press('Space');
      expect(await page.getByTestId(`navi-${question}-${value}`).isChecked()).toBe(true);
    }
    await expectNoAxeViolations('navi: questions');
    await press('navi-plan');
    await page.getByTestId('picker').waitFor();
    expect(await page.getByTestId('pick-tennyu').isChecked()).toBe(true);
    expect(await page.getByTestId('picker').textContent()).toContain('理由：');
    await expectNoAxeViolations('picker');
    await page.getByTestId('picker-start').and(page.locator(':enabled')).waitFor();
    await press('picker-start');
  });

  it('reads the card with 照合番号B typed from the card face', async () => {
    await page.getByTestId(`demo-card-${resident.id}`).waitFor();
    await expectNoAxeViolations('card read');
    await press(`demo-card-${resident.id}`);
    const face = cardFace(resident);
    const w = toWareki(face.birthDate);
    if (!w) throw new Error('no era');
    await chooseWithArrows('cb-era', w.era.id);
    for (const [id, v] of [
      ['cb-year', String(w.year)],
      ['cb-month', String(w.month)],
      ['cb-day', String(w.day)],
      ['cb-expiry-year', String(face.expiryYear)],
      ['cb-security-code', face.securityCode],
    ] as const) {
      await tabTo(id);
      await page.keyboard.type(v);
    }
    await press('read-card');
    await page.getByTestId(q('applicant.name')).waitFor();
    expect(await page.getByTestId(q('applicant.name')).inputValue()).toBe(resident.name);
  });

  it('the interview: Enter moves on, and the form is complete without the mouse', async () => {
    await expectNoAxeViolations('interview');
    await tabTo(q('applicant.nameKana'));
    await page.keyboard.type('ミホン　ジロウ');
    await page.keyboard.press('Enter'); // Enter → the next field, not a submit
    expect(await activeTestId()).not.toBe(q('applicant.nameKana'));
    await tabTo(q('move.date'));
    await page.keyboard.type('R8.11.20');
    await page.keyboard.press('Enter');
    expect(await page.getByTestId(q('move.date')).inputValue()).toBe('2026-11-20');
    await tabTo(q('move.newPostalCode'));
    await page.keyboard.type('1000013');
    // The postal code fills the address offline from the Japan Post data; staff add the 番地.
    await expect.poll(() => page.getByTestId(q('move.newAddress')).inputValue()).toBe('東京都千代田区霞が関');
    await tabTo(q('move.newAddress'));
    await page.keyboard.press('End');
    await page.keyboard.type('３丁目１番１号');
    await chooseWithArrows(q('household.relationship'), 'head');
    await tabTo(q('household.headName'));
    await page.keyboard.type(resident.name);
    await tabTo(q('contact.phone'));
    await page.keyboard.type('090-1111-2222');
    // The one-person household's mover row follows the applicant (自動).
    expect(await page.getByTestId(`${q('move.movers')}-0-name`).inputValue()).toBe(resident.name);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('resident-mode').waitFor();
  });

  it('the resident screens are clean for axe in every language; screenshots for the README', async () => {
    await page.getByTestId('lang-ja').waitFor();
    await expectNoAxeViolations('resident: language choice');
    for (const lang of LANGS) {
      await press(`lang-${lang}`);
      await page.getByTestId('confirm-tennyu').waitFor();
      await expectNoAxeViolations(`resident review (${lang})`);
      if (lang === 'ja' || lang === 'ja-easy' || lang === 'en') {
        await page.screenshot({ path: join(SHOTS, `resident-${lang}.png`), fullPage: true });
      }
      await press('language-button');
      await page.getByTestId('lang-ja').waitFor();
    }
    await press('lang-ja');
    await page.getByTestId('contrast-toggle').waitFor();
    await press('contrast-toggle');
    await press('text-size-3');
    await expectNoAxeViolations('resident review (high contrast, largest text)');
    await press('contrast-toggle');
    await press('text-size-1');
  });

  it('the resident confirms and signs by typing the name (記名), all from the keyboard', async () => {
    await press('confirm-tennyu');
    await page.getByTestId('signature-visit').waitFor();
    await expectNoAxeViolations('resident: signature');
    await press('signature-type-instead');
    await tabTo('signature-typed-name');
    await page.keyboard.type(resident.name);
    await press('resident-sign');
    await page.getByTestId('done').waitFor();
    await expectNoAxeViolations('done');
  });

  it('the application is in the outbox, then delivered with a signature the back office verifies', async () => {
    const receipt = await page.getByTestId('receipt-number').textContent({ timeout: 20_000 });
    const row = (await backOffice.list('received')).find((a) => a.receiptNumber === receipt);
    expect(row).toBeDefined();
    const detail = await backOffice.detail(row?.id ?? '');
    expect(detail.signatureVerified).toBe(true);
    expect(detail.signature?.method).toBe('typed');
    expect(detail.fields).toMatchObject({
      name: resident.name,
      nameKana: 'ミホン　ジロウ',
      address: '東京都千代田区霞が関３丁目１番１号',
      postalCode: '1000013',
      moveDate: '2026-11-20',
      householdHead: resident.name,
      relationship: 'head',
      phone: '09011112222',
    });
  });
});
