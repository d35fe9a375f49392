import { describe, expect, it } from 'vitest';
import { formatReceiptNumber, nextReceiptNumbers, tokyoDay } from './receipt-number.ts';

describe('受付番号', () => {
  it('uses the Tokyo date, which turns over at 15:00 UTC', () => {
    expect(tokyoDay(new Date('2026-12-01T14:59:59.999Z'))).toBe('261201');
    expect(tokyoDay(new Date('2026-12-01T15:00:00.000Z'))).toBe('261202');
    expect(tokyoDay(new Date('2026-12-31T15:00:00.000Z'))).toBe('270101');
  });

  it('names the issuer in two digits and pads its daily sequence to four, widening past them', () => {
    expect(formatReceiptNumber('261201', 7, 1)).toBe('R261201-07-0001');
    expect(formatReceiptNumber('261201', 0, 9999)).toBe('R261201-00-9999');
    expect(formatReceiptNumber('261201', 123, 10000)).toBe('R261201-123-10000');
  });

  it("continues an issuer's sequence within the Tokyo day and starts again at 1 on the next", () => {
    const evening = new Date('2026-12-01T14:59:00.000Z');
    expect(nextReceiptNumbers({ day: null, seq: 0 }, 3, evening, 2)).toEqual({
      numbers: ['R261201-03-0001', 'R261201-03-0002'],
      day: '261201',
      seq: 2,
    });
    expect(nextReceiptNumbers({ day: '261201', seq: 41 }, 3, evening, 1)).toEqual({
      numbers: ['R261201-03-0042'],
      day: '261201',
      seq: 42,
    });
    const midnightTokyo = new Date('2026-12-01T15:00:00.000Z');
    expect(nextReceiptNumbers({ day: '261201', seq: 42 }, 3, midnightTokyo, 1)).toEqual({
      numbers: ['R261202-03-0001'],
      day: '261202',
      seq: 1,
    });
    expect(nextReceiptNumbers({ day: '261201', seq: 5 }, 3, evening, 0)).toEqual({
      numbers: [],
      day: '261201',
      seq: 5,
    });
  });
});
