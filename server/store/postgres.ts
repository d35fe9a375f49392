// PostgreSQL adapter (production): a pg Pool from DATABASE_URL. Each transaction holds one pooled
// connection from BEGIN to COMMIT; plain queries take any free connection.
import pg from 'pg';
import type { SqlClient, SqlExecutor } from './sql.ts';

function executor(q: pg.Pool | pg.PoolClient): SqlExecutor {
  return {
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const result = await q.query(sql, [...params]);
      return { rows: result.rows as T[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

export async function openPostgres(databaseUrl: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
  // An idle client that loses its connection emits 'error'; without a listener Node would exit.
  pool.on('error', () => {});
  const probe = await pool.connect(); // fail at start, with the driver's message, not on the first request
  probe.release();
  const run = executor(pool);
  return {
    kind: 'postgres',
    query: run.query,
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const value = await fn(executor(client));
        await client.query('COMMIT');
        return value;
      } catch (e) {
        // A connection whose ROLLBACK fails is in an unknown state: destroy it, never reuse it.
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw e;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
