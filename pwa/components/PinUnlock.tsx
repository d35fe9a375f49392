// Unlocking a card with a PIN that the resident types on the PIN pad (staff never see it): the
// 運転免許証 暗証番号1, or the My Number Card PIN when the procedure legally needs the number.
// Lockout rules as cards.md §0.2: the tries are read first without spending one, nothing is
// retried by itself, and the last try opens the pad only after staff tick the consequence.
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../../shared/result.ts';
import { useServices } from '../services.ts';
import { PinPad } from './PinPad.tsx';
import type { ReadPhase } from './ReadSteps.tsx';
import { useResidentLock } from './use-resident-lock.ts';

export interface PinRead<T> {
  /** e.g. 暗証番号1 */
  readonly pinLabel: string;
  readonly instructions: string;
  /** What happens if the last try is wrong, and where the resident goes then. */
  readonly lockConsequence: string;
  readonly triesLeft: () => Promise<Result<number, unknown>>;
  /** Reads the card; a failure comes with its Japanese message (and a kind for the steps). */
  readonly read: (
    pin: string,
    confirmLastTry: boolean,
  ) => Promise<Result<T, { readonly kind: string; readonly message: string }>>;
}

interface Props<T> {
  readonly spec: PinRead<T>;
  readonly refreshKey: number; // bumps when the card or the reader changes
  /** Set when the card must not be used (e.g. expired): the pad stays shut. */
  readonly refusal?: string | null;
  readonly onPhase: (phase: ReadPhase) => void;
  readonly onRead: (result: T) => void;
}

export function PinUnlock<T>({ spec, refreshKey, refusal, onPhase, onRead }: Props<T>) {
  const { card } = useServices();
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [padOpen, setPadOpen] = useState(false);
  const [confirmLastTry, setConfirmLastTry] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useResidentLock(padOpen);

  const refresh = async () => {
    const r = await spec.triesLeft();
    setTriesLeft(r.ok ? r.value : null);
    return r.ok;
  };
  // Re-read the tries whenever the card or the reader changes (refreshKey).
  useEffect(() => {
    setError(null);
    setConfirmLastTry(false);
    void refresh().then((seen) => onPhase({ phase: 'idle', cardSeen: seen }));
  }, [card, refreshKey]);

  const read = async (pin: string) => {
    setPadOpen(false);
    onPhase({ phase: 'reading' });
    const r = await spec.read(pin, confirmLastTry);
    setConfirmLastTry(false);
    if (r.ok) {
      onRead(r.value);
      return;
    }
    onPhase({ phase: 'failed', error: r.error });
    setError(r.error.message);
    await refresh();
  };

  const lastTry = triesLeft === 1;
  return (
    <div class="stack">
      <p>{spec.instructions}</p>
      {triesLeft !== null && (
        <p class={`message ${triesLeft <= 1 ? 'error' : 'info'}`} data-testid="pin-tries-left">
          {spec.pinLabel}の残り入力回数：{triesLeft}回
        </p>
      )}
      {lastTry && (
        <label class="message warn">
          <input
            type="checkbox"
            checked={confirmLastTry}
            onChange={(e) => setConfirmLastTry(e.currentTarget.checked)}
            data-testid="confirm-last-try"
          />{' '}
          残り1回です。{spec.lockConsequence}ご本人に確認のうえ、職員の判断で続けます。
        </label>
      )}
      {refusal && (
        <p class="message error" role="alert" data-testid="card-expired">
          {refusal}
        </p>
      )}
      {error && (
        <p class="message error" role="alert" data-testid="card-error">
          {error}
        </p>
      )}
      <button
        type="button"
        class="primary"
        disabled={Boolean(refusal) || triesLeft === null || triesLeft === 0 || (lastTry && !confirmLastTry)}
        onClick={() => setPadOpen(true)}
        data-testid="open-pin-pad"
      >
        ご本人に{spec.pinLabel}を入力してもらう
      </button>
      {padOpen && (
        <div class="overlay" role="dialog" aria-modal="true">
          <PinPad
            triesLeft={triesLeft}
            onSubmit={(pin) => void read(pin)}
            onCancel={() => setPadOpen(false)}
          />
        </div>
      )}
    </div>
  );
}
