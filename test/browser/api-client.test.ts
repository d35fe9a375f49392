// The tablet's API client: only a real receipt for this envelope counts as delivered.
import { createApiClient } from '../../pwa/api/client.ts';
import { tennyuEnvelope } from '../fixtures/applications.ts';
import { equal } from './assert.ts';

function answering(status: number, body: unknown): typeof fetch {
  return async () =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('ApiClient.submit', () => {
  it('accepts the receipt of this envelope', async () => {
    const e = tennyuEnvelope();
    const receipt = {
      id: e.id,
      receiptNumber: 'R261201-0001',
      receivedAt: '2026-12-01T00:00:00.000Z',
      duplicate: false,
    };
    const r = await createApiClient('', answering(201, receipt)).submit(e, 't');
    equal(r.ok && r.value.receiptNumber, 'R261201-0001', 'receipt');
  });

  it('treats a 2xx that is not our receipt (captive portal, proxy, other id) as unreachable', async () => {
    const e = tennyuEnvelope();
    for (const body of [
      { status: 'ok' },
      { id: crypto.randomUUID(), receiptNumber: 'R261201-0001', receivedAt: 'x' },
    ]) {
      const r = await createApiClient('', answering(200, body)).submit(e, 't');
      equal(r.ok ? 'ok' : r.error.kind, 'unreachable', JSON.stringify(body));
    }
  });

  it('maps the server error body and a network failure', async () => {
    const e = tennyuEnvelope();
    const refused = await createApiClient(
      '',
      answering(409, { error: { kind: 'conflict', message: '内容が異なります' } }),
    ).submit(e, 't');
    equal(refused.ok ? 'ok' : refused.error.kind, 'conflict', 'conflict');
    const down = await createApiClient('', async () => {
      throw new TypeError('Failed to fetch');
    }).submit(e, 't');
    equal(down.ok ? 'ok' : down.error.kind, 'unreachable', 'network down');
  });
});
