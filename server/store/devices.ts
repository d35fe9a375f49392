// Counter tablets and their one-time enrollment codes (migration 4). Codes are stored as their
// SHA-256 only; a device row keeps the public key, who enrolled and revoked it, and when it was
// last seen.
import type { DeviceInfo } from '../../shared/api.ts';
import type { SqlExecutor } from './sql.ts';
import { fromJson, toInt, toIso } from './sql.ts';

export interface DevicePublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

export interface DeviceRecord {
  readonly id: string;
  readonly name: string;
  readonly publicKey: DevicePublicJwk;
  readonly revokedAt: string | null;
  readonly lastSeenAt: string | null;
}

export async function insertEnrollmentCode(
  sql: SqlExecutor,
  code: { codeHash: string; issuedBy: number; issuedAt: Date; expiresAt: Date },
): Promise<void> {
  await sql.query(
    `INSERT INTO device_enrollment_codes (code_hash, issued_by, issued_at, expires_at)
     VALUES ($1, $2, $3, $4)`,
    [code.codeHash, code.issuedBy, code.issuedAt.toISOString(), code.expiresAt.toISOString()],
  );
}

export type CodeState = 'unknown' | 'used' | 'expired' | 'usable';

/** Why a code cannot be used (or that it can), for the audit entry of a failed enrollment. */
export async function enrollmentCodeState(sql: SqlExecutor, codeHash: string, now: Date): Promise<CodeState> {
  const { rows } = await sql.query<{ used_at: unknown; expires_at: unknown }>(
    'SELECT used_at, expires_at FROM device_enrollment_codes WHERE code_hash = $1',
    [codeHash],
  );
  const row = rows[0];
  if (!row) return 'unknown';
  if (row.used_at !== null) return 'used';
  return Date.parse(toIso(row.expires_at)) <= now.getTime() ? 'expired' : 'usable';
}

/** The unrevoked device a used, unexpired code enrolled (for a retry after a lost answer). */
export async function enrolledWithCode(
  sql: SqlExecutor,
  codeHash: string,
  now: Date,
): Promise<{ id: string; name: string; publicKey: DevicePublicJwk; enrolledAt: string } | undefined> {
  const { rows } = await sql.query<{
    id: string;
    name: string;
    public_key: unknown;
    enrolled_at: unknown;
  }>(
    `SELECT d.id, d.name, d.public_key, d.enrolled_at FROM device_enrollment_codes c
     JOIN devices d ON d.id = c.device_id
     WHERE c.code_hash = $1 AND c.expires_at > $2 AND d.revoked_at IS NULL`,
    [codeHash, now.toISOString()],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        name: r.name,
        publicKey: fromJson(r.public_key) as DevicePublicJwk,
        enrolledAt: toIso(r.enrolled_at),
      }
    : undefined;
}

/**
 * Marks the code used by `deviceId` if it is unused and unexpired, in one statement (two tablets
 * racing with one code: one wins). Answers the issuing admin's staff id, or undefined.
 */
export async function claimEnrollmentCode(
  sql: SqlExecutor,
  codeHash: string,
  deviceId: string,
  now: Date,
): Promise<number | undefined> {
  const { rows } = await sql.query<{ issued_by: unknown }>(
    `UPDATE device_enrollment_codes SET used_at = $3, device_id = $2
     WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $3
     RETURNING issued_by`,
    [codeHash, deviceId, now.toISOString()],
  );
  return rows[0] ? toInt(rows[0].issued_by) : undefined;
}

export async function insertDevice(
  sql: SqlExecutor,
  device: { id: string; name: string; publicKey: DevicePublicJwk; enrolledAt: Date; enrolledBy: number },
): Promise<void> {
  await sql.query(
    `INSERT INTO devices (id, name, public_key, enrolled_at, enrolled_by) VALUES ($1, $2, $3::jsonb, $4, $5)`,
    [
      device.id,
      device.name,
      JSON.stringify(device.publicKey),
      device.enrolledAt.toISOString(),
      device.enrolledBy,
    ],
  );
}

export async function findDevice(sql: SqlExecutor, id: string): Promise<DeviceRecord | undefined> {
  const { rows } = await sql.query<{
    id: string;
    name: string;
    public_key: unknown;
    revoked_at: unknown;
    last_seen_at: unknown;
  }>('SELECT id, name, public_key, revoked_at, last_seen_at FROM devices WHERE id = $1', [id]);
  const row = rows[0];
  if (!row) return undefined;
  const key = fromJson(row.public_key) as DevicePublicJwk;
  return {
    id: row.id,
    name: row.name,
    publicKey: key,
    revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
    lastSeenAt: row.last_seen_at === null ? null : toIso(row.last_seen_at),
  };
}

export async function touchDevice(sql: SqlExecutor, id: string, now: Date): Promise<void> {
  await sql.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [id, now.toISOString()]);
}

/** Sets revoked_at/by unless already revoked; answers whether this call revoked it. */
export async function revokeDevice(sql: SqlExecutor, id: string, by: number, now: Date): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>(
    'UPDATE devices SET revoked_at = $3, revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id',
    [id, by, now.toISOString()],
  );
  return rows.length > 0;
}

interface DeviceInfoRow {
  id: string;
  name: string;
  enrolled_at: unknown;
  enrolled_by: string;
  revoked_at: unknown;
  revoked_by: string | null;
  last_seen_at: unknown;
  last_seq: unknown;
  number: unknown;
}

const INFO = `SELECT d.id, d.number, d.name, d.enrolled_at, e.username AS enrolled_by, d.revoked_at,
    r.username AS revoked_by, d.last_seen_at, d.last_seq
  FROM devices d JOIN staff e ON e.id = d.enrolled_by LEFT JOIN staff r ON r.id = d.revoked_by`;

const info = (row: DeviceInfoRow): DeviceInfo => ({
  id: row.id,
  number: toInt(row.number),
  name: row.name,
  enrolledAt: toIso(row.enrolled_at),
  enrolledBy: row.enrolled_by,
  revokedAt: row.revoked_at === null ? null : toIso(row.revoked_at),
  revokedBy: row.revoked_by,
  lastSeenAt: row.last_seen_at === null ? null : toIso(row.last_seen_at),
  lastSeq: toInt(row.last_seq),
});

/** Newest enrollment first. */
export async function listDevices(sql: SqlExecutor): Promise<DeviceInfo[]> {
  const { rows } = await sql.query<DeviceInfoRow>(`${INFO} ORDER BY d.enrolled_at DESC, d.id DESC`);
  return rows.map(info);
}

export async function deviceInfo(sql: SqlExecutor, id: string): Promise<DeviceInfo | undefined> {
  const { rows } = await sql.query<DeviceInfoRow>(`${INFO} WHERE d.id = $1`, [id]);
  return rows[0] ? info(rows[0]) : undefined;
}
