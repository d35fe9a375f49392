// The payloads carried in the RC-S300's interface-1 messages: PC/SC 2.0 Part 3 style
// pseudo-APDUs (cards.md §4.2 "Payloads"), their data objects, and the reply side. Pure functions;
// parsers of reader bytes never throw.
import { err, ok, type Result } from '../../result.ts';

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b);

/** Every payload of the cards.md §4.2 table, byte for byte. */
export const RCS300_PAYLOAD = {
  endTransparentSession: bytes(0xff, 0x50, 0x00, 0x00, 0x02, 0x82, 0x00, 0x00),
  startTransparentSession: bytes(0xff, 0x50, 0x00, 0x00, 0x02, 0x81, 0x00, 0x00),
  rfOff: bytes(0xff, 0x50, 0x00, 0x00, 0x02, 0x83, 0x00, 0x00),
  rfOn: bytes(0xff, 0x50, 0x00, 0x00, 0x02, 0x84, 0x00, 0x00),
  switchProtocolFelica: bytes(0xff, 0x50, 0x00, 0x02, 0x04, 0x8f, 0x02, 0x03, 0x00, 0x00),
  firmwareVersion: bytes(0xff, 0x56, 0x00, 0x00),
  uid: bytes(0xff, 0xca, 0x00, 0x00),
} as const;

export type Rcs300Operation = keyof typeof RCS300_PAYLOAD | 'switchProtocol' | 'communicateThru';

/**
 * Switch-protocol data objects `8F 02 <protocol> <layer>` (cards.md §4.2). FeliCa is inside the
 * table's switch-protocol row; Type A layer 3 is given as the object alone; Type B layer 4 is
 * listed by "another implementation" in PC/SC Part 3 coding — UNVERIFIED on the RC-S300, and not
 * sent by the driver (cards.md §4.2 last bullet, §9 item 1).
 */
export const SWITCH_PROTOCOL_OBJECT = {
  felica: bytes(0x8f, 0x02, 0x03, 0x00),
  typeALayer3: bytes(0x8f, 0x02, 0x00, 0x03),
  typeBLayer4: bytes(0x8f, 0x02, 0x01, 0x04),
} as const;

/**
 * `FF 50 00 02 04 <object> 00`: the FeliCa row of cards.md §4.2 with its object swapped. That the
 * RC-S300 takes the FF 50 form for the other objects (rather than the standard `FF C2 00 02`
 * another implementation writes) is UNVERIFIED.
 */
export function switchProtocol(object: Uint8Array): Uint8Array {
  if (object.length !== 4) throw new RangeError('switchProtocol: object of 4 bytes');
  return Uint8Array.from([0xff, 0x50, 0x00, 0x02, 0x04, ...object, 0x00]);
}

/**
 * Communicate-thru `FF 50 00 01 00 <len 2> <data objects> 00 00 00` (cards.md §4.2). The byte
 * order of <len 2> is not given: big-endian here, as an ISO 7816 extended Lc (UNVERIFIED). The
 * three trailing zero bytes are copied as shown.
 */
export function communicateThru(dataObjects: Uint8Array): Uint8Array {
  if (dataObjects.length > 0xffff) throw new RangeError('communicateThru: data objects too long');
  const n = dataObjects.length;
  return Uint8Array.from([0xff, 0x50, 0x00, 0x01, 0x00, n >> 8, n & 0xff, ...dataObjects, 0x00, 0x00, 0x00]);
}

/**
 * The FeliCa data objects of cards.md §4.2: `5F 46 04 <timeout µs LE4>` then `95 82 <len 2> <frame>`.
 * `82` is a BER two-byte length, so <len 2> is big-endian here (UNVERIFIED: cards.md gives no order).
 */
export function felicaThruObjects(timeoutUs: number, frame: Uint8Array): Uint8Array {
  if (!Number.isInteger(timeoutUs) || timeoutUs < 0 || timeoutUs > 0xffffffff)
    throw new RangeError('felicaThruObjects: timeout');
  if (frame.length > 0xffff) throw new RangeError('felicaThruObjects: frame too long');
  const t = timeoutUs;
  const n = frame.length;
  return Uint8Array.from([
    0x5f,
    0x46,
    0x04,
    t & 0xff,
    (t >> 8) & 0xff,
    (t >> 16) & 0xff,
    (t >>> 24) & 0xff,
    0x95,
    0x82,
    n >> 8,
    n & 0xff,
    ...frame,
  ]);
}

/** A reply payload split as a response APDU: data, then SW1 SW2 (PC/SC Part 3 style; UNVERIFIED). */
export interface PseudoApduResponse {
  readonly data: Uint8Array;
  readonly sw: number;
}
export const SW_SUCCESS = 0x9000;

export type PseudoApduError = { readonly kind: 'no-status-word'; readonly length: number };

export function parsePseudoApduResponse(payload: Uint8Array): Result<PseudoApduResponse, PseudoApduError> {
  if (payload.length < 2) return err({ kind: 'no-status-word', length: payload.length });
  const n = payload.length;
  return ok({ data: payload.slice(0, n - 2), sw: ((payload[n - 2] ?? 0) << 8) | (payload[n - 1] ?? 0) });
}

export interface DataObject {
  readonly tag: number;
  readonly value: Uint8Array;
}

export type DataObjectError =
  | { readonly kind: 'truncated-tag'; readonly offset: number }
  | { readonly kind: 'bad-length-encoding'; readonly offset: number }
  | { readonly kind: 'truncated-value'; readonly offset: number; readonly declared: number }
  | { readonly kind: 'missing-status-object' }
  | { readonly kind: 'bad-status-object'; readonly length: number };

/**
 * BER-TLV data objects as in cards.md §4.2 (`5F 46 04 …`, `95 82 <len 2> …`, `C0 03 …`, `97 <len> …`):
 * a one-byte tag, or two when the low five bits are all ones (5F 46); a short length, or 81 / 82
 * followed by one / two length bytes.
 */
export function parseDataObjects(data: Uint8Array): Result<DataObject[], DataObjectError> {
  const objects: DataObject[] = [];
  let i = 0;
  while (i < data.length) {
    const start = i;
    let tag = data[i++] ?? 0;
    if ((tag & 0x1f) === 0x1f) {
      if (i >= data.length) return err({ kind: 'truncated-tag', offset: start });
      tag = (tag << 8) | (data[i++] ?? 0);
    }
    if (i >= data.length) return err({ kind: 'truncated-tag', offset: start });
    const first = data[i++] ?? 0;
    let length = first;
    if (first === 0x81 || first === 0x82) {
      const count = first & 0x0f;
      if (i + count > data.length) return err({ kind: 'bad-length-encoding', offset: start });
      length = 0;
      for (let k = 0; k < count; k++) length = (length << 8) | (data[i++] ?? 0);
    } else if (first >= 0x80) {
      return err({ kind: 'bad-length-encoding', offset: start });
    }
    if (i + length > data.length) return err({ kind: 'truncated-value', offset: start, declared: length });
    objects.push({ tag, value: data.slice(i, i + length) });
    i += length;
  }
  return ok(objects);
}

export interface CommunicateThruResult {
  /** The `C0 03 …` status object's 3 bytes (their meaning is not in cards.md: UNVERIFIED). */
  readonly status: Uint8Array;
  /** The `97 <len> …` response data, when the reply has one. */
  readonly response: Uint8Array | undefined;
}

/** The data of a communicate-thru reply (before SW1 SW2): cards.md §4.2 `C0 03 …` and `97 <len> …`. */
export function parseCommunicateThruData(data: Uint8Array): Result<CommunicateThruResult, DataObjectError> {
  const objects = parseDataObjects(data);
  if (!objects.ok) return objects;
  const status = objects.value.find((o) => o.tag === 0xc0);
  if (!status) return err({ kind: 'missing-status-object' });
  if (status.value.length !== 3) return err({ kind: 'bad-status-object', length: status.value.length });
  return ok({ status: status.value, response: objects.value.find((o) => o.tag === 0x97)?.value });
}
