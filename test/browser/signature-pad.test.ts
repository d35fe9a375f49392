// The signature pad in real Chromium: pointer events draw, the PNG is produced, clearing resets.
import { h, render } from 'preact';
import { SignaturePad } from '../../pwa/components/SignaturePad.tsx';
import { assert, equal } from './assert.ts';

function pointer(target: Element, type: string, x: number, y: number) {
  const r = target.getBoundingClientRect();
  target.dispatchEvent(
    new PointerEvent(type, {
      bubbles: true,
      pointerId: 1,
      clientX: r.left + x,
      clientY: r.top + y,
      pointerType: 'pen',
    }),
  );
}

describe('SignaturePad', () => {
  it('turns a pen stroke into a PNG and clears it again', async () => {
    const host = document.createElement('div');
    host.style.width = '600px';
    document.body.append(host);
    const seen: (string | null)[] = [];
    render(h(SignaturePad, { label: '署名欄', onChange: (png: string | null) => seen.push(png) }), host);
    // preact runs effects after the next frame.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 10)));
    const canvas = host.querySelector('canvas') as HTMLCanvasElement;
    pointer(canvas, 'pointerdown', 20, 20);
    for (let x = 20; x < 300; x += 10) pointer(canvas, 'pointermove', x, 20 + (x % 40));
    pointer(canvas, 'pointerup', 300, 40);
    const png = seen.at(-1);
    assert(typeof png === 'string' && png.startsWith('data:image/png;base64,'), 'a PNG data URL');
    // Ink was drawn: some pixel on the stroke is dark.
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 100) dark++;
    assert(dark > 50, `ink drawn (${dark} dark pixels)`);
    (host.querySelector('[data-testid="signature-clear"]') as HTMLButtonElement).click();
    equal(seen.at(-1), null, 'cleared');
    render(null, host);
    host.remove();
  });
});
