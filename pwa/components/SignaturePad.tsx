// The resident signs with a finger or a pen: pointer events on a canvas (pressure is ignored on
// purpose; some counter pens report none). The PNG is drawn on white so it prints as on paper.
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  readonly onChange: (png: string | null) => void;
  readonly label: string;
}

const WIDTH = 900;
const HEIGHT = 240;

export function SignaturePad({ onChange, label }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef(0);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    clear(ctx);
    let drawing = false;
    const point = (e: PointerEvent) => {
      const r = canvas.getBoundingClientRect();
      return { x: ((e.clientX - r.left) / r.width) * WIDTH, y: ((e.clientY - r.top) / r.height) * HEIGHT };
    };
    const down = (e: PointerEvent) => {
      e.preventDefault();
      // Capture keeps the stroke when the pen slides off the pad; some pens have no capturable id.
      try {
        canvas.setPointerCapture(e.pointerId);
      } catch {}
      drawing = true;
      const p = point(e);
      ctx.beginPath();
      ctx.moveTo(p.x, p.y);
      ctx.lineTo(p.x + 0.1, p.y + 0.1);
      ctx.stroke();
    };
    const move = (e: PointerEvent) => {
      if (!drawing) return;
      const p = point(e);
      ctx.lineTo(p.x, p.y);
      ctx.stroke();
    };
    const up = () => {
      if (!drawing) return;
      drawing = false;
      strokes.current += 1;
      onChange(canvas.toDataURL('image/png'));
    };
    canvas.addEventListener('pointerdown', down);
    canvas.addEventListener('pointermove', move);
    canvas.addEventListener('pointerup', up);
    canvas.addEventListener('pointercancel', up);
    return () => {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('pointercancel', up);
    };
  }, [onChange]);

  const reset = () => {
    const ctx = canvasRef.current?.getContext('2d');
    if (ctx) clear(ctx);
    strokes.current = 0;
    onChange(null);
  };

  return (
    <div class="stack">
      <canvas
        ref={canvasRef}
        class="signature-pad"
        width={WIDTH}
        height={HEIGHT}
        aria-label={label}
        role="img"
        data-testid="signature-pad"
      />
      <button type="button" onClick={reset} data-testid="signature-clear">
        署名をやり直す
      </button>
    </div>
  );
}

function clear(ctx: CanvasRenderingContext2D): void {
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 4;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}
