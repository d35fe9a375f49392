// Receiving applications over POST /api/sync, one visit per envelope as the tablets send them:
// exactly-once receipt (a resend answers the first 受付番号), an id reused for other content,
// and refusals that store nothing — bad JSON, another media type, an application that fails its
// procedure's checks. PGlite and PostgreSQL. The chain rules themselves are api-sync.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import type { SyncEnvelope } from '../shared/sync/envelope.ts';
import { IDEMPOTENCY_KEY_HEADER, type SyncAck } from '../shared/sync/protocol.ts';
import { listAudit } from './store/audit.ts';
import { toInt } from './store/sql.ts';
import { RESIDENT, signed, TINY_PNG, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('receiving applications over POST /api/sync on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  beforeAll(async () => {
    token = await office.signIn();
  });
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const lastAudit = async () => (await listAudit(office.sql)).at(-1);
  const count = async (sql: string, params: unknown[] = []) =>
    toInt((await office.sql.query<{ n: unknown }>(sql, params)).rows[0]?.n);
  /** Everything a refusal must leave alone: the applications, the envelopes, the chain head. */
  const stored = async () => ({
    applications: await office.countApplications(),
    envelopes: await count('SELECT count(*) AS n FROM sync_envelopes'),
    batches: await count('SELECT count(*) AS n FROM sync_batches'),
    head: await count('SELECT last_seq AS n FROM devices WHERE id = $1', [office.device.id]),
  });
  /** Any body text, signed by the harness tablet as sent, with a valid Idempotency-Key. */
  const raw = async (text: string, contentType = 'application/json', envelopes: SyncEnvelope[] = []) =>
    office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        authorization: `Bearer ${token}`,
        ...(await office.device.syncHeaders(text, envelopes, office.clock.now())),
      },
      body: text,
    });
  /** One visit as the next envelope of the harness tablet's chain, moved on only by a 200. */
  const sendOne = async (application: ApplicationEnvelope) => {
    const envelope = await office.device.envelope([application]);
    const r = await office.sync([envelope], token);
    if (r.status === 200) office.device.advance(envelope);
    return { r, envelope };
  };

  it('stores a valid application once and answers 200 with its 受付番号', async () => {
    const application = await validEnvelope();
    const { r, envelope } = await sendOne(application);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const ack = (await r.json()) as SyncAck;
    expect(ack).toEqual({
      deviceId: office.device.id,
      lastSeq: envelope.seq,
      lastHash: envelope.hash,
      envelopes: [
        {
          id: envelope.id,
          seq: envelope.seq,
          duplicate: false,
          receipts: [
            {
              id: application.id,
              procedure: 'tennyu',
              receiptNumber: expect.stringMatching(/^R261201-\d{2}-\d{4}$/),
              receivedAt: expect.stringMatching(/^2026-12-01T/),
            },
          ],
        },
      ],
    });
    const receipt = ack.envelopes[0]?.receipts[0];
    const { rows } = await office.sql.query<Record<string, unknown>>(
      'SELECT * FROM applications WHERE id = $1',
      [application.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      receipt_number: receipt?.receiptNumber,
      procedure: 'tennyu',
      visit_id: application.visitId,
      lang: 'ja',
      fields: { ...RESIDENT },
      card: application.card,
      omitted_attachments: [],
      signature: {
        scope: 'visit',
        method: 'drawn',
        width: application.signature.width,
        height: application.signature.height,
        strokes: application.signature.strokes,
        signedAt: application.signature.signedAt,
        contentSha256: application.signature.contentSha256,
      },
      signature_png: TINY_PNG,
      created_at_text: application.createdAt,
      status: 'received',
      transcribed_at: null,
      transcribed_by: null,
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      device_id: office.device.id,
      sync_envelope_id: envelope.id,
    });
    const row = rows[0] as { created_at: Date; received_at: Date };
    expect(row.created_at.toISOString()).toBe(application.createdAt);
    expect(row.received_at.toISOString()).toBe(receipt?.receivedAt);
    // One entry for the batch, naming the device, the envelopes and the 受付番号 — no content.
    const entry = await lastAudit();
    expect([entry?.actor, entry?.action, entry?.target, entry?.detail]).toEqual([
      'staff:demo',
      'sync.received',
      office.device.id,
      {
        source: 'network',
        firstSeq: envelope.seq,
        lastSeq: envelope.seq,
        envelopes: 1,
        applications: 1,
        receiptNumbers: [receipt?.receiptNumber],
      },
    ]);
    expect(JSON.stringify(entry)).not.toContain(RESIDENT.name);
  });

  it('answers a resend with 200, duplicate and the same receipts, and still stores one row', async () => {
    const application = await validEnvelope();
    const { r, envelope } = await sendOne(application);
    const first = (await r.json()) as SyncAck;
    const before = await stored();

    // The same request again (the answer was lost): the same Idempotency-Key and body.
    const again = await office.sync([envelope], token);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({
      ...first,
      envelopes: first.envelopes.map((e) => ({ ...e, duplicate: true })),
    });

    // The same envelope with its keys in another order, under another key: the same content, so
    // the same envelope for the chain (its hash is over the canonical JSON).
    const reorder = (value: object) => Object.fromEntries(Object.entries(value).reverse());
    const text = JSON.stringify(
      office.device.batch([
        { ...reorder(envelope), payload: [reorder(application)] } as unknown as SyncEnvelope,
      ]),
    );
    const reordered = await office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(await office.device.headers('POST', API.sync, text, office.clock.now())),
        [IDEMPOTENCY_KEY_HEADER]: 'a'.repeat(64),
      },
      body: text,
    });
    expect(reordered.status).toBe(200);
    const replay = (await reordered.json()) as SyncAck;
    expect(replay.envelopes).toEqual([{ ...first.envelopes[0], duplicate: true }]);

    // The application wrapped again in a later envelope of the chain keeps its first receipt.
    const { r: rewrapped } = await sendOne(application);
    expect(rewrapped.status).toBe(200);
    const ack = (await rewrapped.json()) as SyncAck;
    expect(ack.envelopes[0]?.receipts).toEqual(first.envelopes[0]?.receipts);
    expect(await office.countApplications(application.id)).toBe(1);
    expect((await stored()).applications).toBe(before.applications);
    expect((await lastAudit())?.detail).toMatchObject({ applications: 0, receiptNumbers: [] });
  });

  it('stores exactly one row when the same envelope arrives many times at once', async () => {
    const application = await validEnvelope();
    const envelope = await office.device.envelope([application]);
    const before = await office.countApplications();
    const answers = await Promise.all(Array.from({ length: 6 }, () => office.sync([envelope], token)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    office.device.advance(envelope);
    const acks = (await Promise.all(answers.map((r) => r.json()))) as SyncAck[];
    expect(acks.map((a) => a.envelopes[0]?.duplicate).filter((d) => d === false)).toHaveLength(1);
    expect(new Set(acks.map((a) => a.envelopes[0]?.receipts[0]?.receiptNumber)).size).toBe(1);
    expect(await office.countApplications(application.id)).toBe(1);
    expect(await office.countApplications()).toBe(before + 1);
  });

  it('gives different applications consecutive 受付番号 with no gaps, even after concurrent resends', async () => {
    const applications = await Promise.all([validEnvelope(), validEnvelope(), validEnvelope()]);
    const envelopes = await office.device.chain(applications.map((a) => [a]));
    const [one] = envelopes;
    if (!one) throw new Error('an envelope expected');
    const answers = await Promise.all([
      office.sync(envelopes, token),
      office.sync([one], token),
      office.sync(envelopes, token),
      office.sync([one], token),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    office.device.advance(envelopes[2] as SyncEnvelope);
    const { rows } = await office.sql.query<{ receipt_number: string }>(
      'SELECT receipt_number FROM applications ORDER BY receipt_number',
    );
    const sequence = rows.map((r) => Number(r.receipt_number.slice(-4)));
    expect(sequence).toEqual(sequence.map((_, i) => i + 1));
    for (const a of applications) expect(await office.countApplications(a.id)).toBe(1);
  });

  it('refuses the same id with different content as 409, keeps the first and moves no chain', async () => {
    const application = await validEnvelope();
    expect((await sendOne(application)).r.status).toBe(200);
    // Signed over its own content: a genuine second application that reused the id.
    const changed = await signed({
      ...application,
      fields: { ...application.fields, address: '東京都架空区見本町九丁目９番９号' },
    });
    const before = await stored();
    const { r, envelope } = await sendOne(changed);
    expect(r.status).toBe(409);
    expect(await errorOf(r)).toEqual({
      kind: 'conflict',
      message: expect.stringContaining('同じ申請IDで内容の異なる申請'),
    });
    expect(await stored()).toEqual(before);
    const { rows } = await office.sql.query<{ fields: { address: string } }>(
      'SELECT fields FROM applications WHERE id = $1',
      [application.id],
    );
    expect(rows.map((row) => row.fields.address)).toEqual([RESIDENT.address]);
    expect(await lastAudit()).toMatchObject({
      actor: 'staff:demo',
      action: 'sync.refused',
      target: office.device.id,
      detail: { source: 'network', reason: 'id-conflict' },
    });
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE id = $1', [envelope.id])).toBe(0);
  });

  it('refuses an Idempotency-Key reused for another body with 422, audited, storing nothing', async () => {
    const { envelope } = await sendOne(await validEnvelope());
    const [next] = await office.device.chain([[await validEnvelope()]]);
    if (!next) throw new Error('an envelope expected');
    const before = await stored();
    // The key of the batch just answered, over a body with one more envelope.
    const text = JSON.stringify(office.device.batch([envelope, next]));
    const r = await office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(await office.device.syncHeaders(text, [envelope], office.clock.now())),
      },
      body: text,
    });
    expect(r.status).toBe(422);
    expect((await errorOf(r)).kind).toBe('idempotency-conflict');
    expect(await stored()).toEqual(before);
    expect(await lastAudit()).toMatchObject({
      actor: 'staff:demo',
      action: 'sync.refused',
      target: office.device.id,
      detail: { source: 'network', reason: 'idempotency-conflict' },
    });
  });

  it('refuses a batch that names another device, without a sequence number in the message', async () => {
    const envelope = await office.device.envelope([await validEnvelope()]);
    const text = JSON.stringify({
      ...office.device.batch([envelope]),
      deviceId: 'dev_00000000000000000000000000',
    });
    const before = await stored();
    const r = await raw(text, 'application/json', [envelope]);
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toEqual({
      kind: 'bad-request',
      message: expect.stringMatching(/^この送信データは別の端末のものです。/),
    });
    expect(await stored()).toEqual(before);
    expect((await lastAudit())?.detail).toMatchObject({ reason: 'sync-device-mismatch', seq: 0 });
  });

  it('refuses malformed JSON with 400, audits it and stores nothing', async () => {
    const before = await stored();
    const r = await raw(`{"schema":1,"deviceId":"${office.device.id}","envelopes":[`);
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toEqual({ kind: 'bad-request', message: expect.stringContaining('JSON') });
    expect(await stored()).toEqual(before);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.refused',
      target: office.device.id,
      detail: { source: 'network', reason: 'bad-json' },
    });
  });

  it('refuses an application that fails validation with 400 and the problems per field, storing nothing', async () => {
    const application = await validEnvelope({
      fields: { ...RESIDENT, nameKana: 'しけん はなこ', postalCode: '12-34' },
    });
    const before = await stored();
    const { r } = await sendOne(application);
    expect(r.status).toBe(400);
    const error = await errorOf(r);
    expect(error.kind).toBe('bad-request');
    expect(error.message).toMatch(/^1件目の送信データ：1件目の申請：/);
    expect(error.problems?.map((p) => p.key)).toEqual(['nameKana', 'postalCode']);
    expect(error.problems?.[0]?.message).toBe(
      'フリガナは全角カタカナで入力してください（例：ヤマダ　タロウ）。',
    );
    expect(await office.countApplications(application.id)).toBe(0);
    expect(await stored()).toEqual(before);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.refused',
      target: office.device.id,
      detail: { source: 'network', reason: 'invalid-sync-envelope', index: 0, error: 'bad-application' },
    });
    // The chain did not move: the next valid visit takes the number the refused one would have had.
    const next = await sendOne(await validEnvelope());
    expect(next.r.status).toBe(200);
    expect(next.envelope.seq).toBe(before.head + 1);
  });

  it('refuses a bad application frame (unknown procedure, bad id) with a message and stores nothing', async () => {
    const before = await stored();
    const unknown = (await sendOne(await validEnvelope({ procedure: 'kon-in' }))).r;
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toMatch(/^1件目の送信データ：1件目の申請：.*手続「kon-in」/);
    const badId = (await sendOne({ ...(await validEnvelope()), id: 'not-a-uuid' })).r;
    expect(badId.status).toBe(400);
    expect((await errorOf(badId)).message).toMatch(/^1件目の送信データ：1件目の申請：.*「id」/);
    expect(await stored()).toEqual(before);
  });

  it('refuses text PostgreSQL cannot store (a lone surrogate) as 400, not 500', async () => {
    const application = await validEnvelope({ fields: { ...RESIDENT, address: '東京都\ud800' } });
    const before = await stored();
    const { r } = await sendOne(application);
    expect(r.status).toBe(400);
    expect(await office.countApplications(application.id)).toBe(0);
    expect(await stored()).toEqual(before);
  });

  it('refuses a body that is not application/json with 415 and stores nothing', async () => {
    const application = await validEnvelope();
    const envelope = await office.device.envelope([application]);
    const text = JSON.stringify(office.device.batch([envelope]));
    const before = await stored();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=shift_jis',
    ]) {
      const r = await raw(text, type, [envelope]);
      expect([type, r.status]).toEqual([type, 415]);
      expect((await errorOf(r)).kind).toBe('unsupported-media-type');
    }
    expect(await office.countApplications(application.id)).toBe(0);
    expect(await stored()).toEqual(before);
    // The same bytes as application/json are taken: the media type is what refused them.
    expect((await raw(text, 'application/json; charset=utf-8', [envelope])).status).toBe(200);
    office.device.advance(envelope);
  });

  it('never answers a validation error with a log line that carries the content', async () => {
    await sendOne(await validEnvelope({ fields: { ...RESIDENT, sex: '7' } }));
    expect(office.logs.join('\n')).not.toContain(RESIDENT.name);
    expect(office.logs.at(-1)).toMatch(/^POST \/api\/sync 400 \d+ms$/);
  });

  it('no longer has the per-application route: POST /api/applications is an unknown route', async () => {
    const before = await stored();
    const r = await office.post(API.applications, await validEnvelope(), token);
    expect(r.status).toBe(404);
    expect((await errorOf(r)).kind).toBe('not-found');
    expect(await stored()).toEqual(before);
  });
});
