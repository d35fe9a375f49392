// Every way a back-office request can fail, as values with a kind (style.md §13), and the one
// place that turns them into an HTTP status and a Japanese message that says what to do next.
import {
  APPLICATION_STATUS_LABELS,
  type ApiErrorBody,
  type ApiErrorKind,
  type ApplicationStatus,
  type Permission,
  type StaffRole,
} from '../shared/api.ts';
import { type EnvelopeError, envelopeErrorMessage, MAX_BODY_BYTES } from '../shared/application.ts';
import {
  type ChainHead,
  chainProblemMessage,
  type SyncEnvelopeError,
  syncEnvelopeErrorMessage,
} from '../shared/sync/envelope.ts';
import { PERMISSION_LABELS, ROLE_LABELS } from './auth/roles.ts';

export type BackOfficeError =
  | { readonly kind: 'unsupported-media-type' }
  /** limitBytes: the route's limit (default MAX_BODY_BYTES, one application). */
  | { readonly kind: 'too-large'; readonly limitBytes?: number }
  | { readonly kind: 'bad-json' }
  | { readonly kind: 'invalid-envelope'; readonly error: EnvelopeError }
  /** The signature record was made over other content than the envelope carries (tampering, a bug). */
  | { readonly kind: 'signature-mismatch' }
  | { readonly kind: 'unstorable-text' }
  /**
   * A request body that is not the shape its route accepts (http/schemas.ts parseBody): the field
   * at fault ('' for the body itself) and a message that says what to send instead.
   */
  | {
      readonly kind: 'invalid-body';
      readonly field: string;
      readonly message: string;
      readonly problems: readonly { readonly key: string; readonly message: string }[];
    }
  | { readonly kind: 'bad-query'; readonly parameter: string }
  | { readonly kind: 'unauthenticated' }
  | { readonly kind: 'bad-credentials' }
  | { readonly kind: 'too-many-attempts'; readonly retryAfterMinutes: number }
  /** Signed in, but the role lacks the permission the route declares (auth/roles.ts). */
  | { readonly kind: 'forbidden'; readonly permission: Permission; readonly role: StaffRole }
  | { readonly kind: 'application-not-found' }
  | { readonly kind: 'no-my-number' }
  /** A step the flow does not allow from the status the application has now (409). */
  | {
      readonly kind: 'status-transition-refused';
      readonly from: ApplicationStatus;
      readonly to: ApplicationStatus;
    }
  /** A step back needs a reason. */
  | { readonly kind: 'status-reason-required' }
  /**
   * Device enrollment and per-device request authentication (devices/, http/require-device.ts).
   * Unknown, used or expired code: one answer, so a guess learns nothing (the audit entry says which).
   */
  | { readonly kind: 'enroll-code-refused' }
  | { readonly kind: 'bad-public-key' }
  | { readonly kind: 'too-many-enroll-attempts'; readonly retryAfterMinutes: number }
  | { readonly kind: 'device-unknown' }
  | { readonly kind: 'device-revoked' }
  | { readonly kind: 'device-signature' }
  | { readonly kind: 'device-clock' }
  | { readonly kind: 'device-not-found' }
  | { readonly kind: 'route-not-found' }
  | { readonly kind: 'id-conflict' }
  /** The sync protocol (sync/ingest.ts). head: where the device's chain stands in the store. */
  | { readonly kind: 'invalid-sync-batch'; readonly field: string }
  | { readonly kind: 'invalid-sync-envelope'; readonly index: number; readonly error: SyncEnvelopeError }
  /** seq: the envelope of another device; 0 when the batch itself names another device. */
  | { readonly kind: 'sync-device-mismatch'; readonly seq: number }
  | { readonly kind: 'sync-signature-mismatch'; readonly seq: number; readonly applicationId: string }
  | { readonly kind: 'sync-gap'; readonly seq: number; readonly head: ChainHead }
  | {
      readonly kind: 'sync-chain';
      /** prevHash is not the head's hash / the hash is not the content's / another envelope under a taken seq. */
      readonly reason: 'broken-chain' | 'tampered' | 'fork';
      readonly seq: number;
      readonly head: ChainHead;
    }
  /** Staff administration (routes/staff.ts). */
  | { readonly kind: 'staff-not-found' }
  | { readonly kind: 'staff-username-taken'; readonly username: string }
  | { readonly kind: 'last-admin' }
  | { readonly kind: 'bad-idempotency-key' }
  | { readonly kind: 'idempotency-conflict' }
  | { readonly kind: 'internal' };

export type HttpErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500;

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
  'device-unknown': 401,
  'device-revoked': 401,
  'device-signature': 401,
  'device-clock': 401,
  'sync-gap': 409,
  'sync-chain': 409,
  'idempotency-conflict': 422,
  internal: 500,
};

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)}MB` : `${Math.round(bytes / 1024)}KB`;

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
        `送信データが大きすぎます（上限${sizeLabel(e.limitBytes ?? MAX_BODY_BYTES)}）。署名をやり直してから送信してください。`,
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
    case 'invalid-body':
      return e.problems.length > 0
        ? { kind: 'bad-request', message: e.message, problems: e.problems }
        : body('bad-request', e.message);
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
    case 'no-my-number':
      return body('not-found', 'この申請には個人番号が含まれていません。');
    case 'status-transition-refused':
      return body(
        'conflict',
        e.from === e.to
          ? `この申請はすでに「${APPLICATION_STATUS_LABELS[e.to]}」です。画面を読み込み直してください。`
          : `「${APPLICATION_STATUS_LABELS[e.from]}」から「${APPLICATION_STATUS_LABELS[e.to]}」へは変更できません（状態は一段ずつ進めるか、一段だけ戻せます）。画面を読み込み直して、いまの状態を確かめてください。`,
      );
    case 'status-reason-required':
      return body('bad-request', '状態を戻す理由を入力してください（2～200文字、監査記録に残ります）。');
    case 'enroll-code-refused':
      return body(
        'bad-request',
        '登録コードが正しくないか、使用済みか、有効期限（発行から15分）が切れています。管理者に新しい登録コードを発行してもらい、入力し直してください。',
      );
    case 'bad-public-key':
      return body(
        'bad-request',
        'この端末の鍵を登録できませんでした。ブラウザを最新にしてアプリを再読み込みし、もう一度登録してください。',
      );
    case 'too-many-enroll-attempts':
      return body(
        'too-many-attempts',
        `端末の登録に続けて失敗したため、${e.retryAfterMinutes}分ほど登録できません。時間をおいて、管理者から受け取った登録コードを確かめて入力してください。`,
      );
    case 'device-unknown':
      return body(
        'device-unknown',
        'この端末は登録されていません。管理者に登録コードを発行してもらい、端末を登録し直してください（未送信の申請は端末に保存されたままです）。',
      );
    case 'device-revoked':
      return body(
        'device-revoked',
        'この端末の登録は管理者によって取り消されています。管理者に確認し、新しい登録コードで端末を登録し直してください（未送信の申請は端末に保存されたままです）。',
      );
    case 'device-signature':
      return body(
        'device-signature',
        '端末の署名を確認できませんでした。アプリを再読み込みしてもう一度送信してください。続くときは管理者に連絡し、端末を登録し直してください。',
      );
    case 'device-clock':
      return body(
        'device-clock',
        'タブレットの時計が5分以上ずれているため送信できません。タブレットの日付と時刻を正しく設定（自動設定をオン）してから、もう一度送信してください。',
      );
    case 'device-not-found':
      return body('not-found', 'この端末は見つかりません。端末の一覧を読み込み直してください。');
    case 'route-not-found':
      return body('not-found', 'この操作には対応していません。アプリを最新にしてください。');
    case 'id-conflict':
      return body(
        'conflict',
        '同じ申請IDで内容の異なる申請がすでに受け付けられています。送り直さずに、窓口の管理者に連絡してください。',
      );
    case 'invalid-sync-batch':
      return body(
        'bad-request',
        `まとめ送信のデータ（${e.field}）が正しくありません。アプリを最新にしてから送り直してください。`,
      );
    case 'invalid-sync-envelope': {
      const message = `${e.index + 1}件目の送信データ：${syncEnvelopeErrorMessage(e.error)}`;
      const inner = e.error.kind === 'bad-application' ? e.error.error : undefined;
      return inner?.kind === 'invalid-fields'
        ? {
            kind: 'bad-request',
            message,
            problems: inner.problems.map((p) => ({ key: p.key, message: p.message })),
          }
        : body('bad-request', message);
    }
    case 'sync-device-mismatch':
      return body(
        'bad-request',
        `${e.seq > 0 ? `${e.seq}番目の送信データ` : 'この送信データ'}は別の端末のものです。この端末で作成した申請だけを送信できます。管理者に連絡してください。`,
      );
    case 'sync-signature-mismatch':
      return body(
        'bad-request',
        `${e.seq}番目の送信データ：${envelopeErrorMessage({ kind: 'signature-mismatch' })}`,
      );
    case 'sync-gap':
      return {
        kind: 'sync-gap',
        message: chainProblemMessage({ kind: 'gap', expected: e.head.seq + 1 }),
        sync: { lastSeq: e.head.seq, lastHash: e.head.hash, seq: e.seq },
      };
    case 'sync-chain':
      return {
        kind: 'sync-chain',
        message:
          e.reason === 'broken-chain'
            ? `${e.seq}番目の${chainProblemMessage({ kind: 'broken-chain' })}`
            : e.reason === 'tampered'
              ? `${e.seq}番目の送信データが作成後に変更されています（ハッシュが合いません）。送り直さずに、管理者に連絡してください。`
              : `${e.seq}番目の送信は、この番号で別の内容がすでに受け付けられています。送り直さずに、管理者に連絡してください。`,
        sync: { lastSeq: e.head.seq, lastHash: e.head.hash, seq: e.seq },
      };
    case 'staff-not-found':
      return body('not-found', 'この職員IDは見つかりません。職員の一覧を読み込み直してください。');
    case 'staff-username-taken':
      return body(
        'conflict',
        `職員ID「${e.username}」はすでに使われています。別の職員IDを入力してください。`,
      );
    case 'last-admin':
      return body(
        'conflict',
        '管理者はこの職員だけのため、役割を変更できません。先にほかの職員を管理者にしてから、もう一度変更してください。',
      );
    case 'bad-idempotency-key':
      return body(
        'bad-request',
        'Idempotency-Key（再送判定用のキー）がないか正しくありません。アプリを最新にしてから送り直してください。',
      );
    case 'idempotency-conflict':
      return body(
        'idempotency-conflict',
        '同じ再送キーで別の内容が送られました。アプリを再読み込みしてから送り直してください。続くときは管理者に連絡してください。',
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
