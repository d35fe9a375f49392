// 端末ファイルの取り込み (#/import, sync.import): a tablet's export file of a field day
// (shared/sync/export-file.ts) is chosen and imported with the same exactly-once rules as the
// network: the answer names the tablet, how many envelopes were stored and how many were there
// already, and every 受付番号 (each opens the application). A refused file shows the server's
// message, which says what to do next. The file never leaves encrypted form in the browser.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ja } from '../../shared/i18n/lang.ts';
import { findSummary } from '../../shared/procedures/registry.ts';
import { EXPORT_FILE_EXTENSION, MAX_EXPORT_FILE_BYTES } from '../../shared/sync/export-file.ts';
import type { SyncImportResponse } from '../../shared/sync/import-types.ts';
import type { Session } from './App.tsx';
import { api, tokyoTime } from './api.ts';

interface Props {
  readonly session: Session;
  readonly onExpired: () => void;
}

type Outcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'working' }
  | { readonly kind: 'imported'; readonly fileName: string; readonly answer: SyncImportResponse }
  | { readonly kind: 'refused'; readonly message: string };

const LIMIT_MB = Math.round(MAX_EXPORT_FILE_BYTES / (1024 * 1024));

const procedureName = (id: string) => {
  const summary = findSummary(id);
  return summary ? ja(summary.name) : id;
};

export function Import({ session, onExpired }: Props) {
  const [file, setFile] = useState<File | undefined>();
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const choose = (e: Event) => {
    setFile((e.currentTarget as HTMLInputElement).files?.[0]);
    setOutcome({ kind: 'none' });
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    if (file.size > MAX_EXPORT_FILE_BYTES)
      return setOutcome({
        kind: 'refused',
        message: `ファイルが大きすぎます（上限${LIMIT_MB}MB）。タブレットで書き出した${EXPORT_FILE_EXTENSION}ファイルを、そのまま選んでください。`,
      });
    setOutcome({ kind: 'working' });
    const r = await api.importFile(session.token, await file.text());
    if (r.ok) return setOutcome({ kind: 'imported', fileName: file.name, answer: r.value });
    if (r.error.status === 401) return onExpired();
    setOutcome({ kind: 'refused', message: r.error.message });
  };

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        端末の書き出しファイルの取り込み
      </h1>
      <p>
        {`ネットワークにつながらなかったタブレットが書き出したファイル（${EXPORT_FILE_EXTENSION}）を取り込みます。ファイルは暗号化されていて、端末の署名で改変がわかります。同じファイルを二度取り込んでも、後でタブレットから同じ申請がネットワークで届いても、受け付けは一度だけです。`}
      </p>
      <form class="bo-card bo-import" onSubmit={(e) => void submit(e)} aria-label="ファイルの取り込み">
        <label for="import-file">書き出しファイル（{EXPORT_FILE_EXTENSION}）</label>
        <input
          id="import-file"
          type="file"
          accept={`${EXPORT_FILE_EXTENSION},application/json`}
          onChange={choose}
          aria-describedby="import-file-hint"
          data-testid="import-file"
        />
        <p id="import-file-hint" class="bo-hint">
          タブレットの「送信待ちをファイルに書き出す」で作られたファイルを選んでください（上限{LIMIT_MB}MB）。
        </p>
        <button type="submit" disabled={!file || outcome.kind === 'working'} data-testid="import-submit">
          取り込む
        </button>
      </form>
      <div aria-live="polite" role="status" data-testid="import-status">
        {outcome.kind === 'working' && <p>取り込んでいます…</p>}
        {outcome.kind === 'imported' && <Imported fileName={outcome.fileName} answer={outcome.answer} />}
      </div>
      {outcome.kind === 'refused' && (
        <p class="bo-error" role="alert" data-testid="import-refused">
          {outcome.message}
        </p>
      )}
    </>
  );
}

function Imported({ fileName, answer }: { fileName: string; answer: SyncImportResponse }) {
  const rows = answer.receipts.flatMap((envelope) =>
    envelope.receipts.map((r) => ({ ...r, seq: envelope.seq, duplicate: envelope.duplicate })),
  );
  return (
    <section class="bo-card" aria-labelledby="import-result-title" data-testid="import-result">
      <h2 id="import-result-title">取り込みました</h2>
      <p class="bo-ok">
        {`「${fileName}」：端末「${answer.deviceName}」の送信データ${answer.envelopes}件のうち、新しく受け付けたもの${answer.stored}件、受付済みだったもの${answer.duplicates}件（重複は受け付けていません）。`}
      </p>
      {rows.length > 0 && (
        <table class="bo-table" data-testid="import-receipts">
          <caption class="bo-visually-hidden">取り込んだ申請の受付番号</caption>
          <thead>
            <tr>
              <th scope="col">受付番号</th>
              <th scope="col">手続</th>
              <th scope="col">受付日時</th>
              <th scope="col">この取り込み</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="import-receipt">
                <td>
                  <a href={`#/applications/${r.id}`}>{r.receiptNumber}</a>
                </td>
                <td>{procedureName(r.procedure)}</td>
                <td>{tokyoTime(r.receivedAt)}</td>
                <td>{r.duplicate ? '受付済み（重複）' : '新しく受付'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
