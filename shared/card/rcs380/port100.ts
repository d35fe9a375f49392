// NFC Port-100 framing, the RC-S380's host protocol (cards.md §4.1 "Framing"). Pure functions:
// the builder is for bytes we write, the parser is for bytes the device sends and never throws —
// every malformed frame is a FrameError value.
import { err, ok, type Result } from '../../result.ts';

/** Command codes (cards.md §4.1 "Commands"); the response code is the command code + 1. */
export const PORT100 = {
  inSetRF: 0x00,
  inSetProtocol: 0x02,
  inCommRF: 0x04,
  switchRF: 0x06,
  getFirmwareVersion: 0x20,
  getPDDataVersion: 0x22,
  setCommandType: 0x2a,
} as const;

/** The direction bytes in front of a command / response (cards.md §4.1: `D6 <cmd>`, `D7 <cmd+1>`). */
export const HOST_TO_DEVICE = 0xd6;
export const DEVICE_TO_HOST = 0xd7;

/** ACK frame (cards.md §4.1): the device sends it first; the host sends it to cancel / soft-reset. */
export const ACK_FRAME: Uint8Array = Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00);

/** `00 00 FF FF FF` alone: the device's error frame (nfcpy rcs380.py Frame, cards.md §8). */
export const ERROR_FRAME: Uint8Array = Uint8Array.of(0x00, 0x00, 0xff, 0xff, 0xff);

/** Frame overhead around the data: preamble 3, FF FF, LEN 2, LCS, DCS, postamble. */
export const FRAME_OVERHEAD = 10;
/** Largest data (D6/D7 … ) a frame may carry here: 290 bytes of RF data (cards.md §4.1) + header. */
export const MAX_FRAME_DATA = 290 + 8;

export type Frame =
  | { readonly kind: 'ack' }
  | { readonly kind: 'error' }
  | { readonly kind: 'data'; readonly data: Uint8Array };

export type FrameError =
  | { readonly kind: 'too-short'; readonly length: number }
  | { readonly kind: 'bad-preamble' }
  | { readonly kind: 'bad-length-checksum' }
  | { readonly kind: 'bad-data-checksum' }
  | { readonly kind: 'empty-data' }
  | { readonly kind: 'too-long'; readonly length: number }
  | { readonly kind: 'truncated'; readonly declared: number; readonly available: number }
  | { readonly kind: 'bad-postamble' }
  | { readonly kind: 'trailing-bytes'; readonly count: number };

export type ResponseError =
  | { readonly kind: 'not-a-response'; readonly first: number }
  | { readonly kind: 'wrong-response-code'; readonly expected: number; readonly got: number };

/** LCS (cards.md §4.1): (0x100 − (LEN_lo + LEN_hi)) & 0xFF — the bytes plus LCS sum to 0 mod 256. */
export function lengthChecksum(length: number): number {
  return (0x100 - (((length & 0xff) + ((length >> 8) & 0xff)) & 0xff)) & 0xff;
}

/** DCS (cards.md §4.1): (0x100 − Σ data) & 0xFF over `D6 cmd params` (or `D7 …`). */
export function dataChecksum(data: Uint8Array): number {
  let sum = 0;
  for (const b of data) sum = (sum + b) & 0xff;
  return (0x100 - sum) & 0xff;
}

/** Wraps data in the frame of cards.md §4.1: `00 00 FF FF FF LEN_lo LEN_hi LCS data DCS 00`. */
export function encodeFrame(data: Uint8Array): Uint8Array {
  if (data.length === 0 || data.length > MAX_FRAME_DATA) throw new RangeError('encodeFrame: data length');
  const frame = new Uint8Array(data.length + FRAME_OVERHEAD);
  frame.set([
    0x00,
    0x00,
    0xff,
    0xff,
    0xff,
    data.length & 0xff,
    data.length >> 8,
    lengthChecksum(data.length),
  ]);
  frame.set(data, 8);
  frame[8 + data.length] = dataChecksum(data);
  frame[9 + data.length] = 0x00;
  return frame;
}

/** A command frame: `D6 <cmd> <params…>` framed (cards.md §4.1 worked example: SetCommandType). */
export function encodeCommand(command: number, params: Uint8Array = new Uint8Array(0)): Uint8Array {
  const data = new Uint8Array(2 + params.length);
  data[0] = HOST_TO_DEVICE;
  data[1] = command;
  data.set(params, 2);
  return encodeFrame(data);
}

/**
 * Parses one USB transfer from the device as one frame. Accepts the ACK, the error frame, the
 * extended data frame of cards.md §4.1 and the one-length-byte form of the same framing
 * (`00 00 FF LEN LCS …`, the chip family's short frame; nfcpy only ever sees the extended one).
 */
export function parseFrame(bytes: Uint8Array): Result<Frame, FrameError> {
  if (bytes.length < 5) return err({ kind: 'too-short', length: bytes.length });
  if (bytes[0] !== 0x00 || bytes[1] !== 0x00 || bytes[2] !== 0xff) return err({ kind: 'bad-preamble' });
  const b3 = bytes[3] ?? 0;
  const b4 = bytes[4] ?? 0;
  if (b3 === 0x00 && b4 === 0xff) {
    if (bytes.length < 6) return err({ kind: 'too-short', length: bytes.length });
    if (bytes[5] !== 0x00) return err({ kind: 'bad-postamble' });
    return bytes.length === 6
      ? ok({ kind: 'ack' })
      : err({ kind: 'trailing-bytes', count: bytes.length - 6 });
  }
  if (b3 === 0xff && b4 === 0xff) {
    if (bytes.length === 5) return ok({ kind: 'error' });
    if (bytes.length < 8) return err({ kind: 'too-short', length: bytes.length });
    const length = (bytes[5] ?? 0) | ((bytes[6] ?? 0) << 8);
    if (bytes[7] !== lengthChecksum(length)) return err({ kind: 'bad-length-checksum' });
    return parseBody(bytes, 8, length);
  }
  if (((b3 + b4) & 0xff) !== 0) return err({ kind: 'bad-length-checksum' });
  return parseBody(bytes, 5, b3);
}

function parseBody(bytes: Uint8Array, start: number, length: number): Result<Frame, FrameError> {
  if (length === 0) return err({ kind: 'empty-data' });
  if (length > MAX_FRAME_DATA) return err({ kind: 'too-long', length });
  const available = bytes.length - start - 2;
  if (available < length)
    return err({ kind: 'truncated', declared: length, available: Math.max(0, available) });
  const data = bytes.slice(start, start + length);
  if (bytes[start + length] !== dataChecksum(data)) return err({ kind: 'bad-data-checksum' });
  if (bytes[start + length + 1] !== 0x00) return err({ kind: 'bad-postamble' });
  const extra = bytes.length - (start + length + 2);
  return extra === 0 ? ok({ kind: 'data', data }) : err({ kind: 'trailing-bytes', count: extra });
}

/** The result bytes of a response frame's data `D7 <cmd+1> <result…>` (cards.md §4.1). */
export function parseResponseData(data: Uint8Array, command: number): Result<Uint8Array, ResponseError> {
  const first = data[0] ?? -1;
  if (first !== DEVICE_TO_HOST) return err({ kind: 'not-a-response', first });
  const expected = (command + 1) & 0xff;
  const got = data[1] ?? -1;
  if (got !== expected) return err({ kind: 'wrong-response-code', expected, got });
  return ok(data.slice(2));
}

/** One line for diagnostics; never includes frame contents (they may carry a credential). */
export function describeFrameError(e: FrameError | ResponseError): string {
  switch (e.kind) {
    case 'too-short':
      return `frame of ${e.length} bytes is too short`;
    case 'truncated':
      return `frame declares ${e.declared} data bytes, ${e.available} present`;
    case 'too-long':
      return `frame declares ${e.length} data bytes`;
    case 'trailing-bytes':
      return `${e.count} bytes after the frame`;
    case 'not-a-response':
      return `response data starts with ${hex2(e.first)}, not D7`;
    case 'wrong-response-code':
      return `response code ${hex2(e.got)}, expected ${hex2(e.expected)}`;
    default:
      return e.kind;
  }
}

function hex2(n: number): string {
  return n < 0 ? 'nothing' : n.toString(16).toUpperCase().padStart(2, '0');
}
