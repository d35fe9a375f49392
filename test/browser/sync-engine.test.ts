// The sync engine over a real IndexedDB outbox, against a scripted back office that behaves like
// ours (an id is stored once; a resend returns the first receipt). Real HTTP is covered by the
// e2e test; here we script the failures HTTP makes hard to stage: a lost acknowledgement.
import type { ApiClient, ClientError } from '../../pwa/api/client.ts';
import { openKakanaiDB } from '../../pwa/storage/db.ts';
import { Outbox } from '../../pwa/storage/outbox.ts';
import { createSealer } from '../../pwa/storage/sealer.ts';
import { SyncEngine } from '../../pwa/sync/sync-engine.ts';
import type { Receipt } from '../../shared/api.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { err, ok } from '../../shared/result.ts';
import { RESIDENT, tennyuEnvelope } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

type Mode = 'up' | 'down' | 'lose-ack' | 'conflict' | 'expired' | 'revoked';

function backOffice() {
  const stored = new Map<string, Receipt>();
  const state = { mode: 'up' as Mode, calls: 0 };
  const client: ApiClient = {
    signIn: async () => err({ kind: 'unreachable' }),
    enroll: async () => err({ kind: 'unreachable' }),
    async submit(e: ApplicationEnvelope) {
      state.calls += 1;
      if (state.mode === 'down') return err({ kind: 'unreachable' } as ClientError);
      if (state.mode === 'expired') return err({ kind: 'unauthenticated', status: 401, message: '期限切れ' });
      if (state.mode === 'revoked')
        return err({ kind: 'device-revoked', status: 401, message: '端末の登録は取り消されています' });
      if (state.mode === 'conflict')
        return err({ kind: 'conflict', status: 409, message: '内容が異なります' });
      const first = stored.get(e.id);
      const receipt = first
        ? { ...first, duplicate: true }
        : {
            id: e.id,
            receiptNumber: `R261201-${String(stored.size + 1).padStart(4, '0')}`,
            receivedAt: new Date().toISOString(),
            duplicate: false,
          };
      if (!first) stored.set(e.id, receipt);
      // lose-ack: the server stored it, but the answer never reached the tablet.
      return state.mode === 'lose-ack' ? err({ kind: 'unreachable' } as ClientError) : ok(receipt);
    },
  };
  return { client, stored, state };
}

async function setup() {
  const db = await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`);
  const outbox = new Outbox(db, await createSealer(db));
  const server = backOffice();
  let authRequired = 0;
  let stillPending = 0;
  const deviceRejected: string[] = [];
  const engine = new SyncEngine({
    outbox,
    client: server.client,
    token: async () => 'token',
    retryEveryMs: 3_600_000, // the timer stays out of these tests
    onAuthRequired: () => {
      authRequired += 1;
    },
    onStillPending: () => {
      stillPending += 1;
    },
    onDeviceRejected: (message) => deviceRejected.push(message),
  });
  return {
    outbox,
    server,
    engine,
    deviceRejected,
    authRequired: () => authRequired,
    stillPending: () => stillPending,
  };
}

describe('SyncEngine', () => {
  it('sends when the tablet becomes visible again, and asks for a background sync while something waits', async () => {
    const { outbox, server, engine, stillPending } = await setup();
    server.state.mode = 'down';
    await outbox.enqueue(tennyuEnvelope());
    engine.start();
    await new Promise((r) => setTimeout(r, 50));
    assert(stillPending() >= 1, 'a failed attempt asks for a background sync');
    server.state.mode = 'up';
    const before = server.state.calls;
    document.dispatchEvent(new Event('visibilitychange')); // the page is visible in the test browser
    for (let i = 0; i < 100 && server.stored.size === 0; i++) await new Promise((r) => setTimeout(r, 20));
    engine.stop();
    equal(server.stored.size, 1, 'delivered on visibility');
    assert(server.state.calls > before, 'the visibility change triggered a send');
    equal((await outbox.pending()).length, 0);
  });

  it('keeps applications made offline and delivers each exactly once when the network returns', async () => {
    const { outbox, server, engine } = await setup();
    server.state.mode = 'down';
    const a = tennyuEnvelope();
    const b = {
      ...tennyuEnvelope({ fields: { ...RESIDENT, name: '試験　一郎', sex: '1' } }),
      createdAt: new Date(Date.now() + 1000).toISOString(),
    };
    await outbox.enqueue(a);
    await outbox.enqueue(b);
    const offline = await engine.syncNow();
    equal(offline.stoppedBy, 'unreachable', 'stopped by the network');
    equal((await outbox.pending()).length, 2, 'both wait');
    equal((await outbox.pending())[0]?.lastError?.includes('接続できません'), true, 'Japanese reason kept');

    server.state.mode = 'up';
    const report = await engine.syncNow();
    equal(report.delivered, 2, 'delivered');
    equal(server.stored.size, 2, 'server stored two');
    equal((await outbox.get(a.id))?.receiptNumber, 'R261201-0001', 'receipt of a');
    equal((await engine.syncNow()).delivered, 0, 'nothing left to send');
    equal(server.stored.size, 2, 'still two');
  });

  it('after a lost acknowledgement, the resend gets the first receipt and nothing is stored twice', async () => {
    const { outbox, server, engine } = await setup();
    const a = tennyuEnvelope();
    await outbox.enqueue(a);
    server.state.mode = 'lose-ack';
    await engine.syncNow();
    equal(server.stored.size, 1, 'the server has it');
    equal((await outbox.get(a.id))?.state, 'pending', 'the tablet does not know yet');
    server.state.mode = 'up';
    await engine.syncNow();
    equal(server.stored.size, 1, 'still one');
    equal((await outbox.get(a.id))?.receiptNumber, server.stored.get(a.id)?.receiptNumber, 'same receipt');
  });

  it('stops on a revoked tablet with the message, keeps everything, and delivers once after re-enrollment', async () => {
    const { outbox, server, engine, deviceRejected } = await setup();
    const a = tennyuEnvelope();
    await outbox.enqueue(a);
    server.state.mode = 'revoked';
    const stopped = await engine.syncNow();
    equal(stopped.stoppedBy, 'device', 'stopped by the device refusal');
    equal(deviceRejected, ['端末の登録は取り消されています'], 'the message goes to the screen');
    equal((await outbox.get(a.id))?.state, 'pending', 'not rejected: the application is fine');
    assert((await outbox.envelope(a.id)) !== undefined, 'data kept');
    server.state.mode = 'up';
    equal((await engine.syncNow()).delivered, 1, 'delivered after re-enrollment');
    equal(server.stored.size, 1, 'once');
  });

  it('runs one drain at a time even when asked twice at once', async () => {
    const { outbox, server, engine } = await setup();
    await outbox.enqueue(tennyuEnvelope());
    await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    equal(server.state.calls, 1, 'one POST');
  });

  it('marks a refused application for staff and keeps its data sealed', async () => {
    const { outbox, server, engine } = await setup();
    const a = tennyuEnvelope();
    await outbox.enqueue(a);
    server.state.mode = 'conflict';
    await engine.syncNow();
    const entry = await outbox.get(a.id);
    equal(entry?.state, 'rejected', 'rejected');
    assert((await outbox.envelope(a.id)) !== undefined, 'data kept for staff');
  });

  it('stops and asks for sign-in when the session expired', async () => {
    const { outbox, server, engine, authRequired } = await setup();
    await outbox.enqueue(tennyuEnvelope());
    server.state.mode = 'expired';
    const report = await engine.syncNow();
    equal(report.stoppedBy, 'unauthenticated', 'stopped');
    equal(authRequired(), 1, 'sign-in requested');
    equal((await outbox.pending()).length, 1, 'still pending');
  });
});
