// ISO/IEC 14443-4 blocks and Type B activation (cards.md §4.1 steps 5–7): codings, FSC/FWT,
// and fuzzing of the block and SENSB_RES parsers (typed errors only, never a throw).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import {
  type BlockError,
  describeBlockError,
  encodeIBlock,
  encodeRBlock,
  encodeWtxResponse,
  frameSize,
  frameWaitingTimeMs,
  maxInfLength,
  parseBlock,
} from './iso-dep.ts';
import { buildAttrib, checkAttribAnswer, parseSensbRes } from './type-b.ts';

const BLOCK_ERRORS: readonly BlockError['kind'][] = [
  'empty-block',
  'reserved-pcb',
  'cid-or-nad-present',
  'unexpected-inf',
  'wtx-without-wtxm',
  'wtxm-out-of-range',
];

describe('ISO-DEP blocks', () => {
  it('encodes I-blocks 02|pni (+10 when chaining), R(ACK) A2|pni, R(NAK) B2|pni, WTX F2', () => {
    expect(toHex(encodeIBlock(0, false, fromHex('00 A4')))).toBe('02 00 A4');
    expect(toHex(encodeIBlock(1, true, fromHex('00')))).toBe('13 00');
    expect(toHex(encodeRBlock(1, false))).toBe('A3');
    expect(toHex(encodeRBlock(0, true))).toBe('B2');
    expect(toHex(encodeWtxResponse(3))).toBe('F2 03');
  });

  it('parses what a card sends', () => {
    expect(parseBlock(fromHex('03 90 00'))).toEqual({
      ok: true,
      value: { kind: 'i', blockNumber: 1, chaining: false, inf: fromHex('90 00') },
    });
    expect(parseBlock(fromHex('12 AA'))).toMatchObject({
      ok: true,
      value: { kind: 'i', chaining: true, blockNumber: 0 },
    });
    expect(parseBlock(fromHex('A3'))).toEqual({ ok: true, value: { kind: 'r', blockNumber: 1, nak: false } });
    expect(parseBlock(fromHex('F2 C5'))).toEqual({ ok: true, value: { kind: 's-wtx', wtxm: 5 } }); // power bits ignored
    expect(parseBlock(fromHex('C2'))).toEqual({ ok: true, value: { kind: 's-deselect' } });
    const bad: [string, BlockError['kind']][] = [
      ['', 'empty-block'],
      ['0A 00', 'cid-or-nad-present'],
      ['06 00', 'cid-or-nad-present'],
      ['A2 00', 'unexpected-inf'],
      ['F2', 'wtx-without-wtxm'],
      ['F2 00', 'wtxm-out-of-range'],
      ['F2 3C', 'wtxm-out-of-range'],
      ['00', 'reserved-pcb'],
      ['E2', 'reserved-pcb'],
    ];
    for (const [hex, kind] of bad) {
      const r = parseBlock(fromHex(hex));
      expect(r.ok ? 'parsed' : r.error.kind, hex).toBe(kind);
    }
  });

  it('FSC from FSCI (−3 for PCB and CRC) and FWT from FWI', () => {
    expect([0, 5, 8, 12].map(frameSize)).toEqual([16, 64, 256, 256]);
    expect(maxInfLength(8)).toBe(253);
    expect(frameWaitingTimeMs(0)).toBeCloseTo((4096 + 49152) / 13560, 6);
    expect(frameWaitingTimeMs(4)).toBeCloseTo(8.457, 2);
    expect(frameWaitingTimeMs(15)).toBe(frameWaitingTimeMs(4));
  });

  it('fuzz: any bytes give a block or a typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = parseBlock(bytes);
        if (!r.ok) {
          expect(BLOCK_ERRORS).toContain(r.error.kind);
          expect(typeof describeBlockError(r.error)).toBe('string');
        } else if (r.value.kind === 'i') expect(r.value.inf.length).toBe(bytes.length - 1);
      }),
      { numRuns: 5000 },
    );
  });

  it('fuzz: every one-byte PCB is classified the same way twice (no hidden state)', () => {
    for (let pcb = 0; pcb < 256; pcb++) {
      expect(parseBlock(Uint8Array.of(pcb, 1))).toEqual(parseBlock(Uint8Array.of(pcb, 1)));
    }
  });
});

describe('Type B activation', () => {
  const sensbRes = fromHex('50 12 34 56 78 00 00 00 00 00 81 41');

  it('reads PUPI, FSCI and FWI from SENSB_RES', () => {
    expect(parseSensbRes(sensbRes)).toEqual({
      ok: true,
      value: { pupi: fromHex('12 34 56 78'), fsci: 8, fwi: 4 },
    });
    expect(parseSensbRes(fromHex('50 12 34 56 78 00 00 00 00 00 80 41'))).toEqual({
      ok: false,
      error: { kind: 'not-iso-dep' },
    });
    expect(parseSensbRes(fromHex('51 12 34 56 78 00 00 00 00 00 81 41'))).toMatchObject({ ok: false });
  });

  it('builds ATTRIB 1D <PUPI> 00 08 01 00 (cards.md §4.1 step 6) and checks the CID of its answer', () => {
    expect(toHex(buildAttrib(fromHex('12 34 56 78'), 8))).toBe('1D 12 34 56 78 00 08 01 00');
    expect(checkAttribAnswer(fromHex('00'))).toEqual({ ok: true, value: undefined });
    expect(checkAttribAnswer(fromHex('01'))).toEqual({
      ok: false,
      error: { kind: 'attrib-cid-mismatch', cid: 1 },
    });
    expect(checkAttribAnswer(new Uint8Array(0))).toEqual({
      ok: false,
      error: { kind: 'attrib-answer-empty' },
    });
  });

  it('fuzz: SENSB_RES parser and mutated SENSB_RES never throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.nat(11), fc.nat(255), (bytes, i, v) => {
        expect(typeof parseSensbRes(bytes).ok).toBe('boolean');
        const mutated = sensbRes.slice();
        mutated[i] = v;
        const r = parseSensbRes(mutated);
        if (r.ok) expect(r.value.pupi).toHaveLength(4);
      }),
      { numRuns: 3000 },
    );
  });
});
