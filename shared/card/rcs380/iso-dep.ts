// ISO/IEC 14443-4 (ISO-DEP) blocks as the RC-S380 driver exchanges them with a Type B card
// (cards.md §4.1 step 7). No CID and no NAD are used: ATTRIB assigns CID 0 (step 6), so a card
// must not send either. The parser is for bytes from the card and never throws.
import { err, ok, type Result } from '../../result.ts';

export type BlockNumber = 0 | 1;

export type IsoDepBlock =
  | {
      readonly kind: 'i';
      readonly blockNumber: BlockNumber;
      readonly chaining: boolean;
      readonly inf: Uint8Array;
    }
  | { readonly kind: 'r'; readonly blockNumber: BlockNumber; readonly nak: boolean }
  /** S(WTX): the card asks for WTXM × FWT before its answer (cards.md §4.1: echo it back). */
  | { readonly kind: 's-wtx'; readonly wtxm: number }
  | { readonly kind: 's-deselect' };

export type BlockError =
  | { readonly kind: 'empty-block' }
  | { readonly kind: 'reserved-pcb'; readonly pcb: number }
  | { readonly kind: 'cid-or-nad-present' }
  | { readonly kind: 'unexpected-inf'; readonly length: number }
  | { readonly kind: 'wtx-without-wtxm' }
  | { readonly kind: 'wtxm-out-of-range'; readonly wtxm: number };

// PCB codings, ISO/IEC 14443-4 §7.1.1.1: b8b7 = 00 I-block, 10 R-block, 11 S-block; b2 is always 1.
const PCB_CHAINING = 0x10;
const PCB_CID = 0x08;
const PCB_NAD = 0x04;
const PCB_R_NAK = 0x10;

export function encodeIBlock(blockNumber: BlockNumber, chaining: boolean, inf: Uint8Array): Uint8Array {
  const block = new Uint8Array(1 + inf.length);
  block[0] = 0x02 | (chaining ? PCB_CHAINING : 0) | blockNumber; // cards.md §4.1: `02|pni`
  block.set(inf, 1);
  return block;
}

/** R(ACK) `A2|pni` (cards.md §4.1) or R(NAK) `B2|pni` (ISO/IEC 14443-4 §7.1.4). */
export function encodeRBlock(blockNumber: BlockNumber, nak: boolean): Uint8Array {
  return Uint8Array.of(0xa2 | (nak ? PCB_R_NAK : 0) | blockNumber);
}

/** The PCD's S(WTX) response echoes the card's WTXM (cards.md §4.1: `F2` echoed back). */
export function encodeWtxResponse(wtxm: number): Uint8Array {
  return Uint8Array.of(0xf2, wtxm & 0x3f);
}

export function parseBlock(bytes: Uint8Array): Result<IsoDepBlock, BlockError> {
  const pcb = bytes[0];
  if (pcb === undefined) return err({ kind: 'empty-block' });
  if ((pcb & 0xe2) === 0x02) {
    if ((pcb & (PCB_CID | PCB_NAD)) !== 0) return err({ kind: 'cid-or-nad-present' });
    const blockNumber: BlockNumber = (pcb & 1) === 1 ? 1 : 0;
    return ok({ kind: 'i', blockNumber, chaining: (pcb & PCB_CHAINING) !== 0, inf: bytes.slice(1) });
  }
  if ((pcb & 0xe6) === 0xa2) {
    if ((pcb & PCB_CID) !== 0) return err({ kind: 'cid-or-nad-present' });
    if (bytes.length !== 1) return err({ kind: 'unexpected-inf', length: bytes.length - 1 });
    const blockNumber: BlockNumber = (pcb & 1) === 1 ? 1 : 0;
    return ok({ kind: 'r', blockNumber, nak: (pcb & PCB_R_NAK) !== 0 });
  }
  if ((pcb & 0xc7) === 0xc2) {
    if ((pcb & PCB_CID) !== 0) return err({ kind: 'cid-or-nad-present' });
    const type = pcb & 0x30;
    if (type === 0x00) {
      return bytes.length === 1
        ? ok({ kind: 's-deselect' })
        : err({ kind: 'unexpected-inf', length: bytes.length - 1 });
    }
    if (type === 0x30) {
      if (bytes.length !== 2) return err({ kind: 'wtx-without-wtxm' });
      const wtxm = (bytes[1] ?? 0) & 0x3f; // b8b7 of the INF are power level indication
      if (wtxm < 1 || wtxm > 59) return err({ kind: 'wtxm-out-of-range', wtxm });
      return ok({ kind: 's-wtx', wtxm });
    }
  }
  return err({ kind: 'reserved-pcb', pcb });
}

/** FSCI → FSC in bytes (ISO/IEC 14443-3 §7.9.4); codes above 8 are taken as 256, the RC-S380's limit. */
const FSC_TABLE = [16, 24, 32, 40, 48, 64, 96, 128, 256] as const;

export function frameSize(fsci: number): number {
  return FSC_TABLE[Math.min(Math.max(fsci, 0), 8)] ?? 256;
}

/** INF bytes per block: FSC minus PCB and the 2-byte CRC (cards.md §4.1 step 7: table[…] − 3). */
export function maxInfLength(fsci: number): number {
  return frameSize(fsci) - 3;
}

/**
 * FWT in ms (cards.md §4.1: 4096/13.56 MHz × 2^FWI), plus ΔFWT = 49152/fc that ISO/IEC 14443-4
 * §7.2 lets the card add. FWI 15 is RFU and read as 4, the default.
 */
export function frameWaitingTimeMs(fwi: number): number {
  const used = fwi >= 0 && fwi <= 14 ? fwi : 4;
  return (4096 * 2 ** used + 49152) / 13_560;
}

export function describeBlockError(e: BlockError): string {
  switch (e.kind) {
    case 'reserved-pcb':
      return `reserved PCB ${e.pcb.toString(16).toUpperCase().padStart(2, '0')}`;
    case 'unexpected-inf':
      return `${e.length} unexpected INF bytes`;
    case 'wtxm-out-of-range':
      return `WTXM ${e.wtxm} out of 1..59`;
    default:
      return e.kind;
  }
}
