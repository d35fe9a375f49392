// The expected failures of an outbox write (pwa/storage/outbox.ts), as values with a Japanese
// message for staff that says what to do next. Every one of them means: nothing was stored.
import { MAX_SYNC_ENVELOPE_BYTES } from '../../shared/sync/protocol.ts';

export type OutboxErrorKind =
  | 'not-enrolled'
  | 'invalid-visit'
  | 'too-large'
  | 'quota'
  | 'conflict'
  | 'storage'
  | 'busy';

/** An expected failure of a write; nothing was stored. The message is for staff. */
export interface OutboxError {
  readonly kind: OutboxErrorKind;
  readonly message: string;
}

const MESSAGES: Readonly<Record<Exclude<OutboxErrorKind, 'too-large' | 'invalid-visit'>, string>> = {
  'not-enrolled':
    'この端末はまだ登録されていないため、申請を保存できません（何も保存されていません）。管理者から登録コードを受け取って端末を登録し、もう一度保存してください。',
  quota:
    '端末の保存領域がいっぱいのため、申請を保存できませんでした（何も保存されていません）。ネットワークにつないで送信待ちの申請を送信し、不要なデータを整理してから、もう一度保存してください。',
  conflict:
    'この申請の一部はすでに別の受付として端末に保存されています（何も保存されていません）。アプリを再読み込みして、この端末の申請の一覧を確認してください。',
  storage:
    '端末に申請を保存できませんでした（何も保存されていません）。もう一度保存してください。続くときはアプリを再読み込みしてください。',
  busy: '別の画面で保存中のため、申請を保存できませんでした（何も保存されていません）。もう一度保存してください。',
};

export const failure = (kind: keyof typeof MESSAGES): OutboxError => ({ kind, message: MESSAGES[kind] });

export function invalidVisit(message: string): OutboxError {
  return { kind: 'invalid-visit', message };
}

export function tooLarge(bytes: number): OutboxError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  const limit = MAX_SYNC_ENVELOPE_BYTES / 1024 / 1024;
  return {
    kind: 'too-large',
    message: `申請データが大きすぎるため保存できません（${mb} MB、上限 ${limit} MB。何も保存されていません）。署名を書き直すか、手続を分けて受け付けてください。`,
  };
}
