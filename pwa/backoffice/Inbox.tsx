// The inbox: filters (手続, 端末, 状態, 受付日, 検索) applied with 「検索」, newest first, 50 a page.
// Each 受付番号 opens the detail.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  type ApplicationListResponse,
  type ApplicationStatus,
} from '../../shared/api.ts';
import { ja } from '../../shared/i18n/lang.ts';
import { CATALOGUE } from '../../shared/procedures/registry.ts';
import { EMPTY_FILTERS, type Session } from './App.tsx';
import { api, type ListFilters, PAGE_SIZE, tokyoTime } from './api.ts';

interface Props {
  readonly session: Session;
  readonly filters: ListFilters;
  readonly onFilters: (f: ListFilters) => void;
  readonly onExpired: () => void;
}

export function Inbox({ session, filters, onFilters, onExpired }: Props) {
  const [draft, setDraft] = useState(filters);
  const [answer, setAnswer] = useState<ApplicationListResponse | undefined>();
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  useEffect(() => {
    let current = true;
    setError('');
    void api.list(session.token, filters).then((r) => {
      if (!current) return;
      if (r.ok) return setAnswer(r.value);
      if (r.error.status === 401) return onExpired();
      setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [session.token, filters]);

  const set = (key: keyof ListFilters) => (e: Event) =>
    setDraft({ ...draft, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const search = (e: Event) => {
    e.preventDefault();
    onFilters({ ...draft, offset: 0 });
  };
  const clear = () => {
    setDraft(EMPTY_FILTERS);
    onFilters(EMPTY_FILTERS);
  };
  const page = (offset: number) => onFilters({ ...filters, offset });

  const rows = answer?.applications ?? [];
  const total = answer?.total ?? 0;
  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        申請の一覧
      </h1>
      <form class="bo-filters" onSubmit={search} aria-label="絞り込み">
        <div>
          <label for="f-procedure">手続</label>
          <select
            id="f-procedure"
            data-testid="filter-procedure"
            value={draft.procedure}
            onChange={set('procedure')}
          >
            <option value="">すべて</option>
            {CATALOGUE.map((p) => (
              <option key={p.id} value={p.id}>
                {ja(p.name)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-device">端末</label>
          <select id="f-device" data-testid="filter-device" value={draft.device} onChange={set('device')}>
            <option value="">すべて</option>
            {(answer?.devices ?? []).map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-status">状態</label>
          <select id="f-status" data-testid="filter-status" value={draft.status} onChange={set('status')}>
            <option value="">すべて</option>
            {APPLICATION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {APPLICATION_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="f-from">受付日（から）</label>
          <input id="f-from" type="date" data-testid="filter-from" value={draft.from} onInput={set('from')} />
        </div>
        <div>
          <label for="f-to">受付日（まで）</label>
          <input id="f-to" type="date" data-testid="filter-to" value={draft.to} onInput={set('to')} />
        </div>
        <div class="bo-grow">
          <label for="f-q">受付番号・氏名・フリガナ</label>
          <input
            id="f-q"
            type="search"
            data-testid="filter-q"
            maxLength={100}
            value={draft.q}
            onInput={set('q')}
          />
        </div>
        <div class="bo-actions">
          <button type="submit" data-testid="search">
            検索
          </button>
          <button type="button" class="bo-secondary" onClick={clear}>
            条件をクリア
          </button>
        </div>
      </form>
      {error && (
        <p class="bo-error" role="alert">
          {error}
        </p>
      )}
      <p aria-live="polite" data-testid="result-count">
        {answer === undefined
          ? '読み込んでいます…'
          : total === 0
            ? '条件に合う申請はありません。'
            : `全${total}件中 ${filters.offset + 1}～${filters.offset + rows.length}件を表示`}
      </p>
      {rows.length > 0 && (
        <table class="bo-table" data-testid="inbox">
          <caption class="bo-visually-hidden">申請の一覧（新しい順）</caption>
          <thead>
            <tr>
              <th scope="col">受付番号</th>
              <th scope="col">手続</th>
              <th scope="col">氏名</th>
              <th scope="col">受付日時</th>
              <th scope="col">端末</th>
              <th scope="col">状態</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} data-testid="inbox-row">
                <td>
                  <a href={`#/applications/${a.id}`}>{a.receiptNumber}</a>
                </td>
                <td>{a.procedureName}</td>
                <td>{a.name}</td>
                <td>{tokyoTime(a.receivedAt)}</td>
                <td>{a.deviceName ?? '—'}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {total > PAGE_SIZE && (
        <nav class="bo-pager" aria-label="ページ">
          <button
            type="button"
            class="bo-secondary"
            disabled={filters.offset === 0}
            onClick={() => page(Math.max(0, filters.offset - PAGE_SIZE))}
          >
            前のページ
          </button>
          <button
            type="button"
            class="bo-secondary"
            disabled={filters.offset + PAGE_SIZE >= total}
            onClick={() => page(filters.offset + PAGE_SIZE)}
          >
            次のページ
          </button>
        </nav>
      )}
    </>
  );
}

export function StatusBadge({ status }: { status: ApplicationStatus }) {
  return <span class={`bo-status bo-status-${status}`}>{APPLICATION_STATUS_LABELS[status]}</span>;
}
