// Access to /api, fail closed. Every route starts with a declaration of who may call it:
//   .get('/', requirePermission(deps, 'applications.read'), handler)
//   .post('/', publicRoute('sign-in'), handler)
// requireStaff (mounted once on /api/*) looks at the route that would run next: a public one runs
// as it is; any other needs a valid bearer token (401), and a route that declares nothing never
// runs at all (500, logged: a programming error). requirePermission then checks the staff
// member's role against the table in auth/roles.ts; a refusal is a 403 that says which permission
// is missing, is audited (who, which permission, which route; no personal data), and happens
// before the body is read, so nothing is done. server/api-roles.test.ts walks app.routes and
// fails for a route without a declaration.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import type { Permission } from '../../shared/api.ts';
import { roleAllows } from '../auth/roles.ts';
import { type AuthenticatedStaff, authenticate, staffActor } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { recordAudit } from '../store/audit.ts';
import { type AppEnv, failure } from './env.ts';
import { loggablePath } from './request-log.ts';

/** What a route declares about its callers. */
export type Access =
  | { readonly kind: 'public'; readonly why: string }
  | { readonly kind: 'permission'; readonly permission: Permission }
  /** Only the /api catch-all, which answers 404 route-not-found: signed in, nothing else runs. */
  | { readonly kind: 'unknown-route' };

const declarations = new WeakMap<object, Access>();
const guards = new WeakSet<object>();

function declare(handler: MiddlewareHandler<AppEnv>, access: Access): MiddlewareHandler<AppEnv> {
  declarations.set(handler, access);
  return handler;
}

/** The declaration a handler carries, if it is one (for requireStaff and the route-walk test). */
export function accessOf(handler: unknown): Access | undefined {
  return typeof handler === 'function' ? declarations.get(handler) : undefined;
}

/** Whether a handler is the requireStaff middleware itself (for the route-walk test). */
export function isStaffGuard(handler: unknown): boolean {
  return typeof handler === 'function' && guards.has(handler);
}

const checks = new WeakMap<object, string>();

/**
 * A further check that runs between a route's declaration and its handler (requireDevice: the
 * tablet's signature, on top of the staff member's permission). The route walk looks past it.
 */
export function routeCheck(handler: MiddlewareHandler<AppEnv>, label: string): MiddlewareHandler<AppEnv> {
  checks.set(handler, label);
  return handler;
}

/** The label of a routeCheck, if the handler is one (for the route-walk test). */
export function checkOf(handler: unknown): string | undefined {
  return typeof handler === 'function' ? checks.get(handler) : undefined;
}

/** No sign-in needed: say why (sign-in itself, health). */
export function publicRoute(why: string): MiddlewareHandler<AppEnv> {
  return declare((_c, next) => next(), { kind: 'public', why });
}

/** Signed in as a staff member whose role holds `permission` (auth/roles.ts). */
export function requirePermission(deps: BackOfficeDeps, permission: Permission): MiddlewareHandler<AppEnv> {
  return declare(
    async (c, next) => {
      // Set by requireStaff; absent only when a route is mounted outside /api: refuse, never pass.
      const session = c.get('session') as AuthenticatedStaff | undefined;
      if (!session) return failure(c, { kind: 'unauthenticated' });
      const { role } = session.staff;
      if (roleAllows(role, permission)) return next();
      await recordAudit(deps.sql, deps.clock.now(), {
        actor: staffActor(session.staff),
        action: 'access.refused',
        target: null,
        // The route pattern (/api/applications/:id), never the path: no ids, no query.
        detail: { permission, role, route: `${c.req.method} ${routePath(c)}` },
      });
      return failure(c, { kind: 'forbidden', permission, role });
    },
    { kind: 'permission', permission },
  );
}

/** For the /api catch-all only. */
export function unknownApiRoute(): MiddlewareHandler<AppEnv> {
  return declare((_c, next) => next(), { kind: 'unknown-route' });
}

/** The declaration of the route that runs after this middleware, or undefined when it has none. */
function nextRouteAccess(c: Context): Access | undefined {
  return accessOf(matchedRoutes(c)[c.req.routeIndex + 1]?.handler);
}

export function requireStaff(deps: BackOfficeDeps): MiddlewareHandler<AppEnv> {
  const guard: MiddlewareHandler<AppEnv> = async (c, next) => {
    const access = nextRouteAccess(c);
    if (!access) {
      deps.log(`error ${c.req.method} ${loggablePath(c.req.url)} route declares no permission: refused`);
      return failure(c, { kind: 'internal' });
    }
    if (access.kind === 'public') return next();
    const session = await authenticate(deps, c.req.header('authorization'));
    if (!session.ok) return failure(c, session.error);
    c.set('session', session.value);
    return next();
  };
  guards.add(guard);
  return guard;
}
