// The reader side of the RC-S300 interface-1 framing (cards.md §4.2), written apart from the
// driver's shared/card/rcs300/ccid-frame.ts on purpose: a framing bug in one would otherwise hide
// in both.
//   host → reader: 6B <len LE4> 00 <seq> 00 00 00 <payload>
//   reader → host: 83 <len LE4> 00 <seq> <bStatus> <bError> 00 <payload>  (CCID layout, UNVERIFIED)

export type HostMessage =
  | { readonly kind: 'message'; readonly seq: number; readonly payload: Uint8Array }
  | { readonly kind: 'invalid'; readonly why: string };

/** How many bytes the message starting at `bytes[0]` needs in all, or undefined before a header. */
export function messageLength(bytes: readonly number[]): number | undefined {
  if (bytes.length < 10) return undefined;
  const n =
    ((bytes[1] ?? 0) | ((bytes[2] ?? 0) << 8) | ((bytes[3] ?? 0) << 16) | ((bytes[4] ?? 0) << 24)) >>> 0;
  return 10 + n;
}

/** What the host sent, checked as strictly as a CCID reader would (type, slot, reserved bytes). */
export function readHostMessage(bytes: Uint8Array): HostMessage {
  if (bytes.length < 10) return { kind: 'invalid', why: `message of ${bytes.length} bytes` };
  if (bytes[0] !== 0x6b) return { kind: 'invalid', why: `message type ${bytes[0]}` };
  if (messageLength(Array.from(bytes.subarray(0, 10))) !== bytes.length)
    return { kind: 'invalid', why: 'length field differs from the message' };
  if (bytes[5] !== 0x00) return { kind: 'invalid', why: 'slot is not 00' };
  if (bytes[7] !== 0 || bytes[8] !== 0 || bytes[9] !== 0) return { kind: 'invalid', why: 'reserved bytes' };
  return { kind: 'message', seq: bytes[6] ?? 0, payload: bytes.slice(10) };
}

export function replyMessage(
  seq: number,
  payload: readonly number[] | Uint8Array,
  status = 0x00,
  error = 0x00,
): Uint8Array {
  const n = payload.length;
  return Uint8Array.from([
    0x83,
    n & 0xff,
    (n >> 8) & 0xff,
    (n >> 16) & 0xff,
    n >>> 24,
    0x00,
    seq,
    status,
    error,
    0x00,
    ...payload,
  ]);
}
