// Outbox: applications signed on the tablet wait here until the back office acknowledges them.
// The envelope is sealed at rest; delivery keeps only the receipt and wipes the personal data.
import type { IDBPDatabase } from 'idb';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import type { KakanaiDB, OutboxRecord } from './db.ts';
import type { Sealer } from './sealer.ts';

export type OutboxListener = () => void;

export interface OutboxEntry {
  readonly id: string;
  readonly procedure: string;
  readonly createdAt: string;
  readonly state: OutboxRecord['state'];
  readonly attempts: number;
  readonly lastError?: string;
  readonly receiptNumber?: string;
  readonly deliveredAt?: string;
}

export class Outbox {
  private readonly listeners = new Set<OutboxListener>();
  private readonly channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('kakanai-outbox') : null;

  constructor(
    private readonly db: IDBPDatabase<KakanaiDB>,
    private readonly sealer: Sealer,
  ) {
    // Other tabs (or the sync engine in another tab) change the outbox too.
    this.channel?.addEventListener('message', () => this.emit(false));
  }

  /** Stores a signed application. Idempotent: the same envelope id is stored once. */
  async enqueue(envelope: ApplicationEnvelope): Promise<void> {
    await this.enqueueAll([envelope]);
  }

  /**
   * Stores the signed applications of one visit in one transaction: all of them or none (a
   * failed write leaves nothing half-saved, and the resident screen says so). Idempotent per id.
   */
  async enqueueAll(envelopes: readonly ApplicationEnvelope[]): Promise<void> {
    // Sealing is async crypto: done before the transaction, which would auto-commit while waiting.
    const sealed = await Promise.all(envelopes.map((e) => this.sealer.seal(e)));
    const tx = this.db.transaction('outbox', 'readwrite');
    for (const [i, envelope] of envelopes.entries()) {
      if (await tx.store.get(envelope.id)) continue;
      await tx.store.add({
        id: envelope.id,
        procedure: envelope.procedure,
        createdAt: envelope.createdAt,
        state: 'pending',
        sealed: sealed[i] as NonNullable<OutboxRecord['sealed']>,
        attempts: 0,
      });
    }
    await tx.done;
    this.emit();
  }

  async pending(): Promise<OutboxEntry[]> {
    const rows = await this.db.getAllFromIndex('outbox', 'byState', 'pending');
    return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(toEntry);
  }

  async all(): Promise<OutboxEntry[]> {
    const rows = await this.db.getAllFromIndex('outbox', 'byCreatedAt');
    return rows.reverse().map(toEntry);
  }

  async get(id: string): Promise<OutboxEntry | undefined> {
    const row = await this.db.get('outbox', id);
    return row && toEntry(row);
  }

  /** Decrypts the envelope for sending. Undefined once delivered (the data is gone by design). */
  async envelope(id: string): Promise<ApplicationEnvelope | undefined> {
    const row = await this.db.get('outbox', id);
    return row?.sealed ? this.sealer.open<ApplicationEnvelope>(row.sealed) : undefined;
  }

  async recordAttempt(id: string, error: string | undefined): Promise<void> {
    await this.update(id, (row) => {
      row.attempts += 1;
      row.lastAttemptAt = new Date().toISOString();
      if (error === undefined) delete row.lastError;
      else row.lastError = error;
    });
  }

  /** The back office acknowledged it: keep the receipt, wipe the personal data. */
  async markDelivered(id: string, receiptNumber: string, deliveredAt: string): Promise<void> {
    await this.update(id, (row) => {
      row.state = 'delivered';
      row.receiptNumber = receiptNumber;
      row.deliveredAt = deliveredAt;
      delete row.sealed;
      delete row.lastError;
    });
  }

  /** The back office refused it for good (e.g. 409): keep the data sealed for staff to resolve. */
  async markRejected(id: string, error: string): Promise<void> {
    await this.update(id, (row) => {
      row.state = 'rejected';
      row.lastError = error;
    });
  }

  /** Staff send a refused application again (e.g. after the back office was fixed). */
  async requeue(id: string): Promise<void> {
    await this.update(id, (row) => {
      if (row.state === 'rejected' && row.sealed) row.state = 'pending';
    });
  }

  subscribe(listener: OutboxListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private async update(id: string, change: (row: OutboxRecord) => void): Promise<void> {
    const tx = this.db.transaction('outbox', 'readwrite');
    const row = await tx.store.get(id);
    if (row) {
      change(row);
      await tx.store.put(row);
    }
    await tx.done;
    this.emit();
  }

  private emit(broadcast = true): void {
    if (broadcast) this.channel?.postMessage('changed');
    for (const listener of this.listeners) listener();
  }
}

function toEntry(row: OutboxRecord): OutboxEntry {
  const { sealed: _sealed, lastAttemptAt: _at, ...entry } = row;
  return entry;
}
