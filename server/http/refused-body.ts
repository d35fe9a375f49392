// Reading the body of a signed-in staff member's command, and auditing it when it is refused
// (issue 5): the one place every such route reads its body, so every refusal — not JSON, too
// large, not the shape its schema accepts — leaves one 'request.refused' entry. The entry says
// who, which route (the pattern, never the path: no ids), the error kind and the fields at fault;
// never what was sent (a reason, a comment, a name or a number may be in it). A key the schema does
// not know is sent text too: only how many there were is kept.
//
// Not here: sign-in and enrollment, public routes whose refusals have their own audit actions
// (session.sign-in-failed, device.enroll-failed), and the envelope (application.refused).
import type { Context } from 'hono';
import { routePath } from 'hono/route';
import type { Result } from '../../shared/result.ts';
import { type AuthenticatedStaff, staffActor } from '../auth/staff-sessions.ts';
import type { JsonValue } from '../canonical-json.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import { recordAudit } from '../store/audit.ts';
import { readJsonBody, readNoContentBody } from './body.ts';
import type { AppEnv } from './env.ts';
import { type BodySchema, emptyBody, parseBody } from './schemas.ts';

/**
 * The audit detail of a refused body. `fields` lists the schema's own fields at fault, in order
 * (empty when the body itself is at fault: not JSON, too large, not an object); `unknownKeys`
 * counts the keys the schema does not have, whose names are not kept.
 */
export function refusedBodyDetail(
  route: string,
  error: BackOfficeError,
  spec: BodySchema<unknown>,
): { readonly [k: string]: JsonValue } {
  const keys = error.kind === 'invalid-body' ? [...new Set(error.problems.map((p) => p.key))] : [];
  const known = keys.filter((key) => Object.hasOwn(spec.fields, key));
  return { route, error: error.kind, fields: known, unknownKeys: keys.length - known.length };
}

/** The 'request.refused' entry of a body refused on this route (target: what the request was for). */
export async function auditRefusedBody(
  deps: BackOfficeDeps,
  c: Context<AppEnv>,
  spec: BodySchema<unknown>,
  error: BackOfficeError,
  target: string | null = null,
): Promise<void> {
  const session = c.get('session') as AuthenticatedStaff | undefined;
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: session ? staffActor(session.staff) : 'anonymous',
    action: 'request.refused',
    target,
    detail: refusedBodyDetail(`${c.req.method} ${routePath(c)}`, error, spec),
  });
}

async function audited<T>(
  deps: BackOfficeDeps,
  c: Context<AppEnv>,
  spec: BodySchema<unknown>,
  result: Result<T, BackOfficeError>,
): Promise<Result<T, BackOfficeError>> {
  if (!result.ok) await auditRefusedBody(deps, c, spec, result.error);
  return result;
}

/** A JSON body within `limit` bytes that `spec` accepts; any refusal is audited. */
export async function readStaffBody<T>(
  deps: BackOfficeDeps,
  c: Context<AppEnv>,
  spec: BodySchema<T>,
  limit: number,
): Promise<Result<T, BackOfficeError>> {
  const json = await readJsonBody(c.req.raw, limit);
  return audited(deps, c, spec, json.ok ? parseBody(spec, json.value) : json);
}

/** The body of a command without content (http/body.ts readNoContentBody); any refusal is audited. */
export async function readStaffNoContent(
  deps: BackOfficeDeps,
  c: Context<AppEnv>,
): Promise<Result<Record<string, never>, BackOfficeError>> {
  return audited(deps, c, emptyBody, await readNoContentBody(c.req.raw));
}
