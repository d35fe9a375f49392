// After the resident signs: a receipt number per application once the back office has it, or
// "waiting"; the resident's copies (控え) print from here. Still resident mode: going on to the
// next resident needs the staff password.
import { useEffect, useState } from 'preact/hooks';
import { ja } from '../../shared/i18n/lang.ts';
import { isGroup, type ProcedureDefinition, type ProcedureValues } from '../../shared/procedures/types.ts';
import { StaffUnlock } from '../components/StaffUnlock.tsx';
import { useOutbox } from '../components/use-outbox.ts';
import { printForms } from '../print/print.ts';
import { useServices } from '../services.ts';

export interface DoneApplication {
  readonly id: string;
  readonly procedure: ProcedureDefinition;
  readonly values: ProcedureValues;
  readonly signaturePng: string;
  readonly notifiedOn: string;
}

/** The copy handed to the resident never carries the My Number (番号法: no needless copies). */
function withoutMyNumber(procedure: ProcedureDefinition, values: ProcedureValues): ProcedureValues {
  return Object.fromEntries(
    procedure.fields.map((f) => [
      f.name,
      !isGroup(f.spec) && f.spec.type === 'my-number' ? '' : (values[f.name] ?? ''),
    ]),
  );
}

export function Done({
  applications,
  onNext,
}: {
  readonly applications: readonly DoneApplication[];
  readonly onNext: () => void;
}) {
  const { sync } = useServices();
  const outbox = useOutbox();
  const [unlocking, setUnlocking] = useState(false);
  useEffect(() => {
    void sync.syncNow();
  }, [sync]);
  // The visit is one entry of the outbox; each application has its own 受付番号 in it.
  const entries = applications.map((a) => {
    const entry = outbox.find((e) => e.applications.some((x) => x.id === a.id));
    return { app: a, entry, receiptNumber: entry?.applications.find((x) => x.id === a.id)?.receiptNumber };
  });
  const print = (list: typeof entries) =>
    printForms(
      list.map(({ app, receiptNumber }) => ({
        procedure: app.procedure,
        values: withoutMyNumber(app.procedure, app.values),
        signaturePng: app.signaturePng,
        notifiedOn: app.notifiedOn,
        ...(receiptNumber ? { receiptNumber } : {}),
      })),
    );

  return (
    <main class="stack resident" data-testid="done">
      <h1>ありがとうございました</h1>
      <ul class="stack receipts">
        {entries.map(({ app, entry, receiptNumber }) => (
          <li key={app.id} data-testid={`done-${app.procedure.id}`}>
            <h2>{ja(app.procedure.name)}</h2>
            {entry?.state === 'delivered' && receiptNumber ? (
              <div class="message ok" data-testid="receipt">
                <p>受付番号</p>
                <p class="receipt-number" data-testid="receipt-number">
                  {receiptNumber}
                </p>
              </div>
            ) : entry?.state === 'rejected' ? (
              <div class="message error" role="alert" data-testid="rejected">
                <p>この申請は受け付けられませんでした。職員がお手続きを確認します。</p>
                <p class="hint">{entry.lastError}</p>
              </div>
            ) : (
              <div class="message warn" data-testid="queued">
                <p>
                  この端末に暗号化して保存しました（送信待ち）。ネットワークにつながると自動で送信します。
                </p>
                {entry?.lastError && <p class="hint">{entry.lastError}</p>}
              </div>
            )}
            <button
              type="button"
              onClick={() => void print([{ app, entry, receiptNumber }])}
              data-testid={`print-${app.procedure.id}`}
            >
              控えを印刷
            </button>
          </li>
        ))}
      </ul>
      {entries.length > 1 && (
        <button type="button" onClick={() => void print(entries)} data-testid="print-all">
          すべての控えを印刷
        </button>
      )}
      <p>受付番号でお問い合わせいただけます。タブレットを職員にお返しください。</p>
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
