// ISO/IEC 14443-3 Type B activation, as the RC-S380 driver runs it (cards.md §4.1 steps 5–6):
// SENSB_REQ (REQB) → SENSB_RES (ATQB) → ATTRIB → its answer. Parsers never throw.
import { err, ok, type Result } from '../../result.ts';

/** SENSB_REQ: APf 05, AFI 00 (all families), PARAM 10 (cards.md §4.1 step 5). */
export const SENSB_REQ: Uint8Array = Uint8Array.of(0x05, 0x00, 0x10);
/** cards.md §4.1 step 5: InCommRF timeout for SENSB_REQ. */
export const SENSB_TIMEOUT_MS = 30;

export interface SensbRes {
  readonly pupi: Uint8Array;
  /** Max_Frame_Size code: FSC = table[FSCI] (cards.md §4.1 step 7: SENSB_RES[10] >> 4). */
  readonly fsci: number;
  /** Frame waiting integer (cards.md §4.1: SENSB_RES[11] >> 4). */
  readonly fwi: number;
}

export type ActivationError =
  | { readonly kind: 'sensb-res-length'; readonly length: number }
  | { readonly kind: 'not-sensb-res'; readonly first: number }
  /** Protocol_Type b1 = 0: the card does not speak ISO/IEC 14443-4, so it is no My Number Card. */
  | { readonly kind: 'not-iso-dep' }
  | { readonly kind: 'attrib-answer-empty' }
  | { readonly kind: 'attrib-cid-mismatch'; readonly cid: number };

/** SENSB_RES `50 <PUPI 4> <app data 4> <protocol info 3>` (cards.md §4.1 step 5); 13 bytes if extended. */
export function parseSensbRes(bytes: Uint8Array): Result<SensbRes, ActivationError> {
  if (bytes.length !== 12 && bytes.length !== 13)
    return err({ kind: 'sensb-res-length', length: bytes.length });
  if (bytes[0] !== 0x50) return err({ kind: 'not-sensb-res', first: bytes[0] ?? 0 });
  const maxFrameAndType = bytes[10] ?? 0;
  if ((maxFrameAndType & 0x01) === 0) return err({ kind: 'not-iso-dep' });
  return ok({ pupi: bytes.slice(1, 5), fsci: maxFrameAndType >> 4, fwi: (bytes[11] ?? 0) >> 4 });
}

/**
 * ATTRIB `1D <PUPI> 00 <FSDI> 01 00` (cards.md §4.1 step 6): default TR0/TR1 and SOF/EOF, 106 kbps
 * both ways with FSDI in the low nibble (8 = 256-byte frames), ISO/IEC 14443-4 compliant, CID 0.
 */
export function buildAttrib(pupi: Uint8Array, fsdi: number): Uint8Array {
  if (pupi.length !== 4) throw new RangeError('buildAttrib: PUPI is 4 bytes');
  if (!Number.isInteger(fsdi) || fsdi < 0 || fsdi > 8) throw new RangeError('buildAttrib: FSDI 0..8');
  return Uint8Array.of(0x1d, ...pupi, 0x00, fsdi, 0x01, 0x00);
}

/** Answer to ATTRIB: `MBLI|CID` then optional higher-layer bytes; the CID must be the 0 we gave. */
export function checkAttribAnswer(bytes: Uint8Array): Result<void, ActivationError> {
  const first = bytes[0];
  if (first === undefined) return err({ kind: 'attrib-answer-empty' });
  if ((first & 0x0f) !== 0) return err({ kind: 'attrib-cid-mismatch', cid: first & 0x0f });
  return ok(undefined);
}
