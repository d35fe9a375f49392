// Who may do what (issue 5): the one table from staff role to permissions. Every route declares
// the permission it needs (http/require-staff.ts); the role is read from the staff row on every
// request, so a changed role counts from the next request on. Never cached in the token.
//
//   permission            counter  backoffice  admin   routes today
//   session.own              ✓         ✓         ✓     GET, DELETE /api/session
//   applications.submit      ✓         –         ✓     POST /api/sync, GET /api/sync/import-key
//   applications.read        –         ✓         ✓     GET /api/applications, GET /api/applications/:id,
//                                                     GET …/:id/comments, GET …/:id/signature
//   applications.update      –         ✓         ✓     POST /api/applications/:id/transcribed,
//                                                     POST …/:id/status, POST …/:id/comments
//   my-number.reveal         –         ✓         ✓     POST /api/applications/:id/my-number
//   exports.read             –         ✓         ✓     GET /api/exports/:procedure[/check]
//   audit.verify             –         –         ✓     (an HTTP audit check, later; the CLI needs the DB)
//   staff.manage             –         –         ✓     GET, POST /api/staff, POST …/:username/role,
//                                                     POST …/:username/password
//   devices.manage           –         –         ✓     POST /api/devices/codes, GET /api/devices, POST …/:id/revoke
//   sync.import              –         ✓         ✓     POST /api/sync/import (a tablet's export file)
//
// Counter staff see their own receipts in the answer to POST /api/sync (a resend of the same
// envelopes answers the first receipts again); they never list or open others' applications.
// The back office does not send applications: the tablet keeps an application that was refused
// with 403 in its outbox and delivers it once a counter account signs in. admin holds every
// permission: a small office (and the demo) may have one person who does everything.
import type { Permission, StaffRole } from '../../shared/api.ts';
import { PERMISSIONS, STAFF_ROLES } from '../../shared/api.ts';

export const ROLE_PERMISSIONS: Readonly<Record<StaffRole, readonly Permission[]>> = {
  counter: ['session.own', 'applications.submit'],
  backoffice: [
    'session.own',
    'applications.read',
    'applications.update',
    'my-number.reveal',
    'exports.read',
    'sync.import',
  ],
  admin: [
    'session.own',
    'applications.submit',
    'applications.read',
    'applications.update',
    'my-number.reveal',
    'exports.read',
    'audit.verify',
    'staff.manage',
    'devices.manage',
    'sync.import',
  ],
};

/** For messages: 「この操作は「個人番号の表示」の権限が必要です」. */
export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'session.own': '自分のログイン情報',
  'applications.submit': '申請の送信（受付）',
  'applications.read': '申請の閲覧',
  'applications.update': '申請の状態の変更（転記済みなど）',
  'my-number.reveal': '個人番号の表示',
  'exports.read': '申請データの書き出し',
  'audit.verify': '監査ログの検証',
  'staff.manage': '職員アカウントの管理',
  'devices.manage': '端末の管理',
  'sync.import': '端末の書き出しファイルの取り込み',
};

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  counter: '窓口',
  backoffice: 'バックオフィス',
  admin: '管理者',
};

export function roleAllows(role: StaffRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** In the order of PERMISSIONS, for the sign-in and session answers. */
export function permissionsOf(role: StaffRole): Permission[] {
  return PERMISSIONS.filter((p) => roleAllows(role, p));
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}
