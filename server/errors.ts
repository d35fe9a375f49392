// Every way a back-office request can fail, as values with a kind (style.md §13), and the one
// place that turns them into an HTTP status and a Japanese message that says what to do next.
import type { ApiErrorBody, ApiErrorKind, Permission, StaffRole } from '../shared/api.ts';
import { type EnvelopeError, envelopeErrorMessage, MAX_BODY_BYTES } from '../shared/application.ts';
import { PERMISSION_LABELS, ROLE_LABELS } from './auth/roles.ts';

export type BackOfficeError =
  | { readonly kind: 'unsupported-media-type' }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'bad-json' }
  | { readonly kind: 'invalid-envelope'; readonly error: EnvelopeError }
  /** The signature record was made over other content than the envelope carries (tampering, a bug). */
  | { readonly kind: 'signature-mismatch' }
  | { readonly kind: 'unstorable-text' }
  | { readonly kind: 'bad-sign-in-request' }
  | { readonly kind: 'bad-query'; readonly parameter: string }
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'bad-credentials' }
  | { readonly kind: 'too-many-attempts'; readonly retryAfterMinutes: number }
  /** Signed in, but the role lacks the permission the route declares (auth/roles.ts). */
  | { readonly kind: 'forbidden'; readonly permission: Permission; readonly role: StaffRole }
  | { readonly kind: 'application-not-found' }
  | { readonly kind: 'reveal-reason-required' }
  | { readonly kind: 'no-my-number' }
  | { readonly kind: 'route-not-found' }
  | { readonly kind: 'id-conflict' }
  | { readonly kind: 'internal' };

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500;

export interface HttpError {
  readonly status: HttpErrorStatus;
  readonly body: { readonly error: ApiErrorBody };
}

const STATUS: Readonly<Record<ApiErrorKind, HttpErrorStatus>> = {
  'bad-request': 400,
  unauthenticated: 401,
  'bad-credentials': 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'unsupported-media-type': 415,
  'too-many-attempts': 429,
  internal: 500,
};

const LIMIT_KB = Math.round(MAX_BODY_BYTES / 1024);

function describe(e: BackOfficeError): ApiErrorBody {
  const body = (kind: ApiErrorKind, message: string): ApiErrorBody => ({ kind, message });
  switch (e.kind) {
    case 'unsupported-media-type':
      return body(
        'unsupported-media-type',
        '送信データの形式が application/json ではありません。アプリを最新にしてから送り直してください。',
      );
    case 'too-large':
      return body(
        'too-large',
        `送信データが大きすぎます（上限${LIMIT_KB}KB）。署名をやり直してから送信してください。`,
      );
    case 'bad-json':
      return body(
        'bad-request',
        '送信データを読み取れませんでした（JSONの形式が正しくありません）。アプリを最新にしてから送り直してください。',
      );
    case 'invalid-envelope':
      return e.error.kind === 'invalid-fields'
        ? {
            kind: 'bad-request',
            message: envelopeErrorMessage(e.error),
            problems: e.error.problems.map((p) => ({ key: p.key, message: p.message })),
          }
        : body('bad-request', envelopeErrorMessage(e.error));
    case 'signature-mismatch':
      return body('bad-request', envelopeErrorMessage({ kind: 'signature-mismatch' }));
    case 'unstorable-text':
      return body(
        'bad-request',
        '申請データに保存できない文字が含まれています。入力し直してから送信してください。',
      );
    case 'bad-sign-in-request':
      return body('bad-request', 'ユーザー名とパスワードを入力してください。');
    case 'bad-query':
      return body(
        'bad-request',
        `検索条件「${e.parameter}」が正しくありません。画面を読み込み直してください。`,
      );
    case 'unauthenticated':
      return body(
        'unauthenticated',
        'ログインしていないか、ログインの有効期限が切れています。もう一度ログインしてください。',
      );
    case 'bad-credentials':
      // Same words whether the user exists or not: the answer must not reveal valid usernames.
      return body(
        'bad-credentials',
        'ユーザー名またはパスワードが違います。確かめてもう一度入力してください。',
      );
    case 'too-many-attempts':
      return body(
        'too-many-attempts',
        `ログインに続けて失敗したため、この職員IDは${e.retryAfterMinutes}分ほどログインできません。時間をおいて正しいパスワードでお試しください。わからない場合は管理者に連絡してください。`,
      );
    case 'forbidden':
      return body(
        'forbidden',
        `この操作は「${PERMISSION_LABELS[e.permission]}」の権限が必要です（この職員IDの役割: ${ROLE_LABELS[e.role]}）。管理者に権限を確認してください。`,
      );
    case 'application-not-found':
      return body('not-found', 'この申請は見つかりません。一覧を読み込み直してください。');
    case 'reveal-reason-required':
      return body(
        'bad-request',
        '個人番号を表示する理由を入力してください（2〜200文字、監査記録に残ります）。',
      );
    case 'no-my-number':
      return body('not-found', 'この申請には個人番号が含まれていません。');
    case 'route-not-found':
      return body('not-found', 'この操作には対応していません。アプリを最新にしてください。');
    case 'id-conflict':
      return body(
        'conflict',
        '同じ申請IDで内容の異なる申請がすでに受け付けられています。送り直さずに、窓口の管理者に連絡してください。',
      );
    case 'internal':
      return body(
        'internal',
        'サーバーで問題が起きました。しばらく待ってからもう一度お試しください。続くときは管理者に連絡してください。',
      );
  }
}

export function toHttpError(e: BackOfficeError): HttpError {
  const error = describe(e);
  return { status: STATUS[error.kind], body: { error } };
}
