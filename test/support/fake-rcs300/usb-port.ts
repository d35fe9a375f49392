// The fake RC-S300 as a UsbPort (shared/card/rcs380/usb-port.ts), for Node tests. It enforces the
// USB order a real device needs (open → configuration → claim interface 1 → transfers).
import type { UsbPort } from '../../../shared/card/rcs380/usb-port.ts';
import { err, ok } from '../../../shared/result.ts';
import { FAKE_BULK_IN, FAKE_BULK_OUT, FAKE_PACKET_SIZE, type FakeRcs300Device } from './device.ts';

export interface FakePortOptions {
  /** claimInterface fails as when another driver holds interface 1 (cards.md §4.3). */
  readonly busy?: boolean;
}

/** cards.md §4.2: the vendor-class interface is 1; configuration 1 is the driver's assumption. */
const VENDOR_INTERFACE = 1;

export function fakeUsbPort(device: FakeRcs300Device, options: FakePortOptions = {}): UsbPort {
  let opened = false;
  let configured = false;
  let claimed = false;
  const unplugged = { ok: false as const, error: { kind: 'unplugged' as const } };
  const notReady = (what: string) =>
    err({ kind: 'transfer-failed' as const, detail: `${what} before claim` });

  return {
    productName: 'RC-S300/P (fake)',
    async open() {
      if (device.unplugged) return unplugged;
      opened = true;
      return ok(undefined);
    },
    async selectConfiguration(value) {
      if (device.unplugged) return unplugged;
      if (!opened || value !== 1) return err({ kind: 'transfer-failed', detail: 'selectConfiguration' });
      configured = true;
      return ok(undefined);
    },
    async claimInterface(n) {
      if (device.unplugged) return unplugged;
      if (options.busy) return err({ kind: 'busy', detail: 'Unable to claim interface.' });
      // Interface 0 is the CCID one (cards.md §4.2, UNVERIFIED): WebUSB refuses the 0x0B class (§5).
      if (configured && n === 0) return err({ kind: 'denied', detail: 'protected class' });
      if (!configured || n !== VENDOR_INTERFACE)
        return err({ kind: 'transfer-failed', detail: 'claimInterface' });
      claimed = true;
      return ok(undefined);
    },
    endpoints(n) {
      if (!claimed || n !== VENDOR_INTERFACE) return err({ kind: 'transfer-failed', detail: 'endpoints' });
      return ok({ bulkIn: FAKE_BULK_IN, bulkOut: FAKE_BULK_OUT, packetSize: FAKE_PACKET_SIZE });
    },
    async transferOut(endpoint, bytes) {
      if (!claimed) return notReady('transferOut');
      return (await device.hostOut(endpoint, bytes)) ? ok(undefined) : unplugged;
    },
    async transferIn(endpoint) {
      if (!claimed) return notReady('transferIn');
      const reply = await device.hostIn(endpoint);
      if (reply === 'aborted') return err({ kind: 'transfer-failed', detail: 'transfer aborted' });
      return reply === 'unplugged' ? unplugged : ok(reply);
    },
    async releaseInterface(n) {
      if (device.unplugged) return unplugged;
      if (n !== VENDOR_INTERFACE) return err({ kind: 'transfer-failed', detail: 'releaseInterface' });
      claimed = false;
      device.abortPendingIn();
      return ok(undefined);
    },
    async close() {
      opened = configured = claimed = false;
      device.abortPendingIn();
      return device.unplugged ? unplugged : ok(undefined);
    },
  };
}
