// The device side of Port-100 framing (cards.md §4.1), written apart from the driver's
// shared/card/rcs380/port100.ts on purpose: a framing bug in one would otherwise hide in both.

export const DEVICE_ACK = Uint8Array.of(0x00, 0x00, 0xff, 0x00, 0xff, 0x00);
export const DEVICE_ERROR_FRAME = Uint8Array.of(0x00, 0x00, 0xff, 0xff, 0xff);

export type HostFrame =
  | { readonly kind: 'ack' }
  | { readonly kind: 'command'; readonly code: number; readonly params: Uint8Array }
  | { readonly kind: 'invalid'; readonly why: string };

const sum = (bytes: Uint8Array): number => bytes.reduce((s, b) => (s + b) & 0xff, 0);

/** `00 00 FF FF FF LEN_lo LEN_hi LCS D7 <code+1> <result> DCS 00`. */
export function responseFrame(code: number, result: readonly number[] | Uint8Array): Uint8Array {
  const data = Uint8Array.from([0xd7, (code + 1) & 0xff, ...result]);
  const n = data.length;
  return Uint8Array.from([
    0x00,
    0x00,
    0xff,
    0xff,
    0xff,
    n & 0xff,
    n >> 8,
    (0x100 - ((n & 0xff) + (n >> 8))) & 0xff,
    ...data,
    (0x100 - sum(data)) & 0xff,
    0x00,
  ]);
}

/** What the host sent, checked as strictly as the chip would (every checksum, the D6 byte). */
export function readHostFrame(bytes: Uint8Array): HostFrame {
  if (bytes.length === 6 && bytes.every((b, i) => b === DEVICE_ACK[i])) return { kind: 'ack' };
  if (bytes.length < 12) return { kind: 'invalid', why: `host frame of ${bytes.length} bytes` };
  const head = [0x00, 0x00, 0xff, 0xff, 0xff];
  if (!head.every((b, i) => bytes[i] === b)) return { kind: 'invalid', why: 'not an extended frame' };
  const n = (bytes[5] ?? 0) | ((bytes[6] ?? 0) << 8);
  if ((((bytes[5] ?? 0) + (bytes[6] ?? 0) + (bytes[7] ?? 0)) & 0xff) !== 0)
    return { kind: 'invalid', why: 'LCS' };
  if (bytes.length !== n + 10) return { kind: 'invalid', why: 'length field differs from the transfer' };
  const data = bytes.subarray(8, 8 + n);
  if (((sum(data) + (bytes[8 + n] ?? 0)) & 0xff) !== 0) return { kind: 'invalid', why: 'DCS' };
  if (bytes[9 + n] !== 0x00) return { kind: 'invalid', why: 'postamble' };
  if (data[0] !== 0xd6) return { kind: 'invalid', why: 'data does not start with D6' };
  return { kind: 'command', code: data[1] ?? 0, params: data.slice(2) };
}
