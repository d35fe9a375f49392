// 和暦 (Japanese era calendar). Era start dates per cards.md §1.7; each era starts on its first day.
// Used for 照合番号B (era YYMMDD), for display next to 西暦, and for legacy forms with 元号 selects.

export type EraId = 'meiji' | 'taisho' | 'showa' | 'heisei' | 'reiwa';

export interface Era {
  readonly id: EraId;
  readonly name: string; // 令和
  readonly initial: string; // R (as printed on many legacy forms)
  readonly start: string; // YYYY-MM-DD, first day of the era
}

export const ERAS: readonly Era[] = [
  { id: 'meiji', name: '明治', initial: 'M', start: '1868-01-25' },
  { id: 'taisho', name: '大正', initial: 'T', start: '1912-07-30' },
  { id: 'showa', name: '昭和', initial: 'S', start: '1926-12-25' },
  { id: 'heisei', name: '平成', initial: 'H', start: '1989-01-08' },
  { id: 'reiwa', name: '令和', initial: 'R', start: '2019-05-01' },
];

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

/** 西暦 → 和暦. Undefined before 明治 (not representable) or for an invalid date. */
export function toWareki(iso: string): WarekiDate | undefined {
  const date = parseIsoDate(iso);
  if (!date) return undefined;
  for (let i = ERAS.length - 1; i >= 0; i--) {
    const era = ERAS[i] as Era;
    if (iso >= era.start) {
      const startYear = Number(era.start.slice(0, 4));
      return { era, year: date.year - startYear + 1, month: date.month, day: date.day };
    }
  }
  return undefined;
}

/** 和暦 → 西暦 (YYYY-MM-DD). Undefined if the date does not exist or lies outside the era. */
export function fromWareki(eraId: EraId, year: number, month: number, day: number): string | undefined {
  const index = ERAS.findIndex((e) => e.id === eraId);
  const era = ERAS[index];
  if (!era || !Number.isInteger(year) || year < 1) return undefined;
  const gregorianYear = Number(era.start.slice(0, 4)) + year - 1;
  const iso = `${String(gregorianYear).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (!parseIsoDate(iso) || iso < era.start) return undefined;
  const next = ERAS[index + 1];
  if (next && iso >= next.start) return undefined;
  return iso;
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

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The ISO date `days` after (or before) an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return new Date(Date.UTC(d.year, d.month - 1, d.day + days)).toISOString().slice(0, 10);
}

const INITIALS: Readonly<Record<string, EraId>> = { M: 'meiji', T: 'taisho', S: 'showa', H: 'heisei', R: 'reiwa' };

/**
 * What staff type as a date → ISO YYYY-MM-DD, or undefined: 西暦 (2025-04-01, 2025/4/1, 20250401,
 * 2025年4月1日) and 和暦 (令和7年4月1日, 令和元年5月1日, R7.4.1, R7/4/1).
 */
export function parseDateInput(raw: string): string | undefined {
  const s = raw
    .normalize('NFKC')
    .trim()
    .replace(/\s+/gu, '')
    .replace(/元年/u, '1年');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/u.exec(s);
  if (m) {
    const iso = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
    return parseIsoDate(iso) ? iso : undefined;
  }
  m = /^(明治|大正|昭和|平成|令和|[MTSHRmtshr])(\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(s);
  if (!m) return undefined;
  const token = m[1] as string;
  const era = ERAS.find((e) => e.name === token)?.id ?? INITIALS[token.toUpperCase()];
  return era ? fromWareki(era, Number(m[2]), Number(m[3]), Number(m[4])) : undefined;
}
