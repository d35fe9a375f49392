// Sign-in with the staff ID and password (the same API as the tablet). A role without the inbox
// permission (窓口) is refused here with what to do, and its token is given back at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StaffRole } from '../../shared/api.ts';
import type { Session } from './App.tsx';
import { api } from './api.ts';

export const ROLE_LABELS: Readonly<Record<StaffRole, string>> = {
  counter: '窓口',
  backoffice: 'バックオフィス',
  admin: '管理者',
};

export function SignIn({ onSignedIn }: { onSignedIn: (s: Session) => void }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError('');
    const r = await api.signIn(username.trim(), password);
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    if (!r.value.permissions.includes('applications.read')) {
      void api.signOut(r.value.token);
      return setError(
        `この職員ID（役割: ${ROLE_LABELS[r.value.staff.role]}）ではバックオフィスを使えません。窓口の端末で使うか、バックオフィスの職員IDでログインしてください。`,
      );
    }
    onSignedIn({ token: r.value.token, staff: r.value.staff, permissions: r.value.permissions });
  };

  return (
    <section class="bo-card bo-sign-in" aria-labelledby="sign-in-heading">
      <h1 id="sign-in-heading" tabIndex={-1} ref={heading}>
        ログイン
      </h1>
      <form onSubmit={submit}>
        <label for="bo-username">職員ID</label>
        <input
          id="bo-username"
          data-testid="username"
          autoComplete="username"
          required
          value={username}
          onInput={(e) => setUsername(e.currentTarget.value)}
        />
        <label for="bo-password">パスワード</label>
        <input
          id="bo-password"
          data-testid="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <p class="bo-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" data-testid="sign-in" disabled={busy}>
          ログイン
        </button>
      </form>
    </section>
  );
}
