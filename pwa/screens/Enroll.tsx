// 端末の登録 (issue 5): shown before staff sign-in while the tablet has no device id, and again
// after the back office refused this tablet (revoked or unknown). An admin issues a one-time code
// in the back office and reads it out; staff type it with a name for the tablet. The key pair is
// made here (storage/device.ts); only its public half leaves the tablet.
import { useState } from 'preact/hooks';
import { clientErrorMessage } from '../api/client.ts';
import { useServices } from '../services.ts';
import type { EnrolledDevice } from '../storage/device.ts';

export function Enroll(props: {
  readonly reason?: string | null;
  readonly onEnrolled: (d: EnrolledDevice) => void;
}) {
  const { client, device } = useServices();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const publicKey = await device.publicKeyForEnrollment();
      const result = await client.enroll({ code: code.trim(), name: name.trim(), publicKey });
      if (result.ok) {
        const enrolled = {
          deviceId: result.value.deviceId,
          name: result.value.name,
          enrolledAt: result.value.enrolledAt,
        };
        await device.completeEnrollment(enrolled);
        setCode('');
        props.onEnrolled(enrolled);
      } else {
        setError(
          result.error.kind === 'unreachable'
            ? 'サーバーに接続できません。端末の登録にはネットワーク接続が必要です。接続を確認してからもう一度お試しください。'
            : clientErrorMessage(result.error),
        );
      }
    } catch {
      setError('この端末で鍵を作れませんでした。ブラウザを最新にしてアプリを再読み込みしてください。');
    }
    setBusy(false);
  };

  return (
    <main>
      <form class="stack card-panel" style={{ maxWidth: '520px', margin: '2em auto' }} onSubmit={submit}>
        <h2>端末の登録</h2>
        {props.reason && (
          <p class="message warn" role="alert" data-testid="enroll-reason">
            {props.reason}
          </p>
        )}
        <p>
          この端末から申請を送るには、最初に一度だけ端末を登録します。管理者に「登録コード」（例:
          K7QM-2XPA-9R、15分有効・1回限り）を発行してもらい、入力してください。
        </p>
        <div>
          <label for="enroll-code">登録コード</label>
          <input
            id="enroll-code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            data-testid="enroll-code"
            required
          />
        </div>
        <div>
          <label for="enroll-name">端末名（例: 窓口1番）</label>
          <input
            id="enroll-name"
            maxLength={40}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            data-testid="enroll-name"
            required
          />
        </div>
        {error && (
          <p class="message error" role="alert" data-testid="enroll-error">
            {error}
          </p>
        )}
        <button class="primary" type="submit" disabled={busy} data-testid="enroll-submit">
          {busy ? '登録中…' : 'この端末を登録する'}
        </button>
      </form>
    </main>
  );
}
