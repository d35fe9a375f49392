// One application: its answers under the procedure's Japanese labels (lists of people as tables),
// the My Number masked until staff give a reason (audited by the server), the signature and
// whether it still matches the content, the status steps allowed now, and the comments.
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationComment,
  type ApplicationDetail,
  COMMENT_MAX_LENGTH,
  type StatusStep,
  statusSteps,
} from '../../shared/api.ts';
import { ja } from '../../shared/i18n/lang.ts';
import { loadProcedures } from '../../shared/procedures/registry.ts';
import {
  type AnswerValue,
  type FieldSpec,
  isGroup,
  type ProcedureDefinition,
  type ProcedureField,
} from '../../shared/procedures/types.ts';
import type { Session } from './App.tsx';
import { api, tokyoTime } from './api.ts';
import { StatusBadge } from './Inbox.tsx';

interface Props {
  readonly session: Session;
  readonly id: string;
  readonly onExpired: () => void;
}

const EMPTY = '未記入';

function optionLabel(spec: FieldSpec, value: string): string {
  if (value === '') return EMPTY;
  const option = spec.options?.find((o) => o.value === value);
  return option ? ja(option.label) : value;
}

const fieldLabel = (f: ProcedureField) => ja(f.label ?? f.spec.label);

export function Detail({ session, id, onExpired }: Props) {
  const [detail, setDetail] = useState<ApplicationDetail | undefined>();
  const [procedure, setProcedure] = useState<ProcedureDefinition | null | undefined>();
  const [error, setError] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const failed = (e: { status: number; message: string }) =>
    e.status === 401 ? onExpired() : setError(e.message);

  useEffect(() => {
    void api.detail(session.token, id).then(async (r) => {
      if (!r.ok) return failed(r.error);
      setDetail(r.value);
      try {
        setProcedure((await loadProcedures([r.value.procedure]))[0] ?? null);
      } catch {
        setProcedure(null); // no longer in the catalogue: raw field names
      }
    });
  }, [id]);
  useEffect(() => {
    if (detail) heading.current?.focus();
  }, [detail?.id]);

  if (!detail)
    return error ? (
      <>
        <h1>申請の詳細</h1>
        <p class="bo-error" role="alert">
          {error}
        </p>
        <p>
          <a href="#/">一覧に戻る</a>
        </p>
      </>
    ) : (
      <p>読み込んでいます…</p>
    );

  return (
    <>
      <p>
        <a href="#/" data-testid="back-to-inbox">
          一覧に戻る
        </a>
      </p>
      <h1 tabIndex={-1} ref={heading}>
        {detail.procedureName} {detail.receiptNumber}
      </h1>
      {error && (
        <p class="bo-error" role="alert">
          {error}
        </p>
      )}
      <div class="bo-columns">
        <div>
          <section aria-labelledby="h-summary" class="bo-card">
            <h2 id="h-summary">受付</h2>
            <table class="bo-table bo-fields">
              <tbody>
                <tr>
                  <th scope="row">受付番号</th>
                  <td>{detail.receiptNumber}</td>
                </tr>
                <tr>
                  <th scope="row">手続</th>
                  <td>{detail.procedureName}</td>
                </tr>
                <tr>
                  <th scope="row">受付日時</th>
                  <td>{tokyoTime(detail.receivedAt)}</td>
                </tr>
                <tr>
                  <th scope="row">状態</th>
                  <td data-testid="detail-status">
                    <StatusBadge status={detail.status} />
                  </td>
                </tr>
                {detail.transcribedAt && (
                  <tr>
                    <th scope="row">転記</th>
                    <td>
                      {tokyoTime(detail.transcribedAt)} {detail.transcribedBy}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
          </section>
          <Answers session={session} detail={detail} procedure={procedure} onError={failed} />
        </div>
        <div>
          <StatusControls session={session} detail={detail} onChanged={setDetail} onError={failed} />
          <Signature session={session} detail={detail} />
          <Comments session={session} id={detail.id} onError={failed} />
        </div>
      </div>
    </>
  );
}

interface AnswersProps {
  readonly session: Session;
  readonly detail: ApplicationDetail;
  readonly procedure: ProcedureDefinition | null | undefined;
  readonly onError: (e: { status: number; message: string }) => void;
}

function Answers({ session, detail, procedure, onError }: AnswersProps) {
  if (procedure === undefined) return <p>手続の定義を読み込んでいます…</p>;
  const fields: readonly ProcedureField[] = procedure
    ? procedure.fields
    : Object.keys(detail.fields).map((name) => ({
        name,
        required: false,
        spec: { key: name, type: 'text', label: { ja: name } as never, section: 'other' } as FieldSpec,
      }));
  const scalars = fields.filter((f) => !isGroup(f.spec));
  const groups = fields.filter((f) => isGroup(f.spec));
  return (
    <section aria-labelledby="h-answers" class="bo-card">
      <h2 id="h-answers">申請内容</h2>
      <table class="bo-table bo-fields" data-testid="answers">
        <tbody>
          {scalars.map((f) => {
            const value = detail.fields[f.name];
            const text = typeof value === 'string' ? value : '';
            return (
              <tr key={f.name}>
                <th scope="row">{fieldLabel(f)}</th>
                <td>
                  {f.spec.type === 'my-number' && text !== '' ? (
                    <MyNumber
                      session={session}
                      id={detail.id}
                      field={f.name}
                      masked={text}
                      onError={onError}
                    />
                  ) : (
                    optionLabel(f.spec as FieldSpec, text)
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {groups.map((f) => (
        <GroupTable key={f.name} field={f} value={detail.fields[f.name]} />
      ))}
    </section>
  );
}

function GroupTable({ field, value }: { field: ProcedureField; value: AnswerValue | undefined }) {
  if (!isGroup(field.spec)) return null;
  const rows = Array.isArray(value) ? value : [];
  const headingId = `h-group-${field.name}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{fieldLabel(field)}</h3>
      {rows.length === 0 ? (
        <p>{EMPTY}</p>
      ) : (
        <table class="bo-table">
          <thead>
            <tr>
              <th scope="col">番号</th>
              {field.spec.columns.map((c) => (
                <th scope="col" key={c.key}>
                  {ja(c.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={String(i)}>
                <td>{i + 1}</td>
                {isGroup(field.spec) &&
                  field.spec.columns.map((c) => <td key={c.key}>{optionLabel(c, row[c.key] ?? '')}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

interface MyNumberProps {
  readonly session: Session;
  readonly id: string;
  readonly field: string;
  readonly masked: string;
  readonly onError: (e: { status: number; message: string }) => void;
}

/** 「表示する」 asks why; the server keeps the reason in the audit log before it answers. */
function MyNumber({ session, id, field, masked, onError }: MyNumberProps) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [revealed, setRevealed] = useState<string | undefined>();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (asking) input.current?.focus();
  }, [asking]);

  if (revealed !== undefined)
    return (
      <span data-testid={`my-number-${field}`} class="bo-revealed">
        {revealed}
      </span>
    );
  const submit = async (e: Event) => {
    e.preventDefault();
    if ([...reason.trim()].length < 2) {
      setProblem('表示する理由を2文字以上で入力してください（監査記録に残ります）。');
      input.current?.focus();
      return;
    }
    const r = await api.reveal(session.token, id, field, reason.trim());
    if (r.ok) return setRevealed(r.value.myNumber);
    if (r.error.status === 400) return setProblem(r.error.message);
    onError(r.error);
  };
  const inputId = `reason-${field}`;
  return (
    <div class="bo-my-number">
      <span class="bo-visually-hidden">個人番号（伏せ字）</span>
      <span data-testid={`my-number-${field}`}>{masked}</span>
      {!asking ? (
        <button type="button" class="bo-secondary" data-testid="reveal" onClick={() => setAsking(true)}>
          表示する
        </button>
      ) : (
        <form onSubmit={submit} class="bo-inline-form">
          <label for={inputId}>表示する理由（必須・監査記録に残ります）</label>
          <input
            id={inputId}
            ref={input}
            data-testid="reveal-reason"
            maxLength={200}
            aria-required="true"
            aria-describedby={problem ? `${inputId}-problem` : undefined}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          {problem && (
            <p id={`${inputId}-problem`} class="bo-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" data-testid="reveal-submit">
            個人番号を表示
          </button>
          <button type="button" class="bo-secondary" onClick={() => setAsking(false)}>
            やめる
          </button>
        </form>
      )}
    </div>
  );
}

interface StatusProps {
  readonly session: Session;
  readonly detail: ApplicationDetail;
  readonly onChanged: (d: ApplicationDetail) => void;
  readonly onError: (e: { status: number; message: string }) => void;
}

function StatusControls({ session, detail, onChanged, onError }: StatusProps) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const canUpdate = session.permissions.includes('applications.update');
  const steps = statusSteps(detail.status);

  const change = async (step: StatusStep) => {
    setDone('');
    if (step.back && [...reason.trim()].length < 2) {
      setProblem('状態を戻す理由を2文字以上で入力してください（監査記録に残ります）。');
      input.current?.focus();
      return;
    }
    setProblem('');
    const r = await api.changeStatus(session.token, detail.id, step.to, reason);
    if (!r.ok)
      return r.error.status === 400 || r.error.status === 409
        ? setProblem(r.error.message)
        : onError(r.error);
    setReason('');
    setDone(`状態を「${APPLICATION_STATUS_LABELS[step.to]}」にしました。`);
    onChanged(r.value);
  };

  return (
    <section aria-labelledby="h-status" class="bo-card">
      <h2 id="h-status">状態の変更</h2>
      {!canUpdate ? (
        <p>この職員IDでは状態を変更できません。</p>
      ) : (
        <>
          <label for="status-reason">理由（戻すときは必須・監査記録に残ります）</label>
          <input
            id="status-reason"
            ref={input}
            data-testid="status-reason"
            maxLength={200}
            value={reason}
            onInput={(e) => setReason(e.currentTarget.value)}
          />
          <div class="bo-actions">
            {steps.map((s) => (
              <button
                key={s.to}
                type="button"
                class={s.back ? 'bo-secondary' : ''}
                data-testid={`status-${s.to}`}
                onClick={() => void change(s)}
              >
                {s.back
                  ? `「${APPLICATION_STATUS_LABELS[s.to]}」に戻す`
                  : `「${APPLICATION_STATUS_LABELS[s.to]}」にする`}
              </button>
            ))}
          </div>
          {problem && (
            <p class="bo-error" role="alert">
              {problem}
            </p>
          )}
          <p aria-live="polite" data-testid="status-message">
            {done}
          </p>
        </>
      )}
    </section>
  );
}

function Signature({ session, detail }: { session: Session; detail: ApplicationDetail }) {
  const [url, setUrl] = useState<string | undefined>();
  useEffect(() => {
    if (!detail.hasSignature) return;
    let made: string | undefined;
    void api.signature(session.token, detail.id).then((r) => {
      if (!r.ok) return;
      made = URL.createObjectURL(r.value);
      setUrl(made);
    });
    return () => {
      if (made) URL.revokeObjectURL(made);
    };
  }, [detail.id]);
  return (
    <section aria-labelledby="h-signature" class="bo-card">
      <h2 id="h-signature">署名</h2>
      {url ? (
        <img src={url} alt="申請者の署名" class="bo-signature" data-testid="signature" />
      ) : (
        <p>{detail.hasSignature ? '署名を読み込んでいます…' : '署名はありません。'}</p>
      )}
      <p data-testid="signature-verified" class={detail.signatureVerified ? 'bo-ok' : 'bo-error'}>
        {detail.signatureVerified
          ? '署名の検証: 一致（受付後に内容は変わっていません）'
          : '署名の検証: 一致しません（受付後に内容が変わったか、署名の記録がありません）。管理者に連絡してください。'}
      </p>
    </section>
  );
}

interface CommentsProps {
  readonly session: Session;
  readonly id: string;
  readonly onError: (e: { status: number; message: string }) => void;
}

function Comments({ session, id, onError }: CommentsProps) {
  const [comments, setComments] = useState<readonly ApplicationComment[] | undefined>();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const canAdd = session.permissions.includes('applications.update');
  useEffect(() => {
    void api
      .comments(session.token, id)
      .then((r) => (r.ok ? setComments(r.value.comments) : onError(r.error)));
  }, [id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (text.trim() === '') return setProblem('コメントを入力してください。');
    const r = await api.addComment(session.token, id, text);
    if (!r.ok) return r.error.status === 400 ? setProblem(r.error.message) : onError(r.error);
    setProblem('');
    setText('');
    setComments([...(comments ?? []), r.value]);
  };

  return (
    <section aria-labelledby="h-comments" class="bo-card">
      <h2 id="h-comments">コメント</h2>
      {comments === undefined ? (
        <p>読み込んでいます…</p>
      ) : comments.length === 0 ? (
        <p>コメントはまだありません。</p>
      ) : (
        <ol class="bo-comments" data-testid="comments">
          {comments.map((c) => (
            <li key={c.id}>
              <p class="bo-comment-meta">
                {c.author}・{tokyoTime(c.at)}
              </p>
              <p class="bo-comment-text">{c.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canAdd && (
        <form onSubmit={submit}>
          <label for="comment-text">コメントを書く（{COMMENT_MAX_LENGTH}文字まで）</label>
          <textarea
            id="comment-text"
            data-testid="comment-text"
            rows={3}
            maxLength={COMMENT_MAX_LENGTH}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          {problem && (
            <p class="bo-error" role="alert">
              {problem}
            </p>
          )}
          <button type="submit" data-testid="comment-add">
            コメントを追加
          </button>
        </form>
      )}
    </section>
  );
}
