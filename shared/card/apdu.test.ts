import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCommand, parseCommand, parseResponse, transceive } from './apdu.ts';
import { fromHex, toHex } from './bytes.ts';
import { scriptedTransport } from './scripted-transport.ts';
import type { CardTransport } from './transport.ts';

/** A reader that answers from a script and records what was sent (copies, taken at send time). */

describe('command APDUs (short form)', () => {
  it('builds cases 1 to 4 as cards.md §1.3 writes them', () => {
    expect(toHex(buildCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x80 }))).toBe('00 20 00 80');
    expect(toHex(buildCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 7 }))).toBe('00 B0 00 00 07');
    expect(toHex(buildCommand({ cla: 0, ins: 0xb0, p1: 1, p2: 0, le: 256 }))).toBe('00 B0 01 00 00');
    expect(toHex(buildCommand({ cla: 0, ins: 0xa4, p1: 2, p2: 0x0c, data: fromHex('00 15') }))).toBe(
      '00 A4 02 0C 02 00 15',
    );
    expect(toHex(buildCommand({ cla: 0x80, ins: 0x2a, p1: 0, p2: 0, data: fromHex('AA BB'), le: 256 }))).toBe(
      '80 2A 00 00 02 AA BB 00',
    );
  });

  it('refuses parameters that do not fit a short APDU', () => {
    expect(() => buildCommand({ cla: 0, ins: 0xb0, p1: 0, p2: 0, le: 257 })).toThrow(RangeError);
    expect(() => buildCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: new Uint8Array(256) })).toThrow(
      RangeError,
    );
    expect(() => buildCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: new Uint8Array(0) })).toThrow(
      RangeError,
    );
    expect(() => buildCommand({ cla: 0x100, ins: 0, p1: 0, p2: 0 })).toThrow(RangeError);
  });

  it('parses commands back into their case, and rejects inconsistent lengths', () => {
    expect(parseCommand(fromHex('00 20 00 80'))).toEqual({
      ok: true,
      value: { cla: 0, ins: 0x20, p1: 0, p2: 0x80 },
    });
    expect(parseCommand(fromHex('00 B0 00 00 00'))).toMatchObject({ ok: true, value: { le: 256 } });
    expect(parseCommand(fromHex('00 A4 02 0C 02 00 02'))).toMatchObject({
      ok: true,
      value: { data: fromHex('00 02') },
    });
    expect(parseCommand(fromHex('00 A4 02 0C 02 00 02 10'))).toMatchObject({ ok: true, value: { le: 16 } });
    expect(parseCommand(fromHex('00 A4 02'))).toEqual({
      ok: false,
      error: { kind: 'command-too-short', length: 3 },
    });
    expect(parseCommand(fromHex('00 A4 02 0C 03 00 02'))).toEqual({
      ok: false,
      error: { kind: 'lc-mismatch', lc: 3, length: 7 },
    });
    expect(parseCommand(fromHex('00 B0 00 00 00 01 00'))).toEqual({
      ok: false,
      error: { kind: 'extended-length-not-supported' },
    });
  });

  it('round-trips every short command (property)', () => {
    const byte = fc.integer({ min: 0, max: 255 });
    fc.assert(
      fc.property(
        byte,
        byte,
        byte,
        byte,
        fc.option(fc.uint8Array({ minLength: 1, maxLength: 255 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 256 }), { nil: undefined }),
        (cla, ins, p1, p2, data, le) => {
          const parsed = parseCommand(buildCommand({ cla, ins, p1, p2, data, le }));
          expect(parsed).toEqual({
            ok: true,
            value: { cla, ins, p1, p2, ...(data && { data }), ...(le && { le }) },
          });
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('response APDUs', () => {
  it('splits data from SW1 SW2', () => {
    const parsed = parseResponse(fromHex('31 32 90 00'));
    expect(parsed).toEqual({ ok: true, value: { data: fromHex('31 32'), sw1: 0x90, sw2: 0, sw: 0x9000 } });
    expect(parseResponse(fromHex('63 C9'))).toMatchObject({
      ok: true,
      value: { sw: 0x63c9, data: new Uint8Array() },
    });
  });

  it('gives typed errors for fewer than 2 bytes or an impossible SW1', () => {
    expect(parseResponse(new Uint8Array())).toEqual({
      ok: false,
      error: { kind: 'response-too-short', length: 0 },
    });
    expect(parseResponse(fromHex('90'))).toEqual({
      ok: false,
      error: { kind: 'response-too-short', length: 1 },
    });
    expect(parseResponse(fromHex('00 00'))).toEqual({ ok: false, error: { kind: 'invalid-sw1', sw1: 0 } });
    expect(parseResponse(fromHex('60 00'))).toEqual({ ok: false, error: { kind: 'invalid-sw1', sw1: 0x60 } });
  });

  it('never throws on arbitrary bytes (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const parsed = parseResponse(bytes);
        if (parsed.ok) expect(parsed.value.data.length).toBe(bytes.length - 2);
        else expect(bytes.length < 2 || parsed.error.kind === 'invalid-sw1').toBe(true);
        expect(parseCommand(bytes).ok === false || bytes.length >= 4).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('transceive', () => {
  it('follows 61xx with GET RESPONSE and joins the data', async () => {
    const transport = scriptedTransport(['01 02 61 03', '03 04 05 61 00', `${'AA '.repeat(256)}90 00`]);
    const result = await transceive(transport, fromHex('00 B0 00 00 00'));
    expect(transport.sent).toEqual(['00 B0 00 00 00', '00 C0 00 00 03', '00 C0 00 00 00']);
    expect(result.ok && toHex(result.value.data.subarray(0, 6))).toBe('01 02 03 04 05 AA');
    expect(result.ok && result.value.data.length).toBe(5 + 256);
    expect(result.ok && result.value.sw).toBe(0x9000);
  });

  it('re-issues the command with Le = xx after 6Cxx', async () => {
    const transport = scriptedTransport(['6C 11', `${'FF '.repeat(17)}90 00`]);
    const result = await transceive(transport, fromHex('00 B0 00 00 20'));
    expect(transport.sent).toEqual(['00 B0 00 00 20', '00 B0 00 00 11']);
    expect(result.ok && result.value.data.length).toBe(17);
  });

  it('adds an Le to a case 3 command after 6Cxx, then follows 61xx', async () => {
    const transport = scriptedTransport(['6C 04', '01 02 61 02', '03 04 90 00']);
    const result = await transceive(transport, fromHex('00 CA 00 45 01 00'));
    expect(transport.sent).toEqual(['00 CA 00 45 01 00', '00 CA 00 45 01 00 04', '00 C0 00 00 02']);
    expect(result.ok && toHex(result.value.data)).toBe('01 02 03 04');
  });

  it('passes other status words through with their data', async () => {
    const result = await transceive(scriptedTransport(['69 82']), fromHex('00 B0 00 00 10'));
    expect(result).toEqual({ ok: true, value: { data: new Uint8Array(), sw1: 0x69, sw2: 0x82, sw: 0x6982 } });
  });

  it('turns a short answer, a looping card and a failing reader into typed errors', async () => {
    expect(await transceive(scriptedTransport(['90']), fromHex('00 B0 00 00 10'))).toMatchObject({
      ok: false,
      error: { kind: 'malformed-response' },
    });
    const looping = scriptedTransport(Array.from({ length: 100 }, () => '61 01'));
    expect(await transceive(looping, fromHex('00 B0 00 00 10'))).toMatchObject({
      ok: false,
      error: { kind: 'malformed-response', detail: 'card kept answering 61xx/6Cxx' },
    });
    expect(await transceive(scriptedTransport(['6C 10', '6C 10']), fromHex('00 B0 00 00 20'))).toMatchObject({
      ok: false,
      error: { kind: 'malformed-response' },
    });
    expect(await transceive(scriptedTransport([]), fromHex('00 B0 00 00 10'))).toEqual({
      ok: false,
      error: { kind: 'transport-failed', detail: 'Error: script exhausted' },
    });
  });

  it('zeroes its own copy of a re-issued command but leaves the caller its buffer', async () => {
    const sentBuffers: Uint8Array[] = [];
    const transport: CardTransport = {
      readerName: 'keeps references',
      connect: async () => true,
      disconnect: async () => {},
      transmit: async (command) => {
        sentBuffers.push(command);
        return sentBuffers.length === 1 ? fromHex('6C 00') : fromHex('90 00');
      },
    };
    const command = fromHex('00 20 00 80 04 31 32 33 34');
    await transceive(transport, command);
    expect(toHex(command)).toBe('00 20 00 80 04 31 32 33 34');
    expect(sentBuffers[1]?.every((b) => b === 0)).toBe(true);
  });
});
