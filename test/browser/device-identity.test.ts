// The tablet's device key pair (issue 5) in a real browser: WebCrypto ECDSA P-256, the private key
// non-extractable and kept as a CryptoKey in IndexedDB across a reopen, the API client's signature
// verifying with the public key over exactly the bytes it sent (POST /api/sync), and the schema
// upgrades keeping what v1 stored.
import { openDB } from 'idb';
import { createApiClient } from '../../pwa/api/client.ts';
import { DB_VERSION, openKakanaiDB } from '../../pwa/storage/db.ts';
import { DeviceIdentity } from '../../pwa/storage/device.ts';
import { API } from '../../shared/api.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import {
  bytesOfBase64Url,
  DEVICE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIME_HEADER,
  deviceSigningInput,
  hexOf,
} from '../../shared/device-auth.ts';
import {
  GENESIS_HASH,
  SYNC_SCHEMA,
  type SyncEnvelope,
  sealSyncEnvelope,
} from '../../shared/sync/envelope.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import { tennyuEnvelope } from '../fixtures/applications.ts';
import { assert, equal } from './assert.ts';

const DEVICE_ID = 'dev_01jd0000000000000000000000';

/** The first envelope of this device's chain, holding one application. */
function syncEnvelopeOf(application: ApplicationEnvelope): Promise<SyncEnvelope> {
  return sealSyncEnvelope({
    schema: SYNC_SCHEMA,
    id: ulidFactory()(),
    deviceId: DEVICE_ID,
    seq: 1,
    createdAt: new Date().toISOString(),
    procedures: [application.procedure],
    payload: [application],
    prevHash: GENESIS_HASH,
  });
}

async function enrolledIdentity(name: string) {
  const db = await openKakanaiDB(name);
  const identity = new DeviceIdentity(db);
  const publicJwk = await identity.publicKeyForEnrollment();
  await identity.completeEnrollment({
    deviceId: DEVICE_ID,
    name: '窓口1番',
    enrolledAt: new Date().toISOString(),
  });
  return { db, identity, publicJwk };
}

async function verifies(jwk: JsonWebKey, signature: string, text: string): Promise<boolean> {
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'verify',
  ]);
  const bytes = bytesOfBase64Url(signature);
  assert(bytes?.length === 64, 'a 64-byte P1363 signature');
  return crypto.subtle.verify(
    { name: 'ECDSA', hash: 'SHA-256' },
    key,
    bytes as Uint8Array<ArrayBuffer>,
    new TextEncoder().encode(text),
  );
}

describe('device identity', () => {
  it('makes a P-256 key pair whose private key cannot be exported', async () => {
    const { db, publicJwk } = await enrolledIdentity(`kakanai-test-${crypto.randomUUID()}`);
    const record = await db.get('device', 'enrolled');
    assert(record, 'stored');
    equal(record.privateKey.extractable, false, 'private key non-extractable');
    equal((record.privateKey.algorithm as EcKeyAlgorithm).namedCurve, 'P-256');
    let exported = true;
    await crypto.subtle.exportKey('jwk', record.privateKey).catch(() => {
      exported = false;
    });
    equal(exported, false, 'exportKey refuses the private key');
    equal(Object.keys(publicJwk).sort(), ['crv', 'kty', 'x', 'y'], 'only the public members leave');
    equal(await db.get('device', 'pending'), undefined, 'the pending pair became the enrolled one');
    db.close();
  });

  it('keeps the key across a reopen of the database, and signs with it', async () => {
    const name = `kakanai-test-${crypto.randomUUID()}`;
    const first = await enrolledIdentity(name);
    first.db.close();
    const db = await openKakanaiDB(name);
    const identity = new DeviceIdentity(db);
    equal((await identity.enrolled())?.deviceId, DEVICE_ID, 'still enrolled');
    const body = new TextEncoder().encode('{"a":1}');
    const headers = await identity.sign('POST', '/api/applications', body);
    assert(headers, 'signed');
    const hash = hexOf(new Uint8Array(await crypto.subtle.digest('SHA-256', body)));
    const text = deviceSigningInput('POST', '/api/applications', headers[DEVICE_TIME_HEADER] as string, hash);
    assert(await verifies(first.publicJwk, headers[DEVICE_SIGNATURE_HEADER] as string, text), 'verifies');
    db.close();
  });

  it('makes a new key pair for a re-enrollment', async () => {
    const { db, identity, publicJwk } = await enrolledIdentity(`kakanai-test-${crypto.randomUUID()}`);
    const next = await identity.publicKeyForEnrollment();
    assert(next.x !== publicJwk.x, 'a fresh key for the next enrollment');
    equal((await identity.enrolled())?.deviceId, DEVICE_ID, 'the current identity stays until replaced');
    db.close();
  });

  it('signs POST /api/sync in the API client: the signature verifies over the bytes sent', async () => {
    const { db, identity, publicJwk } = await enrolledIdentity(`kakanai-test-${crypto.randomUUID()}`);
    const envelope = await syncEnvelopeOf(tennyuEnvelope());
    let seen: { url: string; headers: Headers; body: Uint8Array } | undefined;
    const fakeFetch = (async (url: string, init: RequestInit) => {
      seen = { url, headers: new Headers(init.headers), body: init.body as Uint8Array };
      return new Response(JSON.stringify({ error: { kind: 'device-revoked', message: '取り消し' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof fetch;
    const client = createApiClient('', fakeFetch, identity);
    const r = await client.sync([envelope], 'token');
    equal(r.ok ? 'ok' : r.error.kind, 'device-revoked', 'the refusal kind reaches the engine');
    assert(seen, 'sent');
    equal(seen.url, API.sync);
    equal(seen.headers.get(DEVICE_HEADER), DEVICE_ID);
    equal(
      JSON.parse(new TextDecoder().decode(seen.body)).envelopes[0].id,
      envelope.id,
      'the body is the batch',
    );
    const hash = hexOf(
      new Uint8Array(await crypto.subtle.digest('SHA-256', seen.body as Uint8Array<ArrayBuffer>)),
    );
    const time = seen.headers.get(DEVICE_TIME_HEADER) as string;
    assert(Math.abs(Date.parse(time) - Date.now()) < 60_000, 'the time is now');
    const text = deviceSigningInput('POST', API.sync, time, hash);
    assert(await verifies(publicJwk, seen.headers.get(DEVICE_SIGNATURE_HEADER) as string, text), 'verifies');
    assert(
      !(await verifies(publicJwk, seen.headers.get(DEVICE_SIGNATURE_HEADER) as string, `${text}0`)),
      'only that',
    );
    db.close();
  });

  it('sends nothing from a tablet that is not enrolled', async () => {
    const db = await openKakanaiDB(`kakanai-test-${crypto.randomUUID()}`);
    let calls = 0;
    const client = createApiClient(
      '',
      (async () => {
        calls += 1;
        return new Response('{}');
      }) as typeof fetch,
      new DeviceIdentity(db),
    );
    const r = await client.sync([await syncEnvelopeOf(tennyuEnvelope())], 'token');
    equal(r.ok ? 'ok' : r.error.kind, 'device-unknown');
    equal(calls, 0, 'no request at all');
    db.close();
  });

  it('upgrades a version 1 database to the current version and keeps its data', async () => {
    const name = `kakanai-test-${crypto.randomUUID()}`;
    const v1 = await openDB(name, 1, {
      upgrade(db) {
        const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
        outbox.createIndex('byState', 'state');
        outbox.createIndex('byCreatedAt', 'createdAt');
        db.createObjectStore('settings');
        db.createObjectStore('keys');
      },
    });
    await v1.put('outbox', { id: 'a', procedure: 'tennyu', createdAt: 'x', state: 'pending', attempts: 0 });
    await v1.put('settings', 'kept', 'some-setting');
    v1.close();
    const db = await openKakanaiDB(name);
    equal(db.version, DB_VERSION);
    // Kept through v2 and v3: the v3 upgrade moves the v1/v2 records into outboxV2.
    equal((await db.get('outboxV2', 'a'))?.state, 'pending', 'outbox kept');
    equal(await db.get('settings', 'some-setting'), 'kept', 'settings kept');
    equal(await new DeviceIdentity(db).enrolled(), undefined, 'not enrolled yet');
    db.close();
  });
});
