// Staff sessions. The row is keyed by the SHA-256 of the bearer token (auth/tokens.ts): a leaked
// backup of this table cannot be replayed as a token.

import { type SqlExecutor, toIso } from './sql.ts';
import { type StaffIdentity, type StaffRow, staffFromRow } from './staff.ts';

export async function insertSession(
  sql: SqlExecutor,
  session: { tokenHash: string; staffId: number; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await sql.query(
    'INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
    [session.tokenHash, session.staffId, session.createdAt.toISOString(), session.expiresAt.toISOString()],
  );
}

/**
 * The staff member behind a token hash, with the role as it is in the staff row right now, if the
 * session exists and has not expired at `now`.
 */
export async function findActiveSession(
  sql: SqlExecutor,
  tokenHash: string,
  now: Date,
): Promise<{ staff: StaffIdentity; expiresAt: string } | undefined> {
  const { rows } = await sql.query<StaffRow & { expires_at: unknown }>(
    `SELECT s.id, s.username, s.display_name, s.role, x.expires_at
     FROM sessions x JOIN staff s ON s.id = x.staff_id
     WHERE x.token_hash = $1 AND x.expires_at > $2`,
    [tokenHash, now.toISOString()],
  );
  const row = rows[0];
  return row ? { staff: staffFromRow(row), expiresAt: toIso(row.expires_at) } : undefined;
}

export async function deleteSession(sql: SqlExecutor, tokenHash: string): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** Expired rows are useless; sign-in sweeps them so the table does not grow without bound. */
export async function deleteExpiredSessions(sql: SqlExecutor, now: Date): Promise<void> {
  await sql.query('DELETE FROM sessions WHERE expires_at <= $1', [now.toISOString()]);
}
