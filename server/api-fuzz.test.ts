// Property tests on POST /api/sync: whatever a signed-in tablet posts, the back office answers with
// a 4xx JSON error or an ack — never a 500 — and stores a row only for a valid application. The
// outer batch ({schema, deviceId, envelopes}) is fuzzed as it is sent; applications with random
// content are signed over it first and sealed into the next envelope of the tablet's chain, so
// they reach the checks behind the signature and the envelope hash.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import type { ApplicationEnvelope } from '../shared/application.ts';
import { canonicalJson, type JsonValue } from '../shared/canonical-json.ts';
import { tennyu } from '../shared/procedures/catalogue/tennyu.ts';
import { isGroup, type ProcedureValues } from '../shared/procedures/types.ts';
import type { SyncEnvelope } from '../shared/sync/envelope.ts';
import { IDEMPOTENCY_KEY_HEADER, type SyncAck } from '../shared/sync/protocol.ts';
import { toInt } from './store/sql.ts';
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

const same = (a: unknown, b: unknown) => canonicalJson(a as JsonValue) === canonicalJson(b as JsonValue);

describe.each(TEST_STORES)('fuzzing POST /api/sync on %s', (store) => {
  const office = useBackOffice(store);
  let token = '';
  beforeAll(async () => {
    token = await office.signIn();
  });

  /** What no refusal may change: the applications, the envelopes, the chain head. */
  const stored = async () => {
    const n = async (sql: string, params: unknown[] = []) =>
      toInt((await office.sql.query<{ n: unknown }>(sql, params)).rows[0]?.n);
    return {
      applications: await office.countApplications(),
      envelopes: await n('SELECT count(*) AS n FROM sync_envelopes'),
      head: await n('SELECT last_seq AS n FROM devices WHERE id = $1', [office.device.id]),
    };
  };

  /** Posts `body` as it is, signed by the harness tablet, under a fresh Idempotency-Key. */
  const postRaw = async (body: string) =>
    office.request(API.sync, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(await office.device.headers('POST', API.sync, body, office.clock.now())),
        [IDEMPOTENCY_KEY_HEADER]: randomBytes(32).toString('hex'),
      },
      body,
    });

  async function expectRefusedAndNothingStored(r: Response, before: Awaited<ReturnType<typeof stored>>) {
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const { error } = (await r.json()) as { error: ApiErrorBody };
    expect(error.message.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
  }

  const refusesBody = async (body: string) => {
    const before = await stored();
    await expectRefusedAndNothingStored(await postRaw(body), before);
  };

  /**
   * One application as the next envelope of the harness tablet's chain (sealed over it). Answers
   * 200 — then the chain moves and exactly that application is stored — or 400, storing nothing.
   */
  async function expectStoredOnlyIfAccepted(application: ApplicationEnvelope, accepted: readonly number[]) {
    const before = await stored();
    const r = await office.submit(application, token);
    expect(accepted).toContain(r.status);
    if (r.status === 200) {
      const ack = (await r.json()) as SyncAck;
      expect(ack.envelopes[0]?.receipts.map((x) => x.id)).toEqual([application.id]);
      expect(await stored()).toEqual({
        applications: before.applications + 1,
        envelopes: before.envelopes + 1,
        head: before.head + 1,
      });
      return;
    }
    const { error } = (await r.json()) as { error: ApiErrorBody };
    expect(error.kind).toBe('bad-request');
    expect(await stored()).toEqual(before);
  }

  it('refuses arbitrary JSON values as the body without a 500 and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), (value) => refusesBody(JSON.stringify(value) ?? 'null')),
      { numRuns: RUNS },
    );
  });

  it('refuses arbitrary strings as bodies without a 500 and stores nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' })),
        (text) => refusesBody(text),
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses a batch with any part arbitrary — schema, deviceId, envelopes, an extra key — without a 500', async () => {
    // The valid parts: the tablet's next envelope, not yet sent. Only all of them together (which
    // the property skips) would be stored.
    const next = await office.device.envelope([await validEnvelope()]);
    const valid = { schema: 1, deviceId: office.device.id, envelopes: [next] };
    const envelopeKeys = Object.keys(next) as (keyof SyncEnvelope)[];
    const anEnvelope = fc.oneof(
      fc.constant(next as unknown),
      fc.jsonValue(),
      // The next envelope with one member given an arbitrary value (its hash no longer matches).
      fc.tuple(fc.constantFrom(...envelopeKeys), fc.jsonValue()).map(([k, v]) => ({ ...next, [k]: v })),
    );
    const batch = fc.record(
      {
        schema: fc.oneof(fc.constant(1 as unknown), fc.jsonValue()),
        deviceId: fc.oneof(
          fc.constant(office.device.id as unknown),
          fc.constant('dev_00000000000000000000000000'),
          fc.jsonValue(),
        ),
        envelopes: fc.oneof(
          fc.array(anEnvelope, { minLength: 1, maxLength: 3 }),
          fc.array(fc.jsonValue(), { maxLength: 3 }),
          fc.jsonValue(),
        ),
        extra: fc.jsonValue(),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(batch, async (value) => {
        fc.pre(!same(value, valid));
        await refusesBody(JSON.stringify(value));
      }),
      { numRuns: RUNS },
    );
    expect(await office.countApplications(next.payload[0]?.id)).toBe(0);
  });

  it('refuses applications with one part replaced by arbitrary JSON with a 400 (never a 500)', async () => {
    const base = await validEnvelope();
    const parts = Object.keys(base) as (keyof typeof base)[];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts), fc.jsonValue(), async (key, value) => {
        // The same value again ([] for omittedAttachments) is the valid envelope, not a change.
        fc.pre(!same(value, base[key]));
        const application = { ...base, [key]: value } as unknown as ApplicationEnvelope;
        await expectStoredOnlyIfAccepted(application, [400]);
      }),
      { numRuns: RUNS },
    );
    expect(await office.countApplications(base.id)).toBe(0);
  });

  it('answers 200 or 400 (never 500) to any text in any field, storing exactly the accepted ones', async () => {
    const names = tennyu.fields.filter((f) => !isGroup(f.spec)).map((f) => f.name);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), text, async (field, value) => {
        const application = await validEnvelope({ fields: { ...RESIDENT, [field]: value } });
        await expectStoredOnlyIfAccepted(application, [200, 400]);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers 200 or 400 (never 500) to any text or shape in the movers rows (a group field)', async () => {
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
        const application = await signed({ ...(await validEnvelope()), fields });
        await expectStoredOnlyIfAccepted(application, [200, 400]);
      }),
      { numRuns: RUNS },
    );
  });

  it('answers 200 or 400 (never 500) to any text in the card checks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 3 }), async (checks) => {
        const base = await validEnvelope();
        const application = await signed({ ...base, card: { ...base.card, checks } });
        await expectStoredOnlyIfAccepted(application, [200, 400]);
      }),
      { numRuns: RUNS },
    );
  });
});
