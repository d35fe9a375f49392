// The UI's view of the card reader. The reader and the card protocol run in a dedicated worker
// (comlink), so a slow card never blocks the screen; if workers fail, the same code runs here.
import * as Comlink from 'comlink';
import type { CardApi } from './card-api.ts';

export type CardService = CardApi & { readonly demo: boolean };

export function createCardService(): CardService {
  let api: Promise<CardApi> | undefined;
  // Comlink.Remote<CardApi> has the same shape as CardApi: every member already returns a Promise.
  const load = (): Promise<CardApi> =>
    (api ??= (startWorker() as Promise<unknown> as Promise<CardApi>).catch(async () =>
      (await import('./card-api.ts')).createCardApi(),
    ));
  return {
    demo: true, // only the emulated reader exists yet; the WebUSB RC-S380 adapter comes with issue 3
    readerName: async () => (await load()).readerName(),
    demoCards: async () => (await load()).demoCards(),
    placeDemoCard: async (id) => (await load()).placeDemoCard(id),
    placedDemoCard: async () => (await load()).placedDemoCard(),
    collationBTriesLeft: async () => (await load()).collationBTriesLeft(),
    readWithCollationB: async (collationB) => (await load()).readWithCollationB(collationB),
    endSession: async () => (await load()).endSession(),
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
