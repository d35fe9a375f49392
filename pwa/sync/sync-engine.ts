// Delivers the outbox to the back office. Exactly-once rests on two facts: the envelope id is
// made once on the tablet, and the server stores an id once (a resend returns the first receipt).
// So the engine may safely resend after any failure, including a lost acknowledgement.
import type { ApiClient } from '../api/client.ts';
import { clientErrorMessage } from '../api/client.ts';
import type { Outbox } from '../storage/outbox.ts';

export interface SyncReport {
  readonly delivered: number;
  readonly pending: number;
  readonly stoppedBy?: 'unreachable' | 'unauthenticated' | 'device' | 'server-error';
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
  /** Something is still waiting after an attempt (e.g. ask for a Background Sync). */
  readonly onStillPending?: () => void;
}

// Refusals of the content itself. 'not-found' is not one: it is what a wrong URL or an older
// server answers, so it stays pending and is retried.
const PERMANENT = new Set(['bad-request', 'conflict', 'too-large', 'unsupported-media-type']);
// The tablet itself is refused, not the application: stop, keep everything, re-enroll.
const DEVICE_REJECTED = new Set(['device-unknown', 'device-revoked', 'device-signature']);

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
      const run = () => this.drain();
      const locked =
        typeof navigator !== 'undefined' && navigator.locks
          ? navigator.locks.request('kakanai-sync', run)
          : run();
      this.running = locked
        .then((report) => {
          if (report.pending > 0) this.options.onStillPending?.();
          return report;
        })
        .finally(() => {
          this.running = undefined;
        });
    }
    return this.running;
  }

  private async drain(): Promise<SyncReport> {
    const { outbox, client } = this.options;
    let delivered = 0;
    const queue = await outbox.pending();
    if (queue.length === 0) return { delivered, pending: 0 };
    const token = await this.options.token();
    if (!token) {
      this.options.onAuthRequired?.();
      return { delivered, pending: queue.length, stoppedBy: 'unauthenticated' };
    }
    for (const [index, entry] of queue.entries()) {
      const envelope = await outbox.envelope(entry.id);
      if (!envelope) continue;
      const result = await client.submit(envelope, token);
      if (result.ok) {
        await outbox.markDelivered(entry.id, result.value.receiptNumber, result.value.receivedAt);
        delivered += 1;
        this.options.onDeviceAccepted?.();
        continue;
      }
      const message = clientErrorMessage(result.error);
      if (PERMANENT.has(result.error.kind)) {
        await outbox.markRejected(entry.id, message);
        continue;
      }
      // Transient: keep it pending and stop; the next attempt starts from the oldest again.
      await outbox.recordAttempt(entry.id, message);
      const remaining = queue.length - index;
      // Expired, or an account whose role may not send: staff must sign in (again) as counter staff.
      if (result.error.kind === 'unauthenticated' || result.error.kind === 'forbidden') {
        this.options.onAuthRequired?.();
        return { delivered, pending: remaining, stoppedBy: 'unauthenticated' };
      }
      if (DEVICE_REJECTED.has(result.error.kind)) {
        this.options.onDeviceRejected?.(message);
        return { delivered, pending: remaining, stoppedBy: 'device' };
      }
      return {
        delivered,
        pending: remaining,
        stoppedBy: result.error.kind === 'unreachable' ? 'unreachable' : 'server-error',
      };
    }
    return { delivered, pending: 0 };
  }
}
