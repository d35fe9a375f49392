import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.ts';
import { encodeTlv, findTlv, parseChildren, parseTlv, parseTlvList, readTlv, readTlvHeader } from './tlv.ts';

describe('BER-TLV parser', () => {
  it('reads two-byte tags of every class used on the card (FF 20, DF 21, 5F 4E, 7F 21)', () => {
    for (const [hex, tag, constructed] of [
      ['FF 20 01 AA', 0xff20, true],
      ['DF 21 01 AA', 0xdf21, false],
      ['5F 4E 01 AA', 0x5f4e, false],
      ['7F 21 01 AA', 0x7f21, true],
    ] as const) {
      const parsed = parseTlv(fromHex(hex), { strict: true });
      expect(parsed).toMatchObject({
        ok: true,
        value: { tag, constructed, length: 1, valueOffset: 3, end: 4 },
      });
    }
  });

  it('reads a three-byte tag and rejects a fourth tag byte', () => {
    expect(readTlv(fromHex('BF 81 01 00'))).toMatchObject({ ok: true, value: { tag: 0xbf8101, length: 0 } });
    expect(readTlv(fromHex('BF 81 81 01 00'))).toEqual({ ok: false, error: { kind: 'bad-tag', offset: 0 } });
  });

  it('reads short, 81 xx and 82 xx xx lengths', () => {
    const long = new Uint8Array(0x110).fill(0x41);
    expect(readTlv(fromHex(`DF 23 7F ${'41 '.repeat(0x7f)}`))).toMatchObject({
      ok: true,
      value: { length: 0x7f },
    });
    expect(readTlv(fromHex(`FF 20 81 80 ${'41 '.repeat(0x80)}`))).toMatchObject({
      ok: true,
      value: { length: 0x80, valueOffset: 4 },
    });
    const twoByte = readTlv(Uint8Array.from([0xff, 0x20, 0x82, 0x01, 0x10, ...long]));
    expect(twoByte).toMatchObject({ ok: true, value: { length: 0x110, valueOffset: 5, end: 5 + 0x110 } });
  });

  it('rejects indefinite and over-long lengths', () => {
    expect(readTlv(fromHex('FF 20 80 00 00'))).toEqual({
      ok: false,
      error: { kind: 'bad-length', offset: 2, detail: 'indefinite' },
    });
    expect(readTlv(fromHex('FF 20 83 00 00 01 AA'))).toEqual({
      ok: false,
      error: { kind: 'bad-length', offset: 2, detail: 'too-long' },
    });
  });

  it('reports where the bytes ran out', () => {
    expect(readTlv(new Uint8Array(0))).toEqual({
      ok: false,
      error: { kind: 'truncated', offset: 0, part: 'tag' },
    });
    expect(readTlv(fromHex('FF'))).toEqual({
      ok: false,
      error: { kind: 'truncated', offset: 0, part: 'tag' },
    });
    expect(readTlv(fromHex('DF 22'))).toEqual({
      ok: false,
      error: { kind: 'truncated', offset: 2, part: 'length' },
    });
    expect(readTlv(fromHex('FF 20 82 01'))).toEqual({
      ok: false,
      error: { kind: 'truncated', offset: 2, part: 'length' },
    });
    expect(readTlv(fromHex('DF 22 03 41 42'))).toEqual({
      ok: false,
      error: { kind: 'truncated', offset: 3, part: 'value' },
    });
  });

  it('leaves EF 0001 filler alone when lenient, rejects it when strict', () => {
    const ef0001 = fromHex('FF 10 0C 31 31 31 31 31 31 31 31 31 31 31 38 FF FF');
    expect(parseTlv(ef0001)).toMatchObject({ ok: true, value: { tag: 0xff10, end: 15 } });
    expect(parseTlv(ef0001, { strict: true })).toEqual({
      ok: false,
      error: { kind: 'trailing-bytes', offset: 15 },
    });
  });

  it('keeps raw offsets into the parsed buffer for nested elements', () => {
    const bytes = fromHex('00 00 FF 20 08 DF 22 01 41 DF 25 01 31 FF FF');
    const outer = parseTlv(bytes, { offset: 2 });
    if (!outer.ok) throw new Error('outer');
    const children = parseChildren(bytes, outer.value);
    if (!children.ok) throw new Error('children');
    const sex = findTlv(children.value, 0xdf25);
    expect(sex).toMatchObject({ offset: 9, valueOffset: 12, end: 13 });
    expect(toHex(sex?.raw ?? new Uint8Array())).toBe('DF 25 01 31');
    expect(toHex(outer.value.raw)).toBe('FF 20 08 DF 22 01 41 DF 25 01 31');
    expect(findTlv(children.value, 0xdf23)).toBeUndefined();
  });

  it('requires a list to fill its range exactly', () => {
    expect(parseTlvList(fromHex('DF 22 01 41 DF 23 02 42'))).toEqual({
      ok: false,
      error: { kind: 'truncated', offset: 7, part: 'value' },
    });
    // A child may not run past its parent even when the buffer goes on.
    const bytes = fromHex('FF 20 04 DF 22 02 41 42 43');
    const outer = readTlv(bytes);
    if (!outer.ok) throw new Error('outer');
    expect(parseChildren(bytes, outer.value)).toMatchObject({ ok: false, error: { kind: 'truncated' } });
  });

  it('encodes the shortest length form and round-trips', () => {
    expect(toHex(encodeTlv(0xdf25, fromHex('31')))).toBe('DF 25 01 31');
    expect(toHex(encodeTlv(0xff20, new Uint8Array(0x80)).subarray(0, 4))).toBe('FF 20 81 80');
    expect(toHex(encodeTlv(0xff20, new Uint8Array(0x100)).subarray(0, 5))).toBe('FF 20 82 01 00');
    fc.assert(
      fc.property(
        fc.constantFrom(0xff20, 0xdf21, 0x5f4e, 0x7f21, 0x04, 0x90),
        fc.uint8Array({ maxLength: 600 }),
        (tag, value) => {
          const parsed = parseTlv(encodeTlv(tag, value), { strict: true });
          expect(parsed.ok && parsed.value.tag === tag && toHex(parsed.value.value) === toHex(value)).toBe(
            true,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary bytes and keeps every element inside the buffer (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (bytes, strict) => {
        const one = parseTlv(bytes, { strict });
        if (one.ok) {
          expect(one.value.end).toBeLessThanOrEqual(bytes.length);
          expect(one.value.value.length).toBe(one.value.length);
          if (strict) expect(one.value.end).toBe(bytes.length);
        } else {
          expect(typeof one.error.kind).toBe('string');
        }
        const list = parseTlvList(bytes);
        if (list.ok) expect(list.value.reduce((n, t) => n + t.raw.length, 0)).toBe(bytes.length);
        const header = readTlvHeader(bytes);
        if (header.ok) expect(header.value.valueOffset).toBeLessThanOrEqual(bytes.length);
      }),
      { numRuns: 5000 },
    );
  });
});
