// The back-office HTTP contract, shared by the tablet, the extension and the server.
// Every error body is { error: ApiErrorBody }, with a Japanese message that says what to do next.
import type { Lang } from './i18n/lang.ts';
import type { ProcedureValues } from './procedures/types.ts';
import type { SignatureRecord } from './signature.ts';

export const API = {
  health: '/healthz',
  session: '/api/session',
  applications: '/api/applications',
  application: (id: string) => `/api/applications/${encodeURIComponent(id)}`,
  transcribed: (id: string) => `/api/applications/${encodeURIComponent(id)}/transcribed`,
  /** POST with a reason: the one way to see a stored My Number in full (audited). */
  revealMyNumber: (id: string) => `/api/applications/${encodeURIComponent(id)}/my-number`,
} as const;

export type ApiErrorKind =
  | 'bad-request' // malformed JSON or an envelope that fails validation (400)
  | 'unauthenticated' // no or expired session (401)
  | 'bad-credentials' // wrong staff ID or password (401)
  | 'not-found' // (404)
  | 'conflict' // same id, different content (409)
  | 'too-large' // body over the limit (413)
  | 'unsupported-media-type' // not application/json (415)
  | 'too-many-attempts' // repeated failed sign-ins for one staff ID (429)
  | 'internal'; // (500)

export interface ApiErrorBody {
  readonly kind: ApiErrorKind;
  readonly message: string;
  readonly problems?: readonly { readonly key: string; readonly message: string }[];
}

export interface HealthResponse {
  readonly ok: true;
  readonly store: 'pglite' | 'postgres';
  readonly version: string;
}

export interface SignInRequest {
  readonly username: string;
  readonly password: string;
}

export interface SignInResponse {
  readonly token: string; // bearer token; the server keeps only its hash
  readonly expiresAt: string;
  readonly staff: { readonly username: string; readonly displayName: string };
}

export type ApplicationStatus = 'received' | 'transcribed';

/** Answer to POST /api/applications: 201 the first time, 200 with the same receipt on a resend. */
export interface Receipt {
  readonly id: string;
  readonly receiptNumber: string; // 受付番号: R + YYMMDD (Asia/Tokyo) + daily sequence, e.g. "R261201-0001"
  readonly receivedAt: string;
  readonly duplicate: boolean;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly receiptNumber: string;
  readonly procedure: string;
  readonly procedureName: string;
  readonly name: string; // 氏名, so staff can pick the right one
  readonly receivedAt: string;
  readonly status: ApplicationStatus;
}

export interface ApplicationListResponse {
  readonly applications: readonly ApplicationSummary[];
}

/** The signature as stored: the record without its PNG (the PNG is kept apart and only printed). */
export type StoredSignature = Omit<SignatureRecord, 'png'>;

export interface ApplicationDetail extends ApplicationSummary {
  readonly createdAt: string;
  /** null for applications received before envelope v2 (no visit, language or signature record). */
  readonly visitId: string | null;
  readonly lang: Lang | null;
  /** Field name → value; group fields (異動者 …) are arrays of rows. My Number fields come masked. */
  readonly fields: ProcedureValues;
  readonly card: {
    readonly source: string;
    readonly unlockedWith: string;
    readonly checks: readonly string[];
  };
  /** Attachments the resident did not bring because 情報連携 provides them. */
  readonly omittedAttachments: readonly string[];
  readonly hasSignature: boolean;
  /** The strokes can be large: only the detail carries them, never the list. */
  readonly signature: StoredSignature | null;
  /** Recomputed from the stored content on every view: false once the content and signature part. */
  readonly signatureVerified: boolean;
  readonly transcribedAt: string | null;
  readonly transcribedBy: string | null;
}

/** The back office listens here unless PORT says otherwise; the demo legacy system on the next port. */
export const DEFAULT_PORT = 8787;

export interface RevealMyNumberRequest {
  /** Why staff need the full number (e.g. 「基幹系への登録のため」); kept in the audit log. */
  readonly reason: string;
  /**
   * The field to reveal, when the procedure has several My Number fields (請求者 and 配偶者);
   * without it, the first one that holds a number. Which fields hold one is decided by the
   * procedure's field types ('my-number'), never by a field name.
   */
  readonly field?: string;
}

export interface RevealMyNumberResponse {
  readonly field: string;
  readonly myNumber: string;
}
