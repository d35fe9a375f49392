// The audit log (監査ログ): every sign-in, every view of personal data, every state change.
// Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and hash-chained: each entry's hash
// covers the previous hash and the entry itself, so rewriting or removing a row in the middle
// breaks every later link. The audit head (one row: the last seq and hash) moves with every
// append, so rows cut off the end show too, unless the head is rewritten with them: against that
// only an outside copy of the latest hash helps. Entries never copy personal data: they name who
// did what to which application id.
import { err, ok, type Result } from '../../shared/result.ts';
import { canonicalJson, type JsonValue, sha256Hex } from '../canonical-json.ts';
import { type SqlClient, type SqlExecutor, toInt, toIso } from './sql.ts';

export type AuditAction =
  | 'session.sign-in'
  | 'session.sign-in-failed'
  | 'session.sign-out'
  | 'access.refused' // a role without the route's permission (detail: permission, role, route)
  | 'request.refused' // a staff command's body refused (detail: route, error, fields, unknownKeys — never the values)
  | 'application.received'
  | 'application.refused'
  | 'application.listed'
  | 'application.viewed'
  | 'application.transcribed'
  | 'application.my-number-revealed'
  | 'application.status-changed' // detail: receiptNumber, from, to, reason (a step back needs one)
  | 'application.comments-viewed'
  | 'application.signature-viewed'
  | 'application.comment-added' // detail: receiptNumber, comment id, length — never the text
  | 'export.created' // a CSV export (detail: procedure, encoding, filters, counts — no personal data)
  | 'export.checked' // an encodability check before an export
  | 'staff.created' // target: username; detail: role — never the password
  | 'staff.role-changed' // target: username; detail: from, to
  | 'staff.password-reset' // target: username; detail: sessionsEnded — never the password
  | 'device.code-issued' // an enrollment code (detail: expiresAt; never the code)
  | 'device.enrolled' // a tablet enrolled with a code (target: device id)
  | 'device.enroll-failed' // detail: reason (unknown-code, used-code, expired-code, bad-key, …)
  | 'device.revoked' // target: device id
  | 'device.refused' // a request with a missing, unknown or revoked device, a bad signature or clock
  | 'sync.received' // sync envelopes stored (target: device; detail: source, seq range, counts, 受付番号)
  | 'sync.refused' // a batch refused (detail: source, reason, seq, chain head — never content)
  | 'sync.imported' // an export file imported (detail: counts, seq range)
  | 'sync.import-refused'; // an export file refused (detail: reason)

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

/**
 * The one definition of an entry's hash, used to append and to verify: SHA-256 of the previous
 * hash followed by the canonical JSON of seq, at (ISO 8601, milliseconds), actor, action, target
 * and detail.
 */
export function auditEntryHash(prevHash: string, seq: number, at: string, entry: AuditEntry): string {
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

/**
 * That canonical JSON around seq: `before + seq + after` is the body auditEntryHash hashes (its
 * keys sort as action, actor, at, detail, seq, target). Only seq and the previous hash need the
 * audit head; everything else is made here, before the head is locked.
 */
export function auditHashParts(at: string, entry: AuditEntry): { before: string; after: string } {
  const rest = canonicalJson({ action: entry.action, actor: entry.actor, at, detail: entry.detail });
  return { before: `${rest.slice(0, -1)},"seq":`, after: `,"target":${canonicalJson(entry.target)}}` };
}

/**
 * The append as two CTEs (audit_next, audit_entry), for a statement of its own or as the last
 * part of a larger one; its values are pushed onto params. The head row moves to the new entry
 * and stays locked until the transaction ends, which serialises appends: take it last. Its hash
 * is computed by the database from the parts (the same SHA-256 of the same UTF-8 text), so the
 * append needs no round trip to read the head first.
 */
export function auditAppendCtes(at: Date, entry: AuditEntry, params: unknown[]): string {
  const iso = at.toISOString();
  const { before, after } = auditHashParts(iso, entry);
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return `audit_next AS (
       UPDATE audit_head SET seq = seq + 1, prev_hash = hash,
         hash = encode(sha256(convert_to(hash || ${p(before)}::text || (seq + 1)::text || ${p(after)}::text, 'UTF8')), 'hex')
       RETURNING seq, prev_hash, hash
     ), audit_entry AS (
       INSERT INTO audit_log (seq, at, actor, action, target, detail, prev_hash, hash)
       SELECT seq, ${p(iso)}::timestamptz, ${p(entry.actor)}::text, ${p(entry.action)}::text,
         ${p(entry.target)}::text, ${p(JSON.stringify(entry.detail))}::jsonb, prev_hash, hash
       FROM audit_next
       RETURNING seq
     )`;
}

/** Appends inside the caller's transaction, so the entry commits or rolls back with the change. */
export async function appendAudit(tx: SqlExecutor, at: Date, entry: AuditEntry): Promise<void> {
  const params: unknown[] = [];
  const { rows } = await tx.query<{ n: unknown }>(
    `WITH ${auditAppendCtes(at, entry, params)} SELECT count(*) AS n FROM audit_entry`,
    params,
  );
  if (toInt(rows[0]?.n) !== 1) throw new Error('the audit head row is missing');
}

/**
 * For an event that changes nothing else (a view, a failed sign-in): the append is one
 * statement, so on its own it is a transaction already.
 */
export function recordAudit(sql: SqlClient, at: Date, entry: AuditEntry): Promise<void> {
  return appendAudit(sql, at, entry);
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

/** How far the chain checked out: entries seq 1…entries, the last of them with hash headHash. */
export interface AuditChainHead {
  readonly entries: number;
  /** GENESIS_HASH when there are none. Kept elsewhere, it is the anchor that shows a cut-off end. */
  readonly headHash: string;
}

export type AuditChainBreakReason =
  | 'missing-entry' // a sequence number is absent: an entry was removed (seq is the missing number)
  | 'wrong-link' // prev_hash is not the hash of the entry before: re-linked, reordered, duplicated or inserted
  | 'wrong-hash' // the stored hash does not cover the stored content: the entry was rewritten
  | 'unknown-format' // a row this code cannot read as an entry (malformed hash, seq, at or detail)
  | 'not-at-head'; // an intact chain that does not end where audit_head says: entries cut off the end, or the head changed

/** The first entry that does not fit; entries/headHash describe the intact part before it. */
export interface AuditChainBreak extends AuditChainHead {
  readonly kind: 'audit-chain-broken';
  readonly seq: number;
  readonly reason: AuditChainBreakReason;
  readonly expected: string;
  readonly found: string;
}

export interface VerifyOptions {
  /** Rows per keyset page: memory stays bounded however long the log is. */
  readonly batchSize?: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

interface VerifyRow extends AuditRow {
  sub_ms: unknown; // microseconds beyond the millisecond: appendAudit never writes any
}

type RowCheck =
  | { readonly ok: true; readonly entry: StoredAuditEntry }
  | Omit<AuditChainBreak, 'entries' | 'headHash'>;

/** Reads one row as an entry and checks it against the chain so far (expected seq, previous hash). */
function checkRow(row: VerifyRow, expectedSeq: number, prevHash: string): RowCheck {
  const broken = (seq: number, reason: AuditChainBreakReason, expected: string, found: string) =>
    ({ kind: 'audit-chain-broken', seq, reason, expected, found }) as const;
  let entry: StoredAuditEntry;
  try {
    entry = fromRow(row);
  } catch {
    return broken(expectedSeq, 'unknown-format', `seq ${expectedSeq}`, `seq ${String(row.seq)}`);
  }
  // Lower than expected happens only before seq 1: the keyset walk ascends strictly.
  if (entry.seq < expectedSeq)
    return broken(entry.seq, 'unknown-format', `seq ${expectedSeq} or later`, `seq ${entry.seq}`);
  if (entry.seq > expectedSeq)
    return broken(expectedSeq, 'missing-entry', `seq ${expectedSeq}`, `seq ${entry.seq}`);
  if (!HEX64.test(entry.prevHash))
    return broken(entry.seq, 'unknown-format', 'prev_hash: 64 hex digits', `prev_hash ${entry.prevHash}`);
  if (!HEX64.test(entry.hash))
    return broken(entry.seq, 'unknown-format', 'hash: 64 hex digits', `hash ${entry.hash}`);
  if (toInt(row.sub_ms) !== 0)
    return broken(
      entry.seq,
      'unknown-format',
      'at: whole milliseconds',
      `at ${entry.at} + ${String(row.sub_ms)} µs`,
    );
  if (entry.detail === null || typeof entry.detail !== 'object' || Array.isArray(entry.detail))
    return broken(
      entry.seq,
      'unknown-format',
      'detail: a JSON object',
      `detail ${JSON.stringify(entry.detail).slice(0, 80)}`,
    );
  if (entry.prevHash !== prevHash)
    return broken(entry.seq, 'wrong-link', `prev_hash ${prevHash}`, `prev_hash ${entry.prevHash}`);
  let hash: string;
  try {
    hash = auditEntryHash(entry.prevHash, entry.seq, entry.at, entry);
  } catch {
    return broken(entry.seq, 'unknown-format', 'detail: canonical JSON', 'detail that cannot be hashed');
  }
  if (hash !== entry.hash) return broken(entry.seq, 'wrong-hash', `hash ${hash}`, `hash ${entry.hash}`);
  return { ok: true, entry };
}

/**
 * Recomputes every hash from the first entry, in keyset pages inside one read-only snapshot (a
 * server appending meanwhile neither disturbs the walk nor is blocked by it), and reports the first
 * entry that does not fit, or the head of an intact chain.
 */
export function verifyAuditChain(
  sql: SqlClient,
  options: VerifyOptions = {},
): Promise<Result<AuditChainHead, AuditChainBreak>> {
  const batch = options.batchSize ?? 1000;
  return sql.transaction(async (tx) => {
    await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    let entries = 0;
    let headHash = GENESIS_HASH;
    for (let first = true; ; first = false) {
      // The first page has no lower bound, so a stray row below seq 1 is read too.
      const page = await tx.query<VerifyRow>(
        `SELECT seq, at, actor, action, target, detail, prev_hash, hash,
           mod(extract(microseconds FROM at)::bigint, 1000) AS sub_ms
         FROM audit_log ${first ? '' : 'WHERE seq > $2'} ORDER BY seq LIMIT $1`,
        first ? [batch] : [batch, entries],
      );
      for (const row of page.rows) {
        const checked = checkRow(row, entries + 1, headHash);
        if (!('ok' in checked)) return err({ ...checked, entries, headHash });
        entries = checked.entry.seq;
        headHash = checked.entry.hash;
      }
      if (page.rows.length < batch) break;
    }
    // The head row (migration 7) moves with every append: a chain that ends before it lost its end.
    const present = await tx.query<{ present: boolean }>(
      "SELECT to_regclass('audit_head') IS NOT NULL AS present",
    );
    if (!present.rows[0]?.present) return ok({ entries, headHash });
    const head = await tx.query<{ seq: unknown; hash: string }>('SELECT seq, hash FROM audit_head');
    const h = head.rows[0];
    const at = h ? { seq: toInt(h.seq), hash: h.hash } : undefined;
    if (!at || at.seq !== entries || at.hash !== headHash)
      return err({
        kind: 'audit-chain-broken',
        seq: at && at.seq > entries ? entries + 1 : entries,
        reason: 'not-at-head',
        expected: at ? `head seq ${at.seq} ${at.hash}` : 'an audit_head row',
        found: `last entry seq ${entries} ${headHash}`,
        entries,
        headHash,
      });
    return ok({ entries, headHash });
  });
}
