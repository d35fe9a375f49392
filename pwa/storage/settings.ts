// Settings: small named values in IndexedDB (the staff session survives a reload and offline).
import type { IDBPDatabase } from 'idb';
import type { SignInResponse } from '../../shared/api.ts';
import type { KakanaiDB } from './db.ts';

const SESSION = 'staff-session';

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
}
