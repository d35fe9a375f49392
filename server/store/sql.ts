// The Store port (style.md §2): the repositories speak SQL to this, never to PGlite or pg directly.
// Two adapters implement it with the same schema: pglite.ts (embedded, the default) and
// postgres.ts (production). Only parameterised statements cross it; a statement is one command.

export type StoreKind = 'pglite' | 'postgres';

/** Something that runs one parameterised statement: the client itself or an open transaction. */
export interface SqlExecutor {
  query<T>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: StoreKind;
  /** Runs fn in BEGIN … COMMIT; a throw rolls back and is rethrown. */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * pg returns int8 and numeric as strings, PGlite as numbers; every count and sequence number
 * goes through this so both adapters yield the same values.
 */
export function toInt(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error('expected an integer from the database');
  return n;
}

/** timestamptz arrives as a Date from both drivers; the API speaks ISO 8601. */
export function toIso(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

/** json and jsonb arrive parsed from both drivers; as text, if ever, they are parsed here. */
export function fromJson(value: unknown): unknown {
  return typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
}
