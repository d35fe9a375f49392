// Exports over HTTP, on both stores: the CSV per procedure in UTF-8 and Shift_JIS (CP932), the
// check that lists what Shift_JIS cannot hold, the filters, the My Number only with a reason,
// and an audit entry for every export and check that never copies a value.
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody, type ExportCheckResponse, UNENCODABLE_HEADER } from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import { tennyu } from '../shared/procedures/catalogue/tennyu.ts';
import type { ProcedureLookup } from '../shared/procedures/registry.ts';
import type { SyncAck, SyncApplicationReceipt } from '../shared/sync/protocol.ts';
import { YAMADA } from '../test/fixtures/applications.ts';
import { parseCsv } from './exports/test-csv-parser.ts';
import { KAZOKU, kazokuValues } from './exports/test-procedure.ts';
import { listAudit } from './store/audit.ts';
import {
  drawnSignature,
  householdOf,
  RESIDENT,
  signed,
  tennyuEnvelope,
  validEnvelope,
} from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const PROCEDURES = [tennyu, KAZOKU];
const LOOKUP: ProcedureLookup = { get: (id) => PROCEDURES.find((p) => p.id === id), all: PROCEDURES };

const MY_NUMBER = '123456789018'; // fictional, valid check digits
const CHILD_NUMBER = '111222333446';
const REASON = '基幹系への登録のため';

/** Another resident who moves alone: the household fields follow the name. */
function someone(name: string, nameKana: string, sex: string) {
  const person = { name, nameKana, birthDate: RESIDENT.birthDate, sex };
  return { fields: { ...RESIDENT, ...person, ...householdOf(person) } };
}

const column = (records: string[][], header: string) => {
  const i = records[0]?.indexOf(header) ?? -1;
  expect(i).toBeGreaterThanOrEqual(0);
  return records.slice(1).map((r) => r[i]);
};

describe.each(TEST_STORES)('exports on %s', (store) => {
  const office = useBackOffice(store, { procedures: LOOKUP });
  let token = '';
  const receipts: SyncApplicationReceipt[] = [];
  const envelopes: ApplicationEnvelope[] = [];
  let kazoku: SyncApplicationReceipt;
  let kazokuEnvelope: ApplicationEnvelope;

  /** One visit through POST /api/sync; its one receipt. */
  const submit = async (application: ApplicationEnvelope) => {
    const r = await office.submit(application, token);
    expect(r.status).toBe(200);
    const receipt = ((await r.json()) as SyncAck).envelopes[0]?.receipts[0];
    if (!receipt) throw new Error('a receipt expected');
    return receipt;
  };

  beforeAll(async () => {
    token = await office.signIn();
    envelopes.push(
      await validEnvelope(),
      await validEnvelope({ fields: { ...YAMADA } }),
      await validEnvelope(someone('𠮷田　花子', 'ヨシダ　ハナコ', '2')), // 𠮷 is outside CP932
      await validEnvelope({
        fields: { ...someone('髙橋　一郎', 'タカハシ　イチロウ', '1').fields, previousHeadName: '=1+1' },
      }), // 髙 is in CP932 (IBM extension)
    );
    for (const e of envelopes) {
      office.clock.advance(60_000);
      receipts.push(await submit(e));
    }
    kazokuEnvelope = await signed(
      tennyuEnvelope({
        procedure: KAZOKU.id,
        fields: kazokuValues({
          name: '番号　太郎',
          kojinBango: MY_NUMBER,
          family: [{ name: '番号　一子', relationship: 'child', myNumber: CHILD_NUMBER }],
        }),
        signature: drawnSignature({ scope: 'procedure' }),
      }),
    );
    kazoku = await submit(kazokuEnvelope);
  });

  const download = (procedure: string, query: string, auth = token) =>
    office.get(`${API.exportCsv(procedure)}?${query}`, auth);
  const check = async (query: string) => {
    const r = await office.get(`${API.exportCheck('tennyu')}?${query}`, token);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    return (await r.json()) as ExportCheckResponse;
  };
  const utf8Records = async (r: Response) => {
    const bytes = new Uint8Array(await r.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return parseCsv(new TextDecoder().decode(bytes)); // the decoder drops the BOM
  };
  const lastAudit = async () => (await listAudit(office.sql)).at(-1);

  it('exports every application in UTF-8 with a BOM, oldest first, as an attachment', async () => {
    const r = await download('tennyu', 'encoding=utf-8');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      `attachment; filename="tennyu-20261201.csv"; filename*=UTF-8''${encodeURIComponent('転入届-20261201.csv')}`,
    );
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get(UNENCODABLE_HEADER)).toBe('0');
    const records = await utf8Records(r);
    expect(column(records, '受付番号')).toEqual(receipts.map((x) => x.receiptNumber));
    expect(column(records, '届出人氏名')).toEqual([RESIDENT.name, YAMADA.name, '𠮷田　花子', '髙橋　一郎']);
    expect(column(records, '異動する人2_氏名')).toEqual(['', '山田　花子', '', '']);
    expect(column(records, '前住所の世帯主')).toEqual(['', '山田　太郎', '', "'=1+1"]); // formula neutralised
    expect(column(records, '性別（表示）')).toEqual(['女', '男', '女', '男']);
  });

  it('exports to Shift_JIS only what CP932 holds exactly, and counts what it left out', async () => {
    const r = await download('tennyu', 'encoding=shift_jis');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(r.headers.get(UNENCODABLE_HEADER)).toBe('1');
    const sjis = parseCsv(iconv.decode(Buffer.from(await r.arrayBuffer()), 'cp932'));
    const utf8 = await utf8Records(await download('tennyu', 'encoding=utf-8'));
    // The same records, value for value, without the one that holds 𠮷.
    expect(sjis).toEqual(utf8.filter((row) => row[0] !== receipts[2]?.receiptNumber));
    expect(column(sjis, '届出人氏名')).toEqual([RESIDENT.name, YAMADA.name, '髙橋　一郎']);
  });

  it('checks which applications and fields Shift_JIS cannot hold, naming the characters only', async () => {
    const report = await check('encoding=shift_jis');
    const receiptNumber = receipts[2]?.receiptNumber;
    expect(report).toEqual({
      procedure: 'tennyu',
      procedureName: '転入届',
      encoding: 'shift_jis',
      applications: 4,
      exportable: 3,
      refused: 1,
      problems: [
        {
          receiptNumber,
          field: '届出人氏名',
          header: '届出人氏名',
          characters: ['𠮷'],
          codePoints: ['U+20BB7'],
        },
        {
          receiptNumber,
          field: '世帯主氏名',
          header: '世帯主氏名',
          characters: ['𠮷'],
          codePoints: ['U+20BB7'],
        },
        {
          receiptNumber,
          field: '異動する人',
          row: 1,
          column: '氏名',
          header: '異動する人1_氏名',
          characters: ['𠮷'],
          codePoints: ['U+20BB7'],
        },
      ],
    });
    expect(JSON.stringify(report)).not.toContain('𠮷田');
    expect(await check('encoding=utf-8')).toMatchObject({
      applications: 4,
      exportable: 4,
      refused: 0,
      problems: [],
    });
  });

  it('audits every export and every check: who, what, how many — never a value', async () => {
    await download('tennyu', 'encoding=shift_jis&from=2026-12-01');
    expect(await lastAudit()).toMatchObject({
      actor: 'staff:demo',
      action: 'export.created',
      target: null,
      detail: {
        procedure: 'tennyu',
        encoding: 'shift_jis',
        status: 'all',
        from: '2026-12-01',
        to: null,
        exported: 3,
        refused: 1,
        myNumber: false,
      },
    });
    await check('encoding=shift_jis&status=received');
    const entry = await lastAudit();
    expect(entry).toMatchObject({
      actor: 'staff:demo',
      action: 'export.checked',
      target: null,
      detail: {
        procedure: 'tennyu',
        encoding: 'shift_jis',
        status: 'received',
        from: null,
        to: null,
        applications: 4,
        exportable: 3,
        refused: 1,
      },
    });
    const log = JSON.stringify(await listAudit(office.sql));
    for (const value of ['花子', '太郎', '髙橋', '𠮷', RESIDENT.address, RESIDENT.phone, MY_NUMBER])
      expect(log).not.toContain(value);
  });

  it('filters by status and by Japanese calendar day of receipt', async () => {
    const id = envelopes[3]?.id ?? '';
    expect((await office.post(API.transcribed(id), {}, token)).status).toBe(200);
    const only = async (query: string) =>
      column(await utf8Records(await download('tennyu', `encoding=utf-8&${query}`)), '受付番号');
    expect(await only('status=transcribed')).toEqual([receipts[3]?.receiptNumber]);
    expect(await only('status=received')).toHaveLength(3);
    expect(await only('from=2026-12-01&to=2026-12-01')).toHaveLength(4); // received 09:01–09:04 JST
    expect(await only('from=2026-12-02')).toEqual([]);
    expect(await only('to=2026-11-30')).toEqual([]);
  });

  it('leaves the My Number out by default', async () => {
    const r = await download(KAZOKU.id, 'encoding=utf-8');
    const text = new TextDecoder().decode(await r.arrayBuffer());
    expect(text).toContain('番号　太郎');
    for (const n of [MY_NUMBER, CHILD_NUMBER, '個人番号']) expect(text).not.toContain(n);
    expect((await lastAudit())?.detail).toMatchObject({ procedure: KAZOKU.id, myNumber: false });
  });

  it('adds the My Number only with a reason, audited as a reveal on the application', async () => {
    const refused = await download(KAZOKU.id, 'encoding=utf-8&includeMyNumber=1');
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: ApiErrorBody }).error.message).toContain('理由');
    const before = (await listAudit(office.sql, { target: kazokuEnvelope.id })).length;

    const r = await download(
      KAZOKU.id,
      `encoding=shift_jis&includeMyNumber=1&reason=${encodeURIComponent(REASON)}`,
    );
    expect(r.status).toBe(200);
    const records = parseCsv(iconv.decode(Buffer.from(await r.arrayBuffer()), 'cp932'));
    expect(column(records, '個人番号（マイナンバー）')).toEqual([MY_NUMBER]);
    expect(column(records, '家族1_個人番号（マイナンバー）')).toEqual([CHILD_NUMBER]);
    const audit = await listAudit(office.sql);
    expect(audit.at(-2)).toMatchObject({
      action: 'export.created',
      detail: { procedure: KAZOKU.id, encoding: 'shift_jis', exported: 1, myNumber: true, reason: REASON },
    });
    expect(audit.at(-1)).toMatchObject({
      actor: 'staff:demo',
      action: 'application.my-number-revealed',
      target: kazokuEnvelope.id,
      detail: {
        receiptNumber: kazoku.receiptNumber,
        fields: ['kojinBango', 'family'],
        reason: REASON,
        via: 'export',
      },
    });
    expect(await listAudit(office.sql, { target: kazokuEnvelope.id })).toHaveLength(before + 1);
    expect(JSON.stringify(audit)).not.toContain(MY_NUMBER);
  });

  it('answers 404 for an unknown procedure, 400 for a bad query, 401 without a sign-in', async () => {
    for (const path of [
      `${API.exportCsv('no-such')}?encoding=utf-8`,
      `${API.exportCheck('no-such')}?encoding=utf-8`,
    ]) {
      const r = await office.get(path, token);
      expect(r.status).toBe(404);
      expect(((await r.json()) as { error: ApiErrorBody }).error.message).toContain('手続は見つかりません');
    }
    for (const [query, parameter] of [
      ['', 'encoding'],
      ['encoding=latin1', 'encoding'],
      ['encoding=utf-8&encoding=shift_jis', 'encoding'],
      ['encoding=utf-8&status=deleted', 'status'],
      ['encoding=utf-8&from=2026-13-01', 'from'],
      ['encoding=utf-8&from=2026-12-02&to=2026-12-01', 'to'],
      ['encoding=utf-8&includeMyNumber=true', 'includeMyNumber'],
    ] as const) {
      const r = await download('tennyu', query);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: ApiErrorBody }).error.message).toContain(`「${parameter}」`);
    }
    expect((await office.get(`${API.exportCheck('tennyu')}?encoding=sjis`, token)).status).toBe(400);
    expect((await download('tennyu', 'encoding=utf-8', '')).status).toBe(401);
  });

  it('logs no personal data and no query (reason included)', () => {
    const logs = office.logs.join('\n');
    for (const value of ['花子', '太郎', MY_NUMBER, REASON, encodeURIComponent(REASON)])
      expect(logs).not.toContain(value);
    expect(logs).toContain('GET /api/exports/tennyu 200');
  });
});
