// POST /api/session signs in (public by declaration: no token yet), GET /api/session says who the
// token belongs to with the role as it is now, DELETE /api/session signs out.
import { Hono } from 'hono';
import { sessionInfo, signIn, signOut } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { readJsonBody } from '../http/body.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { publicRoute, requirePermission } from '../http/require-staff.ts';
import { parseBody, signInBody } from '../http/schemas.ts';

const SIGN_IN_BODY_LIMIT = 4 * 1024;
const NO_STORE = { 'Cache-Control': 'no-store' };

export function sessionRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/', publicRoute('sign-in'), async (c) => {
      const body = await readJsonBody(c.req.raw, SIGN_IN_BODY_LIMIT);
      if (!body.ok) return failure(c, body.error);
      const result = await signIn(deps, parseBody(signInBody, body.value));
      if (!result.ok) return failure(c, result.error);
      return c.json(result.value, 200, NO_STORE); // it carries the token
    })
    .get('/', requirePermission(deps, 'session.own'), (c) =>
      c.json(sessionInfo(c.get('session')), 200, NO_STORE),
    )
    .delete('/', requirePermission(deps, 'session.own'), async (c) => {
      await signOut(deps, c.get('session'));
      return c.body(null, 204);
    });
}
