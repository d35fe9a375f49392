// The UI's view of the card reader. The emulated reader runs in a dedicated worker (comlink), so
// a slow card never blocks the screen; if workers fail, the same code runs here. A USB reader
// (RC-S380, or the experimental RC-S300, over WebUSB) runs on the main thread: only a window may
// ask for USB permission, and the driver is I/O-bound anyway. When the USB reader is unplugged the
// session is dropped, so staff are sent to 「USBリーダーを接続」 instead of retrying a dead device.
import * as Comlink from 'comlink';
import type { CardReadError } from '../../shared/card/errors.ts';
import type { TrustStore } from '../../shared/card/mynumber/trust-store.ts';
import {
  parseTrustStoreConfig,
  trustStoreConfigMessage,
} from '../../shared/card/mynumber/trust-store-config.ts';
import type { CardTransport } from '../../shared/card/transport.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { type CardApi, createCardApi, usbSource } from './card-api.ts';
import { navigatorUsb, pairedRcs380, rcs380ReaderErrorMessage, requestRcs380 } from './webusb-port.ts';
import { rcs300ReaderErrorMessage, requestRcs300 } from './webusb-rcs300.ts';

export type ReaderKind = 'emulated' | 'usb';
export type UsbModel = 'rcs380' | 'rcs300';

export type CardService = CardApi & {
  readonly kind: () => ReaderKind;
  /** Asks for a USB reader (needs a click) and switches to it. The message says what to do next. */
  connectUsbReader(options?: {
    readonly chooser?: boolean;
    readonly model?: UsbModel;
  }): Promise<Result<{ readonly readerName: string; readonly warning?: string }, string>>;
  useEmulatedReader(): void;
};

async function openUsb(model: UsbModel, chooser: boolean): Promise<Result<CardTransport, string>> {
  if (model === 'rcs300') {
    const r = await requestRcs300();
    return r.ok ? ok(r.value) : err(rcs300ReaderErrorMessage(r.error));
  }
  const r = chooser ? await requestRcs380() : await pairedRcs380();
  if (!r) return err('接続済みのカードリーダーがありません。「USBリーダーを接続」を押してください。');
  return r.ok ? ok(r.value) : err(rcs380ReaderErrorMessage(r.error));
}

/** The municipality's J-LIS CA keys (public/trust-store.json, precached for offline use). */
async function configuredTrustStore(): Promise<{ store?: TrustStore; warning?: string }> {
  let json: unknown;
  try {
    const response = await fetch('/trust-store.json');
    json = response.ok ? await response.json() : {};
  } catch {
    json = undefined; // not JSON: reported below
  }
  const parsed = parseTrustStoreConfig(json);
  // A broken file = no CA configured, and staff are told so (the digests are still checked).
  return parsed.ok
    ? parsed.value
      ? { store: parsed.value }
      : {}
    : { warning: trustStoreConfigMessage(parsed.error) };
}

/** Every read of an unplugged reader: a typed error pointing to 「USBリーダーを接続」. */
function disconnectedApi(): CardApi {
  const gone = { ok: false, error: { kind: 'reader-not-connected' } } as const satisfies {
    ok: false;
    error: CardReadError;
  };
  return {
    readerName: async () => 'USBリーダー（未接続）',
    isDemo: async () => false,
    demoCards: async () => [],
    placeDemoCard: async () => {},
    placedDemoCard: async () => null,
    cardExpiry: async () => gone,
    collationBTriesLeft: async () => gone,
    readWithCollationB: async () => gone,
    pinTriesLeft: async () => gone,
    readWithPin: async () => gone,
    licenceTriesLeft: async () => gone,
    readLicence: async () => gone,
    endSession: async () => {},
  };
}

export function createCardService(): CardService {
  let emulated: Promise<CardApi> | undefined;
  let usb: CardApi | undefined;
  let kind: ReaderKind = 'emulated';
  // Comlink.Remote<CardApi> has the same shape as CardApi: every member already returns a Promise.
  const loadEmulated = (): Promise<CardApi> =>
    (emulated ??= (startWorker() as Promise<unknown> as Promise<CardApi>).catch(async () =>
      (await import('./card-api.ts')).createCardApi(),
    ));
  const active = async (): Promise<CardApi> =>
    kind === 'emulated' ? loadEmulated() : (usb ?? disconnectedApi());
  // One reader at a time: any reader leaving the bus ends the USB session.
  navigatorUsb()?.addEventListener('disconnect', () => {
    usb = undefined;
  });

  return {
    kind: () => kind,
    async connectUsbReader({ chooser = true, model = 'rcs380' } = {}) {
      const opened = await openUsb(model, chooser);
      if (!opened.ok) return opened;
      await usb?.endSession();
      const trust = await configuredTrustStore();
      usb = createCardApi(usbSource(opened.value, trust.store));
      kind = 'usb';
      return ok(
        trust.warning
          ? { readerName: opened.value.readerName, warning: trust.warning }
          : { readerName: opened.value.readerName },
      );
    },
    useEmulatedReader() {
      kind = 'emulated';
    },
    readerName: async () => (await active()).readerName(),
    isDemo: async () => (await active()).isDemo(),
    demoCards: async () => (await active()).demoCards(),
    placeDemoCard: async (id) => (await active()).placeDemoCard(id),
    placedDemoCard: async () => (await active()).placedDemoCard(),
    cardExpiry: async () => (await active()).cardExpiry(),
    collationBTriesLeft: async () => (await active()).collationBTriesLeft(),
    readWithCollationB: async (request) => afterUnplug(await (await active()).readWithCollationB(request)),
    pinTriesLeft: async () => (await active()).pinTriesLeft(),
    readWithPin: async (request) => afterUnplug(await (await active()).readWithPin(request)),
    licenceTriesLeft: async () => (await active()).licenceTriesLeft(),
    readLicence: async (request) => (await active()).readLicence(request),
    endSession: async () => (await active()).endSession(),
  };

  /** A read that failed because the reader was pulled out meanwhile says so, not "try again". */
  function afterUnplug<T extends Result<unknown, CardReadError>>(result: T): T {
    const unplugged = kind === 'usb' && usb === undefined;
    return !result.ok && unplugged && result.error.kind === 'transport-failed'
      ? ({ ok: false, error: { kind: 'reader-not-connected' } } as T)
      : result;
  }
}

async function startWorker(): Promise<Comlink.Remote<CardApi>> {
  const worker = new Worker(new URL('./card.worker.ts', import.meta.url), { type: 'module', name: 'card' });
  const remote = Comlink.wrap<CardApi>(worker);
  // A worker that fails to load rejects here rather than hanging the first real call.
  await Promise.race([
    remote.readerName(),
    new Promise((_, reject) => worker.addEventListener('error', reject, { once: true })),
  ]);
  return remote;
}
