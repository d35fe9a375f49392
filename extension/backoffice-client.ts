// The back-office HTTP client (shared/api.ts contract). Used only by background.ts: the service
// worker is the one context with host permissions for the API and the only holder of the token.
import {
  API,
  type ApiErrorBody,
  type ApplicationDetail,
  type ApplicationListResponse,
  type ApplicationSummary,
  type SignInRequest,
  type SignInResponse,
} from '../shared/api.ts';
import { err, ok, type Result } from '../shared/result.ts';
import type { ExtensionError } from './errors.ts';

export type ClientResult<T> = Result<T, ExtensionError>;

export interface BackofficeClient {
  signIn(request: SignInRequest): Promise<ClientResult<SignInResponse>>;
  signOut(token: string): Promise<ClientResult<void>>;
  listReceived(token: string): Promise<ClientResult<readonly ApplicationSummary[]>>;
  getApplication(token: string, id: string): Promise<ClientResult<ApplicationDetail>>;
  markTranscribed(token: string, id: string): Promise<ClientResult<void>>;
}

/** The base URL as staff typed it, checked: http(s) only, no path, query or credentials. */
export function parseBackofficeUrl(input: string): Result<string, ExtensionError> {
  const bad = err({ kind: 'bad-backoffice-url' as const, url: input.slice(0, 100) });
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return bad;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return bad;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return bad;
  return ok(url.origin);
}

async function errorFrom(response: Response): Promise<ExtensionError> {
  let body: ApiErrorBody | undefined;
  try {
    body = ((await response.json()) as { error?: ApiErrorBody }).error;
  } catch {
    body = undefined; // not our server, or an HTML error page from a proxy: the status decides
  }
  if (response.status === 401)
    return body?.kind === 'bad-credentials' ? { kind: 'bad-credentials' } : { kind: 'session-expired' };
  if (response.status === 404) return { kind: 'not-found' };
  return typeof body?.message === 'string'
    ? { kind: 'server', status: response.status, message: body.message }
    : { kind: 'server', status: response.status };
}

export function createBackofficeClient(baseUrl: string, fetchImpl: typeof fetch = fetch): BackofficeClient {
  async function call(
    path: string,
    init: { method: string; token?: string; body?: unknown },
  ): Promise<ClientResult<Response>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, baseUrl), {
        method: init.method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: 'omit', // the bearer token is the only credential
        cache: 'no-store', // personal data: never from or into the HTTP cache
      });
    } catch {
      return err({ kind: 'unreachable' }); // fetch rejects only for network-level failures
    }
    return response.ok ? ok(response) : err(await errorFrom(response));
  }

  async function json<T>(
    result: ClientResult<Response>,
    isValid: (v: unknown) => v is T,
  ): Promise<ClientResult<T>> {
    if (!result.ok) return result;
    try {
      const value: unknown = await result.value.json();
      return isValid(value) ? ok(value) : err({ kind: 'bad-response' });
    } catch {
      return err({ kind: 'bad-response' });
    }
  }

  return {
    signIn: async (request) =>
      json(await call(API.session, { method: 'POST', body: request }), (v): v is SignInResponse => {
        const r = v as Partial<SignInResponse>;
        return (
          typeof r?.token === 'string' &&
          typeof r.expiresAt === 'string' &&
          typeof r.staff?.username === 'string'
        );
      }),
    signOut: async (token) => {
      const result = await call(API.session, { method: 'DELETE', token });
      // Already expired on the server is as good as signed out.
      return result.ok || result.error.kind === 'session-expired' ? ok(undefined) : result;
    },
    listReceived: async (token) => {
      const list = await json(
        // Both steps before 転記済み: checked ones are the usual case once the back office checks.
        await call(`${API.applications}?status=received&status=checked&limit=200`, { method: 'GET', token }),
        (v): v is ApplicationListResponse =>
          Array.isArray((v as Partial<ApplicationListResponse>)?.applications),
      );
      // Filtered here too, so a server that ignores the query never offers a transcribed one.
      return list.ok
        ? ok(list.value.applications.filter((a) => a.status === 'received' || a.status === 'checked'))
        : list;
    },
    getApplication: async (token, id) =>
      json(await call(API.application(id), { method: 'GET', token }), (v): v is ApplicationDetail => {
        const d = v as Partial<ApplicationDetail>;
        return d?.id === id && typeof d.fields === 'object' && d.fields !== null;
      }),
    markTranscribed: async (token, id) => {
      const result = await call(API.transcribed(id), { method: 'POST', token, body: {} });
      return result.ok ? ok(undefined) : result;
    },
  };
}
