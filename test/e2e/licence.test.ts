// The driver's licence path in the real PWA: the resident types 暗証番号1 on the PIN pad, the
// emulated licence answers real APDUs (JIS X 0208 text), the form is filled; a wrong PIN shows
// the tries left; the last try needs the staff's explicit decision; an expired licence is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLicencePersona, type LicencePersona } from '../../shared/card/licence/personas.ts';
import { DEMO, type Stack, signIn, startStack } from './stack.ts';
import { checkedValue, placeCard } from './tablet.ts';

let stack: Stack;
const consoleLines: string[] = [];
const sentOverNetwork: string[] = [];
const menkyo = findLicencePersona('menkyo-taro') as LicencePersona;
const kigen = findLicencePersona('kigen-kireko') as LicencePersona;

beforeAll(async () => {
  stack = await startStack();
  stack.page.on('console', (m) => consoleLines.push(m.text()));
  stack.page.on('request', (r) => sentOverNetwork.push(r.postData() ?? '')); // bodies: asset names are hashes
  await signIn(stack.page, stack.server.url);
});
afterAll(async () => stack?.close());

async function typePin(pin: string): Promise<void> {
  const { page } = stack;
  await page.getByTestId('open-pin-pad').click();
  await page.getByTestId('pin-pad').waitFor();
  for (const d of pin) await page.getByTestId(`pin-key-${d}`).click();
  await page.getByTestId('pin-submit').click();
  // The resident hands the tablet back; only the staff password closes the hand-back screen.
  await page.getByTestId('hand-back').waitFor();
  await page.getByTestId('unlock-password').fill(DEMO.password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('hand-back').waitFor({ state: 'detached' });
}

describe('運転免許証 at the counter', () => {
  it('a wrong PIN1 shows the tries left; two wrong leave one try that needs the staff decision', async () => {
    const { page } = stack;
    await page.getByTestId('procedure-tennyu').click();
    await page.getByTestId('card-kind-licence').click();
    await placeCard(page, `licence:${menkyo.id}`);
    await expect.poll(() => page.getByTestId('pin-tries-left').textContent()).toContain('3回');
    await typePin('0000');
    await expect.poll(() => page.getByTestId('card-error').textContent()).toContain('2回');
    expect(await page.locator('[data-step="unlock"]').getAttribute('data-state')).toBe('failed');
    await typePin('9999');
    await expect.poll(() => page.getByTestId('pin-tries-left').textContent()).toContain('1回');
    // With one try left the PIN pad stays shut until staff tick the consequence.
    expect(await page.getByTestId('open-pin-pad').isDisabled()).toBe(true);
    await page.getByTestId('confirm-last-try').check();
    expect(await page.getByTestId('open-pin-pad').isDisabled()).toBe(false);
  });

  it('the right PIN1 fills the form from the licence and resets the counter', async () => {
    const { page } = stack;
    await typePin(menkyo.pin1);
    await page.getByTestId('q-applicant_name').waitFor();
    expect(await page.getByTestId('q-applicant_name').inputValue()).toBe(menkyo.name);
    expect(await page.getByTestId('q-applicant_birthDate').inputValue()).toBe(menkyo.birthDate);
    expect(await page.getByTestId('q-applicant_cardAddress').inputValue()).toBe(menkyo.address);
    expect(await checkedValue(page, 'applicant.sex')).toBe(''); // not on a licence: staff choose
    await page.getByRole('button', { name: '戻る' }).click();
    await page.getByTestId('card-kind-licence').click();
    await expect.poll(() => page.getByTestId('pin-tries-left').textContent()).toContain('3回');
  });

  it('refuses an expired licence as proof of identity', async () => {
    const { page } = stack;
    await placeCard(page, `licence:${kigen.id}`);
    await expect.poll(() => page.getByTestId('pin-tries-left').textContent()).toContain('3回');
    await typePin(kigen.pin1);
    await expect.poll(() => page.getByTestId('card-error').textContent()).toContain('有効期限');
    expect(await page.getByTestId('q-applicant_name').count()).toBe(0);
  });

  it('a resident who cancels the PIN pad cannot reach the staff screens, even by reloading', async () => {
    const { page } = stack;
    await page.getByTestId('open-pin-pad').click();
    await page.getByTestId('pin-cancel').click();
    await page.getByTestId('hand-back').waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.reload();
    await page.getByTestId('staff-unlock').waitFor();
    expect(await page.getByTestId('procedure-tennyu').count()).toBe(0);
    await page.getByTestId('unlock-password').fill(DEMO.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('procedure-tennyu').waitFor();
  });

  it('another open tab of the app locks too when the tablet goes to the resident', async () => {
    const { page, tablet, server } = stack;
    const other = await tablet.newPage();
    await other.goto(server.url);
    await other.getByTestId('procedure-tennyu').waitFor();
    await page.getByTestId('procedure-tennyu').click();
    await page.getByTestId('card-kind-licence').click();
    await placeCard(page, `licence:${menkyo.id}`);
    await page.getByTestId('open-pin-pad').click();
    await other.getByTestId('staff-unlock').waitFor();
    expect(await other.getByTestId('procedure-tennyu').count()).toBe(0);
    await page.getByTestId('pin-cancel').click();
    await page.getByTestId('unlock-password').fill(DEMO.password);
    await page.getByTestId('unlock-submit').click();
    await page.getByTestId('hand-back').waitFor({ state: 'detached' });
    await other.close();
  });

  it('the PIN never left the tablet and was never logged', () => {
    const pins = [menkyo.pin1, kigen.pin1];
    for (const pin of pins) {
      expect(sentOverNetwork.join('\n')).not.toContain(pin);
      expect(consoleLines.join('\n')).not.toContain(pin);
      expect(stack.serverLog.join('\n')).not.toContain(pin);
    }
    expect(sentOverNetwork.length).toBeGreaterThan(0); // the recorder did see the traffic
  });
});
