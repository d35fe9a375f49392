import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESIDENT, tennyuEnvelope } from '../test/fixtures/applications.ts';
import { envelopeErrorMessage, parseApplicationEnvelope as parseWith } from './application.ts';
import { tennyu } from './procedures/catalogue/tennyu.ts';
import type { ProcedureLookup } from './procedures/registry.ts';

const LOOKUP: ProcedureLookup = { get: (id) => (id === 'tennyu' ? tennyu : undefined), all: [tennyu] };
const parseApplicationEnvelope = (input: unknown) => parseWith(input, LOOKUP);

describe('parseApplicationEnvelope', () => {
  it('accepts a complete 転入届 and keeps only the procedure fields', () => {
    const e = tennyuEnvelope();
    const r = parseApplicationEnvelope(JSON.parse(JSON.stringify(e)));
    expect(r).toEqual({ ok: true, value: e });
  });

  it('names every field problem in Japanese at once', () => {
    const r = parseApplicationEnvelope(
      tennyuEnvelope({
        fields: { ...RESIDENT, nameKana: 'しけん', postalCode: '12-34', moveDate: '2026-02-30' },
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.kind).toBe('invalid-fields');
    const message = envelopeErrorMessage(r.error);
    expect(message).toContain('フリガナは全角カタカナで入力してください');
    expect(message).toContain('7桁の数字');
    expect(message).toContain('日付が正しくありません');
  });

  it('refuses unknown fields, unknown procedures and free text in the card checks', () => {
    const extra = parseApplicationEnvelope(
      tennyuEnvelope({ fields: { ...RESIDENT, myNumber: '123456789018' } }),
    );
    expect(extra.ok || extra.error.kind).toBe('invalid-fields');
    const unknown = parseApplicationEnvelope({ ...tennyuEnvelope(), procedure: 'tenshutsu-x' });
    expect(unknown.ok || unknown.error).toEqual({ kind: 'unknown-procedure', procedure: 'tenshutsu-x' });
    const checks = parseApplicationEnvelope(
      tennyuEnvelope({ card: { source: 'manual', unlockedWith: 'none', checks: ['山田 太郎'] } }),
    );
    expect(checks.ok || checks.error).toEqual({ kind: 'bad-envelope', field: 'card.checks' });
  });

  it('refuses an envelope that leaves out a field: what was signed is what is stored', () => {
    const { previousHeadName: _, ...fields } = tennyuEnvelope().fields;
    const r = parseApplicationEnvelope(tennyuEnvelope({ fields }));
    expect(r.ok || r.error).toEqual({ kind: 'bad-envelope', field: 'fields.previousHeadName' });
  });

  it('refuses instants that match the pattern but do not exist (they would make the store fail)', () => {
    for (const createdAt of ['2026-02-30T00:00:00Z', '2026-99-99T99:99:99Z', '2026-12-01T24:00:00.000Z']) {
      const r = parseApplicationEnvelope({ ...tennyuEnvelope(), createdAt });
      expect(r.ok || r.error).toEqual({ kind: 'bad-envelope', field: 'createdAt' });
    }
    expect(parseApplicationEnvelope({ ...tennyuEnvelope(), createdAt: '2026-12-01T09:00:00Z' }).ok).toBe(
      true,
    );
  });

  it('never throws on arbitrary JSON and accepts nothing that lacks a valid id', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseApplicationEnvelope(value);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(envelopeErrorMessage(r.error).length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws when any part of a valid envelope is replaced by arbitrary JSON', () => {
    const parts = ['version', 'id', 'procedure', 'createdAt', 'fields', 'card', 'signature'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...parts), fc.jsonValue(), (part, value) => {
        const r = parseApplicationEnvelope({ ...tennyuEnvelope(), [part]: value });
        if (!r.ok) expect(typeof envelopeErrorMessage(r.error)).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });
});
