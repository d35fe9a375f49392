// Demo 住民記録システム, 転入届 entry screen (画面ID JK0210): test/fixtures/legacy/tennyu.html,
// served by test/fixtures/legacy/server.ts. Shift_JIS page, table layout, 和暦 selects, split
// postal code. maxBytes are the screen's maxlength values, which that system counts in bytes.
import type { FieldRule, Recipe, WarekiPart } from './types.ts';

const PATH = /^\/legacy\/tennyu(\.html)?$/;
const HOSTS = new Set(['127.0.0.1', 'localhost']);

// The screen names the birth date selects gengo/nen/tsuki/hi and the move date ones idou_*.
function warekiRules(label: string, source: string, prefix: string): FieldRule[] {
  const parts: [WarekiPart, string, string][] = [
    ['era', 'gengo', '元号'],
    ['year', 'nen', '年'],
    ['month', 'tsuki', '月'],
    ['day', 'hi', '日'],
  ];
  return parts.map(([part, suffix, partLabel]) => ({
    label: `${label}（${partLabel}）`,
    selector: `select[name="${prefix}${suffix}"]`,
    source,
    transform: { id: 'wareki', part },
  }));
}

export const demoLegacyTennyu: Recipe = {
  id: 'demo-legacy-tennyu',
  name: '住民記録システム（デモ） 転入届入力',
  procedure: 'tennyu',
  encoding: 'shift_jis',
  matches: (url) => url.protocol === 'http:' && HOSTS.has(url.hostname) && PATH.test(url.pathname),
  exampleUrls: ['http://127.0.0.1:8788/legacy/tennyu', 'http://localhost:8788/legacy/tennyu.html'],
  fields: [
    {
      label: '氏名',
      selector: 'input[name="shimei"]',
      source: 'name',
      transform: { id: 'text' },
      maxBytes: 20,
    },
    {
      label: 'フリガナ（半角カナ）',
      selector: 'input[name="kana"]',
      source: 'nameKana',
      transform: { id: 'half-width-kana' },
      maxBytes: 40,
    },
    ...warekiRules('生年月日', 'birthDate', ''),
    {
      label: '性別',
      selector: 'select[name="seibetsu"]',
      source: 'sex',
      // The screen has 1 男 / 2 女 / 9 適用不能 but no 0 不明: staff decide for 0.
      transform: { id: 'code-map', map: { '1': '1', '2': '2', '9': '9' } },
    },
    {
      label: '郵便番号（上3桁）',
      selector: 'input[name="zip1"]',
      source: 'postalCode',
      transform: { id: 'postal-code', part: 'first3' },
      maxBytes: 3,
    },
    {
      label: '郵便番号（下4桁）',
      selector: 'input[name="zip2"]',
      source: 'postalCode',
      transform: { id: 'postal-code', part: 'last4' },
      maxBytes: 4,
    },
    {
      label: '住所',
      selector: 'input[name="jusho"]',
      source: 'address',
      transform: { id: 'text' },
      maxBytes: 100,
    },
    {
      label: '前住所',
      selector: 'input[name="zenjusho"]',
      source: 'previousAddress',
      transform: { id: 'text' },
      maxBytes: 100,
    },
    ...warekiRules('異動日', 'moveDate', 'idou_'),
  ],
  // The demo 転入 screen holds only the 届出人 and the move: staff type the household (世帯主,
  // 続柄, 異動者) and the phone number into the system by hand.
  notOnScreen: ['previousHeadName', 'householdHead', 'relationship', 'movers', 'phone'],
};
