// The dashboard's client for the back-office API (same origin, bearer token). Every failure is a
// value with the server's Japanese message, or one saying the server cannot be reached.
import {
  API,
  type ApiErrorBody,
  type ApplicationComment,
  type ApplicationCommentsResponse,
  type ApplicationDetail,
  type ApplicationListResponse,
  type ApplicationStatus,
  type CreateStaffRequest,
  type DeviceInfo,
  type DeviceListResponse,
  type EnrollmentCodeResponse,
  type RevealMyNumberResponse,
  type SessionInfo,
  type SignInResponse,
  type StaffListResponse,
  type StaffMember,
  type StaffRole,
} from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { SyncImportResponse } from '../../shared/sync/import-types.ts';

export interface ApiFailure {
  readonly status: number; // 0: unreachable
  readonly message: string;
}

export type ApiResult<T> = Result<T, ApiFailure>;

const UNREACHABLE = 'サーバーに接続できません。ネットワークを確認して、もう一度お試しください。';

async function call(
  path: string,
  init: RequestInit,
  token: string | undefined,
): Promise<ApiResult<Response>> {
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, cache: 'no-store' });
  } catch {
    return err({ status: 0, message: UNREACHABLE });
  }
  if (response.ok) return ok(response);
  const body = (await response.json().catch(() => undefined)) as { error?: ApiErrorBody } | undefined;
  return err({ status: response.status, message: body?.error?.message ?? UNREACHABLE });
}

async function json<T>(path: string, init: RequestInit, token: string | undefined): Promise<ApiResult<T>> {
  const r = await call(path, init, token);
  if (!r.ok) return r;
  return ok((await r.value.json()) as T);
}

const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export interface ListFilters {
  readonly procedure: string;
  /** The id of the tablet that delivered it. */
  readonly device: string;
  readonly status: ApplicationStatus | '';
  readonly from: string;
  readonly to: string;
  readonly q: string;
  readonly offset: number;
}

export const PAGE_SIZE = 50;

export function listQuery(f: ListFilters): string {
  const params = new URLSearchParams();
  for (const key of ['procedure', 'device', 'status', 'from', 'to', 'q'] as const)
    if (f[key] !== '') params.set(key, f[key]);
  params.set('limit', String(PAGE_SIZE));
  params.set('offset', String(f.offset));
  return params.toString();
}

export const api = {
  signIn: (username: string, password: string) =>
    json<SignInResponse>(API.session, post({ username, password }), undefined),
  session: (token: string) => json<SessionInfo>(API.session, {}, token),
  signOut: (token: string) => call(API.session, { method: 'DELETE' }, token),
  list: (token: string, f: ListFilters) =>
    json<ApplicationListResponse>(`${API.applications}?${listQuery(f)}`, {}, token),
  detail: (token: string, id: string) => json<ApplicationDetail>(API.application(id), {}, token),
  reveal: (token: string, id: string, field: string, reason: string) =>
    json<RevealMyNumberResponse>(API.revealMyNumber(id), post({ field, reason }), token),
  changeStatus: (token: string, id: string, to: ApplicationStatus, reason: string) =>
    json<ApplicationDetail>(
      API.applicationStatus(id),
      post(reason.trim() === '' ? { to } : { to, reason }),
      token,
    ),
  comments: (token: string, id: string) =>
    json<ApplicationCommentsResponse>(API.applicationComments(id), {}, token),
  addComment: (token: string, id: string, text: string) =>
    json<ApplicationComment>(API.applicationComments(id), post({ text }), token),
  async signature(token: string, id: string): Promise<ApiResult<Blob>> {
    const r = await call(API.applicationSignature(id), {}, token);
    return r.ok ? ok(await r.value.blob()) : r;
  },
  /** A tablet's export file, as the text it holds (JSON), to POST /api/sync/import. */
  devices: (token: string) => json<DeviceListResponse>(API.devices, {}, token),
  issueDeviceCode: (token: string) =>
    json<EnrollmentCodeResponse>(API.deviceCodes, { method: 'POST' }, token),
  revokeDevice: (token: string, id: string) =>
    json<DeviceInfo>(API.deviceRevoke(id), { method: 'POST' }, token),
  staff: (token: string) => json<StaffListResponse>(API.staff, {}, token),
  createStaff: (token: string, member: CreateStaffRequest) =>
    json<StaffMember>(API.staff, post(member), token),
  changeStaffRole: (token: string, username: string, role: StaffRole) =>
    json<StaffMember>(API.staffRole(username), post({ role }), token),
  /** 204: the member's sessions have ended. */
  resetStaffPassword: (token: string, username: string, password: string) =>
    call(API.staffPassword(username), post({ password }), token),
  importFile: (token: string, fileText: string) =>
    json<SyncImportResponse>(
      API.syncImport,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: fileText },
      token,
    ),
};

const TOKYO = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 2026-12-01T00:31:00.000Z → 2026/12/01 09:31 (Japan time). */
export const tokyoTime = (iso: string): string => TOKYO.format(new Date(iso));
