// Staff roles (issue 5), against PGlite and real PostgreSQL: every /api route declares one
// permission (the route walk below fails for one that does not), each role gets exactly what is
// written out here, and a refusal is a 403 that says what to do, changes nothing and is audited.
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  API,
  type ApiErrorBody,
  PERMISSIONS,
  type Permission,
  type SessionInfo,
  type SignInResponse,
  STAFF_ROLES,
  type StaffRole,
} from '../shared/api.ts';
import { loadCatalogue } from '../shared/procedures/registry.ts';
import type { SyncAck } from '../shared/sync/protocol.ts';
import { PERMISSION_LABELS, ROLE_LABELS, ROLE_PERMISSIONS } from './auth/roles.ts';
import { DEMO_BACKOFFICE, DEMO_COUNTER, DEMO_STAFF } from './auth/seed.ts';
import type { AppEnv } from './http/env.ts';
import { requireDevice } from './http/require-device.ts';
import {
  type Access,
  accessOf,
  checkOf,
  isStaffGuard,
  requirePermission,
  requireStaff,
} from './http/require-staff.ts';
import { listAudit } from './store/audit.ts';
import { toInt } from './store/sql.ts';
import { TestDevice } from './test-support/device.ts';
import { RESIDENT, validEnvelope } from './test-support/envelope.ts';
import { type BackOffice, useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const ACCOUNT: Readonly<Record<StaffRole, { username: string; password: string }>> = {
  counter: DEMO_COUNTER,
  backoffice: DEMO_BACKOFFICE,
  admin: DEMO_STAFF,
};

/** Every route under /api (and /healthz) and what it declares, in registration order. */
const DECLARED_ROUTES = [
  'GET /healthz: public (health)',
  'POST /api/session: public (sign-in)',
  'GET /api/session: session.own',
  'DELETE /api/session: session.own',
  'GET /api/applications: applications.read',
  'GET /api/applications/:id: applications.read',
  'POST /api/applications/:id/my-number: my-number.reveal',
  'POST /api/applications/:id/transcribed: applications.update',
  'POST /api/applications/:id/status: applications.update',
  'GET /api/applications/:id/signature: applications.read',
  'GET /api/applications/:id/comments: applications.read',
  'POST /api/applications/:id/comments: applications.update',
  'GET /api/exports/:procedure/check: exports.read',
  'GET /api/exports/:procedure: exports.read',
  'POST /api/devices/enroll: public (device enrollment by a one-time code)',
  'POST /api/devices/codes: devices.manage',
  'GET /api/devices: devices.manage',
  'POST /api/devices/:id/revoke: devices.manage',
  'GET /api/staff: staff.manage',
  'POST /api/staff: staff.manage',
  'POST /api/staff/:username/role: staff.manage',
  'POST /api/staff/:username/password: staff.manage',
  'POST /api/sync: applications.submit + device',
  'GET /api/sync/import-key: applications.submit',
  'POST /api/sync/import: sync.import',
  'ALL /api: unknown-route',
  'ALL /api/*: unknown-route',
];

const describeAccess = (a: Access) =>
  a.kind === 'public' ? `public (${a.why})` : a.kind === 'permission' ? a.permission : a.kind;

interface RouteEntry {
  readonly method: string;
  readonly path: string;
  readonly handler: unknown;
}

/**
 * Walks an app's routes as Hono registered them: for every handler under /api (and /healthz), the
 * declaration its route begins with, maybe followed by further checks (requireDevice), which are
 * named after it. `undeclared` lists the routes that begin with none; `unguarded` those mounted
 * before requireStaff, where a declared permission would meet no signed-in staff.
 */
function walkRoutes(routes: readonly RouteEntry[]): {
  found: string[];
  undeclared: string[];
  unguarded: string[];
} {
  const guarded = routes.findIndex((r) => isStaffGuard(r.handler));
  const found: string[] = [];
  const undeclared: string[] = [];
  const unguarded: string[] = [];
  routes.forEach((route, i) => {
    const { method, path } = route;
    if (!(path === '/api' || path.startsWith('/api/') || path === '/healthz')) return;
    if (isStaffGuard(route.handler) || accessOf(route.handler) || checkOf(route.handler)) return;
    const sameRoute = (j: number) => routes[j]?.method === method && routes[j]?.path === path;
    let j = i - 1;
    const extra: string[] = [];
    for (; sameRoute(j) && checkOf(routes[j]?.handler); j--) extra.unshift(checkOf(routes[j]?.handler) ?? '');
    const access = sameRoute(j) ? accessOf(routes[j]?.handler) : undefined;
    if (!access) undeclared.push(`${method} ${path}`);
    else found.push([`${method} ${path}: ${describeAccess(access)}`, ...extra].join(' + '));
    if (path !== '/healthz' && !(guarded >= 0 && i > guarded)) unguarded.push(`${method} ${path}`);
  });
  return { found, undeclared, unguarded };
}

interface Call {
  readonly method: string;
  readonly path: string;
  readonly token: string;
  /** JSON, or a string sent as it is (what a device signature covers). */
  readonly body?: unknown;
  /** Further headers: the tablet's signature and Idempotency-Key for POST /api/sync. */
  readonly headers?: Record<string, string>;
}

interface Endpoint {
  /** As the refusal's audit entry names it: the route pattern, never the path with its id. */
  readonly route: string;
  readonly permission: Permission;
  /** Written out here, not read from auth/roles.ts: this is what the table is checked against. */
  readonly allowed: readonly StaffRole[];
  /** What an allowed role gets: the operation itself answered. */
  readonly status: number;
  /** Runs before the row counts are taken, so it may sign in or make an envelope. */
  call(role: StaffRole): Promise<Call>;
}

const EVERYONE = STAFF_ROLES;

function endpoints(office: BackOffice, tokens: Record<StaffRole, string>, id: () => string): Endpoint[] {
  const as = (role: StaffRole, method: string, path: string, body?: unknown): Call => ({
    method,
    path,
    token: tokens[role],
    body,
  });
  return [
    {
      route: 'GET /api/session',
      permission: 'session.own',
      allowed: EVERYONE,
      status: 200,
      call: async (role) => as(role, 'GET', API.session),
    },
    {
      route: 'DELETE /api/session',
      permission: 'session.own',
      allowed: EVERYONE,
      status: 204,
      // Its own token, so the one the other calls use stays signed in.
      call: async (role) => ({
        method: 'DELETE',
        path: API.session,
        token: await office.signIn(ACCOUNT[role]),
      }),
    },
    {
      route: 'GET /api/applications',
      permission: 'applications.read',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', `${API.applications}?status=received`),
    },
    {
      route: 'GET /api/applications/:id',
      permission: 'applications.read',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', API.application(id())),
    },
    {
      route: 'POST /api/applications/:id/my-number',
      permission: 'my-number.reveal',
      allowed: ['backoffice', 'admin'],
      status: 404, // allowed, and answered: a 転入届 holds no My Number (api-my-number.test.ts reveals one)
      call: async (role) => as(role, 'POST', API.revealMyNumber(id()), { reason: '基幹系への登録のため' }),
    },
    {
      route: 'POST /api/applications/:id/transcribed',
      permission: 'applications.update',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'POST', API.transcribed(id()), {}),
    },
    {
      route: 'POST /api/applications/:id/status',
      permission: 'applications.update',
      allowed: ['backoffice', 'admin'],
      status: 400, // allowed, and answered: no such status (api-dashboard.test.ts walks the flow)
      call: async (role) => as(role, 'POST', API.applicationStatus(id()), { to: 'nowhere' }),
    },
    {
      route: 'GET /api/applications/:id/signature',
      permission: 'applications.read',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', API.applicationSignature(id())),
    },
    {
      route: 'GET /api/applications/:id/comments',
      permission: 'applications.read',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', API.applicationComments(id())),
    },
    {
      route: 'POST /api/applications/:id/comments',
      permission: 'applications.update',
      allowed: ['backoffice', 'admin'],
      status: 201,
      call: async (role) => as(role, 'POST', API.applicationComments(id()), { text: '確認しました' }),
    },
    {
      route: 'GET /api/exports/:procedure/check',
      permission: 'exports.read',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', `${API.exportCheck('tennyu')}?encoding=shift_jis`),
    },
    {
      route: 'GET /api/exports/:procedure',
      permission: 'exports.read',
      allowed: ['backoffice', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', `${API.exportCsv('tennyu')}?encoding=utf-8`),
    },
    {
      route: 'POST /api/devices/codes',
      permission: 'devices.manage',
      allowed: ['admin'],
      status: 201,
      call: async (role) => as(role, 'POST', API.deviceCodes, {}),
    },
    {
      route: 'GET /api/devices',
      permission: 'devices.manage',
      allowed: ['admin'],
      status: 200,
      call: async (role) => as(role, 'GET', API.devices),
    },
    {
      route: 'POST /api/devices/:id/revoke',
      permission: 'devices.manage',
      allowed: ['admin'],
      status: 404, // allowed, and answered: no such device (api-devices.test.ts revokes one)
      call: async (role) => as(role, 'POST', API.deviceRevoke('dev_00000000000000000000000000'), {}),
    },
    {
      route: 'GET /api/staff',
      permission: 'staff.manage',
      allowed: ['admin'],
      status: 200,
      call: async (role) => as(role, 'GET', API.staff),
    },
    {
      route: 'POST /api/staff',
      permission: 'staff.manage',
      allowed: ['admin'],
      status: 400, // allowed, and answered: {} names no account (api-staff.test.ts creates one)
      call: async (role) => as(role, 'POST', API.staff, {}),
    },
    {
      route: 'POST /api/staff/:username/role',
      permission: 'staff.manage',
      allowed: ['admin'],
      status: 400, // allowed, and answered: no such role (api-staff.test.ts changes one)
      call: async (role) => as(role, 'POST', API.staffRole('counter'), { role: 'nobody' }),
    },
    {
      route: 'POST /api/staff/:username/password',
      permission: 'staff.manage',
      allowed: ['admin'],
      status: 400, // allowed, and answered: too short (api-staff.test.ts resets one)
      call: async (role) => as(role, 'POST', API.staffPassword('counter'), { password: 'short' }),
    },
    {
      route: 'POST /api/sync',
      permission: 'applications.submit',
      allowed: ['counter', 'admin'],
      status: 200,
      // A tablet of its own, signing this very body: the device check comes after the
      // permission, so a refused role is refused before the device counts.
      call: async (role) => {
        const device = await (await TestDevice.create()).enrollDirectly(
          office.sql,
          '窓口',
          office.clock.now(),
        );
        const envelopes = await device.chain([[await validEnvelope()]]);
        const body = JSON.stringify(device.batch(envelopes));
        const headers = await device.syncHeaders(body, envelopes, office.clock.now());
        return { ...as(role, 'POST', API.sync, body), headers };
      },
    },
    {
      route: 'GET /api/sync/import-key',
      permission: 'applications.submit',
      allowed: ['counter', 'admin'],
      status: 200,
      call: async (role) => as(role, 'GET', API.syncImportKey),
    },
    {
      route: 'POST /api/sync/import',
      permission: 'sync.import',
      allowed: ['backoffice', 'admin'],
      status: 400, // allowed, and answered: {} is no export file (sync-import.test.ts imports one)
      call: async (role) => as(role, 'POST', API.syncImport, {}),
    },
  ];
}

interface Counts {
  applications: number;
  transcribed: number;
  sessions: number;
  staff: number;
  audit: number;
}

async function counts(office: BackOffice): Promise<Counts> {
  const n = async (query: string) => toInt((await office.sql.query<{ n: unknown }>(query)).rows[0]?.n);
  return {
    applications: await n('SELECT count(*) AS n FROM applications'),
    transcribed: await n(`SELECT count(*) AS n FROM applications WHERE status = 'transcribed'`),
    sessions: await n('SELECT count(*) AS n FROM sessions'),
    staff: await n('SELECT count(*) AS n FROM staff'),
    audit: await n('SELECT count(*) AS n FROM audit_log'),
  };
}

async function send(office: BackOffice, call: Call): Promise<Response> {
  const body =
    call.body === undefined
      ? undefined
      : typeof call.body === 'string'
        ? call.body
        : JSON.stringify(call.body);
  return office.request(call.path, {
    method: call.method,
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${call.token}`,
      ...call.headers,
    },
    body,
  });
}

describe('the permission table', () => {
  it('gives admin every permission, the back office no sending, and the counter no personal data', () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    for (const p of ROLE_PERMISSIONS.backoffice) expect(ROLE_PERMISSIONS.admin).toContain(p);
    expect(ROLE_PERMISSIONS.counter).toEqual(['session.own', 'applications.submit']);
    expect(ROLE_PERMISSIONS.backoffice).not.toContain('applications.submit');
    expect(ROLE_PERMISSIONS.backoffice).not.toContain('staff.manage');
    expect(ROLE_PERMISSIONS.backoffice).toContain('exports.read');
    expect(ROLE_PERMISSIONS.backoffice).not.toContain('audit.verify');
    for (const p of PERMISSIONS) expect(PERMISSION_LABELS[p].length).toBeGreaterThan(0);
  });
});

describe.each(TEST_STORES)('staff roles on %s', (store) => {
  const office = useBackOffice(store);
  const tokens: Record<StaffRole, string> = { counter: '', backoffice: '', admin: '' };
  let applicationId = '';
  beforeAll(async () => {
    for (const role of STAFF_ROLES) tokens[role] = await office.signIn(ACCOUNT[role]);
    const envelope = await validEnvelope();
    const r = await office.submit(envelope, tokens.counter);
    expect(r.status).toBe(200);
    applicationId = ((await r.json()) as SyncAck).envelopes[0]?.receipts[0]?.id ?? '';
    expect(applicationId).toBe(envelope.id);
  });

  it('declares a permission on every /api route: the route walk finds none without one', () => {
    const routes = office.app.routes;
    const guarded = routes.findIndex((r) => isStaffGuard(r.handler));
    expect(routes[guarded]).toMatchObject({ method: 'ALL', path: '/api/*' });
    const { found, undeclared, unguarded } = walkRoutes(routes);
    expect(undeclared, 'routes that declare no permission').toEqual([]);
    // Behind the guard, so a declared permission is always checked against a signed-in staff.
    expect(unguarded, 'routes mounted before requireStaff').toEqual([]);
    expect(found).toEqual(DECLARED_ROUTES);
    // And the role matrix below tries every route that needs a permission.
    const matrix = endpoints(office, tokens, () => '').map((e) => `${e.route}: ${e.permission}`);
    const permissioned = found
      .filter((f) => !/: (public|unknown-route)/.test(f))
      .map((f) => f.replace(/ \+ .*$/, ''));
    expect([...matrix].sort()).toEqual([...permissioned].sort());
  });

  it('answers each demo account with its role and what it may do', async () => {
    const expected: Record<StaffRole, Permission[]> = {
      counter: ['session.own', 'applications.submit'],
      backoffice: [
        'session.own',
        'applications.read',
        'applications.update',
        'my-number.reveal',
        'exports.read',
        'sync.import',
      ],
      admin: [...PERMISSIONS],
    };
    for (const role of STAFF_ROLES) {
      // Exactly what the sign-in screens send: the demo account records carry more (sign-in is strict).
      const { username, password } = ACCOUNT[role];
      const r = await office.post(API.session, { username, password }, undefined);
      expect(r.status).toBe(200);
      const body = (await r.json()) as SignInResponse;
      expect(body.staff).toMatchObject({ username: ACCOUNT[role].username, role });
      expect(body.permissions).toEqual(expected[role]);
      const info = (await (await office.get(API.session, body.token)).json()) as SessionInfo;
      expect(info).toEqual({ expiresAt: body.expiresAt, staff: body.staff, permissions: expected[role] });
    }
  });

  // The closures read the harness and the tokens inside the tests, after beforeAll.
  for (const endpoint of endpoints(office, tokens, () => applicationId)) {
    for (const role of STAFF_ROLES) {
      const allowed = endpoint.allowed.includes(role);
      it(`${endpoint.route} as ${role}: ${allowed ? `allowed (${endpoint.status})` : '403, audited, nothing done'}`, async () => {
        const call = await endpoint.call(role);
        const before = await counts(office);
        const r = await send(office, call);
        if (allowed) {
          expect(r.status).toBe(endpoint.status);
          return;
        }
        expect(r.status).toBe(403);
        expect(((await r.json()) as { error: ApiErrorBody }).error).toEqual({
          kind: 'forbidden',
          message: `この操作は「${PERMISSION_LABELS[endpoint.permission]}」の権限が必要です（この職員IDの役割: ${ROLE_LABELS[role]}）。管理者に権限を確認してください。`,
        });
        expect(await counts(office)).toEqual({ ...before, audit: before.audit + 1 });
        const entry = (await listAudit(office.sql)).at(-1);
        expect(entry).toMatchObject({
          actor: `staff:${ACCOUNT[role].username}`,
          action: 'access.refused',
          target: null,
          detail: { permission: endpoint.permission, role, route: endpoint.route },
        });
        expect(Object.keys(entry?.detail ?? {}).sort()).toEqual(['permission', 'role', 'route']);
        // No personal data, not even the application's id: the route pattern names the operation.
        const text = JSON.stringify(entry);
        expect(text).not.toContain(applicationId);
        expect(text).not.toContain(RESIDENT.name);
      });
    }
  }

  it('answers an unknown /api route 404 for every role (the catch-all needs only a sign-in)', async () => {
    for (const role of STAFF_ROLES) {
      const r = await office.get('/api/no-such-route', tokens[role]);
      expect([role, r.status]).toEqual([role, 404]);
    }
  });

  it('reads the role on every request: a changed role counts from the next request, same token', async () => {
    const token = await office.signIn(DEMO_COUNTER);
    const list = `${API.applications}?status=received`;
    expect((await office.get(list, token)).status).toBe(403);
    try {
      await office.sql.query(`UPDATE staff SET role = 'backoffice' WHERE username = $1`, [
        DEMO_COUNTER.username,
      ]);
      expect((await office.get(list, token)).status).toBe(200);
      expect((await office.submit(await validEnvelope(), token)).status).toBe(403);
      const info = (await (await office.get(API.session, token)).json()) as SessionInfo;
      expect(info.staff.role).toBe('backoffice');
      expect(info.permissions).toContain('applications.read');
      expect(info.permissions).not.toContain('applications.submit');
    } finally {
      await office.sql.query(`UPDATE staff SET role = 'counter' WHERE username = $1`, [
        DEMO_COUNTER.username,
      ]);
    }
    expect((await office.get(list, token)).status).toBe(403);
    expect((await office.submit(await validEnvelope(), token)).status).toBe(200);
  });

  describe('fails closed', () => {
    const depsOf = async () => ({
      sql: office.sql,
      clock: office.clock,
      log: (line: string) => logs.push(line),
      version: 'test',
      procedures: await loadCatalogue(),
    });
    const logs: string[] = [];

    it('never runs a route that declares no permission, even for an admin, nor one with only a device check', async () => {
      const deps = await depsOf();
      let ran = false;
      const app = new Hono<AppEnv>();
      app.use('/api/*', requireStaff(deps));
      app.get('/api/forgotten', (c) => {
        ran = true;
        return c.text('ran');
      });
      // A tablet's signature is no permission: a route must still say which staff may call it.
      app.post('/api/device-only', requireDevice(deps), (c) => {
        ran = true;
        return c.text('ran');
      });
      const r = await app.request('/api/forgotten', { headers: { authorization: `Bearer ${tokens.admin}` } });
      expect(r.status).toBe(500);
      expect(((await r.json()) as { error: ApiErrorBody }).error.kind).toBe('internal');
      expect(logs).toContain('error GET /api/forgotten route declares no permission: refused');
      const body = JSON.stringify(office.device.batch(await office.device.chain([[await validEnvelope()]])));
      const signed = await app.request('/api/device-only', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.admin}`,
          ...(await office.device.headers('POST', '/api/device-only', body, office.clock.now())),
        },
        body,
      });
      expect(signed.status).toBe(500);
      expect(logs).toContain('error POST /api/device-only route declares no permission: refused');
      expect(ran).toBe(false);
    });

    it('the route walk names every route that declares no permission', async () => {
      const deps = await depsOf();
      const app = new Hono<AppEnv>();
      app.get('/api/early', requirePermission(deps, 'session.own'), (c) => c.text('ok'));
      app.use('/api/*', requireStaff(deps));
      app.get('/api/declared', requirePermission(deps, 'session.own'), (c) => c.text('ok'));
      app.post('/api/forgotten', (c) => c.text('ran'));
      app.post('/api/device-only', requireDevice(deps), (c) => c.text('ran'));
      app.post('/api/both', requirePermission(deps, 'applications.submit'), requireDevice(deps), (c) =>
        c.text('ok'),
      );
      expect(walkRoutes(app.routes)).toEqual({
        found: [
          'GET /api/early: session.own',
          'GET /api/declared: session.own',
          'POST /api/both: applications.submit + device',
        ],
        undeclared: ['POST /api/forgotten', 'POST /api/device-only'],
        unguarded: ['GET /api/early'],
      });
    });

    it('refuses a permission check that runs without the sign-in check before it', async () => {
      const deps = await depsOf();
      let ran = false;
      const app = new Hono<AppEnv>().get('/elsewhere', requirePermission(deps, 'session.own'), (c) => {
        ran = true;
        return c.text('ran');
      });
      const r = await app.request('/elsewhere', { headers: { authorization: `Bearer ${tokens.admin}` } });
      expect(r.status).toBe(401);
      expect(ran).toBe(false);
    });
  });
});
