// The staff header: network state, what waits to be sent (counted in applications, as staff count
// them, the same number in the badge and on the 送信 button), storage warnings, sign-out.
import { useEffect, useState } from 'preact/hooks';
import { pendingApplicationCount } from '../storage/outbox.ts';
import { requestPersistentStorage, storageWarning, usedShare } from '../storage/persistence.ts';
import { useOutbox } from './use-outbox.ts';

interface Props {
  readonly staffName: string | null;
  readonly online: boolean;
  readonly onSignOut: () => void;
  /** 送信: try now (the engine also tries on start, online, visibility, a timer, Background Sync). */
  readonly onSend: () => Promise<unknown>;
}

export function Header({ staffName, online, onSignOut, onSend }: Props) {
  const [sending, setSending] = useState(false);
  const entries = useOutbox();
  const pending = pendingApplicationCount(entries);
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then((h) => setWarning(storageWarning(h)));
  }, []);
  // Re-check whenever the outbox changes (a new application, a delivery that freed space).
  useEffect(() => {
    void usedShare().then((share) => setWarning(storageWarning({ persisted: true, usedShare: share })));
  }, [entries]);
  return (
    <>
      <header class="app-header">
        <h1>書かない窓口 Kakanai</h1>
        <span data-testid="network-state">
          {online ? '● オンライン' : '○ オフライン（申請は端末に保存されます）'}
        </span>
        <span class="outbox-badge" data-testid="outbox-badge" data-pending={pending}>
          {pending > 0 ? `送信待ち ${pending}件` : '送信待ちなし'}
        </span>
        {pending > 0 && (
          <button
            type="button"
            disabled={sending}
            onClick={() => {
              setSending(true);
              void onSend().finally(() => setSending(false));
            }}
            data-testid="send-now"
          >
            {sending ? '送信中…' : `送信（${pending}件）`}
          </button>
        )}
        {staffName && (
          <>
            <span>{staffName}</span>
            <button type="button" onClick={onSignOut} data-testid="sign-out">
              ログアウト
            </button>
          </>
        )}
      </header>
      {warning && (
        <p class="message warn" role="alert" data-testid="storage-warning">
          {warning}
        </p>
      )}
    </>
  );
}
