// The entry of the init script that webusb-reader.test.ts bundles with esbuild and gives to
// context.addInitScript: a byte-exact fake Sony RC-S380 (test/support/fake-rcs380) becomes
// `navigator.usb` before any page script runs (toolchain.md §8), so the PWA's real WebUSB adapter
// and Port-100 driver talk to it unchanged. The test drives it through `window.__kakanaiFakeUsb`.
// Each persona's card is one MyNumberCardEmulator for the life of the page, so its retry
// counters persist as on a real card. Only the page gets it: the USB path runs on the main thread.
import { MyNumberCardEmulator } from '../../shared/card/emulator/mynumber-card.ts';
import { PERSONAS } from '../../shared/card/emulator/personas.ts';
import { FakeRcs380Device, FakeWebUsbDevice, fakeNavigatorUsb } from '../support/fake-rcs380/index.ts';

export interface FakeUsbReport {
  /** Everything the driver did that a real chip or card would reject or hang on (all readers). */
  readonly violations: readonly string[];
  /** The filters of each requestDevice call (the chooser). */
  readonly requests: readonly { readonly filters: readonly { vendorId: number; productId: number }[] }[];
  readonly transfers: number;
  readonly unplugged: boolean;
}

export interface FakeUsbControl {
  /** Puts the persona's card on the reader (replacing any other); false for an unknown id. */
  placeCard(personaId: string): boolean;
  removeCard(): void;
  /** Pulls the reader's USB cable: pending transfers fail, 'disconnect' fires, getDevices is empty. */
  unplug(): void;
  /** Plugs a reader in again (a new device, as Chrome sees it): 'connect' fires, getDevices lists it. */
  plugIn(): void;
  report(): FakeUsbReport;
}

declare global {
  interface Window {
    __kakanaiFakeUsb?: FakeUsbControl;
  }
}

const cards = new Map(PERSONAS.map((p) => [p.id, new MyNumberCardEmulator(p)]));
const readers = [new FakeRcs380Device(undefined)];
const usb = fakeNavigatorUsb(readers.map((r) => new FakeWebUsbDevice(r)));
/** The reader plugged in last; the card lies on it. */
let reader = readers[0] as FakeRcs380Device;

Object.defineProperty(Navigator.prototype, 'usb', { configurable: true, get: () => usb });

window.__kakanaiFakeUsb = {
  placeCard(personaId) {
    const card = cards.get(personaId);
    if (!card) return false;
    reader.removeCard();
    reader.present(card);
    return true;
  },
  removeCard: () => reader.removeCard(),
  unplug: () => reader.unplug(),
  plugIn() {
    reader.removeCard();
    reader = new FakeRcs380Device(undefined);
    readers.push(reader);
    usb.plugIn(new FakeWebUsbDevice(reader));
  },
  report: () => ({
    violations: readers.flatMap((r) => r.violations),
    requests: usb.requests.map((r) => ({ filters: r.filters.map((f) => ({ ...f })) })),
    transfers: readers.reduce((n, r) => n + r.transfers.length, 0),
    unplugged: reader.unplugged,
  }),
};
