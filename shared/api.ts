// The back-office HTTP contract, shared by the tablet, the extension and the server.
// Every error body is { error: ApiErrorBody }, with a Japanese message that says what to do next.
import type { Lang } from './i18n/lang.ts';
import type { ProcedureValues } from './procedures/types.ts';
import type { SignatureRecord } from './signature.ts';

export const API = {
  health: '/healthz',
  /** POST signs in (public), GET answers SessionInfo, DELETE signs out. */
  session: '/api/session',
  applications: '/api/applications',
  application: (id: string) => `/api/applications/${encodeURIComponent(id)}`,
  transcribed: (id: string) => `/api/applications/${encodeURIComponent(id)}/transcribed`,
  /** POST with a reason: the one way to see a stored My Number in full (audited). */
  revealMyNumber: (id: string) => `/api/applications/${encodeURIComponent(id)}/my-number`,
  exports: '/api/exports',
  /** GET: one procedure's applications as CSV (query: ExportQuery); audited. */
  exportCsv: (procedure: string) => `/api/exports/${encodeURIComponent(procedure)}`,
  /** GET: which applications the CSV would leave out, and why (ExportCheckResponse); audited. */
  exportCheck: (procedure: string) => `/api/exports/${encodeURIComponent(procedure)}/check`,
} as const;

export type ApiErrorKind =
  | 'bad-request' // malformed JSON or an envelope that fails validation (400)
  | 'unauthenticated' // no or expired session (401)
  | 'bad-credentials' // wrong staff ID or password (401)
  | 'forbidden' // signed in, but the staff member's role does not grant this operation (403)
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

/**
 * What a staff account may do is decided by its role (issue 5); the table that says which role
 * holds which permission is server/auth/roles.ts. counter (窓口): signs in on the tablet and
 * sends applications. backoffice (バックオフィス): the inbox, transcription, My Number reveals,
 * exports. admin (管理者): all of that, plus staff and device administration.
 */
export const STAFF_ROLES = ['counter', 'backoffice', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Every operation a route can require. Each /api route declares exactly one (or is public). */
export const PERMISSIONS = [
  'session.own', // see and end one's own session (every role)
  'applications.submit', // POST /api/applications: send an application, get its receipt back
  'applications.read', // list and open applications (personal data; audited)
  'applications.update', // status changes: mark transcribed (later: comments)
  'my-number.reveal', // see a stored My Number in full, with a reason (audited)
  'exports.read', // CSV exports of applications (audited)
  'audit.verify', // check the audit log's hash chain
  'staff.manage', // create staff accounts, change roles, reset passwords
  'devices.manage', // register and retire counter tablets
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export interface StaffInfo {
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
}

export interface SignInResponse {
  readonly token: string; // bearer token; the server keeps only its hash
  readonly expiresAt: string;
  readonly staff: StaffInfo;
  /** What this role may do now, so a client can hide what would be refused (403) anyway. */
  readonly permissions: readonly Permission[];
}

/**
 * Answer to GET /api/session: who this token belongs to. The role is read on every request, so
 * after an administrator changes it this shows the new role and permissions at once.
 */
export interface SessionInfo {
  readonly expiresAt: string;
  readonly staff: StaffInfo;
  readonly permissions: readonly Permission[];
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

/** utf-8: everything, with a BOM for Excel. shift_jis: Windows-31J (CP932) for 基幹系 imports. */
export type ExportEncoding = 'utf-8' | 'shift_jis';

/** The query of API.exportCsv and API.exportCheck (all strings, as in a URL). */
export interface ExportQuery {
  readonly encoding: ExportEncoding;
  readonly status?: ApplicationStatus;
  /** Received on or after this Japanese calendar day (YYYY-MM-DD). */
  readonly from?: string;
  /** Received on or before this Japanese calendar day (YYYY-MM-DD). */
  readonly to?: string;
  /** '1' adds the My Number columns; needs `reason`, audited as a reveal for every application. */
  readonly includeMyNumber?: '1';
  readonly reason?: string;
}

/**
 * The CSV answer names in this header how many applications were left out because a value
 * cannot be written in the encoding (always 0 in UTF-8); API.exportCheck says which and why.
 */
export const UNENCODABLE_HEADER = 'X-Kakanai-Unencodable';

/** One value of one application that Shift_JIS cannot hold: the application is not exported. */
export interface UnencodableValue {
  readonly receiptNumber: string;
  /** The field's Japanese label (氏名; for a list of people the list's label, 異動する人). */
  readonly field: string;
  /** For a list of people: the row (1-based, as in the CSV header) and the column's label. */
  readonly row?: number;
  readonly column?: string;
  /** The CSV column the value belongs to (氏名, 異動する人2_氏名). */
  readonly header: string;
  /** Each character once, in order of appearance, and its code point (U+20BB7) to look it up. */
  readonly characters: readonly string[];
  readonly codePoints: readonly string[];
}

export interface ExportCheckResponse {
  readonly procedure: string;
  readonly procedureName: string;
  readonly encoding: ExportEncoding;
  /** Applications that match the filters. */
  readonly applications: number;
  /** Of those, the ones the CSV in this encoding holds. */
  readonly exportable: number;
  /** The ones left out (applications, not values: one can have several problems). */
  readonly refused: number;
  readonly problems: readonly UnencodableValue[];
}
