// 和暦 (Japanese era calendar). The eras (names, initials, first days) come from @smarthr/wareki,
// so a new era arrives with a dependency update, not with an edit here (style.md §14).
// Used for 照合番号B (era YYMMDD), for display next to 西暦, and for legacy forms with 元号 selects.
import { dateToWareki, warekiToDate } from '@smarthr/wareki';

// Our identifiers for the eras, oldest first. They name the eras in recipes and selects; the
// era data itself is discovered below. A new era in the library needs one more id here.
const ERA_IDS = ['meiji', 'taisho', 'showa', 'heisei', 'reiwa'] as const;
export type EraId = (typeof ERA_IDS)[number];

export interface Era {
  readonly id: EraId;
  readonly name: string; // 令和
  readonly initial: string; // R (as printed on many legacy forms)
  /** YYYY-MM-DD: the era's first day, or for 明治 the first day that Kakanai converts (see below). */
  readonly start: string;
}

// Japan adopted the Gregorian calendar on 明治6年1月1日 (1873-01-01, 太政官布告第337号). Before
// that the months were lunisolar, so a Gregorian day has no 和暦 date with the same month and day.
const FIRST_CONVERTIBLE_DAY = '1873-01-01';
// The scan for era changes stops here; 令和 would be in its 381st year.
const LAST_SCANNED_YEAR = 2399;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function dayNumber(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

function isoOfDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

const LIBRARY_FORM = /^(\D+?)(元|\d+)年(\d+)月(\d+)日$/u;

/** The library's reading of a valid ISO date: era name and era year. */
function libraryWareki(iso: string): { name: string; year: number } {
  const text = dateToWareki(
    `${iso.slice(0, 4)}/${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}`,
  ).result;
  const m = LIBRARY_FORM.exec(text);
  if (!m) throw new Error(`@smarthr/wareki gave an unexpected form: ${text}`);
  return { name: m[1] as string, year: m[2] === '元' ? 1 : Number(m[2]) };
}

/** Finds each day on which dateToWareki changes era: one call a year plus a binary search a change. */
function discoverEraStarts(): { name: string; start: string }[] {
  const starts = [{ name: libraryWareki(FIRST_CONVERTIBLE_DAY).name, start: FIRST_CONVERTIBLE_DAY }];
  let known = dayNumber(FIRST_CONVERTIBLE_DAY); // a day in the last era found
  const eraOn = (n: number) => libraryWareki(isoOfDayNumber(n)).name;
  let current = starts[0]?.name;
  for (let year = Number(FIRST_CONVERTIBLE_DAY.slice(0, 4)); year <= LAST_SCANNED_YEAR; year++) {
    const yearEnd = dayNumber(`${year}-12-31`);
    // A loop, not an if: two eras could change within one year.
    while (eraOn(yearEnd) !== current) {
      let lo = known; // era === current
      let hi = yearEnd; // era !== current
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (eraOn(mid) === current) lo = mid;
        else hi = mid;
      }
      current = eraOn(hi);
      starts.push({ name: current, start: isoOfDayNumber(hi) });
      known = hi;
    }
    known = yearEnd;
  }
  return starts;
}

/** The library reads 「R2.1.1」 as 令和2年: each Latin letter it accepts is an era's initial. */
function discoverInitials(): Map<string, string> {
  const byName = new Map<string, string>();
  for (let code = 0x41; code <= 0x5a; code++) {
    const letter = String.fromCharCode(code);
    const parsed = warekiToDate(`${letter}2.1.1`);
    const year = parsed.result.getFullYear();
    if (!parsed.isValid || !Number.isFinite(year)) continue;
    const w = libraryWareki(`${String(year).padStart(4, '0')}-01-01`);
    if (w.year === 2) byName.set(w.name, letter);
  }
  return byName;
}

function buildEras(): readonly Era[] {
  const starts = discoverEraStarts();
  if (starts.length > ERA_IDS.length) {
    throw new Error(`@smarthr/wareki knows ${starts.length} eras, Kakanai has ids for ${ERA_IDS.length}`);
  }
  const initials = discoverInitials();
  // The newest eras are the ones the library must know; align ids from the newest end.
  const offset = ERA_IDS.length - starts.length;
  return starts.map((s, i) => ({
    id: ERA_IDS[i + offset] as EraId,
    name: s.name,
    initial: initials.get(s.name) ?? '',
    start: s.start,
  }));
}

/** Oldest first; ERAS.indexOf(era) + 1 is the era digit of licence files (1=明治 … 5=令和). */
export const ERAS: readonly Era[] = buildEras();

export interface WarekiDate {
  readonly era: Era;
  readonly year: number; // 1 = 元年
  readonly month: number;
  readonly day: number;
}

/** Parses a strict ISO calendar date (YYYY-MM-DD) and checks that the day exists. */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date in Japan (Asia/Tokyo) of an instant, as YYYY-MM-DD: expiry checks use it. */
export function isoDateInJapan(at: Date): string {
  const shifted = new Date(at.getTime() + 9 * 3600_000); // JST has no daylight saving
  return shifted.toISOString().slice(0, 10);
}

/** 西暦 → 和暦. Undefined before 1873-01-01 (lunisolar calendar, see above) or for an invalid date. */
export function toWareki(iso: string): WarekiDate | undefined {
  const date = parseIsoDate(iso);
  if (!date || iso < FIRST_CONVERTIBLE_DAY) return undefined;
  const w = libraryWareki(iso);
  const era = ERAS.find((e) => e.name === w.name);
  return era ? { era, year: w.year, month: date.month, day: date.day } : undefined;
}

/**
 * 和暦 → 西暦 (YYYY-MM-DD). Undefined if the date does not exist or lies outside the era: the
 * library's warekiToDate accepts 令和7年2月30日 and 平成31年5月1日, so the result must read back
 * through dateToWareki as the same era, year, month and day.
 */
export function fromWareki(eraId: EraId, year: number, month: number, day: number): string | undefined {
  const era = ERAS.find((e) => e.id === eraId);
  if (!era || ![year, month, day].every(Number.isInteger) || year < 1) return undefined;
  // 元年 is one year before the start for every era but 明治, whose convertible days begin in 明治6年.
  const first = toWareki(era.start);
  if (!first) return undefined;
  const gregorianYear = Number(era.start.slice(0, 4)) - first.year + year;
  if (gregorianYear > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const iso = `${String(gregorianYear).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  const back = toWareki(iso);
  return back && back.era.id === era.id && back.year === year ? iso : undefined;
}

/** 「令和7年1月2日」, with 元年 for year 1. */
export function formatWareki(w: WarekiDate): string {
  return `${w.era.name}${w.year === 1 ? '元' : w.year}年${w.month}月${w.day}日`;
}

/** 「1980年2月17日（昭和55年2月17日）」: 和暦 next to 西暦, as residents expect. */
export function formatDateJa(iso: string): string {
  const d = parseIsoDate(iso);
  const w = toWareki(iso);
  if (!d) return iso;
  const western = `${d.year}年${d.month}月${d.day}日`;
  return w ? `${western}（${formatWareki(w)}）` : western;
}

/** The ISO date `days` after (or before) an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return new Date(Date.UTC(d.year, d.month - 1, d.day + days)).toISOString().slice(0, 10);
}

// An era name or a Latin initial, then era year, month, day.
const ERA_INPUT = new RegExp(
  `^(${ERAS.map((e) => e.name).join('|')}|[A-Za-z])(\\d{1,3})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?$`,
  'u',
);

function eraOfToken(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((e) => e.name === token || (e.initial !== '' && e.initial === upper));
}

/**
 * What staff type as a date → ISO YYYY-MM-DD, or undefined: 西暦 (2025-04-01, 2025/4/1, 20250401,
 * 2025年4月1日) and 和暦 (令和7年4月1日, 令和元年5月1日, R7.4.1, r7/4/1), full-width or not.
 */
export function parseDateInput(raw: string): string | undefined {
  const s = raw
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/元(?=[年\-/.])/u, '1');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(s);
  if (m) {
    const iso = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
    return parseIsoDate(iso) ? iso : undefined;
  }
  m = ERA_INPUT.exec(s);
  const era = m ? eraOfToken(m[1] as string) : undefined;
  return m && era ? fromWareki(era.id, Number(m[2]), Number(m[3]), Number(m[4])) : undefined;
}
