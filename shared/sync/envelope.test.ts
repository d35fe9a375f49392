import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signedTennyuEnvelope } from '../../test/fixtures/applications.ts';
import { tennyu } from '../procedures/catalogue/tennyu.ts';
import type { ProcedureLookup } from '../procedures/registry.ts';
import {
  chainProblem,
  chainProblemMessage,
  GENESIS_HASH,
  parseSyncEnvelope,
  type SyncEnvelope,
  sealSyncEnvelope,
  syncEnvelopeErrorMessage,
  syncEnvelopeHashMatches,
} from './envelope.ts';
import { ulidFactory } from './ulid.ts';

const LOOKUP: ProcedureLookup = { get: (id) => (id === 'tennyu' ? tennyu : undefined), all: [tennyu] };
const DEVICE = 'dev_0123456789abcdefghjkmnpqrs';
const ulid = ulidFactory();

async function envelope(seq: number, prevHash: string): Promise<SyncEnvelope> {
  const application = await signedTennyuEnvelope();
  return sealSyncEnvelope({
    schema: 1,
    id: ulid(),
    deviceId: DEVICE,
    seq,
    createdAt: application.createdAt,
    procedures: ['tennyu'],
    payload: [application],
    prevHash,
  });
}

describe('sync envelope', () => {
  it('round-trips through JSON and its hash covers every member', async () => {
    const e = await envelope(1, GENESIS_HASH);
    const parsed = parseSyncEnvelope(JSON.parse(JSON.stringify(e)), LOOKUP);
    expect(parsed).toEqual({ ok: true, value: e });
    expect(await syncEnvelopeHashMatches(e)).toBe(true);
    for (const changed of [
      { ...e, seq: 2 },
      { ...e, prevHash: '1'.repeat(64) },
      { ...e, createdAt: '2026-12-01T00:00:00.000Z' },
      { ...e, payload: [{ ...e.payload[0], lang: 'en' }] as never },
    ])
      expect(await syncEnvelopeHashMatches(changed as SyncEnvelope)).toBe(false);
  });

  it('chains a device: the next envelope carries the hash of the last; gaps, replays, forks are named', async () => {
    const first = await envelope(1, GENESIS_HASH);
    const second = await envelope(2, first.hash);
    expect(chainProblem(undefined, first)).toBeUndefined();
    expect(chainProblem(first, second)).toBeUndefined();
    expect(chainProblem(undefined, second)).toEqual({ kind: 'gap', expected: 1 });
    expect(chainProblem(second, first)).toEqual({ kind: 'replay' });
    const fork = await envelope(2, '2'.repeat(64));
    expect(chainProblem(first, fork)).toEqual({ kind: 'broken-chain' });
    for (const p of [{ kind: 'gap', expected: 3 }, { kind: 'replay' }, { kind: 'broken-chain' }] as const)
      expect(chainProblemMessage(p)).toMatch(/。$/);
  });

  it('refuses what is not one visit of known procedures in order', async () => {
    const e = await envelope(1, GENESIS_HASH);
    const other = await signedTennyuEnvelope();
    const cases: [unknown, string][] = [
      [{ ...e, schema: 2 }, 'schema'],
      [{ ...e, id: 'x' }, 'id'],
      [{ ...e, deviceId: 'tablet-1' }, 'deviceId'],
      [{ ...e, seq: 0 }, 'seq'],
      [{ ...e, seq: 1.5 }, 'seq'],
      [{ ...e, prevHash: '1'.repeat(64) }, 'prevHash'], // seq 1 starts the chain
      [{ ...e, procedures: [] }, 'procedures'],
      [{ ...e, procedures: ['tennyu', 'tennyu'] }, 'payload'],
      [{ ...e, procedures: ['tennyu', 'tennyu'], payload: [e.payload[0], other] }, 'payload.visitId'],
      [{ ...e, procedures: ['tennyu', 'tennyu'], payload: [e.payload[0], e.payload[0]] }, 'payload.id'],
    ];
    for (const [input, field] of cases) {
      const r = parseSyncEnvelope(input, LOOKUP);
      expect(r.ok || r.error, field).toEqual({ kind: 'bad-sync-envelope', field });
    }
    const inner = parseSyncEnvelope({ ...e, payload: [{ ...e.payload[0], lang: 'xx' }] }, LOOKUP);
    expect(inner.ok || inner.error.kind).toBe('bad-application');
    if (!inner.ok) expect(syncEnvelopeErrorMessage(inner.error)).toContain('1件目の申請');
  });

  it('never throws on arbitrary JSON, and on any member replaced by arbitrary JSON', async () => {
    const e = await envelope(1, GENESIS_HASH);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseSyncEnvelope(v, LOOKUP);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(syncEnvelopeErrorMessage(r.error).length).toBeGreaterThan(0);
      }),
      { numRuns: 2000 },
    );
    const members = Object.keys(e) as (keyof SyncEnvelope)[];
    fc.assert(
      fc.property(fc.constantFrom(...members), fc.jsonValue(), (member, v) => {
        const r = parseSyncEnvelope({ ...e, [member]: v }, LOOKUP);
        if (!r.ok) expect(typeof syncEnvelopeErrorMessage(r.error)).toBe('string');
      }),
      { numRuns: 2000 },
    );
  });
});
