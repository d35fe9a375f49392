import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../shared/procedures/registry.ts';
import { seedDemoStaff } from '../auth/seed.ts';
import { RESIDENT, TINY_PNG, validEnvelope } from '../test-support/envelope.ts';
import { freshPostgresUrl, openTestStore, TEST_STORES } from '../test-support/test-store.ts';
import { allocateReceiptNumber, findApplication, insertApplication } from './applications.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { SqlClient, StoreKind } from './sql.ts';

/** A database with no schema at all, as before the first start. */
async function openEmptyStore(kind: StoreKind): Promise<SqlClient> {
  if (kind === 'pglite') return openPglite();
  const database = await freshPostgresUrl();
  const sql = await openPostgres(database.url);
  return {
    ...sql,
    async close() {
      await sql.close();
      await database.drop();
    },
  };
}

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

  it('brings a database of the first release (envelope v1 rows) to envelope v2, keeping its rows', async () => {
    const sql = await openEmptyStore(store);
    try {
      expect(await migrate(sql, MIGRATIONS.slice(0, 1))).toEqual([1]);
      await seedDemoStaff(sql);
      // A row as the first release stored it: no visit, language or signature record.
      const oldId = crypto.randomUUID();
      await sql.query(
        `INSERT INTO applications (id, receipt_number, procedure, fields, card, signature_png, signed_at,
           content_hash, created_at, received_at, received_by)
         VALUES ($1, 'R261130-0001', 'tennyu', $2::jsonb, $3::jsonb, $4, $5, $6, $5, $5, 1)`,
        [
          oldId,
          JSON.stringify({ name: RESIDENT.name, address: RESIDENT.address }),
          JSON.stringify({ source: 'manual', unlockedWith: 'none', checks: [] }),
          TINY_PNG,
          '2026-11-30T01:00:00.000Z',
          'a'.repeat(64),
        ],
      );

      expect(await migrate(sql)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
      const procedures = await loadCatalogue();
      expect(await findApplication(sql, procedures, oldId)).toMatchObject({
        receiptNumber: 'R261130-0001',
        procedureName: '転入届',
        fields: { name: RESIDENT.name, address: RESIDENT.address },
        visitId: null,
        lang: null,
        omittedAttachments: [],
        hasSignature: true,
        signature: null,
        signatureVerified: false,
      });

      // And the migrated database takes a v2 envelope, whose signature verifies.
      const envelope = await validEnvelope();
      const receivedAt = new Date('2026-12-01T01:00:00.000Z');
      await sql.transaction(async (tx) =>
        insertApplication(
          tx,
          { envelope, contentHash: 'b'.repeat(64), receivedAt, receivedBy: 1 },
          await allocateReceiptNumber(tx, receivedAt),
        ),
      );
      expect(await findApplication(sql, procedures, envelope.id)).toMatchObject({
        visitId: envelope.visitId,
        lang: 'ja',
        fields: { movers: RESIDENT.movers },
        signatureVerified: true,
      });
    } finally {
      await sql.close();
    }
  });
});
