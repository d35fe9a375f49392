// The upgrades in real Chromium IndexedDB. v2 → v3: a version 2 database with the old outbox shape
// (one sealed application per record) is opened by the new code. Nothing is lost: pending
// applications are re-wrapped, visit by visit, into chained sync envelopes once the tablet is
// enrolled; delivered stubs and refused applications stay readable. v3 → v4: the unread index
// byCreatedAt goes; envelopes stored without their size stay pending and are sent as they are.
import { type IDBPDatabase, openDB } from 'idb';
import type { ApiClient } from '../../pwa/api/client.ts';
import { DB_VERSION, type OutboxRecord, type OutboxRecordV2, openKakanaiDB } from '../../pwa/storage/db.ts';
import { Outbox } from '../../pwa/storage/outbox.ts';
import { createSealer } from '../../pwa/storage/sealer.ts';
import { SyncEngine } from '../../pwa/sync/sync-engine.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { err, ok } from '../../shared/result.ts';
import {
  GENESIS_HASH,
  SYNC_SCHEMA,
  type SyncEnvelope,
  sealSyncEnvelope,
  syncEnvelopeHashMatches,
} from '../../shared/sync/envelope.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import { RESIDENT, tennyuEnvelope } from '../fixtures/applications.ts';
import { acceptedAck } from './acks.ts';
import { assert, equal } from './assert.ts';

const DEVICE = 'dev_01jd0000000000000000000000';
/** The outbox indexes of the current schema (v4). */
const OUTBOX_INDEXES = ['byApplication', 'bySeq', 'byState'];

/** The shipped upgrade blocks 1 and 2, as versions 1 and 2 of the app ran them. */
function shippedV1V2(db: IDBPDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('byState', 'state');
    outbox.createIndex('byCreatedAt', 'createdAt');
    db.createObjectStore('settings');
    db.createObjectStore('keys');
  }
  if (oldVersion < 2) db.createObjectStore('device');
}

/** A database exactly as version 2 of the app made it (the shipped upgrade blocks 1 and 2). */
async function openV2(name: string) {
  return openDB(name, 2, { upgrade: shippedV1V2 });
}

/** A fresh database exactly as version 3 of the app made it (blocks 1–3; block 3 had nothing to move). */
async function openV3(name: string) {
  return openDB(name, 3, {
    upgrade(db, oldVersion) {
      shippedV1V2(db, oldVersion);
      db.deleteObjectStore('outbox');
      const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
      outbox.createIndex('bySeq', ['deviceId', 'seq'], { unique: true });
      outbox.createIndex('byState', 'state');
      outbox.createIndex('byCreatedAt', 'createdAt');
      outbox.createIndex('byApplication', 'applicationIds', { multiEntry: true });
      const legacy = db.createObjectStore('outboxV2', { keyPath: 'id' });
      legacy.createIndex('byState', 'state');
      db.createObjectStore('chain', { keyPath: 'deviceId' });
    },
  });
}

function outboxIndexes(db: Awaited<ReturnType<typeof openKakanaiDB>>): string[] {
  return Array.from(db.transaction('outbox').store.indexNames).sort();
}

/** A back office that stores what arrives and answers with a 受付番号 per application. */
function acceptingBackOffice(received: SyncEnvelope[]): ApiClient {
  const unused = async () => err({ kind: 'unreachable' } as const);
  return {
    signIn: unused,
    enroll: unused,
    importKey: unused,
    async sync(envelopes) {
      received.push(...envelopes);
      return ok(acceptedAck(envelopes, '2026-12-01T01:00:00.000Z'));
    },
  };
}

describe('IndexedDB upgrade v2 → v3 (sync envelopes)', () => {
  it('re-wraps pending v2 applications by visit into a chain, keeps delivered stubs and refused ones', async () => {
    const name = `kakanai-test-${crypto.randomUUID()}`;
    const v2 = await openV2(name);
    // The v2 app's sealer: the same key store and AES-GCM key the new code reads.
    const sealer = await createSealer(v2 as unknown as Awaited<ReturnType<typeof openKakanaiDB>>);
    const visitX = crypto.randomUUID();
    const visitY = crypto.randomUUID();
    const x1 = tennyuEnvelope({ visitId: visitX, createdAt: '2026-12-01T00:30:00.000Z' });
    const x2 = tennyuEnvelope({ visitId: visitX, createdAt: '2026-12-01T00:30:00.000Z' });
    const y1 = tennyuEnvelope({ visitId: visitY, createdAt: '2026-12-01T00:40:00.000Z' });
    const refused = tennyuEnvelope({ createdAt: '2026-12-01T00:20:00.000Z' });
    const pendingV2 = async (e: ApplicationEnvelope): Promise<OutboxRecordV2> => ({
      id: e.id,
      procedure: e.procedure,
      createdAt: e.createdAt,
      state: 'pending',
      sealed: await sealer.seal(e),
      attempts: 2,
      lastError: 'サーバーに接続できません。',
    });
    for (const e of [y1, x2, x1]) await v2.put('outbox', await pendingV2(e));
    await v2.put('outbox', {
      ...(await pendingV2(refused)),
      state: 'rejected',
      lastError: '内容が異なります',
    });
    const stub: OutboxRecordV2 = {
      id: crypto.randomUUID(),
      procedure: 'tennyu',
      createdAt: '2026-11-30T00:30:00.000Z',
      state: 'delivered',
      attempts: 1,
      receiptNumber: 'R261130-0001',
      deliveredAt: '2026-11-30T00:31:00.000Z',
    };
    await v2.put('outbox', stub);
    await v2.put('settings', 'kept', 'some-setting');
    v2.close();

    const db = await openKakanaiDB(name);
    equal(db.version, DB_VERSION, 'upgraded');
    equal(outboxIndexes(db), OUTBOX_INDEXES, 'block 3 made byCreatedAt, block 4 removed it');
    equal((await db.getAll('outbox')).length, 0, 'the v3 outbox starts empty');
    equal((await db.getAll('outboxV2')).length, 5, 'every v2 record kept, unchanged');
    equal(await db.get('settings', 'some-setting'), 'kept', 'settings kept');
    const device = { id: undefined as string | undefined };
    const outbox = new Outbox(db, await createSealer(db), { deviceId: async () => device.id });

    // Before enrollment nothing can be chained; the applications still count as waiting.
    equal(await outbox.init(), { ok: true, value: 0 }, 'nothing to chain under');
    equal((await outbox.counts()).pendingApplications, 3, 'three applications wait');

    device.id = DEVICE;
    equal(await outbox.init(), { ok: true, value: 2 }, 'two visits re-wrapped');
    const envelopes = await outbox.pendingEnvelopes();
    equal(
      envelopes.map((e) => e.seq),
      [1, 2],
      'seqs',
    );
    equal(envelopes[0]?.prevHash, GENESIS_HASH, 'genesis');
    equal(envelopes[1]?.prevHash, envelopes[0]?.hash, 'chained');
    for (const e of envelopes) assert(await syncEnvelopeHashMatches(e), 'hash');
    equal(
      envelopes.map((e) => e.payload.map((a) => a.visitId)),
      [[visitX, visitX], [visitY]],
      'one envelope per visit, the older visit first',
    );
    equal(
      envelopes[0]?.payload.map((a) => a.id).sort(),
      [x1.id, x2.id].sort(),
      'both applications of visit X',
    );
    equal(envelopes[1]?.payload[0], y1, 'the signed application unchanged');
    equal(
      (await db.getAllFromIndex('outboxV2', 'byState', 'pending')).length,
      0,
      'no v2 record left pending',
    );
    equal((await outbox.counts()).pendingApplications, 3, 'still three waiting, now in two envelopes');

    const all = await outbox.all();
    const legacyStub = all.find((e) => e.id === stub.id);
    equal(legacyStub?.kind, 'legacy', 'the delivered stub is listed');
    equal(legacyStub?.applications[0]?.receiptNumber, 'R261130-0001', 'with its 受付番号');
    equal((await outbox.findByApplication(x2.id))?.seq, 1, 'an application finds its visit');
    const rejected = all.find((e) => e.id === refused.id);
    equal(rejected?.state, 'rejected', 'the refused one waits for staff');

    // No plaintext anywhere, old or new.
    const dump = JSON.stringify(
      [await db.getAll('outbox'), await db.getAll('outboxV2'), await db.getAll('chain')],
      (_k, v) => (v instanceof ArrayBuffer || v instanceof Uint8Array ? new TextDecoder().decode(v) : v),
    );
    assert(!dump.includes(RESIDENT.name), 'no name in clear');
    assert(!dump.includes(RESIDENT.address), 'no address in clear');

    // Staff send the refused one again: it becomes the next envelope of the chain.
    const requeued = await outbox.requeue(refused.id);
    assert(requeued.ok, 'requeued');
    const after = await outbox.pendingEnvelopes();
    equal(
      after.map((e) => e.seq),
      [1, 2, 3],
      'appended',
    );
    equal(after[2]?.payload[0], refused, 'the refused application, unchanged');
    equal(await db.get('outboxV2', refused.id), undefined, 'moved out of the v2 store');
    equal(await outbox.init(), { ok: true, value: 0 }, 'the migration runs once');
    db.close();
  });
});

describe('IndexedDB upgrade v3 → v4 (batches cut without decrypting)', () => {
  it('drops the unread index and chain field; envelopes stored without their size stay pending and are sent', async () => {
    const name = `kakanai-test-${crypto.randomUUID()}`;
    const v3 = await openV3(name);
    equal(Array.from(v3.transaction('outbox').store.indexNames).includes('byCreatedAt'), true, 'v3 had it');
    const sealer = await createSealer(v3 as unknown as Awaited<ReturnType<typeof openKakanaiDB>>);
    const nextUlid = ulidFactory();
    // Three visits as the v3 app chained and stored them: no byte count in the records.
    const envelopes: SyncEnvelope[] = [];
    for (let seq = 1; seq <= 3; seq++) {
      const application = tennyuEnvelope();
      const envelope = await sealSyncEnvelope({
        schema: SYNC_SCHEMA,
        id: nextUlid(),
        deviceId: DEVICE,
        seq,
        createdAt: application.createdAt,
        procedures: [application.procedure],
        payload: [application],
        prevHash: envelopes[seq - 2]?.hash ?? GENESIS_HASH,
      });
      envelopes.push(envelope);
      const record: OutboxRecord = {
        id: envelope.id,
        deviceId: DEVICE,
        seq,
        procedures: envelope.procedures,
        applicationIds: [application.id],
        createdAt: application.createdAt,
        state: 'pending',
        sealed: await sealer.seal(envelope),
        attempts: 1,
        lastError: 'サーバーに接続できません。',
      };
      await v3.put('outbox', record);
    }
    const last = envelopes[2] as SyncEnvelope;
    await v3.put('chain', { deviceId: DEVICE, seq: 3, hash: last.hash, envelopeId: last.id });
    v3.close();

    const db = await openKakanaiDB(name);
    equal(db.version, 4, 'upgraded');
    equal(outboxIndexes(db), OUTBOX_INDEXES, 'byCreatedAt is gone');
    equal(
      await db.get('chain', DEVICE),
      { deviceId: DEVICE, seq: 3, hash: last.hash },
      'the head, without envelopeId',
    );
    const outbox = new Outbox(db, await createSealer(db), { deviceId: async () => DEVICE });
    equal((await outbox.counts()).pendingApplications, 3, 'all three still wait');
    equal(
      await outbox.pendingEnvelopeRefs(),
      envelopes.map((e) => ({ id: e.id, seq: e.seq })),
      'pending, in seq order, without a size',
    );

    // The chain goes on from the v3 head, and the new record has its size.
    await outbox.enqueueVisit([tennyuEnvelope()]);
    const [fourth] = await outbox.openEnvelopes((await outbox.pendingEnvelopeRefs()).slice(3));
    equal(fourth?.prevHash, last.hash, 'seq 4 is chained on the v3 head');
    assert(((await db.get('outbox', fourth?.id as string))?.bytes ?? 0) > 0, 'with its size');

    const received: SyncEnvelope[] = [];
    const engine = new SyncEngine({
      outbox,
      client: acceptingBackOffice(received),
      token: async () => 'token',
      retryEveryMs: 3_600_000,
    });
    const report = await engine.syncNow();
    equal(report.delivered, 4, 'all four delivered');
    equal(report.pending, 0, 'nothing left');
    equal(received.slice(0, 3), envelopes, 'the v3 envelopes sent exactly as sealed, in order');
    equal(
      (await outbox.get(envelopes[0]?.id as string))?.applications[0]?.receiptNumber,
      'R261201-0001',
      'with their 受付番号',
    );
    db.close();
  });

  it('gives a fresh database the same outbox indexes as an upgraded one', async () => {
    const db = await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`);
    equal(db.version, 4);
    equal(outboxIndexes(db), OUTBOX_INDEXES, 'blocks 1–4 in order');
    db.close();
  });
});
