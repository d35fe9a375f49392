// The tablet's services, made once at start-up and handed to screens through context.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type ApiClient, createApiClient } from './api/client.ts';
import { type CardService, createCardService } from './card/card-service.ts';
import { StaffLock } from './staff-lock.ts';
import { openKakanaiDB } from './storage/db.ts';
import { Outbox } from './storage/outbox.ts';
import { createSealer } from './storage/sealer.ts';
import { Settings } from './storage/settings.ts';
import { SyncEngine } from './sync/sync-engine.ts';

export interface Services {
  readonly client: ApiClient;
  readonly outbox: Outbox;
  readonly settings: Settings;
  readonly staffLock: StaffLock;
  readonly sync: SyncEngine;
  readonly card: CardService;
}

export async function createServices(onAuthRequired: () => void): Promise<Services> {
  const db = await openKakanaiDB();
  const settings = new Settings(db);
  const outbox = new Outbox(db, await createSealer(db));
  const client = createApiClient();
  const sync = new SyncEngine({
    outbox,
    client,
    token: async () => (await settings.session())?.token,
    onAuthRequired,
  });
  return { client, outbox, settings, staffLock: new StaffLock(db), sync, card: createCardService() };
}

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('ServicesContext is missing');
  return services;
}
