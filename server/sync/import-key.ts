// The import key (issue 5, point 9): the ECDH P-256 key pair tablets encrypt their export files to
// (shared/sync/export-file.ts), kept in sync_import_keys (migration 6). There is one current key
// (not retired); it is made on the first ask, and concurrent first asks end with that one key: the
// insert runs under an advisory lock after looking again. A retired key still opens the files
// sealed to it, so its private half is looked up by id whether retired or not.
import { importKeyIdOf, type P256PrivateJwk, type P256PublicJwk } from '../../shared/sync/export-file.ts';
import type { SyncImportKeyResponse } from '../../shared/sync/import-types.ts';
import { fromJson, type SqlClient, type SqlExecutor } from '../store/sql.ts';

// Beside the migration (7_242_001) and audit (7_242_002) locks.
const IMPORT_KEY_LOCK = 7_242_101;
const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;

const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

function publicJwkOf(value: unknown): P256PublicJwk {
  const v = fromJson(value) as Record<string, unknown> | null;
  if (v?.kty !== 'EC' || v.crv !== 'P-256' || !isText(v.x) || !isText(v.y))
    throw new Error('sync_import_keys holds a public key that is not a P-256 JWK');
  return { kty: 'EC', crv: 'P-256', x: v.x, y: v.y };
}

function privateJwkOf(value: unknown): P256PrivateJwk {
  const v = fromJson(value) as Record<string, unknown> | null;
  if (!isText(v?.d)) throw new Error('sync_import_keys holds a private key without its d');
  return { ...publicJwkOf(v), d: v.d };
}

async function findCurrent(sql: SqlExecutor): Promise<SyncImportKeyResponse | undefined> {
  const { rows } = await sql.query<{ id: string; public_key: unknown }>(
    `SELECT id, public_key FROM sync_import_keys WHERE retired_at IS NULL
     ORDER BY created_at DESC, id LIMIT 1`,
  );
  const row = rows[0];
  return row ? { id: row.id, publicKey: publicJwkOf(row.public_key) } : undefined;
}

async function newKeyPair(): Promise<SyncImportKeyResponse & { readonly privateKey: P256PrivateJwk }> {
  const pair = await crypto.subtle.generateKey(ECDH_P256, true, ['deriveBits']);
  const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
  const publicKey = publicJwkOf(jwk);
  return { id: await importKeyIdOf(publicKey), publicKey, privateKey: privateJwkOf(jwk) };
}

/** The current import key, made now if there is none yet. */
export async function currentImportKey(sql: SqlClient, now: Date): Promise<SyncImportKeyResponse> {
  const existing = await findCurrent(sql);
  if (existing) return existing;
  const made = await newKeyPair(); // outside the lock: the lock is held only to look and insert
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_KEY_LOCK]);
    const meanwhile = await findCurrent(tx);
    if (meanwhile) return meanwhile;
    await tx.query(
      `INSERT INTO sync_import_keys (id, public_key, private_key, created_at)
       VALUES ($1, $2::jsonb, $3::jsonb, $4) ON CONFLICT (id) DO NOTHING`,
      [made.id, JSON.stringify(made.publicKey), JSON.stringify(made.privateKey), now.toISOString()],
    );
    return { id: made.id, publicKey: made.publicKey };
  });
}

/** The private half of an import key by id, retired ones included; undefined for an unknown id. */
export async function importPrivateKey(sql: SqlExecutor, id: string): Promise<P256PrivateJwk | undefined> {
  const { rows } = await sql.query<{ private_key: unknown }>(
    'SELECT private_key FROM sync_import_keys WHERE id = $1',
    [id],
  );
  return rows[0] ? privateJwkOf(rows[0].private_key) : undefined;
}

/**
 * Retires a key (a rotation: the next ask makes a new one; files sealed to this one still open).
 * Answers whether this call retired it.
 */
export async function retireImportKey(sql: SqlExecutor, id: string, now: Date): Promise<boolean> {
  const { rows } = await sql.query<{ id: string }>(
    'UPDATE sync_import_keys SET retired_at = $2 WHERE id = $1 AND retired_at IS NULL RETURNING id',
    [id, now.toISOString()],
  );
  return rows.length > 0;
}
