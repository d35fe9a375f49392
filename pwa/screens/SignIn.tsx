import { useState } from 'preact/hooks';
import type { SignInResponse } from '../../shared/api.ts';
import { clientErrorMessage } from '../api/client.ts';
import { badgeMessage, scanStaffBadge } from '../card/nfc-badge.ts';
import { useServices } from '../services.ts';

export function SignIn({ onSignedIn }: { readonly onSignedIn: (s: SignInResponse) => void }) {
  const { client, settings, staffLock } = useServices();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [scanning, setScanning] = useState(false);
  const hasNfc = 'NDEFReader' in globalThis;

  const scanBadge = async () => {
    setError(null);
    setScanning(true);
    const result = await scanStaffBadge(AbortSignal.timeout(30_000));
    setScanning(false);
    if (result.kind === 'badge') {
      setUsername(result.username);
      document.getElementById('password')?.focus();
    } else setError(badgeMessage(result));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const result = await client.signIn({ username: username.trim(), password });
    if (result.ok && !result.value.permissions.includes('applications.submit')) {
      // A back-office account could sign in here but never send: say so now, not after a visit.
      setError(
        'このIDは窓口端末から申請を送信する権限がありません（バックオフィス用のIDです）。窓口用のIDでログインしてください。',
      );
      setPassword('');
    } else if (result.ok) {
      await settings.saveSession(result.value);
      await staffLock.remember(password);
      setPassword('');
      onSignedIn(result.value);
    } else {
      setError(
        result.error.kind === 'unreachable'
          ? 'サーバーに接続できません。最初のログインにはネットワーク接続が必要です。接続を確認してからもう一度お試しください。'
          : clientErrorMessage(result.error),
      );
    }
    setBusy(false);
  };

  return (
    <main>
      <form class="stack card-panel" style={{ maxWidth: '480px', margin: '2em auto' }} onSubmit={submit}>
        <h2>職員ログイン</h2>
        <div>
          <label for="username">職員ID</label>
          <input
            id="username"
            autocomplete="username"
            value={username}
            onInput={(e) => setUsername(e.currentTarget.value)}
            data-testid="username"
            required
          />
        </div>
        {hasNfc && (
          <button type="button" onClick={() => void scanBadge()} disabled={scanning} data-testid="scan-badge">
            {scanning ? '職員証をタブレットの背面にかざしてください…' : '職員証をタッチして職員IDを入力'}
          </button>
        )}
        <div>
          <label for="password">パスワード</label>
          <input
            id="password"
            type="password"
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            data-testid="password"
            required
          />
        </div>
        {error && (
          <p class="message error" role="alert" data-testid="signin-error">
            {error}
          </p>
        )}
        <button class="primary" type="submit" disabled={busy} data-testid="sign-in">
          {busy ? 'ログイン中…' : 'ログイン'}
        </button>
      </form>
    </main>
  );
}
