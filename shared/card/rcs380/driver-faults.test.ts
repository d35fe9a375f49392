// What the driver does when the world misbehaves: the card leaves mid-read, the reader is
// pulled out, nobody is on the reader, a block is lost twice, the reader is held by a kernel
// driver, a reader that stops answering. Always a typed failure, never partial data as complete.
import { describe, expect, it } from 'vitest';
import {
  FakeRcs380Device,
  type FakeRcs380Switches,
  fakeUsbPort,
} from '../../../test/support/fake-rcs380/index.ts';
import { buildCommand } from '../apdu.ts';
import { asciiBytes, fromHex, toHex } from '../bytes.ts';
import { buildCollationB } from '../collation-b.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardFace, PERSONAS, type Persona } from '../emulator/personas.ts';
import { INPUT_SUPPORT_AP_AID } from '../mynumber/identifiers.ts';
import { readBasicFourInfo } from '../mynumber/input-support-ap.ts';
import { createRcs380Transport } from './driver.ts';
import { Rcs380Error } from './errors.ts';
import type { UsbPort } from './usb-port.ts';

const persona = PERSONAS.reduce((a, b) => (b.address.length > a.address.length ? b : a));
const built = buildCollationB(cardFace(persona));
const collationB = built.ok ? built.value : '';

function rig(switches: FakeRcs380Switches, card: Persona | null = persona) {
  const device = new FakeRcs380Device(card ? new MyNumberCardEmulator(card) : undefined, switches);
  return { device, transport: createRcs380Transport(fakeUsbPort(device), { watchdogMarginMs: 100 }) };
}

function failureOf(r: Awaited<ReturnType<typeof readBasicFourInfo>>): unknown {
  return r.ok ? 'read succeeded' : r.error;
}

describe('RC-S380 driver faults', () => {
  // Blocks of this read: SELECT AP, SELECT 0015, VERIFY (empty), VERIFY, SELECT 0002, READ head,
  // READ rest in chained blocks. Removing the card at each block boundary covers every step.
  for (let after = 0; after <= 8; after++) {
    it(`card removed after ${after} blocks: a typed transport failure and no data`, async () => {
      const { transport, device } = rig({ maxResponseChunk: 60, removeCardAfterBlocks: after });
      const r = await readBasicFourInfo(transport, collationB);
      expect(r.ok).toBe(false);
      expect(failureOf(r)).toMatchObject({
        kind: 'transport-failed',
        detail: expect.stringContaining('Rcs380Error'),
      });
      expect(JSON.stringify(r)).not.toContain(persona.address.slice(0, 4));
      expect(device.violations).toEqual([]);
    });
  }

  it('card removed in the middle of a chained READ BINARY: card-lost, the field is switched off', async () => {
    // SELECT AP, SELECT 0015, VERIFY, SELECT 0002, then READ BINARY answered in 30-byte blocks:
    // the card leaves after the second of them.
    const { transport, device } = rig({ maxResponseChunk: 30, removeCardAfterBlocks: 6 });
    await transport.connect();
    const verify = buildCommand({ cla: 0, ins: 0x20, p1: 0, p2: 0x80, data: asciiBytes(collationB) });
    for (const apdu of [
      buildCommand({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: INPUT_SUPPORT_AP_AID }),
      fromHex('00 A4 02 0C 02 00 15'),
      verify,
      fromHex('00 A4 02 0C 02 00 02'),
    ]) {
      expect(toHex(await transport.transmit(apdu))).toBe('90 00');
    }
    await expect(transport.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x00))).rejects.toSatisfy(
      (e) => e instanceof Rcs380Error && e.failure.kind === 'card-lost',
    );
    // A failed exchange leaves the block numbers unknown: no further APDU until the next connect().
    await expect(transport.transmit(Uint8Array.of(0x00, 0xb0, 0x00, 0x00, 0x10))).rejects.toBeInstanceOf(
      Rcs380Error,
    );
    await transport.disconnect();
    const lastOut = device.transfers.filter((t) => t.direction === 'out').at(-2);
    expect(Array.from(lastOut?.bytes ?? [])).toEqual([
      0, 0, 0xff, 0xff, 0xff, 3, 0, 0xfd, 0xd6, 0x06, 0x00, 0x24, 0,
    ]);
  });

  it('a block lost twice in a row is not retried forever: card-lost after one retransmission', async () => {
    const { transport } = rig({
      drop: [
        { atBlock: 2, lose: 'command' },
        { atBlock: 3, lose: 'command' },
      ],
    });
    const r = await readBasicFourInfo(transport, collationB);
    expect(failureOf(r)).toMatchObject({
      kind: 'transport-failed',
      detail: expect.stringContaining('カードが離れた'),
    });
  });

  it('no card in the field: connect() resolves false after the polling window (no-card)', async () => {
    const { transport, device } = rig({}, null);
    expect(await transport.connect()).toBe(false);
    const sensbReqs = device.transfers.filter((t) => t.direction === 'out' && t.bytes[12] === 0x05);
    expect(sensbReqs).toHaveLength(5);
    await transport.disconnect();
    expect(failureOf(await readBasicFourInfo(transport, collationB))).toEqual({ kind: 'no-card' });
  });

  for (const at of [0, 3, 30, 45]) {
    it(`reader unplugged at USB transfer ${at}: reader-unplugged, no data`, async () => {
      const { transport } = rig({ unplugAtTransfer: at });
      const r = await readBasicFourInfo(transport, collationB);
      expect(failureOf(r)).toMatchObject({
        kind: 'transport-failed',
        detail: expect.stringContaining('カードリーダーが見つかりません'),
      });
      await expect(transport.connect()).rejects.toSatisfy(
        (e) => e instanceof Rcs380Error && e.failure.kind === 'reader-unplugged',
      );
    });
  }

  it('interface held by a kernel driver: prepare() gives reader-busy with port100 / WinUSB guidance', async () => {
    const device = new FakeRcs380Device(new MyNumberCardEmulator(persona));
    const transport = createRcs380Transport(fakeUsbPort(device, { busy: true }));
    const r = await transport.prepare();
    expect(r).toMatchObject({ ok: false, error: { kind: 'reader-busy' } });
    await expect(transport.connect()).rejects.toThrow(/port100.*|WinUSB/);
  });

  it('a reader that never answers trips the watchdog: reader-not-responding', async () => {
    const device = new FakeRcs380Device(new MyNumberCardEmulator(persona));
    const port = fakeUsbPort(device);
    const silent: UsbPort = { ...port, transferIn: () => new Promise(() => {}) };
    const transport = createRcs380Transport(silent, { watchdogMarginMs: 20 });
    expect(await transport.prepare()).toEqual({ ok: false, error: { kind: 'reader-not-responding' } });
  });

  it('the fake notices a missing zero-length packet: the frame never completes', async () => {
    const device = new FakeRcs380Device(new MyNumberCardEmulator(persona));
    const port = fakeUsbPort(device);
    const noZlp: UsbPort = {
      ...port,
      transferOut: (ep, bytes) =>
        bytes.length === 0 ? Promise.resolve({ ok: true, value: undefined }) : port.transferOut(ep, bytes),
    };
    const transport = createRcs380Transport(noZlp, { watchdogMarginMs: 20 });
    await transport.connect();
    const apdu = new Uint8Array(49);
    apdu.set([0x00, 0xa4, 0x04, 0x0c, 44]);
    await expect(transport.transmit(apdu)).rejects.toSatisfy(
      (e) => e instanceof Rcs380Error && e.failure.kind === 'reader-not-responding',
    );
  });
});
