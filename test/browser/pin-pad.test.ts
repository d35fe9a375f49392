// The resident PIN pad in Chromium: digits go to the caller once, are never rendered, and the
// pad holds nothing afterwards.
import { h, render } from 'preact';
import { PinPad } from '../../pwa/components/PinPad.tsx';
import { assert, equal } from './assert.ts';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));

describe('PinPad', () => {
  it('hands over the 4 digits once, shows only dots, and forgets them', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const got: string[] = [];
    render(h(PinPad, { triesLeft: 3, onSubmit: (pin: string) => got.push(pin), onCancel: () => {} }), host);
    await frame();
    const click = (id: string) => (host.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement).click();
    const submit = host.querySelector('[data-testid="pin-submit"]') as HTMLButtonElement;
    for (const d of ['9', '7', '5']) click(`pin-key-${d}`);
    await frame();
    assert(submit.disabled, 'cannot submit 3 digits');
    click('pin-back');
    for (const d of ['3', '1']) click(`pin-key-${d}`);
    click('pin-key-8'); // a fifth press is ignored
    await frame();
    const dots = host.querySelector('[data-testid="pin-dots"]')?.textContent;
    equal(dots, '●●●●', 'four dots');
    assert(!host.innerHTML.includes('9731'), 'the PIN is not in the DOM');
    assert(host.querySelectorAll('input').length === 0, 'no input element holds the PIN');
    click('pin-submit');
    await frame();
    equal(got, ['9731'], 'PIN handed over once');
    equal(host.querySelector('[data-testid="pin-dots"]')?.textContent, '○○○○', 'pad emptied');
    click('pin-submit');
    equal(got.length, 1, 'nothing to submit again');
    render(null, host);
    host.remove();
  });

  it('warns in red when one try is left', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    render(h(PinPad, { triesLeft: 1, onSubmit: () => {}, onCancel: () => {} }), host);
    await frame();
    const tries = host.querySelector('[data-testid="pin-tries-left"]');
    assert(tries?.classList.contains('error'), 'error style');
    equal(tries?.textContent, '残り入力回数：1回', 'text');
    render(null, host);
    host.remove();
  });
});
