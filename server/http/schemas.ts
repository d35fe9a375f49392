// The shape of every JSON request body the back office accepts (issue 5), as valibot schemas, and
// the one way a route checks one: parseBody, which answers a typed BackOfficeError whose Japanese
// message names the field and says what to send instead. Purely structural rules live here
// (types, lengths, characters, no unknown keys); what needs the database or the flow (a step back
// needs a reason, the enrollment code is known, the key is a P-256 point) stays with the handler.
//
// Not here: the application envelope, parsed by shared/application.ts parseApplicationEnvelope
// (procedure-aware, with its own per-field problems).
//
// Lengths count code points ([...s].length), as the handlers always have, except the sign-in
// fields, which keep their UTF-16 limits. Text is trimmed before it is measured.
import * as v from 'valibot';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  COMMENT_MAX_LENGTH,
  STAFF_DISPLAY_NAME_MAX,
  STAFF_PASSWORD_MIN,
  STAFF_ROLES,
  STAFF_USERNAME_PATTERN,
} from '../../shared/api.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { BackOfficeError } from '../errors.ts';
import { isMultiLineText, isOneLineText } from '../text-rules.ts';

/** What a field is called on screen, and what a valid value looks like (ends a sentence: 「…は{rule}。」). */
export interface FieldRule {
  readonly label: string;
  readonly rule: string;
}

/** A body schema: a strict object, with a rule per key for the messages. */
export interface BodySchema<T> {
  readonly schema: v.GenericSchema<unknown, T>;
  readonly fields: Readonly<Record<string, FieldRule>>;
}

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON object (not null, not an array) with exactly these keys (optional ones may be absent). */
function body<const E extends v.ObjectEntries>(
  entries: E,
  fields: { readonly [K in keyof E]: FieldRule },
): BodySchema<v.InferOutput<v.StrictObjectSchema<E, undefined>>> {
  return {
    schema: v.pipe(v.custom<Record<string, unknown>>(isJsonObject), v.strictObject(entries)),
    fields,
  };
}

const codePoints = (s: string) => [...s].length;

/** A trimmed string of min–max code points that passes `allowed` (text-rules.ts). */
const text = (min: number, max: number, allowed: (s: string) => boolean) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.check((s) => codePoints(s) >= min && codePoints(s) <= max && allowed(s)),
  );

// 「～」is U+FF5E, the wave dash Windows and the PWA's messages use.
const range = (min: number, max: number) => `${min}～${max}文字`;
const ONE_LINE = '。改行などの制御文字と、保存できない文字は使えません';

export const REASON_MIN = 2;
export const REASON_MAX = 200;
export const DEVICE_NAME_MAX = 40;
export const ENROLLMENT_CODE_INPUT_MAX = 64;
export const REVEAL_FIELD_MAX = 60;

/** POST /api/session. The username is trimmed after its length is checked (as before). */
export const signInBody = body(
  {
    username: v.pipe(v.string(), v.minLength(1), v.maxLength(100), v.trim()),
    password: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
  },
  {
    username: { label: 'ユーザー名', rule: `${range(1, 100)}で入力してください` },
    password: { label: 'パスワード', rule: `${range(1, 1024)}で入力してください` },
  },
);
export type SignInBody = v.InferOutput<(typeof signInBody)['schema']>;

/** POST /api/applications/:id/my-number. */
export const revealMyNumberBody = body(
  {
    reason: text(REASON_MIN, REASON_MAX, isOneLineText),
    field: v.optional(v.pipe(v.string(), v.maxLength(REVEAL_FIELD_MAX))),
  },
  {
    reason: {
      label: '個人番号を表示する理由',
      rule: `${range(REASON_MIN, REASON_MAX)}で入力してください（監査記録に残ります）${ONE_LINE}`,
    },
    field: { label: '表示する項目', rule: `${REVEAL_FIELD_MAX}文字以内の項目名にしてください` },
  },
);
export type RevealMyNumberBody = v.InferOutput<(typeof revealMyNumberBody)['schema']>;

/**
 * POST /api/applications/:id/status. No reason, null, or only spaces all mean "no reason"; a step
 * back without one is refused by the flow (inbox/status.ts), not here.
 */
export const statusBody = body(
  {
    to: v.picklist(APPLICATION_STATUSES),
    reason: v.pipe(
      v.nullish(v.pipe(v.string(), v.trim())),
      v.transform((s) => (s ? s : undefined)),
      v.check((s) => s === undefined || (codePoints(s) >= REASON_MIN && codePoints(s) <= REASON_MAX)),
      v.check((s) => s === undefined || isOneLineText(s)),
    ),
  },
  {
    to: {
      label: '変更先の状態',
      rule: `${APPLICATION_STATUSES.map((s) => `${s}（${APPLICATION_STATUS_LABELS[s]}）`).join('・')}のいずれかにしてください。画面を読み込み直してください`,
    },
    reason: {
      label: '状態を戻す理由',
      rule: `${range(REASON_MIN, REASON_MAX)}で入力してください（監査記録に残ります）${ONE_LINE}`,
    },
  },
);
export type StatusBody = v.InferOutput<(typeof statusBody)['schema']>;

/** POST /api/applications/:id/comments. Line breaks and tabs may stay. */
export const commentBody = body(
  { text: text(1, COMMENT_MAX_LENGTH, isMultiLineText) },
  {
    text: {
      label: 'コメント',
      rule: `${range(1, COMMENT_MAX_LENGTH)}で入力してください。改行とタブのほかの制御文字と、保存できない文字は使えません`,
    },
  },
);
export type CommentBody = v.InferOutput<(typeof commentBody)['schema']>;

/**
 * POST /api/devices/enroll. The code is only bounded here (devices/crypto.ts normalizes what staff
 * typed and refuses what cannot be a code, audited as unknown-code); the key only has to be an
 * object (parseDevicePublicKey checks that it is a P-256 public JWK).
 */
export const enrollBody = body(
  {
    code: v.pipe(v.string(), v.maxLength(ENROLLMENT_CODE_INPUT_MAX)),
    name: v.pipe(v.string(), v.normalize('NFC'), text(1, DEVICE_NAME_MAX, isOneLineText)),
    publicKey: v.pipe(v.custom<Record<string, unknown>>(isJsonObject), v.looseObject({})),
  },
  {
    code: {
      label: '登録コード',
      rule: '管理者から受け取った登録コード（例: K7QM-2XPA-9R）を入力してください',
    },
    name: { label: '端末名', rule: `${range(1, DEVICE_NAME_MAX)}で入力してください${ONE_LINE}` },
    publicKey: {
      label: '端末の鍵',
      rule: 'JWK形式のオブジェクトにしてください。ブラウザを最新にしてアプリを再読み込みし、もう一度登録してください',
    },
  },
);
export type EnrollBody = v.InferOutput<(typeof enrollBody)['schema']>;

// Staff administration (routes/staff.ts). A password is never trimmed: every character counts.
const STAFF_PASSWORD_MAX = 1024; // UTF-16 units, as the sign-in body allows
const staffRole = v.picklist(STAFF_ROLES);
const staffPassword = v.pipe(
  v.string(),
  v.check((s) => codePoints(s) >= STAFF_PASSWORD_MIN && s.length <= STAFF_PASSWORD_MAX),
);
const STAFF_FIELDS = {
  username: {
    label: '職員ID',
    rule: '3～32文字の半角英小文字・数字・「.」「_」「-」で入力してください',
  },
  displayName: {
    label: '氏名',
    rule: `${range(1, STAFF_DISPLAY_NAME_MAX)}で入力してください${ONE_LINE}`,
  },
  role: {
    label: '役割',
    rule: 'counter（窓口）・backoffice（バックオフィス）・admin（管理者）のいずれかにしてください',
  },
  password: {
    label: 'パスワード',
    rule: `${STAFF_PASSWORD_MIN}文字以上（${STAFF_PASSWORD_MAX}文字以内）で入力してください`,
  },
} as const;

/** POST /api/staff. */
export const createStaffBody = body(
  {
    username: v.pipe(v.string(), v.trim(), v.regex(STAFF_USERNAME_PATTERN)),
    displayName: v.pipe(v.string(), v.normalize('NFC'), text(1, STAFF_DISPLAY_NAME_MAX, isOneLineText)),
    role: staffRole,
    password: staffPassword,
  },
  STAFF_FIELDS,
);
export type CreateStaffBody = v.InferOutput<(typeof createStaffBody)['schema']>;

/** POST /api/staff/:username/role. */
export const staffRoleBody = body({ role: staffRole }, { role: STAFF_FIELDS.role });
export type StaffRoleBody = v.InferOutput<(typeof staffRoleBody)['schema']>;

/** POST /api/staff/:username/password. */
export const staffPasswordBody = body({ password: staffPassword }, { password: STAFF_FIELDS.password });
export type StaffPasswordBody = v.InferOutput<(typeof staffPasswordBody)['schema']>;

/**
 * The commands without content: POST /api/applications/:id/transcribed, /api/devices/codes and
 * /api/devices/:id/revoke; read by http/body.ts readNoContentBody (no body at all is `{}` too).
 */
export const emptyBody = body({}, {});

const AGAIN = 'アプリを最新にしてから送り直してください。';

function unknownKeyMessage(key: string, fields: Readonly<Record<string, FieldRule>>): string {
  const allowed = Object.keys(fields);
  const shown = key.length > 40 ? `${[...key].slice(0, 40).join('')}…` : key;
  return allowed.length === 0
    ? `この操作には送信データの項目は要りません（「${shown}」は受け付けません）。本文なしか {} で送ってください。`
    : `「${shown}」という項目は受け付けていません（送れる項目: ${allowed.join(', ')}）。${AGAIN}`;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((item) => String(item.key)).join('.');
}

function messageFor(issue: v.BaseIssue<unknown>, fields: Readonly<Record<string, FieldRule>>): string {
  const path = pathOf(issue);
  if (!issue.path?.length) return `送信データは { } で囲んだJSONのオブジェクトにしてください。${AGAIN}`;
  const last = issue.path?.at(-1);
  if (last?.origin === 'key' && issue.expected === 'never') return unknownKeyMessage(path, fields);
  // A missing key and a wrong value read the same: what the field must be.
  const field = fields[path];
  return field
    ? `「${path}」（${field.label}）は${field.rule}。`
    : `「${path}」の値が正しくありません。${AGAIN}`;
}

/**
 * Checks a parsed JSON value against a body schema: the typed value, or an invalid-body error that
 * names the first field at fault (and lists every one in `problems`).
 */
export function parseBody<T>(spec: BodySchema<T>, value: unknown): Result<T, BackOfficeError> {
  const parsed = v.safeParse(spec.schema, value, { abortPipeEarly: true });
  if (parsed.success) return ok(parsed.output);
  const problems = parsed.issues
    .filter((issue) => issue.path?.length)
    .map((issue) => ({ key: pathOf(issue), message: messageFor(issue, spec.fields) }));
  const [first] = parsed.issues;
  return err({
    kind: 'invalid-body',
    field: pathOf(first),
    message: messageFor(first, spec.fields),
    problems,
  });
}
