// 受付番号 (receipt number): what the resident is told and what staff say on the phone, so it is
// short and readable: R + YYMMDD (Asia/Tokyo date of receipt) + "-" + the day's sequence, e.g.
// R261201-0042. The sequence is allocated in the insert transaction (applications.ts), gapless.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // JST is UTC+9 all year: Japan has no daylight saving

/** The Asia/Tokyo calendar date of an instant as YYMMDD. */
export function tokyoDay(at: Date): string {
  const tokyo = new Date(at.getTime() + TOKYO_OFFSET_MS);
  const yy = String(tokyo.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(tokyo.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(tokyo.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/** Four digits cover 9,999 a day; a 10,000th would widen to five rather than collide. */
export function formatReceiptNumber(day: string, sequence: number): string {
  return `R${day}-${String(sequence).padStart(4, '0')}`;
}
