// PGlite adapter: PostgreSQL 18 compiled to wasm, embedded in this process (toolchain.md §6).
// On disk, ONE process owns the directory: PGlite has no locking against a second process
// opening it, and two writers would corrupt it. So only startServer opens a data dir, once.
// Fresh databases for tests: starting PGlite from scratch runs initdb (~3 s); loading a tar made by
// dumpDataDir('none') from an already migrated instance takes ~0.4 s (see dumpPglite).
import { PGlite } from '@electric-sql/pglite';
import type { SqlClient, SqlExecutor } from './sql.ts';

export interface PgliteOptions {
  /** A directory on disk (created if missing); in memory when absent. */
  readonly dataDir?: string;
  /** A tar from dumpPglite: the new instance starts as a copy of it (memory only). */
  readonly template?: Blob;
}

function executor(db: Pick<PGlite, 'query'>): SqlExecutor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await db.query<T>(sql, [...params]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

export async function openPglite(options: PgliteOptions = {}): Promise<SqlClient & { readonly db: PGlite }> {
  const db = options.template
    ? await PGlite.create({ loadDataDir: options.template })
    : options.dataDir
      ? await PGlite.create(options.dataDir)
      : await PGlite.create();
  const run = executor(db);
  return {
    kind: 'pglite',
    db,
    query: run.query,
    // PGlite serialises transactions itself: one connection, so a second transaction waits
    transaction: (fn) => db.transaction((tx) => fn(executor(tx))),
    close: () => db.close(),
  };
}

/** The whole data directory as an uncompressed tar: the template for fast fresh test databases. */
export async function dumpPglite(client: { readonly db: PGlite }): Promise<Blob> {
  return client.db.dumpDataDir('none');
}
