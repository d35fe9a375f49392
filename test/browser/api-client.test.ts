// The tablet's API client for the sync protocol: the batch it posts (body, Idempotency-Key,
// device signature over the very bytes sent), the 200 body handed back unchecked for
// coveredEnvelopes, and every failure as a value with its kind and the chain detail.
import { createApiClient, type RequestSigner } from '../../pwa/api/client.ts';
import { API } from '../../shared/api.ts';
import { DEVICE_HEADER } from '../../shared/device-auth.ts';
import {
  GENESIS_HASH,
  SYNC_SCHEMA,
  type SyncEnvelope,
  sealSyncEnvelope,
} from '../../shared/sync/envelope.ts';
import { coveredEnvelopes, IDEMPOTENCY_KEY_HEADER, idempotencyKeyFor } from '../../shared/sync/protocol.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import { tennyuEnvelope } from '../fixtures/applications.ts';
import { acceptedAck } from './acks.ts';
import { assert, equal } from './assert.ts';

const DEVICE = 'dev_01jd0000000000000000000000';
const ulid = ulidFactory();

async function chain(n: number, deviceId = DEVICE): Promise<SyncEnvelope[]> {
  const out: SyncEnvelope[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const application = tennyuEnvelope();
    out.push(
      await sealSyncEnvelope({
        schema: SYNC_SCHEMA,
        id: ulid(),
        deviceId,
        seq,
        createdAt: new Date().toISOString(),
        procedures: [application.procedure],
        payload: [application],
        prevHash: out[seq - 2]?.hash ?? GENESIS_HASH,
      }),
    );
  }
  return out;
}

function answering(status: number, body: unknown, type = 'application/json'): typeof fetch {
  return async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': type },
    });
}

/** Signs as DEVICE and keeps what it signed, to compare with what was sent. */
function recordingSigner(deviceId = DEVICE) {
  const signed: { method: string; path: string; body: Uint8Array }[] = [];
  const signer: RequestSigner = {
    async sign(method, path, body) {
      signed.push({ method, path, body: body.slice() });
      return { [DEVICE_HEADER]: deviceId, 'X-Kakanai-Time': 't', 'X-Kakanai-Signature': 's' };
    },
  };
  return { signer, signed };
}

describe('ApiClient.sync', () => {
  it('posts the batch to API.sync with its Idempotency-Key, signed over exactly the bytes sent', async () => {
    const envelopes = await chain(2);
    let seen: { url: string; init: RequestInit } | undefined;
    const { signer, signed } = recordingSigner();
    const client = createApiClient(
      '',
      (async (url: string, init: RequestInit) => {
        seen = { url, init };
        return new Response(JSON.stringify(acceptedAck(envelopes)), { status: 200 });
      }) as typeof fetch,
      signer,
    );
    const r = await client.sync(envelopes, 'tok');
    assert(seen, 'sent');
    equal(seen.url, API.sync);
    equal(seen.init.method, 'POST');
    const headers = new Headers(seen.init.headers);
    equal(headers.get(IDEMPOTENCY_KEY_HEADER), await idempotencyKeyFor(envelopes), 'idempotency key');
    equal(headers.get('authorization'), 'Bearer tok');
    equal(headers.get(DEVICE_HEADER), DEVICE, 'device headers');
    const body = seen.init.body as Uint8Array;
    equal(signed.length, 1, 'signed once');
    equal(signed[0]?.path, API.sync);
    equal([...(signed[0]?.body ?? [])], [...body], 'the signed bytes are the bytes sent');
    equal(
      JSON.parse(new TextDecoder().decode(body)),
      { schema: 1, deviceId: DEVICE, envelopes },
      'a SyncBatchRequest',
    );
    assert(r.ok, 'answered');
    equal(
      [...coveredEnvelopes(r.value, DEVICE, envelopes).keys()],
      envelopes.map((e) => e.id),
      'the ack covers both',
    );
  });

  it('hands back a 200 that is not our ack unchecked, and coveredEnvelopes finds nothing in it', async () => {
    const envelopes = await chain(1);
    for (const body of [
      { status: 'ok' },
      { ...acceptedAck(envelopes), deviceId: 'dev_01jd0000000000000000000009' },
    ]) {
      const r = await createApiClient('', answering(200, body)).sync(envelopes, 't');
      assert(r.ok, 'a 200 with JSON');
      equal(coveredEnvelopes(r.value, DEVICE, envelopes).size, 0, JSON.stringify(body).slice(0, 40));
    }
    const portal = await createApiClient('', answering(200, '<html>login</html>', 'text/html')).sync(
      envelopes,
      't',
    );
    equal(portal.ok ? 'ok' : portal.error.kind, 'unreachable', 'a captive portal page');
  });

  it('keeps the kind and the chain detail of a refusal', async () => {
    const envelopes = await chain(1);
    const gap = await createApiClient(
      '',
      answering(409, {
        error: {
          kind: 'sync-gap',
          message: '届いていません',
          sync: { lastSeq: 4, lastHash: 'a'.repeat(64) },
        },
      }),
    ).sync(envelopes, 't');
    assert(!gap.ok && gap.error.kind === 'sync-gap', 'sync-gap');
    assert('sync' in gap.error, 'with detail');
    equal(gap.error.sync, { lastSeq: 4, lastHash: 'a'.repeat(64) }, 'the server head');
    equal(gap.error.message, '届いていません');

    const chained = await createApiClient(
      '',
      answering(409, {
        error: {
          kind: 'sync-chain',
          message: 'つながりが合いません',
          sync: { lastSeq: 0, lastHash: GENESIS_HASH, seq: 1 },
        },
      }),
    ).sync(envelopes, 't');
    assert(!chained.ok && 'sync' in chained.error, 'sync-chain');
    equal(chained.error.sync?.seq, 1, 'the envelope at fault');

    const odd = await createApiClient(
      '',
      answering(409, { error: { kind: 'sync-gap', message: 'x', sync: { lastSeq: 'four' } } }),
    ).sync(envelopes, 't');
    assert(!odd.ok && odd.error.kind === 'sync-gap', 'an API error');
    equal('sync' in odd.error ? odd.error.sync : undefined, undefined, 'a malformed detail is dropped');

    const conflict = await createApiClient(
      '',
      answering(422, { error: { kind: 'idempotency-conflict', message: '別の内容' } }),
    ).sync(envelopes, 't');
    equal(conflict.ok ? 'ok' : conflict.error.kind, 'idempotency-conflict');

    const down = await createApiClient('', async () => {
      throw new TypeError('Failed to fetch');
    }).sync(envelopes, 't');
    equal(down.ok ? 'ok' : down.error.kind, 'unreachable', 'network down');
    const gateway = await createApiClient('', answering(502, '<html>Bad Gateway</html>', 'text/html')).sync(
      envelopes,
      't',
    );
    equal(gateway.ok ? 'ok' : gateway.error.kind, 'unreachable', 'a proxy error page');
  });

  it('sends nothing for envelopes of another device id than the one it signs as', async () => {
    const envelopes = await chain(1, 'dev_01jd0000000000000000000009');
    let calls = 0;
    const r = await createApiClient(
      '',
      (async () => {
        calls += 1;
        return new Response('{}');
      }) as typeof fetch,
      recordingSigner().signer,
    ).sync(envelopes, 't');
    equal(r.ok ? 'ok' : r.error.kind, 'device-changed');
    equal(calls, 0, 'no request');
  });
});

describe('ApiClient.importKey', () => {
  it('answers the import key, and treats anything else as no answer', async () => {
    const key = { id: 'b'.repeat(64), publicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } };
    let url = '';
    const r = await createApiClient('', (async (u: string) => {
      url = u;
      return new Response(JSON.stringify(key), { status: 200 });
    }) as typeof fetch).importKey('t');
    equal(url, API.syncImportKey);
    equal(r.ok && r.value, key, 'the key');
    const foreign = await createApiClient('', answering(200, { hello: 1 })).importKey('t');
    equal(foreign.ok ? 'ok' : foreign.error.kind, 'unreachable');
    const refused = await createApiClient(
      '',
      answering(403, { error: { kind: 'forbidden', message: '権限がありません' } }),
    ).importKey('t');
    equal(refused.ok ? 'ok' : refused.error.kind, 'forbidden');
  });
});
