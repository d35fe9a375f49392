// 職員 (staff accounts). Passwords arrive here already hashed (auth/password.ts). The role is
// read with every lookup, never kept anywhere else, so a changed role counts at once.
import type { StaffRole } from '../../shared/api.ts';
import { isStaffRole } from '../auth/roles.ts';
import type { SqlExecutor } from './sql.ts';
import { toInt, toIso } from './sql.ts';

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

// Staff administration (routes/staff.ts).

export interface StaffListRow extends StaffIdentity {
  readonly createdAt: string;
}

type StaffRowWithCreated = StaffRow & { created_at: unknown };
/** The columns of a StaffListRow (listRow reads them). */
const LIST_COLUMNS = 'id, username, display_name, role, created_at';
const listRow = (row: StaffRowWithCreated): StaffListRow => ({
  ...staffFromRow(row),
  createdAt: toIso(row.created_at),
});

/** Every account, in the order they were created. */
export async function listStaff(sql: SqlExecutor): Promise<StaffListRow[]> {
  const { rows } = await sql.query<StaffRowWithCreated>(
    `SELECT ${LIST_COLUMNS} FROM staff ORDER BY created_at, id`,
  );
  return rows.map(listRow);
}

/** Inserts unless the username exists (then undefined), with the back office's clock as createdAt. */
export async function createStaff(
  sql: SqlExecutor,
  staff: { username: string; displayName: string; passwordHash: string; role: StaffRole; createdAt: Date },
): Promise<StaffListRow | undefined> {
  const { rows } = await sql.query<StaffRowWithCreated>(
    `INSERT INTO staff (username, display_name, password_hash, role, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (username) DO NOTHING
     RETURNING ${LIST_COLUMNS}`,
    [staff.username, staff.displayName, staff.passwordHash, staff.role, staff.createdAt.toISOString()],
  );
  const row = rows[0];
  return row ? listRow(row) : undefined;
}

// Role changes are serialised, so two admins demoting each other at once cannot both succeed.
const STAFF_ROLE_LOCK = 7_242_003;

/** Inside a transaction: waits for any other role change, then counts the admins. */
export async function lockAndCountAdmins(tx: SqlExecutor): Promise<number> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [STAFF_ROLE_LOCK]);
  const { rows } = await tx.query<{ n: unknown }>(`SELECT count(*) AS n FROM staff WHERE role = 'admin'`);
  return toInt(rows[0]?.n);
}

export async function findStaffMember(sql: SqlExecutor, username: string): Promise<StaffListRow | undefined> {
  const { rows } = await sql.query<StaffRowWithCreated>(
    `SELECT ${LIST_COLUMNS} FROM staff WHERE username = $1`,
    [username],
  );
  const row = rows[0];
  return row ? listRow(row) : undefined;
}

export async function updateStaffRole(
  sql: SqlExecutor,
  username: string,
  role: StaffRole,
): Promise<StaffListRow | undefined> {
  const { rows } = await sql.query<StaffRowWithCreated>(
    `UPDATE staff SET role = $2 WHERE username = $1
     RETURNING ${LIST_COLUMNS}`,
    [username, role],
  );
  const row = rows[0];
  return row ? listRow(row) : undefined;
}

/** Sets a new password hash and ends every session of that member; undefined when there is none. */
export async function resetStaffPassword(
  sql: SqlExecutor,
  username: string,
  passwordHash: string,
): Promise<{ staff: StaffIdentity; sessionsEnded: number } | undefined> {
  const { rows } = await sql.query<StaffRow>(
    `UPDATE staff SET password_hash = $2 WHERE username = $1 RETURNING id, username, display_name, role`,
    [username, passwordHash],
  );
  const row = rows[0];
  if (!row) return undefined;
  const staff = staffFromRow(row);
  const ended = await sql.query('DELETE FROM sessions WHERE staff_id = $1', [staff.id]);
  return { staff, sessionsEnded: ended.rowCount };
}
