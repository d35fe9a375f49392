// Outbox: each signed visit waits here as one hash-chained sync envelope (shared/sync/envelope.ts)
// until the back office acknowledges it. The tablet numbers its envelopes per device id 1, 2, 3…
// and chains them (prevHash = the hash of its previous one), so the back office sees any gap,
// replay or fork. The envelope is sealed at rest (AES-GCM); delivery keeps only the receipts.
//
// Sealing and hashing are async, and an IndexedDB transaction commits by itself while script
// awaits anything else, so one append is: read the head → seal → ONE readwrite transaction that
// re-checks the head (compare-and-set; it retries when another tab moved it) and writes the
// record and the new head together. A Web Lock ('kakanai-chain') around it keeps tabs from
// racing at all where the browser has Web Locks; the compare-and-set covers the others.
//
// Each record also keeps its envelope's size in bytes, in clear (a number, not personal data): the
// sync engine cuts its batches from the records (pendingEnvelopeRefs) and decrypts only the batch
// it is about to send (openEnvelopes), not the whole queue on every attempt.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import {
  GENESIS_HASH,
  MAX_APPLICATIONS_PER_ENVELOPE,
  SYNC_SCHEMA,
  type SyncEnvelope,
  sealSyncEnvelope,
} from '../../shared/sync/envelope.ts';
import {
  MAX_SYNC_ENVELOPE_BYTES,
  type SyncApplicationReceipt,
  syncEnvelopeBytes,
} from '../../shared/sync/protocol.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import type {
  ChainHeadRecord,
  KakanaiDB,
  OutboxReceipt,
  OutboxRecord,
  OutboxRecordV2,
  OutboxState,
  SealedBlob,
} from './db.ts';
import {
  legacyEntry,
  type OutboxCounts,
  type OutboxEntry,
  oldestFirst,
  pendingApplicationCount,
  toEntry,
} from './outbox-entry.ts';
import { failure, invalidVisit, type OutboxError, tooLarge } from './outbox-errors.ts';
import type { Sealer } from './sealer.ts';

export type { OutboxApplication, OutboxCounts, OutboxEntry } from './outbox-entry.ts';
export { pendingApplicationCount } from './outbox-entry.ts';
export type { OutboxError, OutboxErrorKind } from './outbox-errors.ts';

export type OutboxListener = () => void;

/** A pending envelope of a device's chain as its record shows it, without opening it. */
export interface PendingEnvelopeRef {
  readonly id: string;
  readonly seq: number;
  /** syncEnvelopeBytes of the envelope; undefined for a record stored before schema v4. */
  readonly bytes?: number;
}

export interface OutboxOptions {
  /** The enrolled device id; by default read from the device store (storage/device.ts). */
  readonly deviceId?: () => Promise<string | undefined>;
  /** Web Locks where the browser has them (default true); false leaves the compare-and-set alone. */
  readonly locks?: boolean;
  readonly now?: () => Date;
}

export const CHAIN_LOCK = 'kakanai-chain';
/** A compare-and-set that loses this often in a row means something keeps writing: give up. */
const MAX_APPEND_ATTEMPTS = 20;
type OutboxStore = 'outbox' | 'outboxV2' | 'chain';
const STORES: OutboxStore[] = ['outbox', 'outboxV2', 'chain'];
type WriteTx = IDBPTransaction<KakanaiDB, OutboxStore[], 'readwrite'>;

const nextUlid = ulidFactory();

const UNREADABLE =
  'この申請のデータを端末で開けませんでした（暗号鍵が変わった可能性があります）。送信できないため、管理者に連絡してください。';

function isQuotaError(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'QuotaExceededError';
}

/** What a re-wrap takes the place of: removed in the same transaction that writes the new record. */
type Replaced =
  | { readonly store: 'outbox'; readonly id: string; readonly states: readonly OutboxState[] }
  | { readonly store: 'outboxV2'; readonly ids: readonly string[]; readonly states: readonly OutboxState[] };

type AppendOutcome =
  | { readonly kind: 'written'; readonly record: OutboxRecord }
  | { readonly kind: 'existing'; readonly record: OutboxRecord }
  | { readonly kind: 'gone' }; // what was to be re-wrapped is no longer there (another tab did it)

export class Outbox {
  private readonly listeners = new Set<OutboxListener>();
  private readonly channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('kakanai-outbox') : null;
  private readonly deviceIdOf: () => Promise<string | undefined>;
  private readonly now: () => Date;

  constructor(
    private readonly db: IDBPDatabase<KakanaiDB>,
    private readonly sealer: Sealer,
    private readonly options: OutboxOptions = {},
  ) {
    this.deviceIdOf = options.deviceId ?? (async () => (await db.get('device', 'enrolled'))?.deviceId);
    this.now = options.now ?? (() => new Date());
    // Other tabs (or the sync engine in another tab) change the outbox too.
    this.channel?.addEventListener('message', () => this.emit(false));
  }

  /**
   * The migration step of the v3 upgrade, run once the outbox opens: what versions 1 and 2 left
   * pending, and anything still waiting under an earlier device id, goes into this device's chain.
   * Before enrollment it waits (it runs again after enrollment and before every sync).
   */
  async init(): Promise<Result<number, OutboxError>> {
    return this.rechainPending();
  }

  /** The device id envelopes are chained under now; undefined before enrollment. */
  currentDeviceId(): Promise<string | undefined> {
    return this.deviceIdOf();
  }

  /**
   * Stores the signed applications of one visit as the next envelope of this device's chain: all
   * of them or none (the resident screen says so). Idempotent: the same application ids are
   * stored once (the answer is the entry stored the first time).
   */
  async enqueueVisit(
    applications: readonly ApplicationEnvelope[],
  ): Promise<Result<OutboxEntry, OutboxError>> {
    if (applications.length === 0)
      return err(invalidVisit('保存する申請がありません。手続を選び直してください。'));
    if (applications.length > MAX_APPLICATIONS_PER_ENVELOPE)
      return err(
        invalidVisit(
          `1回の受付で保存できる申請は${MAX_APPLICATIONS_PER_ENVELOPE}件までです（何も保存されていません）。手続を分けて受け付けてください。`,
        ),
      );
    if (new Set(applications.map((a) => a.visitId)).size !== 1)
      return err(
        invalidVisit(
          '別々の受付の申請を一度に保存しようとしました（何も保存されていません）。アプリを再読み込みしてから受付をやり直してください。',
        ),
      );
    if (new Set(applications.map((a) => a.id)).size !== applications.length)
      return err(
        invalidVisit('同じ申請が二重に含まれています（何も保存されていません）。受付をやり直してください。'),
      );
    const deviceId = await this.deviceIdOf();
    if (!deviceId) return err(failure('not-enrolled'));
    const ids = applications.map((a) => a.id);
    // The cheap answer to a second press of the same button: no sealing, no lock.
    const before = await this.existingFor(ids);
    if (before) return before.ok ? ok(toEntry(before.value)) : before;
    const appended = await this.withChainLock(() => this.append(deviceId, applications, undefined));
    if (!appended.ok) return appended;
    if (appended.value.kind === 'gone') return err(failure('busy'));
    if (appended.value.kind === 'written') this.emit();
    return ok(toEntry(appended.value.record));
  }

  /** Waiting to be sent (envelopes of every device id, and legacy applications), oldest first. */
  async pending(): Promise<OutboxEntry[]> {
    const [rows, legacy] = await Promise.all([
      this.db.getAllFromIndex('outbox', 'byState', 'pending'),
      this.db.getAllFromIndex('outboxV2', 'byState', 'pending'),
    ]);
    return [...rows.map(toEntry), ...legacy.map(legacyEntry)].sort(oldestFirst);
  }

  /** Everything on the tablet, newest first. */
  async all(): Promise<OutboxEntry[]> {
    const [rows, legacy] = await Promise.all([this.db.getAll('outbox'), this.db.getAll('outboxV2')]);
    return [...rows.map(toEntry), ...legacy.map(legacyEntry)].sort(oldestFirst).reverse();
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const row = await this.db.get('outbox', id);
    if (row) return toEntry(row);
    const legacy = await this.db.get('outboxV2', id);
    return legacy && legacyEntry(legacy);
  }

  /** The entry (visit) that holds this application. */
  async findByApplication(applicationId: string): Promise<OutboxEntry | undefined> {
    const row = await this.db.getFromIndex('outbox', 'byApplication', applicationId);
    if (row) return toEntry(row);
    const legacy = await this.db.get('outboxV2', applicationId);
    return legacy && legacyEntry(legacy);
  }

  /** The envelope of a device's chain under this number, if the tablet still has its record. */
  async entryAt(deviceId: string, seq: number): Promise<OutboxEntry | undefined> {
    const row = await this.db.getFromIndex('outbox', 'bySeq', [deviceId, seq]);
    return row && toEntry(row);
  }

  /** Through the byState index: the delivered stubs that pile up are not read. */
  async counts(): Promise<OutboxCounts> {
    return { pendingApplications: pendingApplicationCount(await this.pending()) };
  }

  /**
   * The pending envelopes of one device (by default the enrolled one), all decrypted, in seq
   * order: what an export file holds (the sync engine opens only the batch it sends, through
   * pendingEnvelopeRefs and openEnvelopes). One that cannot be opened is left out (and says so in
   * its row); the chain then stops before it, which the back office's gap shows.
   */
  async pendingEnvelopes(deviceId?: string): Promise<SyncEnvelope[]> {
    const envelopes: SyncEnvelope[] = [];
    for (const row of await this.pendingRows(deviceId)) {
      const envelope = await this.open(row);
      if (envelope) envelopes.push(envelope);
    }
    return envelopes;
  }

  /**
   * The pending envelopes of one device (by default the enrolled one) in seq order, as their
   * records show them: nothing is decrypted. What the sync engine cuts its batches from.
   */
  async pendingEnvelopeRefs(deviceId?: string): Promise<PendingEnvelopeRef[]> {
    return (await this.pendingRows(deviceId)).map((row) => ({
      id: row.id,
      seq: row.seq,
      ...(row.bytes !== undefined ? { bytes: row.bytes } : {}),
    }));
  }

  /**
   * Decrypts these pending envelopes, in the order given, up to the first one that cannot be
   * opened: unreadable (its row then says so, as in pendingEnvelopes) or no longer pending. The
   * answer holds the envelopes before it: the chain cannot be sent past that one anyway.
   */
  async openEnvelopes(refs: readonly PendingEnvelopeRef[]): Promise<SyncEnvelope[]> {
    const tx = this.db.transaction('outbox');
    const rows = await Promise.all(refs.map((ref) => tx.store.get(ref.id)));
    const envelopes: SyncEnvelope[] = [];
    for (const row of rows) {
      const envelope = row?.state === 'pending' ? await this.open(row) : undefined;
      if (!envelope) break;
      envelopes.push(envelope);
    }
    return envelopes;
  }

  /** Decrypts one envelope. Undefined once delivered (the data is gone by design). */
  async envelope(id: string): Promise<SyncEnvelope | undefined> {
    const row = await this.db.get('outbox', id);
    return row?.sealed ? this.open(row) : undefined;
  }

  /** An attempt that did not deliver these envelopes; the reason is shown to staff. */
  async recordAttempt(ids: readonly string[], error: string | undefined): Promise<void> {
    const at = this.now().toISOString();
    await this.update(ids, (row) => {
      row.attempts += 1;
      row.lastAttemptAt = at;
      if (error === undefined) delete row.lastError;
      else row.lastError = error;
    });
  }

  /**
   * The back office acknowledged the envelope (protocol.ts coveredEnvelopes): keep the receipts,
   * wipe the personal data. The receipts must be those of exactly its applications, in order;
   * false (and nothing changed) otherwise.
   */
  async markDelivered(envelopeId: string, receipts: readonly SyncApplicationReceipt[]): Promise<boolean> {
    let done = false;
    const at = this.now().toISOString();
    await this.update([envelopeId], (row) => {
      if (row.state === 'delivered') return;
      if (
        receipts.length !== row.applicationIds.length ||
        !receipts.every((r, i) => r.id === row.applicationIds[i])
      )
        return;
      const stub: OutboxReceipt[] = receipts.map((r) => ({
        id: r.id,
        procedure: r.procedure,
        receiptNumber: r.receiptNumber,
        receivedAt: r.receivedAt,
      }));
      row.state = 'delivered';
      row.receipts = stub;
      row.deliveredAt = at;
      delete row.sealed;
      delete row.lastError;
      done = true;
    });
    return done;
  }

  /** The back office refused it for good: keep the data sealed for staff to resolve. */
  async markRejected(envelopeId: string, error: string): Promise<void> {
    await this.update([envelopeId], (row) => {
      if (row.state === 'delivered') return;
      row.state = 'rejected';
      row.lastError = error;
    });
  }

  /**
   * Staff send a refused one again (e.g. after the back office was fixed). An envelope of this
   * device's chain goes back to pending under its number; one made under an earlier device id,
   * or a legacy application, is re-wrapped as the next envelope of this device's chain.
   */
  async requeue(id: string): Promise<Result<void, OutboxError>> {
    const deviceId = await this.deviceIdOf();
    const row = await this.db.get('outbox', id);
    if (row && (row.deviceId === deviceId || !deviceId)) {
      await this.update([id], (r) => {
        if (r.state === 'rejected' && r.sealed) r.state = 'pending';
      });
      return ok(undefined);
    }
    if (!deviceId) return err(failure('not-enrolled'));
    const result = await this.withChainLock(async (): Promise<Result<void, OutboxError>> => {
      if (row?.sealed && row.state !== 'delivered') {
        const envelope = await this.open(row);
        if (!envelope) return ok(undefined);
        const r = await this.append(deviceId, envelope.payload, {
          store: 'outbox',
          id,
          states: ['rejected', 'pending'],
        });
        return r.ok ? ok(undefined) : r;
      }
      const legacy = await this.db.get('outboxV2', id);
      if (!legacy?.sealed || legacy.state !== 'rejected') return ok(undefined);
      const application = await this.openLegacy(legacy);
      if (!application) return ok(undefined);
      const r = await this.append(deviceId, [application], {
        store: 'outboxV2',
        ids: [id],
        states: ['rejected'],
      });
      return r.ok ? ok(undefined) : r;
    });
    this.emit();
    return result;
  }

  /**
   * Brings what waits outside this device's chain into it, in order: the pending applications
   * versions 1 and 2 stored (grouped by visit), then the pending envelopes made under an earlier
   * device id (after a revocation and a re-enrollment). The signed applications inside are
   * unchanged; only the wrapper is new (a new id, this device, the next seq). Refused envelopes
   * of an earlier device wait for staff (requeue re-wraps them). Answers how many were re-wrapped.
   */
  async rechainPending(newDeviceId?: string): Promise<Result<number, OutboxError>> {
    const deviceId = newDeviceId ?? (await this.deviceIdOf());
    if (!deviceId) return ok(0);
    const [legacy, pending] = await Promise.all([
      this.db.getAllFromIndex('outboxV2', 'byState', 'pending'),
      this.db.getAllFromIndex('outbox', 'byState', 'pending'),
    ]);
    const foreign = pending.filter((r) => r.deviceId !== deviceId);
    if (!legacy.some((r) => r.sealed) && foreign.length === 0) return ok(0);
    const result = await this.withChainLock(async (): Promise<Result<number, OutboxError>> => {
      let count = 0;
      for (const group of await this.legacyVisits()) {
        const r = await this.append(
          deviceId,
          group.map((g) => g.application),
          { store: 'outboxV2', ids: group.map((g) => g.id), states: ['pending'] },
        );
        if (!r.ok) return r;
        if (r.value.kind === 'written') count += 1;
      }
      // Read again inside the lock: another tab may have re-wrapped them meanwhile.
      const waiting = (await this.db.getAllFromIndex('outbox', 'byState', 'pending'))
        .filter((r) => r.deviceId !== deviceId)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq);
      for (const row of waiting) {
        const envelope = await this.open(row);
        if (!envelope) continue;
        const r = await this.append(deviceId, envelope.payload, {
          store: 'outbox',
          id: row.id,
          states: ['pending'],
        });
        if (!r.ok) return r;
        if (r.value.kind === 'written') count += 1;
      }
      return ok(count);
    });
    this.emit();
    return result;
  }

  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The sealed pending records of one device (by default the enrolled one), in seq order. */
  private async pendingRows(deviceId: string | undefined): Promise<OutboxRecord[]> {
    const device = deviceId ?? (await this.deviceIdOf());
    if (!device) return [];
    const rows = await this.db.getAllFromIndex(
      'outbox',
      'bySeq',
      IDBKeyRange.bound([device, 0], [device, Number.MAX_SAFE_INTEGER]),
    );
    return rows.filter((row) => row.state === 'pending' && row.sealed);
  }

  /** The pending legacy applications, decrypted and grouped by visit, oldest visit first. */
  private async legacyVisits(): Promise<{ id: string; application: ApplicationEnvelope }[][]> {
    const rows = (await this.db.getAllFromIndex('outboxV2', 'byState', 'pending'))
      .filter((r) => r.sealed)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const visits = new Map<string, { id: string; application: ApplicationEnvelope }[]>();
    for (const row of rows) {
      const application = await this.openLegacy(row);
      if (!application) continue;
      // Version 1 envelopes had no visit: each is a visit of its own.
      const key = typeof application.visitId === 'string' ? application.visitId : row.id;
      const group = visits.get(key) ?? [];
      group.push({ id: row.id, application });
      visits.set(key, group);
    }
    const groups: { id: string; application: ApplicationEnvelope }[][] = [];
    for (const group of visits.values())
      for (let i = 0; i < group.length; i += MAX_APPLICATIONS_PER_ENVELOPE)
        groups.push(group.slice(i, i + MAX_APPLICATIONS_PER_ENVELOPE));
    return groups;
  }

  /** An existing envelope with exactly these applications (idempotent), or a conflict. */
  private async existingFor(ids: readonly string[]): Promise<Result<OutboxRecord, OutboxError> | undefined> {
    for (const id of ids) {
      const row = await this.db.getFromIndex('outbox', 'byApplication', id);
      if (row) return sameIds(row.applicationIds, ids) ? ok(row) : err(failure('conflict'));
    }
    return undefined;
  }

  /**
   * Seals the applications as the next envelope of the device's chain and stores it, with the new
   * head, in one transaction that re-checks the head. Run inside the chain lock.
   */
  private async append(
    deviceId: string,
    payload: readonly ApplicationEnvelope[],
    replaces: Replaced | undefined,
  ): Promise<Result<AppendOutcome, OutboxError>> {
    const applicationIds = payload.map((a) => a.id);
    const replacedOutboxId = replaces?.store === 'outbox' ? replaces.id : undefined;
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const head = await this.db.get('chain', deviceId);
      const envelope = await sealSyncEnvelope({
        schema: SYNC_SCHEMA,
        id: nextUlid(),
        deviceId,
        seq: (head?.seq ?? 0) + 1,
        createdAt: this.now().toISOString(),
        procedures: payload.map((a) => a.procedure),
        payload,
        prevHash: head?.hash ?? GENESIS_HASH,
      });
      const bytes = syncEnvelopeBytes(envelope);
      if (bytes > MAX_SYNC_ENVELOPE_BYTES) return err(tooLarge(bytes));
      const sealed = await this.sealer.seal(envelope);
      const record: OutboxRecord = {
        id: envelope.id,
        deviceId,
        seq: envelope.seq,
        procedures: envelope.procedures,
        applicationIds,
        // When the resident signed: a re-wrap keeps the visit where it was in the list.
        createdAt: payload[0]?.createdAt ?? envelope.createdAt,
        bytes,
        state: 'pending',
        sealed,
        attempts: 0,
      };
      const written = await this.write(async (tx): Promise<AppendOutcome | 'moved'> => {
        const current = await tx.objectStore('chain').get(deviceId);
        if (current?.seq !== head?.seq || current?.hash !== head?.hash) return 'moved';
        const outbox = tx.objectStore('outbox');
        for (const id of applicationIds) {
          const keys = await outbox.index('byApplication').getAllKeys(id);
          const other = keys.find((k) => k !== replacedOutboxId);
          if (other === undefined) continue;
          const existing = (await outbox.get(other)) as OutboxRecord;
          if (!sameIds(existing.applicationIds, applicationIds)) throw new ConflictError();
          // Stored already: the re-wrapped copy is not needed any more.
          if (replaces) await removeReplaced(tx, replaces);
          return { kind: 'existing', record: existing };
        }
        if (replaces && !(await removeReplaced(tx, replaces))) return { kind: 'gone' };
        await outbox.add(record);
        const next: ChainHeadRecord = { deviceId, seq: envelope.seq, hash: envelope.hash };
        await tx.objectStore('chain').put(next);
        return { kind: 'written', record };
      });
      if (!written.ok) return written;
      if (written.value !== 'moved') return ok(written.value);
      // Another tab appended meanwhile: seal again on top of its envelope.
    }
    return err(failure('busy'));
  }

  /** One readwrite transaction over the outbox stores; a failure writes nothing. */
  private async write<T>(body: (tx: WriteTx) => Promise<T>): Promise<Result<T, OutboxError>> {
    let tx: WriteTx;
    try {
      tx = this.db.transaction(STORES, 'readwrite');
    } catch {
      return err(failure('storage'));
    }
    const done = tx.done.then(
      () => undefined,
      (e: unknown) => e ?? tx.error ?? new Error('transaction aborted'),
    );
    let value: T;
    try {
      value = await body(tx);
    } catch (e) {
      try {
        tx.abort();
      } catch {
        // already aborted by the failed request
      }
      await done;
      if (e instanceof ConflictError) return err(failure('conflict'));
      return err(failure(isQuotaError(e) || isQuotaError(tx.error) ? 'quota' : 'storage'));
    }
    const problem = await done;
    if (problem !== undefined)
      return err(failure(isQuotaError(problem) || isQuotaError(tx.error) ? 'quota' : 'storage'));
    return ok(value);
  }

  private async open(row: OutboxRecord): Promise<SyncEnvelope | undefined> {
    if (!row.sealed) return undefined;
    try {
      return await this.sealer.open<SyncEnvelope>(row.sealed);
    } catch {
      if (row.lastError !== UNREADABLE)
        await this.update([row.id], (r) => {
          r.lastError = UNREADABLE;
        });
      return undefined;
    }
  }

  private async openLegacy(row: OutboxRecordV2): Promise<ApplicationEnvelope | undefined> {
    if (!row.sealed) return undefined;
    try {
      return await this.sealer.open<ApplicationEnvelope>(row.sealed as SealedBlob);
    } catch {
      if (row.lastError !== UNREADABLE) {
        const tx = this.db.transaction('outboxV2', 'readwrite');
        const current = await tx.store.get(row.id);
        if (current) await tx.store.put({ ...current, lastError: UNREADABLE });
        await tx.done;
      }
      return undefined;
    }
  }

  private async update(ids: readonly string[], change: (row: OutboxRecord) => void): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    for (const id of ids) {
      const row = await tx.store.get(id);
      if (row) {
        change(row);
        await tx.store.put(row);
      }
    }
    await tx.done;
    this.emit();
  }

  private withChainLock<T>(run: () => Promise<T>): Promise<T> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    return this.options.locks !== false && locks ? locks.request(CHAIN_LOCK, run) : run();
  }

  private emit(broadcast = true): void {
    if (broadcast) this.channel?.postMessage('changed');
    for (const listener of this.listeners) listener();
  }
}

class ConflictError extends Error {}

/** Deletes what a re-wrap replaces, if it is still there in one of the expected states. */
async function removeReplaced(tx: WriteTx, replaces: Replaced): Promise<boolean> {
  if (replaces.store === 'outbox') {
    const row = await tx.objectStore('outbox').get(replaces.id);
    if (!row || !replaces.states.includes(row.state)) return false;
    await tx.objectStore('outbox').delete(replaces.id);
    return true;
  }
  const store = tx.objectStore('outboxV2');
  for (const id of replaces.ids) {
    const row = await store.get(id);
    if (!row || !replaces.states.includes(row.state)) return false;
  }
  for (const id of replaces.ids) await store.delete(id);
  return true;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
