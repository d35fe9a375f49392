import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../shared/procedures/registry.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { seedDemoStaff } from '../auth/seed.ts';
import { RESIDENT, TINY_PNG, validEnvelope } from '../test-support/envelope.ts';
import { freshPostgresUrl, openTestStore, TEST_STORES } from '../test-support/test-store.ts';
import { allocateReceiptNumber, findApplication, insertApplication } from './applications.ts';
import { auditEntryHash, GENESIS_HASH, listAudit, recordAudit, verifyAuditChain } from './audit.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { SqlClient, StoreKind } from './sql.ts';
import { findStaffByUsername, insertStaff } from './staff.ts';

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

/** A staff row as the first releases stored it: no role (migration 3 adds it). */
async function insertFirstReleaseStaff(sql: SqlClient, username: string): Promise<void> {
  await sql.query('INSERT INTO staff (username, display_name, password_hash) VALUES ($1, $2, $3)', [
    username,
    `${username}（テスト）`,
    await hashPassword(`${username}-password`, { N: 1024, r: 8, p: 1 }),
  ]);
}

const roles = async (sql: SqlClient) =>
  (await sql.query<{ username: string; role: string }>('SELECT username, role FROM staff ORDER BY id')).rows;

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
        'application_comments',
        'applications',
        'audit_head',
        'audit_log',
        'device_enrollment_codes',
        'devices',
        'receipt_counters',
        'schema_migrations',
        'sessions',
        'staff',
        'sync_batches',
        'sync_envelopes',
        'sync_import_keys',
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
      await insertFirstReleaseStaff(sql, 'demo');
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
          {
            envelope,
            contentHash: 'b'.repeat(64),
            receivedAt,
            receivedBy: 1,
            deviceId: null,
            syncEnvelopeId: null,
          },
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
  it('gives the staff of a database before roles the admin role, and new rows must name one', async () => {
    const sql = await openEmptyStore(store);
    try {
      expect(await migrate(sql, MIGRATIONS.slice(0, 2))).toEqual([1, 2]);
      await insertFirstReleaseStaff(sql, 'demo');
      await insertFirstReleaseStaff(sql, 'w01');
      const before = await sql.query(
        'SELECT id, username, display_name, password_hash FROM staff ORDER BY id',
      );

      expect(await migrate(sql)).toEqual(MIGRATIONS.slice(2).map((m) => m.version));
      // Everyone could do everything before: nobody is locked out, and someone can hand out roles.
      expect(await roles(sql)).toEqual([
        { username: 'demo', role: 'admin' },
        { username: 'w01', role: 'admin' },
      ]);
      const after = await sql.query(
        'SELECT id, username, display_name, password_hash FROM staff ORDER BY id',
      );
      expect(after.rows).toEqual(before.rows);
      expect(await findStaffByUsername(sql, 'w01')).toMatchObject({ username: 'w01', role: 'admin' });

      // No default: an account that names no role is refused, and so is a role that is not one.
      await expect(insertFirstReleaseStaff(sql, 'norole')).rejects.toThrow();
      await expect(
        sql.query(
          `INSERT INTO staff (username, display_name, password_hash, role) VALUES ('x', 'x', 'x', 'root')`,
        ),
      ).rejects.toThrow();
      await expect(sql.query(`UPDATE staff SET role = 'Admin' WHERE username = 'w01'`)).rejects.toThrow();
      expect(await roles(sql)).toHaveLength(2);
    } finally {
      await sql.close();
    }
  });

  it('adds the counter and backoffice demo accounts to an older demo database, and none to one with real staff', async () => {
    const demoOnly = await openEmptyStore(store);
    const withStaff = await openEmptyStore(store);
    try {
      for (const sql of [demoOnly, withStaff]) {
        await migrate(sql, MIGRATIONS.slice(0, 2));
        await insertFirstReleaseStaff(sql, 'demo');
        await migrate(sql);
      }
      await insertStaff(withStaff, {
        username: 'w01',
        displayName: '窓口',
        passwordHash: 'x',
        role: 'counter',
      });

      expect(await seedDemoStaff(demoOnly)).toEqual(['counter', 'backoffice']);
      expect(await seedDemoStaff(demoOnly)).toEqual([]); // a restart adds nothing
      expect(await roles(demoOnly)).toEqual([
        { username: 'demo', role: 'admin' },
        { username: 'counter', role: 'counter' },
        { username: 'backoffice', role: 'backoffice' },
      ]);
      // The old demo keeps its own password (not reset to kakanai-demo by the seed).
      const demo = await findStaffByUsername(demoOnly, 'demo');
      expect(demo && (await verifyPassword('demo-password', demo.passwordHash))).toBe(true);

      expect(await seedDemoStaff(withStaff)).toEqual([]);
      expect((await roles(withStaff)).map((r) => r.username)).toEqual(['demo', 'w01']);
    } finally {
      await demoOnly.close();
      await withStaff.close();
    }
  });
  it('numbers the tablets and starts the audit head at the last entry of an older database', async () => {
    const sql = await openEmptyStore(store);
    try {
      await migrate(sql, MIGRATIONS.slice(0, 6));
      await insertStaff(sql, { username: 'demo', displayName: 'デモ', passwordHash: 'x', role: 'admin' });
      // Entries appended as before migration 7: seq and prev_hash read from the last row.
      let prev = GENESIS_HASH;
      for (let seq = 1; seq <= 3; seq++) {
        const at = new Date(Date.UTC(2026, 10, 30, 1, 0, seq)).toISOString();
        const entry = {
          actor: 'staff:demo',
          action: 'session.sign-in' as const,
          target: 'demo',
          detail: { n: seq },
        };
        const hash = auditEntryHash(prev, seq, at, entry);
        await sql.query(
          `INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
          [seq, at, entry.actor, entry.action, entry.target, JSON.stringify(entry.detail), prev, hash],
        );
        prev = hash;
      }
      for (const name of ['窓口1', '窓口2'])
        await sql.query(
          `INSERT INTO devices (id, name, public_key, enrolled_at, enrolled_by)
           VALUES ($1, $2, '{}'::jsonb, now(), (SELECT min(id) FROM staff))`,
          [`dev_${name === '窓口1' ? 'a' : 'b'}${'0'.repeat(25)}`, name],
        );
      expect(await migrate(sql)).toEqual([7]);
      const head = await sql.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head');
      expect(head.rows.map((r) => ({ seq: Number(r.seq), hash: r.hash }))).toEqual([{ seq: 3, hash: prev }]);
      const numbers = await sql.query<{ number: unknown }>('SELECT number FROM devices ORDER BY number');
      expect(numbers.rows.map((r) => Number(r.number))).toEqual([1, 2]);
      // The next entry links to the old chain, and the whole log verifies up to the head.
      await recordAudit(sql, new Date('2026-12-01T00:00:00.000Z'), {
        actor: 'staff:demo',
        action: 'session.sign-out',
        target: 'demo',
        detail: {},
      });
      expect(await verifyAuditChain(sql)).toMatchObject({ ok: true, value: { entries: 4 } });
      expect((await listAudit(sql)).at(-1)).toMatchObject({ seq: 4, prevHash: prev });
      // A device enrolled now takes the next number.
      await sql.query(
        `INSERT INTO devices (id, name, public_key, enrolled_at, enrolled_by)
         VALUES ($1, '窓口3', '{}'::jsonb, now(), (SELECT min(id) FROM staff))`,
        [`dev_c${'0'.repeat(25)}`],
      );
      const third = await sql.query<{ number: unknown }>("SELECT number FROM devices WHERE name = '窓口3'");
      expect(Number(third.rows[0]?.number)).toBe(3);
    } finally {
      await sql.close();
    }
  });
});
