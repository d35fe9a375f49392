// Resident mode: the tablet is handed over. Large text, only this application, no navigation.
// Leaving it needs the staff password (StaffLock); the app also blocks history navigation.
import { useCallback, useState } from 'preact/hooks';
import type { ProcedureDefinition } from '../../shared/procedures/types.ts';
import { SEX_LABELS } from '../../shared/procedures/validate.ts';
import { formatDateJa } from '../../shared/wareki.ts';
import { SignaturePad } from '../components/SignaturePad.tsx';
import { StaffUnlock } from '../components/StaffUnlock.tsx';

interface Props {
  readonly procedure: ProcedureDefinition;
  readonly values: Readonly<Record<string, string>>;
  readonly onSign: (signaturePng: string) => Promise<void>;
  readonly onStaffExit: () => void;
}

export function displayValue(input: string, value: string): string {
  if (input === 'date') return formatDateJa(value);
  if (input === 'sex') return SEX_LABELS[value] ?? value;
  if (input === 'postal-code' && value.length === 7) return `〒${value.slice(0, 3)}-${value.slice(3)}`;
  return value;
}

export function ResidentMode({ procedure, values, onSign, onStaffExit }: Props) {
  const [signature, setSignature] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [unlocking, setUnlocking] = useState(false);
  const onChange = useCallback((png: string | null) => setSignature(png), []);

  const [failed, setFailed] = useState(false);
  const sign = async () => {
    if (!signature) return;
    setBusy(true);
    setFailed(false);
    try {
      await onSign(signature);
    } catch {
      setFailed(true); // nothing was saved: the outbox write is one transaction
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="resident stack" data-testid="resident-mode" lang="ja">
      <h2>{procedure.name}の内容をご確認ください</h2>
      <dl data-testid="resident-summary">
        {procedure.fields.map((f) => (
          <>
            <dt key={`${f.key}-t`}>{f.label}</dt>
            <dd key={`${f.key}-d`} data-testid={`summary-${f.key}`}>
              {displayValue(f.input, values[f.key] ?? '')}
            </dd>
          </>
        ))}
      </dl>
      <p>
        内容に間違いがなければ、下の枠に指またはペンで署名してください。間違いがあれば職員にお知らせください。
      </p>
      <SignaturePad onChange={onChange} label="署名欄" />
      {failed && (
        <p class="message error" role="alert" data-testid="sign-failed">
          申請をこの端末に保存できませんでした（まだ保存されていません）。もう一度「この内容で申請する」を押してください。続けて失敗するときは職員にお知らせください。
        </p>
      )}
      <div class="row">
        <button
          class="primary"
          type="button"
          disabled={!signature || busy}
          onClick={sign}
          data-testid="resident-sign"
        >
          {busy ? '保存しています…' : 'この内容で申請する'}
        </button>
        <span style={{ flex: 1 }} />
        <button type="button" onClick={() => setUnlocking(true)} data-testid="staff-exit">
          職員用
        </button>
      </div>
      {unlocking && <StaffUnlock onUnlocked={onStaffExit} onCancel={() => setUnlocking(false)} />}
    </main>
  );
}
