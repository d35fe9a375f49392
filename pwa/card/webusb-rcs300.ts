// The WebUSB entry for the Sony RC-S300 (PaSoRi 4.0), EXPERIMENTAL (issue 3, cards.md §4.2, §9
// item 1): it opens the reader's vendor interface 1 and starts a transparent session, so a busy or
// silent reader is reported at once; reading a My Number Card then stops with the typed
// `unsupported` error (shared/card/rcs300/driver.ts). The UsbPort over WebUSB is the one of
// webusb-port.ts (same exceptions, same 'disconnect' handling).
import {
  createRcs300Transport,
  type Rcs300Options,
  type Rcs300Transport,
} from '../../shared/card/rcs300/driver.ts';
import { type Rcs300Failure, rcs300ErrorMessage } from '../../shared/card/rcs300/errors.ts';
import { RCS300_PRODUCT_IDS, RCS300_VENDOR_ID } from '../../shared/card/rcs300/usb-ids.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import {
  describe,
  domName,
  navigatorUsb,
  type WebUsb,
  type WebUsbDevice,
  webUsbPort,
} from './webusb-port.ts';

export type Rcs300ReaderError =
  | Rcs300Failure
  /** No navigator.usb: not Chrome/Edge, not https, or iPad/iPhone (cards.md §5). */
  | { readonly kind: 'webusb-unavailable' }
  /** The chooser was closed without picking a reader (NotFoundError). */
  | { readonly kind: 'permission-refused' };

export function rcs300ReaderErrorMessage(e: Rcs300ReaderError): string {
  switch (e.kind) {
    case 'webusb-unavailable':
      return 'このブラウザーではUSBカードリーダーを使えません。Chrome または Edge で、https のアドレスからこの画面を開き直してください（iPad・iPhone では使えません）。';
    case 'permission-refused':
      return 'カードリーダーが選ばれませんでした。RC-S300 がUSBで接続されていることを確かめてから、もう一度「USBリーダーを接続」を押し、一覧から RC-S300 を選んで「接続」を押してください。';
    default:
      return rcs300ErrorMessage(e);
  }
}

/** cards.md §4.2: 054C:0DC8 (RC-S300/S), 054C:0DC9 (RC-S300/P); 0D8F is UNVERIFIED and left out. */
export const RCS300_FILTERS = RCS300_PRODUCT_IDS.map((productId) => ({
  vendorId: RCS300_VENDOR_ID,
  productId,
}));

/** Shows Chrome's reader chooser (needs a user gesture) and opens the chosen RC-S300. */
export async function requestRcs300(
  usb: WebUsb | undefined = navigatorUsb(),
  options: Rcs300Options = {},
): Promise<Result<Rcs300Transport, Rcs300ReaderError>> {
  if (!usb) return err({ kind: 'webusb-unavailable' });
  let device: WebUsbDevice;
  try {
    device = await usb.requestDevice({ filters: RCS300_FILTERS });
  } catch (e) {
    // Chrome rejects with NotFoundError when the chooser is cancelled (or lists nothing to pick).
    if (domName(e) === 'NotFoundError') return err({ kind: 'permission-refused' });
    return err({ kind: 'reader-denied', detail: describe(e) });
  }
  return openRcs300(device, usb, options);
}

/** A reader paired before (getDevices, no prompt: cards.md §5), so a kiosk reconnects by itself. */
export async function pairedRcs300(
  usb: WebUsb | undefined = navigatorUsb(),
  options: Rcs300Options = {},
): Promise<Result<Rcs300Transport, Rcs300ReaderError> | undefined> {
  if (!usb) return err({ kind: 'webusb-unavailable' });
  const devices = await usb.getDevices();
  const device = devices.find(
    (d) => d.vendorId === RCS300_VENDOR_ID && RCS300_PRODUCT_IDS.includes(d.productId),
  );
  return device ? openRcs300(device, usb, options) : undefined;
}

/** Opens `device`, claims interface 1 and starts a transparent session (cards.md §4.2). */
export async function openRcs300(
  device: WebUsbDevice,
  usb: WebUsb | undefined = navigatorUsb(),
  options: Rcs300Options = {},
): Promise<Result<Rcs300Transport, Rcs300ReaderError>> {
  const transport = createRcs300Transport(webUsbPort(device, usb), options);
  const ready = await transport.prepare();
  return ready.ok ? ok(transport) : err(ready.error);
}
