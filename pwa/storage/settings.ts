// Settings: small named values in IndexedDB (the staff session survives a reload and offline).
import type { IDBPDatabase } from 'idb';
import type { SignInResponse } from '../../shared/api.ts';
import { parsePublicJwk } from '../../shared/sync/export-file.ts';
import type { SyncImportKeyResponse } from '../../shared/sync/import-types.ts';
import type { KakanaiDB } from './db.ts';

const SESSION = 'staff-session';
/** The back office's import key (GET /api/sync/import-key): export files are encrypted to it. */
const IMPORT_KEY = 'sync-import-key';

/** What an older version or a broken write may have left is no key at all. */
function asImportKey(v: unknown): SyncImportKeyResponse | undefined {
  const r = v as { id?: unknown; publicKey?: unknown } | null | undefined;
  const publicKey = parsePublicJwk(r?.publicKey);
  return r && typeof r.id === 'string' && r.id.length > 0 && publicKey ? { id: r.id, publicKey } : undefined;
}

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

  /** The cached import key: on a field day the tablet is offline, so this copy is what counts. */
  async importKey(): Promise<SyncImportKeyResponse | undefined> {
    return asImportKey(await this.db.get('settings', IMPORT_KEY));
  }

  async saveImportKey(key: SyncImportKeyResponse): Promise<void> {
    await this.db.put('settings', { id: key.id, publicKey: { ...key.publicKey } }, IMPORT_KEY);
  }
}
