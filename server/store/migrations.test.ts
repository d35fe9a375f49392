import { describe, expect, it } from 'vitest';
import { openTestStore, TEST_STORES } from '../test-support/test-store.ts';
import { MIGRATIONS, migrate } from './migrations.ts';

describe.each(TEST_STORES)('migrations on %s', (store) => {
  it('records every version once, and a restart applies nothing', async () => {
    const sql = await openTestStore(store); // already migrated, like a database after the first start
    try {
      expect(await migrate(sql)).toEqual([]);
      const { rows } = await sql.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      const tables = await sql.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual([
        'applications',
        'audit_log',
        'receipt_counters',
        'schema_migrations',
        'sessions',
        'staff',
      ]);
    } finally {
      await sql.close();
    }
  });

  it('applies a new migration on the next start, and only that one', async () => {
    const sql = await openTestStore(store);
    try {
      const next = {
        version: 999,
        name: 'test: a later issue adds a table',
        statements: ['CREATE TABLE later (x int)'],
      };
      expect(await migrate(sql, [...MIGRATIONS, next])).toEqual([999]);
      expect(await migrate(sql, [...MIGRATIONS, next])).toEqual([]);
      expect((await sql.query('SELECT * FROM later')).rows).toEqual([]);
    } finally {
      await sql.close();
    }
  });

  it('rolls a failing migration back completely', async () => {
    const sql = await openTestStore(store);
    try {
      const broken = {
        version: 998,
        name: 'test: fails half-way',
        statements: ['CREATE TABLE half (x int)', 'SELECT nope'],
      };
      await expect(migrate(sql, [...MIGRATIONS, broken])).rejects.toThrow();
      const { rows } = await sql.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'half'");
      expect(rows).toEqual([]);
      expect((await sql.query('SELECT 1 FROM schema_migrations WHERE version = 998')).rows).toEqual([]);
    } finally {
      await sql.close();
    }
  });
});
