// The sync engine over a real IndexedDB outbox, against a scripted back office that keeps a
// device's chain like ours (shared/sync/protocol.ts: a seq is stored once, a resend is answered
// as a replay with the first receipts, a gap says where the head is, all of a batch or none).
// Real HTTP is covered by the e2e tests; here we script what HTTP makes hard to stage: lost
// answers, proxies, partial acks, a back office restored from a backup, tampering.
import type { ApiClient, ClientError } from '../../pwa/api/client.ts';
import { openKakanaiDB, type SealedBlob } from '../../pwa/storage/db.ts';
import { Outbox } from '../../pwa/storage/outbox.ts';
import { createSealer, type Sealer } from '../../pwa/storage/sealer.ts';
import { SyncEngine } from '../../pwa/sync/sync-engine.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { err, ok } from '../../shared/result.ts';
import { GENESIS_HASH, type SyncEnvelope } from '../../shared/sync/envelope.ts';
import type { SyncApplicationReceipt, SyncEnvelopeReceipt } from '../../shared/sync/protocol.ts';
import { drawnSignature, RESIDENT, tennyuEnvelope } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

const DEVICE_A = 'dev_01jd0000000000000000000000';
const DEVICE_B = 'dev_01jd0000000000000000000001';

type Mode = 'up' | 'down' | 'lose-ack' | 'expired' | 'revoked' | 'proxy' | 'partial';

interface StoredEnvelope {
  readonly id: string;
  readonly hash: string;
  readonly receipts: readonly SyncApplicationReceipt[];
}

const refusal = (kind: string, status: number, message: string, sync?: object): ClientError =>
  ({ kind, status, message, ...(sync ? { sync } : {}) }) as ClientError;

function backOffice() {
  const chains = new Map<string, Map<number, StoredEnvelope>>();
  const applications = new Map<string, SyncApplicationReceipt>();
  const state = {
    mode: 'up' as Mode,
    calls: 0,
    batches: [] as number[][],
    /** Envelopes the back office refuses as bad requests (their content). */
    bad: new Set<string>(),
    /** A seq whose envelope is refused as a broken chain (tampered on the tablet). */
    chainAt: undefined as number | undefined,
    /** Answer the next request with a gap at this head, whatever was sent (a stale answer). */
    gapOnce: undefined as number | undefined,
    revoked: new Set<string>(),
    /**
     * Called by the next request, which is then answered as the API client answers when the
     * tablet was enrolled again while the request was under way (device-changed).
     */
    reenrollOnce: undefined as (() => void) | undefined,
  };
  const headOf = (device: string) => {
    const chain = chains.get(device) ?? new Map<number, StoredEnvelope>();
    const seq = chain.size;
    return { seq, hash: chain.get(seq)?.hash ?? GENESIS_HASH };
  };
  const client: ApiClient = {
    signIn: async () => err({ kind: 'unreachable' }),
    enroll: async () => err({ kind: 'unreachable' }),
    importKey: async () => err({ kind: 'unreachable' }),
    async sync(envelopes: readonly SyncEnvelope[]) {
      state.calls += 1;
      state.batches.push(envelopes.map((e) => e.seq));
      const device = (envelopes[0] as SyncEnvelope).deviceId;
      if (state.mode === 'down') return err({ kind: 'unreachable' });
      if (state.reenrollOnce) {
        const reenroll = state.reenrollOnce;
        state.reenrollOnce = undefined;
        reenroll();
        return err({ kind: 'device-changed', status: 0, message: '端末が登録し直されました' });
      }
      if (state.mode === 'expired') return err(refusal('unauthenticated', 401, '期限切れ'));
      if (state.mode === 'revoked' || state.revoked.has(device))
        return err(refusal('device-revoked', 401, '端末の登録は取り消されています'));
      const head = headOf(device);
      if (state.gapOnce !== undefined) {
        const lastSeq = state.gapOnce;
        state.gapOnce = undefined;
        return err(refusal('sync-gap', 409, '届いていません', { lastSeq, lastHash: 'f'.repeat(64) }));
      }
      if (envelopes.some((e) => state.bad.has(e.id)))
        return err(refusal('bad-request', 400, '内容が正しくありません'));
      const chain = chains.get(device) ?? new Map<number, StoredEnvelope>();
      const answers: SyncEnvelopeReceipt[] = [];
      const fresh: [number, StoredEnvelope][] = [];
      const freshApps = new Map<string, SyncApplicationReceipt>();
      let h = head;
      for (const e of envelopes) {
        if (e.seq <= head.seq) {
          const before = chain.get(e.seq);
          if (before?.id !== e.id)
            return err(
              refusal('sync-chain', 409, `${e.seq}番目は別の内容です`, {
                lastSeq: head.seq,
                lastHash: head.hash,
                seq: e.seq,
              }),
            );
          answers.push({ id: e.id, seq: e.seq, duplicate: true, receipts: before.receipts });
          continue;
        }
        if (e.seq > h.seq + 1)
          return err(
            refusal('sync-gap', 409, '届いていません', {
              lastSeq: head.seq,
              lastHash: head.hash,
              seq: e.seq,
            }),
          );
        if (e.prevHash !== h.hash || e.seq === state.chainAt)
          return err(
            refusal(
              'sync-chain',
              409,
              `${e.seq}番目の送信データのつながりが合いません。管理者に連絡してください。`,
              {
                lastSeq: head.seq,
                lastHash: head.hash,
                seq: e.seq,
              },
            ),
          );
        const receipts = e.payload.map((a) => {
          const known = applications.get(a.id) ?? freshApps.get(a.id);
          if (known) return known;
          const r = {
            id: a.id,
            procedure: a.procedure,
            receiptNumber: `R261201-${String(applications.size + freshApps.size + 1).padStart(4, '0')}`,
            receivedAt: new Date().toISOString(),
          };
          freshApps.set(a.id, r);
          return r;
        });
        fresh.push([e.seq, { id: e.id, hash: e.hash, receipts }]);
        answers.push({ id: e.id, seq: e.seq, duplicate: false, receipts });
        h = { seq: e.seq, hash: e.hash };
      }
      for (const [seq, stored] of fresh) chain.set(seq, stored);
      chains.set(device, chain);
      for (const [id, r] of freshApps) applications.set(id, r);
      const ack = { deviceId: device, lastSeq: h.seq, lastHash: h.hash, envelopes: answers };
      // lose-ack: the back office stored it, but the answer never reached the tablet.
      if (state.mode === 'lose-ack') return err({ kind: 'unreachable' });
      if (state.mode === 'proxy') return ok({ status: 'ok', served: 'by a proxy' });
      if (state.mode === 'partial') {
        const first = answers[0] as SyncEnvelopeReceipt;
        return ok({
          ...ack,
          lastSeq: first.seq,
          envelopes: [first, ...answers.slice(1).map((a) => ({ ...a, receipts: [] }))],
        });
      }
      return ok(ack);
    },
  };
  /** The back office restored from a backup: it forgets this device's chain. */
  const forget = (device: string) => {
    for (const e of chains.get(device)?.values() ?? []) for (const r of e.receipts) applications.delete(r.id);
    chains.delete(device);
  };
  return { client, state, applications, chains, headOf, forget };
}

/**
 * The real AES-GCM sealer, noting the id of every envelope it opens: what a sync pass decrypts.
 * Failed opens (an unreadable record) are not noted.
 */
function countingSealer(sealer: Sealer): { sealer: Sealer; opened: string[] } {
  const opened: string[] = [];
  return {
    opened,
    sealer: {
      seal: (value) => sealer.seal(value),
      async open<T>(blob: SealedBlob): Promise<T> {
        const value = await sealer.open<T>(blob);
        opened.push((value as { readonly id: string }).id);
        return value;
      },
    },
  };
}

type TestDB = Awaited<ReturnType<typeof openKakanaiDB>>;

/** Makes a stored record look as schema v3 wrote it: without the byte count of its envelope. */
async function withoutBytes(db: TestDB, id: string): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const row = await tx.store.get(id);
  assert(row, `record ${id}`);
  const { bytes, ...v3 } = row;
  assert(bytes !== undefined, 'the record had its byte count');
  await tx.store.put(v3);
  await tx.done;
}

/** Flips a bit of a record's ciphertext: AES-GCM then refuses to open it (its tag fails). */
async function corrupt(db: TestDB, id: string): Promise<void> {
  const tx = db.transaction('outbox', 'readwrite');
  const row = await tx.store.get(id);
  assert(row?.sealed, `sealed record ${id}`);
  const data = new Uint8Array(row.sealed.data.slice(0));
  data[0] = (data[0] as number) ^ 1;
  row.sealed = { iv: row.sealed.iv, data: data.buffer };
  await tx.store.put(row);
  await tx.done;
}

async function setup() {
  const db = await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`);
  const device = { id: DEVICE_A };
  const { sealer, opened } = countingSealer(await createSealer(db));
  const outbox = new Outbox(db, sealer, { deviceId: async () => device.id });
  const server = backOffice();
  let authRequired = 0;
  let stillPending = 0;
  const deviceRejected: string[] = [];
  const chainStopped: string[] = [];
  let chainClear = 0;
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
    onChainStopped: (message) => chainStopped.push(message),
    onChainClear: () => {
      chainClear += 1;
    },
  });
  /** Enqueues n visits of one application each (or the given sizes); answers them in order. */
  const visits = async (...sizes: number[]): Promise<ApplicationEnvelope[][]> => {
    const out: ApplicationEnvelope[][] = [];
    for (const size of sizes) {
      const visitId = crypto.randomUUID();
      const apps = Array.from({ length: size }, () => tennyuEnvelope({ visitId }));
      const r = await outbox.enqueueVisit(apps);
      assert(r.ok, 'enqueued');
      out.push(apps);
    }
    return out;
  };
  const stateOf = async (seq: number, deviceId = device.id) => (await outbox.entryAt(deviceId, seq))?.state;
  /** The envelope id under these numbers of the device's chain. */
  const idsOf = async (...seqs: number[]) =>
    Promise.all(seqs.map(async (seq) => (await outbox.entryAt(device.id, seq))?.id as string));
  return {
    db,
    device,
    outbox,
    server,
    engine,
    visits,
    stateOf,
    idsOf,
    opened,
    deviceRejected,
    chainStopped,
    chainClear: () => chainClear,
    authRequired: () => authRequired,
    stillPending: () => stillPending,
  };
}

describe('SyncEngine', () => {
  it('sends when the tablet becomes visible again, and asks for a background sync while something waits', async () => {
    const { server, engine, visits, outbox, stillPending } = await setup();
    server.state.mode = 'down';
    await visits(1);
    engine.start();
    await new Promise((r) => setTimeout(r, 50));
    assert(stillPending() >= 1, 'a failed attempt asks for a background sync');
    server.state.mode = 'up';
    const before = server.state.calls;
    document.dispatchEvent(new Event('visibilitychange')); // the page is visible in the test browser
    for (let i = 0; i < 100 && server.applications.size === 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    engine.stop();
    equal(server.applications.size, 1, 'delivered on visibility');
    assert(server.state.calls > before, 'the visibility change triggered a send');
    equal((await outbox.pending()).length, 0);
  });

  it('keeps visits made offline and delivers each application exactly once, in one batch, when the network returns', async () => {
    const { outbox, server, engine, visits, stateOf } = await setup();
    server.state.mode = 'down';
    const [a, b] = await visits(2, 1);
    const offline = await engine.syncNow();
    equal(offline.stoppedBy, 'unreachable', 'stopped by the network');
    equal(offline.pending, 3, 'three applications wait');
    const waiting = await outbox.pending();
    equal(waiting.length, 2, 'two visits wait');
    assert(waiting[0]?.lastError?.includes('接続できません'), 'Japanese reason kept');

    server.state.mode = 'up';
    const report = await engine.syncNow();
    equal(report.delivered, 3, 'three applications delivered');
    equal(report.pending, 0);
    equal(server.state.batches.at(-1), [1, 2], 'one batch, in seq order');
    equal(server.applications.size, 3, 'server stored three');
    const visitA = await outbox.findByApplication(a?.[0]?.id as string);
    equal(
      visitA?.applications.map((x) => x.receiptNumber),
      a?.map((x) => server.applications.get(x.id)?.receiptNumber),
      'a 受付番号 per application',
    );
    equal(await stateOf(2), 'delivered');
    equal((await outbox.findByApplication(b?.[0]?.id as string))?.seq, 2, 'visit b is seq 2');
    equal((await engine.syncNow()).delivered, 0, 'nothing left to send');
    equal(server.applications.size, 3, 'still three');
  });

  it('splits a long queue into batches of at most 50 consecutive envelopes', async () => {
    const { server, engine, visits } = await setup();
    await visits(...Array.from({ length: 55 }, () => 1));
    const report = await engine.syncNow();
    equal(report.delivered, 55);
    equal(
      server.state.batches.map((b) => [b[0], b.length]),
      [
        [1, 50],
        [51, 5],
      ],
      'two batches',
    );
  });

  it('decrypts only the batch it sends: offline, one batch of a long queue is opened, not all of it', async () => {
    const { server, engine, visits, idsOf, opened } = await setup();
    await visits(...Array.from({ length: 120 }, () => 1));
    const seqs = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    server.state.mode = 'down';
    const offline = await engine.syncNow();
    equal(offline.stoppedBy, 'unreachable', 'stopped by the network');
    equal(server.state.batches, [seqs(1, 50)], 'one POST of the first 50');
    equal(opened.splice(0), await idsOf(...seqs(1, 50)), 'only those 50 were decrypted, once each');

    server.state.mode = 'up';
    const report = await engine.syncNow();
    equal(report.delivered, 120, 'all delivered');
    equal(
      server.state.batches.slice(1).map((b) => [b[0], b.length]),
      [
        [1, 50],
        [51, 50],
        [101, 20],
      ],
      'three batches',
    );
    equal(opened.splice(0), await idsOf(...seqs(1, 120)), 'each envelope decrypted once, in seq order');
  });

  it('sizes a record stored without its byte count (before schema v4) by opening it, and sends it once', async () => {
    const { db, outbox, server, engine, idsOf, opened } = await setup();
    // About 3 MB each: two fit in a request (8 MB), three do not.
    const large = () =>
      outbox.enqueueVisit([
        tennyuEnvelope({
          signature: drawnSignature({ png: `data:image/png;base64,${'A'.repeat(3 * 1024 * 1024)}` }),
        }),
      ]);
    for (let i = 0; i < 3; i++) assert((await large()).ok, 'a large visit stored');
    await outbox.enqueueVisit([tennyuEnvelope()]);
    const ids = await idsOf(1, 2, 3, 4);
    for (const id of ids.slice(0, 3)) await withoutBytes(db, id);
    const report = await engine.syncNow();
    equal(report.delivered, 4, 'all delivered');
    equal(
      server.state.batches,
      [
        [1, 2],
        [3, 4],
      ],
      'cut by size as before: 1 and 2, then 3 and 4',
    );
    equal(opened, ids, 'each decrypted once (the third to measure it, then sent as it was)');
  });

  it('after a lost answer, the resend is a replay: the first receipts, nothing stored twice', async () => {
    const { outbox, server, engine, visits, stateOf } = await setup();
    const [a] = await visits(1);
    server.state.mode = 'lose-ack';
    await engine.syncNow();
    equal(server.applications.size, 1, 'the server has it');
    equal(await stateOf(1), 'pending', 'the tablet does not know yet');
    server.state.mode = 'up';
    await engine.syncNow();
    equal(server.applications.size, 1, 'still one');
    const entry = await outbox.findByApplication(a?.[0]?.id as string);
    equal(
      entry?.applications[0]?.receiptNumber,
      server.applications.get(a?.[0]?.id as string)?.receiptNumber,
      'same receipt',
    );
  });

  it('marks delivered only the envelopes the answer covers', async () => {
    const { outbox, server, engine, visits, stateOf } = await setup();
    await visits(1, 1, 1);
    server.state.mode = 'partial';
    const report = await engine.syncNow();
    equal(report.delivered, 1, 'one covered');
    equal(report.stoppedBy, 'server-error');
    equal(
      [await stateOf(1), await stateOf(2), await stateOf(3)],
      ['delivered', 'pending', 'pending'],
      'states',
    );
    const second = await outbox.entryAt(DEVICE_A, 2);
    equal(second?.attempts, 1, 'an attempt recorded');
    assert(second?.lastError?.includes('受付結果がありません'), 'and why');
    server.state.mode = 'up';
    const rest = await engine.syncNow();
    equal(rest.delivered, 2, 'the rest, as replays');
    equal(server.state.batches.at(-1), [2, 3], 'only what was not covered is resent');
  });

  it('marks nothing on a 200 from a proxy (a foreign body)', async () => {
    const { server, engine, visits, stateOf, outbox } = await setup();
    await visits(1, 1);
    server.state.mode = 'proxy';
    const report = await engine.syncNow();
    equal(report.delivered, 0);
    equal(report.stoppedBy, 'unreachable', 'as good as no answer');
    equal([await stateOf(1), await stateOf(2)], ['pending', 'pending']);
    equal((await outbox.pendingEnvelopes()).length, 2, 'the data stays');
  });

  it('on a gap that names an envelope the tablet still holds, resends at once from there', async () => {
    const { server, engine, visits, stateOf } = await setup();
    await visits(1, 1, 1);
    server.state.mode = 'lose-ack';
    await engine.syncNow(); // the back office has 1..3; the tablet does not know
    server.state.mode = 'up';
    server.state.gapOnce = 1; // a stale answer: "I stand at 1, send from 2"
    const report = await engine.syncNow();
    equal(report.stoppedBy, undefined, 'no stop');
    equal(report.delivered, 3, 'all three answered');
    equal(
      server.state.batches.slice(1),
      [
        [1, 2, 3],
        [1, 2, 3],
      ],
      'resent once, the first ones as replays',
    );
    equal([await stateOf(1), await stateOf(2), await stateOf(3)], ['delivered', 'delivered', 'delivered']);
    equal(server.applications.size, 3, 'nothing stored twice');
  });

  it('on a gap the tablet cannot fill (the back office lost envelopes it has delivered), stops for an administrator', async () => {
    const { server, engine, visits, stateOf, chainStopped } = await setup();
    await visits(1, 1);
    await engine.syncNow();
    await visits(1);
    server.forget(DEVICE_A); // restored from a backup: the back office stands at 0
    const calls = server.state.calls;
    const report = await engine.syncNow();
    equal(report.stoppedBy, 'chain', 'stopped by the chain');
    equal(server.state.calls, calls + 1, 'one request, no loop');
    assert(
      report.message?.includes('1番') && report.message.includes('管理者'),
      'says which and whom to call',
    );
    equal(chainStopped.length, 1, 'the banner is told');
    equal(await stateOf(3), 'pending', 'the new one waits, its data kept');
  });

  it('on a chain refusal marks the named envelope rejected, keeps its data, and stops', async () => {
    const { outbox, server, engine, visits, stateOf, chainStopped, chainClear } = await setup();
    await visits(1, 1, 1);
    server.state.chainAt = 2;
    const report = await engine.syncNow();
    equal(report.stoppedBy, 'chain');
    equal(
      [await stateOf(1), await stateOf(2), await stateOf(3)],
      ['pending', 'rejected', 'pending'],
      'only 2 refused',
    );
    const refused = await outbox.entryAt(DEVICE_A, 2);
    assert(refused && (await outbox.envelope(refused.id)), 'its data stays sealed');
    assert(refused?.lastError?.includes('つながりが合いません'), "the back office's message");
    equal(chainStopped, [report.message as string], 'the banner is told');
    equal(server.applications.size, 0, 'nothing of the batch stored');
    // Fixed by an administrator: staff send it again and the chain goes on.
    server.state.chainAt = undefined;
    assert((await outbox.requeue(refused?.id as string)).ok, 'requeued');
    equal((await engine.syncNow()).delivered, 3, 'all delivered');
    assert(chainClear() >= 1, 'the banner goes');
  });

  it('finds the one bad envelope of a refused batch by sending one by one, and the gap stops the rest', async () => {
    const { outbox, server, engine, visits, stateOf, idsOf, opened } = await setup();
    await visits(1, 1, 1);
    const [, second] = await outbox.pendingEnvelopes();
    server.state.bad.add(second?.id as string);
    opened.splice(0);
    const report = await engine.syncNow();
    equal(server.state.batches, [[1, 2, 3], [1], [2], [3]], 'split after the refusal');
    equal(opened, await idsOf(1, 2, 3), 'each decrypted once, though sent twice');
    equal(
      [await stateOf(1), await stateOf(2), await stateOf(3)],
      ['delivered', 'rejected', 'pending'],
      'states',
    );
    equal(report.stoppedBy, 'chain', 'the rest cannot be stored after the refused one');
    assert(report.message?.includes('2番') && report.message.includes('要確認'), 'says which to look at');
    equal(report.delivered, 1);
  });

  it('leaves out an envelope the tablet cannot open: sends up to it, then the gap stops for an administrator', async () => {
    const { db, outbox, server, engine, visits, stateOf, idsOf, opened, chainStopped } = await setup();
    await visits(1, 1, 1, 1, 1);
    const ids = await idsOf(1, 2, 3, 4, 5);
    await corrupt(db, ids[2] as string);
    const report = await engine.syncNow();
    equal(
      server.state.batches,
      [
        [1, 2],
        [4, 5],
      ],
      'up to the unreadable one, then the rest',
    );
    equal(report.delivered, 2, 'the first two delivered');
    equal(report.stoppedBy, 'chain', 'the back office lacks 3: people must look');
    assert(report.message?.includes('3番') && report.message.includes('開けない'), 'says which and why');
    equal(chainStopped, [report.message as string], 'the banner is told');
    equal(
      await Promise.all([1, 2, 3, 4, 5].map((seq) => stateOf(seq))),
      ['delivered', 'delivered', 'pending', 'pending', 'pending'],
      'states',
    );
    const unreadable = await outbox.entryAt(DEVICE_A, 3);
    assert(unreadable?.lastError?.includes('開けませんでした'), 'its row says it cannot be opened');
    equal(unreadable?.attempts, 0, 'never sent');
    equal(
      (await outbox.entryAt(DEVICE_A, 4))?.lastError,
      report.message,
      'the ones after it say why they wait',
    );
    equal(opened, [ids[0], ids[1], ids[3], ids[4]], 'the others decrypted once each');
  });

  it('re-wraps and goes on under the new device id when the tablet is enrolled again during a pass', async () => {
    const { server, engine, visits, device, stateOf } = await setup();
    await visits(1, 2);
    server.state.reenrollOnce = () => {
      device.id = DEVICE_B;
    };
    const report = await engine.syncNow();
    equal(report.stoppedBy, undefined, 'no stop');
    equal(report.delivered, 3, 'delivered under the new id');
    equal(
      server.state.batches,
      [
        [1, 2],
        [1, 2],
      ],
      "refused under A, then B's fresh chain",
    );
    equal(server.headOf(DEVICE_A).seq, 0, 'nothing under A');
    equal(server.headOf(DEVICE_B).seq, 2, 'the back office has B at 2');
    equal([await stateOf(1), await stateOf(2)], ['delivered', 'delivered'], "B's envelopes delivered");
    equal(server.applications.size, 3, 'each application once');
  });

  it('wipes the personal data after the ack: only receipt stubs stay', async () => {
    const { db, server, engine, visits } = await setup();
    await visits(2, 1);
    await engine.syncNow();
    const rows = await db.getAll('outbox');
    equal(rows.length, 2, 'two stubs');
    for (const row of rows) {
      equal(row.state, 'delivered');
      assert(!('sealed' in row), 'no sealed data');
      equal(row.receipts?.length, row.applicationIds.length, 'a receipt per application');
    }
    const raw = JSON.stringify(rows);
    assert(!raw.includes(RESIDENT.name) && !raw.includes(RESIDENT.address), 'nothing personal');
    equal(server.applications.size, 3);
  });

  it('stops on a revoked tablet, keeps everything, and after re-enrollment re-chains and delivers once', async () => {
    const { outbox, server, engine, visits, device, deviceRejected, stateOf } = await setup();
    await visits(1);
    await engine.syncNow(); // seq 1 of A delivered
    await visits(2, 1);
    server.state.revoked.add(DEVICE_A);
    const stopped = await engine.syncNow();
    equal(stopped.stoppedBy, 'device', 'stopped by the device refusal');
    equal(deviceRejected, ['端末の登録は取り消されています'], 'the message goes to the screen');
    equal(
      [await stateOf(2), await stateOf(3)],
      ['pending', 'pending'],
      'not rejected: the applications are fine',
    );
    equal((await outbox.pendingEnvelopes()).length, 2, 'data kept');

    device.id = DEVICE_B; // enrolled again: a new device id, a fresh chain
    const rechained = await outbox.rechainPending(DEVICE_B);
    equal(rechained.ok && rechained.value, 2, 're-wrapped');
    const report = await engine.syncNow();
    equal(report.delivered, 3, 'delivered after re-enrollment');
    equal(server.state.batches.at(-1), [1, 2], "the new device's chain from 1");
    equal(server.headOf(DEVICE_B).seq, 2, 'the back office has B at 2');
    equal(server.applications.size, 4, 'each application once');
    equal(await stateOf(1, DEVICE_A), 'delivered', "A's delivered stub stays");
  });

  it('re-chains by itself when a drain finds envelopes of an earlier device id', async () => {
    const { server, engine, visits, device } = await setup();
    server.state.mode = 'down';
    await visits(1);
    device.id = DEVICE_B;
    server.state.mode = 'up';
    equal((await engine.syncNow()).delivered, 1, 'delivered under B');
    equal(server.headOf(DEVICE_B).seq, 1);
    equal(server.headOf(DEVICE_A).seq, 0, 'nothing under A');
  });

  it('runs one drain at a time even when asked twice at once', async () => {
    const { server, engine, visits } = await setup();
    await visits(1);
    await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    equal(server.state.calls, 1, 'one POST');
  });

  it('stops and asks for sign-in when the session expired', async () => {
    const { outbox, server, engine, visits, authRequired } = await setup();
    await visits(1);
    server.state.mode = 'expired';
    const report = await engine.syncNow();
    equal(report.stoppedBy, 'unauthenticated', 'stopped');
    equal(authRequired(), 1, 'sign-in requested');
    equal((await outbox.pending()).length, 1, 'still pending');
  });
});
