// The fill engine on the real fixture screen in Chromium: every legacy field, events as a user
// would cause them, never a submit, and flagged fields left for staff to type.
import { countOutcomes, type FillReport, fillPage } from '../../extension/fill.ts';
import { demoLegacyTennyu } from '../../extension/recipes/demo-legacy-tennyu.ts';
import { YAMADA } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

let submits = 0;

/** Puts the fixture's form into this page, fresh for each test. */
async function loadFixture(): Promise<HTMLFormElement> {
  const html = await (await fetch('/test/fixtures/legacy/tennyu.html')).text();
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const form = parsed.querySelector('form');
  assert(form, 'fixture has a form');
  document.body.replaceChildren(document.importNode(form, true));
  const live = document.querySelector('form') as HTMLFormElement;
  live.removeAttribute('onsubmit'); // the page's checkForm() script is not loaded here
  submits = 0;
  live.addEventListener('submit', (e) => {
    submits++;
    e.preventDefault();
  });
  // A programmatic submit() fires no event, so catch that path too.
  live.submit = () => {
    submits++;
  };
  live.requestSubmit = () => {
    submits++;
  };
  return live;
}

const field = (name: string) =>
  document.querySelector(`[name="${name}"]`) as HTMLInputElement | HTMLSelectElement;
const value = (name: string) => field(name).value;
const outcomeOf = (report: FillReport, selector: string) =>
  report.fields.find((f) => f.selector === selector)?.outcome;

describe('fillPage on the demo 住民記録システム 転入届 screen', () => {
  it('fills every field the way the legacy screen expects', async () => {
    await loadFixture();
    const report = fillPage(document, demoLegacyTennyu, YAMADA);
    equal(countOutcomes(report), { filled: 15, flagged: 0, missing: 0 }, 'all 15 rules filled');
    equal(value('shimei'), '山田　太郎');
    equal(value('kana'), 'ﾔﾏﾀﾞ ﾀﾛｳ', 'half-width kana with dakuten split');
    equal(
      [value('gengo'), value('nen'), value('tsuki'), value('hi')],
      ['S', '55', '2', '17'],
      '昭和55年2月17日',
    );
    equal(value('seibetsu'), '1');
    equal([value('zip1'), value('zip2')], ['100', '0013'], 'postal code 3/4 with the leading zero');
    equal(value('jusho'), YAMADA.address);
    equal(value('zenjusho'), YAMADA.previousAddress);
    equal(
      [value('idou_gengo'), value('idou_nen'), value('idou_tsuki'), value('idou_hi')],
      ['R', '8', '11', '20'],
      '令和8年11月20日',
    );
    // The selected option is what the page shows and submits, not just a property.
    equal((field('gengo') as HTMLSelectElement).selectedOptions[0]?.textContent, '昭和');
    equal(submits, 0, 'never submits');
  });

  it('fires input and change like a user, so the page’s own handlers notice', async () => {
    const form = await loadFixture();
    const events: string[] = [];
    for (const type of ['input', 'change'])
      form.addEventListener(type, (e) => events.push(`${type}:${(e.target as HTMLInputElement).name}`));
    fillPage(document, demoLegacyTennyu, YAMADA);
    assert(
      events.includes('input:kana') && events.includes('change:kana'),
      `events on kana: ${events.join(' ')}`,
    );
    assert(events.includes('change:idou_hi'), 'change reaches the last select');
    equal(events.length, 30, 'one input and one change per filled field');
  });

  it('writes through the native setter, past a framework wrapper on the element (react#10135)', async () => {
    await loadFixture();
    const input = field('shimei') as HTMLInputElement;
    let wrapperSaw = '';
    const native = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => native?.get?.call(input),
      set: (v: string) => {
        wrapperSaw = v; // what a value tracker would record, making it ignore the next input event
        native?.set?.call(input, v);
      },
    });
    fillPage(document, demoLegacyTennyu, YAMADA);
    equal(input.value, '山田　太郎');
    equal(wrapperSaw, '', 'the instance wrapper was bypassed');
  });

  it('flags a name with 𠮷 and leaves that field empty, filling the rest', async () => {
    await loadFixture();
    field('shimei').value = '前の申請の氏名'; // left over from the previous resident
    const report = fillPage(document, demoLegacyTennyu, { ...YAMADA, name: '𠮷田　太郎' });
    equal(outcomeOf(report, 'input[name="shimei"]'), {
      status: 'flagged',
      problem: { kind: 'unencodable', chars: ['𠮷'], encoding: 'shift_jis' },
    });
    equal(value('shimei'), '', 'nothing typed, and the previous value is gone');
    equal(countOutcomes(report), { filled: 14, flagged: 1, missing: 0 });
    equal(value('kana'), 'ﾔﾏﾀﾞ ﾀﾛｳ');
    equal(submits, 0);
  });

  it('flags what the screen cannot hold: bytes over maxlength, no option, no half-width form', async () => {
    await loadFixture();
    const report = fillPage(document, demoLegacyTennyu, {
      ...YAMADA,
      name: '長谷川　寿限無寿限無五劫', // 12 characters = 24 bytes > 20
      nameKana: 'ヰノウエ　ハナコ',
      sex: '0', // 不明: the screen only offers 1, 2 and 9
    });
    equal(outcomeOf(report, 'input[name="shimei"]'), {
      status: 'flagged',
      problem: { kind: 'too-many-bytes', bytes: 24, limit: 20 },
    });
    equal(outcomeOf(report, 'input[name="kana"]'), {
      status: 'flagged',
      problem: { kind: 'no-half-width-form', chars: ['ヰ'] },
    });
    equal(outcomeOf(report, 'select[name="seibetsu"]'), {
      status: 'flagged',
      problem: { kind: 'no-mapping', value: '0' },
    });
    equal([value('shimei'), value('kana'), value('seibetsu')], ['', '', '']);
  });

  it('reports a field the screen no longer has', async () => {
    await loadFixture();
    field('zip2').remove();
    const report = fillPage(document, demoLegacyTennyu, YAMADA);
    equal(outcomeOf(report, 'input[name="zip2"]'), { status: 'missing' });
    equal(value('zip1'), '100');
  });
});
