// Every JSON body the back office accepts, refused when malformed (issue 5), against PGlite and
// real PostgreSQL: per route a table of bad bodies (missing field, wrong type, unknown key, too
// long, control characters, an array or null instead of an object) answers 400 naming the field,
// changes no row, and leaves exactly one audit entry: a failed sign-in or enrollment on the public
// routes, 'request.refused' on the staff ones (route pattern, error kind, the fields at fault —
// never a submitted value); then arbitrary JSON for each route: a 400 every time the schema
// refuses it, never a 500, audited the same way.
// The tablets' sync batches (POST /api/sync) have their own fuzzing in api-fuzz.test.ts.
import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import type { SyncAck, SyncApplicationReceipt } from '../shared/sync/protocol.ts';
import { DEMO_STAFF } from './auth/seed.ts';
import { WINDOW_MS } from './auth/sign-in-throttle.ts';
import {
  type BodySchema,
  commentBody,
  emptyBody,
  enrollBody,
  revealMyNumberBody,
  signInBody,
  statusBody,
} from './http/schemas.ts';
import { listAudit } from './store/audit.ts';
import { validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const RUNS = 60;

/** Every string in a JSON value (keys aside). */
const stringsIn = (value: unknown): string[] =>
  typeof value === 'string'
    ? [value]
    : value !== null && typeof value === 'object'
      ? Object.values(value).flatMap(stringsIn)
      : [];
const TABLES = [
  'applications',
  'application_comments',
  'devices',
  'device_enrollment_codes',
  'sessions',
  'staff',
  'receipt_counters',
  'sync_envelopes',
  'sync_batches',
];

/** One bad body and the field the answer must name ('' for the body itself). */
type Case = readonly [label: string, body: unknown, field: string];

/** What every route refuses the same way: not a JSON object. */
const NOT_AN_OBJECT = (valid: object): Case[] => [
  ['null', null, ''],
  ['an empty array', [], ''],
  ['an array of the valid body', [valid], ''],
  ['a string', '本文です', ''],
  ['a number', 42, ''],
  ['true', true, ''],
];

interface Endpoint {
  readonly name: string;
  readonly path: () => string;
  readonly schema: BodySchema<unknown>;
  readonly valid: () => Record<string, unknown>;
  /** Signed in as the demo admin (every permission), or public. */
  readonly signedIn: boolean;
  /** A malformed body leaves one audit entry with this action. */
  readonly audited: 'session.sign-in-failed' | 'device.enroll-failed' | 'request.refused';
  readonly cases: () => Case[];
}

describe.each(TEST_STORES)('request bodies on %s', (store) => {
  const office = useBackOffice(store);
  let admin = '';
  let receipt: SyncApplicationReceipt | undefined;
  let applicationId = '';

  // A fresh session for each test: the enrollment tests move the clock on by hours.
  beforeEach(async () => {
    admin = await office.signIn(DEMO_STAFF);
  });
  beforeAll(async () => {
    admin = await office.signIn(DEMO_STAFF);
    const envelope = await validEnvelope();
    const r = await office.submit(envelope, admin);
    expect(r.status).toBe(200);
    receipt = ((await r.json()) as SyncAck).envelopes[0]?.receipts[0];
    applicationId = envelope.id;
  });

  /** Every row of every table but the audit log, as one hash per table: any change shows. */
  const fingerprint = async () => {
    const { rows } = await office.sql.query<{ t: string; n: unknown; h: string }>(
      TABLES.map(
        (t) =>
          `SELECT '${t}' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t} x`,
      ).join(' UNION ALL '),
    );
    return rows.map((row) => `${row.t}:${String(row.n)}:${row.h}`).join(' ');
  };
  const auditCount = async () => (await listAudit(office.sql)).length;

  const endpoints: Endpoint[] = [
    {
      name: 'POST /api/session',
      path: () => API.session,
      schema: signInBody,
      valid: () => ({ username: 'demo', password: 'kakanai-demo' }),
      signedIn: false,
      audited: 'session.sign-in-failed',
      cases: () => [
        ['no username', { password: 'kakanai-demo' }, 'username'],
        ['no password', { username: 'demo' }, 'password'],
        ['an empty username', { username: '', password: 'x' }, 'username'],
        ['a username of 101 characters', { username: 'u'.repeat(101), password: 'x' }, 'username'],
        ['a password of 1025 characters', { username: 'demo', password: 'p'.repeat(1025) }, 'password'],
        ['a numeric password', { username: 'demo', password: 1234 }, 'password'],
        ['a username array', { username: ['demo'], password: 'x' }, 'username'],
        ['a null password', { username: 'demo', password: null }, 'password'],
      ],
    },
    {
      name: 'POST /api/applications/:id/my-number',
      path: () => API.revealMyNumber(applicationId),
      schema: revealMyNumberBody,
      valid: () => ({ reason: '基幹系への登録のため' }),
      signedIn: true,
      audited: 'request.refused',
      cases: () => [
        ['no reason', {}, 'reason'],
        ['a reason of spaces', { reason: '   ' }, 'reason'],
        ['a one-character reason', { reason: ' 確 ' }, 'reason'],
        ['a reason of 201 characters', { reason: 'あ'.repeat(201) }, 'reason'],
        ['a reason with a bell', { reason: '確認\u0007のため' }, 'reason'],
        ['a reason with a line break', { reason: '確認\nのため' }, 'reason'],
        ['a reason with NUL', { reason: '確認\u0000のため' }, 'reason'],
        ['a reason with a lone surrogate', { reason: '確認\ud800のため' }, 'reason'],
        ['a numeric reason', { reason: 42 }, 'reason'],
        ['a numeric field', { reason: '確認のため', field: 7 }, 'field'],
        ['a null field', { reason: '確認のため', field: null }, 'field'],
        ['a field of 61 characters', { reason: '確認のため', field: 'f'.repeat(61) }, 'field'],
      ],
    },
    {
      name: 'POST /api/applications/:id/status',
      path: () => API.applicationStatus(applicationId),
      schema: statusBody,
      valid: () => ({ to: 'checked' }),
      signedIn: true,
      audited: 'request.refused',
      cases: () => [
        ['no status', { reason: '確認のため' }, 'to'],
        ['an unknown status', { to: 'deleted' }, 'to'],
        ['a numeric status', { to: 2 }, 'to'],
        ['a status in an array', { to: ['checked'] }, 'to'],
        ['a one-character reason', { to: 'checked', reason: 'x' }, 'reason'],
        ['a reason of 201 characters', { to: 'checked', reason: 'x'.repeat(201) }, 'reason'],
        ['a reason with an escape sequence', { to: 'checked', reason: 'ok\u001b[31m' }, 'reason'],
        ['a reason with NUL', { to: 'checked', reason: 'a\u0000b' }, 'reason'],
        ['a numeric reason', { to: 'checked', reason: 42 }, 'reason'],
      ],
    },
    {
      name: 'POST /api/applications/:id/comments',
      path: () => API.applicationComments(applicationId),
      schema: commentBody,
      valid: () => ({ text: '電話で確認しました' }),
      signedIn: true,
      audited: 'request.refused',
      cases: () => [
        ['no text', {}, 'text'],
        ['an empty text', { text: '' }, 'text'],
        ['a text of spaces', { text: ' \n ' }, 'text'],
        ['a text of 1001 characters', { text: 'あ'.repeat(1001) }, 'text'],
        ['a text with NUL', { text: 'a\u0000b' }, 'text'],
        ['a text with a lone surrogate', { text: '\udfff' }, 'text'],
        ['a text with a bell', { text: 'a\u0007b' }, 'text'],
        ['a text with a C1 control', { text: 'a\u009bb' }, 'text'],
        ['a numeric text', { text: 42 }, 'text'],
        ['a text array', { text: ['メモ'] }, 'text'],
      ],
    },
    {
      name: 'POST /api/devices/enroll',
      path: () => API.deviceEnroll,
      schema: enrollBody,
      valid: () => ({ code: 'K7QM-2XPA-9R', name: '窓口2番', publicKey: office.device.publicKey }),
      signedIn: false,
      audited: 'device.enroll-failed',
      cases: () => {
        const key = office.device.publicKey;
        return [
          ['no code', { name: '窓口2番', publicKey: key }, 'code'],
          ['no name', { code: 'K7QM-2XPA-9R', publicKey: key }, 'name'],
          ['no key', { code: 'K7QM-2XPA-9R', name: '窓口2番' }, 'publicKey'],
          ['a code of 65 characters', { code: 'K'.repeat(65), name: '窓口2番', publicKey: key }, 'code'],
          ['a numeric code', { code: 7, name: '窓口2番', publicKey: key }, 'code'],
          ['an empty name', { code: 'K7QM-2XPA-9R', name: '  ', publicKey: key }, 'name'],
          ['a name of 41 characters', { code: 'K7QM-2XPA-9R', name: 'n'.repeat(41), publicKey: key }, 'name'],
          ['a name with a tab', { code: 'K7QM-2XPA-9R', name: '窓口\t2番', publicKey: key }, 'name'],
          [
            'a key that is a string',
            { code: 'K7QM-2XPA-9R', name: '窓口2番', publicKey: 'key' },
            'publicKey',
          ],
          [
            'a key that is an array',
            { code: 'K7QM-2XPA-9R', name: '窓口2番', publicKey: [key] },
            'publicKey',
          ],
          ['a null key', { code: 'K7QM-2XPA-9R', name: '窓口2番', publicKey: null }, 'publicKey'],
        ];
      },
    },
    ...(
      [
        ['POST /api/applications/:id/transcribed', () => API.transcribed(applicationId)],
        ['POST /api/devices/codes', () => API.deviceCodes],
        ['POST /api/devices/:id/revoke', () => API.deviceRevoke(office.device.id)],
      ] as const
    ).map(
      ([name, path]): Endpoint => ({
        name,
        path,
        schema: emptyBody,
        valid: () => ({}),
        signedIn: true,
        audited: 'request.refused',
        cases: () => [
          ['a key', { id: applicationId }, 'id'],
          ['two keys', { a: 1, b: 2 }, 'a'],
        ],
      }),
    ),
  ];

  /** Posts `body` as JSON. */
  const send = (endpoint: Endpoint, body: unknown) =>
    office.post(endpoint.path(), JSON.stringify(body), endpoint.signedIn ? admin : undefined);

  async function expectRefused(
    endpoint: Endpoint,
    body: unknown,
    field: string | undefined,
  ): Promise<ApiErrorBody> {
    // The enrollment throttle is not under test here (and sessions would expire if time ran on).
    if (endpoint.audited === 'device.enroll-failed') office.clock.advance(WINDOW_MS + 1);
    const before = await fingerprint();
    const audited = await auditCount();
    const r = await send(endpoint, body);
    const { error } = (await r.json()) as { error: ApiErrorBody };
    expect([r.status, error.kind]).toEqual([400, 'bad-request']);
    expect(error.message).not.toContain('〜'); // U+301C: the wave dash is U+FF5E
    if (field === '') expect(error.message).toContain('JSONのオブジェクト');
    else if (field === undefined) expect(error.message.length).toBeGreaterThan(0);
    else {
      expect(error.message).toContain(`「${field}」`);
      expect(error.problems?.[0]?.key).toBe(field);
    }
    expect(await fingerprint()).toBe(before);
    const after = await listAudit(office.sql);
    expect(after.length).toBe(audited + 1);
    const entry = after.at(-1);
    expect(entry?.action).toBe(endpoint.audited);
    if (endpoint.audited === 'request.refused') expectRefusalDetail(endpoint, entry?.detail, field);
    else expect(entry?.detail).toEqual({ reason: 'malformed-request' });
    // No submitted text reaches the audit entry: every string of a table case (blank ones say
    // nothing); of an arbitrary body, those long enough not to be part of the route by chance.
    const logged = JSON.stringify([entry?.target, entry?.detail]);
    const minLength = field === undefined ? 12 : 1;
    for (const text of stringsIn(body).filter((s) => s.trim() !== '' && s.length >= minLength))
      expect([text, logged.includes(text) || logged.includes(JSON.stringify(text).slice(1, -1))]).toEqual([
        text,
        false,
      ]);
    return error;
  }

  /** 'request.refused' holds exactly: the route pattern, the error kind, schema fields, a count. */
  function expectRefusalDetail(endpoint: Endpoint, detail: unknown, field: string | undefined): void {
    const known = Object.keys(endpoint.schema.fields);
    expect(detail).toEqual({
      route: endpoint.name,
      error: 'invalid-body',
      fields: expect.any(Array),
      unknownKeys: expect.any(Number),
    });
    const { fields, unknownKeys } = detail as { fields: string[]; unknownKeys: number };
    for (const f of fields) expect(known).toContain(f);
    if (field === '') expect([fields, unknownKeys]).toEqual([[], 0]);
    else if (field !== undefined && known.includes(field)) expect(fields[0]).toBe(field);
    else if (field !== undefined) {
      expect(unknownKeys).toBeGreaterThan(0);
      expect(fields).not.toContain(field);
    }
  }

  describe.each(endpoints.map((e) => [e.name, e] as const))('%s', (_name, endpoint) => {
    it('refuses each malformed body with a 400 naming the field, and changes nothing', async () => {
      const valid = endpoint.valid();
      const cases: Case[] = [
        ...NOT_AN_OBJECT(valid),
        ['an unknown key', { ...valid, extra: true }, 'extra'],
        [
          '__proto__ as a key',
          JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(valid).slice(1)}`.replace(', }', '}')),
          '__proto__',
        ],
        ...endpoint.cases(),
      ];
      for (const [label, body, field] of cases) {
        // The label shows which case failed.
        expect([label, v.is(endpoint.schema.schema, body)]).toEqual([label, false]);
        await expectRefused(endpoint, body, field);
      }
    });

    it('refuses any JSON its schema does not accept with a 400 (never a 500), and changes nothing', async () => {
      const keys = Object.keys(endpoint.schema.fields);
      const valid = endpoint.valid();
      const body = fc.oneof(
        fc.jsonValue(),
        // The right keys (and some others) with arbitrary values.
        fc.dictionary(
          fc.oneof(fc.constantFrom(...keys, 'extra'), fc.string({ maxLength: 8 })),
          fc.jsonValue(),
          {
            maxKeys: keys.length + 1,
          },
        ),
        // The valid body with one key given an arbitrary value.
        keys.length > 0
          ? fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([k, value]) => ({ ...valid, [k]: value }))
          : fc.constant([]),
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          fc.pre(!v.is(endpoint.schema.schema, value));
          await expectRefused(endpoint, value, undefined);
        }),
        { numRuns: RUNS },
      );
    });
  });

  it('audits a staff body it cannot read at all: not JSON, not application/json, too large', async () => {
    const path = API.applicationStatus(applicationId);
    const secret = JSON.stringify({ to: 'checked', reason: '秘'.repeat(5000) });
    for (const [label, send, status, kind] of [
      ['not JSON', () => office.post(path, '{"to": "checked", "reason": 秘密の理由', admin), 400, 'bad-json'],
      [
        'text/plain',
        () => office.post(path, '{"reason":"秘密"}', admin, 'text/plain'),
        415,
        'unsupported-media-type',
      ],
      ['too large', () => office.post(path, secret, admin), 413, 'too-large'],
    ] as const) {
      const before = await fingerprint();
      const audited = await auditCount();
      expect([label, (await send()).status]).toEqual([label, status]);
      expect(await fingerprint()).toBe(before);
      const after = await listAudit(office.sql);
      expect(after.length).toBe(audited + 1);
      const entry = after.at(-1);
      expect([label, entry?.action, entry?.actor, entry?.target, entry?.detail]).toEqual([
        label,
        'request.refused',
        `staff:${DEMO_STAFF.username}`,
        null,
        { route: 'POST /api/applications/:id/status', error: kind, fields: [], unknownKeys: 0 },
      ]);
      expect(JSON.stringify(entry)).not.toContain('秘');
    }
  });

  it('still takes the commands without content with no body, or {}', async () => {
    expect((await office.post(API.transcribed(applicationId), undefined, admin)).status).toBe(200);
    expect((await office.post(API.transcribed(applicationId), {}, admin)).status).toBe(200);
    const bare = await office.request(API.deviceCodes, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(bare.status).toBe(201);
    // Content that is not JSON is still refused as such.
    const text = await office.post(API.deviceCodes, '{}', admin, 'text/plain');
    expect(text.status).toBe(415);
    expect(receipt?.receiptNumber).toBeTruthy();
  });

  it('lists every field at fault, and the message names the first', async () => {
    const r = await office.post(API.deviceEnroll, { code: 1, name: '', publicKey: 'k' }, undefined);
    const { error } = (await r.json()) as { error: ApiErrorBody };
    expect(error.problems?.map((p) => p.key)).toEqual(['code', 'name', 'publicKey']);
    expect(error.message).toBe(error.problems?.[0]?.message);
  });
});
