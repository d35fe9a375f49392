// What screens see of the outbox (pwa/storage/outbox.ts): one entry per visit with its number in
// the device's chain and its state, one line per application with its 受付番号 once delivered.
// Built from the stored records without opening them: no personal data is in an entry, ever.
import type { OutboxRecord, OutboxRecordV2, OutboxState } from './db.ts';

/** One application of a visit, with its 受付番号 once the back office has it. */
export interface OutboxApplication {
  readonly id: string;
  readonly procedure: string;
  readonly receiptNumber?: string;
  readonly receivedAt?: string;
}

/** What screens see of a record: no personal data, ever. */
export interface OutboxEntry {
  /** The sync envelope's ULID; for a legacy entry the application id. */
  readonly id: string;
  /** 'envelope': one visit, chained. 'legacy': one application stored before the sync protocol. */
  readonly kind: 'envelope' | 'legacy';
  readonly deviceId?: string;
  /** The envelope's number in its device's chain (none for a legacy entry). */
  readonly seq?: number;
  /** When the resident signed. */
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError?: string;
  readonly deliveredAt?: string;
  readonly applications: readonly OutboxApplication[];
}

export interface OutboxCounts {
  /** What staff count in 送信（N件）: applications, not envelopes. */
  readonly pendingApplications: number;
}

export function pendingApplicationCount(entries: readonly OutboxEntry[]): number {
  return entries.reduce((n, e) => n + (e.state === 'pending' ? e.applications.length : 0), 0);
}

/** Oldest visit first; a device's envelopes in seq order. */
export function oldestFirst(a: OutboxEntry, b: OutboxEntry): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.seq ?? 0) - (b.seq ?? 0) || a.id.localeCompare(b.id);
}

/** A v3 record as screens see it: its applications, each with its 受付番号 once delivered. */
export function toEntry(row: OutboxRecord): OutboxEntry {
  const receipts = new Map((row.receipts ?? []).map((r) => [r.id, r]));
  return {
    id: row.id,
    kind: 'envelope',
    deviceId: row.deviceId,
    seq: row.seq,
    createdAt: row.createdAt,
    state: row.state,
    attempts: row.attempts,
    ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
    ...(row.deliveredAt !== undefined ? { deliveredAt: row.deliveredAt } : {}),
    applications: row.applicationIds.map((id, i) => {
      const r = receipts.get(id);
      return {
        id,
        procedure: row.procedures[i] ?? '',
        ...(r ? { receiptNumber: r.receiptNumber, receivedAt: r.receivedAt } : {}),
      };
    }),
  };
}

/** A v1/v2 record (one application, no chain) as screens see it. */
export function legacyEntry(row: OutboxRecordV2): OutboxEntry {
  return {
    id: row.id,
    kind: 'legacy',
    createdAt: row.createdAt,
    state: row.state,
    attempts: row.attempts,
    ...(row.lastError !== undefined ? { lastError: row.lastError } : {}),
    ...(row.deliveredAt !== undefined ? { deliveredAt: row.deliveredAt } : {}),
    applications: [
      {
        id: row.id,
        procedure: row.procedure,
        ...(row.receiptNumber !== undefined ? { receiptNumber: row.receiptNumber } : {}),
        ...(row.deliveredAt !== undefined ? { receivedAt: row.deliveredAt } : {}),
      },
    ],
  };
}
