// Port-100 framing (cards.md §4.1) with the worked frames, and fuzzing of the parser: whatever
// the device sends, parseFrame returns a typed value and never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import {
  ACK_FRAME,
  dataChecksum,
  describeFrameError,
  encodeCommand,
  encodeFrame,
  type FrameError,
  lengthChecksum,
  PORT100,
  parseFrame,
  parseResponseData,
} from './port100.ts';

const FRAME_ERRORS: readonly FrameError['kind'][] = [
  'too-short',
  'bad-preamble',
  'bad-length-checksum',
  'bad-data-checksum',
  'empty-data',
  'too-long',
  'truncated',
  'bad-postamble',
  'trailing-bytes',
];

describe('Port-100 frames (cards.md §4.1)', () => {
  it('builds the worked example SetCommandType(1): 00 00 FF FF FF 03 00 FD D6 2A 01 FF 00', () => {
    expect(toHex(encodeCommand(PORT100.setCommandType, Uint8Array.of(0x01)))).toBe(
      '00 00 FF FF FF 03 00 FD D6 2A 01 FF 00',
    );
  });

  it('computes LCS over both length bytes and DCS over D6 cmd params', () => {
    expect(lengthChecksum(3)).toBe(0xfd);
    expect(lengthChecksum(0x0128)).toBe(0xd7); // 0x100 − (0x28 + 0x01)
    expect(lengthChecksum(0)).toBe(0x00);
    expect(dataChecksum(fromHex('D6 2A 01'))).toBe(0xff);
    expect(dataChecksum(fromHex('D7 2B 00'))).toBe(0xfe);
  });

  it('parses the ACK, the reply D7 2B 00 and the error frame', () => {
    expect(toHex(ACK_FRAME)).toBe('00 00 FF 00 FF 00');
    expect(parseFrame(ACK_FRAME)).toEqual({ ok: true, value: { kind: 'ack' } });
    const reply = parseFrame(fromHex('00 00 FF FF FF 03 00 FD D7 2B 00 FE 00'));
    expect(reply.ok && reply.value.kind === 'data' && toHex(reply.value.data)).toBe('D7 2B 00');
    expect(parseFrame(fromHex('00 00 FF FF FF'))).toEqual({ ok: true, value: { kind: 'error' } });
    // the short form: one length byte, LEN + LCS = 0
    const short = parseFrame(fromHex('00 00 FF 03 FD D7 2B 00 FE 00'));
    expect(short.ok && short.value.kind === 'data' && toHex(short.value.data)).toBe('D7 2B 00');
  });

  it('reads the result of a response and checks its code is the command + 1', () => {
    expect(parseResponseData(fromHex('D7 2B 00'), PORT100.setCommandType)).toEqual({
      ok: true,
      value: fromHex('00'),
    });
    expect(parseResponseData(fromHex('D7 07 00'), PORT100.setCommandType)).toEqual({
      ok: false,
      error: { kind: 'wrong-response-code', expected: 0x2b, got: 0x07 },
    });
    expect(parseResponseData(fromHex('D6 2B 00'), PORT100.setCommandType)).toMatchObject({
      ok: false,
      error: { kind: 'not-a-response' },
    });
  });

  it('names every malformed frame', () => {
    const cases: [string, FrameError['kind']][] = [
      ['00 00 FF', 'too-short'],
      ['01 00 FF 00 FF 00', 'bad-preamble'],
      ['00 00 FF 00 FF 01', 'bad-postamble'],
      ['00 00 FF 00 FF 00 00', 'trailing-bytes'],
      ['00 00 FF FF FF 03 00 FC D7 2B 00 FE 00', 'bad-length-checksum'],
      ['00 00 FF FF FF 03 00 FD D7 2B 00 FF 00', 'bad-data-checksum'],
      ['00 00 FF FF FF 03 00 FD D7 2B 00 FE 01', 'bad-postamble'],
      ['00 00 FF FF FF 03 00 FD D7 2B', 'truncated'],
      ['00 00 FF FF FF 00 00 00 00 00', 'empty-data'],
      ['00 00 FF FF FF 00 10 F0 00 00', 'too-long'],
      ['00 00 FF FF FF 03 00 FD D7 2B 00 FE 00 00', 'trailing-bytes'],
      ['00 00 FF 03 FC D7 2B 00 FE 00', 'bad-length-checksum'],
    ];
    for (const [hex, kind] of cases) {
      const r = parseFrame(fromHex(hex));
      expect(r.ok ? 'parsed' : r.error.kind, hex).toBe(kind);
      if (!r.ok) expect(describeFrameError(r.error)).not.toMatch(/D7 2B/);
    }
  });

  it('round-trips any data through encodeFrame/parseFrame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 298 }), (data) => {
        const r = parseFrame(encodeFrame(data));
        expect(r.ok && r.value.kind === 'data' && toHex(r.value.data)).toBe(toHex(data));
      }),
    );
  });
});

describe('Port-100 parser fuzzing: typed errors only, never a throw', () => {
  const check = (bytes: Uint8Array): void => {
    const r = parseFrame(bytes);
    if (r.ok) expect(['ack', 'error', 'data']).toContain(r.value.kind);
    else {
      expect(FRAME_ERRORS).toContain(r.error.kind);
      expect(typeof describeFrameError(r.error)).toBe('string');
    }
  };

  it('random bytes, up to 4 KiB', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 4096 }), check), { numRuns: 2000 });
  });

  it('random bytes behind a valid preamble and extended marker', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (tail) =>
        check(Uint8Array.from([0, 0, 0xff, 0xff, 0xff, ...tail])),
      ),
      { numRuns: 2000 },
    );
  });

  it('valid frames mutated (flipped, cut, extended): a mutation is either caught or harmless', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 298 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        fc.integer({ min: -20, max: 20 }),
        (data, where, xor, resize) => {
          const frame = encodeFrame(data);
          const mutated = frame.slice();
          const i = where % mutated.length;
          mutated[i] = (mutated[i] ?? 0) ^ xor;
          check(mutated);
          const r = parseFrame(mutated);
          // One flipped byte inside the checked data or its checksums is always detected.
          if (i >= 5 && i < frame.length)
            expect(r.ok && r.value.kind === 'data' && toHex(r.value.data) === toHex(data)).toBe(false);
          const cut = new Uint8Array(Math.max(0, frame.length + resize));
          cut.set(frame.subarray(0, cut.length));
          check(cut);
          // A cut or padded frame never passes as data (cut to 5 bytes it reads as the error frame).
          const resized = parseFrame(cut);
          if (resize !== 0) expect(resized.ok && resized.value.kind === 'data').toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
