// The resident signs with a finger or a pen. Every point is kept as a vector stroke
// [x, y, ms since the stroke began, pressure] in pad units (900 × 240, whatever the element's size),
// and the PNG that prints is re-rendered from those strokes after every change, so undo is exact.
// Residents who cannot draw (motor impairment, keyboard or switch access) type their name instead
// (記名); the PNG then shows the typed name in a serif face.
import { useEffect, useRef, useState } from 'preact/hooks';
import { MAX_POINTS, MAX_STROKES, type StrokePoint } from '../../shared/signature.ts';
import { padInk, renderStrokes, renderTypedName } from './signature-render.ts';
import type { DrawnSignature, SignaturePadLabels } from './signature-types.ts';

export const PAD_WIDTH = 900;
export const PAD_HEIGHT = 240;
const MAX_STROKE_MS = 600_000; // what shared/signature.ts accepts for a point's time
const TYPED_NAME_MAX = 60;
const BIG_TARGET = { minHeight: '48px', minWidth: '48px' }; // ≥ 44 px touch targets (WCAG 2.5.5)

interface Props {
  readonly labels: SignaturePadLabels;
  readonly onChange: (signature: DrawnSignature | null) => void;
}

/** 500 when the device reports no pressure: mice, and pens or fingers that send 0 while down. */
export function pressureOf(e: PointerEvent): number {
  if (e.pointerType === 'mouse' || !(e.pressure > 0)) return 500;
  return Math.min(1000, Math.max(0, Math.round(e.pressure * 1000)));
}

export function SignaturePad({ labels, onChange }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<StrokePoint[][]>([]);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const [mode, setMode] = useState<'draw' | 'type'>('draw');
  const [typedName, setTypedName] = useState('');
  const [strokeCount, setStrokeCount] = useState(0);

  // The drawn signature as it stands: canvas and PNG from the strokes, then handed to the app.
  const publishDrawn = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    renderStrokes(ctx, strokes.current, PAD_WIDTH, PAD_HEIGHT);
    setStrokeCount(strokes.current.length);
    if (strokes.current.length === 0) return onChangeRef.current(null);
    onChangeRef.current({
      method: 'drawn',
      strokes: strokes.current.map((points) => ({ points: [...points] })),
      png: canvas.toDataURL('image/png'),
      width: PAD_WIDTH,
      height: PAD_HEIGHT,
    });
  };

  const publishTyped = (raw: string) => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const name = raw.trim();
    renderTypedName(ctx, name, PAD_WIDTH, PAD_HEIGHT);
    if (name === '') return onChangeRef.current(null);
    onChangeRef.current({
      method: 'typed',
      typedName: name,
      strokes: [],
      png: canvas.toDataURL('image/png'),
      width: PAD_WIDTH,
      height: PAD_HEIGHT,
    });
  };

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || mode !== 'draw') return;
    renderStrokes(ctx, strokes.current, PAD_WIDTH, PAD_HEIGHT);
    let current: { points: StrokePoint[]; start: number; pointerId: number } | undefined;
    const total = () => strokes.current.reduce((n, s) => n + s.length, 0);

    const toPoint = (e: PointerEvent, start: number): StrokePoint => {
      const r = canvas.getBoundingClientRect();
      const x = Math.round(((e.clientX - r.left) / r.width) * PAD_WIDTH);
      const y = Math.round(((e.clientY - r.top) / r.height) * PAD_HEIGHT);
      return [
        Math.min(PAD_WIDTH, Math.max(0, x)),
        Math.min(PAD_HEIGHT, Math.max(0, y)),
        Math.min(MAX_STROKE_MS, Math.max(0, Math.round(e.timeStamp - start))),
        pressureOf(e),
      ];
    };
    // Stops adding at the limits of shared/signature.ts and keeps what is there.
    const add = (e: PointerEvent) => {
      if (!current || total() >= MAX_POINTS) return;
      const p = toPoint(e, current.start);
      const prev = current.points.at(-1);
      current.points.push(p);
      padInk(ctx, prev ?? p, p);
    };

    const down = (e: PointerEvent) => {
      if (current || e.button > 0) return;
      e.preventDefault();
      if (strokes.current.length >= MAX_STROKES || total() >= MAX_POINTS) return;
      // Capture keeps the stroke when the pen slides off the pad; some pens have no capturable id.
      try {
        canvas.setPointerCapture(e.pointerId);
      } catch {}
      current = { points: [], start: e.timeStamp, pointerId: e.pointerId };
      strokes.current.push(current.points);
      add(e);
    };
    const move = (e: PointerEvent) => {
      if (!current || e.pointerId !== current.pointerId) return;
      e.preventDefault();
      // Coalesced events hold the points the browser merged between frames: fast pens stay smooth.
      const merged = e.getCoalescedEvents?.() ?? [];
      for (const ev of merged.length > 0 ? merged : [e]) add(ev);
    };
    const up = (e: PointerEvent) => {
      if (!current || e.pointerId !== current.pointerId) return;
      current = undefined;
      publishDrawn();
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
      // A stroke cut off by switching modes keeps its points; the switch publishes the new mode.
      current = undefined;
    };
  }, [mode]);

  const undo = () => {
    strokes.current.pop();
    publishDrawn();
  };
  const clear = () => {
    strokes.current = [];
    publishDrawn();
  };
  const switchTo = (next: 'draw' | 'type') => {
    setMode(next);
    // The app sees the signature of the mode now shown; the other is kept for switching back.
    if (next === 'type') publishTyped(typedName);
    else publishDrawn();
  };

  return (
    <div class="stack signature">
      <canvas
        ref={canvasRef}
        class="signature-pad"
        width={PAD_WIDTH}
        height={PAD_HEIGHT}
        role="img"
        aria-label={labels.pad}
        data-testid="signature-pad"
        // Pad units keep their aspect on any width; touch-action: none keeps strokes from scrolling.
        style={{
          touchAction: 'none',
          width: '100%',
          height: 'auto',
          aspectRatio: `${PAD_WIDTH} / ${PAD_HEIGHT}`,
        }}
      />
      {mode === 'type' ? (
        <label class="stack">
          <span>{labels.typedNameLabel}</span>
          <input
            type="text"
            autocomplete="name"
            maxLength={TYPED_NAME_MAX}
            value={typedName}
            onInput={(e) => {
              const value = e.currentTarget.value;
              setTypedName(value);
              publishTyped(value);
            }}
            style={{ minHeight: '48px', fontSize: '1.4em' }}
            data-testid="signature-typed-name"
          />
        </label>
      ) : null}
      <div class="row">
        {mode === 'draw' ? (
          <>
            <button
              type="button"
              onClick={undo}
              disabled={strokeCount === 0}
              style={BIG_TARGET}
              data-testid="signature-undo"
            >
              {labels.undo}
            </button>
            <button
              type="button"
              onClick={clear}
              disabled={strokeCount === 0}
              style={BIG_TARGET}
              data-testid="signature-clear"
            >
              {labels.clear}
            </button>
            <button
              type="button"
              onClick={() => switchTo('type')}
              style={BIG_TARGET}
              data-testid="signature-type-instead"
            >
              {labels.typeInstead}
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={() => switchTo('draw')}
            style={BIG_TARGET}
            data-testid="signature-draw-instead"
          >
            {labels.drawInstead}
          </button>
        )}
      </div>
    </div>
  );
}
