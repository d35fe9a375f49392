// 運転免許証: the resident types 暗証番号1 on the PIN pad (staff never see it); the licence's
// 記載事項 fill the form. Same lockout rules as the My Number Card: tries read first without
// spending one, nothing retried by itself, the last try only after a staff decision.
import { useEffect, useState } from 'preact/hooks';
import type { CardEvidence } from '../../shared/application.ts';
import { licenceErrorMessage } from '../../shared/card/licence/errors.ts';
import { formatDateJa } from '../../shared/wareki.ts';
import { useServices } from '../services.ts';
import { PinPad } from './PinPad.tsx';
import type { ReadPhase } from './ReadSteps.tsx';
import { useResidentLock } from './use-resident-lock.ts';

export interface LicenceResult {
  readonly fields: Readonly<Record<string, string>>;
  readonly evidence: CardEvidence;
}

interface Props {
  readonly refreshKey: number; // bumps when the card or the reader changes
  readonly onPhase: (phase: ReadPhase) => void;
  readonly onRead: (result: LicenceResult) => void;
}

export function LicenceUnlock({ refreshKey, onPhase, onRead }: Props) {
  const { card } = useServices();
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [padOpen, setPadOpen] = useState(false);
  const [confirmLastTry, setConfirmLastTry] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useResidentLock(padOpen);

  const refresh = async () => {
    const r = await card.licenceTriesLeft();
    setTriesLeft(r.ok ? r.value : null);
    onPhase({ phase: 'idle', cardSeen: r.ok });
  };
  // Re-read the tries whenever the card or the reader changes (refreshKey).
  useEffect(() => {
    setError(null);
    setConfirmLastTry(false);
    void refresh();
  }, [card, refreshKey]);

  const read = async (pin1: string) => {
    setPadOpen(false);
    onPhase({ phase: 'reading' });
    const r = await card.readLicence({ pin1, confirmLastTry });
    setConfirmLastTry(false);
    if (!r.ok) {
      onPhase({ phase: 'failed', error: r.error });
      setError(licenceErrorMessage(r.error));
      const t = await card.licenceTriesLeft();
      setTriesLeft(t.ok ? t.value : null);
      return;
    }
    const { licence, evidence } = r.value;
    if (licence.expired) {
      onPhase({ phase: 'failed', error: { kind: 'card-expired' } });
      setError(
        `この運転免許証は有効期限（${formatDateJa(licence.expiryDate)}）が切れています。本人確認には使えません。他の本人確認書類を見ながら手入力で進めてください。`,
      );
      return;
    }
    onRead({
      fields: { name: licence.name, birthDate: licence.birthDate, previousAddress: licence.address },
      evidence: { source: 'drivers-licence', unlockedWith: 'pin', checks: [...evidence.checks] },
    });
  };

  const lastTry = triesLeft === 1;
  return (
    <div class="stack">
      <p>運転免許証をリーダーに置き、ご本人に暗証番号1（4桁）を入力していただきます。職員には見えません。</p>
      {triesLeft !== null && (
        <p class={`message ${triesLeft <= 1 ? 'error' : 'info'}`} data-testid="licence-tries-left">
          暗証番号1の残り入力回数：{triesLeft}回
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
          残り1回です。間違えると暗証番号がロックされ、ご本人が警察署または運転免許センターで解除の手続をする必要があります。ご本人に確認のうえ、職員の判断で続けます。
        </label>
      )}
      {error && (
        <p class="message error" role="alert" data-testid="card-error">
          {error}
        </p>
      )}
      <button
        type="button"
        class="primary"
        disabled={triesLeft === null || triesLeft === 0 || (lastTry && !confirmLastTry)}
        onClick={() => setPadOpen(true)}
        data-testid="open-pin-pad"
      >
        ご本人に暗証番号1を入力してもらう
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
