// The procedures of this visit: what 手続ナビ proposed (with its reasons) plus anything staff add,
// minus anything they remove. Each chosen procedure shows the attachments 情報連携 makes unneeded.
import { useEffect, useState } from 'preact/hooks';
import { ja } from '../../shared/i18n/lang.ts';
import type { Proposal, Referral } from '../../shared/procedures/life-events.ts';
import { CATALOGUE, loadProcedures } from '../../shared/procedures/registry.ts';
import type { ProcedureDefinition } from '../../shared/procedures/types.ts';

interface Props {
  readonly title: string;
  readonly proposals: readonly Proposal[];
  readonly referrals: readonly Referral[];
  readonly onStart: (procedures: ProcedureDefinition[]) => void;
  readonly onBack: () => void;
}

export function ProcedurePicker({ title, proposals, referrals, onStart, onBack }: Props) {
  const [chosen, setChosen] = useState<readonly string[]>(() => proposals.map((p) => p.procedureId));
  const [loaded, setLoaded] = useState<ReadonlyMap<string, ProcedureDefinition>>(new Map());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const missing = chosen.filter((id) => !loaded.has(id));
    if (missing.length === 0) return;
    loadProcedures(missing)
      .then((ps) => setLoaded((m) => new Map([...m, ...ps.map((p) => [p.id, p] as const)])))
      .catch(() => setError('手続の定義を読み込めませんでした。アプリを再読み込みしてください。'));
  }, [chosen, loaded]);

  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const reasonOf = (id: string) => proposals.find((p) => p.procedureId === id)?.reason;
  const ordered = [
    ...proposals.map((p) => CATALOGUE.find((c) => c.id === p.procedureId)).filter((c) => c !== undefined),
    ...CATALOGUE.filter((c) => !proposals.some((p) => p.procedureId === c.id)),
  ];
  const ready = chosen.length > 0 && chosen.every((id) => loaded.has(id));

  return (
    <main>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) onStart(chosen.map((id) => loaded.get(id) as ProcedureDefinition));
        }}
      >
        <h2>{title}：この来庁で受け付ける手続</h2>
        <p class="hint">提案された手続にはチェックが入っています。追加・削除できます。</p>
        <ul class="picker" data-testid="picker">
          {ordered.map((s, i) => {
            const on = chosen.includes(s.id);
            const reason = reasonOf(s.id);
            const definition = loaded.get(s.id);
            const skippable = definition?.attachments.filter((a) => a.omittableByLinkage) ?? [];
            return (
              <li key={s.id} class={reason ? 'proposed' : ''}>
                {i === proposals.length && proposals.length > 0 && <h3>ほかの手続を追加</h3>}
                <label class="choice">
                  <input
                    type="checkbox"
                    checked={on}
                    onChange={(e) => toggle(s.id, e.currentTarget.checked)}
                    data-testid={`pick-${s.id}`}
                  />
                  <strong>{ja(s.name)}</strong>
                </label>
                {reason && <p class="hint">理由：{reason}</p>}
                {on && skippable.length > 0 && (
                  <p class="hint" data-testid={`skippable-${s.id}`}>
                    持参不要（情報連携）：{skippable.map((a) => ja(a.name)).join('、')}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {referrals.length > 0 && (
          <section class="message info" aria-labelledby="referrals-title">
            <h3 id="referrals-title">ほかの窓口の手続（ご案内）</h3>
            <ul>
              {referrals.map((r) => (
                <li key={r.name}>
                  <strong>{r.name}</strong>（{r.where}）：{r.reason}
                </li>
              ))}
            </ul>
          </section>
        )}
        {error && (
          <p class="message error" role="alert">
            {error}
          </p>
        )}
        <div class="row">
          <button type="button" onClick={onBack}>
            戻る
          </button>
          <button class="primary" type="submit" disabled={!ready} data-testid="picker-start">
            {chosen.length}件の手続で本人確認へ進む
          </button>
        </div>
      </form>
    </main>
  );
}
