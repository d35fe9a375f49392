// Guessing passwords is slowed down per staff ID: after MAX_FAILURES failed sign-ins within
// WINDOW_MS the ID is refused for LOCK_MS, without spending a scrypt. And at most MAX_HASHES
// scrypt checks run at once (each takes 32 MiB), so a burst of sign-ins cannot exhaust memory.
// In memory, per back-office process: a restart forgets it, which is acceptable for a counter LAN.
import type { BackOfficeDeps } from '../deps.ts';

export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 5 * 60_000;
const MAX_TRACKED = 10_000; // distinct IDs remembered; the oldest are forgotten first
const MAX_HASHES = 4;

interface Failures {
  count: number;
  firstAt: number;
  lockedUntil?: number;
}

export class SignInThrottle {
  readonly #failures = new Map<string, Failures>();
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  /** Milliseconds until this ID may try again, or 0. */
  retryAfterMs(username: string, now: Date): number {
    const f = this.#failures.get(key(username));
    return f?.lockedUntil && f.lockedUntil > now.getTime() ? f.lockedUntil - now.getTime() : 0;
  }

  recordFailure(username: string, now: Date): void {
    const k = key(username);
    const t = now.getTime();
    const f = this.#failures.get(k);
    const current =
      f && t - f.firstAt <= WINDOW_MS && !(f.lockedUntil && f.lockedUntil <= t)
        ? f
        : { count: 0, firstAt: t };
    current.count += 1;
    if (current.count >= MAX_FAILURES) current.lockedUntil = t + LOCK_MS;
    this.#failures.delete(k); // re-insert: Map order = age, for the eviction below
    this.#failures.set(k, current);
    if (this.#failures.size > MAX_TRACKED)
      this.#failures.delete(this.#failures.keys().next().value as string);
  }

  recordSuccess(username: string): void {
    this.#failures.delete(key(username));
  }

  /** Runs one password check when a slot is free. */
  async hashing<T>(check: () => Promise<T>): Promise<T> {
    if (this.#running >= MAX_HASHES) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running += 1;
    try {
      return await check();
    } finally {
      this.#running -= 1;
      this.#waiting.shift()?.();
    }
  }
}

function key(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}

const throttles = new WeakMap<BackOfficeDeps, SignInThrottle>();

/** One throttle per back-office app (its deps object). */
export function signInThrottle(deps: BackOfficeDeps): SignInThrottle {
  let t = throttles.get(deps);
  if (!t) {
    t = new SignInThrottle();
    throttles.set(deps, t);
  }
  return t;
}
