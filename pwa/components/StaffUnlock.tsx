import { useState } from 'preact/hooks';
import { useServices } from '../services.ts';

interface Props {
  readonly onUnlocked: () => void;
  readonly onCancel?: () => void;
}

/** Staff type their password to leave resident mode; checked offline against the stored verifier. */
export function StaffUnlock({ onUnlocked, onCancel }: Props) {
  const { staffLock } = useServices();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (await staffLock.check(password)) {
      setPassword('');
      await staffLock.unlock();
      onUnlocked();
    } else {
      setError('パスワードが違います。職員の方がログインに使うパスワードを入力してください。');
    }
  };
  return (
    <form class="card-panel stack" onSubmit={submit} data-testid="staff-unlock">
      <label for="unlock-password">職員パスワード（住民の方は操作しないでください）</label>
      <input
        id="unlock-password"
        type="password"
        autocomplete="current-password"
        value={password}
        onInput={(e) => setPassword(e.currentTarget.value)}
        data-testid="unlock-password"
      />
      {error && (
        <p class="message error" role="alert">
          {error}
        </p>
      )}
      <div class="row">
        {onCancel && (
          <button type="button" onClick={onCancel}>
            キャンセル
          </button>
        )}
        <button class="primary" type="submit" data-testid="unlock-submit">
          職員画面に戻る
        </button>
      </div>
    </form>
  );
}
