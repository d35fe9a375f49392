// The RC-S300 driver when the reader misbehaves: each fault of the fake gives its typed failure,
// and a reader answering arbitrary bytes (fast-check) only ever yields a typed Rcs300Error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FakeRcs300Device, fakeUsbPort, type Rcs300Fault } from '../../../test/support/fake-rcs300/index.ts';
import { ok } from '../../result.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { PERSONAS, type Persona } from '../emulator/personas.ts';
import type { UsbPort } from '../rcs380/usb-port.ts';
import { createRcs300Transport } from './driver.ts';
import { Rcs300Error, type Rcs300Failure, rcs300ErrorMessage } from './errors.ts';

const [persona] = PERSONAS as readonly [Persona, ...Persona[]];

function rig(fault?: { atMessage: number; fault: Rcs300Fault }, busy = false) {
  const device = new FakeRcs300Device(new MyNumberCardEmulator(persona), { faults: fault ? [fault] : [] });
  const transport = createRcs300Transport(fakeUsbPort(device, { busy }), { watchdogMs: 30 });
  return { device, transport };
}

describe('RC-S300 driver: reader faults are typed failures', () => {
  const cases: [Rcs300Fault, number, Rcs300Failure | { kind: string }][] = [
    ['silent', 0, { kind: 'reader-not-responding' }],
    ['wrong-seq', 1, { kind: 'reader-protocol', detail: 'reply seq 2, expected 1' }],
    ['wrong-type', 0, { kind: 'reader-protocol', detail: 'reply type 80, expected 83' }],
    ['truncated', 1, { kind: 'reader-protocol', detail: 'reply declares 2 payload bytes, 1 present' }],
    ['status-failed', 0, { kind: 'reader-status', status: 0x40, error: 0xfe }],
    ['refuse', 1, { kind: 'reader-refused', operation: 'startTransparentSession', sw: 0x6a81 }],
    [
      'no-status-word',
      0,
      { kind: 'reader-protocol', detail: 'endTransparentSession: reply of 1 bytes has no SW1 SW2' },
    ],
  ];
  for (const [fault, atMessage, failure] of cases) {
    it(`${fault} at message ${atMessage}: prepare() gives ${failure.kind}, and the port is closed`, async () => {
      const { transport } = rig({ atMessage, fault });
      expect(await transport.prepare()).toEqual({ ok: false, error: failure });
      // prepare() closed the port: the next attempt opens it again and succeeds.
      expect(await transport.prepare()).toEqual({ ok: true, value: undefined });
    });
  }

  it('a reply lost mid-session: the link stays failed, disconnect() still releases, the next connect() starts afresh', async () => {
    const { device, transport } = rig({ atMessage: 3, fault: 'silent' }); // RF on
    await expect(transport.connect()).rejects.toSatisfy(
      (e) => e instanceof Rcs300Error && e.failure.kind === 'reader-not-responding',
    );
    const sent = device.operations.length;
    // Nothing more is sent on a link whose replies may be out of step; the interface is released.
    await expect(transport.disconnect()).rejects.toSatisfy(
      (e) => e instanceof Rcs300Error && e.failure.kind === 'reader-not-responding',
    );
    expect(device.operations).toHaveLength(sent);
    await expect(transport.connect()).rejects.toSatisfy(
      (e) => e instanceof Rcs300Error && e.failure.kind === 'unsupported',
    );
    expect(device.operations.slice(sent)).toEqual([
      'endTransparentSession',
      'startTransparentSession',
      'rfOff',
      'rfOn',
      'rfOff',
    ]);
    expect(device.fieldOn).toBe(false);
    expect(device.violations).toEqual([]);
  });

  it('RF on refused: connect() rejects with reader-refused rfOn, not unsupported', async () => {
    const { transport } = rig({ atMessage: 3, fault: 'refuse' });
    await expect(transport.connect()).rejects.toSatisfy(
      (e) =>
        e instanceof Rcs300Error && e.failure.kind === 'reader-refused' && e.failure.operation === 'rfOn',
    );
  });

  it('interface 1 held by another driver: reader-busy, with WinUSB guidance', async () => {
    const { transport } = rig(undefined, true);
    expect(await transport.prepare()).toMatchObject({ ok: false, error: { kind: 'reader-busy' } });
    await expect(transport.connect()).rejects.toThrow(/WinUSB/);
  });

  for (const at of [0, 1, 4, 7, 9]) {
    it(`reader unplugged at USB transfer ${at}: reader-unplugged; disconnect() does not throw`, async () => {
      const device = new FakeRcs300Device(new MyNumberCardEmulator(persona), { unplugAtTransfer: at });
      const transport = createRcs300Transport(fakeUsbPort(device), { watchdogMs: 30 });
      await expect(transport.connect()).rejects.toSatisfy(
        (e) => e instanceof Rcs300Error && e.failure.kind === 'reader-unplugged',
      );
      await expect(transport.disconnect()).resolves.toBeUndefined();
    });
  }

  it('every failure has a Japanese message with no bytes of the command', () => {
    const failures: Rcs300Failure[] = [
      { kind: 'reader-unplugged' },
      { kind: 'reader-busy', detail: 'x' },
      { kind: 'reader-denied', detail: 'x' },
      { kind: 'usb-transfer-failed', detail: 'x' },
      { kind: 'reader-protocol', detail: 'x' },
      { kind: 'reader-status', status: 0x40, error: 0xfe },
      { kind: 'reader-refused', operation: 'rfOn', sw: 0x6a81 },
      { kind: 'reader-not-responding' },
      { kind: 'not-connected' },
      { kind: 'unsupported', step: 'apdu-exchange' },
    ];
    for (const f of failures) expect(rcs300ErrorMessage(f)).toMatch(/[ぁ-んァ-ン]/);
  });
});

/** A reader whose replies are arbitrary bytes, in order; silent once the script is used up. */
function scriptedReader(script: readonly Uint8Array[]): UsbPort {
  let replies = 0;
  const done = async () => ok(undefined);
  return {
    productName: 'scripted',
    open: done,
    selectConfiguration: done,
    claimInterface: done,
    releaseInterface: done,
    close: done,
    endpoints: () => ok({ bulkIn: 2, bulkOut: 2, packetSize: 64 }),
    transferOut: done,
    transferIn: () => {
      const next = script[replies++];
      return next ? Promise.resolve(ok(next)) : new Promise(() => {});
    },
  };
}

describe('RC-S300 driver fuzz: arbitrary replies', () => {
  it('connect() and disconnect() reject only with a typed Rcs300Error', async () => {
    const replyLike = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc
        .tuple(fc.nat(8), fc.uint8Array({ maxLength: 6 }), fc.nat(255))
        .map(([seq, payload, status]) =>
          Uint8Array.from([0x83, payload.length, 0, 0, 0, 0, seq, status & 0xc0, 0, 0, ...payload]),
        ),
      fc.nat(8).map((seq) => Uint8Array.of(0x83, 2, 0, 0, 0, 0, seq, 0, 0, 0, 0x90, 0x00)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(replyLike, { maxLength: 9 }), async (script) => {
        const transport = createRcs300Transport(scriptedReader(script), { watchdogMs: 1 });
        for (const step of [() => transport.connect(), () => transport.disconnect()]) {
          const outcome = await step().then(
            () => 'resolved',
            (e: unknown) => e,
          );
          if (outcome !== 'resolved') expect(outcome).toBeInstanceOf(Rcs300Error);
        }
        // The driver never claims a card: connect() cannot resolve true.
        await expect(transport.connect()).rejects.toBeInstanceOf(Rcs300Error);
      }),
      { numRuns: 200 },
    );
  });
});
