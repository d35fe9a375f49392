// POST /api/sync: the exactly-once rules of the sync protocol (shared/sync/protocol.ts) on PGlite
// and PostgreSQL — replays answer the first receipts, a gap says where the chain stands, a broken
// chain, a tampered envelope, a fork, another device's envelope and a reused key are refused and
// audited, and a refused batch stores none of its envelopes.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import { type SyncEnvelope, sealSyncEnvelope } from '../shared/sync/envelope.ts';
import { IDEMPOTENCY_KEY_HEADER, type SyncAck } from '../shared/sync/protocol.ts';
import { listAudit } from './store/audit.ts';
import { toInt } from './store/sql.ts';
import { chainOf } from './store/sync.ts';
import { TestDevice } from './test-support/device.ts';
import { RESIDENT, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('the sync protocol on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  beforeAll(async () => {
    token = await office.signIn();
  });
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const count = async (sql: string, params: unknown[] = []) =>
    toInt((await office.sql.query<{ n: unknown }>(sql, params)).rows[0]?.n);
  const visits = (n: number) => Promise.all(Array.from({ length: n }, () => validEnvelope()));
  const lastAudit = async () => (await listAudit(office.sql)).at(-1);

  /** A fresh tablet, so each test starts its own chain at 1. */
  const tablet = async () =>
    (await TestDevice.create()).enrollDirectly(office.sql, '窓口', office.clock.now());

  it('stores a batch once, chains it, and answers every application with its 受付番号', async () => {
    const device = await tablet();
    const apps = await visits(3);
    const envelopes = await device.chain(apps.map((a) => [a]));
    const r = await office.sync(envelopes, token, device);
    expect(r.status).toBe(200);
    const ack = (await r.json()) as SyncAck;
    expect(ack).toMatchObject({ deviceId: device.id, lastSeq: 3, lastHash: envelopes[2]?.hash });
    expect(ack.envelopes.map((e) => [e.id, e.seq, e.duplicate])).toEqual(
      envelopes.map((e) => [e.id, e.seq, false]),
    );
    // The tablet's own 受付番号: R + Tokyo day + its number + its sequence of the day, from 1.
    const issuer = String(
      toInt(
        (await office.sql.query<{ n: unknown }>('SELECT number AS n FROM devices WHERE id = $1', [device.id]))
          .rows[0]?.n,
      ),
    ).padStart(2, '0');
    for (const [i, e] of ack.envelopes.entries()) {
      expect(e.receipts).toEqual([
        {
          id: apps[i]?.id,
          procedure: 'tennyu',
          receiptNumber: `R261201-${issuer}-000${i + 1}`,
          receivedAt: expect.stringMatching(/^2026-12-01T/),
        },
      ]);
    }
    expect(await chainOf(office.sql, device.id)).toEqual(
      envelopes.map((e) => ({ seq: e.seq, id: e.id, hash: e.hash, prevHash: e.prevHash })),
    );
    const { rows } = await office.sql.query<{ device_id: string; sync_envelope_id: string }>(
      'SELECT device_id, sync_envelope_id FROM applications WHERE id = $1',
      [apps[0]?.id],
    );
    expect(rows).toEqual([{ device_id: device.id, sync_envelope_id: envelopes[0]?.id }]);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.received',
      target: device.id,
      detail: { source: 'network', firstSeq: 1, lastSeq: 3, envelopes: 3, applications: 3 },
    });
  });

  it("numbers each tablet's receipts on its own, gapless through a refusal, from 0001 again on a new Tokyo day", async () => {
    const [a, b] = [await tablet(), await tablet()];
    const numberOf = async (d: TestDevice) =>
      String(
        toInt(
          (await office.sql.query<{ n: unknown }>('SELECT number AS n FROM devices WHERE id = $1', [d.id]))
            .rows[0]?.n,
        ),
      ).padStart(2, '0');
    const receipts = (ack: SyncAck) => ack.envelopes.flatMap((e) => e.receipts.map((r) => r.receiptNumber));
    const chainA = await a.chain((await visits(4)).map((v) => [v]));
    const chainB = await b.chain((await visits(2)).map((v) => [v]));
    const [na, nb] = [await numberOf(a), await numberOf(b)];
    expect(na).not.toBe(nb);
    // Both tablets at once: neither waits for the other's counter.
    const [ackA, ackB] = (await Promise.all([
      office.sync(chainA.slice(0, 2), token, a).then((r) => r.json()),
      office.sync(chainB, token, b).then((r) => r.json()),
    ])) as SyncAck[];
    expect(receipts(ackA as SyncAck)).toEqual([`R261201-${na}-0001`, `R261201-${na}-0002`]);
    expect(receipts(ackB as SyncAck)).toEqual([`R261201-${nb}-0001`, `R261201-${nb}-0002`]);
    // A refused batch (its last envelope tampered) takes no number.
    const tampered = [chainA[2], { ...chainA[3], hash: 'f'.repeat(64) }] as typeof chainA;
    expect((await office.sync(tampered, token, a)).status).toBe(409);
    const third = (await (await office.sync(chainA.slice(2, 3), token, a)).json()) as SyncAck;
    expect(receipts(third)).toEqual([`R261201-${na}-0003`]);
    // The Tokyo day turns at 15:00 UTC.
    office.clock.advance(Date.parse('2026-12-01T15:00:00.000Z') - office.clock.now().getTime());
    token = await office.signIn(); // the morning's session ended at 12:00 UTC
    const fourth = (await (await office.sync(chainA.slice(3), token, a)).json()) as SyncAck;
    expect(receipts(fourth)).toEqual([`R261202-${na}-0001`]);
  });

  it('answers a resend — the same batch, or the envelopes in another batch — with the first receipts', async () => {
    const device = await tablet();
    const envelopes = await device.chain((await visits(3)).map((a) => [a]));
    const first = (await (await office.sync(envelopes, token, device)).json()) as SyncAck;
    const stored = await count('SELECT count(*) AS n FROM applications');

    const again = await office.sync(envelopes, token, device); // same Idempotency-Key
    expect(again.status).toBe(200);
    const replay = (await again.json()) as SyncAck;
    expect(replay.envelopes.map((e) => e.duplicate)).toEqual([true, true, true]);
    expect(replay.envelopes.map((e) => e.receipts)).toEqual(first.envelopes.map((e) => e.receipts));

    const part = await office.sync(envelopes.slice(1, 2), token, device); // another key
    expect(part.status).toBe(200);
    const partAck = (await part.json()) as SyncAck;
    expect(partAck.lastSeq).toBe(3);
    expect(partAck.envelopes).toEqual([{ ...first.envelopes[1], duplicate: true }]);
    expect(await count('SELECT count(*) AS n FROM applications')).toBe(stored);
  });

  it('takes replays and new envelopes in one batch', async () => {
    const device = await tablet();
    const envelopes = await device.chain((await visits(4)).map((a) => [a]));
    await office.sync(envelopes.slice(0, 2), token, device);
    const ack = (await (await office.sync(envelopes, token, device)).json()) as SyncAck;
    expect(ack.lastSeq).toBe(4);
    expect(ack.envelopes.map((e) => e.duplicate)).toEqual([true, true, false, false]);
  });

  it('refuses a gap, says where the chain stands, and stores nothing', async () => {
    const device = await tablet();
    const envelopes = await device.chain((await visits(3)).map((a) => [a]));
    await office.sync(envelopes.slice(0, 1), token, device);
    const before = await count('SELECT count(*) AS n FROM applications');
    const r = await office.sync(envelopes.slice(2), token, device);
    expect(r.status).toBe(409);
    const error = await errorOf(r);
    expect(error).toMatchObject({
      kind: 'sync-gap',
      sync: { lastSeq: 1, lastHash: envelopes[0]?.hash, seq: 3 },
    });
    expect(error.message).toMatch(/2番目から送り直して/);
    expect(await count('SELECT count(*) AS n FROM applications')).toBe(before);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.refused',
      target: device.id,
      detail: { reason: 'sync-gap', lastSeq: 1, seq: 3 },
    });
    // Resending from lastSeq + 1 goes through.
    expect((await office.sync(envelopes.slice(1), token, device)).status).toBe(200);
  });

  it('refuses a broken chain, a tampered envelope and a fork, and audits each', async () => {
    const device = await tablet();
    const [one, two] = await device.chain((await visits(2)).map((a) => [a]));
    if (!one || !two) throw new Error('two envelopes expected');
    await office.sync([one], token, device);

    const unlinked = await sealSyncEnvelope({ ...two, prevHash: 'e'.repeat(64) });
    const broken = await office.sync([unlinked], token, device);
    expect(broken.status).toBe(409);
    expect(await errorOf(broken)).toMatchObject({ kind: 'sync-chain', sync: { lastSeq: 1, seq: 2 } });
    expect((await lastAudit())?.detail).toMatchObject({
      reason: 'sync-chain',
      chain: 'broken-chain',
      seq: 2,
    });

    const other = await validEnvelope();
    const tampered: SyncEnvelope = { ...two, payload: [other], procedures: ['tennyu'] }; // hash kept
    const t = await office.sync([tampered], token, device);
    expect(t.status).toBe(409);
    expect((await errorOf(t)).message).toMatch(/変更されています/);
    expect((await lastAudit())?.detail).toMatchObject({ chain: 'tampered', seq: 2 });

    const fork = await device.envelope([await validEnvelope()], { seq: 0, hash: one.prevHash });
    const f = await office.sync([fork], token, device);
    expect(f.status).toBe(409);
    expect((await errorOf(f)).message).toMatch(/別の内容がすでに受け付けられています/);
    expect((await lastAudit())?.detail).toMatchObject({ chain: 'fork', seq: 1 });

    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(1);
    expect((await office.sync([two], token, device)).status).toBe(200);
  });

  it('stores none of a batch whose last application does not match its signature', async () => {
    const device = await tablet();
    const good = await validEnvelope();
    const signedOne = await validEnvelope();
    const bad: ApplicationEnvelope = { ...signedOne, lang: signedOne.lang === 'en' ? 'ja' : 'en' };
    const envelopes = await device.chain([[good], [bad]]);
    const r = await office.sync(envelopes, token, device);
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toMatch(/2番目の送信データ.*署名が申請内容と一致しません/);
    expect(await office.countApplications(good.id)).toBe(0);
    expect(await count('SELECT last_seq AS n FROM devices WHERE id = $1', [device.id])).toBe(0);
    expect((await lastAudit())?.detail).toMatchObject({ reason: 'sync-signature-mismatch', seq: 2 });
  });

  it("refuses another device's envelopes and a batch whose body names another device", async () => {
    const mine = await tablet();
    const theirs = await tablet();
    const [e] = await theirs.chain([[await validEnvelope()]]);
    if (!e) throw new Error('an envelope expected');
    const r = await office.sync([e], token, mine);
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toMatch(/別の端末のもの/);
    expect(await office.countApplications(e.payload[0]?.id)).toBe(0);
  });

  it('refuses a missing Idempotency-Key and a key reused for another body', async () => {
    const device = await tablet();
    const [one, two] = await device.chain((await visits(2)).map((a) => [a]));
    if (!one || !two) throw new Error('two envelopes expected');
    const text = JSON.stringify(device.batch([one]));
    const headers = await device.syncHeaders(text, [one], office.clock.now());
    const { [IDEMPOTENCY_KEY_HEADER]: key, ...withoutKey } = headers;
    const post = (body: string, h: Record<string, string>) =>
      office.request(API.sync, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...h },
        body,
      });
    const missing = await post(text, withoutKey);
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).message).toMatch(/Idempotency-Key/);
    expect((await post(text, headers)).status).toBe(200);

    const otherText = JSON.stringify(device.batch([one, two]));
    const reused = await post(otherText, {
      ...(await device.headers('POST', API.sync, otherText, office.clock.now())),
      [IDEMPOTENCY_KEY_HEADER]: key as string,
    });
    expect(reused.status).toBe(422);
    expect((await errorOf(reused)).kind).toBe('idempotency-conflict');
  });

  it('stores an envelope once when the same batch arrives many times at once', async () => {
    const device = await tablet();
    const envelopes = await device.chain((await visits(5)).map((a) => [a]));
    const answers = await Promise.all(Array.from({ length: 6 }, () => office.sync(envelopes, token, device)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const acks = (await Promise.all(answers.map((r) => r.json()))) as SyncAck[];
    const numbers = new Set(
      acks.flatMap((a) => a.envelopes.flatMap((e) => e.receipts.map((x) => x.receiptNumber))),
    );
    expect(numbers.size).toBe(5);
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(5);
  });

  it('keeps the first receipt of an application a re-enrolled tablet wraps again, and refuses other content under its id', async () => {
    const before = await tablet();
    const app = await validEnvelope();
    const [first] = await before.chain([[app]]);
    if (!first) throw new Error('an envelope expected');
    const firstAck = (await (await office.sync([first], token, before)).json()) as SyncAck;

    const after = await tablet(); // the same tablet enrolled again: a new id, a new chain
    const [again] = await after.chain([[app]]);
    if (!again) throw new Error('an envelope expected');
    const ack = (await (await office.sync([again], token, after)).json()) as SyncAck;
    expect(ack.envelopes[0]?.receipts).toEqual(firstAck.envelopes[0]?.receipts);
    expect(await office.countApplications(app.id)).toBe(1);

    const changed = await validEnvelope({
      id: app.id,
      fields: { ...RESIDENT, address: '東京都架空区見本町一丁目１番１号' },
    });
    const c = await office.sync(
      [await after.envelope([changed], { seq: 1, hash: again.hash })],
      token,
      after,
    );
    expect(c.status).toBe(409);
    expect((await errorOf(c)).kind).toBe('conflict');
    expect(await count('SELECT last_seq AS n FROM devices WHERE id = $1', [after.id])).toBe(1);
  });

  it('audits a body it does not read: not JSON (415) or over the limit (413)', async () => {
    const device = await tablet();
    const text = 'schema=1';
    const r = await office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': 'text/plain',
        authorization: `Bearer ${token}`,
        ...(await device.syncHeaders(text, [], office.clock.now())),
      },
      body: text,
    });
    expect(r.status).toBe(415);
    expect(await lastAudit()).toMatchObject({
      action: 'request.refused',
      target: device.id,
      detail: { route: 'POST /api/sync', error: 'unsupported-media-type' },
    });
    const big = await office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'content-length': String(9 * 1024 * 1024),
        authorization: `Bearer ${token}`,
        ...(await device.syncHeaders('{}', [], office.clock.now())),
      },
      body: '{}',
    });
    expect(big.status).toBe(413);
    expect((await errorOf(big)).message).toContain('上限8MB');
    expect((await lastAudit())?.detail).toMatchObject({ error: 'too-large' });
  });

  it('refuses one application id with two contents in one batch, and stores nothing', async () => {
    const device = await tablet();
    const app = await validEnvelope();
    const other = await validEnvelope({ id: app.id, lang: 'en' });
    const r = await office.sync(await device.chain([[app], [other]]), token, device);
    expect(r.status).toBe(409);
    expect((await errorOf(r)).kind).toBe('conflict');
    expect(await office.countApplications(app.id)).toBe(0);
  });

  it('refuses a malformed batch with a Japanese message and stores nothing', async () => {
    const device = await tablet();
    const [e] = await device.chain([[await validEnvelope()]]);
    const cases: unknown[] = [
      { schema: 2, deviceId: device.id, envelopes: [e] },
      { schema: 1, deviceId: device.id, envelopes: [] },
      { schema: 1, deviceId: device.id, envelopes: [e], extra: 1 },
      { schema: 1, deviceId: device.id, envelopes: Array.from({ length: 51 }, () => e) },
      { schema: 1, deviceId: device.id, envelopes: [{ ...e, seq: 0 }] },
    ];
    for (const body of cases) {
      const text = JSON.stringify(body);
      const r = await office.request(API.sync, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          ...(await device.syncHeaders(text, e ? [e] : [], office.clock.now())),
        },
        body: text,
      });
      expect(r.status, text.slice(0, 80)).toBe(400);
      expect((await errorOf(r)).message).toMatch(/送り直してください|正しくありません/);
    }
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(0);
  });
});
