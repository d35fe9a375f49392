import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex } from '../bytes.ts';
import { decodeJis0208, encodeJis0208, GAIJI_PLACEHOLDER } from './jis0208.ts';

describe('decodeJis0208 (cards.md §2.3)', () => {
  it('decodes row+0x20/cell+0x20 pairs: 免許　太郎', () => {
    expect(decodeJis0208(fromHex('4C 48 35 76 21 21 42 40 4F 3A'))).toEqual({
      ok: true,
      value: { text: '免許　太郎', marks: [] },
    });
  });

  it('decodes kana, full-width digits and the JIS 〓 itself (22 2E) without a mark', () => {
    const decoded = decodeJis0208(fromHex('25 22 23 31 22 2E'));
    expect(decoded).toEqual({ ok: true, value: { text: 'ア１〓', marks: [] } });
  });

  it('turns 外字 FF F1 into a visible 〓 and lists it (never dropped, never a wrong character)', () => {
    // 𠮷野: 外字1 then 野 (4C 6E)
    expect(decodeJis0208(fromHex('FF F1 4C 6E'))).toEqual({
      ok: true,
      value: {
        text: `${GAIJI_PLACEHOLDER}野`,
        marks: [{ kind: 'gaiji', index: 0, number: 1, code: 0xfff1 }],
      },
    });
  });

  it('marks 外字7 and 欠字 (FF FA) at their text positions', () => {
    const decoded = decodeJis0208(fromHex('4C 6E FF F7 42 40 FF FA'));
    expect(decoded.ok && decoded.value.text).toBe('野〓太〓');
    expect(decoded.ok && decoded.value.marks).toEqual([
      { kind: 'gaiji', index: 1, number: 7, code: 0xfff7 },
      { kind: 'missing', index: 3, code: 0xfffa },
    ]);
  });

  it('also accepts the marker low byte first (F1 FF), as TRET reads it', () => {
    const decoded = decodeJis0208(fromHex('F1 FF'));
    expect(decoded.ok && decoded.value.marks).toEqual([{ kind: 'gaiji', index: 0, number: 1, code: 0xf1ff }]);
  });

  it('marks a well-formed but empty cell (row 9) as unmapped instead of guessing', () => {
    const decoded = decodeJis0208(fromHex('29 21'));
    expect(decoded).toEqual({
      ok: true,
      value: { text: GAIJI_PLACEHOLDER, marks: [{ kind: 'unmapped', index: 0, code: 0x2921 }] },
    });
  });

  it('gives typed errors for an odd byte count and for bytes outside 21–7E', () => {
    expect(decodeJis0208(fromHex('4C 48 35'))).toEqual({
      ok: false,
      error: { kind: 'odd-length', length: 3 },
    });
    expect(decodeJis0208(fromHex('4C 48 35 7F'))).toEqual({
      ok: false,
      error: { kind: 'invalid-byte', offset: 3, byte: 0x7f },
    });
    expect(decodeJis0208(fromHex('1B 24'))).toEqual({
      ok: false,
      error: { kind: 'invalid-byte', offset: 0, byte: 0x1b },
    });
    expect(decodeJis0208(fromHex('FF F8'))).toEqual({
      ok: false,
      error: { kind: 'invalid-byte', offset: 1, byte: 0xf8 },
    });
  });

  it('decodes the empty value to empty text', () => {
    expect(decodeJis0208(new Uint8Array(0))).toEqual({ ok: true, value: { text: '', marks: [] } });
  });

  it('never throws on arbitrary bytes; every result is a value (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const decoded = decodeJis0208(bytes);
        if (decoded.ok) {
          expect(decoded.value.text.length).toBe(bytes.length / 2);
          for (const m of decoded.value.marks) expect(decoded.value.text[m.index]).toBe(GAIJI_PLACEHOLDER);
        } else {
          expect(['odd-length', 'invalid-byte']).toContain(decoded.error.kind);
        }
      }),
      { numRuns: 5000 },
    );
  });
});

describe('encodeJis0208 (emulator side)', () => {
  it('round-trips text made of JIS X 0208 characters (fuzz over the whole table)', () => {
    const jisPair = fc.tuple(fc.integer({ min: 0x21, max: 0x7e }), fc.integer({ min: 0x21, max: 0x7e }));
    fc.assert(
      fc.property(fc.array(jisPair, { maxLength: 60 }), (pairs) => {
        const decoded = decodeJis0208(Uint8Array.from(pairs.flat()));
        if (!decoded.ok) throw new Error('pairs in 21–7E always decode');
        if (decoded.value.marks.length > 0) return; // empty cells have no character to encode
        const encoded = encodeJis0208(decoded.value.text);
        expect(encoded.ok).toBe(true);
        const again = encoded.ok ? decodeJis0208(encoded.value) : undefined;
        expect(again?.ok && again.value.text).toBe(decoded.value.text);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a character outside JIS X 0208 unless it is registered as 外字', () => {
    expect(encodeJis0208('𠮷野')).toEqual({
      ok: false,
      error: { kind: 'not-encodable', index: 0, codePoint: 0x20bb7 },
    });
    expect(encodeJis0208('野😀')).toEqual({
      ok: false,
      error: { kind: 'not-encodable', index: 1, codePoint: 0x1f600 },
    });
    const encoded = encodeJis0208('𠮷野', { gaiji: new Map([['𠮷', 1]]) });
    expect(encoded.ok && Array.from(encoded.value)).toEqual([0xff, 0xf1, 0x4c, 0x6e]);
  });
});
