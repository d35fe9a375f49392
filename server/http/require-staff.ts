// Every /api route except sign-in needs a valid staff bearer token.
import type { MiddlewareHandler } from 'hono';
import { API } from '../../shared/api.ts';
import { authenticate } from '../auth/staff-sessions.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { type AppEnv, failure } from './env.ts';

export function requireStaff(deps: BackOfficeDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST' && c.req.path === API.session) return next(); // sign-in itself
    const session = await authenticate(deps, c.req.header('authorization'));
    if (!session.ok) return failure(c, session.error);
    c.set('session', session.value);
    return next();
  };
}
