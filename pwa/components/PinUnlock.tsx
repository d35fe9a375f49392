// Unlocking a card with a PIN that the resident types on the PIN pad (staff never see it): the
// 運転免許証 暗証番号1, or the My Number Card PIN when the procedure legally needs the number.
// Lockout rules as cards.md §0.2: the tries are read first without spending one, nothing is
// retried by itself, and the last try opens the pad only after staff tick the consequence.
// While the tablet is with the resident it is locked like resident mode: the lock is on disk, the
// staff screen behind the pad is inert, and the tablet only comes back through the staff password.
import { createPortal } from 'preact/compat';
import { useEffect, useState } from 'preact/hooks';
import type { Result } from '../../shared/result.ts';
import { useCardServices } from '../services.ts';
import { PinPad } from './PinPad.tsx';
import type { ReadPhase } from './ReadSteps.tsx';
import { StaffUnlock } from './StaffUnlock.tsx';
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
  const { card, staffLock } = useCardServices();
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [overlay, setOverlay] = useState<'pad' | 'handback' | null>(null);
  const [outcome, setOutcome] = useState<Awaited<ReturnType<PinRead<T>['read']>> | 'reading' | null>(null);
  const padOpen = overlay !== null;
  const [confirmLastTry, setConfirmLastTry] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useResidentLock(padOpen);
  useInertApp(padOpen);

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

  const openPad = async () => {
    await staffLock.lock(); // a reload while the resident holds the tablet lands on the unlock
    setOverlay('pad');
  };

  const read = async (pin: string) => {
    setOverlay('handback');
    setOutcome('reading');
    onPhase({ phase: 'reading' });
    const r = await spec.read(pin, confirmLastTry);
    setConfirmLastTry(false);
    setOutcome(r);
  };

  // The result is shown once the tablet is back with staff (and the read has finished).
  useEffect(() => {
    if (overlay !== null || outcome === null || outcome === 'reading') return;
    setOutcome(null);
    if (outcome.ok) {
      onRead(outcome.value);
      return;
    }
    onPhase({ phase: 'failed', error: outcome.error });
    setError(outcome.error.message);
    void refresh();
  }, [overlay, outcome]);

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
        onClick={() => void openPad()}
        data-testid="open-pin-pad"
      >
        ご本人に{spec.pinLabel}を入力してもらう
      </button>
      {overlay &&
        createPortal(
          <div class="overlay" role="dialog" aria-modal="true">
            {overlay === 'pad' ? (
              <PinPad
                triesLeft={triesLeft}
                onSubmit={(pin) => void read(pin)}
                onCancel={() => setOverlay('handback')}
              />
            ) : (
              <section class="resident stack" data-testid="hand-back">
                <h2>ありがとうございました</h2>
                <p>タブレットを職員にお返しください。</p>
                {outcome === 'reading' && <p aria-busy="true">カードを読み取っています…</p>}
                <StaffUnlock onUnlocked={() => setOverlay(null)} />
              </section>
            )}
          </div>,
          document.body,
        )}
    </div>
  );
}

/** Everything behind the overlay is unreachable by touch, keyboard and screen readers. */
function useInertApp(active: boolean): void {
  useEffect(() => {
    const app = document.getElementById('app');
    if (!app || !active) return;
    app.inert = true;
    return () => {
      app.inert = false;
    };
  }, [active]);
}
