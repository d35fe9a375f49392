// The tablet's services, made once at start-up and handed to screens through context.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type ApiClient, createApiClient } from './api/client.ts';
import type { CardService } from './card/card-service.ts';
import { StaffLock } from './staff-lock.ts';
import { openKakanaiDB } from './storage/db.ts';
import { DeviceIdentity } from './storage/device.ts';
import { Outbox } from './storage/outbox.ts';
import { createSealer } from './storage/sealer.ts';
import { Settings } from './storage/settings.ts';
import { onBackgroundSync, requestBackgroundSync } from './sync/background-sync.ts';
import { SyncEngine } from './sync/sync-engine.ts';

export interface Services {
  readonly client: ApiClient;
  readonly outbox: Outbox;
  readonly settings: Settings;
  readonly device: DeviceIdentity;
  readonly staffLock: StaffLock;
  readonly sync: SyncEngine;
  /**
   * The card stack (APDUs, drivers, emulator: most of the app's code) loads when the reading
   * screen first opens, not at start: the counter app starts faster, and offline too (precached).
   */
  readonly loadCard: () => Promise<CardService>;
  /** The card service if it was loaded, to end a session without loading it for nothing. */
  readonly loadedCard: () => CardService | undefined;
}

/** The services a card screen sees: the card service is there. */
export type CardServices = Services & { readonly card: CardService };

export async function createServices(onAuthRequired: () => void): Promise<Services> {
  const db = await openKakanaiDB();
  const settings = new Settings(db);
  const device = new DeviceIdentity(db);
  const outbox = new Outbox(db, await createSealer(db), {
    deviceId: async () => (await device.enrolled())?.deviceId,
  });
  // The v3 migration (what versions 1 and 2 left pending joins the chain); it runs again before
  // every sync, so a failure here only delays it.
  void outbox.init().catch(() => undefined);
  const client = createApiClient('', undefined, device);
  const sync = new SyncEngine({
    outbox,
    client,
    token: async () => (await settings.session())?.token,
    onStillPending: () => void requestBackgroundSync(),
    onAuthRequired,
    onDeviceRejected: (message) =>
      document.dispatchEvent(new CustomEvent('kakanai:device-rejected', { detail: message })),
    onDeviceAccepted: () => document.dispatchEvent(new CustomEvent('kakanai:device-accepted')),
    onChainStopped: (message) =>
      document.dispatchEvent(new CustomEvent('kakanai:sync-chain', { detail: message })),
    onChainClear: () => document.dispatchEvent(new CustomEvent('kakanai:sync-chain-clear')),
  });
  onBackgroundSync(() => void sync.syncNow());
  let card: Promise<CardService> | undefined;
  let loaded: CardService | undefined;
  const loadCard = () => {
    card ??= import('./card/card-service.ts')
      .then((m) => {
        loaded = m.createCardService();
        return loaded;
      })
      .catch((e: unknown) => {
        card = undefined; // a failed chunk load is retried on the next visit to the screen
        throw e;
      });
    return card;
  };
  return {
    client,
    outbox,
    settings,
    device,
    staffLock: new StaffLock(db),
    sync,
    loadCard,
    loadedCard: () => loaded,
  };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing');
  return services;
}

/** For the card screens, which run inside `CardServicesProvider` (pwa/screens/CardReadLazy.tsx). */
export function useCardServices(): CardServices {
  const services = useContext(ServicesContext) as Partial<CardServices> | null;
  if (!services?.card) throw new Error('the card service is not loaded');
  return services as CardServices;
}
