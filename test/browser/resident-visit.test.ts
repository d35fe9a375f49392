// The resident screens in real Chromium with the real stylesheet: every language with its lang
// attribute and furigana, the values as the resident reads them, confirm and sign per visit and per
// procedure, a failed save that keeps everything, and the privacy timeout that hides every value
// until staff unlock. The signature pad and the staff unlock are test doubles (their own tests
// cover them); the doubles use the props ResidentVisit hands over.
import { h, render } from 'preact';
import type { DrawnSignature, SignaturePadLabels } from '../../pwa/components/signature-types.ts';
import {
  type ResidentApplication,
  type ResidentResult,
  ResidentVisit,
} from '../../pwa/resident/ResidentVisit.tsx';
import { HTML_LANG, LANGS, type Lang, plain, type Text } from '../../shared/i18n/lang.ts';
import { RESIDENT_FORMAT as F, RESIDENT_TEXT as T } from '../../shared/i18n/resident.ts';
import { tennyu } from '../../shared/procedures/catalogue/tennyu.ts';
import { applicantMyNumber, RELATIONSHIP_OPTIONS, SEX_OPTIONS } from '../../shared/procedures/fields.ts';
import type { ProcedureDefinition, ProcedureValues } from '../../shared/procedures/types.ts';
import { formatDateJa } from '../../shared/wareki.ts';
import { assert, equal } from './assert.ts';

const tx = (ja: string, easy: string, en: string, zh: string, ko: string, vi: string, pt: string): Text => ({
  ja,
  'ja-easy': easy,
  en,
  'zh-Hans': zh,
  ko,
  vi,
  pt,
});

// Fictional people and places only.
const TENNYU_VALUES: ProcedureValues = {
  name: '架空　花子',
  nameKana: 'カクウ　ハナコ',
  birthDate: '1988-04-12',
  sex: '2',
  previousAddress: '大阪府架空市北試験町1-2-3',
  previousHeadName: '',
  postalCode: '1000013',
  address: '東京都架空区見本町3-1-1 架空ハイツ101',
  moveDate: '2026-11-20',
  householdHead: '架空　花子',
  relationship: 'head',
  movers: [
    {
      name: '架空　花子',
      nameKana: 'カクウ　ハナコ',
      birthDate: '1988-04-12',
      sex: '2',
      relationship: 'head',
    },
    {
      name: '架空　太郎',
      nameKana: 'カクウ　タロウ',
      birthDate: '2015-06-01',
      sex: '1',
      relationship: 'child',
    },
  ],
  phone: '0312345678',
};

const PAYMENT_OPTIONS = [
  {
    value: 'bank',
    label: tx(
      '{口座振込|こうざふりこみ}',
      '{銀行|ぎんこう}に{振|ふ}り{込|こ}む',
      'Bank transfer',
      '银行转账',
      '계좌 이체',
      'Chuyển khoản',
      'Transferência',
    ),
  },
  {
    value: 'cash',
    label: tx(
      '{窓口|まどぐち}で{受|う}け{取|と}る',
      '{窓口|まどぐち}でもらう',
      'Collect at the counter',
      '在窗口领取',
      '창구에서 수령',
      'Nhận tại quầy',
      'Retirar no balcão',
    ),
  },
] as const;

// Signed on its own (signature 'procedure'), with a choice, a staff-only note, a field hidden by
// showIf and a My Number.
const TEST_PROCEDURE: ProcedureDefinition = {
  id: 'test-choice',
  name: tx(
    '{試験給付|しけんきゅうふ}の{申請|しんせい}',
    '{試験|しけん}のお{金|かね}の{申請|しんせい}',
    'Test benefit application',
    '测试补助申请',
    '시험 급부 신청',
    'Đơn trợ cấp thử nghiệm',
    'Pedido de benefício de teste',
  ),
  description: tx('{試験|しけん}', '{試験|しけん}', 'Test', '测试', '시험', 'Thử', 'Teste'),
  basis: 'テスト',
  department: 'テスト課',
  myNumber: { basis: 'テスト' },
  signature: 'procedure',
  fields: [
    {
      name: 'payment',
      required: true,
      spec: {
        key: 'test-choice.payment',
        type: 'choice',
        section: 'other',
        options: PAYMENT_OPTIONS,
        label: tx(
          '{受取方法|うけとりほうほう}',
          'もらい{方|かた}',
          'How to receive',
          '领取方式',
          '수령 방법',
          'Cách nhận',
          'Forma de recebimento',
        ),
      },
    },
    {
      name: 'accountHolder',
      required: false,
      showIf: (v) => v.payment === 'bank',
      spec: {
        key: 'test-choice.accountHolder',
        type: 'text',
        section: 'other',
        label: tx('{名義|めいぎ}', '{名前|なまえ}', 'Holder', '名义', '명의', 'Chủ', 'Titular'),
      },
    },
    {
      name: 'staffNote',
      required: false,
      spec: {
        key: 'test-choice.staffNote',
        type: 'note',
        section: 'other',
        staffOnly: true,
        label: tx('{備考|びこう}', '{備考|びこう}', 'Note', '备注', '비고', 'Ghi chú', 'Nota'),
      },
    },
    { name: 'myNumber', required: true, spec: applicantMyNumber },
  ],
  rules: [],
  attachments: [],
  print: { title: 'テスト', addressee: 'テスト', pages: [] },
};
const TEST_VALUES: ProcedureValues = {
  payment: 'cash',
  accountHolder: 'カクウ　ハナコ（隠れた項目）',
  staffNote: '職員だけのメモ：本人確認済',
  myNumber: '123456789018',
};

const APPLICATIONS: readonly ResidentApplication[] = [
  { procedure: tennyu, values: TENNYU_VALUES, omitted: tennyu.attachments },
  { procedure: TEST_PROCEDURE, values: TEST_VALUES, omitted: [] },
];

// Strings of personal data that must never be on the privacy screen (nor the full My Number anywhere).
const PERSONAL = [
  '架空',
  'カクウ',
  '花子',
  '1988',
  '0312345678',
  '100-0013',
  '見本町',
  '9018',
  '職員だけのメモ',
];

let tinyPng = '';

/** The pad double: one button signs with the pad's own accessible name as the "typed name". */
function PadDouble({
  labels,
  onChange,
}: {
  labels: SignaturePadLabels;
  onChange: (s: DrawnSignature | null) => void;
}) {
  const signature: DrawnSignature = {
    method: 'typed',
    typedName: labels.pad,
    strokes: [],
    png: tinyPng,
    width: 90,
    height: 24,
  };
  return h('div', { class: 'pad-double' }, [
    h(
      'button',
      { type: 'button', 'data-testid': 'pad-sign', onClick: () => onChange(signature) },
      labels.pad,
    ),
    h('button', { type: 'button', 'data-testid': 'pad-clear', onClick: () => onChange(null) }, labels.clear),
  ]);
}

let unlockMounts = 0;
function UnlockDouble({ onUnlocked }: { onUnlocked: () => void; onCancel?: () => void }) {
  unlockMounts++;
  return h(
    'button',
    { type: 'button', 'data-testid': 'unlock-double', onClick: onUnlocked },
    'パスワード確認（テスト）',
  );
}

const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, what: string, ms = 4000) {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(15);
  }
}

const $ = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
function el(id: string): HTMLElement {
  const found = $(id);
  assert(found, `no [data-testid="${id}"]`);
  return found;
}
async function click(id: string) {
  (el(id) as HTMLButtonElement).click();
  await frame();
}
/** What a reader sees without the furigana readings. */
function shown(e: Element): string {
  const copy = e.cloneNode(true) as Element;
  for (const rt of copy.querySelectorAll('rt')) rt.remove();
  return (copy.textContent ?? '').replace(/\s+/gu, ' ').trim();
}
const say = (t: Text, lang: Lang) => plain(t[lang]);

interface Mounted {
  readonly host: HTMLElement;
  readonly completed: ResidentResult[];
  readonly exits: number[];
  unmount(): void;
}

// Mounted screens, removed after each test even when it fails, so none leaks into the next.
const mounted: Mounted[] = [];

function mount(
  options: { onComplete?: (r: ResidentResult) => Promise<void>; idleMs?: number; warningMs?: number } = {},
): Mounted {
  const host = document.createElement('div');
  document.body.append(host);
  const completed: ResidentResult[] = [];
  const exits: number[] = [];
  render(
    h(ResidentVisit, {
      applications: APPLICATIONS,
      onComplete:
        options.onComplete ??
        (async (r: ResidentResult) => {
          completed.push(r);
        }),
      onStaffExit: () => exits.push(1),
      idleMs: options.idleMs ?? 600_000,
      warningMs: options.warningMs ?? 30_000,
      SignaturePadComponent: PadDouble,
      UnlockComponent: UnlockDouble,
    }),
    host,
  );
  const m: Mounted = {
    host,
    completed,
    exits,
    unmount: () => {
      render(null, host);
      host.remove();
    },
  };
  mounted.push(m);
  return m;
}

async function chooseLanguage(lang: Lang) {
  if (!$(`lang-${lang}`)) await click('language-button');
  await click(`lang-${lang}`);
}

/** From the first review to the signature step. */
async function confirmAll() {
  await click('confirm-tennyu');
  await click('confirm-test-choice');
  await until(() => $('resident-sign') !== null, 'the signature step');
}

async function signBoth() {
  (el('signature-visit').querySelector('[data-testid="pad-sign"]') as HTMLButtonElement).click();
  (el('signature-test-choice').querySelector('[data-testid="pad-sign"]') as HTMLButtonElement).click();
  await frame();
}

function contrastRatio(fg: string, bg: string): number {
  const lum = (c: string) => {
    const [r, g, b] = (c.match(/\d+(\.\d+)?/gu) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return ((a ?? 0) + 0.05) / ((b ?? 0) + 0.05);
}

describe('ResidentVisit', () => {
  before(async () => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/pwa/styles.css';
    const loaded = new Promise((r) => link.addEventListener('load', r));
    document.head.append(link);
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = 90;
    canvas.height = 24;
    tinyPng = canvas.toDataURL('image/png');
  });

  afterEach(() => {
    for (const m of mounted.splice(0)) m.unmount();
  });

  it('starts with the language choice and shows every text in each language with its lang attribute', async () => {
    mount();
    await frame();
    const root = el('resident-mode');
    equal(shown(root.querySelector('h1') as Element), say(T.chooseLanguage, 'ja'), 'the chooser comes first');
    for (const lang of LANGS)
      equal(el(`lang-${lang}`).getAttribute('lang'), HTML_LANG[lang], `lang-${lang} is in itself`);
    const nameLabel = tennyu.fields[0]?.label as Text;
    for (const lang of LANGS) {
      await chooseLanguage(lang);
      equal(root.getAttribute('lang'), HTML_LANG[lang], `${lang}: lang attribute of the screen`);
      equal(
        shown(root.querySelector('h1') as Element),
        say(F.pleaseCheck(tennyu.name), lang),
        `${lang}: heading`,
      );
      equal(shown(el('resident-progress')), say(F.progress(1, 2), lang), `${lang}: progress`);
      equal(shown(el('confirm-tennyu')), say(T.confirm, lang), `${lang}: confirm button`);
      const text = shown(root);
      for (const t of [
        T.checkHelp,
        T.somethingWrong,
        T.notNeeded,
        T.textSize,
        T.contrast,
        T.staff,
        tennyu.attachments[0]?.name as Text,
      ])
        assert(text.includes(say(t, lang)), `${lang}: "${say(t, lang)}" on the screen`);
      const nameRow = el('summary-tennyu-name').parentElement as HTMLElement;
      equal(
        shown(nameRow.querySelector('dt') as Element),
        say(nameLabel, lang),
        `${lang}: the form's own label`,
      );
      equal(
        shown(el('summary-tennyu-sex')),
        say(SEX_OPTIONS[1]?.label as Text, lang),
        `${lang}: choice by its label`,
      );
      equal(
        shown(el('summary-tennyu-relationship')),
        say(RELATIONSHIP_OPTIONS[0]?.label as Text, lang),
        `${lang}: 続柄`,
      );
      equal(shown(el('summary-tennyu-previousHeadName')), say(T.emptyValue, lang), `${lang}: empty value`);
      // Japanese data inside another language is marked, so a screen reader reads it in Japanese.
      const name = el('summary-tennyu-name').querySelector('[lang]');
      if (HTML_LANG[lang] === 'ja') assert(name === null, `${lang}: no extra lang on data`);
      else equal(name?.getAttribute('lang'), 'ja', `${lang}: the name is marked Japanese`);
      assert(
        (lang === 'ja' || lang === 'ja-easy') === (root.querySelector('ruby') !== null),
        `${lang}: ruby only in Japanese`,
      );
      assert(
        (lang === 'ja' || lang === 'ja-easy') === ($('furigana-toggle') !== null),
        `${lang}: furigana toggle only in Japanese`,
      );
      await click('language-button');
      equal(
        el(`lang-${lang}`).getAttribute('aria-pressed'),
        'true',
        `${lang}: the current language is pressed`,
      );
      equal(
        shown(root.querySelector('h1') as Element),
        say(T.chooseLanguage, lang),
        `${lang}: chooser title`,
      );
    }
  });

  it('shows furigana as <ruby> in Japanese and removes it with the toggle', async () => {
    mount();
    await chooseLanguage('ja');
    const h1 = document.querySelector('[data-testid="resident-mode"] h1') as HTMLElement;
    assert(h1.innerHTML.includes('<ruby>内容<rt>ないよう</rt></ruby>'), `ruby markup: ${h1.innerHTML}`);
    const dt = (el('summary-tennyu-name').parentElement as HTMLElement).querySelector('dt') as HTMLElement;
    assert(dt.innerHTML.includes('<ruby>氏名<rt>しめい</rt></ruby>'), 'labels carry furigana');
    equal(el('furigana-toggle').getAttribute('aria-pressed'), 'true', 'furigana on by default');
    await click('furigana-toggle');
    equal(el('resident-mode').querySelectorAll('ruby').length, 0, 'no ruby left');
    equal(h1.textContent, plain(F.pleaseCheck(tennyu.name).ja), 'plain heading');
    equal(el('furigana-toggle').getAttribute('aria-pressed'), 'false', 'toggle says off');
    await chooseLanguage('ja-easy');
    equal(el('resident-mode').querySelectorAll('ruby').length, 0, 'off stays off in やさしい日本語');
    await click('furigana-toggle');
    assert(el('resident-mode').querySelectorAll('ruby').length > 10, 'back on');
  });

  it('changes text size and contrast for the whole screen, readable and touchable in both themes', async () => {
    mount();
    await chooseLanguage('en');
    const root = el('resident-mode');
    const size = () => Number.parseFloat(getComputedStyle(el('summary-tennyu-name')).fontSize);
    const sizes: number[] = [];
    for (const step of [1, 2, 3] as const) {
      await click(`text-size-${step}`);
      sizes.push(size());
      equal(el(`text-size-${step}`).getAttribute('aria-pressed'), 'true', `step ${step} pressed`);
    }
    assert(
      (sizes[0] ?? 0) >= 24 && (sizes[0] ?? 0) < (sizes[1] ?? 0) && (sizes[1] ?? 0) < (sizes[2] ?? 0),
      `sizes grow: ${sizes}`,
    );
    await click('text-size-1');
    for (const contrast of [false, true]) {
      if (contrast) await click('contrast-toggle');
      equal(root.classList.contains('resident-contrast'), contrast, 'theme class');
      equal(el('contrast-toggle').getAttribute('aria-pressed'), String(contrast), 'contrast toggle state');
      const bg = getComputedStyle(root).backgroundColor;
      if (contrast) equal(bg, 'rgb(0, 0, 0)', 'black background');
      for (const e of [
        el('summary-tennyu-name'),
        el('confirm-tennyu'),
        el('text-size-1'),
        el('contrast-toggle'),
      ]) {
        const s = getComputedStyle(e);
        const back = s.backgroundColor === 'rgba(0, 0, 0, 0)' ? bg : s.backgroundColor;
        const ratio = contrastRatio(s.color, back);
        assert(
          ratio >= 4.5,
          `contrast ${ratio.toFixed(2)} ≥ 4.5 for ${e.dataset.testid} (contrast theme: ${contrast})`,
        );
      }
      for (const b of root.querySelectorAll('button')) {
        const r = b.getBoundingClientRect();
        assert(r.width >= 44 && r.height >= 44, `touch target ${b.dataset.testid}: ${r.width}×${r.height}`);
      }
    }
  });

  it('shows the values as data, confirms each procedure and needs both signatures before submit', async () => {
    const m = mount();
    await chooseLanguage('pt');
    equal(shown(el('summary-tennyu-birthDate')), formatDateJa('1988-04-12'), 'date in 和暦 and 西暦');
    equal(shown(el('summary-tennyu-postalCode')), '〒100-0013', 'postal code');
    equal(shown(el('summary-tennyu-phone')), '03-1234-5678', 'phone, split as the printed form does');
    const table = el('summary-tennyu-movers').querySelector('table') as HTMLTableElement;
    const heads = [...table.querySelectorAll('th')].map(shown);
    equal(heads[0], 'Nome', 'column labels in the language');
    equal(table.tBodies[0]?.rows.length, 2, 'one row per mover');
    equal(
      shown(table.tBodies[0]?.rows[1]?.cells[4] as Element),
      say(RELATIONSHIP_OPTIONS[3]?.label as Text, 'pt'),
      'choice in a row',
    );
    assert(shown(el('omitted-tennyu')).includes('Certificado de saída'), 'the document they need not bring');
    assert($('resident-back') === null, 'no way back before the first procedure');
    await click('confirm-tennyu');
    equal(shown(el('resident-progress')), say(F.progress(2, 2), 'pt'), 'progress 2/2');
    equal(shown(el('summary-test-choice-payment')), 'Retirar no balcão', 'choice by its translated label');
    assert($('summary-test-choice-staffNote') === null, 'staff-only field not shown');
    assert($('summary-test-choice-accountHolder') === null, 'field hidden by showIf not shown');
    equal(shown(el('summary-test-choice-myNumber')).slice(0, 12), '●●●●●●●●9018', 'My Number masked');
    assert(!document.body.innerHTML.includes('12345678'), 'the full My Number is nowhere in the page');
    await click('resident-back');
    assert($('confirm-tennyu') !== null, 'back to the first procedure');
    await confirmAll();

    // One pad for the visit (転入届), one for the procedure signed on its own, each naming its form.
    const visitPad = el('signature-visit');
    const ownPad = el('signature-test-choice');
    assert(shown(visitPad).includes(say(tennyu.name, 'pt')), 'the visit signature names what it covers');
    assert(
      shown(ownPad).includes(say(F.signForHeading(TEST_PROCEDURE.name), 'pt')),
      'the own signature names its form',
    );
    const submit = el('resident-sign') as HTMLButtonElement;
    assert(submit.disabled, 'nothing signed yet');
    (visitPad.querySelector('[data-testid="pad-sign"]') as HTMLButtonElement).click();
    await frame();
    assert(submit.disabled, 'the procedure signature is still missing');
    equal(shown(el('signature-status-visit')), say(T.signed, 'pt'), 'status in words');
    (ownPad.querySelector('[data-testid="pad-sign"]') as HTMLButtonElement).click();
    await frame();
    assert(!submit.disabled, 'both signed');
    (visitPad.querySelector('[data-testid="pad-clear"]') as HTMLButtonElement).click();
    await frame();
    assert(submit.disabled, 'clearing the visit signature disables submit again');
    (visitPad.querySelector('[data-testid="pad-sign"]') as HTMLButtonElement).click();
    await frame();
    submit.click();
    await until(() => m.completed.length === 1, 'onComplete');
    const result = m.completed[0] as ResidentResult;
    equal(result.lang, 'pt', 'language');
    equal(result.confirmed, ['tennyu', 'test-choice'], 'confirmed ids');
    equal(Object.keys(result.signatures).sort(), ['test-choice', 'visit'], 'signature keys');
    equal(
      result.signatures.visit?.typedName,
      say(F.pad(tennyu.name), 'pt'),
      'the visit pad was labelled for 転入届',
    );
    equal(
      result.signatures['test-choice']?.typedName,
      say(F.pad(TEST_PROCEDURE.name), 'pt'),
      'the own pad for its form',
    );
    await until(() => $('resident-done') !== null, 'thank-you screen');
  });

  it('shows the save error, keeps the signatures and saves on the next press', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const results: ResidentResult[] = [];
    mount({
      onComplete: (r) => {
        calls++;
        results.push(r);
        if (calls === 1) return Promise.reject(new Error('IndexedDB quota'));
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    await chooseLanguage('vi');
    await confirmAll();
    await signBoth();
    await click('resident-sign');
    await until(() => $('sign-failed') !== null, 'the error');
    equal(shown(el('sign-failed')), say(T.saveFailed, 'vi'), 'translated error with the next step');
    equal(el('sign-failed').getAttribute('role'), 'alert', 'announced');
    equal(shown(el('signature-status-visit')), say(T.signed, 'vi'), 'visit signature kept');
    equal(shown(el('signature-status-test-choice')), say(T.signed, 'vi'), 'procedure signature kept');
    const submit = el('resident-sign') as HTMLButtonElement;
    assert(!submit.disabled, 'can press again');
    submit.click();
    await until(() => $('resident-saving') !== null, 'saving…');
    assert(submit.disabled, 'no double submit while saving');
    equal(shown(submit), say(T.saving, 'vi'), 'the button says it is saving');
    assert($('sign-failed') === null, 'the old error is gone');
    release();
    await until(() => $('resident-done') !== null, 'thank-you screen');
    equal(calls, 2, 'two attempts');
    equal(results[1], results[0], 'the same result both times');
  });

  it('warns after idle time, hides everything on timeout and resumes after staff unlock', async () => {
    mount({ idleMs: 500, warningMs: 600 });
    await chooseLanguage('en');
    await click('confirm-tennyu');
    await confirmAllFromSecond();
    await signBoth();

    // Input keeps the screen: moving the pointer for longer than idleMs shows no warning.
    for (let i = 0; i < 12; i++) {
      document.dispatchEvent(new PointerEvent('pointermove', { bubbles: true }));
      await sleep(60);
    }
    assert($('idle-warning') === null, 'no warning while the resident is active');

    await until(() => $('idle-warning') !== null, 'the idle warning');
    const dialog = el('idle-warning');
    equal(dialog.getAttribute('role'), 'alertdialog', 'alertdialog');
    assert(dialog.contains(document.activeElement), 'focus is inside the warning');
    equal(shown(el('idle-countdown')), say(F.idleCountdown(1), 'en'), 'countdown');
    await click('idle-continue');
    assert($('idle-warning') === null && $('resident-sign') !== null, 'continue returns to the same step');

    await until(() => $('privacy-screen') !== null, 'the privacy screen');
    const body = document.body.textContent ?? '';
    const html = document.body.innerHTML;
    for (const s of PERSONAL) assert(!body.includes(s) && !html.includes(s), `"${s}" is not in the page`);
    assert(
      document.querySelector('[data-testid^="summary-"], [data-testid^="signature-"], img') === null,
      'no value, no signature',
    );
    assert(!html.includes(tinyPng), 'no signature image');
    equal(shown(el('privacy-screen').querySelector('h1') as Element), say(T.privacy, 'en'), 'privacy text');
    assert($('resident-sign') === null && $('language-button') === null, 'nothing else offered');

    await click('privacy-unlock');
    await click('unlock-double');
    await until(() => $('resident-sign') !== null, 'the flow again');
    equal(el('resident-mode').getAttribute('lang'), 'en', 'still in English');
    equal(shown(el('signature-status-visit')), say(T.signed, 'en'), 'visit signature kept in memory');
    equal(
      shown(el('signature-status-test-choice')),
      say(T.signed, 'en'),
      'procedure signature kept in memory',
    );
    assert(!(el('resident-sign') as HTMLButtonElement).disabled, 'ready to submit');
    // The kept signature is shown as drawn; signing again clears it first.
    await click('sign-again-visit');
    assert((el('resident-sign') as HTMLButtonElement).disabled, 'signing again needs a new signature');
  });

  it('leaves only through the staff unlock', async () => {
    unlockMounts = 0;
    const m = mount();
    await chooseLanguage('ko');
    assert(unlockMounts === 0 && $('unlock-double') === null, 'no unlock before staff ask for it');
    await click('staff-exit');
    assert($('unlock-double') !== null, 'the unlock opens');
    equal(m.exits.length, 0, 'not left yet');
    await click('unlock-double');
    equal(m.exits.length, 1, 'onStaffExit after unlock');
  });
});

async function confirmAllFromSecond() {
  await click('confirm-test-choice');
  await until(() => $('resident-sign') !== null, 'the signature step');
}
