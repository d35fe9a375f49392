// The signature record on receipt (POST /api/sync) and in the detail: an application whose content
// is not what the resident signed is refused (audited, nothing stored, the chain does not move);
// a typed name (記名) is a signature too; group fields come back as the rows that were signed.
// PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody, type ApplicationDetail } from '../shared/api.ts';
import { envelopeErrorMessage } from '../shared/application.ts';
import type { SyncAck } from '../shared/sync/protocol.ts';
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
  /** One visit as the next envelope of the harness tablet's chain (which moves only on a 200). */
  const send = (application: unknown) => office.submit(application, token);
  /** The refusal names the envelope: the one after the chain's head. */
  const mismatch = () => `${office.device.head.seq + 1}番目の送信データ：${MISMATCH}`;
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const detailOf = async (id: string) =>
    (await (await office.get(API.application(id), token)).json()) as ApplicationDetail;

  it('refuses a signature made over other content with 400, stores nothing and audits the refusal', async () => {
    const before = await office.countApplications();
    // The record of another resident's envelope, moved onto this one.
    const other = await validEnvelope({ fields: { ...RESIDENT, phone: '0398765432' } });
    const envelope = { ...(await validEnvelope()), signature: other.signature };
    const message = mismatch();
    const seq = office.device.head.seq + 1;
    const r = await send(envelope);
    expect(r.status).toBe(400);
    expect(await errorOf(r)).toEqual({ kind: 'bad-request', message });
    expect(await office.countApplications()).toBe(before);
    expect(office.device.head.seq).toBe(seq - 1);
    const audit = (await listAudit(office.sql)).at(-1);
    expect([audit?.actor, audit?.action, audit?.target, audit?.detail]).toEqual([
      'staff:demo',
      'sync.refused',
      office.device.id,
      { source: 'network', reason: 'sync-signature-mismatch', seq, application: envelope.id },
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
      const message = mismatch();
      const r = await send(tampered);
      expect(r.status).toBe(400);
      expect((await errorOf(r)).message).toBe(message);
    }
    expect(await office.countApplications(envelope.id)).toBe(0);
    // The untouched envelope is still accepted: the refusals did not poison its id.
    expect((await send(envelope)).status).toBe(200);
    expect(await office.countApplications(envelope.id)).toBe(1);
  });

  it('refuses an envelope that was never bound to its content', async () => {
    const message = mismatch();
    const r = await send(tennyuEnvelope());
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toBe(message);
  });

  it('accepts a typed name (記名) instead of strokes and returns it in the detail', async () => {
    const envelope = await signed(tennyuEnvelope({ signature: typedSignature(RESIDENT.name) }));
    const r = await send(envelope);
    expect(r.status).toBe(200);
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
    const ack = (await (await send(envelope)).json()) as SyncAck;
    expect(ack.envelopes[0]?.receipts[0]?.receiptNumber).toMatch(/^R261201-/);
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
    expect((await send(envelope)).status).toBe(200);
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
    expect((await send(envelope)).status).toBe(200);
    const detail = await detailOf(envelope.id);
    expect(detail.createdAt).toBe('2026-12-01T00:30:00.000Z');
    expect(detail.signatureVerified).toBe(true);
  });
});
