// The My Number in the back office: masked in every answer, revealed only with a reason, audited.
// No procedure of today's catalogue carries one, so the test stores one as a future procedure
// would (straight into the row) and checks the answers around it.
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApplicationDetail, type Receipt, type RevealMyNumberResponse } from '../shared/api.ts';
import { listAudit } from './store/audit.ts';
import { validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const NUMBER = '123456789018'; // fictional, valid check digit

describe.each(TEST_STORES)('My Number masking on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  let receipt: Receipt;
  const envelope = validEnvelope();
  beforeAll(async () => {
    token = await office.signIn();
    receipt = (await (await office.post(API.applications, envelope, token)).json()) as Receipt;
    await office.sql.query(`UPDATE applications SET fields = fields || $1::jsonb WHERE id = $2`, [
      JSON.stringify({ myNumber: NUMBER }),
      envelope.id,
    ]);
  });

  const reveal = (body: unknown) =>
    office.request(API.revealMyNumber(envelope.id), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it('shows the number masked in the detail, keeping the last 4 digits', async () => {
    const r = await office.request(API.application(envelope.id), {
      headers: { authorization: `Bearer ${token}` },
    });
    const detail = (await r.json()) as ApplicationDetail;
    expect(detail.fields.myNumber).toBe('●●●●●●●●9018');
    expect(JSON.stringify(detail)).not.toContain(NUMBER);
  });

  it('refuses a reveal without a reason, and audits nothing for it', async () => {
    const before = (await listAudit(office.sql)).length;
    for (const body of [{}, { reason: ' ' }, { reason: 'x'.repeat(201) }]) {
      const r = await reveal(body);
      expect(r.status).toBe(400);
      expect(((await r.json()) as { error: { message: string } }).error.message).toContain(
        '理由を入力してください',
      );
    }
    expect((await listAudit(office.sql)).length).toBe(before);
  });

  it('reveals it with a reason, and the audit log records who, which and why', async () => {
    const r = await reveal({ reason: '基幹系への登録のため' });
    expect(r.status).toBe(200);
    expect(((await r.json()) as RevealMyNumberResponse).myNumber).toBe(NUMBER);
    const last = (await listAudit(office.sql)).at(-1);
    expect(last).toMatchObject({
      actor: 'staff:demo',
      action: 'application.my-number-revealed',
      target: envelope.id,
      detail: { receiptNumber: receipt.receiptNumber, reason: '基幹系への登録のため' },
    });
    expect(JSON.stringify(last)).not.toContain(NUMBER);
  });

  it('needs a token, and answers 404 for an application without a number', async () => {
    const anonymous = await office.request(API.revealMyNumber(envelope.id), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: '確認のため' }),
    });
    expect(anonymous.status).toBe(401);
    const other = validEnvelope();
    await office.post(API.applications, other, token);
    const r = await office.request(API.revealMyNumber(other.id), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ reason: '確認のため' }),
    });
    expect(r.status).toBe(404);
  });
});
