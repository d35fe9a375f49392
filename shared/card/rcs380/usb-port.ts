// UsbPort: the few USB operations the RC-S380 driver needs (cards.md §4.1 "WebUSB setup"),
// declared here because shared/ has no DOM typings. Adapters: WebUSB (pwa/card/webusb-port.ts)
// and the fake reader of the tests (test/support/fake-rcs380). Every operation returns a Result:
// the adapter turns its platform's exceptions into a UsbFailure, the driver never catches.
import type { Result } from '../../result.ts';

export type UsbFailure =
  /** The reader left the bus (WebUSB disconnect event, NotFoundError / NetworkError mid-transfer). */
  | { readonly kind: 'unplugged' }
  /** Another driver holds the interface: Linux port100, Windows without WinUSB (cards.md §4.3). */
  | { readonly kind: 'busy'; readonly detail: string }
  /** The browser refused access (permission, protected class, insecure context). */
  | { readonly kind: 'denied'; readonly detail: string }
  /** A transfer ended with a USB status other than ok (stall, babble) or threw otherwise. */
  | { readonly kind: 'transfer-failed'; readonly detail: string };

export type UsbResult<T> = Result<T, UsbFailure>;

/** The bulk endpoints of one interface, as its descriptors say (cards.md §4.1: OUT 2, IN 1). */
export interface UsbEndpoints {
  readonly bulkIn: number;
  readonly bulkOut: number;
  /** wMaxPacketSize of the OUT endpoint: a transfer that is a multiple of it needs a ZLP. */
  readonly packetSize: number;
}

export interface UsbPort {
  /** The product name the device reports, for the UI. */
  readonly productName: string;
  open(): Promise<UsbResult<void>>;
  selectConfiguration(configurationValue: number): Promise<UsbResult<void>>;
  claimInterface(interfaceNumber: number): Promise<UsbResult<void>>;
  /** Endpoint numbers of the claimed interface's current alternate setting. */
  endpoints(interfaceNumber: number): UsbResult<UsbEndpoints>;
  transferOut(endpoint: number, bytes: Uint8Array): Promise<UsbResult<void>>;
  /** Resolves when the device sends a transfer (up to `length` bytes); it may wait indefinitely. */
  transferIn(endpoint: number, length: number): Promise<UsbResult<Uint8Array>>;
  releaseInterface(interfaceNumber: number): Promise<UsbResult<void>>;
  close(): Promise<UsbResult<void>>;
}

/** Sony RC-S380 USB ids (cards.md §4.1, nfcpy clf/device.py). */
export const RCS380_VENDOR_ID = 0x054c;
export const RCS380_PRODUCT_IDS: readonly number[] = [0x06c1 /* RC-S380/S */, 0x06c3 /* RC-S380/P */];
/** cards.md §4.1: configuration 1, vendor-class interface 0. */
export const RCS380_CONFIGURATION = 1;
export const RCS380_INTERFACE = 0;
