// The back-office HTTP contract, shared by the tablet, the extension and the server.
// Every error body is { error: ApiErrorBody }, with a Japanese message that says what to do next.
import type { Lang } from './i18n/lang.ts';
import type { ProcedureValues } from './procedures/types.ts';
import type { SignatureRecord } from './signature.ts';
import type { SyncRefusalDetail } from './sync/protocol.ts';

export const API = {
  health: '/healthz',
  /** POST signs in (public), GET answers SessionInfo, DELETE signs out. */
  session: '/api/session',
  applications: '/api/applications',
  application: (id: string) => `/api/applications/${encodeURIComponent(id)}`,
  transcribed: (id: string) => `/api/applications/${encodeURIComponent(id)}/transcribed`,
  /** POST with a reason: the one way to see a stored My Number in full (audited). */
  revealMyNumber: (id: string) => `/api/applications/${encodeURIComponent(id)}/my-number`,
  /** POST ApplicationStatusRequest: one step of the status flow (audited); answers the detail. */
  applicationStatus: (id: string) => `/api/applications/${encodeURIComponent(id)}/status`,
  /** GET: the signature as image/png (audited); 404 when there is none. */
  applicationSignature: (id: string) => `/api/applications/${encodeURIComponent(id)}/signature`,
  /** GET ApplicationCommentsResponse, POST ApplicationCommentRequest (both audited). */
  applicationComments: (id: string) => `/api/applications/${encodeURIComponent(id)}/comments`,
  exports: '/api/exports',
  /** GET: one procedure's applications as CSV (query: ExportQuery); audited. */
  exportCsv: (procedure: string) => `/api/exports/${encodeURIComponent(procedure)}`,
  /** GET: which applications the CSV would leave out, and why (ExportCheckResponse); audited. */
  exportCheck: (procedure: string) => `/api/exports/${encodeURIComponent(procedure)}/check`,
  /** GET DeviceListResponse (devices.manage). */
  devices: '/api/devices',
  /** POST: a one-time enrollment code for a new tablet (EnrollmentCodeResponse; devices.manage). */
  deviceCodes: '/api/devices/codes',
  /** POST EnrollDeviceRequest (public: the code is the credential) → EnrollDeviceResponse. */
  deviceEnroll: '/api/devices/enroll',
  /** POST: a lost tablet is refused from the next request on (devices.manage) → DeviceInfo. */
  deviceRevoke: (id: string) => `/api/devices/${encodeURIComponent(id)}/revoke`,
  /** GET StaffListResponse, POST CreateStaffRequest → 201 StaffMember (staff.manage; audited). */
  staff: '/api/staff',
  /** One staff account; its commands are staffRole and staffPassword. */
  staffMember: (username: string) => `/api/staff/${encodeURIComponent(username)}`,
  /** POST StaffRoleRequest → StaffMember; the last admin keeps the admin role (409). */
  staffRole: (username: string) => `/api/staff/${encodeURIComponent(username)}/role`,
  /** POST StaffPasswordRequest → 204; that member's sessions end. */
  staffPassword: (username: string) => `/api/staff/${encodeURIComponent(username)}/password`,
  /**
   * POST SyncBatchRequest with an Idempotency-Key (applications.submit + device signature) →
   * SyncAck: the tablets deliver their hash-chained sync envelopes here (shared/sync/protocol.ts).
   */
  sync: '/api/sync',
  /** GET SyncImportKeyResponse: the public key tablets encrypt export files to (applications.submit). */
  syncImportKey: '/api/sync/import-key',
  /** POST an export file (sync.import) → SyncImportResponse, with the same exactly-once rules. */
  syncImport: '/api/sync/import',
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
  | 'too-many-attempts' // repeated failed sign-ins for one staff ID, or enrollments (429)
  // Per-device request authentication (shared/device-auth.ts), all 401:
  | 'device-unknown' // no or an unknown X-Kakanai-Device: the tablet must be enrolled
  | 'device-revoked' // the tablet was revoked by an admin: re-enroll with a new code
  | 'device-signature' // the signature does not verify (another body, path or key)
  | 'device-clock' // X-Kakanai-Time more than 5 minutes off the back office's clock
  // The sync protocol (shared/sync/protocol.ts); the body's `sync` member says where the chain stands:
  | 'sync-gap' // an earlier envelope of this device has not arrived: resend from sync.lastSeq + 1 (409)
  | 'sync-chain' // broken hash chain, tampered envelope or a second one under a taken seq (409)
  | 'idempotency-conflict' // the Idempotency-Key was used for another body (422)
  | 'internal'; // (500)

export interface ApiErrorBody {
  readonly kind: ApiErrorKind;
  readonly message: string;
  readonly problems?: readonly { readonly key: string; readonly message: string }[];
  /** With sync-gap, sync-chain and refusals of one envelope's content (shared/sync/protocol.ts). */
  readonly sync?: SyncRefusalDetail;
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
  'applications.submit', // POST /api/sync: deliver a tablet's sync envelopes, get their receipts back
  'applications.read', // list and open applications (personal data; audited)
  'applications.update', // status changes (the flow, mark transcribed) and comments
  'my-number.reveal', // see a stored My Number in full, with a reason (audited)
  'exports.read', // CSV exports of applications (audited)
  'audit.verify', // check the audit log's hash chain
  'staff.manage', // create staff accounts, change roles, reset passwords
  'devices.manage', // register and retire counter tablets
  'sync.import', // import a tablet's encrypted export file (the last resort of a field day)
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

/**
 * The status flow: 受付済み → 確認済み → 転記済み → 完了, one step forward at a time, or one step
 * back with a reason. The extension sets 転記済み itself (POST API.transcribed), from 受付済み or
 * 確認済み.
 */
export const APPLICATION_STATUSES = ['received', 'checked', 'transcribed', 'done'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Readonly<Record<ApplicationStatus, string>> = {
  received: '受付済み',
  checked: '確認済み',
  transcribed: '転記済み',
  done: '完了',
};

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}

export interface StatusStep {
  readonly to: ApplicationStatus;
  /** A step back needs a reason (kept in the audit log); a step forward may have one. */
  readonly back: boolean;
}

/** The steps POST API.applicationStatus allows from a status: the next one, and the previous one. */
export function statusSteps(from: ApplicationStatus): StatusStep[] {
  const i = APPLICATION_STATUSES.indexOf(from);
  const steps: StatusStep[] = [];
  const next = APPLICATION_STATUSES[i + 1];
  const previous = i > 0 ? APPLICATION_STATUSES[i - 1] : undefined;
  if (next) steps.push({ to: next, back: false });
  if (previous) steps.push({ to: previous, back: true });
  return steps;
}

export interface ApplicationStatusRequest {
  readonly to: ApplicationStatus;
  /** Required for a step back (2–200 characters). */
  readonly reason?: string;
}

/** At most this many characters (code points) in one comment. */
export const COMMENT_MAX_LENGTH = 1000;

export interface ApplicationCommentRequest {
  readonly text: string;
}

export interface ApplicationComment {
  readonly id: string;
  readonly text: string;
  /** The staff member's display name. */
  readonly author: string;
  readonly at: string;
}

export interface ApplicationCommentsResponse {
  readonly comments: readonly ApplicationComment[];
}

/**
 * The query of GET API.applications (all optional; strings, as in a URL). status may be given
 * more than once (received and checked). from/to are Japanese calendar days of receipt. q finds a
 * 受付番号 or a part of the applicant's 氏名 or フリガナ (spaces ignored). device is the id of the
 * tablet that delivered it. Paging: limit (1–200, default 50) rows from offset.
 */
export interface ApplicationListQuery {
  readonly procedure?: string;
  readonly device?: string;
  readonly status?: ApplicationStatus;
  readonly from?: string;
  readonly to?: string;
  readonly q?: string;
  readonly limit?: string;
  readonly offset?: string;
}

export interface ApplicationSummary {
  readonly id: string;
  readonly receiptNumber: string;
  readonly procedure: string;
  readonly procedureName: string;
  readonly name: string; // 氏名, so staff can pick the right one
  readonly receivedAt: string;
  readonly status: ApplicationStatus;
  /** The tablet that delivered it (its name as enrolled); null for rows from before the sync protocol. */
  readonly deviceName?: string | null;
}

export interface ApplicationListResponse {
  readonly applications: readonly ApplicationSummary[];
  /** How many match the filters in all (the page is `applications`). */
  readonly total: number;
  /** Every enrolled tablet, revoked ones too, for the 端末 filter (`device=<id>`). */
  readonly devices?: readonly { readonly id: string; readonly name: string }[];
  readonly offset: number;
  readonly limit: number;
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

/** Answer to POST API.deviceCodes. The code is shown once: the back office keeps only its hash. */
export interface EnrollmentCodeResponse {
  /** 10 characters of ENROLLMENT_CODE_ALPHABET, grouped for reading aloud: "K7QM-2XPA-9R". */
  readonly code: string;
  readonly expiresAt: string;
}

/** No 0/O, 1/I/L or U/V: what an admin reads out and staff type cannot be mistaken. */
export const ENROLLMENT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const ENROLLMENT_CODE_LENGTH = 10;

export interface EnrollDeviceRequest {
  readonly code: string;
  /** What staff call the tablet (「窓口1番」), 1–40 characters. */
  readonly name: string;
  /** The tablet's ECDSA P-256 public key as a JWK (kty EC, crv P-256, x, y). */
  readonly publicKey: { readonly kty: 'EC'; readonly crv: 'P-256'; readonly x: string; readonly y: string };
}

export interface EnrollDeviceResponse {
  readonly deviceId: string;
  readonly name: string;
  readonly enrolledAt: string;
}

export interface DeviceInfo {
  readonly id: string;
  /** 端末番号: the tablet's part of its 受付番号 (R261201-07-0042 is tablet 07's). */
  readonly number: number;
  readonly name: string;
  readonly enrolledAt: string;
  /** The username of the admin who issued the code the tablet enrolled with. */
  readonly enrolledBy: string;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly lastSeenAt: string | null;
  /** How many sync envelopes of this tablet the back office holds (the head of its chain). */
  readonly lastSeq: number;
}

export interface DeviceListResponse {
  readonly devices: readonly DeviceInfo[];
}

/** 職員ID: 3–32 characters of a–z, 0–9, '.', '_' and '-'. */
export const STAFF_USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/;
export const STAFF_DISPLAY_NAME_MAX = 40;
/** A new or reset password: at least this many characters (code points). */
export const STAFF_PASSWORD_MIN = 12;

/** One row of GET API.staff. */
export interface StaffMember extends StaffInfo {
  readonly createdAt: string;
  /** Locked out for now by repeated failed sign-ins (this back-office process's throttle). */
  readonly locked?: boolean;
}

export interface StaffListResponse {
  readonly staff: readonly StaffMember[];
}

export interface CreateStaffRequest {
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly password: string;
}

export interface StaffRoleRequest {
  readonly role: StaffRole;
}

export interface StaffPasswordRequest {
  readonly password: string;
}

export type { SyncImportKeyResponse, SyncImportResponse } from './sync/import-types.ts';
