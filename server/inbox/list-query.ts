// The query of the inbox list (shared/api.ts ApplicationListQuery), read strictly: a parameter
// given twice (status aside) or with a value it cannot have is a 400 naming it, never a guess.
// The values reach SQL only as bound parameters (store/applications.ts).
import { type ApplicationStatus, isApplicationStatus } from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { isDeviceId } from '../../shared/sync/envelope.ts';
import { parseIsoDate } from '../../shared/wareki.ts';
import type { BackOfficeError } from '../errors.ts';
import { receivedRange } from '../exports/query.ts';
import type { ApplicationFilters } from '../store/applications.ts';
import { isStorableText } from '../text-rules.ts';

export const DEFAULT_PAGE = 50;
export const MAX_PAGE = 200;
const MAX_SEARCH = 100;

/** Every value of each parameter, as Hono's c.req.queries() gives them. */
export type RawQuery = Readonly<Record<string, readonly string[]>>;

/** What the list audit records about the filters: never the search text (it may be a name). */
export type FilterSummary = {
  readonly procedure: string;
  readonly device: string;
  readonly status: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly search: boolean;
  readonly offset: number;
};

type Parsed<T> = Result<T, BackOfficeError>;
const bad = (parameter: string) => err<BackOfficeError>({ kind: 'bad-query', parameter });

function single(query: RawQuery, name: string): Parsed<string | undefined> {
  const values = query[name] ?? [];
  if (values.length > 1) return bad(name);
  const value = values[0];
  return ok(value === '' ? undefined : value);
}

function integer(raw: string | undefined, name: string, min: number, max: number, fallback: number) {
  if (raw === undefined) return ok(fallback);
  if (!/^\d{1,7}$/.test(raw)) return bad(name);
  const n = Number(raw);
  return n >= min && n <= max ? ok(n) : bad(name);
}

/** 受付番号, 氏名 or フリガナ, or a part of one; spaces of either width do not count. */
export function normaliseSearch(raw: string): string {
  return raw.replace(/[\s\u3000]+/gu, '');
}

export function parseListQuery(
  query: RawQuery,
): Parsed<{ filters: ApplicationFilters; summary: FilterSummary }> {
  const raw: Record<string, string | undefined> = {};
  for (const name of ['procedure', 'device', 'from', 'to', 'q', 'limit', 'offset']) {
    const value = single(query, name);
    if (!value.ok) return value;
    raw[name] = value.value;
  }
  const statuses: ApplicationStatus[] = [];
  for (const s of query.status ?? []) {
    if (s === '') continue;
    if (!isApplicationStatus(s)) return bad('status');
    if (!statuses.includes(s)) statuses.push(s);
  }
  if (raw.procedure !== undefined && !/^[a-z0-9-]{1,60}$/.test(raw.procedure)) return bad('procedure');
  if (raw.device !== undefined && !isDeviceId(raw.device)) return bad('device');
  for (const name of ['from', 'to'] as const)
    if (raw[name] !== undefined && !parseIsoDate(raw[name])) return bad(name);
  if (raw.from !== undefined && raw.to !== undefined && raw.from > raw.to) return bad('to');
  let search: string | undefined;
  if (raw.q !== undefined) {
    if ([...raw.q].length > MAX_SEARCH || !isStorableText(raw.q)) return bad('q');
    search = normaliseSearch(raw.q) || undefined;
  }
  const limit = integer(raw.limit, 'limit', 1, MAX_PAGE, DEFAULT_PAGE);
  if (!limit.ok) return limit;
  const offset = integer(raw.offset, 'offset', 0, 1_000_000, 0);
  if (!offset.ok) return offset;
  const range = receivedRange({ status: undefined, from: raw.from, to: raw.to });
  return ok({
    filters: {
      ...(raw.procedure === undefined ? {} : { procedure: raw.procedure }),
      ...(raw.device === undefined ? {} : { deviceId: raw.device }),
      statuses,
      ...range,
      ...(search === undefined ? {} : { search }),
      limit: limit.value,
      offset: offset.value,
    },
    summary: {
      procedure: raw.procedure ?? 'all',
      device: raw.device ?? 'all',
      status: statuses.length > 0 ? statuses.join(',') : 'all',
      from: raw.from ?? null,
      to: raw.to ?? null,
      search: search !== undefined,
      offset: offset.value,
    },
  });
}
