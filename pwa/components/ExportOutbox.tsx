// 「送信待ちをファイルに書き出す」: the last resort of a field day (issue 5, point 9). After a
// confirmation that says what the file is for, the pending envelopes are written into an
// encrypted, device-signed .kakanai file (pwa/sync/export-file.ts) that staff carry to the back
// office. Nothing leaves the outbox: the envelopes stay pending until the network acknowledges
// them. When online and signed in it refreshes the cached import key, so it is there offline.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useServices } from '../services.ts';
import {
  buildExportFiles,
  downloadExportFile,
  refreshImportKey,
  tabletExportErrorMessage,
} from '../sync/export-file.ts';

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'confirm' }
  | { readonly kind: 'working' }
  | { readonly kind: 'done'; readonly message: string }
  | { readonly kind: 'failed'; readonly message: string };

export function ExportOutbox() {
  const services = useServices();
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [hasKey, setHasKey] = useState<boolean | undefined>();
  const trigger = useRef<HTMLButtonElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const [returnFocus, setReturnFocus] = useState(false);
  // Focus follows the step: into the confirmation when it opens, back to the button after it.
  useEffect(() => {
    if (step.kind === 'confirm') confirmButton.current?.focus();
    else if (returnFocus) trigger.current?.focus();
  }, [step.kind, returnFocus]);

  useEffect(() => {
    let live = true;
    const look = async () => {
      const token = (await services.settings.session())?.token;
      if (token && navigator.onLine) await refreshImportKey(services, token); // a failure keeps the cached key
      const key = await services.settings.importKey();
      if (live) setHasKey(key !== undefined);
    };
    void look();
    return () => {
      live = false;
    };
  }, [services]);

  const exportNow = async () => {
    setStep({ kind: 'working' });
    const built = await buildExportFiles(services);
    if (!built.ok) return setStep({ kind: 'failed', message: tabletExportErrorMessage(built.error) });
    for (const file of built.value) downloadExportFile(file);
    const applications = built.value.reduce((n, f) => n + f.applications, 0);
    const names = built.value.map((f) => `「${f.name}」`).join('、');
    setStep({
      kind: 'done',
      message: `送信待ちの申請${applications}件を${built.value.length}個のファイル${names}に書き出しました。ファイルをバックオフィスに届けて取り込んでもらってください。申請はこの端末に送信待ちのまま残り、ネットワークにつながると自動で送信されます（二重には受け付けられません）。`,
    });
  };

  return (
    <section class="stack" aria-labelledby="export-outbox-title" data-testid="export-outbox-section">
      <h3 id="export-outbox-title">ネットワークがないとき</h3>
      {hasKey === false && (
        <p class="message warn" data-testid="export-no-key">
          {tabletExportErrorMessage({ kind: 'no-import-key' })}
        </p>
      )}
      {step.kind !== 'confirm' ? (
        <button
          type="button"
          ref={trigger}
          onClick={() => {
            setReturnFocus(true);
            setStep({ kind: 'confirm' });
          }}
          disabled={step.kind === 'working'}
          data-testid="export-outbox"
        >
          送信待ちをファイルに書き出す
        </button>
      ) : (
        <div class="message info stack" data-testid="export-confirmation">
          <p id="export-confirm-title">
            <strong>送信待ちの申請をファイルに書き出しますか？</strong>
          </p>
          <p id="export-confirm-what">
            ネットワークにつながらない日の最後の手段です。送信待ちの申請を、バックオフィスで取り込むためのファイル（.kakanai）に書き出します。ファイルは暗号化されたままで、このバックオフィスでしか開けず、この端末の署名で改変がわかります。USBメモリなどでバックオフィスに届け、取り込んでもらった後はファイルを削除してください。
          </p>
          <p id="export-confirm-after">
            書き出した後も申請はこの端末に送信待ちのまま残り、ネットワークにつながると自動で送信されます。
          </p>
          <div class="row">
            <button
              type="button"
              class="primary"
              ref={confirmButton}
              aria-describedby="export-confirm-title export-confirm-what export-confirm-after"
              onClick={() => void exportNow()}
              data-testid="export-confirm"
            >
              書き出す
            </button>
            <button type="button" onClick={() => setStep({ kind: 'idle' })} data-testid="export-cancel">
              やめる
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite" role="status">
        {step.kind === 'working' && <p>書き出しています…</p>}
        {step.kind === 'done' && (
          <p class="message ok" data-testid="export-done">
            {step.message}
          </p>
        )}
      </div>
      {step.kind === 'failed' && (
        <p class="message error" role="alert" data-testid="export-failed">
          {step.message}
        </p>
      )}
    </section>
  );
}
