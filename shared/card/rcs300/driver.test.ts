// The RC-S300 driver over the fake reader's UsbPort: the exact interface-1 messages of what
// cards.md §4.2 documents (prepare, field on/off, release), and the exact point where it stops
// with the typed `unsupported` error — Type B activation — including a whole readBasicFourInfo.
import { describe, expect, it } from 'vitest';
import { FakeRcs300Device, fakeUsbPort } from '../../../test/support/fake-rcs300/index.ts';
import { toHex } from '../bytes.ts';
import { buildCollationB } from '../collation-b.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardFace, PERSONAS, type Persona } from '../emulator/personas.ts';
import { readBasicFourInfo } from '../mynumber/input-support-ap.ts';
import { createRcs300Transport } from './driver.ts';
import { RCS300_UNSUPPORTED_MESSAGE, Rcs300Error } from './errors.ts';

const [persona] = PERSONAS as readonly [Persona, ...Persona[]];

/** An emulated card that counts the APDUs reaching it. */
function countingCard() {
  const emulator = new MyNumberCardEmulator(persona);
  const card = {
    apdus: 0,
    resets: 0,
    process(command: Uint8Array) {
      card.apdus++;
      return emulator.process(command);
    },
    reset() {
      card.resets++;
      emulator.reset();
    },
  };
  return card;
}

function rig() {
  const card = countingCard();
  const device = new FakeRcs300Device(card);
  const transport = createRcs300Transport(fakeUsbPort(device), { watchdogMs: 200 });
  return { card, device, transport };
}

const outMessages = (device: FakeRcs300Device): string[] =>
  device.transfers.filter((t) => t.direction === 'out').map((t) => toHex(t.bytes));
const inMessages = (device: FakeRcs300Device): string[] =>
  device.transfers.filter((t) => t.direction === 'in').map((t) => toHex(t.bytes));

describe('RC-S300 driver: what cards.md §4.2 documents', () => {
  it('says it is experimental in its reader name', () => {
    expect(rig().transport.readerName).toBe('Sony RC-S300（実験的対応）');
  });

  it('prepare(): claims interface 1, ends then starts a transparent session (seq 0, 1)', async () => {
    const { device, transport } = rig();
    expect(await transport.prepare()).toEqual({ ok: true, value: undefined });
    expect(outMessages(device)).toEqual([
      '6B 08 00 00 00 00 00 00 00 00 FF 50 00 00 02 82 00 00',
      '6B 08 00 00 00 00 01 00 00 00 FF 50 00 00 02 81 00 00',
    ]);
    expect(inMessages(device)).toEqual([
      '83 02 00 00 00 00 00 00 00 00 90 00',
      '83 02 00 00 00 00 01 00 00 00 90 00',
    ]);
    expect(device.sessionOpen).toBe(true);
    expect(await transport.prepare()).toEqual({ ok: true, value: undefined }); // once only
    expect(device.transfers).toHaveLength(4);
    expect(device.violations).toEqual([]);
  });

  it('activate(): RF off, RF on, then stops at Type B activation with the field off again', async () => {
    const { device, transport } = rig();
    expect(await transport.activate()).toEqual({
      ok: false,
      error: { kind: 'unsupported', step: 'type-b-activation' },
    });
    expect(device.operations).toEqual([
      'endTransparentSession',
      'startTransparentSession',
      'rfOff',
      'rfOn',
      'rfOff',
    ]);
    expect(outMessages(device).slice(2)).toEqual([
      '6B 08 00 00 00 00 02 00 00 00 FF 50 00 00 02 83 00 00',
      '6B 08 00 00 00 00 03 00 00 00 FF 50 00 00 02 84 00 00',
      '6B 08 00 00 00 00 04 00 00 00 FF 50 00 00 02 83 00 00',
    ]);
    expect(device.fieldOn).toBe(false);
    expect(device.cardResets).toBe(1); // the field was on once and went off: the card was reset
    expect(device.violations).toEqual([]);
  });

  it('connect() rejects with Rcs300Error unsupported and the Japanese message of issue 3', async () => {
    const { transport } = rig();
    const rejection = await transport.connect().catch((e: unknown) => e);
    expect(rejection).toBeInstanceOf(Rcs300Error);
    expect((rejection as Rcs300Error).failure).toEqual({ kind: 'unsupported', step: 'type-b-activation' });
    expect((rejection as Rcs300Error).message).toBe(
      'RC-S300 でのマイナンバーカード読み取りは実機で確認できていません（実験的対応）。RC-S380 をお使いください。',
    );
  });

  it('transmit() rejects with unsupported apdu-exchange and sends nothing', async () => {
    const { device, transport } = rig();
    await transport.prepare();
    const before = device.transfers.length;
    await expect(transport.transmit(Uint8Array.of(0x00, 0xa4, 0x04, 0x0c))).rejects.toSatisfy(
      (e) =>
        e instanceof Rcs300Error && e.failure.kind === 'unsupported' && e.failure.step === 'apdu-exchange',
    );
    expect(device.transfers).toHaveLength(before);
  });

  it('disconnect(): RF off, end the session, release interface 1; nothing to do when never prepared', async () => {
    const { device, transport } = rig();
    await transport.disconnect();
    expect(device.transfers).toEqual([]);
    await transport.activate();
    await transport.disconnect();
    expect(device.operations.slice(-2)).toEqual(['rfOff', 'endTransparentSession']);
    expect(outMessages(device).slice(-2)).toEqual([
      '6B 08 00 00 00 00 05 00 00 00 FF 50 00 00 02 83 00 00',
      '6B 08 00 00 00 00 06 00 00 00 FF 50 00 00 02 82 00 00',
    ]);
    expect(device.sessionOpen).toBe(false);
    expect(device.violations).toEqual([]);
    // A later connect() starts from a cold reader again: open, claim, end, start.
    await expect(transport.connect()).rejects.toBeInstanceOf(Rcs300Error);
    expect(device.operations.slice(-5)).toEqual([
      'endTransparentSession',
      'startTransparentSession',
      'rfOff',
      'rfOn',
      'rfOff',
    ]);
  });
});

describe('readBasicFourInfo over the RC-S300: stops before any APDU', () => {
  for (const p of PERSONAS) {
    it(`${p.id}: transport-failed with the unsupported message; no APDU reaches the card`, async () => {
      const { card, device, transport } = rig();
      const collationB = buildCollationB(cardFace(p));
      if (!collationB.ok) throw new Error('persona has a 照合番号B');
      const r = await readBasicFourInfo(transport, collationB.value);
      expect(r).toEqual({
        ok: false,
        error: { kind: 'transport-failed', detail: `connect: Rcs300Error: ${RCS300_UNSUPPORTED_MESSAGE}` },
      });
      expect(card.apdus).toBe(0);
      // withCardSession still switched off and released the reader.
      expect(device.operations.slice(-2)).toEqual(['rfOff', 'endTransparentSession']);
      expect(device.fieldOn).toBe(false);
      expect(device.violations).toEqual([]);
    });
  }
});
