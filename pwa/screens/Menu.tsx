// The start of a visit: 手続ナビ (a life event proposes the procedures) or one procedure directly.
import { ja } from '../../shared/i18n/lang.ts';
import { CATALOGUE } from '../../shared/procedures/registry.ts';
import { ExportOutbox } from '../components/ExportOutbox.tsx';
import { OutboxTable } from '../components/OutboxTable.tsx';

interface Props {
  readonly onNavi: () => void;
  readonly onPick: () => void;
  readonly onChoose: (procedureId: string) => void;
}

export function Menu({ onNavi, onPick, onChoose }: Props) {
  return (
    <main class="stack">
      <h2>ご用件を選んでください</h2>
      <div class="row">
        <button type="button" class="primary" onClick={onNavi} data-testid="start-navi">
          手続ナビ（引越し・出生・おくやみ・婚姻・介護）
        </button>
        <button type="button" onClick={onPick} data-testid="start-pick">
          複数の手続を選ぶ
        </button>
      </div>
      <h3>手続を1つだけ受け付ける</h3>
      <div class="procedures">
        {CATALOGUE.map((p) => (
          <button type="button" key={p.id} onClick={() => onChoose(p.id)} data-testid={`procedure-${p.id}`}>
            <strong>{ja(p.name)}</strong>
          </button>
        ))}
      </div>
      <OutboxTable />
      <ExportOutbox />
    </main>
  );
}
