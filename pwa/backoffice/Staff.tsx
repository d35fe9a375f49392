// 職員の管理 (admins): every staff account with its role and when it was added; a form to add
// one; a role change per row; and a password reset (asked to confirm), which ends that member's
// sessions at once. The back office refuses to take the admin role from the last admin and says so.
import { useEffect, useRef, useState } from 'preact/hooks';
import { STAFF_PASSWORD_MIN, STAFF_ROLES, type StaffMember, type StaffRole } from '../../shared/api.ts';
import type { Session } from './App.tsx';
import { api, tokyoTime } from './api.ts';
import { ROLE_LABELS } from './SignIn.tsx';

interface Props {
  readonly session: Session;
  readonly onExpired: () => void;
}

const EMPTY_FORM = { username: '', displayName: '', role: 'counter' as StaffRole, password: '' };

export function Staff({ session, onExpired }: Props) {
  const [staff, setStaff] = useState<readonly StaffMember[] | undefined>();
  const [form, setForm] = useState(EMPTY_FORM);
  const [roles, setRoles] = useState<Readonly<Record<string, StaffRole>>>({});
  const [resetting, setResetting] = useState<StaffMember | undefined>();
  const [newPassword, setNewPassword] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const failed = (e: { status: number; message: string }) => {
    if (e.status === 401) onExpired();
    else setError(e.message);
  };
  const load = () =>
    void api.staff(session.token).then((r) => {
      if (!r.ok) return failed(r.error);
      setStaff(r.value.staff);
      setRoles({});
    });
  useEffect(load, [session.token]);

  /** Runs one command: clears the old error and message, and blocks a double click. */
  const run = async (command: () => Promise<void>) => {
    setError('');
    setMessage('');
    setBusy(true);
    try {
      await command();
    } finally {
      setBusy(false);
    }
  };

  const create = (e: Event) => {
    e.preventDefault();
    void run(async () => {
      const r = await api.createStaff(session.token, form);
      if (!r.ok) return failed(r.error);
      setForm(EMPTY_FORM);
      setMessage(
        `「${r.value.displayName}」（職員ID: ${r.value.username}、役割: ${ROLE_LABELS[r.value.role]}）を登録しました。パスワードは本人に直接伝えてください。`,
      );
      load();
    });
  };

  const changeRole = (member: StaffMember) =>
    void run(async () => {
      const role = roles[member.username] ?? member.role;
      const r = await api.changeStaffRole(session.token, member.username, role);
      if (!r.ok) return failed(r.error);
      setMessage(
        `「${member.displayName}」の役割を${ROLE_LABELS[r.value.role]}にしました。次の操作から新しい役割で動きます。`,
      );
      load();
    });

  const resetPassword = (e: Event) => {
    e.preventDefault();
    const member = resetting;
    if (!member) return;
    void run(async () => {
      const r = await api.resetStaffPassword(session.token, member.username, newPassword);
      if (!r.ok) return failed(r.error);
      setResetting(undefined);
      setNewPassword('');
      setMessage(
        member.username === session.staff.username
          ? 'パスワードを変更しました。新しいパスワードでログインし直してください。'
          : `「${member.displayName}」のパスワードを再設定しました。ログイン中の端末は次の操作でログアウトされます。新しいパスワードは本人に直接伝えてください。`,
      );
      if (member.username === session.staff.username) onExpired();
      else load();
    });
  };

  const set = (key: keyof typeof EMPTY_FORM) => (e: Event) =>
    setForm({ ...form, [key]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });

  return (
    <>
      <h1 tabIndex={-1} ref={heading}>
        職員の管理
      </h1>
      <section aria-labelledby="new-staff-heading" class="bo-panel">
        <h2 id="new-staff-heading">職員を登録する</h2>
        <form class="bo-filters" onSubmit={create} data-testid="staff-form">
          <div>
            <label for="s-username">職員ID</label>
            <input
              id="s-username"
              data-testid="staff-username"
              required
              minLength={3}
              maxLength={32}
              pattern="[a-z0-9._\-]{3,32}"
              autoComplete="off"
              aria-describedby="s-username-hint"
              value={form.username}
              onInput={set('username')}
            />
            <p id="s-username-hint" class="bo-hint">
              半角英小文字・数字・「.」「_」「-」で3～32文字
            </p>
          </div>
          <div>
            <label for="s-display-name">氏名</label>
            <input
              id="s-display-name"
              data-testid="staff-display-name"
              required
              maxLength={40}
              autoComplete="off"
              value={form.displayName}
              onInput={set('displayName')}
            />
          </div>
          <div>
            <label for="s-role">役割</label>
            <select id="s-role" data-testid="staff-role" value={form.role} onChange={set('role')}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="s-password">初期パスワード</label>
            <input
              id="s-password"
              type="password"
              data-testid="staff-password"
              required
              minLength={STAFF_PASSWORD_MIN}
              autoComplete="new-password"
              aria-describedby="s-password-hint"
              value={form.password}
              onInput={set('password')}
            />
            <p id="s-password-hint" class="bo-hint">
              {STAFF_PASSWORD_MIN}文字以上
            </p>
          </div>
          <button type="submit" data-testid="staff-create" disabled={busy}>
            登録する
          </button>
        </form>
      </section>
      {error && (
        <p class="bo-error" role="alert" data-testid="staff-error">
          {error}
        </p>
      )}
      <p aria-live="polite" data-testid="staff-message">
        {message}
      </p>
      {resetting && (
        <section aria-labelledby="reset-heading" class="bo-panel">
          <h2 id="reset-heading">「{resetting.displayName}」のパスワードを再設定する</h2>
          <form class="bo-filters" onSubmit={resetPassword} data-testid="reset-form">
            <p class="bo-hint">再設定すると、この職員のログイン中の画面や端末はすべてログアウトされます。</p>
            <div>
              <label for="r-password">新しいパスワード</label>
              <input
                id="r-password"
                type="password"
                data-testid="reset-password"
                required
                minLength={STAFF_PASSWORD_MIN}
                autoComplete="new-password"
                value={newPassword}
                onInput={(e) => setNewPassword(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="bo-danger" data-testid="reset-submit" disabled={busy}>
              再設定する
            </button>
            <button
              type="button"
              class="bo-secondary"
              onClick={() => {
                setResetting(undefined);
                setNewPassword('');
              }}
            >
              やめる
            </button>
          </form>
        </section>
      )}
      {staff === undefined ? (
        <p>読み込んでいます…</p>
      ) : (
        <table class="bo-table" data-testid="staff">
          <caption class="bo-visually-hidden">職員の一覧（登録順）</caption>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">氏名</th>
              <th scope="col">役割</th>
              <th scope="col">登録日</th>
              <th scope="col">
                <span class="bo-visually-hidden">パスワード</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((m) => (
              <tr key={m.username} data-testid="staff-row">
                <td>{m.username}</td>
                <td>
                  {m.displayName}
                  {m.locked && (
                    <>
                      <br />
                      <small class="bo-muted">ログイン失敗が続いたため一時停止中</small>
                    </>
                  )}
                </td>
                <td>
                  <div class="bo-actions">
                    <label class="bo-visually-hidden" for={`role-${m.username}`}>
                      {m.displayName}の役割
                    </label>
                    <select
                      id={`role-${m.username}`}
                      data-testid="row-role"
                      value={roles[m.username] ?? m.role}
                      onChange={(e) =>
                        setRoles({ ...roles, [m.username]: e.currentTarget.value as StaffRole })
                      }
                    >
                      {STAFF_ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      class="bo-secondary"
                      data-testid="row-role-change"
                      disabled={busy || (roles[m.username] ?? m.role) === m.role}
                      onClick={() => changeRole(m)}
                    >
                      変更
                    </button>
                  </div>
                </td>
                <td>{tokyoTime(m.createdAt).slice(0, 10)}</td>
                <td>
                  <button
                    type="button"
                    class="bo-secondary"
                    data-testid="row-reset"
                    onClick={() => {
                      setResetting(m);
                      setNewPassword('');
                      setError('');
                    }}
                  >
                    パスワードを再設定
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
