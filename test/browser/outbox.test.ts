// The outbox in real Chromium IndexedDB: sealed at rest, idempotent, wiped after delivery.
import { openKakanaiDB } from '../../pwa/storage/db.ts';
import { Outbox } from '../../pwa/storage/outbox.ts';
import { createSealer } from '../../pwa/storage/sealer.ts';
import { RESIDENT, tennyuEnvelope } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

async function freshOutbox() {
  const db = await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`);
  return { db, outbox: new Outbox(db, await createSealer(db)) };
}

function rawContains(value: unknown, needle: string): boolean {
  return JSON.stringify(value, (_k, v) =>
    v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v,
  ).includes(needle);
}

describe('Outbox (IndexedDB)', () => {
  it('stores the envelope sealed: no personal data in the raw record, and it opens again', async () => {
    const { db, outbox } = await freshOutbox();
    const e = tennyuEnvelope();
    await outbox.enqueue(e);
    const raw = await db.get('outbox', e.id);
    assert(raw?.sealed, 'record is sealed');
    assert(!rawContains(raw, RESIDENT.name), 'name is not stored in clear');
    assert(!rawContains(raw, RESIDENT.address), 'address is not stored in clear');
    equal(await outbox.envelope(e.id), e, 'decrypted envelope');
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

  it('enqueues the same envelope id once', async () => {
    const { outbox } = await freshOutbox();
    const e = tennyuEnvelope();
    await outbox.enqueue(e);
    await outbox.enqueue(e);
    equal((await outbox.pending()).length, 1, 'pending count');
  });

  it('keeps only the receipt after delivery and wipes the sealed data', async () => {
    const { db, outbox } = await freshOutbox();
    const e = tennyuEnvelope();
    await outbox.enqueue(e);
    await outbox.markDelivered(e.id, 'R261201-0001', new Date().toISOString());
    const raw = await db.get('outbox', e.id);
    equal(raw?.state, 'delivered', 'state');
    equal(raw?.receiptNumber, 'R261201-0001', 'receipt');
    assert(raw && !('sealed' in raw), 'sealed data is gone');
    equal(await outbox.envelope(e.id), undefined, 'nothing to decrypt');
    equal((await outbox.pending()).length, 0, 'no longer pending');
  });

  it('survives a reopen of the database (a reload of the app)', async () => {
    const name = `kakanai-test-${crypto.randomUUID()}`;
    const db1 = await openKakanaiDB(name);
    const e = tennyuEnvelope();
    await new Outbox(db1, await createSealer(db1)).enqueue(e);
    db1.close();
    const db2 = await openKakanaiDB(name);
    const outbox2 = new Outbox(db2, await createSealer(db2));
    equal((await outbox2.envelope(e.id))?.fields.name, RESIDENT.name, 'reopened and decrypted');
  });
});

describe('Outbox: refused applications', () => {
  it('keeps a refused application sealed and lets staff send it again', async () => {
    const { outbox } = await freshOutbox();
    const e = tennyuEnvelope();
    await outbox.enqueue(e);
    await outbox.markRejected(e.id, '内容が異なります');
    equal((await outbox.pending()).length, 0, 'not pending while refused');
    await outbox.requeue(e.id);
    equal(
      (await outbox.pending()).map((p) => p.id),
      [e.id],
      'pending again',
    );
    equal((await outbox.envelope(e.id))?.id, e.id, 'data still there');
  });
});
