// The signature pad in real Chromium, driven by PointerEvents as a pen, a finger or a mouse sends
// them: vector strokes with pressure, a PNG re-rendered from them (so undo is exact), the limits
// the back office enforces, and the typed-name alternative for residents who cannot draw.
import { h, render } from 'preact';
import { PAD_HEIGHT, PAD_WIDTH, SignaturePad } from '../../pwa/components/SignaturePad.tsx';
import type { DrawnSignature, SignaturePadLabels } from '../../pwa/components/signature-types.ts';
import { MAX_POINTS, MAX_STROKES, parseSignatureRecord } from '../../shared/signature.ts';
import { assert, equal } from './assert.ts';

const LABELS: SignaturePadLabels = {
  pad: '署名欄',
  undo: '1画もどす',
  clear: '全部消す',
  typeInstead: '名前を入力して記名する',
  drawInstead: '手で書く',
  typedNameLabel: 'お名前',
};

type Pt = readonly [x: number, y: number];

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));

async function mountPad() {
  const host = document.createElement('div');
  host.style.width = '600px';
  document.body.append(host);
  const seen: (DrawnSignature | null)[] = [];
  render(h(SignaturePad, { labels: LABELS, onChange: (s: DrawnSignature | null) => seen.push(s) }), host);
  await nextFrame(); // preact binds the pointer listeners in an effect
  const canvas = host.querySelector('canvas') as HTMLCanvasElement;
  const button = (id: string) => host.querySelector(`[data-testid="${id}"]`) as HTMLButtonElement;
  const last = () => seen.at(-1);
  const drawn = () => {
    const s = last();
    assert(s, 'a signature was handed over');
    return s;
  };
  return {
    host,
    canvas,
    seen,
    button,
    last,
    drawn,
    /** Where a CSS-pixel point lands in pad units. */
    toPad([x, y]: Pt): number[] {
      const r = canvas.getBoundingClientRect();
      return [Math.round((x / r.width) * PAD_WIDTH), Math.round((y / r.height) * PAD_HEIGHT)];
    },
    stroke: (points: readonly Pt[], init: PointerEventInit = { pointerType: 'pen', pressure: 0.5 }) =>
      drawStroke(canvas, points, init),
    unmount() {
      render(null, host);
      host.remove();
    },
  };
}

function pointer(target: Element, type: string, [x, y]: Pt, init: PointerEventInit) {
  const r = target.getBoundingClientRect();
  target.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      pointerId: 1,
      isPrimary: true,
      clientX: r.left + x,
      clientY: r.top + y,
      ...init,
    }),
  );
}

function drawStroke(canvas: Element, points: readonly Pt[], init: PointerEventInit) {
  const [first, ...rest] = points;
  assert(first, 'a stroke has a point');
  pointer(canvas, 'pointerdown', first, init);
  for (const p of rest) pointer(canvas, 'pointermove', p, init);
  pointer(canvas, 'pointerup', points.at(-1) ?? first, { ...init, pressure: 0 });
}

const ZIGZAG: Pt[] = Array.from({ length: 28 }, (_, i) => [20 + i * 10, 40 + (i % 2 ? 30 : 0)]);

/** Dark pixels of a PNG data URL, decoded the way a printer would get it. */
async function inkOf(png: string): Promise<number> {
  const img = new Image();
  img.src = png;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth;
  c.height = img.naturalHeight;
  const ctx = c.getContext('2d') as CanvasRenderingContext2D;
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, c.width, c.height).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 128) dark++;
  return dark;
}

const isInstant = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

describe('SignaturePad', () => {
  it('records a pen stroke as integer points with its pressure, in pad units', async () => {
    const pad = await mountPad();
    pad.stroke(ZIGZAG, { pointerType: 'pen', pressure: 0.8 });
    const s = pad.drawn();
    equal(s.method, 'drawn');
    equal([s.width, s.height], [PAD_WIDTH, PAD_HEIGHT]);
    equal(s.strokes.length, 1);
    const points = s.strokes[0]?.points ?? [];
    equal(points.length, ZIGZAG.length, 'one point per pointerdown/move');
    assert(
      points.every((p) => p.every(Number.isInteger)),
      'every coordinate, time and pressure is an integer',
    );
    equal(
      points.map((p) => p[3]),
      ZIGZAG.map(() => 800),
      'pressure 0.8 → 800',
    );
    // The element is 600 px wide: pad units are 1.5× CSS pixels.
    equal(points[0]?.slice(0, 2), [30, pad.toPad([20, 40])[1]]);
    equal(
      points.map((p) => p.slice(0, 2)),
      ZIGZAG.map(pad.toPad),
    );
    equal(points[0]?.[2], 0, 'time counts from the stroke start');
    assert(
      points.every((p, i) => i === 0 || p[2] >= (points[i - 1]?.[2] ?? 0)),
      'time never goes back',
    );
    assert(s.png.startsWith('data:image/png;base64,'), 'a PNG data URL');
    assert((await inkOf(s.png)) > 200, 'the PNG has ink');
    // What the back office receives parses under its own rules (shared/signature.ts).
    const record = parseSignatureRecord(
      { ...s, scope: 'visit', signedAt: new Date().toISOString(), contentSha256: 'a'.repeat(64) },
      isInstant,
    );
    assert(record.ok, `the server accepts it: ${JSON.stringify(record)}`);
    pad.unmount();
  });

  it('records 500 ("none reported") for a mouse and for a pen that sends no pressure', async () => {
    const pad = await mountPad();
    pad.stroke(ZIGZAG, { pointerType: 'mouse', pressure: 0.5 });
    pad.stroke(ZIGZAG, { pointerType: 'touch', pressure: 0 });
    pad.stroke(ZIGZAG.slice(0, 3), { pointerType: 'pen', pressure: 0.25 });
    const [mouse, touch, pen] = pad.drawn().strokes;
    assert(
      mouse?.points.every((p) => p[3] === 500),
      'mouse → 500',
    );
    assert(
      touch?.points.every((p) => p[3] === 500),
      'pressure 0 → 500',
    );
    equal(
      pen?.points.map((p) => p[3]),
      [250, 250, 250],
    );
    pad.unmount();
  });

  it('draws firm strokes thicker than light ones', async () => {
    const light = await mountPad();
    light.stroke(ZIGZAG, { pointerType: 'pen', pressure: 0.1 });
    const lightInk = await inkOf(light.drawn().png);
    light.unmount();
    const firm = await mountPad();
    firm.stroke(ZIGZAG, { pointerType: 'pen', pressure: 1 });
    const firmInk = await inkOf(firm.drawn().png);
    firm.unmount();
    assert(firmInk > lightInk * 1.8, `firm ${firmInk} vs light ${lightInk} dark pixels`);
  });

  it('undo removes exactly the last stroke and brings back the earlier PNG; clear empties it', async () => {
    const pad = await mountPad();
    equal(pad.button('signature-undo').disabled, true, 'nothing to undo yet');
    pad.stroke(ZIGZAG);
    const one = pad.drawn();
    pad.stroke([
      [100, 100],
      [200, 120],
      [300, 100],
    ]);
    const two = pad.drawn();
    equal(two.strokes.length, 2);
    assert(two.png !== one.png, 'the second stroke changes the PNG');
    equal(two.strokes[0], one.strokes[0], 'the first stroke is untouched');
    await nextFrame(); // the buttons enable on the next render, as a finger would find them
    pad.button('signature-undo').click();
    const undone = pad.drawn();
    equal(undone.strokes, one.strokes, 'exactly the last stroke went');
    assert(undone.png === one.png, 'the PNG is the one from before the second stroke');
    pad.button('signature-undo').click();
    equal(pad.last(), null, 'nothing left: no signature');

    pad.stroke(ZIGZAG);
    pad.stroke(ZIGZAG.slice(3));
    await nextFrame();
    pad.button('signature-clear').click();
    equal(pad.last(), null, 'cleared');
    pad.stroke(ZIGZAG);
    equal(pad.drawn().strokes.length, 1, 'a fresh start after clearing');
    equal(pad.drawn().png, one.png, 'and the same stroke gives the same PNG');
    pad.unmount();
  });

  it('keeps points inside the pad when the pen slides off it', async () => {
    const pad = await mountPad();
    const r = pad.canvas.getBoundingClientRect();
    pad.stroke([
      [10, 10],
      [-50, -30],
      [r.width + 80, r.height + 40],
    ]);
    const points = pad.drawn().strokes[0]?.points ?? [];
    equal(
      points.slice(1).map((p) => p.slice(0, 2)),
      [
        [0, 0],
        [PAD_WIDTH, PAD_HEIGHT],
      ],
    );
    pad.unmount();
  });

  it(`stops at ${MAX_STROKES} strokes and ${MAX_POINTS} points and keeps what is there`, async () => {
    const dots = await mountPad();
    const dot = (i: number): Pt => [10 + (i % 50) * 10, 20 + Math.floor(i / 50) * 20];
    for (let i = 0; i < MAX_STROKES + 5; i++) dots.stroke([dot(i)]);
    equal(dots.drawn().strokes.length, MAX_STROKES);
    equal(
      dots.drawn().strokes.at(-1)?.points[0]?.slice(0, 2),
      dots.toPad(dot(MAX_STROKES - 1)),
      'the last kept',
    );
    dots.unmount();

    const long = await mountPad();
    const at = (i: number): Pt => [10 + (i % 500), 20 + (i % 97)];
    const path: Pt[] = Array.from({ length: MAX_POINTS + 50 }, (_, i) => at(i));
    long.stroke(path);
    const kept = long.drawn().strokes;
    equal(kept.length, 1);
    equal(kept[0]?.points.length, MAX_POINTS);
    equal(kept[0]?.points.at(-1)?.slice(0, 2), long.toPad(at(MAX_POINTS - 1)), 'the first points are kept');
    long.stroke(ZIGZAG);
    equal(long.drawn().strokes.length, 1, 'no stroke starts once the points are used up');
    long.unmount();
  });

  it('lets a resident type their name instead (記名) and renders it as the PNG', async () => {
    const pad = await mountPad();
    pad.stroke(ZIGZAG);
    const drawnBefore = pad.drawn();
    pad.button('signature-type-instead').click();
    equal(pad.last(), null, 'no name typed yet: no signature');
    await nextFrame();
    const input = pad.host.querySelector('[data-testid="signature-typed-name"]') as HTMLInputElement;
    assert(input, 'a text input for the name');
    assert(input.labels?.[0]?.textContent?.includes(LABELS.typedNameLabel), 'the input is labelled');
    input.value = '見本　一郎';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    const typed = pad.drawn();
    equal(
      { method: typed.method, typedName: typed.typedName, strokes: typed.strokes },
      { method: 'typed', typedName: '見本　一郎', strokes: [] },
    );
    equal([typed.width, typed.height], [PAD_WIDTH, PAD_HEIGHT]);
    assert((await inkOf(typed.png)) > 2000, 'the typed name is drawn large');
    const record = parseSignatureRecord(
      { ...typed, scope: 'visit', signedAt: new Date().toISOString(), contentSha256: 'b'.repeat(64) },
      isInstant,
    );
    assert(record.ok, `the server accepts a typed signature: ${JSON.stringify(record)}`);
    input.value = '   ';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    equal(pad.last(), null, 'a blank name is no signature');

    await nextFrame();
    pad.button('signature-draw-instead').click();
    equal(pad.drawn().strokes, drawnBefore.strokes, 'back to drawing, the strokes are still there');
    equal(pad.drawn().png, drawnBefore.png);
    pad.unmount();
  });

  it('is accessible: a labelled image and real buttons of at least 44 px', async () => {
    const pad = await mountPad();
    equal(pad.canvas.getAttribute('role'), 'img');
    equal(pad.canvas.getAttribute('aria-label'), LABELS.pad);
    equal(getComputedStyle(pad.canvas).touchAction, 'none');
    for (const [id, text] of [
      ['signature-undo', LABELS.undo],
      ['signature-clear', LABELS.clear],
      ['signature-type-instead', LABELS.typeInstead],
    ] as const) {
      const b = pad.button(id);
      equal([b.tagName, b.type, b.textContent], ['BUTTON', 'button', text]);
      const box = b.getBoundingClientRect();
      assert(box.height >= 44 && box.width >= 44, `${id} is ${box.width}×${box.height}`);
    }
    pad.unmount();
  });
});
