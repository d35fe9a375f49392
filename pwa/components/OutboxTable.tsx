// What this tablet has sent and what still waits. No personal data here: names stay sealed.
import { ja } from '../../shared/i18n/lang.ts';
import { findSummary } from '../../shared/procedures/registry.ts';
import { useServices } from '../services.ts';
import { useOutbox } from './use-outbox.ts';

const STATE_LABEL = {
  pending: '送信待ち',
  delivered: '送信済み',
  rejected: '要確認（送信できません）',
} as const;

export function OutboxTable() {
  const entries = useOutbox();
  const { sync, outbox } = useServices();
  const resend = async (id: string) => {
    await outbox.requeue(id);
    await sync.syncNow();
  };
  if (entries.length === 0) return null;
  const pending = entries.filter((e) => e.state === 'pending').length;
  return (
    <section class="stack" aria-labelledby="outbox-title">
      <div class="row">
        <h3 id="outbox-title" style={{ flex: 1 }}>
          この端末の申請
        </h3>
        {pending > 0 && (
          <button type="button" onClick={() => void sync.syncNow()} data-testid="sync-now">
            今すぐ送信
          </button>
        )}
      </div>
      <table class="outbox" data-testid="outbox-table">
        <thead>
          <tr>
            <th>作成日時</th>
            <th>手続</th>
            <th>状態</th>
            <th>受付番号</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-testid="outbox-row" data-state={e.state}>
              <td>{new Date(e.createdAt).toLocaleString('ja-JP')}</td>
              <td>{procedureName(e.procedure)}</td>
              <td>
                {STATE_LABEL[e.state]}
                {e.lastError && <div class="hint">{e.lastError}</div>}
                {e.state === 'rejected' && (
                  <button type="button" onClick={() => void resend(e.id)} data-testid="outbox-resend">
                    もう一度送信する
                  </button>
                )}
              </td>
              <td>{e.receiptNumber ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function procedureName(id: string): string {
  const summary = findSummary(id);
  return summary ? ja(summary.name) : id;
}
