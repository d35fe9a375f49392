// The interface-1 framing and the pseudo-APDU payloads against the bytes cards.md §4.2 shows.
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { commandStatus, encodeMessage, parseReply } from './ccid-frame.ts';
import {
  communicateThru,
  felicaThruObjects,
  parseCommunicateThruData,
  parseDataObjects,
  parsePseudoApduResponse,
  RCS300_PAYLOAD,
  SWITCH_PROTOCOL_OBJECT,
  switchProtocol,
} from './pseudo-apdu.ts';

describe('cards.md §4.2 payload table, byte for byte', () => {
  const table: [keyof typeof RCS300_PAYLOAD, string][] = [
    ['endTransparentSession', 'FF 50 00 00 02 82 00 00'],
    ['startTransparentSession', 'FF 50 00 00 02 81 00 00'],
    ['rfOff', 'FF 50 00 00 02 83 00 00'],
    ['rfOn', 'FF 50 00 00 02 84 00 00'],
    ['switchProtocolFelica', 'FF 50 00 02 04 8F 02 03 00 00'],
    ['firmwareVersion', 'FF 56 00 00'],
    ['uid', 'FF CA 00 00'],
  ];
  for (const [name, hex] of table) it(name, () => expect(toHex(RCS300_PAYLOAD[name])).toBe(hex));

  it('switch-protocol objects: FeliCa 8F 02 03 00, Type A layer 3 8F 02 00 03, Type B layer 4 8F 02 01 04', () => {
    expect(toHex(SWITCH_PROTOCOL_OBJECT.felica)).toBe('8F 02 03 00');
    expect(toHex(SWITCH_PROTOCOL_OBJECT.typeALayer3)).toBe('8F 02 00 03');
    expect(toHex(SWITCH_PROTOCOL_OBJECT.typeBLayer4)).toBe('8F 02 01 04');
    expect(switchProtocol(SWITCH_PROTOCOL_OBJECT.felica)).toEqual(RCS300_PAYLOAD.switchProtocolFelica);
    expect(toHex(switchProtocol(SWITCH_PROTOCOL_OBJECT.typeBLayer4))).toBe('FF 50 00 02 04 8F 02 01 04 00');
  });

  it('communicate-thru: FF 50 00 01 00 <len 2> <objects> 00 00 00 around the FeliCa objects', () => {
    const objects = felicaThruObjects(100_000, fromHex('06 00 FF FF 01 00'));
    expect(toHex(objects)).toBe('5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00');
    expect(toHex(communicateThru(objects))).toBe(
      'FF 50 00 01 00 00 11 5F 46 04 A0 86 01 00 95 82 00 06 06 00 FF FF 01 00 00 00 00',
    );
  });
});

describe('message header: 6B <len LE4> 00 <seq> 00 00 00 <payload> (cards.md §4.2)', () => {
  it('frames End transparent session with seq 0', () => {
    expect(toHex(encodeMessage(0, RCS300_PAYLOAD.endTransparentSession))).toBe(
      '6B 08 00 00 00 00 00 00 00 00 FF 50 00 00 02 82 00 00',
    );
  });

  it('puts the length little-endian and the sequence number in byte 6', () => {
    const m = encodeMessage(0xfe, new Uint8Array(0x123));
    expect(toHex(m.subarray(0, 10))).toBe('6B 23 01 00 00 00 FE 00 00 00');
    expect(m.length).toBe(10 + 0x123);
  });

  it('refuses a sequence number outside one byte (a programming error)', () => {
    expect(() => encodeMessage(256, new Uint8Array(0))).toThrow(RangeError);
    expect(() => encodeMessage(-1, new Uint8Array(0))).toThrow(RangeError);
  });
});

describe('reply: a 10-byte header starting with 83 (cards.md §4.2)', () => {
  it('parses seq, status, error and payload', () => {
    const r = parseReply(fromHex('83 02 00 00 00 00 07 00 00 00 90 00'));
    expect(r.ok && { ...r.value, payload: toHex(r.value.payload) }).toEqual({
      seq: 7,
      status: 0,
      error: 0,
      payload: '90 00',
    });
  });

  it('an empty payload is a reply', () => {
    expect(parseReply(fromHex('83 00 00 00 00 00 01 40 FE 00'))).toMatchObject({
      ok: true,
      value: { seq: 1, status: 0x40, error: 0xfe },
    });
  });

  const bad: [string, string, object][] = [
    ['nine bytes', '83 00 00 00 00 00 00 00 00', { kind: 'too-short', length: 9 }],
    [
      'a host message echoed back',
      '6B 00 00 00 00 00 00 00 00 00',
      { kind: 'wrong-message-type', got: 0x6b },
    ],
    ['slot 1', '83 00 00 00 00 01 00 00 00 00', { kind: 'wrong-slot', got: 1 }],
    ['length above the maximum', '83 01 04 00 00 00 00 00 00 00', { kind: 'too-long', declared: 0x401 }],
    ['length FFFFFFFF', '83 FF FF FF FF 00 00 00 00 00', { kind: 'too-long', declared: 0xffffffff }],
    [
      'payload cut short',
      '83 04 00 00 00 00 00 00 00 00 90',
      { kind: 'truncated', declared: 4, available: 1 },
    ],
    ['bytes after the payload', '83 01 00 00 00 00 00 00 00 00 90 00', { kind: 'trailing-bytes', count: 1 }],
  ];
  for (const [what, hex, error] of bad)
    it(`rejects ${what}`, () => expect(parseReply(fromHex(hex))).toEqual({ ok: false, error }));

  it('reads bStatus bits 7–6 as the CCID command status', () => {
    expect([0x00, 0x01, 0x40, 0x41, 0x80, 0xc0].map(commandStatus)).toEqual([
      'processed',
      'processed',
      'failed',
      'failed',
      'time-extension',
      'reserved',
    ]);
  });
});

describe('reply payloads', () => {
  it('splits data and SW1 SW2; fewer than two bytes is an error', () => {
    expect(parsePseudoApduResponse(fromHex('01 02 90 00'))).toEqual({
      ok: true,
      value: { data: fromHex('01 02'), sw: 0x9000 },
    });
    expect(parsePseudoApduResponse(fromHex('90'))).toEqual({
      ok: false,
      error: { kind: 'no-status-word', length: 1 },
    });
  });

  it('reads the C0 status object and the 97 response data of a communicate-thru reply', () => {
    const r = parseCommunicateThruData(fromHex('C0 03 00 90 00 97 03 AA BB CC'));
    expect(r.ok && [toHex(r.value.status), r.value.response && toHex(r.value.response)]).toEqual([
      '00 90 00',
      'AA BB CC',
    ]);
  });

  it('BER lengths: short, 81 xx, 82 xx xx; two-byte tag 5F 46', () => {
    const r = parseDataObjects(fromHex('5F 46 04 01 02 03 04 97 81 01 AA 95 82 00 02 BB CC'));
    expect(r.ok && r.value.map((o) => [o.tag, toHex(o.value)])).toEqual([
      [0x5f46, '01 02 03 04'],
      [0x97, 'AA'],
      [0x95, 'BB CC'],
    ]);
  });

  const badObjects: [string, string, string][] = [
    ['a tag with no length', '97', 'truncated-tag'],
    ['half a two-byte tag', '5F', 'truncated-tag'],
    ['length form 83', '97 83 00 00 01', 'bad-length-encoding'],
    ['82 with one length byte', '97 82 01', 'bad-length-encoding'],
    ['a value cut short', '97 05 01 02', 'truncated-value'],
  ];
  for (const [what, hex, kind] of badObjects)
    it(`rejects ${what}`, () =>
      expect(parseDataObjects(fromHex(hex))).toMatchObject({ ok: false, error: { kind } }));

  it('a communicate-thru reply needs a 3-byte C0 object', () => {
    expect(parseCommunicateThruData(fromHex('97 01 AA'))).toEqual({
      ok: false,
      error: { kind: 'missing-status-object' },
    });
    expect(parseCommunicateThruData(fromHex('C0 02 00 00'))).toEqual({
      ok: false,
      error: { kind: 'bad-status-object', length: 2 },
    });
  });
});
