// The signature record on receipt and in the detail: an envelope whose content is not what the
// resident signed is refused (audited, nothing stored); a typed name (記名) is a signature too;
// group fields come back as the rows that were signed. PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody, type ApplicationDetail, type Receipt } from '../shared/api.ts';
import { envelopeErrorMessage } from '../shared/application.ts';
import { listAudit } from './store/audit.ts';
import {
  householdOf,
  moverRow,
  RESIDENT,
  signed,
  tennyuEnvelope,
  typedSignature,
  validEnvelope,
} from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const MISMATCH = envelopeErrorMessage({ kind: 'signature-mismatch' });

describe.each(TEST_STORES)('signatures on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  beforeAll(async () => {
    token = await office.signIn();
  });
  const send = (body: unknown) => office.post(API.applications, body, token);
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const detailOf = async (id: string) =>
    (await (await office.get(API.application(id), token)).json()) as ApplicationDetail;

  it('refuses a signature made over other content with 400, stores nothing and audits the refusal', async () => {
    const before = await office.countApplications();
    // The record of another resident's envelope, moved onto this one.
    const other = await validEnvelope({ fields: { ...RESIDENT, phone: '0398765432' } });
    const envelope = { ...(await validEnvelope()), signature: other.signature };
    const r = await send(envelope);
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toEqual({ kind: 'bad-request', message: MISMATCH });
    expect(await office.countApplications()).toBe(before);
    const audit = await listAudit(office.sql, { target: envelope.id });
    expect(audit.map((e) => [e.actor, e.action, e.detail])).toEqual([
      ['staff:demo', 'application.refused', { reason: 'signature-mismatch' }],
    ]);
    expect(JSON.stringify(audit)).not.toContain(RESIDENT.name);
    expect(office.logs.join('\n')).not.toContain(RESIDENT.name);
  });

  it('refuses an envelope whose field was changed after signing', async () => {
    const envelope = await validEnvelope();
    for (const tampered of [
      { ...envelope, fields: { ...envelope.fields, address: '東京都架空区見本町九丁目９番９号' } },
      { ...envelope, lang: 'en' },
      { ...envelope, visitId: crypto.randomUUID() },
      { ...envelope, card: { ...envelope.card, checks: ['attributes-read', 'digests-ok'] } },
    ]) {
      const r = await send(tampered);
      expect(r.status).toBe(400);
      expect((await errorOf(r)).message).toBe(MISMATCH);
    }
    expect(await office.countApplications(envelope.id)).toBe(0);
    // The untouched envelope is still accepted: the refusals did not poison its id.
    expect((await send(envelope)).status).toBe(201);
  });

  it('refuses an envelope that was never bound to its content', async () => {
    const r = await send(tennyuEnvelope());
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toBe(MISMATCH);
  });

  it('accepts a typed name (記名) instead of strokes and returns it in the detail', async () => {
    const envelope = await signed(tennyuEnvelope({ signature: typedSignature(RESIDENT.name) }));
    const r = await send(envelope);
    expect(r.status).toBe(201);
    const detail = await detailOf(envelope.id);
    expect(detail.signature).toEqual({
      scope: 'visit',
      method: 'typed',
      typedName: RESIDENT.name,
      width: envelope.signature.width,
      height: envelope.signature.height,
      strokes: [],
      signedAt: envelope.signature.signedAt,
      contentSha256: envelope.signature.contentSha256,
    });
    expect(detail.signatureVerified).toBe(true);
  });

  it('stores the movers (a group field) and returns the rows intact, with the v2 parts of the envelope', async () => {
    const head = {
      name: RESIDENT.name,
      nameKana: RESIDENT.nameKana,
      birthDate: RESIDENT.birthDate,
      sex: '2',
    };
    const movers = [
      moverRow(head, 'head'),
      moverRow(
        { name: '試験　一郎', nameKana: 'シケン　イチロウ', birthDate: '2015-06-30', sex: '1' },
        'child',
      ),
      moverRow(
        { name: '試験　𠮷子', nameKana: 'シケン　ヨシコ', birthDate: '2019-05-01', sex: '2' },
        'child',
      ),
    ];
    const envelope = await validEnvelope({
      fields: { ...RESIDENT, ...householdOf(head), movers },
      omittedAttachments: ['tenshutsu-shomei'],
      lang: 'vi',
    });
    const receipt = (await (await send(envelope)).json()) as Receipt;
    expect(receipt.receiptNumber).toMatch(/^R261201-/);
    const detail = await detailOf(envelope.id);
    expect(detail.fields.movers).toEqual(movers);
    expect(detail.fields).toEqual(envelope.fields);
    expect(detail).toMatchObject({
      visitId: envelope.visitId,
      lang: 'vi',
      omittedAttachments: ['tenshutsu-shomei'],
      hasSignature: true,
      signatureVerified: true,
    });
    expect(detail.signature?.strokes).toEqual(envelope.signature.strokes);
    // The list is for picking one: no strokes, no fields.
    const list = await (await office.get(API.applications, token)).text();
    expect(list).not.toContain('strokes');
    expect(list).not.toContain('シケン　イチロウ');
  });

  it('recomputes the verification on each view: an edit in the database after receipt shows', async () => {
    const envelope = await validEnvelope();
    await send(envelope);
    expect((await detailOf(envelope.id)).signatureVerified).toBe(true);
    await office.sql.query(
      `UPDATE applications SET fields = fields || '{"phone":"0300000000"}'::jsonb WHERE id = $1`,
      [envelope.id],
    );
    const after = await detailOf(envelope.id);
    expect(after.fields.phone).toBe('0300000000');
    expect(after.signatureVerified).toBe(false);
  });

  it('verifies a createdAt sent without milliseconds, as it was signed', async () => {
    const envelope = await validEnvelope({ createdAt: '2026-12-01T00:30:00Z' });
    expect((await send(envelope)).status).toBe(201);
    const detail = await detailOf(envelope.id);
    expect(detail.createdAt).toBe('2026-12-01T00:30:00.000Z');
    expect(detail.signatureVerified).toBe(true);
  });
});
