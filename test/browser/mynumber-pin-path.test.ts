// The My Number PIN path of the reading screen in real Chromium, with the real card worker and
// the emulated card: only a procedure that needs the number gets it; the resident types the PIN
// on the pad; the last try waits for the staff tick; the evidence names every check.
import { h, render } from 'preact';
import { createCardService } from '../../pwa/card/card-service.ts';
import { CardRead, type CardResult } from '../../pwa/screens/CardRead.tsx';
import { type Services, ServicesContext } from '../../pwa/services.ts';
import { StaffLock } from '../../pwa/staff-lock.ts';
import { openKakanaiDB } from '../../pwa/storage/db.ts';
import { findPersona, type Persona } from '../../shared/card/emulator/personas.ts';
import { assert, equal } from './assert.ts';

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
};

const STAFF_PASSWORD = 'staff-password-for-this-test';

async function mount() {
  const host = document.createElement('div');
  host.id = 'app'; // PinUnlock makes #app inert while the resident holds the tablet
  document.body.append(host);
  const read: CardResult[] = [];
  const card = createCardService();
  const staffLock = new StaffLock(await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`));
  await staffLock.remember(STAFF_PASSWORD);
  const services = { card, staffLock } as unknown as Services; // the screen uses these two
  render(
    h(ServicesContext.Provider, {
      value: services,
      children: h(CardRead, {
        // As for 児童手当認定請求 (番号法 別表): some chosen procedure legally needs the My Number.
        title: '個人番号が必要な手続（テスト）',
        needsMyNumber: true,
        onBack: () => {},
        onRead: (r: CardResult) => read.push(r),
      }),
    }),
    host,
  );
  // The PIN pad and the hand-back screen are portaled to document.body.
  const $ = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  const typePin = async (pin: string) => {
    ($('open-pin-pad') as HTMLButtonElement).click();
    await until(() => $('pin-pad') !== null, 'the PIN pad');
    assert(host.inert, 'the staff screen behind the pad is inert');
    assert(await staffLock.isLocked(), 'the lock is on disk while the resident holds the tablet');
    for (const d of pin) ($(`pin-key-${d}`) as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 20));
    ($('pin-submit') as HTMLButtonElement).click();
    // The tablet goes back to staff: only the staff password closes the hand-back screen.
    await until(() => $('hand-back') !== null, 'the hand-back screen');
    const password = $('unlock-password') as HTMLInputElement;
    password.value = STAFF_PASSWORD;
    password.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 20));
    ($('unlock-submit') as HTMLButtonElement).click();
    await until(() => $('hand-back') === null, 'back with staff');
    await until(() => !host.inert, 'the staff screen usable again');
    assert(!(await staffLock.isLocked()), 'unlocked');
  };
  return { host, read, card, $, typePin };
}

describe('reading screen: the My Number PIN path', () => {
  it('reads the number with every check after the resident types the PIN; the last try waits for staff', async () => {
    const persona = findPersona('sato-hanako') as Persona;
    const { host, read, card, $, typePin } = await mount();
    await until(() => $(`demo-card-${persona.id}`) !== null, 'the demo cards');
    ($(`demo-card-${persona.id}`) as HTMLButtonElement).click();
    await until(() => $('pin-tries-left')?.textContent?.includes('3回') === true, 'tries left 3');
    assert($('cb-year') === null, 'no 照合番号B form: it cannot open the My Number');

    await typePin('0000');
    await until(() => $('card-error')?.textContent?.includes('2回') === true, 'wrong PIN, 2 left');
    await typePin('0001');
    await until(() => $('pin-tries-left')?.textContent?.includes('1回') === true, '1 left');
    assert(($('open-pin-pad') as HTMLButtonElement).disabled, 'the pad stays shut on the last try');
    ($('confirm-last-try') as HTMLInputElement).click();
    await until(() => !($('open-pin-pad') as HTMLButtonElement).disabled, 'staff ticked');

    await typePin(persona.pin);
    await until(() => read.length === 1, 'the read');
    const result = read[0] as CardResult;
    equal(result.fields.myNumber, persona.myNumber, 'My Number');
    equal(result.fields.name, persona.name, 'name');
    equal(result.evidence.unlockedWith, 'pin', 'unlocked with the PIN');
    for (const check of ['digests-ok', 'signature-ok', 'card-present-ok']) {
      assert(result.evidence.checks.includes(check), `check ${check} in ${result.evidence.checks.join(',')}`);
    }
    const tries = await card.pinTriesLeft();
    equal(tries.ok && tries.value, 3, 'a correct PIN resets the counter');
    assert(!host.innerHTML.includes(persona.pin), 'the PIN is not in the DOM');
    render(null, host);
    host.remove();
  });
});
