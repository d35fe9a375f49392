// Reading the My Number Card with 照合番号B: no PIN, so no lockout risk at the counter.
// Before anything is typed the card's expiry and tries left are read (no try spent); nothing is
// retried by itself; the last try is only spent after staff confirm what happens if it is wrong.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CardEvidence } from '../../shared/application.ts';
import { buildCollationB, collationBErrorMessage } from '../../shared/card/collation-b.ts';
import { cardErrorMessage } from '../../shared/card/errors.ts';
import type { CardAttributes } from '../../shared/procedures/types.ts';
import { formatDateJa, fromWareki } from '../../shared/wareki.ts';
import { licencePinRead, myNumberPinRead } from '../card/pin-reads.ts';
import { CollationBInput, type CollationBParts, EMPTY_PARTS } from '../components/CollationBInput.tsx';
import { PinUnlock } from '../components/PinUnlock.tsx';
import { ReaderPanel } from '../components/ReaderPanel.tsx';
import { type ReadPhase, ReadSteps } from '../components/ReadSteps.tsx';
import { useCardStatus } from '../components/use-card-status.ts';
import { useCardServices } from '../services.ts';

export interface CardResult {
  /** What the card holds (name, birth date, sex, address; the My Number only on the PIN path). */
  readonly fields: CardAttributes;
  readonly evidence: CardEvidence;
}

interface Props {
  /** The chosen procedures, for the heading. */
  readonly title: string;
  /** Some chosen procedure legally needs the My Number: the PIN path instead of 照合番号B. */
  readonly needsMyNumber: boolean;
  readonly onBack: () => void;
  readonly onRead: (card: CardResult) => void;
}

export function CardRead({ title, needsMyNumber, onBack, onRead }: Props) {
  const { card } = useCardServices();
  const [parts, setParts] = useState<CollationBParts>(EMPTY_PARTS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ReadPhase | null>(null);
  const [lastTryPending, setLastTryPending] = useState<string | null>(null); // the 照合番号B awaiting confirmation
  const [readerName, setReaderName] = useState('');
  const [status, refreshStatus] = useCardStatus();
  const [cardKind, setCardKind] = useState<'mynumber' | 'licence'>('mynumber');
  const [pinPhase, setPinPhase] = useState<ReadPhase>({ phase: 'idle', cardSeen: false });
  const pinRead = useMemo(
    () => (cardKind === 'licence' ? licencePinRead(card) : needsMyNumber ? myNumberPinRead(card) : null),
    [card, cardKind, needsMyNumber],
  );
  const [refreshKey, setRefreshKey] = useState(0);
  const myNumberPhase: ReadPhase = busy
    ? { phase: 'reading' }
    : (failure ?? { phase: 'idle', cardSeen: status.triesLeft !== null });
  const phase = pinRead ? pinPhase : myNumberPhase;

  const reset = () => {
    setFailure(null);
    setError(null);
    setLastTryPending(null);
  };
  const nameRequest = useRef(0);
  const onReaderChanged = () => {
    reset();
    setRefreshKey((k) => k + 1);
    // Only the latest answer counts: the first (on mount) may come back after a USB connect.
    const request = ++nameRequest.current;
    void card.readerName().then((name) => {
      if (request === nameRequest.current) setReaderName(name);
    });
    if (cardKind === 'mynumber') void refreshStatus();
  };
  useEffect(onReaderChanged, [card]);

  const readCard = async (collationB: string, confirmLastTry: boolean) => {
    setBusy(true);
    reset();
    const result = await card.readWithCollationB({ collationB, confirmLastTry });
    setBusy(false);
    if (!result.ok) {
      if (result.error.kind === 'last-try-needs-confirmation') setLastTryPending(collationB);
      setFailure({ phase: 'failed', error: result.error });
      setError(cardErrorMessage(result.error));
      void refreshStatus();
      return;
    }
    setParts(EMPTY_PARTS); // the 照合番号B parts are not kept once the card is read
    const info = result.value;
    onRead({
      fields: { name: info.name, birthDate: info.birthDate, sex: info.sex, address: info.address },
      evidence: info.evidence,
    });
  };

  const submit = (e: Event) => {
    e.preventDefault();
    reset();
    const birthDate = fromWareki(parts.era, Number(parts.year), Number(parts.month), Number(parts.day));
    if (!birthDate) {
      setError('生年月日が正しくありません。カード券面の元号・年・月・日を確かめてください。');
      return;
    }
    const collationB = buildCollationB({
      birthDate,
      expiryYear: Number(parts.expiryYear),
      securityCode: parts.securityCode,
    });
    if (!collationB.ok) setError(collationBErrorMessage(collationB.error));
    else void readCard(collationB.value, false);
  };

  const expiredMessage = status.expiryDate
    ? `このカードは有効期限（${formatDateJa(status.expiryDate)}）が切れています。有効期限切れのカードは本人確認に使えません。更新の手続をご案内し、今回は他の本人確認書類を見ながら手入力で進めてください。`
    : null;

  const manual = () =>
    onRead({ fields: {}, evidence: { source: 'manual', unlockedWith: 'none', checks: [] } });

  return (
    <main class="stack">
      <h2>{title}：本人確認書類の読み取り</h2>
      <fieldset class="row">
        <legend class="visually-hidden">読み取るカード</legend>
        {(['mynumber', 'licence'] as const).map((k) => (
          <button
            type="button"
            key={k}
            aria-pressed={cardKind === k}
            class={cardKind === k ? 'primary' : ''}
            onClick={() => {
              setCardKind(k);
              reset();
            }}
            data-testid={`card-kind-${k}`}
          >
            {k === 'mynumber' ? 'マイナンバーカード' : '運転免許証'}
          </button>
        ))}
      </fieldset>
      <div class="grid-2">
        <ReaderPanel
          cardKind={cardKind}
          readerName={readerName}
          onReaderChanged={onReaderChanged}
          onCardChanged={onReaderChanged}
        />
        {pinRead ? (
          <div class="stack card-panel">
            <ReadSteps phase={phase} />
            <PinUnlock
              spec={pinRead}
              refreshKey={refreshKey}
              refusal={cardKind === 'mynumber' && status.expired ? expiredMessage : null}
              onPhase={setPinPhase}
              onRead={onRead}
            />
            <div class="row">
              <button type="button" onClick={onBack}>
                戻る
              </button>
              <button type="button" onClick={manual} data-testid="manual-entry">
                カードなしで手入力する
              </button>
            </div>
          </div>
        ) : (
          <form class="stack card-panel" onSubmit={submit}>
            <ReadSteps phase={phase} />
            <p>カードをリーダーに置き、券面の情報から照合番号Bを入力してください。暗証番号は使いません。</p>
            {status.expiryDate && !status.expired && (
              <p class="hint" data-testid="card-info">
                カードの有効期限：{formatDateJa(status.expiryDate)}
                {status.serialNumber && `（シリアル番号 ${status.serialNumber}）`}
              </p>
            )}
            {status.error && !error && (
              <p class="message warn" role="status" data-testid="card-status-error">
                {cardErrorMessage(status.error)}
              </p>
            )}
            {status.expired && expiredMessage && (
              <p class="message error" role="alert" data-testid="card-expired">
                {expiredMessage}
              </p>
            )}
            <CollationBInput value={parts} onChange={setParts} disabled={busy} />
            {status.triesLeft !== null && (
              <p class={`message ${status.triesLeft <= 3 ? 'warn' : 'info'}`} data-testid="tries-left">
                照合番号Bの残り入力回数：{status.triesLeft}回
              </p>
            )}
            {error && (
              <p class="message error" role="alert" data-testid="card-error">
                {error}
              </p>
            )}
            {lastTryPending && (
              <button
                type="button"
                class="danger"
                onClick={() => void readCard(lastTryPending, true)}
                data-testid="confirm-last-try"
              >
                内容を確認しました。最後の1回を使って読み取る（職員の判断）
              </button>
            )}
            <div class="row">
              <button type="button" onClick={onBack}>
                戻る
              </button>
              <button type="button" onClick={() => void refreshStatus()} data-testid="check-card">
                カードを確認
              </button>
              <button type="button" onClick={manual} data-testid="manual-entry">
                カードなしで手入力する
              </button>
              <button class="primary" type="submit" disabled={busy || status.expired} data-testid="read-card">
                {busy ? '読み取り中…' : 'カードを読み取る'}
              </button>
            </div>
          </form>
        )}
      </div>
    </main>
  );
}
