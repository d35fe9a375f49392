// 受付番号 (receipt number): what the resident is told and what staff say on the phone, so it is
// short and readable: R + YYMMDD (Asia/Tokyo date of receipt) + "-" + the issuer's number + "-" +
// the issuer's sequence of that day, e.g. R261201-07-0042: the 42nd application tablet 07 brought
// that day. Each enrolled tablet is an issuer (devices.number, from 1); 00 is the back office
// itself. An issuer's sequence is gapless: it moves in the transaction that stores the
// applications (a tablet's in the same row as its chain head, sync/ingest.ts), so a rolled-back
// batch leaves no hole. Numbers issued before migration 7 read R261201-0042 and stay valid.

const TOKYO_OFFSET_MS = 9 * 60 * 60 * 1000; // JST is UTC+9 all year: Japan has no daylight saving

/** The issuer number of the back office itself (tablets are 1, 2, 3…). */
export const BACK_OFFICE_ISSUER = 0;

/** The Asia/Tokyo calendar date of an instant as YYMMDD. */
export function tokyoDay(at: Date): string {
  const tokyo = new Date(at.getTime() + TOKYO_OFFSET_MS);
  const yy = String(tokyo.getUTCFullYear() % 100).padStart(2, '0');
  const mm = String(tokyo.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(tokyo.getUTCDate()).padStart(2, '0');
  return `${yy}${mm}${dd}`;
}

/**
 * Two digits for the issuer and four for the sequence; a 100th tablet or a 10,000th application
 * of a day widens its part rather than collide.
 */
export function formatReceiptNumber(day: string, issuer: number, sequence: number): string {
  return `R${day}-${String(issuer).padStart(2, '0')}-${String(sequence).padStart(4, '0')}`;
}

/**
 * The next n numbers of an issuer whose counter stands at (day, seq): the sequence starts again
 * at 1 on a new Tokyo day. Answers the numbers and where the counter stands after them.
 */
export function nextReceiptNumbers(
  counter: { readonly day: string | null; readonly seq: number },
  issuer: number,
  receivedAt: Date,
  n: number,
): { numbers: string[]; day: string; seq: number } {
  const day = tokyoDay(receivedAt);
  const from = counter.day === day ? counter.seq : 0;
  return {
    numbers: Array.from({ length: n }, (_, i) => formatReceiptNumber(day, issuer, from + i + 1)),
    day,
    seq: from + n,
  };
}
