// Delivers the outbox to the back office over the sync protocol (shared/sync/protocol.ts):
// the pending envelopes of this device in seq order, in batches. Exactly-once rests on the chain:
// every envelope has its number and hash, the server stores a number once and answers a resend
// with the first receipts, so the engine may resend after any failure, including a lost answer.
// Only what coveredEnvelopes confirms is marked delivered (and its data wiped).
//
// A pass cuts its batches from the outbox records (their seq and size in bytes) and decrypts a
// batch only right before sending it: a tablet offline all day with a thousand visits retries
// every few seconds, and each try costs one batch of AES-GCM, not the whole queue.

import type { SyncEnvelope } from '../../shared/sync/envelope.ts';
import { coveredEnvelopes } from '../../shared/sync/protocol.ts';
import { type ApiClient, type ClientError, clientErrorMessage, NOT_ENROLLED } from '../api/client.ts';
import type { Outbox } from '../storage/outbox.ts';
import { SendQueue } from './send-queue.ts';

export type SyncStop = 'unreachable' | 'unauthenticated' | 'device' | 'server-error' | 'chain';

export interface SyncReport {
  /** Applications delivered by this run (what staff count, as in 送信（N件）). */
  readonly delivered: number;
  /** Applications still waiting after it. */
  readonly pending: number;
  readonly stoppedBy?: SyncStop;
  /** With 'chain': what staff are told to do. */
  readonly message?: string;
}

export interface SyncEngineOptions {
  readonly outbox: Outbox;
  readonly client: ApiClient;
  readonly token: () => Promise<string | undefined>;
  /** How often to retry while something is pending (ms). */
  readonly retryEveryMs?: number;
  readonly onAuthRequired?: () => void;
  /**
   * The back office no longer knows or trusts this tablet (device-unknown, device-revoked,
   * device-signature): it must be enrolled again. The outbox keeps everything meanwhile.
   */
  readonly onDeviceRejected?: (message: string) => void;
  /** The back office accepted this tablet again (a delivery went through). */
  readonly onDeviceAccepted?: () => void;
  /**
   * The chain cannot go on without people: the back office refused an envelope of it (broken,
   * tampered, a fork) or lacks one the tablet cannot send. The message says what to do.
   */
  readonly onChainStopped?: (message: string) => void;
  /** A run ended with nothing stuck in the chain (the banner of onChainStopped can go). */
  readonly onChainClear?: () => void;
  /** Something is still waiting after an attempt (e.g. ask for a Background Sync). */
  readonly onStillPending?: () => void;
}

// Refusals of the content itself. 'not-found' is not one: it is what a wrong URL or an older
// server answers, so it stays pending and is retried.
const PERMANENT = new Set([
  'bad-request',
  'conflict',
  'too-large',
  'unsupported-media-type',
  'idempotency-conflict',
]);
// The tablet itself is refused, not the application: stop, keep everything, re-enroll.
const DEVICE_REJECTED = new Set(['device-unknown', 'device-revoked', 'device-signature']);

const NOT_ACKNOWLEDGED =
  'バックオフィスの応答にこの送信の受付結果がありませんでした。申請は端末に保存されたままで、自動で送り直します。';

function missingMessage(seq: number): string {
  return `バックオフィスに、この端末の${seq}番の送信が届いていません。そのデータはこの端末にも残っていないため、自動では送り直せません。管理者に連絡してください（送信待ちの申請は端末に暗号化して保存されたままです）。`;
}

function blockedMessage(seq: number): string {
  return `この端末の${seq}番の送信がバックオフィスに受け付けられていないため、${seq + 1}番以降の申請も送信できません。「この端末の申請」で「要確認」の申請を確認して「もう一度送信する」を押してください。解決しないときは管理者に連絡してください（申請は端末に保存されたままです）。`;
}

function stuckMessage(seq: number): string {
  return `この端末の${seq}番の送信を送り直せません（端末のデータを開けないか、バックオフィスとの記録が合いません）。管理者に連絡してください（申請は端末に保存されたままです）。`;
}

interface Stopped {
  readonly stoppedBy: SyncStop;
  readonly message?: string;
}

export class SyncEngine {
  private running: Promise<SyncReport> | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onOnline = () => void this.syncNow();
  // A tablet woken from sleep or brought back to the app: try at once, not at the next tick.
  private readonly onVisible = () => {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') void this.syncNow();
  };

  constructor(private readonly options: SyncEngineOptions) {}

  start(): void {
    if (this.timer) return;
    globalThis.addEventListener('online', this.onOnline);
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisible);
    this.timer = setInterval(() => void this.syncNow(), this.options.retryEveryMs ?? 10_000);
    void this.syncNow();
  }

  stop(): void {
    globalThis.removeEventListener('online', this.onOnline);
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Single-flight in this tab, and across tabs through the Web Locks API where available. */
  syncNow(): Promise<SyncReport> {
    if (!this.running) {
      const run = () => this.run();
      const locked =
        typeof navigator !== 'undefined' && navigator.locks
          ? navigator.locks.request('kakanai-sync', run)
          : run();
      this.running = locked
        .then((report) => {
          if (report.pending > 0) this.options.onStillPending?.();
          if (report.stoppedBy === 'chain') this.options.onChainStopped?.(report.message ?? '');
          else if (report.stoppedBy === undefined) this.options.onChainClear?.();
          return report;
        })
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  private async run(): Promise<SyncReport> {
    const { outbox } = this.options;
    const outcome = await this.drain();
    const pending = (await outbox.counts()).pendingApplications;
    return { delivered: outcome.delivered, pending, ...(outcome.stopped ?? {}) };
  }

  private async drain(): Promise<{ delivered: number; stopped?: Stopped }> {
    const { outbox, client } = this.options;
    let delivered = 0;
    // What waits under an earlier device id (or from before the sync protocol) joins the chain.
    await outbox.rechainPending();
    let deviceId = await outbox.currentDeviceId();
    if (!deviceId) {
      // Not enrolled: nothing can be chained or sent (the app shows the enrollment screen).
      if ((await outbox.counts()).pendingApplications === 0) return { delivered };
      this.options.onDeviceRejected?.(clientErrorMessage(NOT_ENROLLED));
      return { delivered, stopped: { stoppedBy: 'device' } };
    }
    let queue = new SendQueue(outbox, await outbox.pendingEnvelopeRefs(deviceId));
    if (!(await queue.sendable())) return { delivered };
    const token = await this.options.token();
    if (!token) {
      this.options.onAuthRequired?.();
      return { delivered, stopped: { stoppedBy: 'unauthenticated' } };
    }
    // Envelopes up to this seq are sent one by one (a batch was refused: find which one).
    let aloneUpTo = 0;
    const gapsTried = new Set<number>();
    let rewrapped = false;
    while (deviceId) {
      // Decrypted here, right before it is sent; nothing of the batches after it.
      const batch = await queue.next(aloneUpTo);
      const first = batch[0];
      if (!first) break;
      const ids = batch.map((e) => e.id);
      const result = await client.sync(batch, token);
      if (result.ok) {
        const covered = coveredEnvelopes(result.value, deviceId, batch);
        for (const [id, receipt] of covered)
          if (await outbox.markDelivered(id, receipt.receipts)) delivered += receipt.receipts.length;
        const uncovered = ids.filter((id) => !covered.has(id));
        if (covered.size > 0) this.options.onDeviceAccepted?.();
        if (uncovered.length > 0) {
          // A 200 that is not our back office's (a proxy, a captive portal) acknowledges nothing.
          await outbox.recordAttempt(
            uncovered,
            covered.size === 0 ? clientErrorMessage({ kind: 'unreachable' }) : NOT_ACKNOWLEDGED,
          );
          return { delivered, stopped: { stoppedBy: covered.size === 0 ? 'unreachable' : 'server-error' } };
        }
        queue.remove(ids);
        continue;
      }
      const error = result.error;
      const message = clientErrorMessage(error);
      if (error.kind === 'sync-gap') {
        const lastSeq = error.sync?.lastSeq;
        if (lastSeq === undefined) {
          await outbox.recordAttempt(ids, message);
          return { delivered, stopped: { stoppedBy: 'server-error' } };
        }
        const from = lastSeq + 1;
        // The tablet still holds what the back office needs next: resend at once, from the
        // lowest pending (those up to lastSeq are answered as replays, with their receipts).
        // Once per number, never a loop. Otherwise the back office lacks an envelope that this
        // tablet no longer has pending: people must look at it.
        if (!gapsTried.has(from) && (await queue.holds(from))) {
          gapsTried.add(from);
          continue;
        }
        const held = await outbox.entryAt(deviceId, from);
        const stop =
          held?.state === 'rejected'
            ? blockedMessage(from)
            : held?.state === 'pending'
              ? stuckMessage(from)
              : missingMessage(from);
        await outbox.recordAttempt(ids, stop);
        return { delivered, stopped: { stoppedBy: 'chain', message: stop } };
      }
      if (error.kind === 'sync-chain') {
        const named =
          batch.find((e) => e.seq === error.sync?.seq) ?? (batch.length === 1 ? first : undefined);
        if (named) await outbox.markRejected(named.id, message);
        const others = ids.filter((id) => id !== named?.id);
        if (others.length > 0) await outbox.recordAttempt(others, message);
        return { delivered, stopped: { stoppedBy: 'chain', message } };
      }
      if (PERMANENT.has(error.kind)) {
        if (batch.length === 1) {
          await outbox.markRejected(first.id, message);
          queue.remove([first.id]);
        } else {
          aloneUpTo = (batch[batch.length - 1] as SyncEnvelope).seq;
        }
        continue;
      }
      if (error.kind === 'device-changed' && !rewrapped) {
        // Enrolled again while this run was under way: re-wrap and go on under the new id.
        rewrapped = true;
        await outbox.rechainPending();
        deviceId = await outbox.currentDeviceId();
        queue = new SendQueue(outbox, deviceId ? await outbox.pendingEnvelopeRefs(deviceId) : []);
        continue;
      }
      // Transient: keep everything pending and stop; the next run starts from the oldest again.
      await outbox.recordAttempt(ids, message);
      return { delivered, stopped: this.transient(error, message) };
    }
    return { delivered };
  }

  private transient(error: ClientError, message: string): Stopped {
    // Expired, or an account whose role may not send: staff must sign in (again) as counter staff.
    if (error.kind === 'unauthenticated' || error.kind === 'forbidden') {
      this.options.onAuthRequired?.();
      return { stoppedBy: 'unauthenticated' };
    }
    if (DEVICE_REJECTED.has(error.kind)) {
      this.options.onDeviceRejected?.(message);
      return { stoppedBy: 'device' };
    }
    return { stoppedBy: error.kind === 'unreachable' ? 'unreachable' : 'server-error' };
  }
}
