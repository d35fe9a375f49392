// Driving the tablet screens the way staff and residents do.
import type { Page } from 'playwright-core';
import { toWareki } from '../../shared/wareki.ts';

export interface StaffInput {
  readonly nameKana: string;
  readonly postalCode: string;
  readonly address: string;
  readonly moveDate: string;
  readonly phone?: string;
}

/** The interview's input id for a question (spec key), as pwa/screens/Interview.tsx makes it. */
export const q = (specKey: string) => `q-${specKey.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

/** Staff type the 照合番号B parts from the card face: era date of birth, expiry year, code. */
export async function enterCollationB(
  page: Page,
  face: { birthDate: string; expiryYear: number; securityCode: string },
): Promise<void> {
  const w = toWareki(face.birthDate);
  if (!w) throw new Error('birth date outside the eras');
  await page.getByTestId('cb-era').selectOption(w.era.id);
  await page.getByTestId('cb-year').fill(String(w.year));
  await page.getByTestId('cb-month').fill(String(w.month));
  await page.getByTestId('cb-day').fill(String(w.day));
  await page.getByTestId('cb-expiry-year').fill(String(face.expiryYear));
  await page.getByTestId('cb-security-code').fill(face.securityCode);
}

/**
 * What staff type for a 転入届 after the card read: the resident is the head of a one-person
 * household (so the movers list derives from the card), and the new address comes with its code.
 */
export async function fillStaffFields(page: Page, input: StaffInput): Promise<void> {
  await page.getByTestId(q('applicant.nameKana')).fill(input.nameKana);
  await page.getByTestId(q('move.newPostalCode')).fill(input.postalCode);
  // The offline lookup answers (an address, or that its data is not there yet) before staff go on.
  await page
    .getByTestId(`${q('move.newPostalCode')}-status`)
    .filter({ hasNotText: '探しています' })
    .waitFor();
  await page.getByTestId(q('move.newAddress')).fill(input.address);
  await page.getByTestId(q('move.date')).fill(input.moveDate);
  await page.getByTestId(q('move.date')).press('Enter');
  await page.getByTestId(q('household.relationship')).selectOption('head');
  const name = await page.getByTestId(q('applicant.name')).inputValue();
  await page.getByTestId(q('household.headName')).fill(name);
  await page.getByTestId(q('contact.phone')).fill(input.phone ?? '090-1234-5678');
}

/** A pen stroke across one signature pad (real pointer events from the mouse). */
export async function signOnCanvas(page: Page, slot = 'visit'): Promise<void> {
  const pad = page.getByTestId(`signature-${slot}`).getByTestId('signature-pad');
  await pad.scrollIntoViewIfNeeded(); // the mouse only reaches what is inside the viewport
  const box = await pad.boundingBox();
  if (!box) throw new Error('no signature pad');
  await page.mouse.move(box.x + 30, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) {
    await page.mouse.move(box.x + 30 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  }
  await page.mouse.up();
}

/** Puts the persona's card on the emulated reader, or lifts it off (the button toggles). */
export async function placeCard(page: Page, personaId: string, on = true): Promise<void> {
  const button = page.getByTestId(`demo-card-${personaId}`);
  if (((await button.getAttribute('aria-pressed')) === 'true') !== on) await button.click();
  await page.waitForFunction(
    ([id, want]) =>
      document.querySelector(`[data-testid="demo-card-${id}"]`)?.getAttribute('aria-pressed') ===
      String(want),
    [personaId, on] as const,
  );
}

/** The chosen value of a radio-button question, '' when none is chosen. */
export async function checkedValue(page: Page, specKey: string): Promise<string> {
  return page.evaluate(
    (name) =>
      (document.querySelector(`input[type=radio][name="${name}"]:checked`) as HTMLInputElement | null)
        ?.value ?? '',
    q(specKey),
  );
}

/**
 * The resident's part after staff hand over the tablet: the language, a check of each procedure,
 * then the signature(s) and 申請する. `procedures` in the order they are shown.
 */
export async function residentConfirms(
  page: Page,
  procedures: readonly string[],
  lang = 'ja',
): Promise<void> {
  await page.getByTestId(`lang-${lang}`).click();
  for (const id of procedures) await page.getByTestId(`confirm-${id}`).click();
}

export async function residentSigns(page: Page, slots: readonly string[] = ['visit']): Promise<void> {
  for (const slot of slots) await signOnCanvas(page, slot);
  await page.getByTestId('resident-sign').click();
}

/** A 転入届 from the menu to the resident's screen in Japanese: card read, staff fields, hand-over. */
export async function tennyuToResident(
  page: Page,
  persona: { id: string },
  face: { birthDate: string; expiryYear: number; securityCode: string },
  input: StaffInput,
): Promise<void> {
  await page.getByTestId('procedure-tennyu').click();
  await placeCard(page, persona.id);
  await enterCollationB(page, face);
  await page.getByTestId('read-card').click();
  await page.getByTestId('q-applicant_name').waitFor();
  await fillStaffFields(page, input);
  await page.getByTestId('to-resident').click();
  await page.getByTestId('resident-mode').waitFor();
  await page.getByTestId('lang-ja').click();
}

/** A whole 転入届 visit that ends queued (offline, or the tablet refused): confirmed and signed. */
export async function queuedTennyuVisit(
  page: Page,
  persona: { id: string },
  face: { birthDate: string; expiryYear: number; securityCode: string },
  input: StaffInput,
): Promise<void> {
  await tennyuToResident(page, persona, face, input);
  await page.getByTestId('confirm-tennyu').click();
  await residentSigns(page);
  await page.getByTestId('done-tennyu').getByTestId('queued').waitFor();
}

/** From the done screen back to the menu: staff unlock with the password. */
export async function backToMenu(page: Page, password: string): Promise<void> {
  await page.getByTestId('next-resident').click();
  await page.getByTestId('unlock-password').fill(password);
  await page.getByTestId('unlock-submit').click();
  await page.getByTestId('procedure-tennyu').waitFor();
}
