// The sync protocol between a tablet and the back office (issue 5), on top of the hash-chained
// sync envelopes of envelope.ts.
//
//   POST /api/sync   (counter staff session + device signature, shared/device-auth.ts)
//   Idempotency-Key: idempotencyKeyFor(envelopes)
//   { schema: 1, deviceId, envelopes: [SyncEnvelope, …] }   1..MAX_BATCH_ENVELOPES, seq ascending,
//                                                             consecutive
//
// The server, in one transaction, locks the device's chain head, answers the envelopes it has
// already stored (a replay: the original receipts, nothing stored), checks every new one (hash,
// prevHash = the head's hash, seq = head + 1, each application's signature hash), inserts them
// and their applications, advances the head and keeps the answer under the idempotency key.
// Either every new envelope of the batch is stored or none is.
//
//   200 SyncAck: the head after the batch and, for each envelope sent, its receipts.
//   409 sync-gap: an earlier envelope is missing; error.sync.lastSeq says where the server stands,
//       and the tablet resends from lastSeq + 1.
//   409 sync-chain: a broken chain (prevHash), a tampered envelope (hash) or a second envelope
//       under a sequence number already taken (a fork): refused and audited; error.sync.seq names
//       the envelope. The tablet stops and shows the message: staff must call an administrator.
//   422 idempotency-conflict: the same key with another body.
//
// The tablet marks an envelope delivered only when the ack covers it: its seq ≤ ack.lastSeq and
// the ack holds a receipt for each of its applications (coveredEnvelopes below).
import { canonicalJson, sha256HexOf } from '../canonical-json.ts';
import { isDeviceId, type SyncEnvelope } from './envelope.ts';
import { isUlid } from './ulid.ts';

export const SYNC_PROTOCOL_SCHEMA = 1;
/** Envelopes per request. */
export const MAX_BATCH_ENVELOPES = 50;
/** One envelope (a visit of up to 20 applications with their signatures), as JSON bytes. */
export const MAX_SYNC_ENVELOPE_BYTES = 4 * 1024 * 1024;
/** One request. Always room for at least one envelope of the largest size. */
export const MAX_SYNC_BATCH_BYTES = 8 * 1024 * 1024;
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const IDEMPOTENCY_KEY = /^[0-9a-f]{64}$/;

export interface SyncBatchRequest {
  readonly schema: typeof SYNC_PROTOCOL_SCHEMA;
  readonly deviceId: string;
  readonly envelopes: readonly SyncEnvelope[];
}

/** The receipt of one application inside an envelope (受付番号). */
export interface SyncApplicationReceipt {
  readonly id: string;
  readonly procedure: string;
  readonly receiptNumber: string;
  readonly receivedAt: string;
}

export interface SyncEnvelopeReceipt {
  readonly id: string;
  readonly seq: number;
  /** Stored by an earlier request (a resend after a lost answer, a duplicate, an import). */
  readonly duplicate: boolean;
  /** One per application of the envelope, in its order. */
  readonly receipts: readonly SyncApplicationReceipt[];
}

export interface SyncAck {
  readonly deviceId: string;
  /** Every envelope of this device up to this sequence number is stored in the back office. */
  readonly lastSeq: number;
  readonly lastHash: string;
  /** One per envelope of the request, in its order. */
  readonly envelopes: readonly SyncEnvelopeReceipt[];
}

/** Where the back office stands on a device's chain; sent with sync-gap and sync-chain refusals. */
export interface SyncRefusalDetail {
  readonly lastSeq: number;
  readonly lastHash: string;
  /** The envelope at fault (sync-chain, and refusals of one envelope's content). */
  readonly seq?: number;
}

/**
 * The same envelopes always give the same key, so a batch resent after a lost answer is
 * recognised without the tablet keeping any state for it; other envelopes give another key.
 */
export async function idempotencyKeyFor(
  envelopes: readonly Pick<SyncEnvelope, 'seq' | 'hash'>[],
): Promise<string> {
  return sha256HexOf(canonicalJson(envelopes.map((e) => [e.seq, e.hash])));
}

export function isIdempotencyKey(v: unknown): v is string {
  return typeof v === 'string' && IDEMPOTENCY_KEY.test(v);
}

/** The JSON length of an envelope in UTF-8 bytes: what the size limits of the protocol count. */
export function syncEnvelopeBytes(e: SyncEnvelope): number {
  return new TextEncoder().encode(JSON.stringify(e)).length;
}

/**
 * Splits what is waiting into requests: consecutive runs of envelopes in seq order, at most
 * MAX_BATCH_ENVELOPES and MAX_SYNC_BATCH_BYTES each (`size` gives an envelope's JSON length).
 */
export function batchesOf<T extends { readonly seq: number }>(
  queue: readonly T[],
  size: (item: T) => number,
  maxEnvelopes = MAX_BATCH_ENVELOPES,
  maxBytes = MAX_SYNC_BATCH_BYTES,
): T[][] {
  const sorted = [...queue].sort((a, b) => a.seq - b.seq);
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of sorted) {
    const n = size(item);
    const last = current[current.length - 1];
    const full = current.length >= maxEnvelopes || bytes + n > maxBytes;
    if (current.length > 0 && (full || (last && item.seq !== last.seq + 1))) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += n;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// R + YYMMDD + issuer + sequence (server/store/receipt-number.ts); without the issuer as issued
// before per-tablet numbering.
const RECEIPT_NUMBER = /^R\d{6}(-\d{2,})?-\d{4,}$/;

function isApplicationReceipt(v: unknown): v is SyncApplicationReceipt {
  return (
    isRecord(v) &&
    typeof v.id === 'string' &&
    typeof v.procedure === 'string' &&
    typeof v.receiptNumber === 'string' &&
    RECEIPT_NUMBER.test(v.receiptNumber) &&
    typeof v.receivedAt === 'string'
  );
}

/**
 * The envelopes of `sent` that the answer acknowledges. A 2xx from anything but our back office
 * (a proxy, a captive portal, a wrong URL) acknowledges nothing: the answer must name this device,
 * cover the envelope's seq, and hold one receipt per application id of the envelope, in order.
 * Only what this returns may be wiped on the tablet.
 */
export function coveredEnvelopes(
  answer: unknown,
  deviceId: string,
  sent: readonly SyncEnvelope[],
): Map<string, SyncEnvelopeReceipt> {
  const covered = new Map<string, SyncEnvelopeReceipt>();
  if (!isRecord(answer) || answer.deviceId !== deviceId || !isDeviceId(answer.deviceId)) return covered;
  const lastSeq = answer.lastSeq;
  if (typeof lastSeq !== 'number' || !Number.isSafeInteger(lastSeq) || !Array.isArray(answer.envelopes))
    return covered;
  const byId = new Map<string, unknown>();
  for (const r of answer.envelopes) if (isRecord(r) && isUlid(r.id)) byId.set(r.id, r);
  for (const envelope of sent) {
    const r = byId.get(envelope.id);
    if (!isRecord(r) || r.seq !== envelope.seq || envelope.seq > lastSeq) continue;
    const receipts = r.receipts;
    if (
      !Array.isArray(receipts) ||
      receipts.length !== envelope.payload.length ||
      !receipts.every((x, i) => isApplicationReceipt(x) && x.id === envelope.payload[i]?.id)
    )
      continue;
    covered.set(envelope.id, {
      id: envelope.id,
      seq: envelope.seq,
      duplicate: r.duplicate === true,
      receipts: receipts as SyncApplicationReceipt[],
    });
  }
  return covered;
}
