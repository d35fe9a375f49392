// The tablet's IndexedDB schema: one typed interface, versioned upgrades (style.md §5).
// UI code never touches IndexedDB directly; it goes through Outbox and Settings.
import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';

export interface SealedBlob {
  readonly iv: Uint8Array; // 96-bit AES-GCM nonce, fresh per record
  readonly data: ArrayBuffer; // ciphertext + tag
}

export type OutboxState = 'pending' | 'delivered' | 'rejected';

/** The 受付番号 of one application of a delivered envelope, as the back office answered it. */
export interface OutboxReceipt {
  readonly id: string; // the application id
  readonly procedure: string;
  readonly receiptNumber: string;
  readonly receivedAt: string;
}

/**
 * v3 (issue 5): one sync envelope (= one visit) on its way to the back office. Personal data
 * exists only inside `sealed` (AES-GCM of the whole SyncEnvelope); after the back office
 * acknowledges it, `sealed` is deleted and the receipts stay: a stub without personal data.
 * v4: `bytes` keeps the envelope's size, so the sync engine can cut batches without decrypting.
 */
export interface OutboxRecord {
  readonly id: string; // the SyncEnvelope's ULID
  readonly deviceId: string;
  readonly seq: number; // unique per device (index bySeq on [deviceId, seq])
  readonly procedures: readonly string[];
  readonly applicationIds: readonly string[]; // same order as procedures (index byApplication)
  readonly createdAt: string;
  /**
   * syncEnvelopeBytes of the sealed envelope (UTF-8 bytes of its JSON; a size, not personal data).
   * Records stored before v4 have none: the sync engine opens those to measure them.
   */
  readonly bytes?: number;
  state: OutboxState;
  sealed?: SealedBlob;
  attempts: number;
  lastAttemptAt?: string;
  lastError?: string; // Japanese, for staff; never contains personal data
  receipts?: readonly OutboxReceipt[];
  deliveredAt?: string;
}

/**
 * The head of this tablet's chain for one device id: the last envelope it sealed. (Up to v3 it
 * also named that envelope's id, `envelopeId`, which nothing read; the v4 upgrade removes it.)
 */
export interface ChainHeadRecord {
  readonly deviceId: string;
  readonly seq: number;
  readonly hash: string;
}

/**
 * An outbox record as versions 1 and 2 stored it: one application envelope per record, sealed
 * alone. Frozen: the v3 upgrade moves these into `outboxV2`, where pending ones wait until the
 * Outbox re-wraps them into sync envelopes (sealing is async: it cannot run in the upgrade).
 */
export interface OutboxRecordV2 {
  readonly id: string; // the application envelope's id
  readonly procedure: string;
  readonly createdAt: string;
  state: OutboxState;
  sealed?: SealedBlob;
  attempts: number;
  lastAttemptAt?: string;
  lastError?: string;
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
  outbox: {
    key: string;
    value: OutboxRecord;
    indexes: { bySeq: [string, number]; byState: OutboxState; byApplication: string };
  };
  outboxV2: { key: string; value: OutboxRecordV2; indexes: { byState: OutboxState } };
  chain: { key: string; value: ChainHeadRecord };
  settings: { key: string; value: unknown };
  keys: { key: string; value: CryptoKey };
  device: { key: 'pending' | 'enrolled'; value: DeviceKeyRecord };
}

export const DB_NAME = 'kakanai';
export const DB_VERSION = 4;

/**
 * The schema as the upgrade blocks see it: what the current one has, plus what shipped versions
 * made and a later block removes (the outbox index byCreatedAt of v1–v3, the chain head's
 * envelopeId up to v3). Only the upgrade uses this type.
 */
interface UpgradeSchema extends DBSchema {
  outbox: Omit<KakanaiDB['outbox'], 'indexes'> & {
    indexes: KakanaiDB['outbox']['indexes'] & { byCreatedAt: string };
  };
  outboxV2: KakanaiDB['outboxV2'];
  chain: { key: string; value: ChainHeadRecord & { readonly envelopeId?: string } };
  settings: KakanaiDB['settings'];
  keys: KakanaiDB['keys'];
  device: KakanaiDB['device'];
}
type UpgradeDB = IDBPDatabase<UpgradeSchema>;
type UpgradeTransaction = IDBPTransaction<UpgradeSchema, StoreNames<UpgradeSchema>[], 'versionchange'>;

export function openKakanaiDB(name = DB_NAME): Promise<IDBPDatabase<KakanaiDB>> {
  return openDB<KakanaiDB>(name, DB_VERSION, {
    // Only IndexedDB requests are awaited in here: the upgrade transaction stays open across them.
    async upgrade(current, oldVersion, _newVersion, currentTx) {
      // The same database and transaction, typed with what shipped versions had (UpgradeSchema).
      const db = current as unknown as UpgradeDB;
      const tx = currentTx as unknown as UpgradeTransaction;
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
      // 3: the sync protocol (issue 5): the outbox holds one sync envelope per visit.
      if (oldVersion < 3) await upgradeToSyncEnvelopes(db, tx);
      // 4: what nothing reads goes (a fresh database made byCreatedAt in block 3 just before).
      if (oldVersion < 4) await dropUnreadFields(tx);
    },
  });
}

/**
 * The v1/v2 outbox records (one application each) move unchanged into `outboxV2`; `outbox` is
 * made again for v3 records, and `chain` keeps each device's chain head. Nothing is lost:
 * pending ones are re-wrapped by Outbox (rechainPending), delivered stubs stay readable there.
 */
async function upgradeToSyncEnvelopes(db: UpgradeDB, tx: UpgradeTransaction): Promise<void> {
  const old = (await tx.objectStore('outbox').getAll()) as unknown as OutboxRecordV2[];
  db.deleteObjectStore('outbox');
  const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
  outbox.createIndex('bySeq', ['deviceId', 'seq'], { unique: true });
  outbox.createIndex('byState', 'state');
  outbox.createIndex('byCreatedAt', 'createdAt');
  outbox.createIndex('byApplication', 'applicationIds', { multiEntry: true });
  const legacy = db.createObjectStore('outboxV2', { keyPath: 'id' });
  legacy.createIndex('byState', 'state');
  db.createObjectStore('chain', { keyPath: 'deviceId' });
  for (const record of old) await legacy.put(record);
}

/**
 * v4: the outbox index byCreatedAt (screens sort in memory) and the chain head's envelopeId. The
 * outbox records keep their shape: the ones without `bytes` are measured when they are sent.
 */
async function dropUnreadFields(tx: UpgradeTransaction): Promise<void> {
  const outbox = tx.objectStore('outbox');
  if (outbox.indexNames.contains('byCreatedAt')) outbox.deleteIndex('byCreatedAt');
  // One chain head per device id the tablet was ever enrolled under: a handful of records.
  for (let cursor = await tx.objectStore('chain').openCursor(); cursor; cursor = await cursor.continue()) {
    if (!('envelopeId' in cursor.value)) continue;
    const { envelopeId: _unread, ...head } = cursor.value;
    await cursor.update(head);
  }
}
