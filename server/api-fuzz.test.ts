// Property tests: whatever a client posts, the back office answers with a 4xx JSON error or a
// receipt — never a 500 — and stores a row only for a valid envelope. Envelopes with random
// content are signed over it first, so they reach the checks behind the signature.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import { canonicalJson, type JsonValue } from '../shared/canonical-json.ts';
import { tennyu } from '../shared/procedures/catalogue/tennyu.ts';
import { isGroup, type ProcedureValues } from '../shared/procedures/types.ts';
import { RESIDENT, signed, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const RUNS = 150;
// Random text rarely hits the characters that break storage; mix them in on purpose.
const TRICKY = ['\u0000', '\ud800', '\udfff', '\ufeff', '\u202e', '\r\n', '"', "'", '\\', '𠮷', '髙', '～'];
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.constantFrom(...TRICKY),
    ),
    {
      maxLength: 5,
    },
  )
  .map((parts) => parts.join(''));

describe.each(TEST_STORES)('fuzzing POST /api/applications on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  beforeAll(async () => {
    token = await office.signIn();
  });

  async function expectRefusedAndNothingStored(body: string): Promise<void> {
    const before = await office.countApplications();
    const r = await office.post(API.applications, body, token);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const { error } = (await r.json()) as { error: ApiErrorBody };
    expect(error.message.length).toBeGreaterThan(0);
    expect(await office.countApplications()).toBe(before);
  }

  it('refuses arbitrary JSON values without a 500 and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (value) =>
        expectRefusedAndNothingStored(JSON.stringify(value) ?? 'null'),
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses arbitrary strings as bodies without a 500 and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (text) => expectRefusedAndNothingStored(text),
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses envelopes with one part replaced by arbitrary JSON without a 500', async () => {
    const base = await validEnvelope();
    const parts = Object.keys(base) as (keyof typeof base)[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts), fc.jsonValue(), async (key, value) => {
        // The same value again ([] for omittedAttachments) is the valid envelope, not a change.
        fc.pre(canonicalJson(value as JsonValue) !== canonicalJson(base[key] as unknown as JsonValue));
        const envelope: Record<string, unknown> = { ...base, [key]: value };
        await expectRefusedAndNothingStored(JSON.stringify(envelope));
      }),
      { numRuns: RUNS },
    );
  });

  it('answers 201 or 400 (never 500) to any text in any field, storing exactly the accepted ones', async () => {
    const names = tennyu.fields.filter((f) => !isGroup(f.spec)).map((f) => f.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), text, async (field, value) => {
        const envelope = await validEnvelope({ fields: { ...RESIDENT, [field]: value } });
        const r = await office.post(API.applications, envelope, token);
        expect([201, 400]).toContain(r.status);
        expect(await office.countApplications(envelope.id)).toBe(r.status === 201 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers 201 or 400 (never 500) to any text or shape in the movers rows (a group field)', async () => {
    const [row] = RESIDENT.movers;
    const column = fc.constantFrom('name', 'nameKana', 'birthDate', 'sex', 'relationship', 'extra');
    const movers = fc.oneof(
      fc.tuple(column, text).map(([c, v]) => [{ ...row, [c]: v }]),
      fc.array(fc.jsonValue(), { maxLength: 8 }),
      fc.jsonValue(),
    );
    await fc.assert(
      fc.asyncProperty(movers, async (value) => {
        // Shapes the type does not allow are the point: a client can send them.
        const fields = { ...RESIDENT, movers: value } as unknown as ProcedureValues;
        const envelope = await signed({ ...(await validEnvelope()), fields });
        const r = await office.post(API.applications, envelope, token);
        expect([201, 400]).toContain(r.status);
        expect(await office.countApplications(envelope.id)).toBe(r.status === 201 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers 201 or 400 (never 500) to any text in the card checks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 3 }), async (checks) => {
        const base = await validEnvelope();
        const envelope = await signed({ ...base, card: { ...base.card, checks } });
        const r = await office.post(API.applications, envelope, token);
        expect([201, 400]).toContain(r.status);
        expect(await office.countApplications(envelope.id)).toBe(r.status === 201 ? 1 : 0);
      }),
      { numRuns: RUNS },
    );
  });
});
