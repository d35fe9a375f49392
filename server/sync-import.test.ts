// The export file import of issue 5 point 9 on PGlite and PostgreSQL: the import key (one, also
// when the first asks race; retired keys still open their files), an import stores every envelope
// once, a second import of the same file and a later network sync of the same envelopes store
// nothing more and answer the first receipts, and a tampered file, another key, an unknown or
// revoked device, a gap and a role without sync.import are refused, audited, and store nothing.
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import { loadCatalogue } from '../shared/procedures/registry.ts';
import type { SyncEnvelope } from '../shared/sync/envelope.ts';
import {
  type ExportFile,
  exportFileText,
  importKeyIdOf,
  sealExportFile,
} from '../shared/sync/export-file.ts';
import type { SyncImportKeyResponse, SyncImportResponse } from '../shared/sync/import-types.ts';
import type { SyncAck } from '../shared/sync/protocol.ts';
import { DEMO_BACKOFFICE, DEMO_COUNTER, DEMO_STAFF } from './auth/seed.ts';
import type { BackOfficeDeps } from './deps.ts';
import type { AppEnv } from './http/env.ts';
import { requireStaff } from './http/require-staff.ts';
import { syncImportRoutes } from './routes/sync-import.ts';
import { listAudit } from './store/audit.ts';
import { revokeDevice } from './store/devices.ts';
import { toInt } from './store/sql.ts';
import { currentImportKey, importPrivateKey, retireImportKey } from './sync/import-key.ts';
import { TestDevice } from './test-support/device.ts';
import { RESIDENT, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('export file import on %s', (store) => {
  const office = useBackOffice(store);
  /**
   * The import routes as app.ts mounts them (app.route(API.sync, syncImportRoutes(deps))), on the
   * harness's store and clock; sign-in and POST /api/sync go to the harness's app.
   */
  let app: Hono<AppEnv>;
  let admin = '';
  let counter = '';
  let backoffice = '';
  beforeAll(async () => {
    const deps: BackOfficeDeps = {
      sql: office.sql,
      clock: office.clock,
      log: (line) => office.logs.push(line),
      version: 'test',
      procedures: await loadCatalogue(),
    };
    app = new Hono<AppEnv>();
    app.use('/api/*', requireStaff(deps));
    app.route(API.sync, syncImportRoutes(deps));
    [admin, counter, backoffice] = await Promise.all([
      office.signIn(DEMO_STAFF),
      office.signIn(DEMO_COUNTER),
      office.signIn(DEMO_BACKOFFICE),
    ]);
  });

  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const getKey = (token: string) => Promise.resolve(app.request(API.syncImportKey, { headers: auth(token) }));
  const postFile = (body: unknown, token = backoffice) =>
    Promise.resolve(
      app.request(API.syncImport, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth(token) },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const count = async (sql: string, params: unknown[] = []) =>
    toInt((await office.sql.query<{ n: unknown }>(sql, params)).rows[0]?.n);
  const applications = () => count('SELECT count(*) AS n FROM applications');
  const lastAudit = async () => (await listAudit(office.sql)).at(-1);
  const tablet = async (name = '窓口2番') =>
    (await TestDevice.create()).enrollDirectly(office.sql, name, office.clock.now());
  const visits = async (device: TestDevice, n: number) =>
    device.chain(await Promise.all(Array.from({ length: n }, async () => [await validEnvelope()])));

  const key = async (): Promise<SyncImportKeyResponse> => {
    const r = await getKey(counter);
    expect(r.status).toBe(200);
    return (await r.json()) as SyncImportKeyResponse;
  };
  const seal = async (
    device: TestDevice,
    envelopes: readonly SyncEnvelope[],
    recipient?: SyncImportKeyResponse,
  ) => {
    const r = await sealExportFile({
      envelopes,
      deviceId: device.id,
      recipient: recipient ?? (await key()),
      sign: (bytes) => device.signBytes(bytes),
      now: office.clock.now(),
    });
    if (!r.ok) throw new Error(r.error.kind);
    return r.value;
  };
  const imported = async (file: ExportFile | string, token = backoffice) => {
    const r = await postFile(typeof file === 'string' ? file : exportFileText(file), token);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    return (await r.json()) as SyncImportResponse;
  };

  it('makes one import key, also when the first asks race, and answers it to tablets', async () => {
    const raced = await Promise.all(
      Array.from({ length: 6 }, () => currentImportKey(office.sql, new Date())),
    );
    expect(new Set(raced.map((k) => k.id)).size).toBe(1);
    expect(await count('SELECT count(*) AS n FROM sync_import_keys')).toBe(1);
    const answered = await key();
    expect(answered).toEqual(raced[0]);
    expect(Object.keys(answered.publicKey).sort()).toEqual(['crv', 'kty', 'x', 'y']);
    expect(answered.id).toBe(await importKeyIdOf(answered.publicKey));
    expect(await importPrivateKey(office.sql, answered.id)).toMatchObject({
      ...answered.publicKey,
      d: expect.any(String),
    });
    expect(await importPrivateKey(office.sql, '0'.repeat(64))).toBeUndefined();
    // Sending applications is what needs the key: the back office role does not send.
    const r = await getKey(backoffice);
    expect(r.status).toBe(403);
    expect((await errorOf(r)).kind).toBe('forbidden');
  });

  it('imports a file: every envelope stored once, with its 受付番号, audited without content', async () => {
    const device = await tablet('窓口2番');
    const envelopes = await visits(device, 3);
    const before = await applications();
    const answer = await imported(await seal(device, envelopes));
    expect(answer).toMatchObject({
      deviceId: device.id,
      deviceName: '窓口2番',
      envelopes: 3,
      stored: 3,
      duplicates: 0,
      lastSeq: 3,
    });
    expect(answer.receipts.map((r) => [r.id, r.seq, r.duplicate])).toEqual(
      envelopes.map((e) => [e.id, e.seq, false]),
    );
    for (const [i, r] of answer.receipts.entries())
      expect(r.receipts).toEqual([
        {
          id: envelopes[i]?.payload[0]?.id,
          procedure: 'tennyu',
          receiptNumber: expect.stringMatching(/^R261201-\d{2}-\d{4}$/),
          receivedAt: expect.stringMatching(/^2026-12-01T/),
        },
      ]);
    expect(await applications()).toBe(before + 3);
    expect(
      await count("SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1 AND source = 'import'", [
        device.id,
      ]),
    ).toBe(3);
    const audit = await lastAudit();
    expect(audit).toMatchObject({
      actor: `staff:${DEMO_BACKOFFICE.username}`,
      action: 'sync.imported',
      target: device.id,
      detail: { firstSeq: 1, lastSeq: 3, envelopes: 3, stored: 3, duplicates: 0, applications: 3 },
    });
    const text = JSON.stringify(await listAudit(office.sql));
    for (const personal of [RESIDENT.name, RESIDENT.address, RESIDENT.phone])
      expect(text).not.toContain(personal);
  });

  it('stores nothing more when the same file is imported again, or its envelopes come over the network', async () => {
    const device = await tablet();
    const envelopes = await visits(device, 3);
    const file = await seal(device, envelopes);
    const first = await imported(file);
    const stored = await applications();

    const again = await imported(file);
    expect(again).toMatchObject({ envelopes: 3, stored: 0, duplicates: 3, lastSeq: 3 });
    expect(again.receipts).toEqual(first.receipts.map((r) => ({ ...r, duplicate: true })));
    expect(await lastAudit()).toMatchObject({
      action: 'sync.imported',
      detail: { stored: 0, duplicates: 3 },
    });

    // The tablet keeps them pending until the network answers: its next sync is a replay.
    const r = await office.sync(envelopes, counter, device);
    expect(r.status).toBe(200);
    const ack = (await r.json()) as SyncAck;
    expect(ack.lastSeq).toBe(3);
    expect(ack.envelopes).toEqual(first.receipts.map((e) => ({ ...e, duplicate: true })));
    expect(await applications()).toBe(stored);
  });

  it('takes what the network did not deliver yet, and envelopes after it later over the network', async () => {
    const device = await tablet();
    const envelopes = await visits(device, 4);
    expect((await office.sync(envelopes.slice(0, 2), counter, device)).status).toBe(200);
    const before = await applications();
    const answer = await imported(await seal(device, envelopes));
    expect(answer).toMatchObject({ envelopes: 4, stored: 2, duplicates: 2, lastSeq: 4 });
    expect(answer.receipts.map((r) => r.duplicate)).toEqual([true, true, false, false]);
    expect(await applications()).toBe(before + 2);
    device.advance(envelopes[3] as SyncEnvelope);
    const next = await visits(device, 1);
    const r = await office.sync(next, counter, device);
    expect(r.status).toBe(200);
    expect(((await r.json()) as SyncAck).lastSeq).toBe(5);
  });

  it('hands a long file to ingest in chunks of 50, in seq order', async () => {
    const device = await tablet();
    const envelopes = await visits(device, 53);
    const answer = await imported(await seal(device, envelopes));
    expect(answer).toMatchObject({ envelopes: 53, stored: 53, duplicates: 0, lastSeq: 53 });
    expect(answer.receipts.map((r) => r.seq)).toEqual(envelopes.map((e) => e.seq));
    const received = (await listAudit(office.sql)).filter(
      (e) => e.action === 'sync.received' && e.target === device.id,
    );
    expect(received.map((e) => [e.detail.source, e.detail.firstSeq, e.detail.lastSeq])).toEqual([
      ['import', 1, 50],
      ['import', 51, 53],
    ]);
  });

  it('refuses a long file with a bad application in its last chunk before storing any of it', async () => {
    const device = await tablet();
    const good = await Promise.all(Array.from({ length: 52 }, async () => [await validEnvelope()]));
    const bad = [await validEnvelope({ fields: { ...RESIDENT, postalCode: '12-34' } })];
    const file = await seal(device, await device.chain([...good, bad]));
    const before = await applications();
    const r = await postFile(exportFileText(file));
    expect(r.status).toBe(400);
    const error = await errorOf(r);
    expect(error.kind).toBe('bad-request');
    // Named by its place in the file (the 53rd), not in its chunk of 50.
    expect(error.message).toMatch(/^53件目の送信データ：1件目の申請：.*1件も取り込んでいません/);
    expect(await applications()).toBe(before);
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(0);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      target: device.id,
      detail: { reason: 'ingest', error: 'invalid-sync-envelope' },
    });
  });

  it('stores nothing of a file when the store refuses its last chunk (an application id taken)', async () => {
    const other = await tablet('窓口3番');
    const taken = await validEnvelope();
    expect((await office.sync(await other.chain([[taken]]), counter, other)).status).toBe(200);
    const device = await tablet();
    const good = await Promise.all(Array.from({ length: 52 }, async () => [await validEnvelope()]));
    // Another application under the id the other tablet's one has: a clash, refused as a conflict.
    const clash = [await validEnvelope({ id: taken.id })];
    const file = await seal(device, await device.chain([...good, clash]));
    const before = await applications();
    const r = await postFile(exportFileText(file));
    expect(r.status).toBe(409);
    expect((await errorOf(r)).message).toMatch(/1件も取り込んでいません/);
    expect(await applications()).toBe(before);
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(0);
    expect(await count('SELECT last_seq AS n FROM devices WHERE id = $1', [device.id])).toBe(0);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      target: device.id,
      detail: { reason: 'ingest', error: 'id-conflict' },
    });
  });

  it('still opens a file sealed to a retired key', async () => {
    const device = await tablet();
    const old = await key();
    const file = await seal(device, await visits(device, 1), old);
    expect(await retireImportKey(office.sql, old.id, office.clock.now())).toBe(true);
    const fresh = await key();
    expect(fresh.id).not.toBe(old.id);
    expect((await imported(file)).stored).toBe(1);
  });

  it('refuses a tampered file, audits why, and stores nothing', async () => {
    const device = await tablet();
    const file = await seal(device, await visits(device, 2));
    const before = await applications();
    const middle = Math.floor(file.ciphertext.length / 2);
    const flipped = file.ciphertext[middle] === 'A' ? 'B' : 'A';
    const cases: [unknown, string, RegExp][] = [
      [
        {
          ...file,
          ciphertext: file.ciphertext.slice(0, middle) + flipped + file.ciphertext.slice(middle + 1),
        },
        'bad-signature',
        /署名が合いません/,
      ],
      [{ ...file, lastSeq: 3, count: 3 }, 'bad-signature', /署名が合いません/],
      [{ ...file, recipientKeyId: 'f'.repeat(64) }, 'bad-signature', /署名が合いません/],
      [{ ...file, version: 2 }, 'unsupported-version', /この版（2）/],
      [{ ...file, iv: 'AAAA' }, 'not-an-export-file', /書き出しファイル（\.kakanai）ではないか/],
    ];
    for (const [body, reason, message] of cases) {
      const r = await postFile(body);
      expect(r.status).toBe(400);
      const error = await errorOf(r);
      expect(error.kind).toBe('bad-request');
      expect(error.message).toMatch(message);
      expect(await lastAudit()).toMatchObject({
        actor: `staff:${DEMO_BACKOFFICE.username}`,
        action: 'sync.import-refused',
        detail: { reason },
      });
    }
    // Not JSON at all: the same words as a file of another kind.
    const notJson = await postFile('PK\u0003\u0004 a zip file');
    expect(notJson.status).toBe(400);
    expect((await errorOf(notJson)).message).toMatch(/書き出しファイル（\.kakanai）ではないか/);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      target: null,
      detail: { reason: 'bad-json' },
    });
    expect(await applications()).toBe(before);
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(0);
  });

  it('refuses a file sealed to a key this back office never had', async () => {
    const device = await tablet();
    const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
    const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
    const publicKey = { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string } as const;
    const file = await seal(device, await visits(device, 1), {
      id: await importKeyIdOf(publicKey),
      publicKey,
    });
    const r = await postFile(exportFileText(file));
    expect(r.status).toBe(400);
    expect((await errorOf(r)).message).toMatch(/別のバックオフィス宛て/);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      target: device.id,
      detail: { reason: 'unknown-recipient-key' },
    });
  });

  it('refuses a file of a revoked or an unknown device', async () => {
    const revoked = await tablet('紛失した端末');
    const file = await seal(revoked, await visits(revoked, 2));
    expect(await revokeDevice(office.sql, revoked.id, 1, office.clock.now())).toBe(true);
    const before = await applications();
    const r = await postFile(exportFileText(file));
    expect(r.status).toBe(409);
    expect((await errorOf(r)).message).toMatch(/紛失した端末.*取り消されている/);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      target: revoked.id,
      detail: { reason: 'device-revoked' },
    });

    const stranger = await TestDevice.create();
    stranger.id = 'dev_0123456789abcdefghjkmnpqrs';
    const strangerFile = await seal(stranger, await visits(stranger, 1));
    const unknown = await postFile(exportFileText(strangerFile));
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toMatch(/登録されていません/);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      detail: { reason: 'unknown-device' },
    });
    expect(await applications()).toBe(before);
  });

  it('refuses a file that starts after a gap, and says which number to bring first', async () => {
    const device = await tablet();
    const envelopes = await visits(device, 3);
    const r = await postFile(exportFileText(await seal(device, envelopes.slice(1))));
    expect(r.status).toBe(409);
    const error = await errorOf(r);
    expect(error).toMatchObject({ kind: 'sync-gap', sync: { lastSeq: 0, seq: 2 } });
    expect(error.message).toMatch(/1番目の送信データがまだ届いていません。先に/);
    expect(await lastAudit()).toMatchObject({
      action: 'sync.import-refused',
      target: device.id,
      detail: { reason: 'ingest', error: 'sync-gap' },
    });
    expect(await count('SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1', [device.id])).toBe(0);
  });

  it('refuses a role without sync.import before reading the file (403, audited)', async () => {
    const device = await tablet();
    const file = await seal(device, await visits(device, 1));
    const before = await applications();
    const r = await postFile(exportFileText(file), counter);
    expect(r.status).toBe(403);
    expect((await errorOf(r)).kind).toBe('forbidden');
    expect(await lastAudit()).toMatchObject({
      action: 'access.refused',
      detail: { permission: 'sync.import', role: 'counter', route: 'POST /api/sync/import' },
    });
    expect(await applications()).toBe(before);
    // admin holds every permission.
    expect((await imported(file, admin)).stored).toBe(1);
  });
});
