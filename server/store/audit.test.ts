// The hash-chained audit log on both stores: it verifies, and it notices a rewritten, removed or
// re-linked entry even when someone with DDL rights switched the append-only trigger off.
import { describe, expect, it } from 'vitest';
import { openTestStore, TEST_STORES } from '../test-support/test-store.ts';
import { appendAudit, GENESIS_HASH, listAudit, recordAudit, verifyAuditChain } from './audit.ts';
import type { SqlClient } from './sql.ts';

const at = new Date('2026-12-01T01:02:03.456Z');

async function withLog(
  store: (typeof TEST_STORES)[number],
  entries: number,
  test: (sql: SqlClient) => Promise<void>,
) {
  const sql = await openTestStore(store);
  try {
    for (let i = 0; i < entries; i++) {
      await recordAudit(sql, new Date(at.getTime() + i), {
        actor: 'staff:demo',
        action: 'application.viewed',
        target: `00000000-0000-4000-8000-00000000000${i}`,
        detail: { receiptNumber: `R261201-000${i}`, n: i, nested: { z: true, a: null } },
      });
    }
    await test(sql);
  } finally {
    await sql.close();
  }
}

/** What an attacker with DDL rights does: switch the trigger off, change rows, switch it on. */
async function tamper(sql: SqlClient, statement: string, params: unknown[] = []) {
  await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await sql.query(statement, params);
  await sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

describe.each(TEST_STORES)('audit log on %s', (store) => {
  it('chains each entry to the one before and verifies', async () => {
    await withLog(store, 4, async (sql) => {
      const log = await listAudit(sql);
      expect(log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(log[0]?.prevHash).toBe(GENESIS_HASH);
      expect(log[2]?.prevHash).toBe(log[1]?.hash);
      expect(await verifyAuditChain(sql)).toEqual({
        ok: true,
        value: { entries: 4, headHash: log[3]?.hash },
      });
    });
  });

  it('verifies an empty log', async () => {
    await withLog(store, 0, async (sql) => {
      expect(await verifyAuditChain(sql)).toEqual({
        ok: true,
        value: { entries: 0, headHash: GENESIS_HASH },
      });
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await withLog(store, 1, async (sql) => {
      await expect(sql.query("UPDATE audit_log SET actor = 'staff:other'")).rejects.toThrow(/append-only/);
      await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      await expect(sql.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      expect((await listAudit(sql)).length).toBe(1);
    });
  });

  it('detects a rewritten detail', async () => {
    await withLog(store, 4, async (sql) => {
      await tamper(sql, `UPDATE audit_log SET detail = jsonb_set(detail, '{n}', '99') WHERE seq = 2`);
      expect(await verifyAuditChain(sql)).toMatchObject({
        ok: false,
        error: { kind: 'audit-chain-broken', seq: 2, reason: 'wrong-hash' },
      });
    });
  });

  it('detects a rewritten actor whose hash was recomputed without the chain', async () => {
    await withLog(store, 4, async (sql) => {
      // The forger rewrites row 3 and gives it a fresh hash; row 4 still points at the old one.
      await tamper(
        sql,
        `UPDATE audit_log SET actor = 'staff:someone-else', hash = repeat('a', 64) WHERE seq = 3`,
      );
      const result = await verifyAuditChain(sql);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.error.seq).toBe(3);
    });
  });

  it('detects a removed entry in the middle', async () => {
    await withLog(store, 4, async (sql) => {
      await tamper(sql, 'DELETE FROM audit_log WHERE seq = 2');
      expect(await verifyAuditChain(sql)).toMatchObject({
        ok: false,
        error: { kind: 'audit-chain-broken', seq: 2, reason: 'missing-entry' },
      });
    });
  });

  it('keeps the chain in order when many entries are appended at once', async () => {
    await withLog(store, 0, async (sql) => {
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          sql.transaction((tx) =>
            appendAudit(tx, at, {
              actor: 'staff:demo',
              action: 'application.listed',
              target: null,
              detail: { i },
            }),
          ),
        ),
      );
      expect(await verifyAuditChain(sql)).toMatchObject({ ok: true, value: { entries: 12 } });
    });
  });
});
