// The demo staff accounts (`npm start` / --demo), one per role. demo is admin, so the one
// sign-in works on the tablet (sending) and in the extension (the inbox), as the e2e tests use
// it; counter and backoffice show what the other roles may do. Seeded only into a database that
// holds no other staff, i.e. a demo database: a restart never adds a second one, never resets a
// changed password, and never puts demo accounts into a database with real staff. An older demo
// database (demo only) gets the two newer accounts on its next start.
import type { StaffRole } from '../../shared/api.ts';
import type { SqlClient } from '../store/sql.ts';
import { countStaffOtherThan, findStaffByUsername, insertStaff } from '../store/staff.ts';
import { hashPassword } from './password.ts';

export interface DemoAccount {
  readonly username: string;
  readonly password: string;
  readonly displayName: string; // fictional
  readonly role: StaffRole;
}

export const DEMO_STAFF: DemoAccount = {
  username: 'demo',
  password: 'kakanai-demo',
  displayName: '窓口 太郎（デモ）',
  role: 'admin',
};

export const DEMO_COUNTER: DemoAccount = {
  username: 'counter',
  password: 'kakanai-counter',
  displayName: '受付 花子（デモ）',
  role: 'counter',
};

export const DEMO_BACKOFFICE: DemoAccount = {
  username: 'backoffice',
  password: 'kakanai-backoffice',
  displayName: '事務 次郎（デモ）',
  role: 'backoffice',
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [DEMO_STAFF, DEMO_COUNTER, DEMO_BACKOFFICE];

/** Returns the usernames created now (none when the database already has them, or real staff). */
export async function seedDemoStaff(sql: SqlClient): Promise<string[]> {
  const usernames = DEMO_ACCOUNTS.map((a) => a.username);
  if ((await countStaffOtherThan(sql, usernames)) > 0) return [];
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (await findStaffByUsername(sql, account.username)) continue; // no scrypt on every restart
    const added = await insertStaff(sql, {
      username: account.username,
      displayName: account.displayName,
      role: account.role,
      passwordHash: await hashPassword(account.password),
    });
    if (added) created.push(account.username);
  }
  return created;
}
