// The back-office side: list, open (audited view of personal data), mark transcribed (転記済み).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  type ApiErrorBody,
  type ApplicationDetail,
  type ApplicationListResponse,
} from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import type { SyncAck, SyncApplicationReceipt } from '../shared/sync/protocol.ts';
import { listAudit } from './store/audit.ts';
import { householdOf, RESIDENT, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('reviewing applications on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  const receipts: SyncApplicationReceipt[] = [];
  const envelopes: ApplicationEnvelope[] = [];
  /** Another resident who moves alone: the household fields follow the name. */
  const someone = (name: string, nameKana: string, sex: string) => {
    const person = { name, nameKana, birthDate: RESIDENT.birthDate, sex };
    return { fields: { ...RESIDENT, ...person, ...householdOf(person) } };
  };
  beforeAll(async () => {
    envelopes.push(
      await validEnvelope(),
      await validEnvelope(someone('見本 一郎', 'ミホン　イチロウ', '1')),
      await validEnvelope(someone('例題 さくら', 'レイダイ　サクラ', '2')),
    );
    token = await office.signIn();
    for (const e of envelopes) {
      office.clock.advance(60_000);
      const r = await office.submit(e, token);
      expect(r.status).toBe(200);
      const receipt = ((await r.json()) as SyncAck).envelopes[0]?.receipts[0];
      if (!receipt) throw new Error('a receipt expected');
      receipts.push(receipt);
    }
  });
  const list = async (query = '') => {
    const r = await office.get(`${API.applications}${query}`, token);
    expect(r.status).toBe(200);
    return ((await r.json()) as ApplicationListResponse).applications;
  };

  it('lists received applications newest first, with the 氏名 to pick the right one', async () => {
    const received = await list('?status=received');
    expect(received.map((a) => a.name)).toEqual(['例題 さくら', '見本 一郎', RESIDENT.name]);
    expect(received[2]).toEqual({
      id: envelopes[0]?.id,
      receiptNumber: receipts[0]?.receiptNumber,
      procedure: 'tennyu',
      procedureName: '転入届',
      name: RESIDENT.name,
      receivedAt: receipts[0]?.receivedAt,
      status: 'received',
      deviceName: 'テスト端末', // the harness tablet that delivered it
    });
    expect((await listAudit(office.sql)).at(-1)).toMatchObject({
      actor: 'staff:demo',
      action: 'application.listed',
      detail: { status: 'received', count: 3 },
    });
  });

  it('refuses an unknown status filter with 400', async () => {
    const r = await office.get(`${API.applications}?status=deleted`, token);
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: ApiErrorBody }).error.message).toContain('「status」');
  });

  it('opens an application and audits the view with the staff member', async () => {
    const id = envelopes[1]?.id ?? '';
    const r = await office.get(API.application(id), token);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const detail = (await r.json()) as ApplicationDetail;
    expect(detail).toMatchObject({
      id,
      receiptNumber: receipts[1]?.receiptNumber,
      name: '見本 一郎',
      createdAt: envelopes[1]?.createdAt,
      visitId: envelopes[1]?.visitId,
      lang: 'ja',
      fields: envelopes[1]?.fields,
      card: { source: 'mynumber-input-support-ap', unlockedWith: 'collation-b', checks: ['attributes-read'] },
      omittedAttachments: [],
      hasSignature: true,
      signature: { method: 'drawn', contentSha256: envelopes[1]?.signature.contentSha256 },
      signatureVerified: true,
      status: 'received',
      transcribedAt: null,
      transcribedBy: null,
    });
    const views = await listAudit(office.sql, { target: id });
    expect(views.map((e) => [e.actor, e.action])).toEqual([['staff:demo', 'application.viewed']]);
    expect(JSON.stringify(views)).not.toContain('見本'); // the audit names who and which id, not the content
    // Its receipt is in the log too: in the entry of the batch that brought it (target: the tablet).
    const received = (await listAudit(office.sql, { target: office.device.id })).filter((e) =>
      (e.detail.receiptNumbers as string[] | undefined)?.includes(receipts[1]?.receiptNumber ?? ''),
    );
    expect(received.map((e) => [e.actor, e.action])).toEqual([['staff:demo', 'sync.received']]);
    expect(JSON.stringify(received)).not.toContain('見本');
  });

  it('answers 404 for an unknown or malformed id, and audits nothing for it', async () => {
    for (const id of ['0b6f3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b', 'not-a-uuid', "1' OR '1'='1"]) {
      const r = await office.get(API.application(id), token);
      expect(r.status).toBe(404);
      expect(((await r.json()) as { error: ApiErrorBody }).error.kind).toBe('not-found');
      expect(await listAudit(office.sql, { target: id })).toEqual([]);
    }
  });

  it('marks transcribed once, by the staff member; a repeat keeps the first time and is a view', async () => {
    const id = envelopes[0]?.id ?? '';
    const first = await office.post(API.transcribed(id), undefined, token);
    expect(first.status).toBe(200);
    const detail = (await first.json()) as ApplicationDetail;
    expect(detail).toMatchObject({ id, status: 'transcribed', transcribedBy: '窓口 太郎（デモ）' });
    expect(detail.transcribedAt).toMatch(/^2026-12-01T/);

    office.clock.advance(60_000);
    const again = (await (
      await office.post(API.transcribed(id), undefined, token)
    ).json()) as ApplicationDetail;
    expect(again.transcribedAt).toBe(detail.transcribedAt);
    expect((await listAudit(office.sql, { target: id })).map((e) => e.action)).toEqual([
      'application.transcribed',
      'application.viewed',
    ]);

    expect((await list('?status=received')).map((a) => a.id)).not.toContain(id);
    expect((await list('?status=transcribed')).map((a) => a.id)).toEqual([id]);
    expect(await list()).toHaveLength(3);
  });

  it('answers 404 when marking an unknown application', async () => {
    const r = await office.post(API.transcribed('0b6f3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'), undefined, token);
    expect(r.status).toBe(404);
  });

  it('answers an unknown /api route with a JSON 404', async () => {
    for (const [method, path] of [
      ['GET', '/api/nothing-here'],
      ['PUT', API.applications],
      ['POST', API.applications], // the tablets deliver through POST /api/sync
      ['GET', '/api'],
    ] as const) {
      const r = await office.request(path, { method, headers: { authorization: `Bearer ${token}` } });
      expect([path, r.status]).toEqual([path, 404]);
      expect(((await r.json()) as { error: ApiErrorBody }).error).toMatchObject({ kind: 'not-found' });
    }
  });

  it('hides a database failure behind a generic 500 whose log line has no personal data', async () => {
    // A real failure, not a mock: the column the detail query reads is gone for a moment.
    await office.sql.query('ALTER TABLE applications RENAME COLUMN fields TO fields_gone');
    try {
      const r = await office.get(API.application(envelopes[2]?.id ?? ''), token);
      expect(r.status).toBe(500);
      const error = ((await r.json()) as { error: ApiErrorBody }).error;
      expect(error).toEqual({ kind: 'internal', message: expect.stringContaining('しばらく待って') });
    } finally {
      await office.sql.query('ALTER TABLE applications RENAME COLUMN fields_gone TO fields');
    }
    const errorLine = office.logs.find((l) => l.startsWith('error '));
    expect(errorLine).toMatch(/^error GET \/api\/applications\/[0-9a-f-]{36} error 42703$/);
  });
});
