// A throwaway real PostgreSQL cluster: initdb into a temp dir, pg_ctl start on a private port,
// 127.0.0.1 only, local connections trusted. Used by the vitest globalSetup (postgres.ts, with
// fsync off: test data only) and by the benchmarks (bench/sync.ts, fsync on), outside vitest.
// Needs the Debian `postgresql` package (initdb, pg_ctl); as root the server runs as `postgres`.
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with `apt-get install -y postgresql` ' +
  '(CI does this), or put pg_config on PATH.';

export interface PgClusterOptions {
  /** false: fsync=off (tests: nothing to keep). Default true, PostgreSQL's own default. */
  readonly fsync?: boolean;
  /** More `-c name=value` server settings. */
  readonly settings?: Readonly<Record<string, string>>;
  /** The temp dir's name prefix. */
  readonly prefix?: string;
}

export interface PgCluster {
  /** postgres://… of the cluster's `postgres` database, as its superuser. */
  readonly url: string;
  readonly port: number;
  /** The PostgreSQL server version (`initdb --version`), e.g. "15.14". */
  readonly version: string;
  /** Stops the cluster and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

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

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = await findBinDir();
  const isRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), options.prefix ?? 'kakanai-pg-'));
  if (isRoot) {
    const postgresUser = await run('id', ['-u', 'postgres']).catch(() => {
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`Running as root needs the postgres system user. ${INSTALL_HINT}`);
    });
    const gid = await run('id', ['-g', 'postgres']);
    chownSync(dir, Number(postgresUser.stdout.trim()), Number(gid.stdout.trim()));
    chmodSync(dir, 0o700);
  }
  const serverUser = asServerUser(isRoot);
  const data = join(dir, 'data');
  const port = await freePort();
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= serverUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'])
      .catch(() => {
        // already stopped or never started: removing the directory below is all that is left
      })
      .then(() => rmSync(dir, { recursive: true, force: true }));
    return stopped;
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
    const settings: Record<string, string> = {
      listen_addresses: '127.0.0.1',
      ...(options.fsync === false ? { fsync: 'off' } : {}),
      ...options.settings,
    };
    const serverOptions = [
      `-p ${port} -k ${dir}`,
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
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
  const version = await run(join(bin, 'initdb'), ['--version']).then(
    ({ stdout }) => /(\d+(\.\d+)?)/.exec(stdout)?.[1] ?? 'unknown',
    () => 'unknown',
  );
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, version, stop };
}
