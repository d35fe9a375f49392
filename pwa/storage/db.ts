// The tablet's IndexedDB schema: one typed interface, versioned upgrades (style.md §5).
// UI code never touches IndexedDB directly; it goes through Outbox and Settings.
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';

export interface SealedBlob {
  readonly iv: Uint8Array; // 96-bit AES-GCM nonce, fresh per record
  readonly data: ArrayBuffer; // ciphertext + tag
}

export type OutboxState = 'pending' | 'delivered' | 'rejected';

/**
 * One application on its way to the back office. Personal data exists only inside `sealed`
 * (AES-GCM); after the back office acknowledges it, `sealed` is deleted and only the receipt stays.
 */
export interface OutboxRecord {
  readonly id: string; // the envelope id = idempotency key
  readonly procedure: string;
  readonly createdAt: string;
  state: OutboxState;
  sealed?: SealedBlob;
  attempts: number;
  lastAttemptAt?: string;
  lastError?: string; // Japanese, for staff; never contains personal data
  receiptNumber?: string;
  deliveredAt?: string;
}

export interface KakanaiDB extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { byState: OutboxState; byCreatedAt: string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: CryptoKey };
}

export const DB_NAME = 'kakanai';
export const DB_VERSION = 1;

export function openKakanaiDB(name = DB_NAME): Promise<IDBPDatabase<KakanaiDB>> {
  return openDB<KakanaiDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // Each block upgrades from one version to the next; never edit a shipped block.
      if (oldVersion < 1) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('byState', 'state');
        outbox.createIndex('byCreatedAt', 'createdAt');
        db.createObjectStore('settings');
        db.createObjectStore('keys');
      }
    },
  });
}
