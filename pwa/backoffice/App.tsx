// Sign-in, then the inbox and an application's detail. The detail is #/applications/<id>, so the
// browser's back button returns to the inbox with its filters. The token lives in sessionStorage:
// a reload keeps the session, closing the tab ends it.
import { useEffect, useState } from 'preact/hooks';
import type { Permission, StaffInfo } from '../../shared/api.ts';
import type { ListFilters } from './api.ts';
import { api } from './api.ts';
import { Detail } from './Detail.tsx';
import { Inbox } from './Inbox.tsx';
import { ROLE_LABELS, SignIn } from './SignIn.tsx';

const TOKEN_KEY = 'kakanai.backoffice.token';

export interface Session {
  readonly token: string;
  readonly staff: StaffInfo;
  readonly permissions: readonly Permission[];
}

const detailId = () => /^#\/applications\/([0-9a-f-]{36})$/.exec(location.hash)?.[1];

export const EMPTY_FILTERS: ListFilters = { procedure: '', status: '', from: '', to: '', q: '', offset: 0 };

export function App() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [openId, setOpenId] = useState(detailId());
  const [filters, setFilters] = useState<ListFilters>(EMPTY_FILTERS);

  useEffect(() => {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) return setSession(null);
    void api.session(token).then((r) => setSession(r.ok ? { token, ...r.value } : null));
  }, []);
  useEffect(() => {
    const onHash = () => setOpenId(detailId());
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
      <main class="bo-main">
        {!session ? (
          <SignIn onSignedIn={signedIn} />
        ) : openId ? (
          <Detail session={session} id={openId} onExpired={expired} />
        ) : (
          <Inbox session={session} filters={filters} onFilters={setFilters} onExpired={expired} />
        )}
      </main>
    </>
  );
}
