// The fake RC-S380 behind a WebUSB-shaped device and a fake `navigator.usb`, so the real
// pwa/card/webusb-port.ts runs unchanged in Chromium (toolchain.md §8: inject with
// Object.defineProperty(navigator, 'usb', …)). Errors are DOMExceptions with the names Chrome uses.
import type { WebUsb, WebUsbConnectionEvent, WebUsbDevice } from '../../../pwa/card/webusb-port.ts';
import { FAKE_BULK_IN, FAKE_BULK_OUT, FAKE_PACKET_SIZE, type FakeRcs380Device } from './device.ts';

export interface FakeWebUsbOptions {
  /** claimInterface throws NetworkError "Unable to claim interface." (Linux port100 bound). */
  readonly claimedByKernelDriver?: boolean;
  readonly productId?: 0x06c1 | 0x06c3;
}

export class FakeWebUsbDevice implements WebUsbDevice {
  readonly vendorId = 0x054c;
  readonly productId: number;
  readonly productName = 'RC-S380/P';
  readonly fake: FakeRcs380Device;
  readonly #options: FakeWebUsbOptions;
  opened = false;
  #configured = false;
  readonly #claimed = new Set<number>();

  constructor(fake: FakeRcs380Device, options: FakeWebUsbOptions = {}) {
    this.fake = fake;
    this.#options = options;
    this.productId = options.productId ?? 0x06c3;
  }

  get configuration(): WebUsbDevice['configuration'] {
    if (!this.#configured) return null;
    const endpoints = [
      { endpointNumber: FAKE_BULK_IN, direction: 'in', type: 'bulk', packetSize: FAKE_PACKET_SIZE },
      { endpointNumber: FAKE_BULK_OUT, direction: 'out', type: 'bulk', packetSize: FAKE_PACKET_SIZE },
    ] as const;
    return { interfaces: [{ interfaceNumber: 0, alternate: { endpoints } }] };
  }

  async open(): Promise<void> {
    this.#gone('open');
    this.opened = true;
  }

  async close(): Promise<void> {
    this.#gone('close');
    this.opened = false;
    this.#configured = false;
    this.#claimed.clear();
  }

  async selectConfiguration(value: number): Promise<void> {
    this.#gone('selectConfiguration');
    if (!this.opened) throw new DOMException('The device must be opened first.', 'InvalidStateError');
    if (value !== 1)
      throw new DOMException('The configuration value provided is not supported.', 'NotFoundError');
    this.#configured = true;
  }

  async claimInterface(n: number): Promise<void> {
    this.#gone('claimInterface');
    if (!this.#configured || n !== 0)
      throw new DOMException('The interface number provided is not supported.', 'NotFoundError');
    if (this.#options.claimedByKernelDriver)
      throw new DOMException('Unable to claim interface.', 'NetworkError');
    this.#claimed.add(n);
  }

  async releaseInterface(n: number): Promise<void> {
    this.#gone('releaseInterface');
    this.#claimed.delete(n);
  }

  async transferOut(
    endpoint: number,
    data: Uint8Array<ArrayBuffer>,
  ): Promise<{ status: 'ok'; bytesWritten: number }> {
    this.#requireClaimed();
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!(await this.fake.hostOut(endpoint, bytes)))
      throw new DOMException('A transfer error has occurred.', 'NetworkError');
    return { status: 'ok', bytesWritten: bytes.length };
  }

  async transferIn(endpoint: number, _length: number): Promise<{ status: 'ok'; data: DataView }> {
    this.#requireClaimed();
    const frame = await this.fake.hostIn(endpoint);
    if (frame === 'unplugged') throw new DOMException('The device was disconnected.', 'NotFoundError');
    return { status: 'ok', data: new DataView(frame.buffer, frame.byteOffset, frame.byteLength) };
  }

  #requireClaimed(): void {
    this.#gone('transfer');
    if (!this.#claimed.has(0))
      throw new DOMException('The specified interface has not been claimed.', 'InvalidStateError');
  }

  #gone(what: string): void {
    if (this.fake.unplugged) throw new DOMException(`${what}: the device was disconnected.`, 'NotFoundError');
  }
}

export interface FakeNavigatorUsb extends WebUsb {
  /** What requestDevice was asked for, to check the filters. */
  readonly requests: { filters: readonly { vendorId: number; productId: number }[] }[];
  /** A reader is plugged in: it joins getDevices() and 'connect' fires, as in Chrome. */
  plugIn(device: FakeWebUsbDevice): void;
  addEventListener(type: 'connect' | 'disconnect', listener: (event: WebUsbConnectionEvent) => void): void;
  removeEventListener(type: 'connect' | 'disconnect', listener: (event: WebUsbConnectionEvent) => void): void;
}

/**
 * A `navigator.usb` with the given devices. `refuse`: the staff member cancels the chooser.
 * A device's unplug() fires 'disconnect' with that device, as Chrome does.
 */
export function fakeNavigatorUsb(devices: readonly FakeWebUsbDevice[], refuse = false): FakeNavigatorUsb {
  const target = new EventTarget();
  const listeners = new Map<(e: WebUsbConnectionEvent) => void, EventListener>();
  const requests: FakeNavigatorUsb['requests'] = [];
  const present = new Set(devices);
  for (const device of devices) {
    device.fake.onUnplug(() => {
      present.delete(device);
      target.dispatchEvent(Object.assign(new Event('disconnect'), { device }));
    });
  }
  return {
    requests,
    plugIn(device) {
      present.add(device);
      target.dispatchEvent(Object.assign(new Event('connect'), { device }));
    },
    async requestDevice(options) {
      requests.push({ filters: options.filters.map((f) => ({ ...f })) });
      const match = [...present].find((d) =>
        options.filters.some((f) => f.vendorId === d.vendorId && f.productId === d.productId),
      );
      if (refuse || !match) throw new DOMException('No device selected.', 'NotFoundError');
      return match;
    },
    async getDevices() {
      return [...present];
    },
    addEventListener(type, listener) {
      const wrapped: EventListener = (event) => listener(event as Event & WebUsbConnectionEvent);
      listeners.set(listener, wrapped);
      target.addEventListener(type, wrapped);
    },
    removeEventListener(type, listener) {
      const wrapped = listeners.get(listener);
      if (wrapped) target.removeEventListener(type, wrapped);
      listeners.delete(listener);
    },
  };
}
