// Device enrollment and per-device request authentication (issue 5), against PGlite and real
// PostgreSQL: an admin's one-time code (15 minutes, hash only), enrollment with a P-256 public key,
// the throttle on failed enrollments, every way a signed POST /api/sync can be refused (and that
// each refusal stores nothing and is audited), revocation, and the audit entries, which never hold
// a code or a key.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  API,
  type ApiErrorBody,
  type DeviceInfo,
  type DeviceListResponse,
  type EnrollDeviceResponse,
  type EnrollmentCodeResponse,
} from '../shared/api.ts';
import { DEVICE_HEADER } from '../shared/device-auth.ts';
import { isDeviceId } from '../shared/sync/envelope.ts';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyFor, type SyncAck } from '../shared/sync/protocol.ts';
import { DEMO_COUNTER, DEMO_STAFF } from './auth/seed.ts';
import { MAX_FAILURES, WINDOW_MS } from './auth/sign-in-throttle.ts';
import { normalizeEnrollmentCode } from './devices/crypto.ts';
import { listAudit } from './store/audit.ts';
import { toInt } from './store/sql.ts';
import { TestDevice } from './test-support/device.ts';
import { validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const CODE = /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{2}$/;
const REFUSED_CODE =
  '登録コードが正しくないか、使用済みか、有効期限（発行から15分）が切れています。管理者に新しい登録コードを発行してもらい、入力し直してください。';

describe('enrollment codes', () => {
  it('folds what staff may type into the code, and refuses what cannot be one', () => {
    expect(normalizeEnrollmentCode('k7qm-2xpa-9r')).toBe('K7QM2XPA9R');
    expect(normalizeEnrollmentCode('Ｋ７ＱＭ　２ＸＰＡ－９Ｒ')).toBe('K7QM2XPA9R'); // an IME left on
    expect(normalizeEnrollmentCode('K7QM-2XPA-9')).toBeUndefined();
    expect(normalizeEnrollmentCode('K7QM-2XPA-0R')).toBeUndefined(); // 0 is not in the alphabet
  });
});

describe.each(TEST_STORES)('devices on %s', (store) => {
  const office = useBackOffice(store);
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const lastAudit = async () => (await listAudit(office.sql)).at(-1);
  const count = async (table: string) =>
    toInt((await office.sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  const issueCode = async (token?: string) => {
    const r = await office.post(API.deviceCodes, {}, token ?? (await office.signIn(DEMO_STAFF)));
    expect(r.status).toBe(201);
    return (await r.json()) as EnrollmentCodeResponse;
  };
  const enroll = (code: string, publicKey: unknown, name = '窓口1番') =>
    office.post(API.deviceEnroll, { code, name, publicKey }, undefined);
  const enrolledDevice = async () => {
    const device = await TestDevice.create();
    const r = await enroll((await issueCode()).code, device.publicKey);
    expect(r.status).toBe(201);
    device.id = ((await r.json()) as EnrollDeviceResponse).deviceId;
    return device;
  };

  /**
   * POST /api/sync as counter staff from `device`: one application as the next envelope of its
   * chain, with the device signature made over `signedBody` / `signedPath` at `time` (by default
   * the body sent, the sync path, now). The chain moves on a 200.
   */
  const submit = async (
    device: TestDevice,
    options: { body?: string; signedBody?: string; signedPath?: string; time?: Date } = {},
  ) => {
    const application = await validEnvelope();
    const envelope = await device.envelope([application]);
    const body = options.body ?? JSON.stringify(device.batch([envelope]));
    const headers = await device.headers(
      'POST',
      options.signedPath ?? API.sync,
      options.signedBody ?? body,
      options.time ?? office.clock.now(),
    );
    const r = await office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await office.signIn(DEMO_COUNTER)}`,
        ...headers,
        [IDEMPOTENCY_KEY_HEADER]: await idempotencyKeyFor([envelope]),
      },
      body,
    });
    if (r.status === 200) device.advance(envelope);
    return { r, id: application.id, envelope };
  };

  // Failed enrollments of one test must not throttle the next one.
  beforeEach(() => office.clock.advance(WINDOW_MS + 60_000));

  it('issues a code an admin reads out: 10 characters, 15 minutes, only its hash kept, audited', async () => {
    const before = office.clock.now();
    const { code, expiresAt } = await issueCode();
    expect(code).toMatch(CODE);
    const minutes = (Date.parse(expiresAt) - before.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(14.9);
    expect(minutes).toBeLessThanOrEqual(15.1);
    const stored = await office.sql.query<{ code_hash: string }>(
      'SELECT code_hash FROM device_enrollment_codes',
    );
    for (const row of stored.rows) {
      expect(row.code_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.code_hash).not.toContain(code.replaceAll('-', ''));
    }
    const entry = await lastAudit();
    expect(entry).toMatchObject({ actor: `staff:${DEMO_STAFF.username}`, action: 'device.code-issued' });
    expect(JSON.stringify(entry)).not.toContain(code.replaceAll('-', '').slice(0, 6));
  });

  it('enrolls a tablet once with a code, lists it, and audits it without the key', async () => {
    const device = await TestDevice.create();
    const { code } = await issueCode();
    const r = await enroll(code.toLowerCase().replaceAll('-', ''), device.publicKey, '  窓口1番 ');
    expect(r.status).toBe(201);
    const body = (await r.json()) as EnrollDeviceResponse;
    expect(isDeviceId(body.deviceId)).toBe(true);
    expect(body.name).toBe('窓口1番');
    const entry = await lastAudit();
    expect(entry).toMatchObject({
      actor: `device:${body.deviceId}`,
      action: 'device.enrolled',
      target: body.deviceId,
      detail: { name: '窓口1番', issuedBy: DEMO_STAFF.username },
    });
    expect(JSON.stringify(entry)).not.toContain(device.publicKey.x);

    const list = (await (
      await office.get(API.devices, await office.signIn(DEMO_STAFF))
    ).json()) as DeviceListResponse;
    expect(list.devices[0]).toMatchObject({
      id: body.deviceId,
      name: '窓口1番',
      enrolledBy: DEMO_STAFF.username,
      revokedAt: null,
      lastSeenAt: null,
    });

    // A retry after a lost answer — the same code with the same key — gets the same device back.
    const devices = await count('devices');
    const retry = await enroll(code, device.publicKey);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(body);
    expect(await count('devices')).toBe(devices);
    expect(await lastAudit()).toMatchObject({
      action: 'device.enrolled',
      target: body.deviceId,
      detail: { repeated: true },
    });

    // One-time: the same code with another key is refused and enrolls nothing.
    const again = await enroll(code, (await TestDevice.create()).publicKey);
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toEqual({ kind: 'bad-request', message: REFUSED_CODE });
    expect(await count('devices')).toBe(devices);
    expect(await lastAudit()).toMatchObject({
      actor: 'anonymous',
      action: 'device.enroll-failed',
      target: null,
      detail: { reason: 'used-code' },
    });
  });

  it('refuses an expired code and an unknown one, saying what to do', async () => {
    const device = await TestDevice.create();
    const { code } = await issueCode();
    office.clock.advance(15 * 60_000 + 1);
    const late = await enroll(code, device.publicKey);
    expect(late.status).toBe(400);
    expect((await errorOf(late)).message).toBe(REFUSED_CODE);
    expect((await lastAudit())?.detail).toEqual({ reason: 'expired-code' });
    const unknown = await enroll('K7QM-2XPA-9R', device.publicKey);
    expect(unknown.status).toBe(400);
    expect((await lastAudit())?.detail).toEqual({ reason: 'unknown-code' });
  });

  it('accepts only a P-256 public key, and does not use up the code on a bad one', async () => {
    const device = await TestDevice.create();
    const { code } = await issueCode();
    const bad = [
      { ...device.publicKey, crv: 'P-384' },
      { ...device.publicKey, d: device.publicKey.x }, // a private key
      { ...device.publicKey, x: device.publicKey.y }, // not a point on the curve
      { kty: 'RSA', n: 'AQAB', e: 'AQAB' },
      {},
    ];
    for (const publicKey of bad) {
      const r = await enroll(code, publicKey);
      expect(r.status).toBe(400);
      expect((await errorOf(r)).message).toContain('鍵を登録できませんでした');
      expect((await lastAudit())?.detail).toEqual({ reason: 'bad-key' });
      office.clock.advance(WINDOW_MS + 1); // not the throttle under test here
    }
    // Not an object at all: a malformed request (http/schemas.ts enrollBody), audited as such.
    for (const publicKey of ['not a key', null, [device.publicKey]]) {
      const r = await enroll(code, publicKey);
      expect(r.status).toBe(400);
      expect((await errorOf(r)).message).toContain(
        '「publicKey」（端末の鍵）はJWK形式のオブジェクトにしてください',
      );
      expect((await lastAudit())?.detail).toEqual({ reason: 'malformed-request' });
      office.clock.advance(WINDOW_MS + 1);
    }
    const { code: fresh } = await issueCode();
    expect((await enroll(fresh, device.publicKey)).status).toBe(201);
  });

  it('slows down guessing: after 5 failures even a valid code waits, then works', async () => {
    const device = await TestDevice.create();
    const { code } = await issueCode();
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await enroll('K7QM-2XPA-9R', device.publicKey)).status).toBe(400);
    const audited = await count('audit_log');
    const locked = await enroll(code, device.publicKey);
    expect(locked.status).toBe(429);
    expect((await errorOf(locked)).message).toMatch(
      /端末の登録に続けて失敗したため、\d+分ほど登録できません/,
    );
    expect(await count('audit_log')).toBe(audited);
    office.clock.advance(5 * 60_000 + 1);
    expect((await enroll(code, device.publicKey)).status).toBe(201);
  });

  it('accepts an application signed by an enrolled tablet and notes when it was last seen', async () => {
    const device = await enrolledDevice();
    const { r, id, envelope } = await submit(device);
    expect(r.status).toBe(200);
    const ack = (await r.json()) as SyncAck;
    expect(ack).toMatchObject({ deviceId: device.id, lastSeq: 1, lastHash: envelope.hash });
    expect(ack.envelopes[0]?.receipts.map((x) => x.id)).toEqual([id]);
    expect(await office.countApplications(id)).toBe(1);
    const list = (await (
      await office.get(API.devices, await office.signIn(DEMO_STAFF))
    ).json()) as DeviceListResponse;
    expect(list.devices.find((d) => d.id === device.id)?.lastSeenAt).not.toBeNull();
  });

  describe('refuses, stores nothing, and audits', () => {
    const envelopesOf = async (deviceId: string | null) =>
      toInt(
        (
          await office.sql.query<{ n: unknown }>(
            'SELECT count(*) AS n FROM sync_envelopes WHERE device_id = $1',
            [deviceId ?? ''],
          )
        ).rows[0]?.n,
      );
    /** `delivered`: the envelopes the device had delivered before the refused request. */
    const refused = async (
      result: { r: Response; id: string },
      kind: string,
      message: RegExp,
      target: string | null,
      delivered = 0,
    ) => {
      expect(result.r.status).toBe(401);
      const error = await errorOf(result.r);
      expect(error.kind).toBe(kind);
      expect(error.message).toMatch(message);
      expect(await office.countApplications(result.id)).toBe(0);
      expect(await envelopesOf(target)).toBe(delivered);
      const entry = await lastAudit();
      expect(entry).toMatchObject({
        actor: `staff:${DEMO_COUNTER.username}`,
        action: 'device.refused',
        target,
        detail: { reason: kind, route: 'POST /api/sync' },
      });
      expect(JSON.stringify(entry)).not.toContain(result.id);
    };

    it('a tampered body', async () => {
      const device = await enrolledDevice();
      const envelope = await validEnvelope();
      const body = JSON.stringify(envelope);
      const tampered = body.replace('"procedure":"tennyu"', '"procedure":"tennyu" ');
      expect(tampered).not.toBe(body);
      await refused(
        await submit(device, { body: tampered, signedBody: body }),
        'device-signature',
        /署名を確認できませんでした/,
        device.id,
      );
    });

    it('a signature made for another path', async () => {
      const device = await enrolledDevice();
      await refused(await submit(device, { signedPath: API.session }), 'device-signature', /署名/, device.id);
    });

    it('a replay with an old time, and a clock far ahead', async () => {
      const device = await enrolledDevice();
      const old = new Date(office.clock.now().getTime() - 5 * 60_000 - 1000);
      await refused(
        await submit(device, { time: old }),
        'device-clock',
        /時計が5分以上ずれている/,
        device.id,
      );
      const ahead = new Date(office.clock.now().getTime() + 6 * 60_000);
      await refused(await submit(device, { time: ahead }), 'device-clock', /時刻を正しく設定/, device.id);
    });

    it('a key that is not the enrolled one', async () => {
      const device = await enrolledDevice();
      const impostor = await TestDevice.create();
      impostor.id = device.id;
      await refused(await submit(impostor), 'device-signature', /署名/, device.id);
    });

    it('an unknown device, and none at all', async () => {
      const ghost = await TestDevice.create();
      ghost.id = 'dev_00000000000000000000000000';
      await refused(await submit(ghost), 'device-unknown', /登録されていません.*登録し直して/, ghost.id);
      const r = await office.request(API.sync, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await office.signIn(DEMO_COUNTER)}`,
        },
        body: JSON.stringify(office.device.batch([await office.device.envelope([await validEnvelope()])])),
      });
      expect(r.status).toBe(401);
      expect((await errorOf(r)).kind).toBe('device-unknown');
      expect(await lastAudit()).toMatchObject({
        action: 'device.refused',
        target: null,
        detail: { reason: 'device-unknown', route: 'POST /api/sync' },
      });
    });

    it('a revoked device, from its next request on; revoking again changes nothing', async () => {
      const device = await enrolledDevice();
      expect((await submit(device)).r.status).toBe(200);
      const admin = await office.signIn(DEMO_STAFF);
      const r = await office.post(API.deviceRevoke(device.id), {}, admin);
      expect(r.status).toBe(200);
      const info = (await r.json()) as DeviceInfo;
      expect(info).toMatchObject({ id: device.id, revokedBy: DEMO_STAFF.username });
      expect(info.revokedAt).not.toBeNull();
      expect(await lastAudit()).toMatchObject({
        actor: `staff:${DEMO_STAFF.username}`,
        action: 'device.revoked',
        target: device.id,
      });
      const audited = await count('audit_log');
      const twice = await office.post(API.deviceRevoke(device.id), {}, admin);
      expect(((await twice.json()) as DeviceInfo).revokedAt).toBe(info.revokedAt);
      expect(await count('audit_log')).toBe(audited);
      await refused(await submit(device), 'device-revoked', /取り消されています.*登録し直して/, device.id, 1);
      expect((await office.post(API.deviceRevoke('dev_zzzzzzzzzzzzzzzzzzzzzzzzzz'), {}, admin)).status).toBe(
        404,
      );
    });

    it('a signed request without a staff sign-in (both are needed)', async () => {
      const device = await enrolledDevice();
      const envelopes = await device.chain([[await validEnvelope()]]);
      const body = JSON.stringify(device.batch(envelopes));
      const audited = await count('audit_log');
      const r = await office.request(API.sync, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(await device.syncHeaders(body, envelopes, office.clock.now())),
        },
        body,
      });
      expect(r.status).toBe(401);
      expect((await errorOf(r)).kind).toBe('unauthenticated');
      expect(r.headers.get(DEVICE_HEADER)).toBeNull();
      expect(await envelopesOf(device.id)).toBe(0);
      expect(await count('audit_log')).toBe(audited);
    });
  });
});
