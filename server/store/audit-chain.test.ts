// verifyAuditChain over a log of several hundred entries on both stores: it walks in bounded keyset
// pages, reports the head of an intact chain, and names the first entry that does not fit for each
// way a person with DDL rights (the append-only trigger switched off) can alter the table.
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.ts';
import { openTestStore, TEST_STORES } from '../test-support/test-store.ts';
import {
  type AuditAction,
  type AuditEntry,
  appendAudit,
  auditEntryHash,
  auditHashParts,
  GENESIS_HASH,
  listAudit,
  recordAudit,
  verifyAuditChain,
} from './audit.ts';
import type { SqlClient, SqlExecutor } from './sql.ts';

const ENTRIES = 400;
const BATCH = 64; // 400 entries: six full pages and a partial one, so breaks fall across pages
const start = new Date('2026-12-01T00:00:00.000Z').getTime();
const ACTIONS: readonly AuditAction[] = [
  'session.sign-in',
  'application.listed',
  'application.viewed',
  'application.my-number-revealed',
  'application.transcribed',
  'application.refused',
];

function entry(i: number): AuditEntry {
  return {
    actor: i % 7 === 0 ? 'anonymous' : `staff:clerk${i % 3}`,
    action: ACTIONS[i % ACTIONS.length] as AuditAction,
    target: i % 5 === 0 ? null : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    detail: {
      receiptNumber: `R261201-${String(i).padStart(4, '0')}`,
      n: i,
      note: '転入届',
      z: { b: [1, null], a: true },
    },
  };
}

async function withLog(store: (typeof TEST_STORES)[number], test: (sql: SqlClient) => Promise<void>) {
  const sql = await openTestStore(store);
  try {
    for (let from = 0; from < ENTRIES; from += 100)
      await sql.transaction(async (tx) => {
        for (let i = from; i < Math.min(from + 100, ENTRIES); i++)
          await appendAudit(tx, new Date(start + i * 1001), entry(i));
      });
    await test(sql);
  } finally {
    await sql.close();
  }
}

/** What someone with DDL rights does: switch the trigger off, change rows, switch it back on. */
async function tamper(sql: SqlClient, ...statements: string[]) {
  await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  for (const statement of statements) await sql.query(statement);
  await sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

async function hashAt(sql: SqlClient, seq: number): Promise<string> {
  const r = await sql.query<{ hash: string }>('SELECT hash FROM audit_log WHERE seq = $1', [seq]);
  return r.rows[0]?.hash ?? GENESIS_HASH;
}

const verify = (sql: SqlClient) => verifyAuditChain(sql, { batchSize: BATCH });

describe('the hash input around seq', () => {
  it('is the canonical JSON of the entry with seq put in its place', () => {
    const targets = [null, 'demo', '00000000-0000-4000-8000-000000000001', '"quoted","seq":1'];
    for (let i = 0; i < 200; i++) {
      const e = { ...entry(i), target: targets[i % targets.length] as string | null };
      const at = new Date(start + i * 7919).toISOString();
      const seq = i * 1_000_003 + 1;
      const { before, after } = auditHashParts(at, e);
      expect(before + String(seq) + after).toBe(
        canonicalJson({ seq, at, actor: e.actor, action: e.action, target: e.target, detail: e.detail }),
      );
    }
  });
});

describe.each(TEST_STORES)('verifying the audit chain on %s', (store) => {
  it('verifies several hundred entries in bounded pages and reports the head', async () => {
    await withLog(store, async (sql) => {
      const head = await hashAt(sql, ENTRIES);
      // Count what each statement of the walk returns: never more than one page of rows.
      const pages: number[] = [];
      const counting: SqlClient = {
        ...sql,
        transaction: (fn) =>
          sql.transaction((tx) => {
            const wrapped: SqlExecutor = {
              async query<T>(text: string, params?: readonly unknown[]) {
                const result = await tx.query<T>(text, params);
                if (/FROM audit_log/.test(text)) pages.push(result.rows.length);
                return result;
              },
            };
            return fn(wrapped);
          }),
      };
      expect(await verifyAuditChain(counting, { batchSize: BATCH })).toEqual({
        ok: true,
        value: { entries: ENTRIES, headHash: head },
      });
      expect(pages).toEqual([64, 64, 64, 64, 64, 64, 16]);
      expect(await verifyAuditChain(sql)).toEqual({ ok: true, value: { entries: ENTRIES, headHash: head } });
    });
  });

  it('detects a changed detail (wrong-hash) and names the intact part before it', async () => {
    await withLog(store, async (sql) => {
      await tamper(sql, `UPDATE audit_log SET detail = jsonb_set(detail, '{n}', '-1') WHERE seq = 150`);
      const before = await hashAt(sql, 149);
      const result = await verify(sql);
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'audit-chain-broken', seq: 150, reason: 'wrong-hash', entries: 149, headHash: before },
      });
      expect(!result.ok && result.error.found).toBe(`hash ${await hashAt(sql, 150)}`);
    });
  });

  it('detects a rewritten entry whose hash the forger recomputed: the next link breaks', async () => {
    await withLog(store, async (sql) => {
      const [old] = (await listAudit(sql)).filter((e) => e.seq === 200);
      if (!old) throw new Error('seeded');
      const forged = { ...old, actor: 'staff:someone-else' };
      const hash = auditEntryHash(old.prevHash, old.seq, old.at, forged);
      await tamper(sql, `UPDATE audit_log SET actor = '${forged.actor}', hash = '${hash}' WHERE seq = 200`);
      expect(await verify(sql)).toMatchObject({
        ok: false,
        error: {
          seq: 201,
          reason: 'wrong-link',
          expected: `prev_hash ${hash}`,
          found: `prev_hash ${old.hash}`,
        },
      });
    });
  });

  it('detects a deleted entry in the middle (missing-entry), also on a page boundary', async () => {
    await withLog(store, async (sql) => {
      await tamper(sql, 'DELETE FROM audit_log WHERE seq = 222');
      expect(await verify(sql)).toMatchObject({
        ok: false,
        error: { seq: 222, reason: 'missing-entry', entries: 221, expected: 'seq 222', found: 'seq 223' },
      });
    });
    await withLog(store, async (sql) => {
      await tamper(sql, `DELETE FROM audit_log WHERE seq IN (${BATCH + 1}, ${BATCH + 2})`); // first rows of page 2
      expect(await verify(sql)).toMatchObject({
        ok: false,
        error: { seq: BATCH + 1, reason: 'missing-entry', found: `seq ${BATCH + 3}` },
      });
    });
  });

  it('detects the first entry missing', async () => {
    await withLog(store, async (sql) => {
      await tamper(sql, 'DELETE FROM audit_log WHERE seq = 1');
      expect(await verify(sql)).toMatchObject({
        ok: false,
        error: { seq: 1, reason: 'missing-entry', entries: 0, headHash: GENESIS_HASH },
      });
    });
  });

  it('detects two entries swapped (reordered)', async () => {
    await withLog(store, async (sql) => {
      await tamper(
        sql,
        'UPDATE audit_log SET seq = -seq WHERE seq IN (300, 301)',
        'UPDATE audit_log SET seq = 300 WHERE seq = -301',
        'UPDATE audit_log SET seq = 301 WHERE seq = -300',
      );
      expect(await verify(sql)).toMatchObject({ ok: false, error: { seq: 300, reason: 'wrong-link' } });
    });
  });

  it('detects a duplicated entry appended with a correctly computed hash', async () => {
    await withLog(store, async (sql) => {
      const [copied] = (await listAudit(sql)).filter((e) => e.seq === 10);
      if (!copied) throw new Error('seeded');
      const seq = ENTRIES + 1;
      const hash = auditEntryHash(copied.prevHash, seq, copied.at, copied);
      await tamper(
        sql,
        `INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
         SELECT ${seq}, at, actor, action, target, detail, prev_hash, '${hash}' FROM audit_log WHERE seq = 10`,
      );
      expect(await verify(sql)).toMatchObject({
        ok: false,
        error: { seq, reason: 'wrong-link', entries: ENTRIES, found: `prev_hash ${copied.prevHash}` },
      });
    });
  });

  it('detects a changed previous hash, even with the entry hash recomputed to match', async () => {
    await withLog(store, async (sql) => {
      await tamper(sql, `UPDATE audit_log SET prev_hash = repeat('b', 64) WHERE seq = 77`);
      expect(await verify(sql)).toMatchObject({ ok: false, error: { seq: 77, reason: 'wrong-link' } });
    });
    await withLog(store, async (sql) => {
      const [old] = (await listAudit(sql)).filter((e) => e.seq === 77);
      if (!old) throw new Error('seeded');
      const skipTo = await hashAt(sql, 75); // re-linked past entry 76
      const hash = auditEntryHash(skipTo, 77, old.at, old);
      await tamper(sql, `UPDATE audit_log SET prev_hash = '${skipTo}', hash = '${hash}' WHERE seq = 77`);
      expect(await verify(sql)).toMatchObject({
        ok: false,
        error: {
          seq: 77,
          reason: 'wrong-link',
          expected: `prev_hash ${old.prevHash}`,
          found: `prev_hash ${skipTo}`,
        },
      });
    });
  });

  it.each([
    ['a malformed hash', `UPDATE audit_log SET hash = 'not-a-hash' WHERE seq = 40`, 40],
    ['a detail that is not an object', `UPDATE audit_log SET detail = '[1]'::jsonb WHERE seq = 41`, 41],
    [
      'a time with microseconds',
      `UPDATE audit_log SET at = at + interval '1 microsecond' WHERE seq = 42`,
      42,
    ],
    [
      'a row before seq 1',
      `INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
       VALUES (0, now(), 'x', 'x', NULL, '{}', repeat('0', 64), repeat('c', 64))`,
      0,
    ],
  ])('reports %s as unknown-format', async (_, statement, seq) => {
    await withLog(store, async (sql) => {
      await tamper(sql, statement);
      expect(await verify(sql)).toMatchObject({ ok: false, error: { seq, reason: 'unknown-format' } });
    });
  });

  it('finds entries cut off the end against the audit head (not-at-head)', async () => {
    await withLog(store, async (sql) => {
      const head = await hashAt(sql, ENTRIES);
      await tamper(sql, `DELETE FROM audit_log WHERE seq > ${ENTRIES - 3}`);
      expect(await verify(sql)).toEqual({
        ok: false,
        error: {
          kind: 'audit-chain-broken',
          seq: ENTRIES - 2,
          reason: 'not-at-head',
          expected: `head seq ${ENTRIES} ${head}`,
          found: `last entry seq ${ENTRIES - 3} ${await hashAt(sql, ENTRIES - 3)}`,
          entries: ENTRIES - 3,
          headHash: await hashAt(sql, ENTRIES - 3),
        },
      });
    });
  });

  it('cannot see an end cut off together with the head, but the head hash then differs', async () => {
    await withLog(store, async (sql) => {
      const before = await verify(sql);
      const cut = ENTRIES - 3;
      await tamper(
        sql,
        `DELETE FROM audit_log WHERE seq > ${cut}`,
        `UPDATE audit_head SET seq = ${cut}, prev_hash = '${await hashAt(sql, cut - 1)}', hash = '${await hashAt(sql, cut)}'`,
      );
      const after = await verify(sql);
      expect(after).toEqual({ ok: true, value: { entries: cut, headHash: await hashAt(sql, cut) } });
      expect(after.ok && before.ok && after.value.headHash !== before.value.headHash).toBe(true);
    });
  });

  it('an entry the database hashed (Japanese detail included) has the hash auditEntryHash defines', async () => {
    await withLog(store, async (sql) => {
      await recordAudit(sql, new Date(start + ENTRIES * 1001), entry(ENTRIES));
      const last = (await listAudit(sql)).at(-1);
      expect(last).toMatchObject({ seq: ENTRIES + 1, prevHash: await hashAt(sql, ENTRIES) });
      expect(last?.hash).toBe(
        auditEntryHash(await hashAt(sql, ENTRIES), ENTRIES + 1, last?.at ?? '', entry(ENTRIES)),
      );
      expect(await verify(sql)).toMatchObject({ ok: true, value: { entries: ENTRIES + 1 } });
    });
  });
});
