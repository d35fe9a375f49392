// The resident types the card's 4-digit PIN here, on the resident side of the counter; staff never
// see it. Digits are never rendered (only dots), never reach an input element that an autofill
// or a screen reader could echo, and the buffer is emptied as soon as it is handed over.
import { useRef, useState } from 'preact/hooks';

interface Props {
  readonly length?: number;
  readonly triesLeft: number | null;
  readonly onSubmit: (pin: string) => void;
  readonly onCancel: () => void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function PinPad({ length = 4, triesLeft, onSubmit, onCancel }: Props) {
  // The digits live in a ref (not state) so they are not kept by the renderer's history.
  const digits = useRef<string[]>([]);
  const [count, setCount] = useState(0);
  const press = (d: string) => {
    if (digits.current.length >= length) return;
    digits.current.push(d);
    setCount(digits.current.length);
  };
  const back = () => {
    digits.current.pop();
    setCount(digits.current.length);
  };
  const submit = () => {
    if (digits.current.length !== length) return;
    const pin = digits.current.join('');
    digits.current.fill('0');
    digits.current.length = 0;
    setCount(0);
    onSubmit(pin);
  };
  return (
    <section class="pin-pad resident stack" aria-labelledby="pin-title" data-testid="pin-pad">
      <h2 id="pin-title">暗証番号（数字4桁）を押してください</h2>
      <p>マイナンバーカードを受け取ったときに決めた、4桁の暗証番号です。職員には見えません。</p>
      {triesLeft !== null && (
        <p class={`message ${triesLeft <= 1 ? 'error' : 'info'}`} data-testid="pin-tries-left">
          残り入力回数：{triesLeft}回
        </p>
      )}
      <output class="pin-dots" aria-live="polite" aria-label={`${count}桁入力済み`} data-testid="pin-dots">
        {Array.from({ length }, (_, i) => (
          <span key={i} class={i < count ? 'filled' : ''} aria-hidden="true">
            {i < count ? '●' : '○'}
          </span>
        ))}
      </output>
      <div class="pin-keys">
        {KEYS.map((k) => (
          <button type="button" key={k} onClick={() => press(k)} data-testid={`pin-key-${k}`}>
            {k}
          </button>
        ))}
        <button type="button" onClick={back} data-testid="pin-back">
          1文字消す
        </button>
        <button type="button" onClick={() => press('0')} data-testid="pin-key-0">
          0
        </button>
        <button
          type="button"
          class="primary"
          onClick={submit}
          disabled={count !== length}
          data-testid="pin-submit"
        >
          決定
        </button>
      </div>
      <button type="button" onClick={onCancel} data-testid="pin-cancel">
        暗証番号がわからない・やめる
      </button>
    </section>
  );
}
