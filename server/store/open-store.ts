// Chooses and opens the store: PostgreSQL when a database URL is given, else PGlite in a data
// directory (made on the first start, reused after) or in memory; then brings the schema up to date.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';
import type { SqlClient } from './sql.ts';

export interface StoreOptions {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
}

export async function openStore(options: StoreOptions, log: (line: string) => void): Promise<SqlClient> {
  const sql = await openChosenStore(options, log);
  try {
    const applied = await migrate(sql);
    if (applied.length > 0) log(`データベースの構成を更新しました（版 ${applied.join(', ')}）`);
    return sql;
  } catch (e) {
    await sql.close();
    throw e;
  }
}

async function openChosenStore(options: StoreOptions, log: (line: string) => void): Promise<SqlClient> {
  if (options.databaseUrl) {
    const sql = await openPostgres(options.databaseUrl);
    log('データベース: PostgreSQL（DATABASE_URL）');
    return sql;
  }
  if (!options.dataDir) {
    log('データベース: PGlite（メモリ上。終了すると消えます）');
    return openPglite();
  }
  const dir = resolve(options.dataDir);
  const existed = existsSync(join(dir, 'PG_VERSION'));
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dir);
  if (!lock.ok)
    throw new Error(
      `データフォルダ ${dir} は別の Kakanai サーバー（PID ${lock.error.pid}）が使っています。そちらを終了するか、DATA_DIR で別のフォルダを指定してください。`,
    );
  try {
    const sql = await openPglite({ dataDir: dir });
    log(existed ? `既存のデータフォルダを使います: ${dir}` : `データフォルダを作成しました: ${dir}`);
    return {
      ...sql,
      async close() {
        await sql.close();
        lock.value();
      },
    };
  } catch (e) {
    lock.value();
    throw e;
  }
}
