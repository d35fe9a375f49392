// /api/devices: admins issue enrollment codes, list the tablets and revoke a lost one
// (devices.manage); a tablet enrolls itself with a code (public by declaration: the one-time code
// is its credential). Codes and device answers are no-store.
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { DeviceListResponse } from '../../shared/api.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { devicesList, enrollDevice, issueEnrollmentCode, revokeDeviceBy } from '../devices/enrollment.ts';
import { readJsonBody } from '../http/body.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { readStaffNoContent } from '../http/refused-body.ts';
import { publicRoute, requirePermission } from '../http/require-staff.ts';
import { enrollBody, parseBody } from '../http/schemas.ts';

const ENROLL_BODY_LIMIT = 4 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

/** The peer address under @hono/node-server; one bucket for all when there is none (app.request). */
function clientAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

export function deviceRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/enroll', publicRoute('device enrollment by a one-time code'), async (c) => {
      const body = await readJsonBody(c.req.raw, ENROLL_BODY_LIMIT);
      if (!body.ok) return failure(c, body.error);
      const enrolled = await enrollDevice(deps, parseBody(enrollBody, body.value), clientAddress(c));
      if (!enrolled.ok) return failure(c, enrolled.error);
      return c.json(enrolled.value, 201, NO_STORE);
    })
    .post('/codes', requirePermission(deps, 'devices.manage'), async (c) => {
      const empty = await readStaffNoContent(deps, c);
      if (!empty.ok) return failure(c, empty.error);
      const code = await issueEnrollmentCode(deps.sql, deps.clock.now(), c.get('session').staff);
      return c.json(code, 201, NO_STORE);
    })
    .get('/', requirePermission(deps, 'devices.manage'), async (c) => {
      const body: DeviceListResponse = { devices: await devicesList(deps) };
      return c.json(body, 200, NO_STORE);
    })
    .post('/:id/revoke', requirePermission(deps, 'devices.manage'), async (c) => {
      const empty = await readStaffNoContent(deps, c);
      if (!empty.ok) return failure(c, empty.error);
      const revoked = await revokeDeviceBy(deps, c.get('session').staff, c.req.param('id'));
      if (!revoked.ok) return failure(c, revoked.error);
      return c.json(revoked.value, 200, NO_STORE);
    });
}
