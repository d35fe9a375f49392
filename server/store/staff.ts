// 職員 (staff accounts). Passwords arrive here already hashed (auth/password.ts).
import type { SqlExecutor } from './sql.ts';
import { toInt } from './sql.ts';

export interface StaffIdentity {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
}

export interface StaffWithHash extends StaffIdentity {
  readonly passwordHash: string;
}

interface StaffRow {
  id: unknown;
  username: string;
  display_name: string;
  password_hash: string;
}

export async function findStaffByUsername(
  sql: SqlExecutor,
  username: string,
): Promise<StaffWithHash | undefined> {
  const { rows } = await sql.query<StaffRow>(
    'SELECT id, username, display_name, password_hash FROM staff WHERE username = $1',
    [username],
  );
  const row = rows[0];
  return row
    ? {
        id: toInt(row.id),
        username: row.username,
        displayName: row.display_name,
        passwordHash: row.password_hash,
      }
    : undefined;
}

/** Inserts unless the username exists; returns whether a row was added. */
export async function insertStaff(
  sql: SqlExecutor,
  staff: { username: string; displayName: string; passwordHash: string },
): Promise<boolean> {
  const result = await sql.query(
    `INSERT INTO staff (username, display_name, password_hash) VALUES ($1, $2, $3)
     ON CONFLICT (username) DO NOTHING`,
    [staff.username, staff.displayName, staff.passwordHash],
  );
  return result.rowCount === 1;
}

export async function countStaff(sql: SqlExecutor): Promise<number> {
  const { rows } = await sql.query<{ n: unknown }>('SELECT count(*) AS n FROM staff');
  return toInt(rows[0]?.n);
}
