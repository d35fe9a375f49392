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

/**
 * This tablet's identity towards the back office (issue 5). 'pending': a key pair made for an
 * enrollment not yet confirmed (kept, so a retry sends the same public key). 'enrolled': the key
 * pair the back office knows, with the device id it issued. The private keys are non-extractable
 * CryptoKeys: script can sign with them but never read them.
 */
export interface DeviceKeyRecord {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly publicJwk: { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: string; readonly y: string };
  readonly createdAt: string;
  readonly deviceId?: string;
  readonly name?: string;
  readonly enrolledAt?: string;
}

export interface KakanaiDB extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { byState: OutboxState; byCreatedAt: string } };
  settings: { key: string; value: unknown };
  keys: { key: string; value: CryptoKey };
  device: { key: 'pending' | 'enrolled'; value: DeviceKeyRecord };
}

export const DB_NAME = 'kakanai';
export const DB_VERSION = 2;

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
      // 2: the device key pair (issue 5). Adds a store; the outbox, settings and keys stay as they are.
      if (oldVersion < 2) db.createObjectStore('device');
    },
  });
}
