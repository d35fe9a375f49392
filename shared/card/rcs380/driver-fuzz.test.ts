// Fuzzing the driver end to end: a scripted reader that frames everything correctly but lets
// the "card" answer with arbitrary ISO-DEP blocks after a valid activation. Whatever the card
// says, transmit() resolves with bytes or rejects with a typed Rcs380Error — nothing else.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ok } from '../../result.ts';
import { createRcs380Transport } from './driver.ts';
import { Rcs380Error, type Rcs380Failure } from './errors.ts';
import { ACK_FRAME, encodeFrame } from './port100.ts';
import type { UsbPort } from './usb-port.ts';

const SENSB_RES = [0x50, 1, 2, 3, 4, 0, 0, 0, 0, 0x00, 0x81, 0x40];

/** A reader whose card answers blocks from `script` in order, then goes silent (timeouts). */
function scriptedReader(script: readonly Uint8Array[]): UsbPort {
  const queue: Uint8Array[] = [];
  let blocks = 0;
  const answer = (code: number, params: Uint8Array): number[] => {
    if (code !== 0x04) return [0x00];
    const frame = params.subarray(2);
    if (frame[0] === 0x05) return [0, 0, 0, 0, 0, ...SENSB_RES];
    if (frame[0] === 0x1d) return [0, 0, 0, 0, 0, 0x00];
    const next = script[blocks++];
    return next ? [0, 0, 0, 0, 0, ...next] : [0x80, 0, 0, 0, 0];
  };
  const done = async () => ok(undefined);
  return {
    productName: 'scripted',
    open: done,
    selectConfiguration: done,
    claimInterface: done,
    releaseInterface: done,
    close: done,
    endpoints: () => ok({ bulkIn: 1, bulkOut: 2, packetSize: 64 }),
    async transferOut(_endpoint, bytes) {
      if (bytes.length > 8 && bytes[8] === 0xd6) {
        const code = bytes[9] ?? 0;
        queue.push(
          ACK_FRAME,
          encodeFrame(Uint8Array.from([0xd7, code + 1, ...answer(code, bytes.subarray(10, -2))])),
        );
      }
      return ok(undefined);
    },
    async transferIn() {
      return ok(queue.shift() ?? new Uint8Array(0));
    },
  };
}

const KINDS: readonly Rcs380Failure['kind'][] = ['card-lost', 'card-protocol'];

// Blocks a card might send: mostly well-formed PCBs with random INF, some random noise.
const block = fc.oneof(
  fc
    .tuple(fc.constantFrom(0x02, 0x03, 0x12, 0x13), fc.uint8Array({ maxLength: 260 }))
    .map(([pcb, inf]) => Uint8Array.from([pcb, ...inf])),
  fc.constantFrom(
    Uint8Array.of(0xa2),
    Uint8Array.of(0xa3),
    Uint8Array.of(0xb2),
    Uint8Array.of(0xf2, 0x01),
    Uint8Array.of(0xc2),
  ),
  fc.uint8Array({ maxLength: 40 }),
);

describe('RC-S380 driver fuzzing (arbitrary card blocks)', () => {
  it('transmit() resolves bytes or rejects with a typed card failure', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(block, { maxLength: 12 }),
        fc.uint8Array({ minLength: 5, maxLength: 300 }),
        async (script, apdu) => {
          const transport = createRcs380Transport(scriptedReader(script), { watchdogMarginMs: 50 });
          expect(await transport.connect()).toBe(true);
          try {
            const response = await transport.transmit(apdu);
            expect(response).toBeInstanceOf(Uint8Array);
          } catch (e) {
            expect(e).toBeInstanceOf(Rcs380Error);
            expect(KINDS).toContain((e as Rcs380Error).failure.kind);
          }
          await transport.disconnect();
        },
      ),
      { numRuns: 1500 },
    );
  });
});
