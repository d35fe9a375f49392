// The reading screen shows each step (reader → card → unlock → read → check) and where it stopped,
// so staff know what to fix: the reader, the card's position, the 照合番号B, or the card itself.
import type { CardReadError } from '../../shared/card/errors.ts';

export type StepId = 'reader' | 'card' | 'unlock' | 'read' | 'check';
type StepState = 'waiting' | 'active' | 'done' | 'failed';

export type ReadPhase =
  | { readonly phase: 'idle'; readonly cardSeen: boolean }
  | { readonly phase: 'reading' }
  | { readonly phase: 'done'; readonly checks: readonly string[] }
  | { readonly phase: 'failed'; readonly error: CardReadError | { readonly kind: string } };

const STEPS: readonly { readonly id: StepId; readonly label: string }[] = [
  { id: 'reader', label: 'リーダー' },
  { id: 'card', label: 'カード' },
  { id: 'unlock', label: '照合' },
  { id: 'read', label: '読み取り' },
  { id: 'check', label: '真正性の確認' },
];

/** The step at which each error stops the read. */
export function failedStep(kind: string): StepId {
  switch (kind) {
    case 'transport-failed':
    case 'reader-not-connected':
      return 'reader';
    case 'no-card':
    case 'not-mynumber-card':
    case 'not-drivers-licence':
    case 'card-expired':
      return 'card';
    case 'wrong-collation-b':
    case 'collation-b-blocked':
    case 'invalid-collation-b':
    case 'wrong-pin':
    case 'pin-blocked':
    case 'last-try-needs-confirmation':
    case 'invalid-pin1':
    case 'wrong-pin1':
    case 'pin1-blocked':
    case 'pin1-last-try':
      return 'unlock';
    case 'data-not-authentic':
      return 'check';
    default:
      return 'read';
  }
}

function states(p: ReadPhase): Record<StepId, StepState> {
  const all = (s: StepState) => ({ reader: s, card: s, unlock: s, read: s, check: s });
  if (p.phase === 'idle') return { ...all('waiting'), reader: 'done', card: p.cardSeen ? 'done' : 'active' };
  if (p.phase === 'reading') return { ...all('active'), reader: 'done' };
  if (p.phase === 'done') return all('done');
  const stop = STEPS.findIndex((s) => s.id === failedStep(p.error.kind));
  return Object.fromEntries(
    STEPS.map((s, i) => [s.id, i < stop ? 'done' : i === stop ? 'failed' : 'waiting']),
  ) as Record<StepId, StepState>;
}

const MARK: Record<StepState, string> = { waiting: '○', active: '…', done: '✔', failed: '✖' };
const STATE_LABEL: Record<StepState, string> = {
  waiting: '未実施',
  active: '処理中',
  done: '完了',
  failed: '失敗',
};

export function ReadSteps({ phase }: { readonly phase: ReadPhase }) {
  const s = states(phase);
  return (
    <ol class="read-steps" data-testid="read-steps" aria-label="読み取りの手順">
      {STEPS.map((step) => (
        <li key={step.id} class={`step ${s[step.id]}`} data-step={step.id} data-state={s[step.id]}>
          <span aria-hidden="true">{MARK[s[step.id]]}</span> {step.label}
          <span class="visually-hidden">：{STATE_LABEL[s[step.id]]}</span>
        </li>
      ))}
    </ol>
  );
}

/** What each recorded check means, for staff. Unknown names are shown as they are. */
export const CHECK_LABELS: Readonly<Record<string, string>> = {
  'read-ok': 'カードから読み取りました',
  'digests-ok': 'データがカード発行時から変わっていないことを確認しました（ハッシュ一致）',
  'signature-ok': '発行者（J-LIS）の署名を確認しました',
  'card-present-ok': '本物のカードがその場にあることを確認しました（カードによる署名）',
  'ca-unknown': '発行者の公開鍵が設定されていないため、署名は確認できませんでした',
  'my-number-digest-not-checked': '個人番号は読み取っていないため、個人番号のハッシュは確認していません',
  'signature-not-checked': '発行者の公開鍵が未設定のため、署名は確認していません（ハッシュは確認済み）',
  'card-present-not-checked': 'カード本体の確認（チャレンジ署名）は行っていません',
  'integrity-not-readable': 'このカードでは改ざん検知用のデータを読み取れませんでした',
  'test-hierarchy': '試験用の発行者鍵で署名されたカードです（本番のカードではありません）',
};
