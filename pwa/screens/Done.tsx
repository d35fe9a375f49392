// After the resident signs: the receipt number once the back office has it, or "waiting".
// Still resident mode: going on to the next resident needs the staff password.
import { useEffect, useState } from 'preact/hooks';
import { StaffUnlock } from '../components/StaffUnlock.tsx';
import { useOutbox } from '../components/use-outbox.ts';
import { useServices } from '../services.ts';

export function Done({
  applicationId,
  onNext,
}: {
  readonly applicationId: string;
  readonly onNext: () => void;
}) {
  const { sync } = useServices();
  const entry = useOutbox().find((e) => e.id === applicationId);
  const [unlocking, setUnlocking] = useState(false);
  useEffect(() => {
    void sync.syncNow();
  }, [sync]);

  return (
    <main class="stack resident" data-testid="done">
      <h2>ありがとうございました</h2>
      {entry?.state === 'delivered' ? (
        <div class="message ok" data-testid="receipt">
          <p>受付番号</p>
          <p class="receipt-number" data-testid="receipt-number">
            {entry.receiptNumber}
          </p>
          <p>この番号でお問い合わせいただけます。</p>
        </div>
      ) : entry?.state === 'rejected' ? (
        <div class="message error" role="alert" data-testid="rejected">
          <p>この申請は受け付けられませんでした。職員がお手続きを確認します。</p>
          <p class="hint">{entry.lastError}</p>
        </div>
      ) : (
        <div class="message warn" data-testid="queued">
          <p>申請はこの端末に暗号化して保存しました（送信待ち）。</p>
          <p>ネットワークにつながると自動で送信し、受付番号が表示されます。</p>
          {entry?.lastError && <p class="hint">{entry.lastError}</p>}
        </div>
      )}
      <p>タブレットを職員にお返しください。</p>
      {unlocking ? (
        <StaffUnlock onUnlocked={onNext} onCancel={() => setUnlocking(false)} />
      ) : (
        <button type="button" onClick={() => setUnlocking(true)} data-testid="next-resident">
          次の方へ（職員）
        </button>
      )}
    </main>
  );
}
