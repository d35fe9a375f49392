// The ways an export can fail besides the back office's common ones (server/errors.ts), with
// their Japanese messages. Kept here while errors.ts is being changed elsewhere; they can move
// into BackOfficeError as they are.
import type { Context } from 'hono';
import type { ApiErrorBody } from '../../shared/api.ts';
import type { BackOfficeError } from '../errors.ts';
import { failure } from '../http/env.ts';

export type ExportError =
  | BackOfficeError
  | { readonly kind: 'procedure-not-found' }
  /** includeMyNumber=1 without a reason of 2–200 characters. */
  | { readonly kind: 'export-reason-required' };

export function exportFailure(c: Context, e: ExportError): Response {
  const answer = (status: 400 | 404, error: ApiErrorBody) => c.json({ error }, status);
  switch (e.kind) {
    case 'procedure-not-found':
      return answer(404, {
        kind: 'not-found',
        message: 'この手続は見つかりません。手続の一覧を読み込み直してください。',
      });
    case 'export-reason-required':
      return answer(400, {
        kind: 'bad-request',
        message:
          '個人番号を出力する理由を入力してください（2～200文字、監査記録に残ります）。個人番号が要らなければ含めずに出力してください。',
      });
    default:
      return failure(c, e);
  }
}
