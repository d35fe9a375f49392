// Sign-in, then the inbox and an application's detail, the import of a tablet's export file
// (#/import) and, for admins, the tablets (#/devices) and the staff accounts (#/staff). The detail is #/applications/<id>, so the
// browser's back button returns to the inbox with its filters. The token lives in sessionStorage:
// a reload keeps the session, closing the tab ends it.
import { useEffect, useState } from 'preact/hooks';
import type { Permission, StaffInfo } from '../../shared/api.ts';
import type { ListFilters } from './api.ts';
import { api } from './api.ts';
import { Detail } from './Detail.tsx';
import { Devices } from './Devices.tsx';
import { Import } from './Import.tsx';
import { Inbox } from './Inbox.tsx';
import { ROLE_LABELS, SignIn } from './SignIn.tsx';
import { Staff } from './Staff.tsx';

const TOKEN_KEY = 'kakanai.backoffice.token';

export interface Session {
  readonly token: string;
  readonly staff: StaffInfo;
  readonly permissions: readonly Permission[];
}

const detailId = () => /^#\/applications\/([0-9a-f-]{36})$/.exec(location.hash)?.[1];
type Page = 'inbox' | 'import' | 'devices' | 'staff';
/**
 * #/import: a tablet's export file (Import.tsx); #/devices: 端末の管理 (Devices.tsx); #/staff:
 * 職員の管理 (Staff.tsx).
 */
const pageOf = (): Page =>
  location.hash === '#/import'
    ? 'import'
    : location.hash === '#/devices'
      ? 'devices'
      : location.hash === '#/staff'
        ? 'staff'
        : 'inbox';

export const EMPTY_FILTERS: ListFilters = {
  procedure: '',
  device: '',
  status: '',
  from: '',
  to: '',
  q: '',
  offset: 0,
};

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [openId, setOpenId] = useState(detailId());
  const [page, setPage] = useState<Page>(pageOf());
  const [filters, setFilters] = useState<ListFilters>(EMPTY_FILTERS);

  useEffect(() => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return setSession(null);
    void api.session(token).then((r) => setSession(r.ok ? { token, ...r.value } : null));
  }, []);
  useEffect(() => {
    const onHash = () => {
      setOpenId(detailId());
      setPage(pageOf());
    };
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);

  const signedIn = (s: Session) => {
    sessionStorage.setItem(TOKEN_KEY, s.token);
    setSession(s);
  };
  const signOut = () => {
    if (session) void api.signOut(session.token);
    sessionStorage.removeItem(TOKEN_KEY);
    setSession(null);
  };
  /** A 401 from any call: the session expired; ask for sign-in again. */
  const expired = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setSession(null);
  };

  if (session === undefined) return <p class="bo-loading">読み込んでいます…</p>;
  return (
    <>
      <header class="bo-header">
        <p class="bo-brand">書かない窓口 バックオフィス</p>
        {session && (
          <div class="bo-who">
            <span>
              {session.staff.displayName}（役割: {ROLE_LABELS[session.staff.role]}）
            </span>
            <button type="button" class="bo-secondary" onClick={signOut} data-testid="sign-out">
              ログアウト
            </button>
          </div>
        )}
      </header>
      {(session?.permissions.includes('sync.import') ||
        session?.permissions.includes('devices.manage') ||
        session?.permissions.includes('staff.manage')) && (
        <nav class="bo-nav" aria-label="メニュー">
          <a href="#/" aria-current={page === 'inbox' && !openId ? 'page' : undefined}>
            申請の一覧
          </a>
          {session.permissions.includes('sync.import') && (
            <a href="#/import" aria-current={page === 'import' ? 'page' : undefined} data-testid="nav-import">
              端末ファイルの取り込み
            </a>
          )}
          {session.permissions.includes('devices.manage') && (
            <a
              href="#/devices"
              aria-current={page === 'devices' ? 'page' : undefined}
              data-testid="nav-devices"
            >
              端末の管理
            </a>
          )}
          {session.permissions.includes('staff.manage') && (
            <a href="#/staff" aria-current={page === 'staff' ? 'page' : undefined} data-testid="nav-staff">
              職員の管理
            </a>
          )}
        </nav>
      )}
      <main class="bo-main">
        {!session ? (
          <SignIn onSignedIn={signedIn} />
        ) : page === 'import' ? (
          <Import session={session} onExpired={expired} />
        ) : page === 'devices' ? (
          <Devices session={session} onExpired={expired} />
        ) : page === 'staff' ? (
          <Staff session={session} onExpired={expired} />
        ) : openId ? (
          <Detail session={session} id={openId} onExpired={expired} />
        ) : (
          <Inbox session={session} filters={filters} onFilters={setFilters} onExpired={expired} />
        )}
      </main>
    </>
  );
}
