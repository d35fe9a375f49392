// The audit log (監査ログ): every sign-in, every view of personal data, every state change.
// Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and hash-chained: each entry's hash
// covers the previous hash and the entry itself, so rewriting or removing a row in the middle
// breaks every later link. (Cutting rows off the end needs an outside anchor of the latest hash,
// e.g. a daily export; the dashboard issue adds that.) Entries never copy personal data: they
// name who did what to which application id.
import { err, ok, type Result } from '../../shared/result.ts';
import { canonicalJson, type JsonValue, sha256Hex } from '../canonical-json.ts';
import { type SqlClient, type SqlExecutor, toInt, toIso } from './sql.ts';

export type AuditAction =
  | 'session.sign-in'
  | 'session.sign-in-failed'
  | 'session.sign-out'
  | 'application.received'
  | 'application.refused'
  | 'application.listed'
  | 'application.viewed'
  | 'application.transcribed'
  | 'application.my-number-revealed';

export interface AuditEntry {
  readonly actor: string; // "staff:<username>", or "anonymous" for a failed sign-in
  readonly action: AuditAction;
  readonly target: string | null; // an application id or a username
  readonly detail: { readonly [k: string]: JsonValue };
}

export interface StoredAuditEntry extends AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
// Appends are serialised so that seq and prev_hash come from the true last entry.
const AUDIT_LOCK = 7_242_002;

function entryHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
  const body = canonicalJson({
    seq,
    at,
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    detail: entry.detail,
  });
  return sha256Hex(prevHash + body);
}

/** Appends inside the caller's transaction, so the entry commits or rolls back with the change. */
export async function appendAudit(tx: SqlExecutor, at: Date, entry: AuditEntry): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const last = await tx.query<{ seq: unknown; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const seq = last.rows[0] ? toInt(last.rows[0].seq) + 1 : 1;
  const prevHash = last.rows[0]?.hash ?? GENESIS_HASH;
  const iso = at.toISOString();
  await tx.query(
    `INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)`,
    [
      seq,
      iso,
      entry.actor,
      entry.action,
      entry.target,
      JSON.stringify(entry.detail),
      prevHash,
      entryHash(prevHash, seq, iso, entry),
    ],
  );
}

/** For an event that changes nothing else (a view, a failed sign-in): its own transaction. */
export function recordAudit(sql: SqlClient, at: Date, entry: AuditEntry): Promise<void> {
  return sql.transaction((tx) => appendAudit(tx, at, entry));
}

interface AuditRow {
  seq: unknown;
  at: unknown;
  actor: string;
  action: AuditAction;
  target: string | null;
  detail: { [k: string]: JsonValue };
  prev_hash: string;
  hash: string;
}

function fromRow(r: AuditRow): StoredAuditEntry {
  return {
    seq: toInt(r.seq),
    at: toIso(r.at),
    actor: r.actor,
    action: r.action,
    target: r.target,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

export async function listAudit(
  sql: SqlExecutor,
  filter: { target?: string } = {},
): Promise<StoredAuditEntry[]> {
  const result = filter.target
    ? await sql.query<AuditRow>('SELECT * FROM audit_log WHERE target = $1 ORDER BY seq', [filter.target])
    : await sql.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  return result.rows.map(fromRow);
}

export type AuditChainBreak = {
  readonly kind: 'audit-chain-broken';
  readonly seq: number;
  readonly reason: 'missing-entry' | 'wrong-link' | 'wrong-hash';
};

/** Recomputes every hash from the first entry; reports the first entry that does not fit. */
export async function verifyAuditChain(
  sql: SqlExecutor,
): Promise<Result<{ entries: number }, AuditChainBreak>> {
  const BATCH = 1000; // keyset pages, so a long log is never loaded at once
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await sql.query<AuditRow>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq LIMIT $2', [
      expectedSeq,
      BATCH,
    ]);
    for (const row of page.rows) {
      const entry = fromRow(row);
      if (entry.seq !== expectedSeq)
        return err({ kind: 'audit-chain-broken', seq: expectedSeq, reason: 'missing-entry' });
      if (entry.prevHash !== prevHash)
        return err({ kind: 'audit-chain-broken', seq: entry.seq, reason: 'wrong-link' });
      if (entryHash(entry.prevHash, entry.seq, entry.at, entry) !== entry.hash)
        return err({ kind: 'audit-chain-broken', seq: entry.seq, reason: 'wrong-hash' });
      prevHash = entry.hash;
      expectedSeq += 1;
    }
    if (page.rows.length < BATCH) return ok({ entries: expectedSeq - 1 });
  }
}
