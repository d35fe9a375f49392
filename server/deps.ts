// What the HTTP app and the services need from outside: the store, the clock, a log sink and the
// procedures (loaded once at start: envelopes are checked against them, their names are shown).
import type { ProcedureLookup } from '../shared/procedures/registry.ts';
import type { Clock } from './clock.ts';
import type { SqlClient } from './store/sql.ts';

export interface BackOfficeDeps {
  readonly sql: SqlClient;
  readonly clock: Clock;
  /** One line per event; never given bodies, tokens, passwords or personal data. */
  readonly log: (line: string) => void;
  readonly version: string;
  readonly procedures: ProcedureLookup;
}
