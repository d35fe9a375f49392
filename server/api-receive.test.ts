// POST /api/applications: exactly-once receipt, refusals that store nothing. PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody, type Receipt } from '../shared/api.ts';
import { listAudit } from './store/audit.ts';
import { RESIDENT, signed, TINY_PNG, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('receiving applications on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  beforeAll(async () => {
    token = await office.signIn();
  });
  const send = (body: unknown, contentType?: string) =>
    office.post(API.applications, body, token, contentType);
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;

  it('stores a valid envelope once and answers 201 with a 受付番号', async () => {
    const envelope = await validEnvelope();
    const r = await send(envelope);
    expect(r.status).toBe(201);
    const receipt = (await r.json()) as Receipt;
    expect(receipt).toEqual({
      id: envelope.id,
      receiptNumber: expect.stringMatching(/^R261201-\d{4}$/),
      receivedAt: expect.stringMatching(/^2026-12-01T/),
      duplicate: false,
    });
    const { rows } = await office.sql.query<Record<string, unknown>>(
      'SELECT * FROM applications WHERE id = $1',
      [envelope.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      receipt_number: receipt.receiptNumber,
      procedure: 'tennyu',
      visit_id: envelope.visitId,
      lang: 'ja',
      fields: { ...RESIDENT },
      card: envelope.card,
      omitted_attachments: [],
      signature: {
        scope: 'visit',
        method: 'drawn',
        width: envelope.signature.width,
        height: envelope.signature.height,
        strokes: envelope.signature.strokes,
        signedAt: envelope.signature.signedAt,
        contentSha256: envelope.signature.contentSha256,
      },
      signature_png: TINY_PNG,
      created_at_text: envelope.createdAt,
      status: 'received',
      transcribed_at: null,
      transcribed_by: null,
      content_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const row = rows[0] as { created_at: Date; received_at: Date };
    expect(row.created_at.toISOString()).toBe(envelope.createdAt);
    expect(row.received_at.toISOString()).toBe(receipt.receivedAt);
    expect(
      (await listAudit(office.sql, { target: envelope.id })).map((e) => [e.actor, e.action, e.detail]),
    ).toEqual([
      ['staff:demo', 'application.received', { receiptNumber: receipt.receiptNumber, procedure: 'tennyu' }],
    ]);
  });

  it('answers a resend with 200 and the same receipt, and still stores one row', async () => {
    const envelope = await validEnvelope();
    const first = (await (await send(envelope)).json()) as Receipt;
    // Same content with keys in another order: the same envelope for the tablet's retry logic.
    const reordered = Object.fromEntries(Object.entries(envelope).reverse());
    const again = await send(reordered);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ...first, duplicate: true });
    expect(await office.countApplications(envelope.id)).toBe(1);
  });

  it('stores exactly one row when the same envelope arrives many times at once', async () => {
    const envelope = await validEnvelope();
    const before = await office.countApplications();
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(envelope)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 201]);
    const receipts = (await Promise.all(answers.map((r) => r.json()))) as Receipt[];
    expect(new Set(receipts.map((r) => r.receiptNumber)).size).toBe(1);
    expect(await office.countApplications(envelope.id)).toBe(1);
    expect(await office.countApplications()).toBe(before + 1);
  });

  it('gives different envelopes consecutive 受付番号 with no gaps, even after concurrent resends', async () => {
    const envelopes = await Promise.all([validEnvelope(), validEnvelope(), validEnvelope()]);
    await Promise.all(envelopes.flatMap((e) => [send(e), send(e)]));
    const { rows } = await office.sql.query<{ receipt_number: string }>(
      'SELECT receipt_number FROM applications ORDER BY receipt_number',
    );
    const sequence = rows.map((r) => Number(r.receipt_number.slice(-4)));
    expect(sequence).toEqual(sequence.map((_, i) => i + 1));
  });

  it('refuses the same id with different content as 409 and keeps the first', async () => {
    const envelope = await validEnvelope();
    await send(envelope);
    // Signed over its own content: a genuine second application that reused the id.
    const changed = await signed({
      ...envelope,
      fields: { ...envelope.fields, address: '東京都架空区見本町九丁目９番９号' },
    });
    const r = await send(changed);
    expect(r.status).toBe(409);
    expect((await errorOf(r)).kind).toBe('conflict');
    const { rows } = await office.sql.query<{ fields: { address: string } }>(
      'SELECT fields FROM applications WHERE id = $1',
      [envelope.id],
    );
    expect(rows.map((row) => row.fields.address)).toEqual([RESIDENT.address]);
  });

  it('refuses malformed JSON with 400 and stores nothing', async () => {
    const before = await office.countApplications();
    const r = await send('{"version":1,"id":');
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toEqual({ kind: 'bad-request', message: expect.stringContaining('JSON') });
    expect(await office.countApplications()).toBe(before);
  });

  it('refuses an envelope that fails validation with 400 and the problems per field, storing nothing', async () => {
    const envelope = await validEnvelope({
      fields: { ...RESIDENT, nameKana: 'しけん はなこ', postalCode: '12-34' },
    });
    const r = await send(envelope);
    expect(r.status).toBe(400);
    const error = await errorOf(r);
    expect(error.kind).toBe('bad-request');
    expect(error.problems?.map((p) => p.key)).toEqual(['nameKana', 'postalCode']);
    expect(error.problems?.[0]?.message).toBe(
      'フリガナは全角カタカナで入力してください（例：ヤマダ　タロウ）。',
    );
    expect(await office.countApplications(envelope.id)).toBe(0);
  });

  it('refuses a bad envelope frame (unknown procedure, bad id) with a message and stores nothing', async () => {
    const before = await office.countApplications();
    const unknown = await send(await validEnvelope({ procedure: 'kon-in' }));
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain('手続「kon-in」');
    const badId = await send({ ...(await validEnvelope()), id: 'not-a-uuid' });
    expect((await errorOf(badId)).message).toContain('「id」');
    expect(await office.countApplications()).toBe(before);
  });

  it('refuses text PostgreSQL cannot store (a lone surrogate) as 400, not 500', async () => {
    const envelope = await validEnvelope({ fields: { ...RESIDENT, address: '東京都\ud800' } });
    const r = await send(envelope);
    expect(r.status).toBe(400);
    expect(await office.countApplications(envelope.id)).toBe(0);
  });

  it('refuses a body that is not application/json with 415 and stores nothing', async () => {
    const envelope = await validEnvelope();
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=shift_jis',
    ]) {
      const r = await send(envelope, type);
      expect(r.status).toBe(415);
      expect((await errorOf(r)).kind).toBe('unsupported-media-type');
    }
    expect(await office.countApplications(envelope.id)).toBe(0);
  });

  it('never answers a validation error with a log line that carries the content', async () => {
    await send(await validEnvelope({ fields: { ...RESIDENT, sex: '7' } }));
    expect(office.logs.join('\n')).not.toContain(RESIDENT.name);
    expect(office.logs.at(-1)).toMatch(/^POST \/api\/applications 400 \d+ms$/);
  });
});
