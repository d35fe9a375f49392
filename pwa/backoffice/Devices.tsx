// 端末の管理 (admins): every enrolled counter tablet with when it was last heard from and how far
// its chain of deliveries has come; a one-time enrollment code for a new tablet (shown once, read
// out or typed on the tablet within 15 minutes); and revoking a lost tablet, which refuses it
// from its next request on (its applications stay; a found tablet enrolls again with a new code).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceInfo, EnrollmentCodeResponse } from '../../shared/api.ts';
import type { Session } from './App.tsx';
import { api, tokyoTime } from './api.ts';

interface Props {
  readonly session: Session;
  readonly onExpired: () => void;
}

export function Devices({ session, onExpired }: Props) {
  const [devices, setDevices] = useState<readonly DeviceInfo[] | undefined>();
  const [code, setCode] = useState<EnrollmentCodeResponse | undefined>();
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<DeviceInfo | undefined>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const failed = (e: { status: number; message: string }) => {
    if (e.status === 401) onExpired();
    else setError(e.message);
  };
  const load = () =>
    void api.devices(session.token).then((r) => (r.ok ? setDevices(r.value.devices) : failed(r.error)));
  useEffect(load, [session.token]);

  const issue = async () => {
    setError('');
    const r = await api.issueDeviceCode(session.token);
    if (!r.ok) return failed(r.error);
    setCode(r.value);
    setMessage('');
  };
  const revoke = async (device: DeviceInfo) => {
    setError('');
    const r = await api.revokeDevice(session.token, device.id);
    setConfirming(undefined);
    if (!r.ok) return failed(r.error);
    setMessage(`「${device.name}」の登録を取り消しました。この端末からの送信は次から受け付けません。`);
    load();
  };

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        端末の管理
      </h1>
      <section aria-labelledby="code-heading" class="bo-panel">
        <h2 id="code-heading">新しい端末を登録する</h2>
        <p>
          登録コードを発行し、タブレットの登録画面で入力してください。コードは1回だけ、発行から15分間使えます。
        </p>
        <button type="button" data-testid="issue-code" onClick={() => void issue()}>
          登録コードを発行
        </button>
        {code && (
          <p class="bo-code" data-testid="issued-code" aria-live="polite">
            登録コード <strong>{code.code}</strong>（{tokyoTime(code.expiresAt)}まで有効）
          </p>
        )}
      </section>
      {error && (
        <p class="bo-error" role="alert">
          {error}
        </p>
      )}
      <p aria-live="polite" data-testid="devices-message">
        {message}
      </p>
      {devices === undefined ? (
        <p>読み込んでいます…</p>
      ) : devices.length === 0 ? (
        <p>登録された端末はありません。</p>
      ) : (
        <table class="bo-table" data-testid="devices">
          <caption class="bo-visually-hidden">登録された端末（新しい順）</caption>
          <thead>
            <tr>
              <th scope="col">端末番号</th>
              <th scope="col">端末名</th>
              <th scope="col">登録日時</th>
              <th scope="col">最終通信</th>
              <th scope="col">受付済みの送信</th>
              <th scope="col">状態</th>
              <th scope="col">
                <span class="bo-visually-hidden">操作</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => (
              <tr key={d.id} data-testid="device-row">
                <td>{String(d.number).padStart(2, '0')}</td>
                <td>
                  {d.name}
                  <br />
                  <small class="bo-muted">{d.id}</small>
                </td>
                <td>
                  {tokyoTime(d.enrolledAt)}（{d.enrolledBy}）
                </td>
                <td>{d.lastSeenAt ? tokyoTime(d.lastSeenAt) : '—'}</td>
                <td>{d.lastSeq}件</td>
                <td>{d.revokedAt ? `取消済み（${tokyoTime(d.revokedAt)}）` : '有効'}</td>
                <td>
                  {!d.revokedAt &&
                    (confirming?.id === d.id ? (
                      <fieldset class="bo-confirm">
                        <legend>「{d.name}」の登録を取り消しますか</legend>
                        <button type="button" class="bo-danger" onClick={() => void revoke(d)}>
                          取り消す
                        </button>{' '}
                        <button type="button" class="bo-secondary" onClick={() => setConfirming(undefined)}>
                          やめる
                        </button>
                      </fieldset>
                    ) : (
                      <button
                        type="button"
                        class="bo-secondary"
                        data-testid="revoke"
                        onClick={() => setConfirming(d)}
                      >
                        登録を取り消す
                      </button>
                    ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
