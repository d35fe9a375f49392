import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, tokyoDay } from './receipt-number.ts';

describe('受付番号', () => {
  it('uses the Tokyo date, which turns over at 15:00 UTC', () => {
    expect(tokyoDay(new Date('2026-12-01T14:59:59.999Z'))).toBe('261201');
    expect(tokyoDay(new Date('2026-12-01T15:00:00.000Z'))).toBe('261202');
    expect(tokyoDay(new Date('2026-12-31T15:00:00.000Z'))).toBe('270101');
  });

  it('pads the daily sequence to four digits', () => {
    expect(formatReceiptNumber('261201', 1)).toBe('R261201-0001');
    expect(formatReceiptNumber('261201', 9999)).toBe('R261201-9999');
    expect(formatReceiptNumber('261201', 10000)).toBe('R261201-10000');
  });
});
