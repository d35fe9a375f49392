// POST /api/session signs in (no token needed), DELETE /api/session signs out.
import { Hono } from 'hono';
import { signIn, signOut } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { readJsonBody } from '../http/body.ts';
import { type AppEnv, failure } from '../http/env.ts';

const SIGN_IN_BODY_LIMIT = 4 * 1024;

export function sessionRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const body = await readJsonBody(c.req.raw, SIGN_IN_BODY_LIMIT);
      if (!body.ok) return failure(c, body.error);
      const result = await signIn(deps, body.value);
      if (!result.ok) return failure(c, result.error);
      return c.json(result.value, 200, { 'Cache-Control': 'no-store' }); // it carries the token
    })
    .delete('/', async (c) => {
      await signOut(deps, c.get('session'));
      return c.body(null, 204);
    });
}
