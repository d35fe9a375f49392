// The back office as a child process for the fault test: `node --import tsx server/main.ts --demo`
// on a fixed port with a fixed store (a PGlite data directory or a PostgreSQL database), so it can
// be SIGKILLed at any moment and started again on the same port with the same data. --demo seeds
// the demo staff accounts on the first start (demo = admin, counter = counter staff) and starts the
// demo legacy system on port + 1, so a port pair is reserved.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface ServerProcessOptions {
  /** PGlite data directory (ignored when databaseUrl is set). */
  readonly dataDir?: string;
  readonly databaseUrl?: string;
  /** Default: a free port whose neighbour (the demo legacy system) is free too. */
  readonly port?: number;
  /** How long a start may take until /healthz answers. */
  readonly startTimeoutMs?: number;
}

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  /** The pid of the running process, undefined while it is down. */
  readonly pid: number | undefined;
  readonly up: boolean;
  /** Starts so far (the first included). */
  readonly starts: number;
  /** SIGKILL, then wait until the process is gone (reaped: its pid no longer exists). */
  kill(): Promise<void>;
  /**
   * A new process on the same port with the same store. With crashAfterMs, a first new process is
   * SIGKILLed that far into its own start (opening the store, recovering, migrating…), then
   * another one is started for good.
   */
  restart(options?: { readonly crashAfterMs?: number }): Promise<void>;
  /** SIGTERM (the server's own shutdown), then wait; SIGKILL after a grace period. */
  stop(): Promise<void>;
  /** The last lines the process wrote, for a failure message (enrollment codes blanked). */
  output(): string;
}

function listenOnce(port: number): Promise<number | undefined> {
  return new Promise((resolvePort) => {
    const probe = createServer();
    probe.once('error', () => resolvePort(undefined));
    probe.listen(port, '127.0.0.1', () => {
      const address = probe.address();
      const got = typeof address === 'object' && address ? address.port : undefined;
      probe.close(() => resolvePort(got));
    });
  });
}

/**
 * A port p with p and p + 1 both free right now, below the kernel's ephemeral range (32768 and
 * up on Linux): a port the OS hands out for "any free port" cannot take ours while the back
 * office is down between a kill and its restart.
 */
export async function freePortPair(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const p = 20_000 + Math.floor(Math.random() * 12_000);
    if ((await listenOnce(p)) && (await listenOnce(p + 1))) return p;
  }
  throw new Error('no free pair of ports');
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function healthy(url: string): Promise<boolean> {
  try {
    const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
    await r.body?.cancel();
    return r.ok;
  } catch {
    return false;
  }
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  if (!options.dataDir && !options.databaseUrl) throw new Error('a data directory or a database URL');
  const port = options.port ?? (await freePortPair());
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let starts = 0;
  let busyRetries = 0;
  /** This start's process said its port is taken (main.ts's message). */
  let portBusy = false;
  // The banner's last line: main() has registered its SIGTERM handler (before it, SIGTERM kills).
  let bannerShown = false;

  /** One line reader per stream: a chunk may end in the middle of a line. */
  const lineReader = () => {
    let carry = '';
    return (chunk: Buffer) => {
      const parts = (carry + chunk.toString('utf8')).split('\n');
      carry = parts.pop() ?? '';
      for (const line of parts) {
        if (line === '' || /^(GET|POST) \S+ \d{3} \d+ms$/.test(line)) continue; // the request log
        if (line.startsWith('終了するには')) bannerShown = true;
        if (line.includes(`ポート ${port} はほかのプログラムが使っています`)) portBusy = true;
        lines.push(line.includes('端末登録コード') ? '  端末登録コード: (not shown)' : line);
      }
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    };
  };

  /** Starts a process and waits until it answers; with killAfterMs, SIGKILLs it that far into its start. */
  async function start(killAfterMs?: number): Promise<void> {
    starts += 1;
    bannerShown = false;
    portBusy = false;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir ?? '',
        DATABASE_URL: options.databaseUrl ?? '',
        // No PWA here: the tablets load the fault harness from the proxy.
        STATIC_DIR: resolve(ROOT, 'test/fault/no-pwa'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    let gone = false;
    exited = new Promise<void>((done) =>
      proc.once('exit', () => {
        gone = true;
        if (child === proc) child = undefined;
        done();
      }),
    );
    proc.stdout?.on('data', lineReader());
    proc.stderr?.on('data', lineReader());
    const started = Date.now();
    const deadline = started + (options.startTimeoutMs ?? 60_000);
    while (Date.now() < deadline) {
      if (killAfterMs !== undefined && Date.now() - started >= killAfterMs) {
        proc.kill('SIGKILL');
        await exited;
        return;
      }
      if (gone) {
        // Right after a SIGKILL the old process's listening socket can take a moment to go (seen
        // under gVisor): the new one refuses the port (main.ts says so) and is started again.
        if (portBusy && busyRetries < 20) {
          busyRetries += 1;
          await sleep(250);
          return start(killAfterMs);
        }
        throw new Error(`the back office exited during its start:\n${output()}`);
      }
      if (bannerShown && (await healthy(url))) return;
      await sleep(killAfterMs === undefined ? 40 : 5);
    }
    proc.kill('SIGKILL');
    await exited;
    throw new Error(`the back office did not answer /healthz in time:\n${output()}`);
  }

  function output(): string {
    return lines.slice(-60).join('\n');
  }

  async function kill(): Promise<void> {
    const proc = child;
    if (!proc) return;
    proc.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url,
    port,
    get pid() {
      return child?.pid;
    },
    get up() {
      return child !== undefined;
    },
    get starts() {
      return starts;
    },
    kill,
    async restart(restartOptions) {
      await kill();
      if (restartOptions?.crashAfterMs !== undefined) await start(restartOptions.crashAfterMs);
      await start();
    },
    async stop() {
      const proc = child;
      if (!proc) return;
      proc.kill('SIGTERM');
      const grace = sleep(15_000).then(() => 'timeout' as const);
      if ((await Promise.race([exited.then(() => 'exited' as const), grace])) === 'timeout') {
        proc.kill('SIGKILL');
        await exited;
      }
    },
    output,
  };
}
