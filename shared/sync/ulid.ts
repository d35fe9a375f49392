// ULID (github.com/ulid/spec): 48-bit milliseconds + 80 random bits, Crockford base32, 26 chars.
// Sortable by creation time, so the back office can list a device's envelopes in order without a
// clock it trusts; monotonic within one millisecond on one device (the random part counts up).

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const MAX_TIME = 2 ** 48 - 1;

export type Ulid = string;

export function isUlid(v: unknown): v is Ulid {
  return typeof v === 'string' && ULID.test(v);
}

/** The creation time a ULID carries (ms since the epoch). */
export function ulidTime(id: Ulid): number {
  let t = 0;
  for (const c of id.slice(0, 10)) t = t * 32 + ALPHABET.indexOf(c);
  return t;
}

function encodeTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < 0 || ms > MAX_TIME) throw new RangeError('ULID time out of range');
  let out = '';
  let t = ms;
  for (let i = 0; i < 10; i++) {
    out = (ALPHABET[t % 32] as string) + out;
    t = Math.floor(t / 32);
  }
  return out;
}

/** 16 random symbols (80 bits) as numbers 0..31, so the monotonic increment is simple. */
function randomSymbols(): number[] {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b & 31);
}

/** A generator: ULIDs from one generator are strictly increasing, also within one millisecond. */
export function ulidFactory(now: () => number = Date.now): () => Ulid {
  let lastTime = -1;
  let last: number[] = [];
  return () => {
    const time = Math.max(now(), lastTime); // a clock that steps back does not break the order
    if (time === lastTime) {
      let i = last.length - 1;
      while (i >= 0 && last[i] === 31) last[i--] = 0;
      if (i < 0) throw new Error('ULID random part overflowed within one millisecond');
      last[i] = (last[i] as number) + 1;
    } else {
      last = randomSymbols();
      lastTime = time;
    }
    return encodeTime(time) + last.map((n) => ALPHABET[n]).join('');
  };
}
