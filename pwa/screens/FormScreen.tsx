// The interview form: card fields arrive filled (marked カード), staff complete the rest.
import { useMemo, useState } from 'preact/hooks';
import type { CardEvidence } from '../../shared/application.ts';
import type { FieldDefinition, ProcedureDefinition } from '../../shared/procedures/types.ts';
import { normaliseField, SEX_LABELS, validateFields } from '../../shared/procedures/validate.ts';
import { formatDateJa } from '../../shared/wareki.ts';
import { CHECK_LABELS } from '../components/ReadSteps.tsx';

interface Props {
  readonly procedure: ProcedureDefinition;
  readonly fromCard: Readonly<Record<string, string>>;
  readonly evidence: CardEvidence;
  readonly initial: Readonly<Record<string, string>>;
  readonly onBack: () => void;
  readonly onConfirm: (values: Record<string, string>) => void | Promise<void>;
}

export function FormScreen({ procedure, fromCard, evidence, initial, onBack, onConfirm }: Props) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(procedure.fields.map((f) => [f.key, initial[f.key] ?? ''])),
  );
  const [showProblems, setShowProblems] = useState(false);
  const normalised = useMemo(
    () =>
      Object.fromEntries(procedure.fields.map((f) => [f.key, normaliseField(f.input, values[f.key] ?? '')])),
    [procedure, values],
  );
  const problems = validateFields(procedure, normalised);
  const problemFor = (key: string) =>
    showProblems ? problems.find((p) => p.key === key)?.message : undefined;

  const submit = (e: Event) => {
    e.preventDefault();
    if (problems.length > 0) {
      setShowProblems(true);
      document.getElementById(`field-${problems[0]?.key}`)?.focus();
      return;
    }
    void onConfirm(normalised);
  };

  return (
    <main>
      <form class="stack" onSubmit={submit} noValidate>
        <h2>{procedure.name}：内容の確認と入力</h2>
        {Object.keys(fromCard).length > 0 ? (
          <div class="message info" data-testid="card-checks">
            <p>「カード」の項目はカードから読み取りました。残りの項目を入力してください。</p>
            <ul>
              {evidence.checks.map((c) => (
                <li key={c} data-check={c}>
                  {CHECK_LABELS[c] ?? c}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <p class="message warn">
            カードを読み取らずに手入力しています。本人確認書類と照らし合わせてください。
          </p>
        )}
        <div class="grid-2">
          {procedure.fields.map((field) => (
            <Field
              key={field.key}
              field={field}
              value={values[field.key] ?? ''}
              cardValue={fromCard[field.key]}
              problem={problemFor(field.key)}
              onInput={(v) => setValues((prev) => ({ ...prev, [field.key]: v }))}
            />
          ))}
        </div>
        {showProblems && problems.length > 0 && (
          <p class="message error" role="alert" data-testid="form-problems">
            入力内容を確認してください（{problems.length}件）。
          </p>
        )}
        <div class="row">
          <button type="button" onClick={onBack}>
            戻る
          </button>
          <button class="primary" type="submit" data-testid="to-resident">
            住民の方の確認へ進む
          </button>
        </div>
      </form>
    </main>
  );
}

interface FieldProps {
  readonly field: FieldDefinition;
  readonly value: string;
  readonly cardValue: string | undefined;
  readonly problem: string | undefined;
  readonly onInput: (value: string) => void;
}

function Field({ field, value, cardValue, problem, onInput }: FieldProps) {
  const id = `field-${field.key}`;
  const common = {
    id,
    name: field.key,
    'data-testid': id,
    'aria-invalid': problem ? ('true' as const) : ('false' as const),
    'aria-describedby': `${id}-hint`,
  };
  const changedFromCard = cardValue !== undefined && cardValue !== value;
  return (
    <div>
      <label for={id}>
        {field.label}
        {field.required && <span class="visually-hidden">（必須）</span>}
        <span class={`badge ${cardValue !== undefined ? 'card' : 'staff'}`}>
          {cardValue !== undefined ? 'カード' : '職員入力'}
        </span>
      </label>
      {field.input === 'sex' ? (
        <select {...common} value={value} onChange={(e) => onInput(e.currentTarget.value)}>
          <option value="">選択してください</option>
          {Object.entries(SEX_LABELS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
      ) : field.input === 'date' ? (
        <input {...common} type="date" value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={field.input === 'postal-code' ? 'numeric' : undefined}
          value={value}
          maxLength={field.maxLength}
          style={{ width: '100%' }}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      )}
      <div id={`${id}-hint`} class="hint">
        {field.input === 'date' && value ? formatDateJa(value) : field.hint}
        {changedFromCard && ' ※カードの内容から変更されています'}
      </div>
      {problem && <div class="field-error">{problem}</div>}
    </div>
  );
}
