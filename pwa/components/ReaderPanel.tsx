// Which reader is in use, how to connect a USB reader, and what this platform needs (cards.md §4.3).
// In demo mode the emulated reader and its fictional cards are offered too.
import { useMemo, useState } from 'preact/hooks';
import { cardRoutes } from '../../shared/card/platform-routes.ts';
import { useCardServices } from '../services.ts';
import { DemoReader } from './DemoReader.tsx';

interface Props {
  readonly cardKind: 'mynumber' | 'licence';
  readonly readerName: string;
  readonly onReaderChanged: () => void;
  readonly onCardChanged: () => void;
}

export function ReaderPanel({ cardKind, readerName, onReaderChanged, onCardChanged }: Props) {
  const { card } = useCardServices();
  const [message, setMessage] = useState<string | null>(null);
  const routes = useMemo(
    () =>
      cardRoutes({
        userAgent: navigator.userAgent,
        maxTouchPoints: navigator.maxTouchPoints,
        hasWebUsb: 'usb' in navigator,
        hasWebNfc: 'NDEFReader' in globalThis,
      }),
    [],
  );

  const connect = async (model: 'rcs380' | 'rcs300') => {
    setMessage(null);
    const r = await card.connectUsbReader({ model });
    if (!r.ok) setMessage(r.error);
    else if (r.value.warning) setMessage(r.value.warning);
    onReaderChanged();
  };
  const backToDemo = () => {
    card.useEmulatedReader();
    setMessage(null);
    onReaderChanged();
  };

  return (
    <section class="stack" aria-label="カードリーダー">
      <div class="card-panel stack" data-testid="reader-panel">
        <p>
          使用中のリーダー：<strong data-testid="reader-name">{readerName}</strong>
        </p>
        {routes.guidance.map((g) => (
          <p key={g} class="message warn" data-testid="platform-guidance">
            {g}
          </p>
        ))}
        <div class="row">
          {routes.usbReader && (
            <>
              <button type="button" onClick={() => void connect('rcs380')} data-testid="connect-usb-reader">
                USBリーダーを接続
              </button>
              <button type="button" onClick={() => void connect('rcs300')} data-testid="connect-rcs300">
                RC-S300 を接続（実験的・未検証）
              </button>
            </>
          )}
          {card.kind() === 'usb' && (
            <button type="button" onClick={backToDemo} data-testid="use-emulated-reader">
              模擬リーダーに戻す
            </button>
          )}
        </div>
        {message && (
          <p class="message error" role="alert" data-testid="reader-error">
            {message}
          </p>
        )}
      </div>
      {card.kind() === 'emulated' && <DemoReader kind={cardKind} onChange={onCardChanged} />}
    </section>
  );
}
