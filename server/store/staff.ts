// 職員 (staff accounts). Passwords arrive here already hashed (auth/password.ts). The role is
// read with every lookup, never kept anywhere else, so a changed role counts at once.
import type { StaffRole } from '../../shared/api.ts';
import { isStaffRole } from '../auth/roles.ts';
import type { SqlExecutor } from './sql.ts';
import { toInt } from './sql.ts';

export interface StaffIdentity {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

export interface StaffWithHash extends StaffIdentity {
  readonly passwordHash: string;
}

export interface StaffRow {
  id: unknown;
  username: string;
  display_name: string;
  role: string;
}

/**
 * The CHECK constraint allows only the three roles; a role this code does not know (a newer
 * version's row) fails closed as an error rather than being read as some other role.
 */
export function staffFromRow(row: StaffRow): StaffIdentity {
  if (!isStaffRole(row.role)) throw new Error('a staff row has a role this version does not know');
  return { id: toInt(row.id), username: row.username, displayName: row.display_name, role: row.role };
}

export async function findStaffByUsername(
  sql: SqlExecutor,
  username: string,
): Promise<StaffWithHash | undefined> {
  const { rows } = await sql.query<StaffRow & { password_hash: string }>(
    'SELECT id, username, display_name, role, password_hash FROM staff WHERE username = $1',
    [username],
  );
  const row = rows[0];
  return row ? { ...staffFromRow(row), passwordHash: row.password_hash } : undefined;
}

/** Inserts unless the username exists; returns whether a row was added. */
export async function insertStaff(
  sql: SqlExecutor,
  staff: { username: string; displayName: string; passwordHash: string; role: StaffRole },
): Promise<boolean> {
  const result = await sql.query(
    `INSERT INTO staff (username, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
     ON CONFLICT (username) DO NOTHING`,
    [staff.username, staff.displayName, staff.passwordHash, staff.role],
  );
  return result.rowCount === 1;
}

export async function countStaff(sql: SqlExecutor): Promise<number> {
  const { rows } = await sql.query<{ n: unknown }>('SELECT count(*) AS n FROM staff');
  return toInt(rows[0]?.n);
}

/** How many accounts there are besides the named ones (the demo seed asks: any real staff?). */
export async function countStaffOtherThan(sql: SqlExecutor, usernames: readonly string[]): Promise<number> {
  const { rows } = await sql.query<{ n: unknown }>(
    'SELECT count(*) AS n FROM staff WHERE NOT (username = ANY($1::text[]))',
    [usernames],
  );
  return toInt(rows[0]?.n);
}
