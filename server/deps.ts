// What the HTTP app and the services need from outside: the store, the clock and a log sink.
import type { Clock } from './clock.ts';
import type { SqlClient } from './store/sql.ts';

export interface BackOfficeDeps {
  readonly sql: SqlClient;
  readonly clock: Clock;
  /** One line per event; never given bodies, tokens, passwords or personal data. */
  readonly log: (line: string) => void;
  readonly version: string;
}
