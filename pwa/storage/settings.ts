// Settings: small named values in IndexedDB (the staff session survives a reload and offline).
import type { IDBPDatabase } from 'idb';
import type { SignInResponse } from '../../shared/api.ts';
import type { KakanaiDB } from './db.ts';

const SESSION = 'staff-session';
const DEVICE_ID = 'device-id';

export class Settings {
  constructor(private readonly db: IDBPDatabase<KakanaiDB>) {}

  async session(): Promise<SignInResponse | undefined> {
    const s = (await this.db.get('settings', SESSION)) as SignInResponse | undefined;
    return s && new Date(s.expiresAt).getTime() > Date.now() ? s : undefined;
  }

  async saveSession(session: SignInResponse): Promise<void> {
    await this.db.put('settings', session, SESSION);
  }

  async clearSession(): Promise<void> {
    await this.db.delete('settings', SESSION);
  }

  /** A random id for this tablet, made once (device auth in a later issue builds on it). */
  async deviceId(): Promise<string> {
    const existing = (await this.db.get('settings', DEVICE_ID)) as string | undefined;
    if (existing) return existing;
    const id = crypto.randomUUID();
    await this.db.put('settings', id, DEVICE_ID);
    return id;
  }
}
