// 受付 of sync envelopes, exactly once (shared/sync/protocol.ts). One function for the network
// (POST /api/sync) and for an imported export file, so both follow the same rules:
//
// 1. Outside the transaction, everything that needs no store (check.ts): the shape of every
//    envelope and of every application in it (the procedure's own validation), that they belong
//    to this device and run consecutively, the envelope hash, and each application's signature
//    hash. A tampered envelope or application is refused here and audited; nothing is stored.
// 2. In one transaction, with the device's row locked (its chain head and 受付番号 counter, read
//    in the same statement): envelopes at or below the head are replays — the same hash under
//    the same id answers the original receipts, anything else is a fork and refused; the first
//    new one must be head + 1 (else a gap: the answer says where the head is) and name the head's
//    hash as prevHash (else a broken chain). Then one statement writes the batch: the head and the
//    counter move, the envelopes and the applications with the tablet's own 受付番号 go in, the
//    idempotency key is kept with the body's hash (a resend with the same key is answered with
//    the receipts its envelopes hold; the same key with another body is refused) and, last, the
//    audit entry (sync.received) that names what was stored. The audit head is the only row
//    every device needs: it is held for the end of that statement and the COMMIT. Four round
//    trips in all: BEGIN, lock, write, COMMIT.
//    Any refusal rolls the whole transaction back: all of a batch's new envelopes or none. An
//    export file's chunks go through the same steps in one transaction (ingestSyncChunks): the
//    whole file or nothing of it.
//
// An application already stored with the same content (a tablet re-enrolled after a revocation
// re-wraps what it had not heard back about into its new chain) keeps its first receipt; the same
// application id with other content is refused (id-conflict), never overwritten.

import type { ApplicationEnvelope } from '../../shared/application.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { type ChainProblem, chainProblem, type SyncEnvelope } from '../../shared/sync/envelope.ts';
import type { SyncAck, SyncEnvelopeReceipt } from '../../shared/sync/protocol.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { JsonValue } from '../canonical-json.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import { type AuditEntry, appendAudit, recordAudit } from '../store/audit.ts';
import { nextReceiptNumbers } from '../store/receipt-number.ts';
import type { SqlExecutor } from '../store/sql.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { lockChain, readChainHead, saveSyncBatch, storeSyncBatch, syncEnvelopeRow } from '../store/sync.ts';
import type { CheckedEnvelopes, CheckResult } from './check.ts';

export interface IngestInput {
  readonly staff: StaffIdentity;
  /** The device the envelopes must belong to: the one that signed the request, or the file. */
  readonly deviceId: string;
  readonly source: 'network' | 'import';
  /** POST /api/sync only: the request's key and the SHA-256 of its body. */
  readonly idempotency?: { readonly key: string; readonly bodySha256: string };
}

/** Thrown inside the transaction to roll it back with a refusal; caught right below. */
class Refused extends Error {
  constructor(readonly refusal: BackOfficeError) {
    super(refusal.kind);
  }
}

function isSameAck(value: unknown): value is SyncAck {
  return typeof value === 'object' && value !== null && Array.isArray((value as SyncAck).envelopes);
}

/**
 * Every refused batch is kept in the audit log (sync.refused): which device, why, which envelope —
 * never the content.
 */
export async function auditSyncRefusal(
  deps: BackOfficeDeps,
  input: Pick<IngestInput, 'staff' | 'deviceId' | 'source'>,
  refusal: BackOfficeError,
): Promise<void> {
  const detail: Record<string, JsonValue> = { source: input.source, reason: refusal.kind };
  if (refusal.kind === 'sync-chain') {
    detail.chain = refusal.reason;
    detail.seq = refusal.seq;
    detail.lastSeq = refusal.head.seq;
  } else if (refusal.kind === 'sync-signature-mismatch') {
    detail.seq = refusal.seq;
    detail.application = refusal.applicationId;
  } else if (refusal.kind === 'sync-gap') {
    detail.lastSeq = refusal.head.seq;
    detail.seq = refusal.seq;
  } else if (refusal.kind === 'sync-device-mismatch') {
    detail.seq = refusal.seq;
  } else if (refusal.kind === 'invalid-sync-envelope') {
    detail.index = refusal.index;
    detail.error = refusal.error.kind;
  } else if (refusal.kind === 'invalid-sync-batch') {
    detail.field = refusal.field;
  } else if (refusal.kind === 'invalid-body') {
    detail.field = refusal.field;
  }
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(input.staff),
    action: 'sync.refused',
    target: input.deviceId,
    detail,
  });
}

/** One POST /api/sync body, checked by check.ts (checkSyncBody). */
export async function ingestSyncBatch(
  deps: BackOfficeDeps,
  input: IngestInput,
  checked: CheckResult,
): Promise<Result<SyncAck, BackOfficeError>> {
  const acks = await ingestChecked(deps, input, [checked]);
  return acks.ok ? ok(acks.value[0] as SyncAck) : acks;
}

/**
 * The chunks of an export file (check.ts's checkEnvelopes of each), in seq order, in one
 * transaction: the whole file is stored, or nothing of it. Its first refusal refuses the file.
 * `summary` makes the audit entry that says what the import did; it commits with the chunks.
 */
export function ingestSyncChunks(
  deps: BackOfficeDeps,
  input: Omit<IngestInput, 'idempotency'>,
  chunks: readonly CheckResult[],
  summary: (acks: readonly SyncAck[]) => AuditEntry,
): Promise<Result<SyncAck[], BackOfficeError>> {
  return ingestChecked(deps, input, chunks, summary);
}

async function ingestChecked(
  deps: BackOfficeDeps,
  input: IngestInput,
  batches: readonly CheckResult[],
  summary?: (acks: readonly SyncAck[]) => AuditEntry,
): Promise<Result<SyncAck[], BackOfficeError>> {
  const checked: CheckedEnvelopes[] = [];
  for (const batch of batches) {
    if (batch.ok) {
      checked.push(batch.value);
      continue;
    }
    const problem = batch.error;
    const refusal: BackOfficeError =
      problem.kind === 'sync-tampered'
        ? {
            kind: 'sync-chain',
            reason: 'tampered',
            seq: problem.seq,
            head: await readChainHead(deps.sql, input.deviceId),
          }
        : problem;
    await auditSyncRefusal(deps, input, refusal);
    return err(refusal);
  }
  const receivedAt = deps.clock.now();
  try {
    const acks = await deps.sql.transaction(async (tx) => {
      const out: SyncAck[] = [];
      for (const batch of checked) out.push(await storeBatch(tx, input, batch, receivedAt));
      if (summary) await appendAudit(tx, receivedAt, summary(out));
      return out;
    });
    return ok(acks);
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    await auditSyncRefusal(deps, input, e.refusal);
    return err(e.refusal);
  }
}

/** The kept answer to a resend: every envelope in it is now one stored before. */
function replayed(ack: SyncAck): SyncAck {
  return { ...ack, envelopes: ack.envelopes.map((e) => ({ ...e, duplicate: true })) };
}

function problemRefusal(
  problem: ChainProblem,
  e: SyncEnvelope,
  head: { seq: number; hash: string },
): BackOfficeError {
  switch (problem.kind) {
    case 'gap':
      return { kind: 'sync-gap', seq: e.seq, head };
    case 'broken-chain':
      return { kind: 'sync-chain', reason: 'broken-chain', seq: e.seq, head };
    case 'replay':
      return { kind: 'sync-chain', reason: 'fork', seq: e.seq, head };
  }
}

async function storeBatch(
  tx: SqlExecutor,
  input: IngestInput,
  { envelopes, contentHashes }: CheckedEnvelopes,
  receivedAt: Date,
): Promise<SyncAck> {
  const locked = await lockChain(tx, {
    deviceId: input.deviceId,
    seqs: envelopes.map((e) => e.seq),
    applicationIds: envelopes.flatMap((e) => e.payload.map((a) => a.id)),
    idempotencyKey: input.idempotency?.key,
  });
  if (!locked) throw new Refused({ kind: 'device-unknown' });
  // Revoked after the request's signature was checked, before its turn came.
  if (locked.device.revoked) throw new Refused({ kind: 'device-revoked' });
  const { stored, known, kept } = locked.state;
  const start = locked.device.head;
  if (kept && input.idempotency) {
    // The same key for another body is refused (and audited like any other refusal). A resend of
    // a batch whose answer was lost is answered below from the chain: its envelopes are replays
    // now. (A key kept before migration 7 also kept its answer, which is given back as it was.)
    if (kept.bodySha256 !== input.idempotency.bodySha256) throw new Refused({ kind: 'idempotency-conflict' });
    if (isSameAck(kept.response)) return replayed(kept.response);
  }
  const replays = envelopes.filter((e) => e.seq <= start.seq);
  const fresh = envelopes.filter((e) => e.seq > start.seq);
  for (const e of replays) {
    const earlier = stored.get(e.seq);
    // Not this envelope under that number: a second history of the same device.
    if (!earlier || earlier.id !== e.id || earlier.hash !== e.hash)
      throw new Refused({ kind: 'sync-chain', reason: 'fork', seq: e.seq, head: start });
  }

  // Receipts of replayed envelopes, and of applications a re-wrapped envelope brings again.
  const receiptOf = (id: string) => {
    const r = known.get(id);
    if (!r) throw new Error(`application ${id} is neither stored nor new`);
    return { id: r.id, procedure: r.procedure, receiptNumber: r.receiptNumber, receivedAt: r.receivedAt };
  };
  const answers: SyncEnvelopeReceipt[] = replays.map((e) => ({
    id: e.id,
    seq: e.seq,
    duplicate: true,
    receipts: e.payload.map((a) => receiptOf(a.id)),
  }));
  if (fresh.length === 0) {
    // A resend under its own key holds the key already.
    const key = input.idempotency;
    if (key && !kept) await saveSyncBatch(tx, input.deviceId, { ...key, at: receivedAt });
    return ackOf(input, start, answers);
  }

  // The chain, in memory: every new envelope follows the one before it, the first the head.
  let head = start;
  for (const e of fresh) {
    const problem = chainProblem(head, e);
    if (problem) throw new Refused(problemRefusal(problem, e, start));
    head = { seq: e.seq, hash: e.hash };
  }
  const firstNew = (fresh[0] as SyncEnvelope).seq;

  // Which applications are new; one stored before (a re-wrapped envelope) keeps its receipt.
  const toInsert: { application: ApplicationEnvelope; contentHash: string; envelopeId: string }[] = [];
  const inBatch = new Map<string, string>(); // id → content hash, for a repeat inside the batch
  for (const [i, e] of envelopes.entries()) {
    if (e.seq <= start.seq) continue;
    for (const [j, application] of e.payload.entries()) {
      const contentHash = contentHashes[i]?.[j] as string;
      const before = known.get(application.id)?.contentHash ?? inBatch.get(application.id);
      if (before !== undefined) {
        if (before !== contentHash) throw new Refused({ kind: 'id-conflict' });
        continue;
      }
      inBatch.set(application.id, contentHash);
      toInsert.push({ application, contentHash, envelopeId: e.id });
    }
  }

  // The tablet's own 受付番号, from the counter in its locked row: no other device waits for it.
  const numbered = nextReceiptNumbers(
    locked.device.receipts,
    locked.device.issuer,
    receivedAt,
    toInsert.length,
  );
  const at = receivedAt.toISOString();
  toInsert.forEach((x, i) => {
    known.set(x.application.id, {
      id: x.application.id,
      procedure: x.application.procedure,
      receiptNumber: numbered.numbers[i] as string,
      receivedAt: at,
      contentHash: x.contentHash,
    });
  });
  for (const e of fresh)
    answers.push({ id: e.id, seq: e.seq, duplicate: false, receipts: e.payload.map((a) => receiptOf(a.id)) });
  const ack = ackOf(input, head, answers);

  // One statement: head and counter, envelopes, applications, the key, the audit entry.
  const written = await storeSyncBatch(tx, {
    deviceId: input.deviceId,
    from: start,
    to: head,
    receipts: { day: numbered.day, seq: numbered.seq },
    envelopes: fresh.map((e) =>
      syncEnvelopeRow(e, { receivedAt, receivedBy: input.staff.id, source: input.source }),
    ),
    applications: toInsert.map((x, i) => ({
      envelope: x.application,
      contentHash: x.contentHash,
      receivedAt,
      receivedBy: input.staff.id,
      deviceId: input.deviceId,
      syncEnvelopeId: x.envelopeId,
      receiptNumber: numbered.numbers[i] as string,
    })),
    ...(input.idempotency ? { kept: { ...input.idempotency, at: receivedAt } } : {}),
    audit: {
      at: receivedAt,
      entry: {
        actor: staffActor(input.staff),
        action: 'sync.received',
        target: input.deviceId,
        detail: {
          source: input.source,
          firstSeq: firstNew,
          lastSeq: head.seq,
          envelopes: fresh.length,
          applications: toInsert.length,
          receiptNumbers: numbered.numbers,
        },
      },
    },
  });
  if (written.moved !== 1 || written.audited !== 1)
    throw new Error('the device head or the audit head did not move');
  // An envelope ULID taken by another envelope (another device's, or another seq of this one).
  if (written.envelopes < fresh.length)
    throw new Refused({ kind: 'sync-chain', reason: 'fork', seq: firstNew, head: start });
  // Stored meanwhile by another device's transaction: roll back, the tablet sends again.
  if (written.applications < toInsert.length)
    throw new Error('an application was stored by a concurrent request');
  return ack;
}

function ackOf(
  input: IngestInput,
  head: { seq: number; hash: string },
  envelopes: readonly SyncEnvelopeReceipt[],
): SyncAck {
  return { deviceId: input.deviceId, lastSeq: head.seq, lastHash: head.hash, envelopes };
}
