// The WebUSB adapter of UsbPort for the Sony RC-S380 (cards.md §4.1 "WebUSB setup", §4.3, §5).
// It turns WebUSB's exceptions into typed failures: a cancelled chooser (NotFoundError from
// requestDevice), an interface held by Linux port100 or a Windows driver other than WinUSB
// (NetworkError/SecurityError from open/claimInterface), and an unplugged reader (the usb
// 'disconnect' event, NotFoundError/NetworkError mid-transfer). Not wired into the screens yet.
import {
  createRcs380Transport,
  type Rcs380Options,
  type Rcs380Transport,
} from '../../shared/card/rcs380/driver.ts';
import { type Rcs380Failure, rcs380ErrorMessage } from '../../shared/card/rcs380/errors.ts';
import {
  RCS380_PRODUCT_IDS,
  RCS380_VENDOR_ID,
  type UsbFailure,
  type UsbPort,
  type UsbResult,
} from '../../shared/card/rcs380/usb-port.ts';
import { err, ok, type Result } from '../../shared/result.ts';

// The part of WebUSB used here. TypeScript's DOM library has no WebUSB types, so they are
// declared structurally; the browser's objects and the test fake both fit them.
export interface WebUsbEndpoint {
  readonly endpointNumber: number;
  readonly direction: 'in' | 'out';
  readonly type: 'bulk' | 'interrupt' | 'isochronous';
  readonly packetSize: number;
}
export interface WebUsbInterface {
  readonly interfaceNumber: number;
  readonly alternate: { readonly endpoints: readonly WebUsbEndpoint[] };
}
export interface WebUsbDevice {
  readonly vendorId: number;
  readonly productId: number;
  readonly productName?: string | undefined;
  readonly configuration: { readonly interfaces: readonly WebUsbInterface[] } | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(configurationValue: number): Promise<void>;
  claimInterface(interfaceNumber: number): Promise<void>;
  releaseInterface(interfaceNumber: number): Promise<void>;
  transferIn(
    endpoint: number,
    length: number,
  ): Promise<{ readonly status?: string; readonly data?: DataView }>;
  transferOut(endpoint: number, data: Uint8Array<ArrayBuffer>): Promise<{ readonly status?: string }>;
}
export interface WebUsbConnectionEvent {
  readonly device: WebUsbDevice;
}
export interface WebUsb {
  requestDevice(options: {
    filters: readonly { vendorId: number; productId: number }[];
  }): Promise<WebUsbDevice>;
  getDevices(): Promise<WebUsbDevice[]>;
  addEventListener(type: 'disconnect', listener: (event: WebUsbConnectionEvent) => void): void;
  removeEventListener(type: 'disconnect', listener: (event: WebUsbConnectionEvent) => void): void;
}

export type Rcs380ReaderError =
  | Rcs380Failure
  /** No navigator.usb: not Chrome/Edge, not https, or iPad/iPhone (cards.md §5). */
  | { readonly kind: 'webusb-unavailable' }
  /** The chooser was closed without picking a reader (NotFoundError). */
  | { readonly kind: 'permission-refused' };

export function rcs380ReaderErrorMessage(e: Rcs380ReaderError): string {
  switch (e.kind) {
    case 'webusb-unavailable':
      return 'このブラウザーではUSBカードリーダーを使えません。Chrome または Edge で、https のアドレスからこの画面を開き直してください（iPad・iPhone では使えません）。';
    case 'permission-refused':
      return 'カードリーダーが選ばれませんでした。RC-S380 がUSBで接続されていることを確かめてから、もう一度「USBリーダーを接続」を押し、一覧から RC-S380 を選んで「接続」を押してください。';
    default:
      return rcs380ErrorMessage(e);
  }
}

export const RCS380_FILTERS = RCS380_PRODUCT_IDS.map((productId) => ({
  vendorId: RCS380_VENDOR_ID,
  productId,
}));

/** Shows Chrome's reader chooser (needs a user gesture) and opens the chosen RC-S380. */
export async function requestRcs380(
  usb: WebUsb | undefined = navigatorUsb(),
  options: Rcs380Options = {},
): Promise<Result<Rcs380Transport, Rcs380ReaderError>> {
  if (!usb) return err({ kind: 'webusb-unavailable' });
  let device: WebUsbDevice;
  try {
    device = await usb.requestDevice({ filters: RCS380_FILTERS });
  } catch (e) {
    // Chrome rejects with NotFoundError when the chooser is cancelled (or lists nothing to pick).
    if (domName(e) === 'NotFoundError') return err({ kind: 'permission-refused' });
    return err({ kind: 'reader-denied', detail: describe(e) });
  }
  return openRcs380(device, usb, options);
}

/** A reader paired before (getDevices, no prompt: cards.md §5), so a kiosk reconnects by itself. */
export async function pairedRcs380(
  usb: WebUsb | undefined = navigatorUsb(),
  options: Rcs380Options = {},
): Promise<Result<Rcs380Transport, Rcs380ReaderError> | undefined> {
  if (!usb) return err({ kind: 'webusb-unavailable' });
  const devices = await usb.getDevices();
  const device = devices.find(
    (d) => d.vendorId === RCS380_VENDOR_ID && RCS380_PRODUCT_IDS.includes(d.productId),
  );
  return device ? openRcs380(device, usb, options) : undefined;
}

/** Opens, claims and initialises `device`, so a busy or broken reader is reported at once. */
export async function openRcs380(
  device: WebUsbDevice,
  usb: WebUsb | undefined = navigatorUsb(),
  options: Rcs380Options = {},
): Promise<Result<Rcs380Transport, Rcs380ReaderError>> {
  const transport = createRcs380Transport(webUsbPort(device, usb), options);
  const ready = await transport.prepare();
  return ready.ok ? ok(transport) : err(ready.error);
}

/** UsbPort over one WebUSB device. After its 'disconnect' event every call reports unplugged. */
export function webUsbPort(device: WebUsbDevice, usb: WebUsb | undefined): UsbPort {
  let unplugged = false;
  const onDisconnect = (event: WebUsbConnectionEvent): void => {
    if (event.device === device) unplugged = true;
  };
  usb?.addEventListener('disconnect', onDisconnect);

  async function run<T>(
    step: 'setup' | 'claim' | 'transfer',
    action: () => Promise<T>,
  ): Promise<UsbResult<T>> {
    if (unplugged) return err({ kind: 'unplugged' });
    try {
      return ok(await action());
    } catch (e) {
      return err(unplugged ? { kind: 'unplugged' } : classify(step, e));
    }
  }

  return {
    productName: device.productName ?? 'Sony RC-S380',
    open: () => run('setup', () => device.open()),
    selectConfiguration: (value) => run('setup', () => device.selectConfiguration(value)),
    claimInterface: (n) => run('claim', () => device.claimInterface(n)),
    endpoints(n) {
      const iface = device.configuration?.interfaces.find((i) => i.interfaceNumber === n);
      const endpoints = iface?.alternate.endpoints.filter((e) => e.type === 'bulk') ?? [];
      const bulkIn = endpoints.find((e) => e.direction === 'in');
      const bulkOut = endpoints.find((e) => e.direction === 'out');
      if (!bulkIn || !bulkOut)
        return err({ kind: 'transfer-failed', detail: `interface ${n} has no bulk pair` });
      return ok({
        bulkIn: bulkIn.endpointNumber,
        bulkOut: bulkOut.endpointNumber,
        packetSize: bulkOut.packetSize,
      });
    },
    async transferOut(endpoint, bytes) {
      const sent = await run('transfer', () => device.transferOut(endpoint, Uint8Array.from(bytes)));
      if (!sent.ok) return sent;
      return sent.value.status === 'ok' ? ok(undefined) : err(statusFailure(sent.value.status));
    },
    async transferIn(endpoint, length) {
      const received = await run('transfer', () => device.transferIn(endpoint, length));
      if (!received.ok) return received;
      const { status, data } = received.value;
      if (status !== 'ok' || !data) return err(statusFailure(status));
      return ok(new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)));
    },
    releaseInterface: (n) => run('setup', () => device.releaseInterface(n)),
    async close() {
      const closed = await run('setup', () => device.close());
      usb?.removeEventListener('disconnect', onDisconnect);
      return closed;
    },
  };
}

function classify(step: 'setup' | 'claim' | 'transfer', e: unknown): UsbFailure {
  const name = domName(e);
  const detail = describe(e);
  if (name === 'NotFoundError') return { kind: 'unplugged' };
  if (step === 'transfer' && name === 'NetworkError') return { kind: 'unplugged' };
  // Chrome: "Unable to claim interface" (Linux port100 bound), "Access denied" (Windows, no WinUSB).
  if (step !== 'transfer' && name === 'NetworkError') return { kind: 'busy', detail };
  if (name === 'SecurityError')
    return step === 'claim' ? { kind: 'denied', detail } : { kind: 'busy', detail };
  return { kind: 'transfer-failed', detail };
}

function statusFailure(status: string | undefined): UsbFailure {
  return { kind: 'transfer-failed', detail: `USB status ${status ?? 'missing'}` };
}

export function domName(e: unknown): string | undefined {
  return typeof e === 'object' && e !== null && 'name' in e && typeof e.name === 'string'
    ? e.name
    : undefined;
}

export function describe(e: unknown): string {
  return (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 200);
}

export function navigatorUsb(): WebUsb | undefined {
  return typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { usb?: WebUsb }).usb;
}
