// Device enrollment (issue 5): an admin issues a one-time code (valid 15 minutes, shown once, only
// its hash kept); the tablet sends it with a name and its public key and gets its device id. From
// then on the tablet signs its requests (http/require-device.ts). An admin can revoke a lost
// tablet: its next request is refused. Every step is audited; the code never is, nor the key
// (a short thumbprint names it).
//
// Guessing codes is slowed down like guessing passwords (auth/sign-in-throttle.ts, the same
// class): after 5 failed enrollments within 15 minutes from one address, that address is refused
// for 5 minutes. With 29^10 codes and a 15-minute life a guess has no chance anyway; the throttle
// keeps a misbehaving client from filling the audit log.
import type { DeviceInfo, EnrollDeviceResponse, EnrollmentCodeResponse } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { ulidFactory } from '../../shared/sync/ulid.ts';
import { SignInThrottle } from '../auth/sign-in-throttle.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import type { EnrollBody } from '../http/schemas.ts';
import { appendAudit, recordAudit } from '../store/audit.ts';
import {
  claimEnrollmentCode,
  type DevicePublicJwk,
  deviceInfo,
  enrolledWithCode,
  enrollmentCodeState,
  insertDevice,
  insertEnrollmentCode,
  listDevices,
  revokeDevice,
} from '../store/devices.ts';
import type { SqlClient } from '../store/sql.ts';
import type { StaffIdentity } from '../store/staff.ts';
import {
  enrollmentCodeHash,
  formatEnrollmentCode,
  keyThumbprint,
  newEnrollmentCode,
  normalizeEnrollmentCode,
  parseDevicePublicKey,
} from './crypto.ts';

export const ENROLLMENT_CODE_MINUTES = 15;
export { DEVICE_NAME_MAX } from '../http/schemas.ts';

const nextUlid = ulidFactory();
/** `dev_` + a ULID in lower case: 26 base32 characters, sortable by enrollment time. */
export const newDeviceId = () => `dev_${nextUlid().toLowerCase()}`;

const throttles = new WeakMap<BackOfficeDeps, SignInThrottle>();

/** One enrollment throttle per back-office app (its deps object), keyed by client address. */
export function enrollThrottle(deps: BackOfficeDeps): SignInThrottle {
  let t = throttles.get(deps);
  if (!t) {
    t = new SignInThrottle();
    throttles.set(deps, t);
  }
  return t;
}

/** Issues a code; `minutes` is longer only for the demo's code printed at start (main.ts). */
export async function issueEnrollmentCode(
  sql: SqlClient,
  now: Date,
  staff: StaffIdentity,
  minutes = ENROLLMENT_CODE_MINUTES,
): Promise<EnrollmentCodeResponse> {
  const code = newEnrollmentCode();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await sql.transaction(async (tx) => {
    await insertEnrollmentCode(tx, {
      codeHash: enrollmentCodeHash(code),
      issuedBy: staff.id,
      issuedAt: now,
      expiresAt,
    });
    await appendAudit(tx, now, {
      actor: staffActor(staff),
      action: 'device.code-issued',
      target: null,
      detail: { expiresAt: expiresAt.toISOString() },
    });
  });
  return { code: formatEnrollmentCode(code), expiresAt: expiresAt.toISOString() };
}

/**
 * `parsed` is the body as http/schemas.ts enrollBody read it (the name NFC and trimmed): a
 * malformed one counts as a failed enrollment (throttled and audited) like a wrong code.
 */
export async function enrollDevice(
  deps: BackOfficeDeps,
  parsed: Result<EnrollBody, BackOfficeError>,
  client: string,
): Promise<Result<EnrollDeviceResponse, BackOfficeError>> {
  const now = deps.clock.now();
  const throttle = enrollThrottle(deps);
  const waitMs = throttle.retryAfterMs(client, now);
  if (waitMs > 0)
    return err({ kind: 'too-many-enroll-attempts', retryAfterMinutes: Math.ceil(waitMs / 60_000) });
  const failed = async (reason: string, error: BackOfficeError) => {
    throttle.recordFailure(client, now);
    await recordAudit(deps.sql, now, {
      actor: 'anonymous',
      action: 'device.enroll-failed',
      target: null,
      detail: { reason },
    });
    return err(error);
  };

  if (!parsed.ok) return failed('malformed-request', parsed.error);
  const request = parsed.value;
  const code = normalizeEnrollmentCode(request.code);
  if (!code) return failed('unknown-code', { kind: 'enroll-code-refused' });
  const publicKey = await parseDevicePublicKey(request.publicKey);
  if (!publicKey) return failed('bad-key', { kind: 'bad-public-key' });

  const codeHash = enrollmentCodeHash(code);
  const deviceId = newDeviceId();
  const enrolled = await deps.sql.transaction(async (tx) => {
    // The device row first (the code points at it), removed with the transaction if the claim fails.
    const issuedBy = await tx.query<{ issued_by: unknown }>(
      'SELECT issued_by FROM device_enrollment_codes WHERE code_hash = $1',
      [codeHash],
    );
    const issuer = issuedBy.rows[0];
    if (!issuer) return undefined;
    await insertDevice(tx, {
      id: deviceId,
      name: request.name,
      publicKey,
      enrolledAt: now,
      enrolledBy: Number(issuer.issued_by),
    });
    const claimed = await claimEnrollmentCode(tx, codeHash, deviceId, now);
    if (claimed === undefined) {
      await tx.query('DELETE FROM devices WHERE id = $1', [deviceId]);
      return undefined;
    }
    const by = await tx.query<{ username: string }>('SELECT username FROM staff WHERE id = $1', [claimed]);
    await appendAudit(tx, now, {
      actor: `device:${deviceId}`,
      action: 'device.enrolled',
      target: deviceId,
      detail: { name: request.name, issuedBy: by.rows[0]?.username ?? null, key: keyThumbprint(publicKey) },
    });
    return true;
  });
  if (!enrolled) {
    const state = await enrollmentCodeState(deps.sql, codeHash, now);
    if (state === 'used') {
      // The tablet's retry after a lost answer: the same code with the same key it enrolled
      // within the code's lifetime gets the same device back (the key pair stays pending on the
      // tablet until it hears the answer). Any other key is refused as before.
      const earlier = await enrolledWithCode(deps.sql, codeHash, now);
      if (earlier && sameKey(earlier.publicKey, publicKey)) {
        await recordAudit(deps.sql, now, {
          actor: `device:${earlier.id}`,
          action: 'device.enrolled',
          target: earlier.id,
          detail: { name: earlier.name, repeated: true, key: keyThumbprint(publicKey) },
        });
        throttle.recordSuccess(client);
        return ok({ deviceId: earlier.id, name: earlier.name, enrolledAt: earlier.enrolledAt });
      }
    }
    return failed(state === 'usable' ? 'code-race' : `${state}-code`, { kind: 'enroll-code-refused' });
  }
  throttle.recordSuccess(client);
  return ok({ deviceId, name: request.name, enrolledAt: now.toISOString() });
}

const sameKey = (a: DevicePublicJwk, b: DevicePublicJwk) =>
  a.kty === b.kty && a.crv === b.crv && a.x === b.x && a.y === b.y;

export async function devicesList(deps: BackOfficeDeps): Promise<DeviceInfo[]> {
  return listDevices(deps.sql);
}

export async function revokeDeviceBy(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  id: string,
): Promise<Result<DeviceInfo, BackOfficeError>> {
  const now = deps.clock.now();
  const revoked = await deps.sql.transaction(async (tx) => {
    const found = await deviceInfo(tx, id);
    if (!found) return false;
    // A second revoke changes nothing and is not audited again: the first one said it.
    if (await revokeDevice(tx, id, staff.id, now))
      await appendAudit(tx, now, {
        actor: staffActor(staff),
        action: 'device.revoked',
        target: id,
        detail: { name: found.name },
      });
    return true;
  });
  const info = revoked ? await deviceInfo(deps.sql, id) : undefined;
  return info ? ok(info) : err({ kind: 'device-not-found' });
}
