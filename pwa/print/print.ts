// Printing from the counter app: the forms go into a hidden same-origin iframe holding only them
// and print.css, and that frame is printed with the browser's own dialog (paper, or PDF). The app
// page itself never needs print styles, and nothing leaves the tablet.
import { h, render } from 'preact';
import { PrintDocument, type PrintFormProps } from './PrintForm.tsx';
import printCss from './print.css?inline';

let previous: HTMLIFrameElement | undefined;

/** Prints the forms, each layout page on one A4 sheet; resolves once the print dialog has them. */
export async function printForms(forms: readonly PrintFormProps[]): Promise<void> {
  if (forms.length === 0) return;
  // A frame left by a browser that never sent afterprint (some Android builds) goes now.
  previous?.remove();
  const host = document.createElement('div');
  render(h(PrintDocument, { forms }), host);
  const body = host.innerHTML;
  render(null, host);
  const title = forms.map((f) => f.procedure.print.title).join('・');

  const frame = document.createElement('iframe');
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  // Laid out but unseen: a display:none frame has no layout, and Chromium prints it blank.
  Object.assign(frame.style, {
    position: 'fixed',
    right: '0',
    bottom: '0',
    width: '0',
    height: '0',
    border: '0',
    visibility: 'hidden',
  });
  const loaded = new Promise<void>((resolve) =>
    frame.addEventListener('load', () => resolve(), { once: true }),
  );
  // srcdoc is same-origin with the app; its load event waits for the signature images.
  frame.srcdoc = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${printCss}</style></head><body>${body}</body></html>`;
  document.body.append(frame);
  previous = frame;
  await loaded;

  const win = frame.contentWindow;
  const doc = frame.contentDocument;
  if (!win || !doc) {
    frame.remove();
    throw new Error('the print frame did not open');
  }
  // 明朝 and ゴシック are local fonts, but the first use still loads them: print only when ready.
  await doc.fonts.ready;
  win.addEventListener(
    'afterprint',
    () => {
      frame.remove();
      if (previous === frame) previous = undefined;
    },
    { once: true },
  );
  win.focus();
  win.print();
}

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"]/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string,
  );
}
