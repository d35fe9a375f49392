// The demo staff account (`npm start` / --demo). Seeded only into a database without any staff,
// i.e. on the first start: a restart never adds a second one or resets a changed password.
import type { SqlClient } from '../store/sql.ts';
import { countStaff, insertStaff } from '../store/staff.ts';
import { hashPassword } from './password.ts';

export const DEMO_STAFF = {
  username: 'demo',
  password: 'kakanai-demo',
  displayName: '窓口 太郎（デモ）', // fictional
} as const;

/** Returns true when the demo account was created now. */
export async function seedDemoStaff(sql: SqlClient): Promise<boolean> {
  if ((await countStaff(sql)) > 0) return false;
  return insertStaff(sql, {
    username: DEMO_STAFF.username,
    displayName: DEMO_STAFF.displayName,
    passwordHash: await hashPassword(DEMO_STAFF.password),
  });
}
