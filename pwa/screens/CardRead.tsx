// Reading the My Number Card with 照合番号B: no PIN, so no lockout risk at the counter.
// The tries left are read before any attempt (no try spent) and shown; nothing is retried by itself.
import { useEffect, useState } from 'preact/hooks';
import type { CardEvidence } from '../../shared/application.ts';
import { buildCollationB, collationBErrorMessage } from '../../shared/card/collation-b.ts';
import { cardErrorMessage } from '../../shared/card/errors.ts';
import type { ProcedureDefinition } from '../../shared/procedures/types.ts';
import { fromWareki } from '../../shared/wareki.ts';
import { CollationBInput, type CollationBParts, EMPTY_PARTS } from '../components/CollationBInput.tsx';
import { DemoReader } from '../components/DemoReader.tsx';
import { type ReadPhase, ReadSteps } from '../components/ReadSteps.tsx';
import { useServices } from '../services.ts';

export interface CardResult {
  /** Field values read from the card, keyed by the procedure's field keys. */
  readonly fields: Readonly<Record<string, string>>;
  readonly evidence: CardEvidence;
}

interface Props {
  readonly procedure: ProcedureDefinition;
  readonly onBack: () => void;
  readonly onRead: (card: CardResult) => void;
}

export function CardRead({ procedure, onBack, onRead }: Props) {
  const { card } = useServices();
  const [parts, setParts] = useState<CollationBParts>(EMPTY_PARTS);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [triesLeft, setTriesLeft] = useState<number | null>(null);
  const [readerName, setReaderName] = useState('');
  const [failure, setFailure] = useState<ReadPhase | null>(null);
  const phase: ReadPhase = busy
    ? { phase: 'reading' }
    : (failure ?? { phase: 'idle', cardSeen: triesLeft !== null });

  const refreshTries = async () => {
    const r = await card.collationBTriesLeft();
    setTriesLeft(r.ok ? r.value : null);
  };
  useEffect(() => {
    void card.readerName().then(setReaderName);
    void refreshTries();
  }, [card]);

  const read = async (e: Event) => {
    e.preventDefault();
    setError(null);
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
    if (!collationB.ok) {
      setError(collationBErrorMessage(collationB.error));
      return;
    }
    setBusy(true);
    setFailure(null);
    const result = await card.readWithCollationB(collationB.value);
    setBusy(false);
    if (!result.ok) {
      setFailure({ phase: 'failed', error: result.error });
      setError(cardErrorMessage(result.error));
      void refreshTries();
      return;
    }
    setParts(EMPTY_PARTS); // the 照合番号B parts are not kept once the card is read
    const info = result.value;
    onRead({
      fields: { name: info.name, birthDate: info.birthDate, sex: info.sex, previousAddress: info.address },
      evidence: info.evidence,
    });
  };

  const manual = () =>
    onRead({ fields: {}, evidence: { source: 'manual', unlockedWith: 'none', checks: [] } });

  return (
    <main class="stack">
      <h2>{procedure.name}：マイナンバーカードの読み取り</h2>
      <div class="grid-2">
        <DemoReader
          onChange={() => {
            setFailure(null);
            setError(null);
            void refreshTries();
          }}
        />
        <form class="stack card-panel" onSubmit={read}>
          <p class="hint">リーダー：{readerName}</p>
          <ReadSteps phase={phase} />
          <p>カードをリーダーに置き、券面の情報から照合番号Bを入力してください。暗証番号は使いません。</p>
          <CollationBInput value={parts} onChange={setParts} disabled={busy} />
          {triesLeft !== null && (
            <p class={`message ${triesLeft <= 3 ? 'warn' : 'info'}`} data-testid="tries-left">
              照合番号Bの残り入力回数：{triesLeft}回
            </p>
          )}
          {error && (
            <p class="message error" role="alert" data-testid="card-error">
              {error}
            </p>
          )}
          <div class="row">
            <button type="button" onClick={onBack}>
              戻る
            </button>
            <button type="button" onClick={manual} data-testid="manual-entry">
              カードなしで手入力する
            </button>
            <button class="primary" type="submit" disabled={busy} data-testid="read-card">
              {busy ? '読み取り中…' : 'カードを読み取る'}
            </button>
          </div>
        </form>
      </div>
    </main>
  );
}
