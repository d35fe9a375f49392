// Staff administration (staff.manage), against PGlite and real PostgreSQL: an admin adds an
// account that can sign in at once, changes a role (counted from the next request on), resets a
// password (the member's sessions end), and can never take the admin role from the last admin.
// Refusals name the field; other roles get 403; every change is audited without the password.
import { describe, expect, it } from 'vitest';
import {
  API,
  type ApiErrorBody,
  type SessionInfo,
  type StaffListResponse,
  type StaffMember,
  type StaffRole,
} from '../shared/api.ts';
import { DEMO_BACKOFFICE, DEMO_COUNTER, DEMO_STAFF } from './auth/seed.ts';
import { MAX_FAILURES, WINDOW_MS } from './auth/sign-in-throttle.ts';
import { listAudit } from './store/audit.ts';
import { toInt } from './store/sql.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

describe.each(TEST_STORES)('staff administration on %s', (store) => {
  const office = useBackOffice(store);
  const errorOf = async (r: Response) => ((await r.json()) as { error: ApiErrorBody }).error;
  const admin = () => office.signIn(DEMO_STAFF);
  const create = async (username: string, role: StaffRole, password = `${username}-pass-0001`) => {
    const r = await office.post(
      API.staff,
      { username, displayName: '職員 一郎', role, password },
      await admin(),
    );
    expect(r.status).toBe(201);
    return { member: (await r.json()) as StaffMember, password };
  };
  const signInStatus = async (username: string, password: string) =>
    (await office.post(API.session, { username, password }, undefined)).status;
  const list = async () =>
    ((await (await office.get(API.staff, await admin())).json()) as StaffListResponse).staff;
  const count = async (table: string) =>
    toInt((await office.sql.query<{ n: unknown }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  it('adds a member who can sign in at once, lists it, and audits it without the password', async () => {
    const password = 'kakanai-new-member-1';
    const r = await office.post(
      API.staff,
      { username: 'sato.h', displayName: ' 佐藤 花子 ', role: 'counter', password },
      await admin(),
    );
    expect(r.status).toBe(201);
    const member = (await r.json()) as StaffMember;
    expect(member).toMatchObject({
      username: 'sato.h',
      displayName: '佐藤 花子',
      role: 'counter',
      locked: false,
    });
    expect(Number.isNaN(Date.parse(member.createdAt))).toBe(false);

    const token = await office.signIn({ username: 'sato.h', password });
    const info = (await (await office.get(API.session, token)).json()) as SessionInfo;
    expect(info.staff).toEqual({ username: 'sato.h', displayName: '佐藤 花子', role: 'counter' });

    const listed = (await list()).find((s) => s.username === 'sato.h');
    expect(listed).toEqual(member);
    expect((await list()).map((s) => s.username)).toEqual(
      expect.arrayContaining(['demo', 'counter', 'backoffice']),
    );

    const entries = await listAudit(office.sql, { target: 'sato.h' });
    expect(entries.find((e) => e.action === 'staff.created')).toMatchObject({
      actor: `staff:${DEMO_STAFF.username}`,
      detail: { role: 'counter' },
    });
    const stored = await office.sql.query<{ password_hash: string }>(
      'SELECT password_hash FROM staff WHERE username = $1',
      ['sato.h'],
    );
    expect(stored.rows[0]?.password_hash).toMatch(/^scrypt\$/);
    expect(JSON.stringify(await listAudit(office.sql))).not.toContain(password);
  });

  it('refuses a username that is taken with 409 and a Japanese message', async () => {
    await create('dup.user', 'counter');
    const before = await count('staff');
    const r = await office.post(
      API.staff,
      { username: 'dup.user', displayName: '別の人', role: 'admin', password: 'another-password-1' },
      await admin(),
    );
    expect(r.status).toBe(409);
    const error = await errorOf(r);
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('すでに使われています');
    expect(await count('staff')).toBe(before);
    expect(await signInStatus('dup.user', 'another-password-1')).toBe(401);
  });

  it('refuses bad bodies with 400 naming the fields, changes nothing and audits the refusal', async () => {
    const valid = {
      username: 'good.name',
      displayName: '正しい 名前',
      role: 'counter',
      password: 'long-enough-pw',
    };
    const cases: [unknown, string][] = [
      [{ ...valid, username: 'ab' }, 'username'],
      [{ ...valid, username: 'Upper' }, 'username'],
      [{ ...valid, username: 'x'.repeat(33) }, 'username'],
      [{ ...valid, username: 'has space' }, 'username'],
      [{ ...valid, displayName: '' }, 'displayName'],
      [{ ...valid, displayName: 'あ'.repeat(41) }, 'displayName'],
      [{ ...valid, displayName: '改\n行' }, 'displayName'],
      [{ ...valid, role: 'root' }, 'role'],
      [{ ...valid, password: 'elevenchars' }, 'password'],
      [{ ...valid, password: 12345678901234 }, 'password'],
      [{ ...valid, extra: 1 }, 'extra'],
    ];
    const token = await admin();
    for (const [body, field] of cases) {
      const staffBefore = await count('staff');
      const r = await office.post(API.staff, body, token);
      expect(r.status, JSON.stringify(body)).toBe(400);
      const error = await errorOf(r);
      expect(error.kind).toBe('bad-request');
      expect(error.problems?.map((p) => p.key)).toContain(field);
      expect(await count('staff')).toBe(staffBefore);
      const entry = (await listAudit(office.sql)).at(-1);
      expect(entry).toMatchObject({ action: 'request.refused', detail: { route: 'POST /api/staff' } });
      expect(JSON.stringify(entry)).not.toContain('long-enough-pw');
    }
    const empty = await errorOf(await office.post(API.staff, {}, token));
    expect(empty.problems?.map((p) => p.key).sort()).toEqual(['displayName', 'password', 'role', 'username']);
    expect(empty.message).toMatch(/「(username|displayName|role|password)」/);

    const role = await office.post(API.staffRole('counter'), { role: 'chief' }, token);
    expect(role.status).toBe(400);
    expect((await errorOf(role)).problems?.map((p) => p.key)).toEqual(['role']);
    const pw = await office.post(API.staffPassword('counter'), { password: 'short' }, token);
    expect(pw.status).toBe(400);
    expect((await errorOf(pw)).problems?.map((p) => p.key)).toEqual(['password']);
    expect(JSON.stringify((await listAudit(office.sql)).at(-1))).not.toContain('short');
  });

  it('answers 404 for an unknown member', async () => {
    const token = await admin();
    expect((await office.post(API.staffRole('nobody.here'), { role: 'counter' }, token)).status).toBe(404);
    const r = await office.post(API.staffPassword('NOT VALID'), { password: 'a-long-password' }, token);
    expect(r.status).toBe(404);
    expect((await errorOf(r)).message).toContain('見つかりません');
  });

  it('refuses the counter and back-office roles with 403', async () => {
    for (const account of [DEMO_COUNTER, DEMO_BACKOFFICE]) {
      const token = await office.signIn(account);
      const staffBefore = await count('staff');
      expect((await office.get(API.staff, token)).status).toBe(403);
      const body = { username: 'sneaky', displayName: '侵入', role: 'admin', password: 'sneaky-password' };
      expect((await office.post(API.staff, body, token)).status).toBe(403);
      expect((await office.post(API.staffRole(account.username), { role: 'admin' }, token)).status).toBe(403);
      const pw = await office.post(API.staffPassword('demo'), { password: 'taken-over-pass' }, token);
      expect(pw.status).toBe(403);
      expect((await errorOf(pw)).kind).toBe('forbidden');
      expect(await count('staff')).toBe(staffBefore);
      const info = (await (await office.get(API.session, token)).json()) as SessionInfo;
      expect(info.staff.role).toBe(account.username === 'counter' ? 'counter' : 'backoffice');
    }
    expect(await signInStatus('demo', 'taken-over-pass')).toBe(401);
  });

  it('changes a role from the next request on, and audits from and to', async () => {
    const { password } = await create('role.change', 'counter');
    const token = await office.signIn({ username: 'role.change', password });
    expect((await office.get(API.applications, token)).status).toBe(403);

    const r = await office.post(API.staffRole('role.change'), { role: 'backoffice' }, await admin());
    expect(r.status).toBe(200);
    expect((await r.json()) as StaffMember).toMatchObject({ username: 'role.change', role: 'backoffice' });

    const info = (await (await office.get(API.session, token)).json()) as SessionInfo;
    expect(info.staff.role).toBe('backoffice');
    expect(info.permissions).toContain('applications.read');
    expect((await office.get(API.applications, token)).status).toBe(200);
    const entry = (await listAudit(office.sql, { target: 'role.change' })).at(-1);
    expect(entry).toMatchObject({
      action: 'staff.role-changed',
      actor: `staff:${DEMO_STAFF.username}`,
      detail: { from: 'counter', to: 'backoffice' },
    });
  });

  it('never takes the admin role from the last admin', async () => {
    // Only demo is left an admin.
    const token = await admin();
    for (const s of await list())
      if (s.role === 'admin' && s.username !== 'demo')
        expect((await office.post(API.staffRole(s.username), { role: 'counter' }, token)).status).toBe(200);

    const auditBefore = await count('audit_log');
    const r = await office.post(API.staffRole('demo'), { role: 'backoffice' }, token);
    expect(r.status).toBe(409);
    const error = await errorOf(r);
    expect(error.kind).toBe('conflict');
    expect(error.message).toContain('ほかの職員を管理者にしてから');
    expect(await count('audit_log')).toBe(auditBefore);
    const info = (await (await office.get(API.session, token)).json()) as SessionInfo;
    expect(info.staff.role).toBe('admin');

    // With a second admin, either one may step down, and then the other is the last.
    const { password } = await create('second.admin', 'admin');
    const second = await office.signIn({ username: 'second.admin', password });
    const down = await office.post(API.staffRole('second.admin'), { role: 'counter' }, second);
    expect(down.status).toBe(200);
    expect((await office.get(API.staff, second)).status).toBe(403);
    expect((await office.post(API.staffRole('demo'), { role: 'counter' }, token)).status).toBe(409);
    // Setting the role a member already has changes nothing.
    expect((await office.post(API.staffRole('demo'), { role: 'admin' }, token)).status).toBe(200);
  });

  it('resets a password: the old sessions end, the new password signs in, audited without it', async () => {
    const { password } = await create('reset.me', 'backoffice');
    const oldToken = await office.signIn({ username: 'reset.me', password });
    const otherToken = await office.signIn({ username: 'reset.me', password });
    const demoToken = await admin();
    const newPassword = 'brand-new-password-42';
    const r = await office.post(API.staffPassword('reset.me'), { password: newPassword }, demoToken);
    expect(r.status).toBe(204);

    expect((await office.get(API.session, oldToken)).status).toBe(401);
    expect((await office.get(API.session, otherToken)).status).toBe(401);
    expect((await office.get(API.session, demoToken)).status).toBe(200); // only that member's sessions
    expect(await signInStatus('reset.me', password)).toBe(401);
    expect(await signInStatus('reset.me', newPassword)).toBe(200);

    const entry = (await listAudit(office.sql, { target: 'reset.me' })).find(
      (e) => e.action === 'staff.password-reset',
    );
    expect(entry).toMatchObject({ actor: `staff:${DEMO_STAFF.username}`, detail: { sessionsEnded: 2 } });
    const all = JSON.stringify(await listAudit(office.sql));
    expect(all).not.toContain(newPassword);
    expect(all).not.toContain(password);
  });

  it('shows a member locked out by failed sign-ins, and a reset lifts the lock', async () => {
    office.clock.advance(WINDOW_MS + 60_000);
    await create('locked.out', 'counter');
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await signInStatus('locked.out', 'wrong-password!')).toBe(401);
    expect((await list()).find((s) => s.username === 'locked.out')?.locked).toBe(true);
    expect((await list()).find((s) => s.username === 'demo')?.locked).toBe(false);

    const r = await office.post(
      API.staffPassword('locked.out'),
      { password: 'unlocked-password' },
      await admin(),
    );
    expect(r.status).toBe(204);
    expect((await list()).find((s) => s.username === 'locked.out')?.locked).toBe(false);
    expect(await signInStatus('locked.out', 'unlocked-password')).toBe(200);
  });
});
