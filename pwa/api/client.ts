// The tablet's HTTP client for the back office (same origin). Every failure is a value with a
// kind; `unreachable` means the network or the server is down, so the outbox keeps the data.
import {
  API,
  type ApiErrorBody,
  type ApiErrorKind,
  type EnrollDeviceRequest,
  type EnrollDeviceResponse,
  type Receipt,
  type SignInRequest,
  type SignInResponse,
} from '../../shared/api.ts';
import type { ApplicationEnvelope } from '../../shared/application.ts';
import { err, ok, type Result } from '../../shared/result.ts';

export type ClientError =
  | { readonly kind: 'unreachable' }
  | { readonly kind: ApiErrorKind; readonly status: number; readonly message: string };

export function clientErrorMessage(e: ClientError): string {
  return e.kind === 'unreachable'
    ? 'サーバーに接続できません。ネットワークを確認してください。申請はこの端末に暗号化して保存され、接続が戻ると自動で送信されます。'
    : e.message;
}

/** Signs a request as this tablet (storage/device.ts); undefined when it is not enrolled. */
export interface RequestSigner {
  sign(method: string, path: string, body: Uint8Array): Promise<Record<string, string> | undefined>;
}

/** Said without asking the server: an unenrolled tablet does not send personal data at all. */
export const NOT_ENROLLED: ClientError = {
  kind: 'device-unknown',
  status: 0,
  message:
    'この端末はまだ登録されていません。管理者から登録コードを受け取り、端末を登録してください（未送信の申請は端末に保存されたままです）。',
};

export interface ApiClient {
  signIn(request: SignInRequest): Promise<Result<SignInResponse, ClientError>>;
  /** Public: the one-time code is the credential. */
  enroll(request: EnrollDeviceRequest): Promise<Result<EnrollDeviceResponse, ClientError>>;
  submit(envelope: ApplicationEnvelope, token: string): Promise<Result<Receipt, ClientError>>;
}

export function createApiClient(
  base = '',
  fetchImpl: typeof fetch = fetch.bind(globalThis),
  signer?: RequestSigner,
): ApiClient {
  async function call<T>(path: string, init: RequestInit): Promise<Result<T, ClientError>> {
    let response: Response;
    try {
      response = await fetchImpl(base + path, { ...init, cache: 'no-store' });
    } catch {
      return err({ kind: 'unreachable' });
    }
    const body = (await response.json().catch(() => undefined)) as { error?: ApiErrorBody } | T | undefined;
    if (response.ok && body !== undefined) return ok(body as T);
    const apiError = (body as { error?: ApiErrorBody } | undefined)?.error;
    // A proxy or captive portal answering with HTML is as good as unreachable.
    if (!apiError)
      return response.status >= 500 || body === undefined
        ? err({ kind: 'unreachable' })
        : err(internal(response.status));
    return err({ kind: apiError.kind, status: response.status, message: apiError.message });
  }

  return {
    signIn: (request) =>
      call<SignInResponse>(API.session, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      }),
    enroll: (request) =>
      call<EnrollDeviceResponse>(API.deviceEnroll, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      }),
    async submit(envelope, token) {
      // The exact bytes that are signed are the bytes that are sent.
      const body = new TextEncoder().encode(JSON.stringify(envelope));
      const device = signer ? await signer.sign('POST', API.applications, body) : {};
      if (!device) return err(NOT_ENROLLED);
      const r = await call<Receipt>(API.applications, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...device },
        body,
      });
      // The receipt is what lets the tablet wipe the data: a 2xx from anything but our back office
      // (a proxy, a captive portal, a wrong URL) must not count as one.
      return r.ok && !isReceiptFor(r.value, envelope.id) ? err({ kind: 'unreachable' }) : r;
    },
  };
}

function isReceiptFor(value: unknown, id: string): value is Receipt {
  const r = value as Partial<Receipt> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    r.id === id &&
    typeof r.receiptNumber === 'string' &&
    /^R\d{6}-\d{4,}$/.test(r.receiptNumber) &&
    typeof r.receivedAt === 'string'
  );
}

function internal(status: number): ClientError {
  return {
    kind: 'internal',
    status,
    message: `サーバーが予期しない応答をしました（${status}）。時間をおいて再度お試しください。`,
  };
}
