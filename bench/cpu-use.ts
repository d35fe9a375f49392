// CPU time spent during a run, from Linux's /proc (the bench's machines): the whole machine (all
// CPUs, every process, the kernel's share included), this process, and the PostgreSQL server's
// processes. The back office's own process reports its process.cpuUsage() over IPC
// (sync-server.ts). Where /proc cannot be read the figures are NaN and the tables say so.
import { readdirSync, readFileSync } from 'node:fs';

// USER_HZ: the unit of /proc's times; 100 on every Linux the bench runs on.
const TICK_MS = 10;

export interface CpuReading {
  readonly machineMs: number;
  readonly selfMs: number;
  readonly postgresMs: number;
}

function machineBusyMs(): number {
  try {
    const fields = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0); // idle + iowait
    return (fields.reduce((t, x) => t + x, 0) - idle) * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

/** utime + stime of every process whose command is `postgres` (the server and its backends). */
function postgresMs(): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue; // ended meanwhile
      }
      const close = stat.lastIndexOf(')');
      if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
      const f = stat.slice(close + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    }
    return ticks * TICK_MS;
  } catch {
    return Number.NaN;
  }
}

export function readCpu(): CpuReading {
  const self = process.cpuUsage();
  return { machineMs: machineBusyMs(), selfMs: (self.user + self.system) / 1000, postgresMs: postgresMs() };
}

/** CPU ms per request (protocol) or per transaction (raw), summed over runs. */
export interface CpuUse {
  readonly units: number;
  readonly machineMs: number;
  /** The load generator (protocol) or the raw writer (raw): this process. */
  readonly clientMs: number;
  /** The back office's process (protocol only; with PGlite the database runs in it). */
  readonly serverMs: number;
  readonly postgresMs: number;
}

export function cpuBetween(before: CpuReading, after: CpuReading, units: number, serverMs = 0): CpuUse {
  return {
    units,
    machineMs: after.machineMs - before.machineMs,
    clientMs: after.selfMs - before.selfMs,
    serverMs,
    postgresMs: after.postgresMs - before.postgresMs,
  };
}

export function addCpu(a: CpuUse | undefined, b: CpuUse): CpuUse {
  if (!a) return b;
  return {
    units: a.units + b.units,
    machineMs: a.machineMs + b.machineMs,
    clientMs: a.clientMs + b.clientMs,
    serverMs: a.serverMs + b.serverMs,
    postgresMs: a.postgresMs + b.postgresMs,
  };
}
