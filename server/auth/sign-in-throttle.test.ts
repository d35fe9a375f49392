import { describe, expect, it } from 'vitest';
import { LOCK_MS, MAX_FAILURES, SignInThrottle, WINDOW_MS } from './sign-in-throttle.ts';

const at = (ms: number) => new Date(Date.parse('2026-12-01T00:00:00Z') + ms);

describe('SignInThrottle', () => {
  it('locks an ID after MAX_FAILURES within the window, whatever its case or width', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) t.recordFailure('Demo', at(i));
    expect(t.retryAfterMs('demo', at(10))).toBe(0);
    t.recordFailure('ｄｅｍｏ', at(20)); // full-width, NFKC-normalised: the same ID
    expect(t.retryAfterMs('demo', at(20))).toBe(LOCK_MS);
    expect(t.retryAfterMs('other', at(20))).toBe(0);
    expect(t.retryAfterMs('demo', at(20 + LOCK_MS))).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const t = new SignInThrottle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) t.recordFailure('demo', at(0));
    t.recordFailure('demo', at(WINDOW_MS + 1));
    expect(t.retryAfterMs('demo', at(WINDOW_MS + 1))).toBe(0);
  });

  it('runs at most 4 password checks at once', async () => {
    const t = new SignInThrottle();
    let running = 0;
    let peak = 0;
    const check = () =>
      t.hashing(async () => {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return true;
      });
    expect(await Promise.all(Array.from({ length: 12 }, check))).toHaveLength(12);
    expect(peak).toBe(4);
  });
});
