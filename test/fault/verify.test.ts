// The fault test's own 受付番号 check (verify-store.ts) must be able to fail: a hole, a double, a
// number of another issuer and a counter that does not stand at the last number are each found.
import { describe, expect, it } from 'vitest';
import { receiptSequenceProblems } from './verify-store.ts';

const apps = (...numbers: string[]) => numbers.map((receipt_number, i) => ({ id: `a${i}`, receipt_number }));

describe('receiptSequenceProblems', () => {
  it('passes a gapless sequence per day with the counter at the last number', () => {
    expect(
      receiptSequenceProblems(apps('R261201-07-0002', 'R261201-07-0001', 'R261202-07-0001'), 7, '261202', 1),
    ).toEqual([]);
    expect(receiptSequenceProblems([], 7, null, 0)).toEqual([]);
  });

  it('finds a hole, a double, another issuer and a counter that is off', () => {
    expect(receiptSequenceProblems(apps('R261201-07-0001', 'R261201-07-0003'), 7, '261201', 3)).toEqual([
      '受付番号 of 261201: number 2 is 3 (a hole or a double)',
      'the 受付番号 counter stands at 261201/3, issued up to 261201/2',
    ]);
    expect(receiptSequenceProblems(apps('R261201-07-0001', 'R261201-07-0001'), 7, '261201', 2)).toEqual([
      '受付番号 of 261201: number 2 is 1 (a hole or a double)',
    ]);
    expect(receiptSequenceProblems(apps('R261201-08-0001'), 7, '261201', 1)[0]).toMatch(
      /not one of issuer 7/,
    );
    expect(receiptSequenceProblems(apps('R261201-07-0001'), 7, '261201', 2)).toEqual([
      'the 受付番号 counter stands at 261201/2, issued up to 261201/1',
    ]);
  });
});
