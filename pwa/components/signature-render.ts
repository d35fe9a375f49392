// Drawing for the signature pad: the same segment code draws live under the pen and re-renders
// the whole signature from its strokes, so the PNG after an undo is the PNG from before the stroke.
// White background and black ink: the PNG is printed on the A4 forms as on paper.
import type { StrokePoint } from '../../shared/signature.ts';

const SERIF = '"Noto Serif CJK JP", "Yu Mincho", "Hiragino Mincho ProN", serif';

/** Line width in pad units: light touches thin, firm ones thick; 500 ("none reported") gives 4. */
export function lineWidthFor(pressure: number): number {
  return 1.5 + (5 * pressure) / 1000;
}

/** One segment of ink from a to b (a dot when they coincide). */
export function padInk(ctx: CanvasRenderingContext2D, a: StrokePoint, b: StrokePoint): void {
  const width = lineWidthFor((a[3] + b[3]) / 2);
  ctx.fillStyle = '#000';
  ctx.strokeStyle = '#000';
  ctx.beginPath();
  if (a[0] === b[0] && a[1] === b[1]) {
    ctx.arc(b[0], b[1], width / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  ctx.lineWidth = width;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.moveTo(a[0], a[1]);
  ctx.lineTo(b[0], b[1]);
  ctx.stroke();
}

function blank(ctx: CanvasRenderingContext2D, width: number, height: number): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalCompositeOperation = 'source-over';
  ctx.globalAlpha = 1;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
}

export function renderStrokes(
  ctx: CanvasRenderingContext2D,
  strokes: readonly (readonly StrokePoint[])[],
  width: number,
  height: number,
): void {
  blank(ctx, width, height);
  for (const points of strokes) {
    points.forEach((p, i) => {
      padInk(ctx, points[i - 1] ?? p, p);
    });
  }
}

/** The typed name (記名) large and centred, shrunk until it fits the pad. */
export function renderTypedName(
  ctx: CanvasRenderingContext2D,
  name: string,
  width: number,
  height: number,
): void {
  blank(ctx, width, height);
  if (name === '') return;
  let size = Math.round(height * 0.6);
  const fit = width * 0.92;
  for (;;) {
    ctx.font = `${size}px ${SERIF}`;
    if (ctx.measureText(name).width <= fit || size <= 12) break;
    size = Math.max(12, Math.floor(size * 0.9));
  }
  ctx.fillStyle = '#000';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(name, width / 2, height / 2, fit);
}
