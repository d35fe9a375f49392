// The dashboard's API (issue 5): the status flow 受付済み → 確認済み → 転記済み → 完了 (one step,
// or one back with a reason), comments, and the inbox filters and search, on both stores, with
// what each role may do and what the audit log keeps.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  type ApiErrorBody,
  type ApplicationComment,
  type ApplicationCommentsResponse,
  type ApplicationDetail,
  type ApplicationListResponse,
  type ApplicationStatus,
} from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import type { SyncApplicationReceipt } from '../shared/sync/protocol.ts';
import { sample as kokinKoza } from '../test/fixtures/samples/kokin-koza.ts';
import { DEMO_BACKOFFICE, DEMO_COUNTER } from './auth/seed.ts';
import { listAudit } from './store/audit.ts';
import { householdOf, RESIDENT, signed, tennyuEnvelope, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { storeApplication } from './test-support/stored-application.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const someone = (name: string, nameKana: string) => {
  const person = { name, nameKana, birthDate: RESIDENT.birthDate, sex: '1' };
  return { fields: { ...RESIDENT, ...person, ...householdOf(person) } };
};

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE applications; --",
  '%',
  '_',
  '\\',
  "R' || '",
  '$1',
  "') OR 1=1 --",
];

describe.each(TEST_STORES)('the dashboard API on %s', (store) => {
  const office = useBackOffice(store);
  let admin = '';
  let staff = ''; // backoffice role
  let counter = '';
  const receipts: SyncApplicationReceipt[] = [];
  const envelopes: ApplicationEnvelope[] = [];

  beforeAll(async () => {
    envelopes.push(
      await validEnvelope(), // 試験　花子, day 1 (2026-12-01 in Japan)
      await validEnvelope(someone('𠮷田　太郎', 'ヨシダ　タロウ')), // day 1
      await signed(tennyuEnvelope({ procedure: 'kokin-koza', fields: kokinKoza })), // 見本　花子, day 2
      await validEnvelope(someone('例題　一郎', 'レイダイ　イチロウ')), // day 2
    );
    for (const [i, e] of envelopes.entries()) {
      office.clock.advance(i === 2 ? 24 * 3600_000 : 60_000); // the third arrives the next day
      receipts.push(await storeApplication(office.sql, e, office.clock.now()));
    }
    admin = await office.signIn();
    staff = await office.signIn(DEMO_BACKOFFICE);
    counter = await office.signIn(DEMO_COUNTER);
  });

  const idOf = (i: number) => envelopes[i]?.id ?? '';
  const list = async (query: string, token = staff) => {
    const r = await office.get(`${API.applications}?${query}`, token);
    expect([query, r.status]).toEqual([query, 200]);
    return (await r.json()) as ApplicationListResponse;
  };
  const names = async (query: string) => (await list(query)).applications.map((a) => a.name);
  const move = (i: number, to: ApplicationStatus | string, reason?: string, token = staff) =>
    office.post(API.applicationStatus(idOf(i)), reason === undefined ? { to } : { to, reason }, token);
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;

  describe('filters, search and pages', () => {
    it('filters by procedure, status and the day of receipt in Japan', async () => {
      expect(await names('procedure=kokin-koza')).toEqual(['見本　花子']);
      expect(await names('procedure=tennyu')).toEqual(['例題　一郎', '𠮷田　太郎', '試験　花子']);
      expect(await names('from=2026-12-01&to=2026-12-01')).toEqual(['𠮷田　太郎', '試験　花子']);
      expect(await names('from=2026-12-02')).toEqual(['例題　一郎', '見本　花子']);
      expect(await names('to=2026-11-30')).toEqual([]);
      expect(await names('status=received&procedure=tennyu&from=2026-12-02')).toEqual(['例題　一郎']);
      expect(await names('status=done')).toEqual([]);
    });

    it('finds a 受付番号, a part of a name or of its フリガナ, spaces not counting, 𠮷 too', async () => {
      const number = receipts[1]?.receiptNumber ?? '';
      expect(await names(`q=${encodeURIComponent(number)}`)).toEqual(['𠮷田　太郎']);
      expect(await names(`q=${encodeURIComponent(number.toLowerCase())}`)).toEqual(['𠮷田　太郎']);
      expect(await names(`q=${encodeURIComponent('𠮷')}`)).toEqual(['𠮷田　太郎']);
      expect(await names(`q=${encodeURIComponent('𠮷田太郎')}`)).toEqual(['𠮷田　太郎']);
      expect(await names(`q=${encodeURIComponent('ヨシダ タロウ')}`)).toEqual(['𠮷田　太郎']);
      expect(await names(`q=${encodeURIComponent('花子')}`)).toEqual(['見本　花子', '試験　花子']);
      expect(await names(`q=${encodeURIComponent('花子')}&procedure=tennyu`)).toEqual(['試験　花子']);
      expect(await names(`q=${encodeURIComponent('  ')}`)).toHaveLength(4); // only spaces: no search
    });

    it('treats injection strings and wildcards as plain text', async () => {
      for (const q of INJECTIONS) {
        const answer = await list(`q=${encodeURIComponent(q)}`);
        expect([q, answer.total]).toEqual([q, 0]);
      }
      const r = await office.get(
        `${API.applications}?procedure=${encodeURIComponent("tennyu' OR '1'='1")}`,
        staff,
      );
      expect(r.status).toBe(400);
      expect(await office.countApplications()).toBe(4); // nothing dropped
    });

    it('pages newest first and says how many match in all', async () => {
      const first = await list('limit=3');
      expect(first).toMatchObject({ total: 4, offset: 0, limit: 3 });
      expect(first.applications.map((a) => a.id)).toEqual([idOf(3), idOf(2), idOf(1)]);
      const second = await list('limit=3&offset=3');
      expect(second).toMatchObject({ total: 4, offset: 3, limit: 3 });
      expect(second.applications.map((a) => a.id)).toEqual([idOf(0)]);
      expect((await list('')).limit).toBe(50);
    });

    it('refuses a query it cannot read with a 400 naming the parameter', async () => {
      for (const [query, parameter] of [
        ['status=deleted', 'status'],
        ['from=2026-13-01', 'from'],
        ['from=2026-12-02&to=2026-12-01', 'to'],
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        ['offset=-1', 'offset'],
        ['q=a&q=b', 'q'],
        [`q=${'あ'.repeat(101)}`, 'q'],
        ['device=dev_1', 'device'], // no device is recorded on applications yet
      ] as const) {
        const r = await office.get(`${API.applications}?${query}`, staff);
        expect([query, r.status]).toEqual([query, 400]);
        expect((await errorOf(r)).message).toContain(`「${parameter}」`);
      }
    });

    it('audits a list with its filters and counts, never the search text', async () => {
      await list(`q=${encodeURIComponent('𠮷田')}&status=received&from=2026-12-01`);
      const entry = (await listAudit(office.sql)).at(-1);
      expect(entry).toMatchObject({
        actor: 'staff:backoffice',
        action: 'application.listed',
        detail: { status: 'received', from: '2026-12-01', to: null, search: true, count: 1, total: 1 },
      });
      expect(JSON.stringify(entry)).not.toContain('𠮷');
    });
  });

  describe('the status flow', () => {
    it('goes one step forward at a time, and audits each step', async () => {
      const id = idOf(0);
      const checked = await move(0, 'checked');
      expect(checked.status).toBe(200);
      expect(checked.headers.get('cache-control')).toBe('no-store');
      expect((await checked.json()) as ApplicationDetail).toMatchObject({ id, status: 'checked' });

      const transcribed = (await (await move(0, 'transcribed')).json()) as ApplicationDetail;
      expect(transcribed).toMatchObject({ status: 'transcribed', transcribedBy: '事務 次郎（デモ）' });
      expect(transcribed.transcribedAt).toMatch(/^2026-12-0/);
      const done = (await (await move(0, 'done', '基幹系への登録を確認')).json()) as ApplicationDetail;
      expect(done).toMatchObject({ status: 'done', transcribedAt: transcribed.transcribedAt });

      const steps = (await listAudit(office.sql, { target: id })).filter(
        (e) => e.action === 'application.status-changed',
      );
      expect(steps.map((e) => [e.actor, e.detail])).toEqual([
        [
          'staff:backoffice',
          { receiptNumber: receipts[0]?.receiptNumber, from: 'received', to: 'checked', reason: null },
        ],
        [
          'staff:backoffice',
          { receiptNumber: receipts[0]?.receiptNumber, from: 'checked', to: 'transcribed', reason: null },
        ],
        [
          'staff:backoffice',
          {
            receiptNumber: receipts[0]?.receiptNumber,
            from: 'transcribed',
            to: 'done',
            reason: '基幹系への登録を確認',
          },
        ],
      ]);
    });

    it('refuses a skipped step, a repeat and a step past 完了 with 409 in Japanese', async () => {
      for (const [i, to, message] of [
        [1, 'transcribed', '「受付済み」から「転記済み」へは変更できません'],
        [1, 'done', '「受付済み」から「完了」へは変更できません'],
        [1, 'received', 'すでに「受付済み」です'],
        [0, 'checked', '「完了」から「確認済み」へは変更できません'],
      ] as const) {
        const r = await move(i, to, '念のため');
        expect([to, r.status]).toEqual([to, 409]);
        expect(await errorOf(r)).toMatchObject({
          kind: 'conflict',
          message: expect.stringContaining(message),
        });
      }
      const unchanged = (await (
        await office.get(API.application(idOf(1)), staff)
      ).json()) as ApplicationDetail;
      expect(unchanged.status).toBe('received');
    });

    it('goes back one step only with a reason; leaving 転記済み clears who transcribed', async () => {
      const noReason = await move(0, 'transcribed');
      expect(noReason.status).toBe(400);
      expect((await errorOf(noReason)).message).toContain('戻す理由');
      expect((await move(0, 'transcribed', 'x')).status).toBe(400); // under 2 characters
      const back = (await (await move(0, 'transcribed', '登録内容に誤り')).json()) as ApplicationDetail;
      expect(back.status).toBe('transcribed');
      expect(back.transcribedAt).not.toBeNull();
      const checked = (await (await move(0, 'checked', '転記をやり直す')).json()) as ApplicationDetail;
      expect(checked).toMatchObject({ status: 'checked', transcribedAt: null, transcribedBy: null });
      expect((await listAudit(office.sql, { target: idOf(0) })).at(-1)?.detail).toMatchObject({
        from: 'transcribed',
        to: 'checked',
        reason: '転記をやり直す',
      });
    });

    it('keeps the extension path: 転記済み from 受付済み or 確認済み', async () => {
      const fromChecked = (await (
        await office.post(API.transcribed(idOf(0)), undefined, staff)
      ).json()) as ApplicationDetail;
      expect(fromChecked.status).toBe('transcribed');
      const fromReceived = (await (
        await office.post(API.transcribed(idOf(3)), undefined, staff)
      ).json()) as ApplicationDetail;
      expect(fromReceived.status).toBe('transcribed');
      expect(await names('status=transcribed')).toEqual(['例題　一郎', '試験　花子']);
      expect(await names('status=received&status=checked')).toEqual(['見本　花子', '𠮷田　太郎']);
    });

    it('answers 400 for an unknown status and 404 for an unknown application', async () => {
      expect((await move(1, 'deleted')).status).toBe(400);
      expect((await move(1, 'checked', 42 as unknown as string)).status).toBe(400);
      const r = await office.post(
        API.applicationStatus('0b6f3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b'),
        { to: 'checked' },
        staff,
      );
      expect(r.status).toBe(404);
      expect(
        (await office.post(API.applicationStatus("1' OR '1'='1"), { to: 'checked' }, staff)).status,
      ).toBe(404);
    });
  });

  describe('comments', () => {
    const comment = (i: number, text: unknown, token = staff) =>
      office.post(API.applicationComments(idOf(i)), { text }, token);

    it('adds comments with author and time, lists them oldest first, audits without the text', async () => {
      const first = await comment(1, '  電話で住所を確認しました  ');
      expect(first.status).toBe(201);
      const added = (await first.json()) as ApplicationComment;
      expect(added).toMatchObject({ text: '電話で住所を確認しました', author: '事務 次郎（デモ）' });
      expect(added.at).toMatch(/^2026-12-0/);
      const long = '𠮷'.repeat(1000); // characters, not UTF-16 units
      expect((await comment(1, long, admin)).status).toBe(201);

      const r = await office.get(API.applicationComments(idOf(1)), staff);
      expect(r.status).toBe(200);
      expect(r.headers.get('cache-control')).toBe('no-store');
      const { comments } = (await r.json()) as ApplicationCommentsResponse;
      expect(comments.map((c) => [c.text, c.author])).toEqual([
        ['電話で住所を確認しました', '事務 次郎（デモ）'],
        [long, '窓口 太郎（デモ）'],
      ]);
      const audit = await listAudit(office.sql, { target: idOf(1) });
      expect(
        audit.filter((e) => e.action.startsWith('application.comment')).map((e) => [e.action, e.detail]),
      ).toEqual([
        [
          'application.comment-added',
          { receiptNumber: receipts[1]?.receiptNumber, comment: added.id, length: 12 },
        ],
        ['application.comment-added', expect.objectContaining({ length: 1000 })],
        ['application.comments-viewed', { receiptNumber: receipts[1]?.receiptNumber, count: 2 }],
      ]);
      expect(JSON.stringify(audit)).not.toContain('電話');
    });

    it('refuses an empty, too long or unstorable comment, and an unknown application', async () => {
      for (const text of ['', '   ', 'あ'.repeat(1001), 'a\u0000b', '\ud800', 42, undefined]) {
        const r = await comment(2, text);
        expect(r.status).toBe(400);
        expect((await errorOf(r)).message).toContain('「text」（コメント）は1～1000文字で入力してください');
      }
      const unknown = '0b6f3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b';
      expect((await office.post(API.applicationComments(unknown), { text: 'メモ' }, staff)).status).toBe(404);
      expect((await office.get(API.applicationComments(unknown), staff)).status).toBe(404);
      expect((await office.get(API.applicationComments('not-a-uuid'), staff)).status).toBe(404);
    });
  });

  describe('the signature image', () => {
    it('answers the PNG, audited as a view; 404 for an unknown application', async () => {
      const r = await office.get(API.applicationSignature(idOf(1)), staff);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('image/png');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect([...new Uint8Array(await r.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47]); // "PNG"
      expect((await listAudit(office.sql, { target: idOf(1) })).at(-1)?.action).toBe(
        'application.signature-viewed',
      );
      const unknown = API.applicationSignature('0b6f3f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
      expect((await office.get(unknown, staff)).status).toBe(404);
      expect((await office.get(API.applicationSignature(idOf(1)), counter)).status).toBe(403);
    });
  });

  describe('roles', () => {
    it('lets backoffice and admin do all of it, and refuses counter staff with an audited 403', async () => {
      for (const [path, method, body] of [
        [API.applications, 'GET', undefined],
        [API.applicationStatus(idOf(2)), 'POST', { to: 'checked' }],
        [API.applicationComments(idOf(2)), 'GET', undefined],
        [API.applicationComments(idOf(2)), 'POST', { text: 'メモ' }],
      ] as const) {
        const r = method === 'GET' ? await office.get(path, counter) : await office.post(path, body, counter);
        expect([method, path, r.status]).toEqual([method, path, 403]);
        expect((await errorOf(r)).message).toContain('窓口');
        expect((await listAudit(office.sql)).at(-1)).toMatchObject({
          action: 'access.refused',
          actor: 'staff:counter',
        });
      }
      expect((await move(2, 'checked', undefined, admin)).status).toBe(200);
      expect((await office.get(API.applicationComments(idOf(2)), admin)).status).toBe(200);
      expect((await office.get(`${API.applications}?status=checked`, admin)).status).toBe(200);
    });
  });
});
