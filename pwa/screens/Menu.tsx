// 手続の選択. Life events that bundle procedures come with the full catalogue (issue 4).
import { PROCEDURES } from '../../shared/procedures/index.ts';
import { OutboxTable } from '../components/OutboxTable.tsx';

export function Menu({ onChoose }: { readonly onChoose: (procedureId: string) => void }) {
  return (
    <main class="stack">
      <h2>手続を選んでください</h2>
      <div class="procedures">
        {PROCEDURES.map((p) => (
          <button type="button" key={p.id} onClick={() => onChoose(p.id)} data-testid={`procedure-${p.id}`}>
            <strong>{p.name}</strong>
            <br />
            <span class="hint">{p.description}</span>
          </button>
        ))}
      </div>
      <OutboxTable />
    </main>
  );
}
