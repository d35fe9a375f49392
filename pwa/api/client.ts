// The tablet's HTTP client for the back office (same origin). Every failure is a value with a
// kind; `unreachable` means the network or the server is down, so the outbox keeps the data.
// Applications travel in batches of hash-chained sync envelopes (POST /api/sync,
// shared/sync/protocol.ts), signed as this tablet over the exact bytes sent.
import {
  API,
  type ApiErrorBody,
  type ApiErrorKind,
  type EnrollDeviceRequest,
  type EnrollDeviceResponse,
  type SignInRequest,
  type SignInResponse,
} from '../../shared/api.ts';
import { DEVICE_HEADER } from '../../shared/device-auth.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { SyncEnvelope } from '../../shared/sync/envelope.ts';
import {
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeyFor,
  SYNC_PROTOCOL_SCHEMA,
  type SyncBatchRequest,
  type SyncRefusalDetail,
} from '../../shared/sync/protocol.ts';

export type ClientError =
  | { readonly kind: 'unreachable' }
  /**
   * Said without asking the server: the envelopes belong to another device id than the one the
   * tablet signs as now (it was enrolled again meanwhile). Transient: they are re-wrapped first.
   */
  | { readonly kind: 'device-changed'; readonly status: 0; readonly message: string }
  | {
      readonly kind: ApiErrorKind;
      readonly status: number;
      readonly message: string;
      /** Where the back office's chain of this device stands (sync-gap, sync-chain, …). */
      readonly sync?: SyncRefusalDetail;
    };

export function clientErrorMessage(e: ClientError): string {
  return e.kind === 'unreachable'
    ? 'サーバーに接続できません。ネットワークを確認してください。申請はこの端末に暗号化して保存され、接続が戻ると自動で送信されます。'
    : e.message;
}

/**
 * The 200 body of POST /api/sync, unchecked: a proxy or a captive portal answers 200 too, so
 * only protocol.ts coveredEnvelopes may turn it into deliveries.
 */
export type UncheckedSyncAck = unknown;

/** GET /api/sync/import-key: the back office's key that export files are encrypted to. */
export interface ImportKeyResponse {
  readonly id: string;
  readonly publicKey: JsonWebKey;
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
  /**
   * Posts one batch (1..MAX_BATCH_ENVELOPES envelopes of one device, consecutive seqs) with its
   * Idempotency-Key. The answer is unchecked (UncheckedSyncAck): use coveredEnvelopes on it.
   */
  sync(envelopes: readonly SyncEnvelope[], token: string): Promise<Result<UncheckedSyncAck, ClientError>>;
  /** The back office's public key for export files (another engineer's export feature). */
  importKey(token: string): Promise<Result<ImportKeyResponse, ClientError>>;
}

const DEVICE_CHANGED: ClientError = {
  kind: 'device-changed',
  status: 0,
  message:
    'この端末は登録し直されたため、送信待ちの申請を新しい登録につなぎ直してから送信します（自動で行います）。',
};

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
    const sync = syncDetailOf(apiError.sync);
    return err({
      kind: apiError.kind,
      status: response.status,
      message: apiError.message,
      ...(sync ? { sync } : {}),
    });
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
    async sync(envelopes, token) {
      const first = envelopes[0];
      if (!first) return err({ kind: 'bad-request', status: 0, message: '送信する申請がありません。' });
      const request: SyncBatchRequest = {
        schema: SYNC_PROTOCOL_SCHEMA,
        deviceId: first.deviceId,
        envelopes,
      };
      // The exact bytes that are signed are the bytes that are sent.
      const body = new TextEncoder().encode(JSON.stringify(request));
      const device = signer ? await signer.sign('POST', API.sync, body) : {};
      if (!device) return err(NOT_ENROLLED);
      if (
        signer &&
        (device[DEVICE_HEADER] !== first.deviceId || envelopes.some((e) => e.deviceId !== first.deviceId))
      )
        return err(DEVICE_CHANGED);
      return call<UncheckedSyncAck>(API.sync, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          [IDEMPOTENCY_KEY_HEADER]: await idempotencyKeyFor(envelopes),
          ...device,
        },
        body,
      });
    },
    async importKey(token) {
      const device = signer ? await signer.sign('GET', API.syncImportKey, new Uint8Array()) : undefined;
      const r = await call<unknown>(API.syncImportKey, {
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, ...(device ?? {}) },
      });
      if (!r.ok) return r;
      // Anything but the key (a proxy's 200) is as good as no answer.
      return isImportKey(r.value) ? ok(r.value) : err({ kind: 'unreachable' });
    },
  };
}

function isImportKey(v: unknown): v is ImportKeyResponse {
  const r = v as Partial<ImportKeyResponse> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    typeof r.publicKey === 'object' &&
    r.publicKey !== null &&
    !Array.isArray(r.publicKey)
  );
}

function syncDetailOf(v: unknown): SyncRefusalDetail | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const d = v as Record<string, unknown>;
  if (typeof d.lastSeq !== 'number' || !Number.isSafeInteger(d.lastSeq) || d.lastSeq < 0) return undefined;
  if (typeof d.lastHash !== 'string') return undefined;
  const seq = typeof d.seq === 'number' && Number.isSafeInteger(d.seq) && d.seq > 0 ? d.seq : undefined;
  return { lastSeq: d.lastSeq, lastHash: d.lastHash, ...(seq !== undefined ? { seq } : {}) };
}

function internal(status: number): ClientError {
  return {
    kind: 'internal',
    status,
    message: `サーバーが予期しない応答をしました（${status}）。時間をおいて再度お試しください。`,
  };
}
