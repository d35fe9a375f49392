// The message framing on the RC-S300's vendor interface 1 (cards.md §4.2 "Message framing"):
// a CCID-style 10-byte header in front of every payload. Pure functions: the encoder is for bytes
// we write, the parser is for bytes the reader sends and never throws — every malformed message
// is a CcidFrameError value.
//
//   host → reader: 6B <len 4 bytes LE> 00(slot) <seq> 00 00 00 <payload>     (cards.md §4.2)
//   reader → host: 10-byte header, observed to start with 83, then the payload  (cards.md §4.2)
//
// cards.md calls it "PC_to_RDR_XfrBlock style", yet the type byte it shows is 6B. In the USB CCID
// class spec 6B is PC_to_RDR_Escape and 83 RDR_to_PC_Escape, which fits the two bytes shown; the
// reply's bytes 5–9 are read here with the CCID meaning (slot, seq, bStatus, bError, RFU).
// UNVERIFIED: cards.md gives only "10-byte header" and "starts with 83" for the reply.
import { err, ok, type Result } from '../../result.ts';

/** cards.md §4.2: the type byte of every host message on interface 1. */
export const HOST_MESSAGE_TYPE = 0x6b;
/** cards.md §4.2: "replies observed in comments start with 83". */
export const REPLY_MESSAGE_TYPE = 0x83;
/** cards.md §4.2: both directions carry a 10-byte header. */
export const HEADER_LENGTH = 10;
/** cards.md §4.2: slot byte `00`. */
export const SLOT = 0x00;
/**
 * Largest payload accepted either way. cards.md gives no maximum (the CCID descriptor field
 * dwMaxCCIDMessageLength is not read): UNVERIFIED, chosen well above any payload built here.
 */
export const MAX_PAYLOAD = 1024;

export interface CcidReply {
  readonly seq: number;
  /** CCID bStatus (UNVERIFIED, see the file comment): bits 7–6 are the command status. */
  readonly status: number;
  /** CCID bError, meaningful when the command status says "failed" (UNVERIFIED). */
  readonly error: number;
  readonly payload: Uint8Array;
}

export type CcidFrameError =
  | { readonly kind: 'too-short'; readonly length: number }
  | { readonly kind: 'wrong-message-type'; readonly got: number }
  | { readonly kind: 'wrong-slot'; readonly got: number }
  | { readonly kind: 'too-long'; readonly declared: number }
  | { readonly kind: 'truncated'; readonly declared: number; readonly available: number }
  | { readonly kind: 'trailing-bytes'; readonly count: number };

/** Command status in bits 7–6 of bStatus (USB CCID §6.2.6; UNVERIFIED for the RC-S300). */
export type CommandStatus = 'processed' | 'failed' | 'time-extension' | 'reserved';

export function commandStatus(status: number): CommandStatus {
  switch ((status >> 6) & 0x03) {
    case 0:
      return 'processed';
    case 1:
      return 'failed';
    case 2:
      return 'time-extension';
    default:
      return 'reserved';
  }
}

/** Wraps a payload in the host header of cards.md §4.2: `6B <len LE4> 00 <seq> 00 00 00 <payload>`. */
export function encodeMessage(seq: number, payload: Uint8Array): Uint8Array {
  if (!Number.isInteger(seq) || seq < 0 || seq > 0xff) throw new RangeError('encodeMessage: seq');
  if (payload.length > MAX_PAYLOAD) throw new RangeError('encodeMessage: payload length');
  const message = new Uint8Array(HEADER_LENGTH + payload.length);
  const n = payload.length;
  message.set([HOST_MESSAGE_TYPE, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff, SLOT, seq]);
  // bytes 7–9 stay 00 00 00 (cards.md §4.2)
  message.set(payload, HEADER_LENGTH);
  return message;
}

/** Parses one USB transfer from the reader as exactly one reply message. */
export function parseReply(bytes: Uint8Array): Result<CcidReply, CcidFrameError> {
  if (bytes.length < HEADER_LENGTH) return err({ kind: 'too-short', length: bytes.length });
  const type = bytes[0] ?? 0;
  if (type !== REPLY_MESSAGE_TYPE) return err({ kind: 'wrong-message-type', got: type });
  // dwLength, little-endian like the host header (cards.md §4.2 gives LE for the host side).
  const declared =
    ((bytes[1] ?? 0) | ((bytes[2] ?? 0) << 8) | ((bytes[3] ?? 0) << 16) | ((bytes[4] ?? 0) << 24)) >>> 0;
  if (declared > MAX_PAYLOAD) return err({ kind: 'too-long', declared });
  const slot = bytes[5] ?? 0;
  if (slot !== SLOT) return err({ kind: 'wrong-slot', got: slot });
  const available = bytes.length - HEADER_LENGTH;
  if (available < declared) return err({ kind: 'truncated', declared, available });
  if (available > declared) return err({ kind: 'trailing-bytes', count: available - declared });
  return ok({
    seq: bytes[6] ?? 0,
    status: bytes[7] ?? 0,
    error: bytes[8] ?? 0,
    payload: bytes.slice(HEADER_LENGTH),
  });
}

/** One line for diagnostics; never includes payload bytes (they may carry a credential). */
export function describeCcidFrameError(e: CcidFrameError): string {
  switch (e.kind) {
    case 'too-short':
      return `reply of ${e.length} bytes is shorter than the 10-byte header`;
    case 'wrong-message-type':
      return `reply type ${hex2(e.got)}, expected 83`;
    case 'wrong-slot':
      return `reply for slot ${hex2(e.got)}, expected 00`;
    case 'too-long':
      return `reply declares ${e.declared} payload bytes`;
    case 'truncated':
      return `reply declares ${e.declared} payload bytes, ${e.available} present`;
    case 'trailing-bytes':
      return `${e.count} bytes after the reply`;
  }
}

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
