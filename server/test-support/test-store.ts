// Real databases for the server tests, no mocks: PGlite from a cached template (a migrated data
// directory dumped once to a tar, ~0.4 s to load instead of ~3 s for initdb), and a fresh database
// per call in the throwaway PostgreSQL cluster started by test/setup/postgres.ts.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
// The inject('postgresUrl') type lives with the globalSetup that provides it.
import type {} from '../../test/setup/postgres.ts';
import { sha256Hex } from '../canonical-json.ts';
import { MIGRATIONS, migrate } from '../store/migrations.ts';
import { dumpPglite, openPglite } from '../store/pglite.ts';
import { openPostgres } from '../store/postgres.ts';
import type { SqlClient, StoreKind } from '../store/sql.ts';

export const TEST_STORES: readonly StoreKind[] = ['pglite', 'postgres'];

function pgliteVersion(): string {
  // package.json is not in PGlite's "exports"; read it next to the resolved entry point instead
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const manifest = join(dirname(entry), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** The template is keyed by the migrations and the PGlite version, so it is never stale. */
async function pgliteTemplate(): Promise<Blob> {
  const key = sha256Hex(JSON.stringify(MIGRATIONS) + pgliteVersion()).slice(0, 16);
  const path = join(tmpdir(), `kakanai-pglite-template-${key}.tar`);
  if (!existsSync(path)) {
    const seed = await openPglite();
    await migrate(seed);
    const dump = await dumpPglite(seed);
    await seed.close();
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path); // atomic: a concurrent run never reads half a file
  }
  return new Blob([readFileSync(path)]);
}

async function freshPostgres(): Promise<SqlClient> {
  const database = await freshPostgresUrl();
  const sql = await openPostgres(database.url);
  await migrate(sql);
  return {
    ...sql,
    async close() {
      await sql.close();
      await database.drop();
    },
  };
}

/** A new, empty, migrated database of the given kind. */
export async function openTestStore(kind: StoreKind): Promise<SqlClient> {
  if (kind === 'postgres') return freshPostgres();
  const sql = await openPglite({ template: await pgliteTemplate() });
  await migrate(sql); // a no-op on the template; proves a restart runs nothing twice
  return sql;
}

async function asClusterAdmin(statement: string): Promise<void> {
  const admin = new pg.Client(inject('postgresUrl'));
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new empty database in the throwaway cluster (not migrated), e.g. for startServer. */
export async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `kakanai_test_${crypto.randomUUID().replaceAll('-', '')}`;
  await asClusterAdmin(`CREATE DATABASE ${name}`);
  const url = new URL(inject('postgresUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => asClusterAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
