// The export query is read strictly: each refusal names its parameter, and the date filters mean
// Japanese calendar days.
import { describe, expect, it } from 'vitest';
import { parseCheckQuery, parseExportQuery, type RawQuery, receivedRange } from './query.ts';

const q = (params: Record<string, string | string[]>): RawQuery =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]));

describe('the export query', () => {
  it('reads the encoding and the filters', () => {
    expect(parseExportQuery(q({ encoding: 'shift_jis', status: 'received', from: '2026-12-01' }))).toEqual({
      ok: true,
      value: {
        encoding: 'shift_jis',
        filters: { status: 'received', from: '2026-12-01', to: undefined },
        myNumber: undefined,
      },
    });
  });

  it.each([
    [{}, 'encoding'],
    [{ encoding: 'UTF8' }, 'encoding'],
    [{ encoding: ['utf-8', 'shift_jis'] }, 'encoding'],
    [{ encoding: 'utf-8', status: 'deleted' }, 'status'],
    [{ encoding: 'utf-8', from: '2026-02-30' }, 'from'],
    [{ encoding: 'utf-8', to: '20261201' }, 'to'],
    [{ encoding: 'utf-8', from: '2026-12-02', to: '2026-12-01' }, 'to'],
    [{ encoding: 'utf-8', includeMyNumber: 'yes' }, 'includeMyNumber'],
  ])('refuses %j naming 「%s」', (params, parameter) => {
    expect(parseExportQuery(q(params))).toEqual({ ok: false, error: { kind: 'bad-query', parameter } });
  });

  it('needs a reason of 2 to 200 characters for the My Number, and keeps it trimmed', () => {
    const withReason = (reason?: string) =>
      parseExportQuery(
        q({ encoding: 'utf-8', includeMyNumber: '1', ...(reason === undefined ? {} : { reason }) }),
      );
    for (const reason of [undefined, '', ' ', 'a', 'x'.repeat(201), 'a\u0000b'])
      expect(withReason(reason)).toEqual({ ok: false, error: { kind: 'export-reason-required' } });
    expect(withReason('  基幹系への登録のため ')).toMatchObject({
      ok: true,
      value: { myNumber: { reason: '基幹系への登録のため' } },
    });
    expect(parseExportQuery(q({ encoding: 'utf-8', includeMyNumber: '0', reason: 'x' }))).toMatchObject({
      ok: true,
      value: { myNumber: undefined },
    });
  });

  it('lets a check ignore the My Number parameters (a check shows no values)', () => {
    expect(parseCheckQuery(q({ encoding: 'shift_jis', includeMyNumber: '1' })).ok).toBe(true);
  });

  it('turns Japanese calendar days into instants: from 00:00 JST, to the end of the day', () => {
    expect(receivedRange({ status: undefined, from: '2026-12-01', to: '2026-12-31' })).toEqual({
      since: new Date('2026-11-30T15:00:00.000Z'),
      before: new Date('2026-12-31T15:00:00.000Z'),
    });
    expect(receivedRange({ status: undefined, from: undefined, to: undefined })).toEqual({});
  });
});
