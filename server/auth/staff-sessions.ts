// Staff sign-in, sign-out and the check behind every protected request. Every sign-in attempt,
// successful or not, goes to the audit log (mission.md: personal data rules).
import type { SessionInfo, SignInResponse, StaffInfo } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import type { SignInBody } from '../http/schemas.ts';
import { appendAudit, recordAudit } from '../store/audit.ts';
import { deleteExpiredSessions, deleteSession, findActiveSession, insertSession } from '../store/sessions.ts';
import { findStaffByUsername, type StaffIdentity } from '../store/staff.ts';
import { isStorableText } from '../text-rules.ts';
import { UNKNOWN_USER_HASH, verifyPassword } from './password.ts';
import { permissionsOf } from './roles.ts';
import { signInThrottle } from './sign-in-throttle.ts';
import { bearerTokenFrom, hashToken, newBearerToken, SESSION_HOURS } from './tokens.ts';

export const staffActor = (staff: StaffIdentity) => `staff:${staff.username}`;

const staffInfo = (staff: StaffIdentity): StaffInfo => ({
  username: staff.username,
  displayName: staff.displayName,
  role: staff.role,
});

/**
 * `parsed` is the body as http/schemas.ts signInBody read it: a malformed one is audited here too,
 * like every other failed sign-in (it is not counted by the throttle: it names no username).
 */
export async function signIn(
  deps: BackOfficeDeps,
  parsed: Result<SignInBody, BackOfficeError>,
): Promise<Result<SignInResponse, BackOfficeError>> {
  const now = deps.clock.now();
  if (!parsed.ok) {
    await recordAudit(deps.sql, now, {
      actor: 'anonymous',
      action: 'session.sign-in-failed',
      target: null,
      detail: { reason: 'malformed-request' },
    });
    return parsed;
  }
  const request = parsed.value;
  const throttle = signInThrottle(deps);
  const waitMs = throttle.retryAfterMs(request.username, now);
  if (waitMs > 0) return err({ kind: 'too-many-attempts', retryAfterMinutes: Math.ceil(waitMs / 60_000) });
  const staff = isStorableText(request.username)
    ? await findStaffByUsername(deps.sql, request.username)
    : undefined;
  // An unknown user costs one scrypt too, so timing does not tell which usernames exist.
  const passwordOk = await throttle.hashing(() =>
    verifyPassword(request.password, staff?.passwordHash ?? UNKNOWN_USER_HASH),
  );
  if (!staff || !passwordOk) {
    throttle.recordFailure(request.username, now);
    await recordAudit(deps.sql, now, {
      actor: 'anonymous',
      action: 'session.sign-in-failed',
      // An unknown "username" is often a password typed into the wrong box: it is not recorded.
      target: staff ? staff.username : null,
      detail: { reason: staff ? 'wrong-password' : 'unknown-user' },
    });
    return err({ kind: 'bad-credentials' });
  }

  throttle.recordSuccess(request.username);
  const token = newBearerToken();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
  await deps.sql.transaction(async (tx) => {
    await deleteExpiredSessions(tx, now);
    await insertSession(tx, { tokenHash: hashToken(token), staffId: staff.id, createdAt: now, expiresAt });
    await appendAudit(tx, now, {
      actor: staffActor(staff),
      action: 'session.sign-in',
      target: staff.username,
      detail: { role: staff.role },
    });
  });
  return ok({
    token,
    expiresAt: expiresAt.toISOString(),
    staff: staffInfo(staff),
    permissions: permissionsOf(staff.role),
  });
}

export interface AuthenticatedStaff {
  /** As the staff row is now: the role is read on every request. */
  readonly staff: StaffIdentity;
  readonly tokenHash: string;
  readonly expiresAt: string;
}

/** The staff member behind `Authorization: Bearer …`, or unauthenticated (missing, unknown, expired). */
export async function authenticate(
  deps: BackOfficeDeps,
  authorization: string | undefined,
): Promise<Result<AuthenticatedStaff, BackOfficeError>> {
  const token = bearerTokenFrom(authorization);
  if (!token) return err({ kind: 'unauthenticated' });
  const tokenHash = hashToken(token);
  const session = await findActiveSession(deps.sql, tokenHash, deps.clock.now());
  return session ? ok({ ...session, tokenHash }) : err({ kind: 'unauthenticated' });
}

export function sessionInfo(session: AuthenticatedStaff): SessionInfo {
  return {
    expiresAt: session.expiresAt,
    staff: staffInfo(session.staff),
    permissions: permissionsOf(session.staff.role),
  };
}

export async function signOut(deps: BackOfficeDeps, session: AuthenticatedStaff): Promise<void> {
  const now = deps.clock.now();
  await deps.sql.transaction(async (tx) => {
    await deleteSession(tx, session.tokenHash);
    await appendAudit(tx, now, {
      actor: staffActor(session.staff),
      action: 'session.sign-out',
      target: session.staff.username,
      detail: {},
    });
  });
}
