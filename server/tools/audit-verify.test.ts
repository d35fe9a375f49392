// `npm run audit:verify` as an operator runs it: a child process (tsx) against a PGlite data folder
// on disk and against a PostgreSQL database. Exit 0 intact, 1 broken, 2 could not check, and a
// data folder that a running server owns is refused, not opened.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API } from '../../shared/api.ts';
import { startServer } from '../main.ts';
import { appendAudit } from '../store/audit.ts';
import { migrate } from '../store/migrations.ts';
import { openPglite } from '../store/pglite.ts';
import { openPostgres } from '../store/postgres.ts';
import type { SqlClient } from '../store/sql.ts';
import { freshPostgresUrl } from '../test-support/test-store.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const ENTRIES = 300;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.DATA_DIR;
  return new Promise((done) => {
    execFile(
      TSX,
      ['server/tools/audit-verify.ts', ...args],
      { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

async function seed(sql: SqlClient): Promise<void> {
  await migrate(sql);
  await sql.transaction(async (tx) => {
    for (let i = 0; i < ENTRIES; i++)
      await appendAudit(tx, new Date(Date.UTC(2026, 11, 1) + i * 1000), {
        actor: 'staff:demo',
        action: 'application.viewed',
        target: `app-${i}`,
        detail: { i, receiptNumber: `R261201-${i}` },
      });
  });
}

async function headHash(sql: SqlClient): Promise<string> {
  const r = await sql.query<{ hash: string }>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  return r.rows[0]?.hash ?? '';
}

async function tamper(sql: SqlClient, statement: string): Promise<void> {
  await sql.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
  await sql.query(statement);
  await sql.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
}

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'kakanai-audit-verify-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('audit:verify on a PGlite data folder', () => {
  it('exits 0 on an intact log, 1 once tampered, and 2 while a server owns the folder', async () => {
    const dataDir = join(scratch, 'data');
    const db = await openPglite({ dataDir });
    await seed(db);
    const head = await headHash(db);
    await db.close();

    const intact = await cli(['--data-dir', dataDir]);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toContain(`PGlite ${dataDir}`);
    expect(intact.stdout).toContain(
      `正常です（${ENTRIES} 件を確認） / Result: intact, ${ENTRIES} entries checked`,
    );
    expect(intact.stdout).toContain(`seq ${ENTRIES} ${head}`);
    expect(existsSync(join(dataDir, 'kakanai-server.lock'))).toBe(false); // the lock is given back

    const again = await openPglite({ dataDir });
    await tamper(again, `UPDATE audit_log SET detail = '{"i": 0}' WHERE seq = 123`);
    await again.close();
    const broken = await cli([`--data-dir=${dataDir}`]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('BROKEN at seq 123');
    expect(broken.stdout).toContain('wrong-hash');
    expect(broken.stdout).toContain('Entries 1–122 are intact');
    // Without arguments it checks what the server would open: DATA_DIR.
    expect((await cli([], { DATA_DIR: dataDir })).code).toBe(1);

    const server = await startServer({ port: 0, dataDir, log: () => {} });
    try {
      const refused = await cli(['--data-dir', dataDir]);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`running Kakanai server (PID ${process.pid}). Stop the server`);
      expect(refused.stderr).toContain('サーバーを止めてから');
      expect((await fetch(server.url + API.health)).status).toBe(200); // undisturbed, still locked
      expect(existsSync(join(dataDir, 'kakanai-server.lock'))).toBe(true);
    } finally {
      await server.close();
    }
    expect((await cli(['--data-dir', dataDir])).code).toBe(1); // free again: checks, still broken
  });

  it('exits 2 for a folder that is not a data folder, and does not create one', async () => {
    const missing = join(scratch, 'no-such-folder');
    const run = await cli(['--data-dir', missing]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a Kakanai data folder');
    expect(run.stderr).toContain('--data-dir');
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 2 on an unknown argument with the usage, 0 for --help', async () => {
    const bad = await cli(['--data-dir']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--data-dir needs a folder');
    expect((await cli(['--verbose'])).stderr).toContain('unknown argument: --verbose');
    expect(bad.stderr).toContain('Usage:');
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('DATABASE_URL=postgres://');
  });
});

describe('audit:verify on PostgreSQL (DATABASE_URL)', () => {
  it('exits 0 on an intact log and 1 once tampered, while a server is using the database', async () => {
    const database = await freshPostgresUrl();
    try {
      const db = await openPostgres(database.url);
      try {
        await seed(db);
        const server = await startServer({ port: 0, databaseUrl: database.url, log: () => {} });
        try {
          const intact = await cli([], { DATABASE_URL: database.url });
          expect(intact).toMatchObject({ code: 0, stderr: '' });
          expect(intact.stdout).toContain('PostgreSQL postgres://');
          expect(intact.stdout).toContain(`seq ${ENTRIES} ${await headHash(db)}`);
          await tamper(db, 'DELETE FROM audit_log WHERE seq = 200');
          const broken = await cli([], { DATABASE_URL: database.url });
          expect(broken.code).toBe(1);
          expect(broken.stdout).toContain('BROKEN at seq 200');
          expect(broken.stdout).toContain('missing-entry');
        } finally {
          await server.close();
        }
      } finally {
        await db.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('exits 2 when it cannot connect, without printing the password', async () => {
    const run = await cli([], { DATABASE_URL: 'postgres://kakanai:s3cret-pw@127.0.0.1:1/kakanai' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('cannot connect to PostgreSQL');
    expect(run.stderr).toContain('check DATABASE_URL');
    expect(run.stdout + run.stderr).not.toContain('s3cret-pw');
  });

  it('exits 2 on a database without the audit log', async () => {
    const database = await freshPostgresUrl(); // not migrated
    try {
      const run = await cli([], { DATABASE_URL: database.url });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('no audit_log table');
    } finally {
      await database.drop();
    }
  });
});
