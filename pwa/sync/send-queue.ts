// The envelopes one sync pass still has to send (sync-engine.ts), cut into batches from the
// outbox records and decrypted only right before they go.
import type { SyncEnvelope } from '../../shared/sync/envelope.ts';
import { batchesOf, syncEnvelopeBytes } from '../../shared/sync/protocol.ts';
import type { Outbox, PendingEnvelopeRef } from '../storage/outbox.ts';

/**
 * What one pass still has to send: the device's pending records in seq order, each decrypted
 * only when its batch is about to go. A record stored before schema v4 has no size: it is opened
 * when the batch needs its size, which for the one that does not fit any more means one envelope
 * of the next batch. An envelope that cannot be opened leaves the queue, so a batch stops before
 * it, as a gap in the chain. Opened envelopes stay here until they leave the queue, so a resend
 * in the same pass (after a gap, one by one after a refusal) does not decrypt them again; they
 * go with the queue when the pass ends.
 */
export class SendQueue {
  private refs: PendingEnvelopeRef[];
  private readonly opened = new Map<string, SyncEnvelope>();
  private readonly sizes = new Map<string, number>();

  constructor(
    private readonly outbox: Outbox,
    refs: readonly PendingEnvelopeRef[],
  ) {
    this.refs = [...refs];
  }

  /** Whether anything can be sent: opens the first record that opens (it is in the first batch). */
  async sendable(): Promise<boolean> {
    for (;;) {
      const first = this.refs[0];
      if (!first) return false;
      // One that cannot be opened has left the queue: try the next.
      if (await this.openOne(first)) return true;
    }
  }

  /** Whether the envelope under this number waits in the queue and can be sent. */
  async holds(seq: number): Promise<boolean> {
    const ref = this.refs.find((r) => r.seq === seq);
    return ref !== undefined && (await this.openOne(ref)) !== undefined;
  }

  /**
   * The next batch, decrypted: what batchesOf would cut first from the envelopes that can be
   * opened, or the first one alone while its seq is at most aloneUpTo. Empty when none is left.
   */
  async next(aloneUpTo: number): Promise<SyncEnvelope[]> {
    for (;;) {
      const refs = await this.nextRefs(aloneUpTo);
      if (refs.length === 0) return [];
      const batch = await this.openAll(refs);
      if (batch.length > 0) return batch;
    }
  }

  /** Delivered or refused for good: out of the queue, its decrypted envelope dropped. */
  remove(ids: readonly string[]): void {
    const gone = new Set(ids);
    this.refs = this.refs.filter((r) => !gone.has(r.id));
    for (const id of gone) {
      this.opened.delete(id);
      this.sizes.delete(id);
    }
  }

  private async nextRefs(aloneUpTo: number): Promise<PendingEnvelopeRef[]> {
    const batch: PendingEnvelopeRef[] = [];
    for (const ref of [...this.refs]) {
      if (batch[0] && batch[0].seq <= aloneUpTo) break;
      // Full, or the seq jumps: it stays out whatever its size, so it is not opened to measure it.
      if (!this.joins(batch, ref, 0)) break;
      const bytes = await this.sizeOf(ref);
      // Unreadable (now out of the queue): the batch stops before it, or starts after it.
      if (bytes === undefined) {
        if (batch.length === 0) continue;
        break;
      }
      if (!this.joins(batch, ref, bytes)) break;
      batch.push(ref);
    }
    return batch;
  }

  /** Whether batchesOf keeps `ref` in the batch, were it `bytes` long (the rule is protocol.ts's). */
  private joins(batch: readonly PendingEnvelopeRef[], ref: PendingEnvelopeRef, bytes: number): boolean {
    if (batch.length === 0) return true;
    const size = (r: PendingEnvelopeRef) => (r === ref ? bytes : (this.sizes.get(r.id) ?? 0));
    return batchesOf([...batch, ref], size)[0]?.length === batch.length + 1;
  }

  private async sizeOf(ref: PendingEnvelopeRef): Promise<number | undefined> {
    let bytes = this.sizes.get(ref.id) ?? ref.bytes;
    if (bytes === undefined) {
      const envelope = await this.openOne(ref);
      if (!envelope) return undefined;
      bytes = syncEnvelopeBytes(envelope);
    }
    this.sizes.set(ref.id, bytes);
    return bytes;
  }

  /** The batch's envelopes, opening those not open yet; cut before the first that cannot be. */
  private async openAll(refs: readonly PendingEnvelopeRef[]): Promise<SyncEnvelope[]> {
    const missing = refs.filter((r) => !this.opened.has(r.id));
    const fresh = await this.outbox.openEnvelopes(missing);
    for (const [i, envelope] of fresh.entries())
      this.opened.set((missing[i] as PendingEnvelopeRef).id, envelope);
    const unreadable = missing[fresh.length];
    if (unreadable) this.remove([unreadable.id]);
    const batch: SyncEnvelope[] = [];
    for (const ref of refs) {
      const envelope = this.opened.get(ref.id);
      if (!envelope) break;
      batch.push(envelope);
    }
    return batch;
  }

  private async openOne(ref: PendingEnvelopeRef): Promise<SyncEnvelope | undefined> {
    const known = this.opened.get(ref.id);
    if (known) return known;
    const [envelope] = await this.outbox.openEnvelopes([ref]);
    if (envelope) this.opened.set(ref.id, envelope);
    else this.remove([ref.id]);
    return envelope;
  }
}
