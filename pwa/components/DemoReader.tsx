// Demo mode: the emulated reader. Staff "place" a test persona's card on it; the card face
// (what is printed on a real card) is shown so the 照合番号B can be typed from it as at a counter.
// For the licences, the demo also shows the persona's PIN1, which a real card never does.
import { useEffect, useState } from 'preact/hooks';
import { formatDateJa } from '../../shared/wareki.ts';
import type { DemoCard } from '../card/card-api.ts';
import { useCardServices } from '../services.ts';

interface Props {
  readonly kind: DemoCard['kind'];
  readonly onChange: (placed: string | null) => void;
}

export function DemoReader({ kind, onChange }: Props) {
  const { card } = useCardServices();
  const [cards, setCards] = useState<readonly DemoCard[]>([]);
  const [placed, setPlaced] = useState<string | null>(null);
  useEffect(() => {
    void card.demoCards().then(setCards);
    void card.placedDemoCard().then(setPlaced);
  }, [card]);

  const place = async (id: string | null) => {
    await card.placeDemoCard(id);
    setPlaced(id);
    onChange(id);
  };

  return (
    <section class="card-panel stack" aria-labelledby="demo-reader-title" data-testid="demo-reader">
      <h3 id="demo-reader-title">模擬カードリーダー（デモ・テスト用の架空の人物）</h3>
      <div class="persona-list">
        {cards
          .filter((c) => c.kind === kind)
          .map((c) => (
            <button
              type="button"
              class="persona"
              key={c.id}
              aria-pressed={placed === c.id}
              onClick={() => void place(placed === c.id ? null : c.id)}
              data-testid={`demo-card-${c.id}`}
            >
              <strong>{c.name}</strong>
              <span class="badge staff">{placed === c.id ? 'リーダーの上' : '置く'}</span>
              <div class="card-face">{face(c)}</div>
            </button>
          ))}
      </div>
    </section>
  );
}

function face(c: DemoCard): string {
  return c.kind === 'mynumber'
    ? `生年月日 ${formatDateJa(c.birthDate)} ／ 有効期限 ${c.expiryYear}年 ／ セキュリティコード ${c.securityCode}`
    : `生年月日 ${formatDateJa(c.birthDate)} ／ 免許証番号 ${c.licenceNumber} ／ ${formatDateJa(c.expiryDate)}まで有効 ／ デモ用暗証番号1 ${c.demoPin1}`;
}
