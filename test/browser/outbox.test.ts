// The outbox in real Chromium IndexedDB: one sealed, hash-chained sync envelope per visit, the
// chain kept consistent across tabs, idempotent, wiped after delivery, re-chained after a
// re-enrollment.
import { openKakanaiDB } from '../../pwa/storage/db.ts';
import { Outbox } from '../../pwa/storage/outbox.ts';
import { createSealer } from '../../pwa/storage/sealer.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { GENESIS_HASH, syncEnvelopeHashMatches } from '../../shared/sync/envelope.ts';
import { type SyncApplicationReceipt, syncEnvelopeBytes } from '../../shared/sync/protocol.ts';
import { drawnSignature, RESIDENT, tennyuEnvelope } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

const DEVICE_A = 'dev_01jd0000000000000000000000';
const DEVICE_B = 'dev_01jd0000000000000000000001';
/** A fictional My Number (check digit valid), carried in a field to prove it is sealed. */
const MY_NUMBER = '111111111118';

async function freshOutbox(deviceId: string | null = DEVICE_A, locks = true) {
  const name = `kakanai-test-${crypto.randomUUID()}`;
  const db = await openKakanaiDB(name);
  const device: { id: string | undefined } = { id: deviceId ?? undefined };
  const outbox = new Outbox(db, await createSealer(db), { deviceId: async () => device.id, locks });
  return { name, db, outbox, device };
}

/** The applications of one visit: the same visitId, one per procedure. */
function visit(n = 1, overrides: Partial<ApplicationEnvelope> = {}): ApplicationEnvelope[] {
  const visitId = crypto.randomUUID();
  return Array.from({ length: n }, () => tennyuEnvelope({ visitId, ...overrides }));
}

/** Every store of the database, ciphertext decoded as text, so a plaintext needle would show. */
async function rawDump(db: Awaited<ReturnType<typeof openKakanaiDB>>): Promise<string> {
  const stores = ['outbox', 'outboxV2', 'chain', 'settings'] as const;
  const all = await Promise.all(stores.map((s) => db.getAll(s)));
  return JSON.stringify(all, (_k, v) =>
    v instanceof ArrayBuffer || v instanceof Uint8Array ? new TextDecoder().decode(v) : v,
  );
}

function receiptsFor(applications: readonly ApplicationEnvelope[], first = 1): SyncApplicationReceipt[] {
  return applications.map((a, i) => ({
    id: a.id,
    procedure: a.procedure,
    receiptNumber: `R261201-${String(first + i).padStart(4, '0')}`,
    receivedAt: '2026-12-01T01:00:00.000Z',
  }));
}

async function expectOk<T, E>(p: Promise<{ ok: true; value: T } | { ok: false; error: E }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
}

describe('Outbox (IndexedDB)', () => {
  it('stores one sealed envelope per visit: no name, address or My Number in any store, and it opens again', async () => {
    const { db, outbox } = await freshOutbox();
    const apps = visit(2, { fields: { ...RESIDENT, myNumber: MY_NUMBER } });
    const entry = await expectOk(outbox.enqueueVisit(apps));
    equal(
      entry.applications.map((a) => a.id),
      apps.map((a) => a.id),
      'both applications in one entry',
    );
    const raw = await db.get('outbox', entry.id);
    assert(raw?.sealed, 'record is sealed');
    equal((await db.getAll('outbox')).length, 1, 'one record for the visit');
    const dump = await rawDump(db);
    assert(dump.includes(apps[0]?.id as string), 'the dump does show what is stored in clear (ids)');
    assert(!dump.includes(RESIDENT.name), 'name is not stored in clear');
    assert(!dump.includes(RESIDENT.address), 'address is not stored in clear');
    assert(!dump.includes(MY_NUMBER), 'My Number is not stored in clear');
    const [envelope] = await outbox.pendingEnvelopes();
    equal(envelope?.payload, apps, 'decrypted applications, unchanged and in order');
    equal(envelope?.procedures, ['tennyu', 'tennyu'], 'procedures in order');
    equal(envelope?.deviceId, DEVICE_A, 'this device');
  });

  it('keeps the AES key non-extractable', async () => {
    const { db } = await freshOutbox();
    await createSealer(db);
    const key = await db.get('keys', 'outbox-aes-gcm-v1');
    assert(key && key.extractable === false, 'key is not extractable');
    let exported = true;
    await crypto.subtle.exportKey('raw', key).catch(() => {
      exported = false;
    });
    assert(!exported, 'exportKey must fail');
  });

  it('chains the envelopes: seq 1, 2, 3, each prevHash the hash before, the head in the store', async () => {
    const { db, outbox } = await freshOutbox();
    for (let i = 0; i < 3; i++) await expectOk(outbox.enqueueVisit(visit()));
    const envelopes = await outbox.pendingEnvelopes();
    equal(
      envelopes.map((e) => e.seq),
      [1, 2, 3],
      'seqs',
    );
    equal(envelopes[0]?.prevHash, GENESIS_HASH, 'the first names the genesis hash');
    for (const [i, e] of envelopes.entries()) {
      assert(await syncEnvelopeHashMatches(e), `hash of ${e.seq}`);
      if (i > 0) equal(e.prevHash, envelopes[i - 1]?.hash, `prevHash of ${e.seq}`);
    }
    const head = await db.get('chain', DEVICE_A);
    equal(head, { deviceId: DEVICE_A, seq: 3, hash: envelopes[2]?.hash as string }, 'head');
  });

  it('lists the pending envelopes of a device from their records, with their size, and opens a run of them', async () => {
    const { db, outbox } = await freshOutbox();
    const visits = [visit(2), visit(), visit(), visit()];
    for (const apps of visits) await expectOk(outbox.enqueueVisit(apps));
    const envelopes = await outbox.pendingEnvelopes();
    const refs = await outbox.pendingEnvelopeRefs();
    equal(
      refs,
      envelopes.map((e) => ({ id: e.id, seq: e.seq, bytes: syncEnvelopeBytes(e) })),
      'id, number and size in bytes of each, in seq order',
    );
    equal((await db.get('outbox', envelopes[0]?.id as string))?.bytes, refs[0]?.bytes, 'the size is stored');
    equal(await outbox.openEnvelopes(refs.slice(1, 3)), envelopes.slice(1, 3), 'opens the ones asked for');

    await outbox.markDelivered(envelopes[2]?.id as string, receiptsFor(visits[2] as ApplicationEnvelope[]));
    equal(
      (await outbox.pendingEnvelopeRefs()).map((r) => r.seq),
      [1, 2, 4],
      'a delivered one is no longer listed',
    );
    equal(
      await outbox.openEnvelopes(refs),
      envelopes.slice(0, 2),
      'a run stops before one no longer pending',
    );
    equal(await outbox.pendingEnvelopeRefs(DEVICE_B), [], 'only the device asked for');
  });

  it('enqueues the same visit once, and refuses a visit that overlaps a stored one', async () => {
    const { outbox } = await freshOutbox();
    const apps = visit(2);
    const first = await expectOk(outbox.enqueueVisit(apps));
    const again = await expectOk(outbox.enqueueVisit(apps));
    equal(again.id, first.id, 'the same entry');
    const [both] = await Promise.all([outbox.enqueueVisit(apps), outbox.enqueueVisit(apps)]);
    equal(both.ok && both.value.id, first.id, 'concurrent repeats too');
    equal((await outbox.pending()).length, 1, 'one pending visit');
    equal((await outbox.counts()).pendingApplications, 2, 'two applications wait');
    const overlap = await outbox.enqueueVisit([
      apps[0] as ApplicationEnvelope,
      ...visit(1, { visitId: apps[0]?.visitId }),
    ]);
    equal(overlap.ok ? 'ok' : overlap.error.kind, 'conflict', 'overlap refused');
    equal((await outbox.pendingEnvelopes()).length, 1, 'still one envelope');
  });

  it('gives two tabs enqueueing at once distinct consecutive seqs (with Web Locks and without)', async () => {
    for (const locks of [true, false]) {
      const { db, outbox } = await freshOutbox(DEVICE_A, locks);
      const other = new Outbox(db, await createSealer(db), { deviceId: async () => DEVICE_A, locks });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? outbox : other).enqueueVisit(visit())),
      );
      assert(
        results.every((r) => r.ok),
        `all stored (locks: ${locks})`,
      );
      const envelopes = await outbox.pendingEnvelopes();
      equal(
        envelopes.map((e) => e.seq),
        [1, 2, 3, 4, 5, 6],
        `seqs (locks: ${locks})`,
      );
      for (const [i, e] of envelopes.entries())
        equal(
          e.prevHash,
          i === 0 ? GENESIS_HASH : envelopes[i - 1]?.hash,
          `chain at ${e.seq} (locks: ${locks})`,
        );
    }
  });

  it('refuses an envelope over the size limit before anything is stored', async () => {
    const { db, outbox } = await freshOutbox();
    await expectOk(outbox.enqueueVisit(visit()));
    const huge = visit(1, {
      signature: drawnSignature({ png: `data:image/png;base64,${'A'.repeat(4.5 * 1024 * 1024)}` }),
    });
    const r = await outbox.enqueueVisit(huge);
    assert(!r.ok, 'refused');
    equal(r.error.kind, 'too-large');
    assert(r.error.message.includes('大きすぎる'), 'a Japanese message');
    equal((await db.getAll('outbox')).length, 1, 'nothing more stored');
    equal((await db.get('chain', DEVICE_A))?.seq, 1, 'the head did not move');
  });

  it('turns a full disk (QuotaExceededError) into a typed error and writes nothing', async () => {
    const { db, outbox } = await freshOutbox();
    const add = IDBObjectStore.prototype.add;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof add>) {
      if (this.name === 'outbox')
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return add.apply(this, args);
    };
    let r: Awaited<ReturnType<Outbox['enqueueVisit']>>;
    try {
      r = await outbox.enqueueVisit(visit());
    } finally {
      IDBObjectStore.prototype.add = add;
    }
    assert(!r.ok, 'refused');
    equal(r.error.kind, 'quota');
    assert(r.error.message.includes('保存領域'), 'a Japanese message');
    equal((await db.getAll('outbox')).length, 0, 'no record');
    equal(await db.get('chain', DEVICE_A), undefined, 'no head');
    await expectOk(outbox.enqueueVisit(visit()));
    equal(
      (await outbox.pendingEnvelopes()).map((e) => e.seq),
      [1],
      'the next one is seq 1',
    );
  });

  it('refuses to store before the tablet is enrolled', async () => {
    const { outbox } = await freshOutbox(null);
    const r = await outbox.enqueueVisit(visit());
    equal(r.ok ? 'ok' : r.error.kind, 'not-enrolled');
  });

  it('keeps only the receipts after delivery and wipes the sealed data', async () => {
    const { db, outbox } = await freshOutbox();
    const apps = visit(2);
    const entry = await expectOk(outbox.enqueueVisit(apps));
    equal(
      await outbox.markDelivered(entry.id, receiptsFor(apps.slice(0, 1))),
      false,
      'receipts of another set',
    );
    assert((await db.get('outbox', entry.id))?.sealed, 'still sealed');
    equal(await outbox.markDelivered(entry.id, receiptsFor(apps)), true, 'delivered');
    const raw = await db.get('outbox', entry.id);
    equal(raw?.state, 'delivered', 'state');
    equal(
      raw?.receipts?.map((r) => r.receiptNumber),
      ['R261201-0001', 'R261201-0002'],
      'receipts',
    );
    assert(raw && !('sealed' in raw), 'sealed data is gone');
    equal(await outbox.envelope(entry.id), undefined, 'nothing to decrypt');
    equal((await outbox.pending()).length, 0, 'no longer pending');
    const shown = await outbox.get(entry.id);
    equal(
      shown?.applications.map((a) => a.receiptNumber),
      ['R261201-0001', 'R261201-0002'],
      'per application',
    );
  });

  it('survives a reopen of the database (a reload of the app)', async () => {
    const { name, db } = await freshOutbox();
    const apps = visit();
    await new Outbox(db, await createSealer(db), { deviceId: async () => DEVICE_A }).enqueueVisit(apps);
    db.close();
    const db2 = await openKakanaiDB(name);
    const outbox2 = new Outbox(db2, await createSealer(db2), { deviceId: async () => DEVICE_A });
    equal(
      (await outbox2.pendingEnvelopes())[0]?.payload[0]?.fields.name,
      RESIDENT.name,
      'reopened and decrypted',
    );
    await expectOk(outbox2.enqueueVisit(visit()));
    equal(
      (await outbox2.pendingEnvelopes()).map((e) => e.seq),
      [1, 2],
      'the chain goes on',
    );
  });
});

describe('Outbox: refused envelopes', () => {
  it('keeps a refused envelope sealed and lets staff send it again', async () => {
    const { outbox } = await freshOutbox();
    const entry = await expectOk(outbox.enqueueVisit(visit()));
    await outbox.markRejected(entry.id, '内容が異なります');
    equal((await outbox.pending()).length, 0, 'not pending while refused');
    await expectOk(outbox.requeue(entry.id));
    equal(
      (await outbox.pending()).map((p) => p.id),
      [entry.id],
      'pending again',
    );
    equal((await outbox.envelope(entry.id))?.seq, 1, 'data still there, same number');
  });
});

describe('Outbox: re-enrollment', () => {
  it('re-wraps what waits under the old device id into a fresh chain of the new one, in order', async () => {
    const { db, outbox, device } = await freshOutbox(DEVICE_A);
    const delivered = visit();
    const first = await expectOk(outbox.enqueueVisit(delivered));
    await outbox.markDelivered(first.id, receiptsFor(delivered));
    const refused = await expectOk(outbox.enqueueVisit(visit()));
    await outbox.markRejected(refused.id, '拒否されました');
    const waiting = [visit(2), visit(1)];
    for (const apps of waiting) await expectOk(outbox.enqueueVisit(apps));
    const before = await outbox.pendingEnvelopes(DEVICE_A);
    equal(
      before.map((e) => e.seq),
      [3, 4],
      'two wait under A',
    );

    device.id = DEVICE_B;
    equal(await expectOk(outbox.rechainPending(DEVICE_B)), 2, 'two re-wrapped');
    equal(await outbox.pendingEnvelopes(DEVICE_A), [], 'nothing left under A');
    const after = await outbox.pendingEnvelopes(DEVICE_B);
    equal(
      after.map((e) => e.seq),
      [1, 2],
      'a fresh chain under B',
    );
    equal(after[0]?.prevHash, GENESIS_HASH, 'from genesis');
    equal(after[1]?.prevHash, after[0]?.hash, 'chained');
    equal(
      after.map((e) => e.payload),
      before.map((e) => e.payload),
      'the signed applications unchanged, in order',
    );
    assert(
      after.every((e, i) => e.id !== before[i]?.id),
      'new envelope ids',
    );
    for (const e of after) assert(await syncEnvelopeHashMatches(e), 'sealed again');
    for (const e of before) equal(await db.get('outbox', e.id), undefined, 'the old wrapper is gone');
    equal((await outbox.get(first.id))?.state, 'delivered', 'the delivered stub of A stays');
    equal((await outbox.get(refused.id))?.state, 'rejected', 'the refused one waits for staff');
    equal(await expectOk(outbox.rechainPending(DEVICE_B)), 0, 'a second run changes nothing');

    await expectOk(outbox.requeue(refused.id));
    equal(
      (await outbox.pendingEnvelopes(DEVICE_B)).map((e) => e.seq),
      [1, 2, 3],
      'requeued onto B',
    );
    equal(await outbox.get(refused.id), undefined, 'as a new envelope');
  });
});
