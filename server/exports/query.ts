// The query of an export or a check (shared/api.ts ExportQuery), read strictly: a parameter given
// twice or with an unknown value is a 400 naming it, never a guess (an export in the wrong
// encoding breaks the import that reads it).
import type { ApplicationStatus, ExportEncoding } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { parseIsoDate } from '../../shared/wareki.ts';
import { parseStatusFilter } from '../inbox/review.ts';
import { isStorableText } from '../text-rules.ts';
import type { ExportError } from './errors.ts';

export interface ExportFilters {
  readonly status: ApplicationStatus | undefined;
  readonly from: string | undefined; // YYYY-MM-DD, Japanese calendar day, inclusive
  readonly to: string | undefined; // inclusive
}

export interface CheckRequest {
  readonly encoding: ExportEncoding;
  readonly filters: ExportFilters;
}

export interface ExportRequest extends CheckRequest {
  /** Present only when the My Number columns are asked for, with the reason given. */
  readonly myNumber: { readonly reason: string } | undefined;
}

/** Every value of each parameter, as Hono's c.req.queries() gives them. */
export type RawQuery = Readonly<Record<string, readonly string[]>>;

type Parsed<T> = Result<T, ExportError>;

function single(query: RawQuery, name: string): Parsed<string | undefined> {
  const values = query[name] ?? [];
  if (values.length > 1) return err({ kind: 'bad-query', parameter: name });
  return ok(values[0]);
}

function parseEncoding(raw: string | undefined): Parsed<ExportEncoding> {
  return raw === 'utf-8' || raw === 'shift_jis' ? ok(raw) : err({ kind: 'bad-query', parameter: 'encoding' });
}

function parseDay(name: string, raw: string | undefined): Parsed<string | undefined> {
  if (raw === undefined || raw === '') return ok(undefined);
  return parseIsoDate(raw) ? ok(raw) : err({ kind: 'bad-query', parameter: name });
}

export function parseCheckQuery(query: RawQuery): Parsed<CheckRequest> {
  const raw: Record<string, string | undefined> = {};
  for (const name of ['encoding', 'status', 'from', 'to']) {
    const value = single(query, name);
    if (!value.ok) return value;
    raw[name] = value.value;
  }
  const encoding = parseEncoding(raw.encoding);
  if (!encoding.ok) return encoding;
  const status = parseStatusFilter(raw.status);
  if (!status.ok) return status;
  const from = parseDay('from', raw.from);
  if (!from.ok) return from;
  const to = parseDay('to', raw.to);
  if (!to.ok) return to;
  if (from.value !== undefined && to.value !== undefined && from.value > to.value)
    return err({ kind: 'bad-query', parameter: 'to' });
  return ok({ encoding: encoding.value, filters: { status: status.value, from: from.value, to: to.value } });
}

/** The reason is kept in the audit log, so it follows the reveal's rule (inbox/my-number.ts). */
function parseReason(raw: string | undefined): string | undefined {
  const trimmed = (raw ?? '').trim();
  const length = [...trimmed].length;
  return length >= 2 && length <= 200 && isStorableText(trimmed) ? trimmed : undefined;
}

export function parseExportQuery(query: RawQuery): Parsed<ExportRequest> {
  const check = parseCheckQuery(query);
  if (!check.ok) return check;
  const include = single(query, 'includeMyNumber');
  if (!include.ok) return include;
  const reason = single(query, 'reason');
  if (!reason.ok) return reason;
  if (include.value === undefined || include.value === '' || include.value === '0')
    return ok({ ...check.value, myNumber: undefined });
  if (include.value !== '1') return err({ kind: 'bad-query', parameter: 'includeMyNumber' });
  const why = parseReason(reason.value);
  if (why === undefined) return err({ kind: 'export-reason-required' });
  return ok({ ...check.value, myNumber: { reason: why } });
}

const JST_MS = 9 * 3600_000;

/** The instants a Japanese calendar day range covers: [start of from, start of the day after to). */
export function receivedRange(filters: ExportFilters): { since?: Date; before?: Date } {
  const startOf = (day: string, plusDays: number) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d + plusDays) - JST_MS);
  };
  return {
    ...(filters.from === undefined ? {} : { since: startOf(filters.from, 0) }),
    ...(filters.to === undefined ? {} : { before: startOf(filters.to, 1) }),
  };
}
