// Staff sign-in, sessions and the bearer check, against PGlite and real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { API, type HealthResponse, type SignInResponse } from '../shared/api.ts';
import { hashToken } from './auth/tokens.ts';
import { listAudit } from './store/audit.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const json = { 'content-type': 'application/json' };
const PROTECTED: readonly { method: string; path: string }[] = [
  { method: 'GET', path: API.session },
  { method: 'DELETE', path: API.session },
  { method: 'GET', path: API.applications },
  { method: 'GET', path: `${API.applications}?status=received` },
  { method: 'POST', path: API.sync },
  { method: 'GET', path: API.application('6f1c2a4e-8b7d-4c3e-9a1f-0e2d3c4b5a69') },
  { method: 'POST', path: API.transcribed('6f1c2a4e-8b7d-4c3e-9a1f-0e2d3c4b5a69') },
  { method: 'POST', path: API.revealMyNumber('6f1c2a4e-8b7d-4c3e-9a1f-0e2d3c4b5a69') },
  { method: 'GET', path: '/api/no-such-route' },
];

describe.each(TEST_STORES)('sessions on %s', (store) => {
  const office = useBackOffice(store);

  const signInRaw = (body: unknown) =>
    office.request(API.session, { method: 'POST', headers: json, body: JSON.stringify(body) });

  it('healthz names the store', async () => {
    const r = await office.request(API.health);
    expect(r.status).toBe(200);
    expect((await r.json()) as HealthResponse).toEqual({ ok: true, store, version: 'test' });
  });

  it('signs in the demo staff with a 12-hour token whose hash alone is stored', async () => {
    const r = await signInRaw({ username: 'demo', password: 'kakanai-demo' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as SignInResponse;
    expect(body.staff).toEqual({ username: 'demo', displayName: '窓口 太郎（デモ）', role: 'admin' });
    expect(body.permissions).toContain('applications.submit');
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes base64url
    const rows = await office.sql.query<{ token_hash: string; expires_at: Date; created_at: Date }>(
      'SELECT token_hash, expires_at, created_at FROM sessions WHERE token_hash = $1',
      [hashToken(body.token)],
    );
    expect(rows.rows).toHaveLength(1);
    const row = rows.rows[0];
    expect(row && row.expires_at.getTime() - row.created_at.getTime()).toBe(12 * 3600_000);
    expect(body.expiresAt).toBe(row?.expires_at.toISOString());
    const anyRaw = await office.sql.query('SELECT 1 FROM sessions WHERE token_hash = $1', [body.token]);
    expect(anyRaw.rows).toHaveLength(0);
  });

  it('answers a wrong password and an unknown user with the same 401 body, and audits both', async () => {
    const wrong = await signInRaw({ username: 'demo', password: 'kakanai-dem0' });
    const unknown = await signInRaw({ username: 'nobody', password: 'kakanai-demo' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const wrongBody = await wrong.json();
    expect(wrongBody).toEqual(await unknown.json());
    expect(wrongBody).toEqual({
      error: { kind: 'bad-credentials', message: expect.stringContaining('もう一度入力してください') },
    });
    const failed = (await listAudit(office.sql)).filter((e) => e.action === 'session.sign-in-failed');
    expect(failed.slice(-2).map((e) => [e.actor, e.target, e.detail])).toEqual([
      ['anonymous', 'demo', { reason: 'wrong-password' }],
      ['anonymous', null, { reason: 'unknown-user' }], // what was typed as a username is not kept
    ]);
  });

  it('audits a successful sign-in with the staff actor', async () => {
    await office.signIn();
    const last = (await listAudit(office.sql)).at(-1);
    expect(last).toMatchObject({
      actor: 'staff:demo',
      action: 'session.sign-in',
      target: 'demo',
      detail: { role: 'admin' },
    });
  });

  it('refuses a sign-in body without username and password as 400, and a non-JSON one as 415', async () => {
    const r = await signInRaw({ username: 'demo' });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { kind: string } }).error.kind).toBe('bad-request');
    const text = await office.request(API.session, { method: 'POST', body: 'demo:kakanai-demo' });
    expect(text.status).toBe(415);
  });

  it('treats a username PostgreSQL cannot store as unknown, not as a server error', async () => {
    const r = await signInRaw({ username: 'de\u0000mo', password: 'x' });
    expect(r.status).toBe(401);
  });

  it('answers 401 unauthenticated on every protected route without a token, or with a bad one', async () => {
    for (const { method, path } of PROTECTED) {
      for (const authorization of [
        undefined,
        'Bearer not-a-real-token-at-all-000000',
        'Basic ZGVtbzprYWthbmFp',
      ]) {
        const headers: Record<string, string> = { ...json, ...(authorization ? { authorization } : {}) };
        const r = await office.request(path, { method, headers, body: method === 'POST' ? '{}' : undefined });
        expect([method, path, r.status]).toEqual([method, path, 401]);
        expect(await r.json()).toEqual({
          error: {
            kind: 'unauthenticated',
            message: 'ログインしていないか、ログインの有効期限が切れています。もう一度ログインしてください。',
          },
        });
      }
    }
  });

  it('lets a token in until its 12 hours are over, then answers 401', async () => {
    const token = await office.signIn();
    expect((await office.get(API.applications, token)).status).toBe(200);
    office.clock.advance(12 * 3600_000 - 1000);
    expect((await office.get(API.applications, token)).status).toBe(200);
    office.clock.advance(1000);
    const expired = await office.get(API.applications, token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error: { kind: string } }).error.kind).toBe('unauthenticated');
  });

  it('signs out: the token stops working and the sign-out is audited', async () => {
    const token = await office.signIn();
    const out = await office.request(API.session, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    expect((await office.get(API.applications, token)).status).toBe(401);
    expect((await listAudit(office.sql)).at(-1)).toMatchObject({
      action: 'session.sign-out',
      actor: 'staff:demo',
    });
  });
  it('slows down password guessing: 5 failures lock the staff ID for 5 minutes, even for the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await signInRaw({ username: 'demo', password: `guess-${i}` })).status).toBe(401);
    const locked = await signInRaw({ username: 'demo', password: 'kakanai-demo' });
    expect(locked.status).toBe(429);
    const body = (await locked.json()) as { error: { kind: string; message: string } };
    expect(body.error.kind).toBe('too-many-attempts');
    expect(body.error.message).toContain('分ほどログインできません');
    office.clock.advance(5 * 60_000 + 1);
    expect((await signInRaw({ username: 'demo', password: 'kakanai-demo' })).status).toBe(200);
    // A success clears the count: one more failure does not lock again.
    expect((await signInRaw({ username: 'demo', password: 'wrong' })).status).toBe(401);
    expect((await signInRaw({ username: 'demo', password: 'kakanai-demo' })).status).toBe(200);
  });
});
