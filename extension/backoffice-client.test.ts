import { describe, expect, it } from 'vitest';
import type { ApplicationSummary } from '../shared/api.ts';
import { createBackofficeClient, parseBackofficeUrl } from './backoffice-client.ts';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function fakeFetch(answer: (seen: Seen) => Response | Promise<Response>): {
  fetch: typeof fetch;
  seen: Seen[];
} {
  const seen: Seen[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit) => {
    const s: Seen = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: init?.body as string | undefined,
    };
    seen.push(s);
    return answer(s);
  };
  return { fetch: impl as typeof fetch, seen };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const summary = (id: string, status: 'received' | 'checked' | 'transcribed'): ApplicationSummary => ({
  id,
  receiptNumber: `R-${id}`,
  procedure: 'tennyu',
  procedureName: '転入届',
  name: '山田　太郎',
  receivedAt: '2026-11-20T01:00:00.000Z',
  status,
});

describe('parseBackofficeUrl', () => {
  it('keeps the origin of an http(s) base URL', () => {
    expect(parseBackofficeUrl(' http://127.0.0.1:8787/ ')).toEqual({
      ok: true,
      value: 'http://127.0.0.1:8787',
    });
  });
  it('refuses other schemes, paths and embedded credentials', () => {
    for (const bad of ['ftp://x', 'http://a:b@host', 'http://host/api', 'not a url']) {
      expect(parseBackofficeUrl(bad).ok, bad).toBe(false);
    }
  });
});

describe('createBackofficeClient', () => {
  it('signs in with a JSON POST to the session path', async () => {
    const f = fakeFetch(() =>
      json(200, {
        token: 't1',
        expiresAt: '2026-11-20T09:00:00Z',
        staff: { username: 'w01', displayName: '窓口 一郎' },
      }),
    );
    const r = await createBackofficeClient('http://127.0.0.1:8787', f.fetch).signIn({
      username: 'w01',
      password: 'pw',
    });
    expect(r.ok && r.value.token).toBe('t1');
    expect(f.seen[0]).toMatchObject({ url: 'http://127.0.0.1:8787/api/session', method: 'POST' });
    expect(JSON.parse(f.seen[0]?.body ?? '')).toEqual({ username: 'w01', password: 'pw' });
  });

  it('tells a wrong password from an expired session', async () => {
    const wrong = fakeFetch(() => json(401, { error: { kind: 'bad-credentials', message: 'x' } }));
    expect(
      await createBackofficeClient('http://h', wrong.fetch).signIn({ username: 'a', password: 'b' }),
    ).toEqual({
      ok: false,
      error: { kind: 'bad-credentials' },
    });
    const expired = fakeFetch(() => json(401, { error: { kind: 'unauthenticated', message: 'x' } }));
    expect(await createBackofficeClient('http://h', expired.fetch).listReceived('old')).toEqual({
      ok: false,
      error: { kind: 'session-expired' },
    });
  });

  it('reports an unreachable server and a non-JSON answer as their own kinds', async () => {
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await createBackofficeClient('http://h', down.fetch).listReceived('t')).toEqual({
      ok: false,
      error: { kind: 'unreachable' },
    });
    const html = fakeFetch(() => new Response('<html>proxy</html>', { status: 200 }));
    expect(await createBackofficeClient('http://h', html.fetch).listReceived('t')).toEqual({
      ok: false,
      error: { kind: 'bad-response' },
    });
  });

  it('passes the server’s Japanese message on for other errors', async () => {
    const f = fakeFetch(() =>
      json(500, { error: { kind: 'internal', message: '時間をおいてやり直してください。' } }),
    );
    expect(await createBackofficeClient('http://h', f.fetch).getApplication('t', 'a1')).toEqual({
      ok: false,
      error: { kind: 'server', status: 500, message: '時間をおいてやり直してください。' },
    });
  });

  it('lists received and checked applications with the bearer token and drops transcribed ones', async () => {
    const f = fakeFetch(() =>
      json(200, {
        applications: [summary('a1', 'received'), summary('a2', 'transcribed'), summary('a3', 'checked')],
      }),
    );
    const r = await createBackofficeClient('http://h:1', f.fetch).listReceived('tok');
    expect(r.ok && r.value.map((a) => a.id)).toEqual(['a1', 'a3']);
    expect(f.seen[0]?.url).toBe('http://h:1/api/applications?status=received&status=checked&limit=200');
    expect(f.seen[0]?.headers.Authorization).toBe('Bearer tok');
  });

  it('refuses a detail for another id than asked', async () => {
    const f = fakeFetch(() => json(200, { ...summary('other', 'received'), fields: {} }));
    expect(await createBackofficeClient('http://h', f.fetch).getApplication('t', 'a1')).toEqual({
      ok: false,
      error: { kind: 'bad-response' },
    });
  });

  it('marks an application transcribed with a POST to its transcribed path', async () => {
    const f = fakeFetch(() => json(200, {}));
    expect(await createBackofficeClient('http://h', f.fetch).markTranscribed('t', 'a/1')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(f.seen[0]).toMatchObject({ url: 'http://h/api/applications/a%2F1/transcribed', method: 'POST' });
  });

  it('treats an already-expired token as signed out', async () => {
    const f = fakeFetch(() => json(401, { error: { kind: 'unauthenticated', message: 'x' } }));
    expect(await createBackofficeClient('http://h', f.fetch).signOut('t')).toEqual({
      ok: true,
      value: undefined,
    });
    expect(f.seen[0]?.method).toBe('DELETE');
  });
});
