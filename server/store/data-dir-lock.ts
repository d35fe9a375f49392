// One process owns a PGlite data directory: PGlite (wasm, single user) has no protection against a
// second process opening the same files, and two writers corrupt them. A second `npm start` on the
// same ./data is refused here with a message instead.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../shared/result.ts';

const LOCK_FILE = 'kakanai-server.lock';
// Locks this process holds. A lock file with our own pid that is not in here was left by an
// earlier process that had the same pid (a container restarted after a crash): it is stale.
const held = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockDataDir(dir: string): Result<() => void, { kind: 'data-dir-in-use'; pid: number }> {
  const path = join(dir, LOCK_FILE);
  if (existsSync(path)) {
    const pid = Number(readFileSync(path, 'utf8').trim());
    const inUse = pid === process.pid ? held.has(path) : Number.isSafeInteger(pid) && pid > 0 && isAlive(pid);
    if (inUse) return err({ kind: 'data-dir-in-use', pid });
    rmSync(path, { force: true }); // left behind by a process that crashed
  }
  const fd = openSync(path, 'wx');
  writeFileSync(fd, String(process.pid));
  closeSync(fd);
  held.add(path);
  return ok(() => {
    held.delete(path);
    rmSync(path, { force: true });
  });
}
