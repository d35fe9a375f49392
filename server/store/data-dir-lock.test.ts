import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './data-dir-lock.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kakanai-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('refuses a second owner until the first releases', () => {
    const dir = scratch();
    const first = lockDataDir(dir);
    expect(first.ok).toBe(true);
    expect(lockDataDir(dir)).toEqual({ ok: false, error: { kind: 'data-dir-in-use', pid: process.pid } });
    if (first.ok) first.value();
    expect(existsSync(join(dir, 'kakanai-server.lock'))).toBe(false);
    expect(lockDataDir(dir).ok).toBe(true);
  });

  it('takes over a lock left by a process that is gone', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'kakanai-server.lock'), '2147483646'); // no such pid
    expect(lockDataDir(dir).ok).toBe(true);
  });

  it('takes over a lock with its own pid that it does not hold (a restarted container)', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'kakanai-server.lock'), String(process.pid));
    expect(lockDataDir(dir).ok).toBe(true);
  });
});
