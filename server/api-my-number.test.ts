// The My Number in the back office: masked in every answer, revealed only with a reason, audited.
// Masking follows the procedure's field types ('my-number'), not field names: the test procedure
// below names its number fields otherwise, and has one in a list of people.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  type ApiErrorBody,
  type ApplicationDetail,
  type RevealMyNumberResponse,
} from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import { applicantMyNumber, applicantName } from '../shared/procedures/fields.ts';
import type { ProcedureLookup } from '../shared/procedures/registry.ts';
import type { ProcedureDefinition, ProcedureValues } from '../shared/procedures/types.ts';
import type { SyncAck, SyncApplicationReceipt } from '../shared/sync/protocol.ts';
import { listAudit } from './store/audit.ts';
import { drawnSignature, signed, tennyuEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

// Fictional numbers with valid check digits.
const APPLICANT = '123456789018';
const SPOUSE = '987654321018';
const CHILD = '111222333446';
const NUMBERS = [APPLICANT, SPOUSE, CHILD];

const text = (s: string) => ({ ja: s, 'ja-easy': s, en: s, 'zh-Hans': s, ko: s, vi: s, pt: s });

/** A benefit-like form with the applicant's, the spouse's and each child's My Number. */
const BANGO: ProcedureDefinition = {
  id: 'test-bango',
  name: text('番号テスト申請'),
  description: text('テスト用'),
  basis: '番号法 第9条（テスト）',
  department: 'テスト課',
  myNumber: { basis: '番号法 第9条（テスト）' },
  signature: 'procedure',
  fields: [
    { name: 'name', spec: applicantName, required: true },
    { name: 'kojinBango', spec: applicantMyNumber, required: false },
    {
      name: 'haigushaBango',
      spec: { ...applicantMyNumber, key: 'test-bango.spouse', card: undefined },
      required: false,
    },
    {
      name: 'children',
      spec: {
        key: 'test-bango.children',
        type: 'group',
        section: 'child',
        label: text('児童'),
        columns: [
          { ...applicantName, key: 'name' },
          { ...applicantMyNumber, key: 'bango', card: undefined },
        ],
        requiredColumns: ['name'],
        minRows: 0,
        maxRows: 4,
      },
      required: false,
    },
    // Digits in a field not typed as a My Number stay as they are.
    {
      name: 'referenceNo',
      spec: {
        key: 'test-bango.reference',
        type: 'integer',
        section: 'other',
        label: text('整理番号'),
        minValue: 0,
        maxValue: 999_999_999,
      },
      required: false,
    },
  ],
  rules: [],
  attachments: [],
  print: { title: 'テスト', addressee: 'テスト市長 あて', pages: [] },
};

const LOOKUP: ProcedureLookup = { get: (id) => (id === BANGO.id ? BANGO : undefined), all: [BANGO] };

/** Like the tablet, every field is sent (unanswered ones empty): the signature covers them all. */
function bangoEnvelope(answers: ProcedureValues): Promise<ApplicationEnvelope> {
  const empty = Object.fromEntries(BANGO.fields.map((f) => [f.name, f.spec.type === 'group' ? [] : '']));
  return signed(
    tennyuEnvelope({
      procedure: BANGO.id,
      fields: { ...empty, ...answers },
      signature: drawnSignature({ scope: 'procedure' }),
    }),
  );
}

describe.each(TEST_STORES)('My Number masking on %s', (store) => {
  const office = useBackOffice(store, { procedures: LOOKUP });
  let token = '';
  let receipt: SyncApplicationReceipt;
  let envelope: ApplicationEnvelope;
  beforeAll(async () => {
    token = await office.signIn();
    envelope = await bangoEnvelope({
      name: '番号　太郎',
      kojinBango: APPLICANT,
      haigushaBango: SPOUSE,
      children: [{ name: '番号　一子', bango: CHILD }],
      referenceNo: '123456789',
    });
    const r = await office.submit(envelope, token);
    expect(r.status).toBe(200);
    const first = ((await r.json()) as SyncAck).envelopes[0]?.receipts[0];
    if (!first) throw new Error('a receipt expected');
    receipt = first;
  });

  const reveal = (id: string, body: unknown) =>
    office.request(API.revealMyNumber(id), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const detailOf = async (id: string) =>
    (await (await office.get(API.application(id), token)).json()) as ApplicationDetail;
  const expectNoNumberIn = (text: string) => {
    for (const n of NUMBERS) expect(text).not.toContain(n);
  };

  it('masks every field typed as a My Number in the detail, keeping the last 4 digits', async () => {
    const detail = await detailOf(envelope.id);
    expect(detail.fields).toEqual({
      name: '番号　太郎',
      kojinBango: '●●●●●●●●9018',
      haigushaBango: '●●●●●●●●1018',
      children: [{ name: '番号　一子', bango: '●●●●●●●●3446' }],
      referenceNo: '123456789',
    });
    expect(detail.procedureName).toBe('番号テスト申請');
    expectNoNumberIn(JSON.stringify(detail));
    // Masking is for the answer only: the signature still verifies over the stored numbers.
    expect(detail.signatureVerified).toBe(true);
  });

  it('masks them in the transcribed answer and the list too (what the extension reads)', async () => {
    const other = await bangoEnvelope({ name: '番号　次郎', kojinBango: APPLICANT });
    expect((await office.submit(other, token)).status).toBe(200);
    const marked = await office.post(API.transcribed(other.id), undefined, token);
    expect(((await marked.json()) as ApplicationDetail).fields.kojinBango).toBe('●●●●●●●●9018');
    expectNoNumberIn(await (await office.get(API.applications, token)).text());
  });

  it('masks valid My Numbers by value when the procedure is no longer in the catalogue', async () => {
    const retired = await bangoEnvelope({
      name: '番号　三郎',
      kojinBango: APPLICANT,
      children: [{ name: 'x', bango: CHILD }],
    });
    expect((await office.submit(retired, token)).status).toBe(200);
    await office.sql.query(`UPDATE applications SET procedure = 'retired-form' WHERE id = $1`, [retired.id]);
    const detail = await detailOf(retired.id);
    expect(detail.procedureName).toBe('retired-form');
    expect(detail.fields).toMatchObject({
      kojinBango: '●●●●●●●●9018',
      children: [{ bango: '●●●●●●●●3446' }],
    });
    expectNoNumberIn(JSON.stringify(detail));
  });

  it('refuses a reveal without a reason, audited as a refused request without the text', async () => {
    const before = (await listAudit(office.sql)).length;
    for (const body of [
      {},
      { reason: ' ' },
      { reason: 'x'.repeat(201) },
      { reason: '確認のため', field: 7 },
    ]) {
      const r = await reveal(envelope.id, body);
      expect(r.status).toBe(400);
      const { error } = (await r.json()) as { error: ApiErrorBody };
      expect(error.message).toMatch(/^「(reason|field)」（(個人番号を表示する理由|表示する項目)）は/);
      expect(error.problems?.[0]?.key).toMatch(/^(reason|field)$/);
    }
    const refused = (await listAudit(office.sql)).slice(before);
    expect(refused.map((e) => [e.action, e.target, e.detail])).toEqual(
      [['reason'], ['reason'], ['reason'], ['field']].map((fields) => [
        'request.refused',
        null,
        { route: 'POST /api/applications/:id/my-number', error: 'invalid-body', fields, unknownKeys: 0 },
      ]),
    );
    expect(JSON.stringify(refused)).not.toContain('確認');
    expect(JSON.stringify(refused)).not.toContain('xxx');
  });

  it('reveals the first number with a reason, and the audit log records who, which field and why', async () => {
    const r = await reveal(envelope.id, { reason: '基幹系への登録のため' });
    expect(r.status).toBe(200);
    expect((await r.json()) as RevealMyNumberResponse).toEqual({ field: 'kojinBango', myNumber: APPLICANT });
    const last = (await listAudit(office.sql)).at(-1);
    expect(last).toMatchObject({
      actor: 'staff:demo',
      action: 'application.my-number-revealed',
      target: envelope.id,
      detail: { receiptNumber: receipt.receiptNumber, field: 'kojinBango', reason: '基幹系への登録のため' },
    });
    expectNoNumberIn(JSON.stringify(last));
  });

  it('reveals a named My Number field, and never a field of another type', async () => {
    const spouse = await reveal(envelope.id, { reason: '配偶者の照会のため', field: 'haigushaBango' });
    expect((await spouse.json()) as RevealMyNumberResponse).toEqual({
      field: 'haigushaBango',
      myNumber: SPOUSE,
    });
    const before = (await listAudit(office.sql)).length;
    for (const field of ['referenceNo', 'name', 'myNumber', 'children']) {
      const r = await reveal(envelope.id, { reason: '確認のため', field });
      expect([field, r.status]).toEqual([field, 404]);
    }
    expect((await listAudit(office.sql)).length).toBe(before);
  });

  it('needs a token, and answers 404 for an application without a number', async () => {
    const anonymous = await office.request(API.revealMyNumber(envelope.id), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '確認のため' }),
    });
    expect(anonymous.status).toBe(401);
    const none = await bangoEnvelope({ name: '番号　四郎' });
    expect((await office.submit(none, token)).status).toBe(200);
    const r = await reveal(none.id, { reason: '確認のため' });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain(
      '個人番号が含まれていません',
    );
  });

  it('never writes a number into the log', () => {
    expectNoNumberIn(office.logs.join('\n'));
  });
});
