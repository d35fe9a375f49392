// Fuzzing the parsers of reader bytes (ccid-frame.ts, pseudo-apdu.ts) with fast-check: large
// random and mutated inputs never throw, and every failure is one of the typed errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMessage, HEADER_LENGTH, MAX_PAYLOAD, parseReply } from './ccid-frame.ts';
import { parseCommunicateThruData, parseDataObjects, parsePseudoApduResponse } from './pseudo-apdu.ts';

const FRAME_ERRORS = [
  'too-short',
  'wrong-message-type',
  'wrong-slot',
  'too-long',
  'truncated',
  'trailing-bytes',
];
const OBJECT_ERRORS = [
  'truncated-tag',
  'bad-length-encoding',
  'truncated-value',
  'missing-status-object',
  'bad-status-object',
];

/** A well-formed reply, built by hand (not with the code under test). */
function reply(seq: number, payload: Uint8Array, status = 0, error = 0): Uint8Array {
  const n = payload.length;
  return Uint8Array.from([0x83, n & 0xff, n >> 8, 0, 0, 0, seq, status, error, 0, ...payload]);
}

const payloads = fc.uint8Array({ maxLength: MAX_PAYLOAD });
const anyBytes = fc.uint8Array({ maxLength: 70_000 });

/** Mutations: flip a byte, cut the tail, append bytes, or splice random bytes in. */
const mutated = fc
  .tuple(
    fc.integer({ min: 0, max: 255 }),
    payloads,
    fc.nat(),
    fc.integer({ min: 0, max: 255 }),
    fc.uint8Array({ maxLength: 40 }),
    fc.constantFrom('flip', 'cut', 'append', 'splice'),
  )
  .map(([seq, payload, at, value, extra, how]) => {
    const bytes = reply(seq, payload);
    const i = at % bytes.length;
    switch (how) {
      case 'flip':
        bytes[i] = value;
        return bytes;
      case 'cut':
        return bytes.subarray(0, i);
      case 'append':
        return Uint8Array.from([...bytes, ...extra]);
      default:
        return Uint8Array.from([...bytes.subarray(0, i), ...extra, ...bytes.subarray(i)]);
    }
  });

function expectTyped(r: { ok: boolean; error?: { kind: string } }, kinds: string[]): void {
  if (!r.ok) expect(kinds).toContain(r.error?.kind);
}

describe('parseReply never throws', () => {
  it('random bytes up to 70 000: a reply or a typed error', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => expectTyped(parseReply(bytes), FRAME_ERRORS)),
      { numRuns: 300 },
    );
  });

  it('random bytes behind a valid 83 header prefix', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 2000 }), (tail) =>
        expectTyped(parseReply(Uint8Array.from([0x83, ...tail])), FRAME_ERRORS),
      ),
      { numRuns: 500 },
    );
  });

  it('mutated valid replies: a typed error, or a reply whose payload the header accounts for', () => {
    fc.assert(
      fc.property(mutated, (bytes) => {
        const r = parseReply(bytes);
        expectTyped(r, FRAME_ERRORS);
        if (r.ok) expect(r.value.payload.length).toBe(bytes.length - HEADER_LENGTH);
      }),
      { numRuns: 2000 },
    );
  });

  it('round trip: every valid reply parses back to its fields', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        payloads,
        fc.nat(255),
        fc.nat(255),
        (seq, payload, status, error) => {
          const r = parseReply(reply(seq, payload, status, error));
          expect(r).toEqual({ ok: true, value: { seq, status, error, payload } });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the host encoder never produces a header the reply parser would misread as a reply', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 255 }), payloads, (seq, payload) => {
        expect(parseReply(encodeMessage(seq, payload))).toEqual({
          ok: false,
          error: { kind: 'wrong-message-type', got: 0x6b },
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('payload parsers never throw', () => {
  it('parsePseudoApduResponse: data + SW for 2 bytes or more', () => {
    fc.assert(
      fc.property(anyBytes, (bytes) => {
        const r = parsePseudoApduResponse(bytes);
        expect(r.ok).toBe(bytes.length >= 2);
        if (r.ok) expect(r.value.data.length).toBe(bytes.length - 2);
      }),
      { numRuns: 200 },
    );
  });

  it('parseDataObjects / parseCommunicateThruData: objects never claim more bytes than the input, or a typed error', () => {
    const tlvish = fc.array(
      fc.oneof(
        fc.constantFrom(0xc0, 0x97, 0x95, 0x5f, 0x81, 0x82, 0x83, 0x03),
        fc.integer({ min: 0, max: 255 }),
      ),
      { maxLength: 600 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          tlvish.map((a) => Uint8Array.from(a)),
          anyBytes,
        ),
        (bytes) => {
          const objects = parseDataObjects(bytes);
          expectTyped(objects, OBJECT_ERRORS);
          if (objects.ok) {
            const covered = objects.value.reduce((n, o) => n + o.value.length, 0);
            expect(covered).toBeLessThanOrEqual(bytes.length);
          }
          expectTyped(parseCommunicateThruData(bytes), OBJECT_ERRORS);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
