// The fake RC-S380 as a UsbPort (shared/card/rcs380/usb-port.ts), for Node tests and the bench.
// It enforces the USB order a real device needs (open → configuration → claim → transfers).

import type { UsbPort } from '../../../shared/card/rcs380/usb-port.ts';
import { err, ok } from '../../../shared/result.ts';
import { FAKE_BULK_IN, FAKE_BULK_OUT, FAKE_PACKET_SIZE, type FakeRcs380Device } from './device.ts';

export interface FakePortOptions {
  /** claimInterface fails as when Linux port100 or Windows' Sony driver holds the reader. */
  readonly busy?: boolean;
}

export function fakeUsbPort(device: FakeRcs380Device, options: FakePortOptions = {}): UsbPort {
  let opened = false;
  let configured = false;
  let claimed = false;
  const unplugged = { ok: false as const, error: { kind: 'unplugged' as const } };
  const notReady = (what: string) =>
    err({ kind: 'transfer-failed' as const, detail: `${what} before claim` });

  return {
    productName: 'RC-S380/P (fake)',
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
      if (!configured || n !== 0) return err({ kind: 'transfer-failed', detail: 'claimInterface' });
      claimed = true;
      return ok(undefined);
    },
    endpoints(n) {
      if (!claimed || n !== 0) return err({ kind: 'transfer-failed', detail: 'endpoints' });
      return ok({ bulkIn: FAKE_BULK_IN, bulkOut: FAKE_BULK_OUT, packetSize: FAKE_PACKET_SIZE });
    },
    async transferOut(endpoint, bytes) {
      if (!claimed) return notReady('transferOut');
      return (await device.hostOut(endpoint, bytes)) ? ok(undefined) : unplugged;
    },
    async transferIn(endpoint) {
      if (!claimed) return notReady('transferIn');
      const frame = await device.hostIn(endpoint);
      return frame === 'unplugged' ? unplugged : ok(frame);
    },
    async releaseInterface() {
      if (device.unplugged) return unplugged;
      claimed = false;
      return ok(undefined);
    },
    async close() {
      opened = configured = claimed = false;
      return device.unplugged ? unplugged : ok(undefined);
    },
  };
}
