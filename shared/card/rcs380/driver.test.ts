// The whole read (readBasicFourInfo) over the RC-S380 driver over the fake reader's UsbPort,
// for every persona, with the fake's chaining/WTX/lost-frame switches, and the exact Port-100
// frames of the init and Type B activation sequences (cards.md §4.1 steps 1–8).
import { describe, expect, it } from 'vitest';
import {
  FakeRcs380Device,
  type FakeRcs380Switches,
  fakeUsbPort,
} from '../../../test/support/fake-rcs380/index.ts';
import { toHex } from '../bytes.ts';
import { buildCollationB } from '../collation-b.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardFace, PERSONAS, type Persona } from '../emulator/personas.ts';
import { readBasicFourInfo } from '../mynumber/input-support-ap.ts';
import { createRcs380Transport, type Rcs380Options } from './driver.ts';

function collationB(persona: Persona): string {
  const built = buildCollationB(cardFace(persona));
  if (!built.ok) throw new Error('persona has a 照合番号B');
  return built.value;
}

function rig(persona: Persona, switches: FakeRcs380Switches = {}, options: Rcs380Options = {}) {
  const device = new FakeRcs380Device(new MyNumberCardEmulator(persona), switches);
  const transport = createRcs380Transport(fakeUsbPort(device), { watchdogMarginMs: 200, ...options });
  return { device, transport };
}

const outFrames = (device: FakeRcs380Device): string[] =>
  device.transfers.filter((t) => t.direction === 'out' && t.bytes.length > 0).map((t) => toHex(t.bytes));

/** The PCB + INF of every InCommRF the driver sent (after `D6 04 <timeout 2>`). */
const rfBlocks = (device: FakeRcs380Device): string[] =>
  device.transfers
    .filter((t) => t.direction === 'out' && t.bytes[8] === 0xd6 && t.bytes[9] === 0x04)
    .map((t) => toHex(t.bytes.subarray(12, t.bytes.length - 2)));

const longest = PERSONAS.reduce((a, b) => (b.address.length > a.address.length ? b : a));

describe('RC-S380 driver over the fake reader: readBasicFourInfo', () => {
  for (const persona of PERSONAS) {
    it(`reads the 基本4情報 of ${persona.id}`, async () => {
      const { device, transport } = rig(persona);
      const r = await readBasicFourInfo(transport, collationB(persona));
      expect(r.ok ? r.value : r.error).toMatchObject({
        name: persona.name,
        address: persona.address,
        sex: persona.sex,
      });
      expect(device.violations).toEqual([]);
    });
  }

  it('the long-address persona needs response chaining at FSD 256 (R(ACK) A2/A3 on the air)', async () => {
    const { device, transport } = rig(longest);
    const r = await readBasicFourInfo(transport, collationB(longest));
    expect(r.ok).toBe(true);
    const rAcks = outFrames(device).filter((f) => / D6 04 .. .. A[23] [0-9A-F]{2} 00$/.test(f));
    expect(rAcks.length).toBeGreaterThan(0);
    expect(device.violations).toEqual([]);
  });

  // Each case names a block that must have gone over the air, so a switch that does nothing fails.
  const switches: [string, FakeRcs380Switches, Rcs380Options, RegExp][] = [
    ['command chaining (FSC 16)', { fsci: 0 }, {}, /^1[23] /],
    ['response chaining in 7-byte chunks', { maxResponseChunk: 7 }, {}, /^A[23]$/],
    ['a small FSD (FSDI 0, 16-byte frames)', {}, { fsdi: 0 }, /^1D .* 00 00 01 00$/],
    ['S(WTX) three times before the VERIFY answer', { wtx: { apdu: 3, rounds: 3, wtxm: 2 } }, {}, /^F2 02$/],
    [
      'a lost command block (R(NAK), card R(ACK), I-block again)',
      { drop: [{ atBlock: 3, lose: 'command' }] },
      {},
      /^B[23]$/,
    ],
    [
      'a lost response block (R(NAK), card re-sends)',
      { drop: [{ atBlock: 4, lose: 'response' }] },
      {},
      /^B[23]$/,
    ],
    [
      'a lost block inside response chaining',
      { maxResponseChunk: 20, drop: [{ atBlock: 8, lose: 'response' }] },
      {},
      /^A[23]$/,
    ],
    [
      'a lost R(ACK) inside command chaining',
      { fsci: 0, drop: [{ atBlock: 3, lose: 'response' }] },
      {},
      /^B[23]$/,
    ],
    [
      'everything at once',
      {
        fsci: 0,
        maxResponseChunk: 9,
        wtx: { apdu: 5, rounds: 1, wtxm: 4 },
        drop: [{ atBlock: 6, lose: 'command' }],
      },
      {},
      /^F2 04$/,
    ],
  ];
  for (const [label, sw, options, onAir] of switches) {
    it(`reads ${longest.id} with ${label}`, async () => {
      const { device, transport } = rig(longest, sw, options);
      const r = await readBasicFourInfo(transport, collationB(longest));
      expect(r.ok ? r.value.address : r.error).toBe(longest.address);
      expect(rfBlocks(device).some((b) => onAir.test(b))).toBe(true);
      expect(device.violations).toEqual([]);
    });
  }

  it('a lost block is sent again exactly once: the same I-block appears twice in a row around an R(NAK)', async () => {
    const { device, transport } = rig(longest, { drop: [{ atBlock: 3, lose: 'command' }] });
    expect((await readBasicFourInfo(transport, collationB(longest))).ok).toBe(true);
    const blocks = rfBlocks(device).filter((b) => !b.startsWith('05') && !b.startsWith('1D'));
    const nak = blocks.findIndex((b) => /^B[23]$/.test(b));
    expect(blocks[nak - 1]).toBe(blocks[nak + 1]);
    expect(blocks.filter((b) => /^B[23]$/.test(b))).toHaveLength(1);
  });

  it('chains commands when FSC is small: the VERIFY goes out in several I-blocks with the chaining bit', async () => {
    const { device, transport } = rig(PERSONAS[0] as Persona, { fsci: 0 });
    expect((await readBasicFourInfo(transport, collationB(PERSONAS[0] as Persona))).ok).toBe(true);
    const chained = outFrames(device).filter((f) => / D6 04 .. .. 1[23] /.test(f));
    expect(chained.length).toBeGreaterThan(0);
  });
});

describe('RC-S380 driver: the exact Port-100 frames (cards.md §4.1)', () => {
  it('sends ACK, SetCommandType, SwitchRF off, InSetRF 106B, InSetProtocol ×2, SENSB_REQ, ATTRIB', async () => {
    const { device, transport } = rig(PERSONAS[0] as Persona);
    expect(await transport.connect()).toBe(true);
    expect(outFrames(device).slice(0, 8)).toEqual([
      '00 00 FF 00 FF 00',
      '00 00 FF FF FF 03 00 FD D6 2A 01 FF 00', // the worked example of cards.md §4.1
      '00 00 FF FF FF 03 00 FD D6 06 00 24 00',
      '00 00 FF FF FF 06 00 FA D6 00 03 07 0F 07 0A 00',
      '00 00 FF FF FF 28 00 D8 D6 02 00 18 01 01 02 01 03 00 04 00 05 00 06 00 07 08 08 00 09 00 0A 00 0B 00 0C 00 0E 04 0F 00 10 00 11 00 12 00 13 06 4B 00',
      '00 00 FF FF FF 0C 00 F4 D6 02 0B 01 09 01 0C 01 0A 01 00 14 E6 00',
      // InCommRF, timeout (30 + 1) × 10 = 310 = 0x0136, SENSB_REQ 05 00 10
      '00 00 FF FF FF 07 00 F9 D6 04 36 01 05 00 10 DA 00',
      // ATTRIB 1D <PUPI 12 34 56 78> 00 08 01 00, timeout from FWI 4: ceil(8.45) + 1 = 10 ms → 0x0064
      '00 00 FF FF FF 0D 00 F3 D6 04 64 00 1D 12 34 56 78 00 08 01 00 88 00',
    ]);
    const ins = device.transfers.filter((t) => t.direction === 'in').map((t) => toHex(t.bytes));
    expect(ins[0]).toBe('00 00 FF 00 FF 00'); // each command is ACKed first…
    expect(ins[1]).toBe('00 00 FF FF FF 03 00 FD D7 2B 00 FE 00'); // …then answered D7 2B 00
  });

  it('ends with SwitchRF off and ACK, then releases the interface (cards.md §4.1 step 8)', async () => {
    const { device, transport } = rig(PERSONAS[0] as Persona);
    await transport.connect();
    await transport.disconnect();
    expect(outFrames(device).slice(-2)).toEqual([
      '00 00 FF FF FF 03 00 FD D6 06 00 24 00',
      '00 00 FF 00 FF 00',
    ]);
    await expect(transport.transmit(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c))).rejects.toMatchObject({
      failure: { kind: 'not-connected' },
    });
  });

  it('sends I-blocks 02/03 alternately, and a zero-length packet after a 64-byte frame', async () => {
    const { device, transport } = rig(PERSONAS[0] as Persona);
    await transport.connect();
    const before = device.transfers.length;
    const apdu = new Uint8Array(49).fill(0x11); // 14 bytes of framing + PCB + 49 = 64
    apdu.set([0x00, 0xa4, 0x04, 0x0c, 44]);
    await transport.transmit(apdu);
    await transport.transmit(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c, 0x01, 0x00));
    const outs = device.transfers.slice(before).filter((t) => t.direction === 'out');
    expect(outs.map((t) => t.bytes.length)).toEqual([64, 0, 21]);
    expect(outs[0]?.bytes[12]).toBe(0x02);
    expect(outs[2]?.bytes[12]).toBe(0x03);
    expect(device.violations).toEqual([]);
  });
});
