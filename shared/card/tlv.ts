// BER-TLV as the My Number Card uses it (cards.md §1.6): multi-byte tags (FF 20, DF 21, 5F 4E,
// 7F 21) and definite lengths in short form, 81 xx or 82 xx xx. Every element keeps its raw
// offsets in the parsed buffer, because the authenticity checks (cards.md §1.8) hash and verify
// raw TLV bytes, headers included.
import { err, ok, type Result } from '../result.ts';

export interface Tlv {
  /** The tag bytes as one number: FF 20 → 0xff20. */
  readonly tag: number;
  /** Bit 6 of the first tag byte: the value is itself a list of TLVs. */
  readonly constructed: boolean;
  /** Offset of the first tag byte in the parsed buffer. */
  readonly offset: number;
  /** Offset of the first value byte. */
  readonly valueOffset: number;
  /** One past the last value byte. */
  readonly end: number;
  readonly length: number;
  /** The value, a view into the parsed buffer. */
  readonly value: Uint8Array;
  /** Tag, length and value: the bytes a signature covers. A view into the parsed buffer. */
  readonly raw: Uint8Array;
}

export type TlvError =
  | { readonly kind: 'truncated'; readonly offset: number; readonly part: 'tag' | 'length' | 'value' }
  | { readonly kind: 'bad-tag'; readonly offset: number }
  | { readonly kind: 'bad-length'; readonly offset: number; readonly detail: 'indefinite' | 'too-long' }
  | { readonly kind: 'trailing-bytes'; readonly offset: number };

// Tags on these cards are at most 2 bytes; 3 leaves room (ISO 7816-4 allows up to 3).
const MAX_TAG_BYTES = 3;

export type TlvHeader = Pick<Tlv, 'tag' | 'constructed' | 'offset' | 'valueOffset' | 'length'>;

/**
 * Reads only the tag and length at `offset`; the value need not be there yet. A reader uses this
 * on the first bytes of a file to learn how many more to read (cards.md §1.6).
 */
export function readTlvHeader(bytes: Uint8Array, offset = 0): Result<TlvHeader, TlvError> {
  if (offset >= bytes.length) return err({ kind: 'truncated', offset, part: 'tag' });
  const first = bytes[offset] ?? 0;
  let tag = first;
  let cursor = offset + 1;
  if ((first & 0x1f) === 0x1f) {
    // High tag number form: subsequent bytes while bit 8 is set (X.690 §8.1.2.4).
    for (;;) {
      const next = bytes[cursor];
      if (next === undefined) return err({ kind: 'truncated', offset, part: 'tag' });
      tag = tag * 256 + next;
      cursor++;
      if ((next & 0x80) === 0) break;
      if (cursor - offset >= MAX_TAG_BYTES) return err({ kind: 'bad-tag', offset });
    }
  }
  const lengthOffset = cursor;
  const lengthByte = bytes[cursor];
  if (lengthByte === undefined) return err({ kind: 'truncated', offset: lengthOffset, part: 'length' });
  cursor++;
  let length = lengthByte;
  if (lengthByte === 0x80) return err({ kind: 'bad-length', offset: lengthOffset, detail: 'indefinite' });
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > 2) return err({ kind: 'bad-length', offset: lengthOffset, detail: 'too-long' });
    if (cursor + count > bytes.length)
      return err({ kind: 'truncated', offset: lengthOffset, part: 'length' });
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[cursor + i] ?? 0);
    cursor += count;
  }
  return ok({ tag, constructed: (first & 0x20) !== 0, offset, valueOffset: cursor, length });
}

/** Reads one TLV starting at `offset`; the bytes after it are not looked at. */
export function readTlv(bytes: Uint8Array, offset = 0): Result<Tlv, TlvError> {
  const header = readTlvHeader(bytes, offset);
  if (!header.ok) return header;
  const { valueOffset, length } = header.value;
  const end = valueOffset + length;
  if (end > bytes.length) return err({ kind: 'truncated', offset: valueOffset, part: 'value' });
  return ok({
    ...header.value,
    end,
    value: bytes.subarray(valueOffset, end),
    raw: bytes.subarray(offset, end),
  });
}

/**
 * Reads the one TLV at `offset`. Strict: nothing may follow it (for a buffer that is exactly one
 * object). Lenient: bytes after it are left alone (EF 0001 carries FF FF filler, cards.md §1.6).
 */
export function parseTlv(
  bytes: Uint8Array,
  options: { readonly offset?: number; readonly strict?: boolean } = {},
): Result<Tlv, TlvError> {
  const parsed = readTlv(bytes, options.offset ?? 0);
  if (parsed.ok && options.strict && parsed.value.end !== bytes.length) {
    return err({ kind: 'trailing-bytes', offset: parsed.value.end });
  }
  return parsed;
}

/** Reads consecutive TLVs that exactly fill bytes[start, end). */
export function parseTlvList(bytes: Uint8Array, start = 0, end = bytes.length): Result<Tlv[], TlvError> {
  const window = bytes.subarray(0, end);
  const list: Tlv[] = [];
  let cursor = start;
  while (cursor < end) {
    const next = readTlv(window, cursor);
    if (!next.ok) return next;
    list.push(next.value);
    cursor = next.value.end;
  }
  return ok(list);
}

/** The elements inside a constructed TLV, with offsets in the same buffer as the parent. */
export function parseChildren(bytes: Uint8Array, parent: Tlv): Result<Tlv[], TlvError> {
  return parseTlvList(bytes, parent.valueOffset, parent.end);
}

export function findTlv(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((t) => t.tag === tag);
}

export function encodeTag(tag: number): Uint8Array {
  if (!Number.isInteger(tag) || tag < 0 || tag > 0xffffff)
    throw new RangeError('encodeTag: tag out of range');
  const bytes: number[] = [];
  for (let rest = tag; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Uint8Array.from(bytes.length === 0 ? [0] : bytes);
}

/** Definite length in the shortest form: short, 81 xx or 82 xx xx. */
export function encodeLength(length: number): Uint8Array {
  if (!Number.isInteger(length) || length < 0 || length > 0xffff) {
    throw new RangeError('encodeLength: length out of range');
  }
  if (length < 0x80) return Uint8Array.of(length);
  if (length <= 0xff) return Uint8Array.of(0x81, length);
  return Uint8Array.of(0x82, length >> 8, length & 0xff);
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const tagBytes = encodeTag(tag);
  const lengthBytes = encodeLength(value.length);
  const out = new Uint8Array(tagBytes.length + lengthBytes.length + value.length);
  out.set(tagBytes, 0);
  out.set(lengthBytes, tagBytes.length);
  out.set(value, tagBytes.length + lengthBytes.length);
  return out;
}
