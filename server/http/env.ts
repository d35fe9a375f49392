// The Hono environment of the back office: what the auth middleware hands to the routes.
import type { Context } from 'hono';
import type { AuthenticatedStaff } from '../auth/staff-sessions.ts';
import { type BackOfficeError, toHttpError } from '../errors.ts';
import type { AuthenticatedDevice } from './require-device.ts';

export interface AppEnv {
  Variables: {
    session: AuthenticatedStaff;
    /** Set by requireDevice: the tablet, and the body bytes its signature covers. */
    device: AuthenticatedDevice;
  };
}

/** The one way a route answers with an error: { error: ApiErrorBody } and its status. */
export function failure(c: Context, e: BackOfficeError): Response {
  const { status, body } = toHttpError(e);
  return c.json(body, status);
}
