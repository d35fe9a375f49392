// Versioned schema migrations, the same SQL on PGlite and PostgreSQL. A migration is never edited
// after release: a change is a new entry. schema_migrations records what ran, so a restart runs
// nothing twice. Later issues append entries (devices, sync cursors, cross-check results).
import type { SqlClient } from './sql.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'staff, sessions, applications, audit log',
    statements: [
      `CREATE TABLE staff (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL, -- scrypt$N$r$p$salt$key (auth/password.ts)
        created_at timestamptz NOT NULL DEFAULT now()
      )`,
      // Only the SHA-256 of a bearer token is kept: a copy of this table opens no session.
      `CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        staff_id integer NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`,
      'CREATE INDEX sessions_expires_at ON sessions (expires_at)',
      // 受付番号 daily sequence per Asia/Tokyo date; the row lock serialises allocation.
      `CREATE TABLE receipt_counters (
        day text PRIMARY KEY,
        last_seq integer NOT NULL
      )`,
      `CREATE TABLE applications (
        id uuid PRIMARY KEY, -- made on the tablet: the idempotency key
        receipt_number text NOT NULL UNIQUE,
        procedure text NOT NULL,
        fields jsonb NOT NULL,
        card jsonb NOT NULL,
        signature_png text NOT NULL,
        signed_at timestamptz NOT NULL,
        content_hash text NOT NULL, -- SHA-256 of the canonical envelope: tells a resend from a clash
        created_at timestamptz NOT NULL, -- tablet clock
        received_at timestamptz NOT NULL, -- server clock
        received_by integer NOT NULL REFERENCES staff (id),
        status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'transcribed')),
        transcribed_at timestamptz,
        transcribed_by integer REFERENCES staff (id),
        CHECK ((status = 'transcribed') = (transcribed_at IS NOT NULL AND transcribed_by IS NOT NULL))
      )`,
      'CREATE INDEX applications_inbox ON applications (status, received_at DESC)',
      `CREATE TABLE audit_log (
        seq bigint PRIMARY KEY, -- gapless: allocated under the audit lock (audit.ts)
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        detail jsonb NOT NULL,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      )`,
      // Append-only in the database too, not just by convention. Someone who can drop the
      // trigger can still rewrite rows; the hash chain (verifyAuditChain) is what detects that.
      `CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END
      $$`,
      `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
    ],
  },
  {
    version: 2,
    name: 'envelope v2: visit, language, omitted attachments, signature record',
    // Nullable: rows received before v2 have no visit, language or signature record, and keep
    // answering (their signature shows as not verified).
    statements: [
      'ALTER TABLE applications ADD COLUMN visit_id uuid',
      'ALTER TABLE applications ADD COLUMN lang text',
      `ALTER TABLE applications ADD COLUMN omitted_attachments jsonb NOT NULL DEFAULT '[]'::jsonb`,
      // scope, method, typedName, width, height, strokes, contentSha256, signedAt; the PNG stays in
      // signature_png, so lists never read the strokes.
      'ALTER TABLE applications ADD COLUMN signature jsonb',
      // createdAt exactly as the tablet sent it: the signature covers this text, and timestamptz
      // would hand back another spelling of the same instant ('…09:00:00Z' → '…09:00:00.000Z').
      'ALTER TABLE applications ADD COLUMN created_at_text text',
    ],
  },
  {
    version: 3,
    name: 'staff roles: counter, backoffice, admin',
    // Before roles every account could do everything, and no one could hand out roles yet: the
    // existing rows become admin, so no office is locked out of its own back office by an
    // upgrade, and there is an admin who can narrow the others. The default is dropped at once:
    // a new account names its role, it never becomes admin by omission.
    statements: [
      `ALTER TABLE staff ADD COLUMN role text NOT NULL DEFAULT 'admin'
        CHECK (role IN ('counter', 'backoffice', 'admin'))`,
      'ALTER TABLE staff ALTER COLUMN role DROP DEFAULT',
    ],
  },
  {
    version: 4,
    name: 'devices: enrollment codes, device keys, revocation',
    // A tablet enrolls once with a one-time code an admin issued; from then on it signs its
    // requests with its own key (shared/device-auth.ts). Only the SHA-256 of a code is kept, like
    // bearer tokens: a copy of this table enrolls nothing. A revoked device is kept (the audit
    // log and applications name it); it is refused from its next request on.
    statements: [
      `CREATE TABLE devices (
        id text PRIMARY KEY CHECK (id ~ '^dev_[0-9a-z]{26}$'),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
        public_key jsonb NOT NULL, -- ECDSA P-256 public JWK: {kty, crv, x, y} only
        enrolled_at timestamptz NOT NULL,
        enrolled_by integer NOT NULL REFERENCES staff (id), -- the admin who issued the code
        revoked_at timestamptz,
        revoked_by integer REFERENCES staff (id),
        last_seen_at timestamptz,
        CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
      )`,
      `CREATE TABLE device_enrollment_codes (
        code_hash text PRIMARY KEY,
        issued_by integer NOT NULL REFERENCES staff (id),
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        device_id text REFERENCES devices (id),
        CHECK ((used_at IS NULL) = (device_id IS NULL))
      )`,
    ],
  },
  {
    version: 5,
    name: 'status flow received/checked/transcribed/done, comments',
    // The two CHECKs of version 1 carry PostgreSQL's default names. transcribed_at/by now hold
    // for 転記済み and 完了 alike; a step back from 転記済み clears them (the audit log keeps the
    // history). Comments are kept as typed, by whom and when; never edited (a new one corrects).
    statements: [
      'ALTER TABLE applications DROP CONSTRAINT applications_status_check',
      'ALTER TABLE applications DROP CONSTRAINT applications_check',
      `ALTER TABLE applications ADD CONSTRAINT applications_status_flow
        CHECK (status IN ('received', 'checked', 'transcribed', 'done'))`,
      `ALTER TABLE applications ADD CONSTRAINT applications_transcribed_by
        CHECK ((status IN ('transcribed', 'done')) = (transcribed_at IS NOT NULL AND transcribed_by IS NOT NULL))`,
      'CREATE INDEX applications_received_at ON applications (received_at DESC, receipt_number DESC)',
      `CREATE TABLE application_comments (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES applications (id),
        staff_id integer NOT NULL REFERENCES staff (id),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 1000),
        created_at timestamptz NOT NULL
      )`,
      'CREATE INDEX application_comments_by_application ON application_comments (application_id, id)',
    ],
  },
  {
    version: 6,
    name: 'sync protocol: device chains, sync envelopes, idempotency keys, import keys',
    // Each device numbers its sync envelopes 1, 2, 3… and chains them by hash (shared/sync/).
    // devices.last_seq/last_hash is the head of that chain as stored here; it only moves inside
    // the transaction that stores the envelopes (server/sync/ingest.ts), under the device row's
    // lock. Applications now name the device and the envelope that brought them (null for rows
    // received before the protocol). An idempotency key's answer is kept, so a resent batch is
    // answered without being checked again. The import key pair lets tablets encrypt an export
    // file that only this back office can open (shared/sync/export-file.ts).
    statements: [
      'ALTER TABLE devices ADD COLUMN last_seq bigint NOT NULL DEFAULT 0 CHECK (last_seq >= 0)',
      `ALTER TABLE devices ADD COLUMN last_hash text NOT NULL DEFAULT '${'0'.repeat(64)}'
        CHECK (last_hash ~ '^[0-9a-f]{64}$')`,
      `CREATE TABLE sync_envelopes (
        device_id text NOT NULL REFERENCES devices (id),
        seq bigint NOT NULL CHECK (seq >= 1),
        id text NOT NULL UNIQUE CHECK (id ~ '^[0-7][0-9A-HJKMNP-TV-Z]{25}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        created_at timestamptz NOT NULL, -- tablet clock
        procedures jsonb NOT NULL,
        received_at timestamptz NOT NULL, -- server clock
        received_by integer NOT NULL REFERENCES staff (id),
        source text NOT NULL CHECK (source IN ('network', 'import')),
        PRIMARY KEY (device_id, seq)
      )`,
      'ALTER TABLE applications ADD COLUMN device_id text REFERENCES devices (id)',
      'ALTER TABLE applications ADD COLUMN sync_envelope_id text REFERENCES sync_envelopes (id)',
      'CREATE INDEX applications_device ON applications (device_id, received_at DESC)',
      'CREATE INDEX applications_sync_envelope ON applications (sync_envelope_id)',
      `CREATE TABLE sync_batches (
        device_id text NOT NULL REFERENCES devices (id),
        idempotency_key text NOT NULL CHECK (idempotency_key ~ '^[0-9a-f]{64}$'),
        body_sha256 text NOT NULL,
        response jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (device_id, idempotency_key)
      )`,
      `CREATE TABLE sync_import_keys (
        id text PRIMARY KEY, -- SHA-256 (hex) of the canonical public JWK
        public_key jsonb NOT NULL, -- ECDH P-256 public JWK
        private_key jsonb NOT NULL, -- its private JWK: as protected as the applications themselves
        created_at timestamptz NOT NULL,
        retired_at timestamptz
      )`,
    ],
  },
  {
    version: 7,
    name: 'per-tablet 受付番号, the audit head, idempotency keys without their answer',
    // 受付番号 become R + YYMMDD + the issuer's number + the issuer's sequence of that day
    // (receipt-number.ts): each tablet numbers its own receipts in the row that holds its chain
    // head, which its sync transaction locks anyway, so tablets no longer wait for one another's
    // COMMIT on a shared counter row. Issuer 00 is the back office itself, counted in
    // receipt_counters as before. Numbers issued before keep their old spelling.
    // An idempotency key now keeps only the SHA-256 of its body (what tells a resend from a reuse):
    // the receipts a resend gets are the ones its envelopes hold in the chain, so the answer itself
    // (several kB of JSON per batch) is no longer stored; rows from before keep theirs.
    // The audit head is the last entry's seq and hash in one row: an append is one statement
    // that moves it (the row lock serialises appends), and the verifier checks the log ends
    // where the head says (rows cut off the end are found).
    statements: [
      'ALTER TABLE devices ADD COLUMN number integer GENERATED BY DEFAULT AS IDENTITY (START WITH 1) UNIQUE',
      "ALTER TABLE devices ADD COLUMN receipt_day text CHECK (receipt_day ~ '^[0-9]{6}$')",
      'ALTER TABLE devices ADD COLUMN receipt_seq integer NOT NULL DEFAULT 0 CHECK (receipt_seq >= 0)',
      // A resend's receipts are read from the chain itself; the key keeps only the body's hash.
      'ALTER TABLE sync_batches ALTER COLUMN response DROP NOT NULL',
      `CREATE TABLE audit_head (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        seq bigint NOT NULL CHECK (seq >= 0),
        prev_hash text NOT NULL CHECK (prev_hash ~ '^[0-9a-f]{64}$'),
        hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$')
      )`,
      `INSERT INTO audit_head (only_row, seq, prev_hash, hash)
        SELECT true, coalesce(max(seq), 0),
          coalesce((SELECT prev_hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}'),
          coalesce((SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1), '${'0'.repeat(64)}')
        FROM audit_log`,
    ],
  },
];

// Two PostgreSQL processes starting at once must not both run a migration.
const MIGRATION_LOCK = 7_242_001;

/** Brings the schema up to date; returns the versions it applied (empty when already current). */
export async function migrate(sql: SqlClient, migrations = MIGRATIONS): Promise<number[]> {
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.version));
    const ran: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      ran.push(migration.version);
    }
    return ran;
  });
}
