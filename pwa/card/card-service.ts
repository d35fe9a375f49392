// The UI's view of the card reader. The emulated reader runs in a dedicated worker (comlink), so
// a slow card never blocks the screen; if workers fail, the same code runs here. A USB reader
// (RC-S380 over WebUSB) runs on the main thread: only a window may ask for USB permission, and
// the driver is I/O-bound anyway.
import * as Comlink from 'comlink';
import { err, ok, type Result } from '../../shared/result.ts';
import { type CardApi, createCardApi, usbSource } from './card-api.ts';
import { pairedRcs380, rcs380ReaderErrorMessage, requestRcs380 } from './webusb-port.ts';

export type ReaderKind = 'emulated' | 'usb';

export type CardService = CardApi & {
  readonly kind: () => ReaderKind;
  /** Asks for a USB reader (needs a click) and switches to it. The message says what to do next. */
  connectUsbReader(options?: { readonly chooser: boolean }): Promise<Result<string, string>>;
  useEmulatedReader(): void;
};

export function createCardService(): CardService {
  let emulated: Promise<CardApi> | undefined;
  let usb: CardApi | undefined;
  let kind: ReaderKind = 'emulated';
  // Comlink.Remote<CardApi> has the same shape as CardApi: every member already returns a Promise.
  const loadEmulated = (): Promise<CardApi> =>
    (emulated ??= (startWorker() as Promise<unknown> as Promise<CardApi>).catch(async () =>
      (await import('./card-api.ts')).createCardApi(),
    ));
  const active = async (): Promise<CardApi> => (kind === 'usb' && usb ? usb : loadEmulated());

  return {
    kind: () => kind,
    async connectUsbReader(options = { chooser: true }) {
      const opened = options.chooser ? await requestRcs380() : await pairedRcs380();
      if (!opened)
        return err('接続済みのカードリーダーがありません。「USBリーダーを接続」を押してください。');
      if (!opened.ok) return err(rcs380ReaderErrorMessage(opened.error));
      await usb?.endSession();
      usb = createCardApi(usbSource(opened.value));
      kind = 'usb';
      return ok(opened.value.readerName);
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
    readWithCollationB: async (request) => (await active()).readWithCollationB(request),
    pinTriesLeft: async () => (await active()).pinTriesLeft(),
    readWithPin: async (request) => (await active()).readWithPin(request),
    licenceTriesLeft: async () => (await active()).licenceTriesLeft(),
    readLicence: async (request) => (await active()).readLicence(request),
    endSession: async () => (await active()).endSession(),
  };
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
