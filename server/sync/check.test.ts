// checkSyncBody is the parser of the bytes a tablet posts: whatever they are, it answers — a
// checked batch or a typed refusal, the same for the same bytes — and never throws.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type ProcedureLookup } from '../../shared/procedures/registry.ts';
import { TestDevice } from '../test-support/device.ts';
import { validEnvelope } from '../test-support/envelope.ts';
import { checkEnvelopes, checkSyncBody } from './check.ts';

const REFUSALS = new Set([
  'bad-json',
  'invalid-sync-batch',
  'invalid-sync-envelope',
  'sync-device-mismatch',
  'unstorable-text',
  'sync-tampered',
  'sync-signature-mismatch',
]);

describe('checkSyncBody', () => {
  let procedures: ProcedureLookup;
  let device: TestDevice;
  let body: Uint8Array;
  beforeAll(async () => {
    procedures = await loadCatalogue();
    device = await TestDevice.create();
    device.id = `dev_${'k'.repeat(26)}`;
    const envelopes = await device.chain(
      await Promise.all([1, 2, 3].map(async () => [await validEnvelope()])),
    );
    body = new TextEncoder().encode(JSON.stringify(device.batch(envelopes)));
  });

  const check = (bytes: Uint8Array) => checkSyncBody(bytes, device.id, procedures);

  it('passes a valid batch: its envelopes in order, a content hash for each application', () => {
    const r = check(body);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.envelopes.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.value.contentHashes.map((h) => h.length)).toEqual([1, 1, 1]);
    expect(r.value.contentHashes.flat().every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    // Parsed or as bytes: the same checks.
    const parsed = JSON.parse(new TextDecoder().decode(body)) as { envelopes: unknown };
    expect(checkEnvelopes(parsed.envelopes, device.id, procedures)).toEqual(r);
    expect(checkSyncBody(body, `dev_${'z'.repeat(26)}`, procedures)).toEqual({
      ok: false,
      error: { kind: 'sync-device-mismatch', seq: 0 },
    });
  });

  it('answers any bytes with a typed refusal, never a throw (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const r = check(bytes);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(REFUSALS.has(r.error.kind)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a valid batch with a byte changed or cut off; what still passes is the same batch (property)', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 255 }), fc.boolean(), (at, delta, cut) => {
        const i = at % body.length;
        const bytes = cut ? body.slice(0, i) : body.slice();
        if (!cut) bytes[i] = ((bytes[i] as number) + delta) % 256;
        const first = check(bytes);
        expect(check(bytes)).toEqual(first); // the bytes alone decide
        if (!first.ok) {
          expect(REFUSALS.has(first.error.kind)).toBe(true);
          return;
        }
        // Still valid: only a change JSON does not see (whitespace) could be, and the batch is the same one.
        expect(first.value.envelopes.map((e) => e.hash)).toEqual(
          (check(body) as { value: { envelopes: { hash: string }[] } }).value.envelopes.map((e) => e.hash),
        );
      }),
      { numRuns: 400 },
    );
  });
});
