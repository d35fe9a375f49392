// What this tablet has sent and what still waits: one group per visit (its number in the device's
// chain and its state), one row per application with its 受付番号 once the back office has it.
// No personal data here: names stay sealed.
import { useState } from 'preact/hooks';
import { ja } from '../../shared/i18n/lang.ts';
import { findSummary } from '../../shared/procedures/registry.ts';
import { useServices } from '../services.ts';
import { type OutboxEntry, pendingApplicationCount } from '../storage/outbox.ts';
import { useOutbox } from './use-outbox.ts';

const STATE_LABEL = {
  pending: '送信待ち',
  delivered: '送信済み',
  rejected: '要確認（送信できません）',
} as const;

export function OutboxTable() {
  const entries = useOutbox();
  const { sync, outbox } = useServices();
  const [error, setError] = useState<string | null>(null);
  const resend = async (id: string) => {
    const requeued = await outbox.requeue(id);
    setError(requeued.ok ? null : requeued.error.message);
    if (requeued.ok) await sync.syncNow();
  };
  if (entries.length === 0) return null;
  const pending = pendingApplicationCount(entries);
  return (
    <section class="stack" aria-labelledby="outbox-title">
      <div class="row">
        <h3 id="outbox-title" style={{ flex: 1 }}>
          この端末の申請
        </h3>
        {pending > 0 && (
          <button type="button" onClick={() => void sync.syncNow()} data-testid="sync-now">
            今すぐ送信（{pending}件）
          </button>
        )}
      </div>
      {error && (
        <p class="message error" role="alert" data-testid="outbox-error">
          {error}
        </p>
      )}
      <table class="outbox" data-testid="outbox-table">
        <thead>
          <tr>
            <th>送信番号</th>
            <th>作成日時</th>
            <th>状態</th>
            <th>手続</th>
            <th>受付番号</th>
          </tr>
        </thead>
        {entries.map((e) => (
          <VisitRows key={e.id} entry={e} onResend={() => void resend(e.id)} />
        ))}
      </table>
    </section>
  );
}

function VisitRows({ entry: e, onResend }: { readonly entry: OutboxEntry; readonly onResend: () => void }) {
  const span = Math.max(1, e.applications.length);
  return (
    <tbody data-testid="outbox-row" data-state={e.state} data-seq={e.seq ?? ''}>
      {e.applications.map((a, i) => (
        <tr key={a.id} data-testid="outbox-application" data-procedure={a.procedure}>
          {i === 0 && (
            <>
              <td rowSpan={span} data-testid="outbox-seq">
                {e.seq !== undefined ? `${e.seq}番` : <span class="hint">旧形式</span>}
              </td>
              <td rowSpan={span}>{new Date(e.createdAt).toLocaleString('ja-JP')}</td>
              <td rowSpan={span}>
                {STATE_LABEL[e.state]}
                {e.lastError && <div class="hint">{e.lastError}</div>}
                {e.state === 'rejected' && (
                  <button type="button" onClick={onResend} data-testid="outbox-resend">
                    もう一度送信する
                  </button>
                )}
              </td>
            </>
          )}
          <td>{procedureName(a.procedure)}</td>
          <td data-testid="outbox-receipt">{a.receiptNumber ?? '—'}</td>
        </tr>
      ))}
    </tbody>
  );
}

function procedureName(id: string): string {
  const summary = findSummary(id);
  return summary ? ja(summary.name) : id;
}
