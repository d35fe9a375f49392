// Personal data at rest on the tablet is sealed with AES-GCM under a non-extractable key
// (mission.md, 特定個人情報). The key lives in IndexedDB as a CryptoKey object: script can use it
// but never read its bytes, so a copied database file alone does not reveal the data.
import type { IDBPDatabase } from 'idb';
import type { KakanaiDB, SealedBlob } from './db.ts';

const KEY_ID = 'outbox-aes-gcm-v1';

export interface Sealer {
  seal(value: unknown): Promise<SealedBlob>;
  open<T>(blob: SealedBlob): Promise<T>;
}

export async function createSealer(db: IDBPDatabase<KakanaiDB>): Promise<Sealer> {
  let key = await db.get('keys', KEY_ID);
  if (!key) {
    key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // add(), not put(): if another tab created a key first, keep theirs.
    try {
      await db.add('keys', key, KEY_ID);
    } catch {
      key = (await db.get('keys', KEY_ID)) as CryptoKey;
    }
  }
  const aesKey = key;
  return {
    async seal(value) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const plain = new TextEncoder().encode(JSON.stringify(value));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aesKey, plain);
      plain.fill(0);
      return { iv, data };
    },
    async open<T>(blob: SealedBlob) {
      const plain = new Uint8Array(
        await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: blob.iv as Uint8Array<ArrayBuffer> },
          aesKey,
          blob.data,
        ),
      );
      const value = JSON.parse(new TextDecoder().decode(plain)) as T;
      plain.fill(0);
      return value;
    },
  };
}
