// /api/staff: admins list the staff accounts, add one, change a role and reset a password
// (staff.manage). Every change is audited in the same transaction (target: the username; never a
// password). The last admin cannot lose the admin role: a back office must never lock itself out.
// A password reset ends every session of that member, so an old token stops working at once,
// and lifts a lock-out by failed sign-ins.
import { Hono } from 'hono';
import { STAFF_USERNAME_PATTERN, type StaffListResponse, type StaffMember } from '../../shared/api.ts';
import { hashPassword } from '../auth/password.ts';
import { signInThrottle } from '../auth/sign-in-throttle.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { readStaffBody } from '../http/refused-body.ts';
import { requirePermission } from '../http/require-staff.ts';
import { createStaffBody, staffPasswordBody, staffRoleBody } from '../http/schemas.ts';
import { appendAudit } from '../store/audit.ts';
import {
  createStaff,
  findStaffMember,
  listStaff,
  lockAndCountAdmins,
  resetStaffPassword,
  type StaffListRow,
  updateStaffRole,
} from '../store/staff.ts';

const STAFF_BODY_LIMIT = 8 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

function member(deps: BackOfficeDeps, row: StaffListRow, now: Date): StaffMember {
  return {
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    createdAt: row.createdAt,
    locked: signInThrottle(deps).retryAfterMs(row.username, now) > 0,
  };
}

export function staffRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  // scrypt takes 32 MiB: the sign-in throttle's slots bound how many run at once.
  const hash = (password: string) => signInThrottle(deps).hashing(() => hashPassword(password));
  const known = (username: string) => STAFF_USERNAME_PATTERN.test(username);

  return new Hono<AppEnv>()
    .get('/', requirePermission(deps, 'staff.manage'), async (c) => {
      const now = deps.clock.now();
      const body: StaffListResponse = { staff: (await listStaff(deps.sql)).map((r) => member(deps, r, now)) };
      return c.json(body, 200, NO_STORE);
    })
    .post('/', requirePermission(deps, 'staff.manage'), async (c) => {
      const body = await readStaffBody(deps, c, createStaffBody, STAFF_BODY_LIMIT);
      if (!body.ok) return failure(c, body.error);
      const { username, displayName, role, password } = body.value;
      if (await findStaffMember(deps.sql, username))
        return failure(c, { kind: 'staff-username-taken', username });
      const passwordHash = await hash(password);
      const actor = staffActor(c.get('session').staff);
      const now = deps.clock.now();
      const created = await deps.sql.transaction(async (tx) => {
        const row = await createStaff(tx, { username, displayName, role, passwordHash, createdAt: now });
        if (row)
          await appendAudit(tx, now, { actor, action: 'staff.created', target: username, detail: { role } });
        return row;
      });
      // Taken between the look-up and the insert: the same answer.
      if (!created) return failure(c, { kind: 'staff-username-taken', username });
      return c.json(member(deps, created, now), 201, NO_STORE);
    })
    .post('/:username/role', requirePermission(deps, 'staff.manage'), async (c) => {
      const body = await readStaffBody(deps, c, staffRoleBody, STAFF_BODY_LIMIT);
      if (!body.ok) return failure(c, body.error);
      const username = c.req.param('username');
      if (!known(username)) return failure(c, { kind: 'staff-not-found' });
      const { role } = body.value;
      const actor = staffActor(c.get('session').staff);
      const now = deps.clock.now();
      const outcome = await deps.sql.transaction(async (tx) => {
        const admins = await lockAndCountAdmins(tx);
        const current = await findStaffMember(tx, username);
        if (!current) return 'not-found' as const;
        if (current.role === role) return current;
        if (current.role === 'admin' && admins <= 1) return 'last-admin' as const;
        const updated = await updateStaffRole(tx, username, role);
        if (!updated) return 'not-found' as const;
        await appendAudit(tx, now, {
          actor,
          action: 'staff.role-changed',
          target: username,
          detail: { from: current.role, to: role },
        });
        return updated;
      });
      if (outcome === 'not-found') return failure(c, { kind: 'staff-not-found' });
      if (outcome === 'last-admin') return failure(c, { kind: 'last-admin' });
      return c.json(member(deps, outcome, now), 200, NO_STORE);
    })
    .post('/:username/password', requirePermission(deps, 'staff.manage'), async (c) => {
      const body = await readStaffBody(deps, c, staffPasswordBody, STAFF_BODY_LIMIT);
      if (!body.ok) return failure(c, body.error);
      const username = c.req.param('username');
      if (!known(username) || !(await findStaffMember(deps.sql, username)))
        return failure(c, { kind: 'staff-not-found' });
      const passwordHash = await hash(body.value.password);
      const actor = staffActor(c.get('session').staff);
      const now = deps.clock.now();
      const reset = await deps.sql.transaction(async (tx) => {
        const done = await resetStaffPassword(tx, username, passwordHash);
        if (done)
          await appendAudit(tx, now, {
            actor,
            action: 'staff.password-reset',
            target: username,
            detail: { sessionsEnded: done.sessionsEnded },
          });
        return done;
      });
      if (!reset) return failure(c, { kind: 'staff-not-found' });
      // A member locked out by failed sign-ins can use the new password at once.
      signInThrottle(deps).recordSuccess(username);
      return c.body(null, 204);
    });
}
