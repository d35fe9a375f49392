// Every error and fill problem the extension can show, as a kind, and the one place that turns
// them into Japanese that says what to do next (style.md §13).
import type { FieldOutcome, FillProblem } from './fill.ts';

export type ExtensionError =
  | { readonly kind: 'bad-backoffice-url'; readonly url: string }
  | { readonly kind: 'unreachable' }
  | { readonly kind: 'bad-credentials' }
  | { readonly kind: 'session-expired' }
  | { readonly kind: 'not-signed-in' }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'server'; readonly status: number; readonly message?: string }
  | { readonly kind: 'bad-response' }
  | { readonly kind: 'no-application-chosen' }
  | { readonly kind: 'already-transcribed'; readonly receiptNumber: string }
  | { readonly kind: 'procedure-mismatch'; readonly procedureName: string; readonly screenName: string }
  | { readonly kind: 'extension'; readonly detail: string };

/** Errors after which the popup shows the sign-in form again. */
export function needsSignIn(e: ExtensionError): boolean {
  return e.kind === 'session-expired' || e.kind === 'not-signed-in';
}

export function extensionErrorMessage(e: ExtensionError): string {
  switch (e.kind) {
    case 'bad-backoffice-url':
      return `バックオフィスのURL「${e.url}」が正しくありません（例：http://127.0.0.1:8787）。入力し直してください。`;
    case 'unreachable':
      return 'バックオフィスに接続できません。URLとネットワークを確認し、サーバーが動いているか管理者に確認してください。';
    case 'bad-credentials':
      return '職員IDまたはパスワードが違います。入力し直してください。';
    case 'session-expired':
      return 'サインインの有効期限が切れました。もう一度サインインしてください。';
    case 'not-signed-in':
      return 'サインインしていません。拡張機能のポップアップからサインインしてください。';
    case 'not-found':
      return '申請が見つかりません。一覧を更新して選び直してください。';
    case 'server':
      // The back office writes its own Japanese message with a next step (shared/api.ts).
      return (
        e.message ??
        `バックオフィスでエラーが起きました（HTTP ${e.status}）。しばらくしてからやり直し、続く場合は管理者に連絡してください。`
      );
    case 'bad-response':
      return 'バックオフィスの応答を読み取れません。URLがKakanaiのバックオフィスを指しているか確認してください。';
    case 'no-application-chosen':
      return '拡張機能のポップアップで申請を選んでください。';
    case 'already-transcribed':
      return `申請 ${e.receiptNumber} はすでに転記済みです。二重登録にならないよう、ポップアップで別の申請を選んでください。`;
    case 'procedure-mismatch':
      return `選んだ申請（${e.procedureName}）はこの画面（${e.screenName}）では入力できません。申請を選び直してください。`;
    case 'extension':
      return '拡張機能と通信できませんでした。ページを再読み込みしてから、やり直してください。';
  }
}

const quote = (chars: readonly string[]) => chars.map((c) => `"${c}"`).join('、');

export function fillProblemMessage(p: FillProblem): string {
  switch (p.kind) {
    case 'unencodable':
      return `${quote(p.chars)} はこのシステムの文字コード（Shift_JIS）で使えません。外字の扱いに従って手で入力してください。`;
    case 'too-many-bytes':
      return `${p.bytes}バイトあり、この欄の上限${p.limit}バイト（全角${Math.floor(p.limit / 2)}文字）を超えます。省略の扱いに従って手で入力してください。`;
    case 'too-long':
      return `${p.length}文字あり、この欄の上限${p.limit}文字を超えます。手で入力してください。`;
    case 'no-half-width-form':
      return `${quote(p.chars)} は半角カナにできません。読みを確認して手で入力してください。`;
    case 'not-kana':
      return `${quote(p.chars)} は半角カナの欄に入力できません。手で入力してください。`;
    case 'invalid-date':
      return `日付「${p.value}」を和暦にできません。手で入力してください。`;
    case 'invalid-postal-code':
      return `郵便番号「${p.value}」が7桁の数字ではありません。手で入力してください。`;
    case 'no-mapping':
    case 'no-option':
      return `「${p.value}」に当たる選択肢がこの画面にありません。手で選んでください。`;
    case 'source-empty':
      return '申請にこの項目の値がありません。必要なら手で入力してください。';
    case 'source-is-list':
      return '申請のこの項目は複数行の一覧なので、1つの欄には入力できません。申請の内容を見て手で入力してください。';
    case 'not-editable':
      return 'この欄は入力できない状態です。画面の状態を確認してください。';
    case 'unsupported-element':
      return `入力欄の種類（${p.tag}）に対応していません。手で入力してください。`;
  }
}

export function fieldOutcomeMessage(o: FieldOutcome): string {
  switch (o.status) {
    case 'filled':
      return o.value;
    case 'flagged':
      return fillProblemMessage(o.problem);
    case 'missing':
      return '入力欄が画面に見つかりません。画面が変わった可能性があります。手で入力し、管理者に連絡してください。';
  }
}
