// What the fault harness page (tablet-harness.ts, bundled for Chromium) exposes on `window.fault`,
// shared by the page and the Node side that drives it. No personal data crosses back to Node:
// only ids, numbers, states and receipt numbers.
import type { ApplicationEnvelope } from '../../shared/application.ts';

/** The console line the harness writes after each stored visit of a reporting enqueue. */
export const ENQUEUED = 'fault-enqueued';

export interface HarnessResult {
  readonly ok: boolean;
  /** The kind of failure (e.g. 'unreachable', 'not-enrolled'); never personal data. */
  readonly error?: string;
}

export interface HarnessEnvelope {
  readonly id: string;
  readonly seq: number | undefined;
  readonly deviceId: string | undefined;
  readonly state: 'pending' | 'delivered' | 'rejected';
  readonly attempts: number;
  readonly lastError?: string;
  readonly applicationIds: readonly string[];
  /** One per application once delivered (undefined before). */
  readonly receiptNumbers: readonly (string | undefined)[];
}

export interface HarnessCounts {
  readonly pending: number;
  readonly delivered: number;
  readonly rejected: number;
  /** The last error of the oldest envelope still waiting, for a stuck run's message. */
  readonly lastError?: string;
}

export interface HarnessState extends HarnessCounts {
  readonly deviceId: string | undefined;
  readonly envelopes: readonly HarnessEnvelope[];
}

export interface HarnessSyncReport {
  readonly delivered: number;
  readonly pending: number;
  readonly stoppedBy?: string;
}

export interface FaultHarness {
  /**
   * Opens the tablet's database and makes the real services (sealer, identity, outbox, client,
   * engine), as pwa/services.ts does; the engine's timer retries every retryEveryMs once started.
   */
  init(retryEveryMs: number): Promise<{ readonly deviceId: string | undefined }>;
  enroll(code: string, name: string): Promise<HarnessResult & { readonly deviceId?: string }>;
  /** Signs in unless a session is kept (the app keeps it in IndexedDB across reloads). */
  signIn(username: string, password: string): Promise<HarnessResult>;
  /**
   * One outbox.enqueueVisit per visit, in order; stops at the first refusal. With report, logs
   * `${ENQUEUED} <n>` on the console after the n-th visit is stored (its transaction committed);
   * pauseMs waits between two visits (so those lines reach the driver while the call goes on).
   */
  enqueue(
    visits: readonly (readonly ApplicationEnvelope[])[],
    options?: { readonly report?: boolean; readonly pauseMs?: number },
  ): Promise<HarnessResult & { readonly stored: number }>;
  syncNow(): Promise<HarnessSyncReport>;
  /** The engine's own timer as the app runs it, besides the driver's syncNow calls. */
  startEngine(): void;
  counts(): Promise<HarnessCounts>;
  state(): Promise<HarnessState>;
}

declare global {
  interface Window {
    /** Set by the harness page's script; the driver waits for it before the first call. */
    fault: FaultHarness;
  }
}
