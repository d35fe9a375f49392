// vitest globalSetup for the "server" project: a throwaway real PostgreSQL cluster, so the same
// behaviour suite runs against PGlite and PostgreSQL (toolchain.md §6). Each test file then makes
// its own database in it with CREATE DATABASE. The cluster lives in a temp dir, listens on
// 127.0.0.1 only, trusts local connections and runs with fsync=off: it holds test data only.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the throwaway cluster's `postgres` database, as its superuser. */
    postgresUrl: string;
  }
}

const run = promisify(execFile);
const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with `apt-get install -y postgresql` ' +
  '(CI does this), or put pg_config on PATH.';

async function findBinDir(): Promise<string> {
  try {
    const { stdout } = await run('pg_config', ['--bindir']);
    const dir = stdout.trim();
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  } catch {
    // pg_config comes with libpq-dev or the server package; fall back to the Debian layout below
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(INSTALL_HINT);
}

/** A port nobody listens on right now (the OS picks it); the cluster binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** initdb refuses to run as root, so as root every server command runs as the postgres user. */
function asServerUser(isRoot: boolean) {
  return async (binary: string, args: readonly string[]): Promise<void> => {
    if (!isRoot) {
      await run(binary, [...args]);
      return;
    }
    await run('su', ['postgres', '-s', '/bin/sh', '-c', [binary, ...args].map(quote).join(' ')]);
  };
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = await findBinDir();
  const isRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), 'kakanai-pg-'));
  if (isRoot) {
    const postgresUser = await run('id', ['-u', 'postgres']).catch(() => {
      throw new Error(`Running as root needs the postgres system user. ${INSTALL_HINT}`);
    });
    const gid = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(postgresUser.stdout.trim()), Number(gid.stdout.trim()));
    chmodSync(dir, 0o700);
  }
  const serverUser = asServerUser(isRoot);
  const data = join(dir, 'data');
  const port = await freePort();
  const stop = async () => {
    await serverUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']).catch(() => {
      // already stopped or never started: removing the directory below is all that is left
    });
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    await serverUser(join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await serverUser(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      serverOptions,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ]);
  } catch (e) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : '';
    await stop();
    throw new Error(`The throwaway PostgreSQL cluster did not start: ${(e as Error).message}\n${log}`);
  }

  project.provide('postgresUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return stop;
}
