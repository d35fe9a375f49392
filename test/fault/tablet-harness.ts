// The page a fault-test tablet runs (bundled with esbuild at test start, served by the fault
// proxy at /fault-harness.js, so the page's origin is the proxy's and the client posts same-origin).
// It wires the REAL tablet code the way pwa/services.ts does — IndexedDB (openKakanaiDB), the
// AES-GCM sealer, the device identity as the request signer, the outbox, the API client, the sync
// engine — and exposes a few driver functions on `window.fault` (harness-api.ts). Nothing of the
// outbox, the chain or the engine is re-implemented here.
import { createApiClient } from '../../pwa/api/client.ts';
import { openKakanaiDB } from '../../pwa/storage/db.ts';
import { DeviceIdentity } from '../../pwa/storage/device.ts';
import { Outbox, type OutboxEntry } from '../../pwa/storage/outbox.ts';
import { createSealer } from '../../pwa/storage/sealer.ts';
import { Settings } from '../../pwa/storage/settings.ts';
import { SyncEngine } from '../../pwa/sync/sync-engine.ts';
import { ENQUEUED, type FaultHarness, type HarnessCounts, type HarnessEnvelope } from './harness-api.ts';

interface Services {
  readonly outbox: Outbox;
  readonly device: DeviceIdentity;
  readonly settings: Settings;
  readonly client: ReturnType<typeof createApiClient>;
  readonly engine: SyncEngine;
}

let services: Services | undefined;

function need(): Services {
  if (!services) throw new Error('fault harness: init() first');
  return services;
}

function envelopeOf(e: OutboxEntry): HarnessEnvelope {
  return {
    id: e.id,
    seq: e.seq,
    deviceId: e.deviceId,
    state: e.state,
    attempts: e.attempts,
    ...(e.lastError !== undefined ? { lastError: e.lastError } : {}),
    applicationIds: e.applications.map((a) => a.id),
    receiptNumbers: e.applications.map((a) => a.receiptNumber),
  };
}

function countsOf(entries: readonly OutboxEntry[]): HarnessCounts {
  let pending = 0;
  let delivered = 0;
  let rejected = 0;
  let lastError: string | undefined;
  // all() is newest first: the last waiting one seen is the oldest.
  for (const e of entries) {
    if (e.state === 'pending') pending += 1;
    else if (e.state === 'delivered') delivered += 1;
    else rejected += 1;
    if (e.state !== 'delivered' && e.lastError !== undefined) lastError = e.lastError;
  }
  return { pending, delivered, rejected, ...(lastError !== undefined ? { lastError } : {}) };
}

const harness: FaultHarness = {
  async init(retryEveryMs) {
    const db = await openKakanaiDB();
    const device = new DeviceIdentity(db);
    const settings = new Settings(db);
    const outbox = new Outbox(db, await createSealer(db));
    const client = createApiClient('', undefined, device);
    const engine = new SyncEngine({
      outbox,
      client,
      token: async () => (await settings.session())?.token,
      retryEveryMs,
    });
    services = { outbox, device, settings, client, engine };
    await outbox.init();
    return { deviceId: (await device.enrolled())?.deviceId };
  },

  async enroll(code, name) {
    const { device, client, outbox } = need();
    const already = await device.enrolled();
    if (already) return { ok: true, deviceId: already.deviceId };
    const publicKey = await device.publicKeyForEnrollment();
    const result = await client.enroll({ code, name, publicKey });
    if (!result.ok) return { ok: false, error: result.error.kind };
    await device.completeEnrollment({
      deviceId: result.value.deviceId,
      name: result.value.name,
      enrolledAt: result.value.enrolledAt,
    });
    await outbox.init();
    return { ok: true, deviceId: result.value.deviceId };
  },

  async signIn(username, password) {
    const { settings, client } = need();
    if (await settings.session()) return { ok: true };
    const result = await client.signIn({ username, password });
    if (!result.ok) return { ok: false, error: result.error.kind };
    await settings.saveSession(result.value);
    return { ok: true };
  },

  async enqueue(visits, options) {
    const { outbox } = need();
    let stored = 0;
    for (const visit of visits) {
      const r = await outbox.enqueueVisit(visit);
      if (!r.ok) return { ok: false, error: r.error.kind, stored };
      stored += 1;
      // The driver closes the browser in the middle of this call once it has seen a few of these.
      if (options?.report) console.debug(`${ENQUEUED} ${stored}`);
      if (options?.pauseMs) await new Promise((r) => setTimeout(r, options.pauseMs));
    }
    return { ok: true, stored };
  },

  async syncNow() {
    const report = await need().engine.syncNow();
    return {
      delivered: report.delivered,
      pending: report.pending,
      ...(report.stoppedBy !== undefined ? { stoppedBy: report.stoppedBy } : {}),
    };
  },

  startEngine() {
    need().engine.start();
  },

  async counts() {
    return countsOf(await need().outbox.all());
  },

  async state() {
    const { outbox, device } = need();
    const entries = await outbox.all();
    return {
      ...countsOf(entries),
      deviceId: (await device.enrolled())?.deviceId,
      envelopes: entries.map(envelopeOf),
    };
  },
};

window.fault = harness;
