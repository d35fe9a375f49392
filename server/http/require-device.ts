// Per-device request authentication (issue 5; the scheme is shared/device-auth.ts). On a route
// that changes state from a tablet it runs after the staff member's permission:
//   .post('/', requirePermission(deps, 'applications.submit'), requireDevice(deps), handler)
// so both are needed: a signed-in counter account AND an enrolled, unrevoked tablet whose key
// signed this very request. The cheap checks come first (the headers, the device, the clock);
// only then is the body read (within its limit) and its exact bytes hashed and verified. The
// bytes are handed on (c.get('device').body), so the handler parses what the signature covers.
// A refusal is a 401 whose kind tells the tablet what to do (device-unknown / device-revoked:
// enroll again; device-signature; device-clock: set the clock), audited as device.refused
// (staff, device id, reason, route; never the signature or the body). A success updates
// last_seen_at (at most once a minute).
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { MAX_BODY_BYTES } from '../../shared/application.ts';
import {
  bytesOfBase64Url,
  DEVICE_HEADER,
  DEVICE_SIGNATURE_HEADER,
  DEVICE_TIME_HEADER,
  deviceSigningInput,
  MAX_DEVICE_CLOCK_SKEW_MS,
} from '../../shared/device-auth.ts';
import { isDeviceId } from '../../shared/sync/envelope.ts';
import { type AuthenticatedStaff, staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { sha256HexOfBytes, verifyDeviceSignature } from '../devices/crypto.ts';
import type { BackOfficeError } from '../errors.ts';
import { recordAudit } from '../store/audit.ts';
import { findDevice, touchDevice } from '../store/devices.ts';
import { leaveBodyUnread, nodeIncoming, readJsonBytes } from './body.ts';
import { type AppEnv, failure } from './env.ts';
import { auditRefusedBody } from './refused-body.ts';
import { routeCheck } from './require-staff.ts';
import { emptyBody } from './schemas.ts';

export interface AuthenticatedDevice {
  readonly id: string;
  readonly name: string;
  /** The body exactly as received, which the signature covers. */
  readonly body: Uint8Array;
  /** Its SHA-256 (hex), as signed: the idempotency record keeps it to tell a resend from a reuse. */
  readonly bodySha256: string;
}

type DeviceRefusal = Extract<
  BackOfficeError['kind'],
  'device-unknown' | 'device-revoked' | 'device-signature' | 'device-clock'
>;

const LAST_SEEN_RESOLUTION_MS = 60_000;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

export function requireDevice(deps: BackOfficeDeps, limit = MAX_BODY_BYTES): MiddlewareHandler<AppEnv> {
  const refuse = async (c: Context<AppEnv>, reason: DeviceRefusal, deviceId: string | null) => {
    const session = c.get('session') as AuthenticatedStaff | undefined;
    await recordAudit(deps.sql, deps.clock.now(), {
      actor: session ? staffActor(session.staff) : 'anonymous',
      action: 'device.refused',
      target: deviceId,
      detail: { reason, route: `${c.req.method} ${routePath(c)}` },
    });
    await leaveBodyUnread(c.req.raw, nodeIncoming(c.env));
    return failure(c, { kind: reason });
  };
  return routeCheck(async (c, next) => {
    const deviceId = c.req.header(DEVICE_HEADER) ?? '';
    if (!isDeviceId(deviceId)) return refuse(c, 'device-unknown', null);
    const device = await findDevice(deps.sql, deviceId);
    if (!device) return refuse(c, 'device-unknown', deviceId);
    if (device.revokedAt !== null) return refuse(c, 'device-revoked', deviceId);
    const time = c.req.header(DEVICE_TIME_HEADER) ?? '';
    const at = ISO_INSTANT.test(time) ? Date.parse(time) : Number.NaN;
    const now = deps.clock.now();
    if (!Number.isFinite(at) || Math.abs(now.getTime() - at) > MAX_DEVICE_CLOCK_SKEW_MS)
      return refuse(c, 'device-clock', deviceId);
    const signature = bytesOfBase64Url(c.req.header(DEVICE_SIGNATURE_HEADER) ?? '');
    if (signature?.length !== 64) return refuse(c, 'device-signature', deviceId);

    const body = await readJsonBytes(c.req.raw, limit, nodeIncoming(c.env));
    if (!body.ok) {
      // Too large or not JSON: the body is not read, so only the kind is kept (request.refused).
      await auditRefusedBody(deps, c, emptyBody, body.error, deviceId);
      return failure(c, body.error);
    }
    const url = new URL(c.req.url);
    const bodySha256 = await sha256HexOfBytes(body.value);
    const text = deviceSigningInput(c.req.method, url.pathname + url.search, time, bodySha256);
    // (bytesOfBase64Url took the signature in its one canonical spelling only.)
    if (!(await verifyDeviceSignature(device.publicKey, signature, text)))
      return refuse(c, 'device-signature', deviceId);
    // 最終通信 for the admins: to the minute is enough, and it spares a commit per request.
    if (
      device.lastSeenAt === null ||
      now.getTime() - Date.parse(device.lastSeenAt) >= LAST_SEEN_RESOLUTION_MS
    )
      await touchDevice(deps.sql, deviceId, now);
    c.set('device', { id: device.id, name: device.name, body: body.value, bodySha256 });
    return next();
  }, 'device');
}
