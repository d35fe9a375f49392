// The Clock port (style.md §2): session expiry, receipt dates and audit times read it, so tests
// can move time forward instead of sleeping for 12 hours.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
