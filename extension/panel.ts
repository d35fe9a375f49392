// The panel the content script puts on a legacy screen: which application is chosen, a fill
// button, the per-field report and 「転記済みにする」. Shadow DOM keeps the legacy page's CSS
// (font tags, table styles) out; 'open' so tests and assistive tech can reach it.
import { fieldOutcomeMessage } from './errors.ts';
import type { FillReport } from './fill.ts';

const STYLE = `
  :host { all: initial; }
  .panel { position: fixed; top: 12px; right: 12px; z-index: 2147483647; width: 360px; max-height: calc(100vh - 24px);
    overflow: auto; box-sizing: border-box; background: #fff; color: #111; border: 3px solid #0b3d91; border-radius: 8px;
    box-shadow: 0 4px 16px rgba(0,0,0,.35); font: 15px/1.5 system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", sans-serif; }
  header { display: flex; justify-content: space-between; align-items: center; background: #0b3d91; color: #fff;
    padding: 6px 10px; font-weight: bold; }
  .body { padding: 10px; }
  button { font: inherit; font-weight: bold; min-height: 44px; padding: 6px 14px; border-radius: 6px; cursor: pointer;
    border: 2px solid #0b3d91; background: #0b3d91; color: #fff; }
  button.secondary { background: #fff; color: #0b3d91; min-height: 32px; padding: 2px 10px; }
  button:focus-visible { outline: 3px solid #f5a300; outline-offset: 2px; }
  button:disabled { opacity: .6; cursor: not-allowed; }
  .application { border: 2px solid #444; border-radius: 6px; padding: 6px 8px; margin-bottom: 8px; }
  ul { list-style: none; margin: 8px 0; padding: 0; }
  li { padding: 4px 6px; border-bottom: 1px solid #ccc; }
  li[data-status="flagged"], li[data-status="missing"] { background: #fff4d6; border-left: 5px solid #b35c00; }
  li[data-status="filled"] { border-left: 5px solid #0b6b2f; }
  .status { margin: 8px 0 0; font-weight: bold; }
  .status[data-tone="error"] { color: #9b0016; }
  .status[data-tone="done"] { color: #0b6b2f; }
  .actions { display: flex; gap: 8px; flex-wrap: wrap; }
  [hidden] { display: none !important; }
`;

export interface PanelCallbacks {
  onFill(): void;
  onMarkDone(): void;
}

export type StatusTone = 'info' | 'error' | 'done';

export interface Panel {
  showApplication(text: string | null): void;
  showReport(report: FillReport | null): void;
  showStatus(text: string, tone: StatusTone): void;
  setBusy(busy: boolean): void;
  allowMarkDone(allowed: boolean): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { testid?: string; className?: string; text?: string } = {},
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  if (props.testid) el.dataset.testid = props.testid;
  if (props.className) el.className = props.className;
  if (props.text) el.textContent = props.text;
  return el;
}

const MARKS = { filled: '✔', flagged: '⚠', missing: '✖' } as const;

export function mountPanel(doc: Document, callbacks: PanelCallbacks): Panel {
  const host = element(doc, 'div');
  host.id = 'kakanai-transcription-panel';
  const root = host.attachShadow({ mode: 'open' });
  const style = element(doc, 'style', { text: STYLE });
  const panel = element(doc, 'section', { className: 'panel', testid: 'kakanai-panel' });
  panel.setAttribute('aria-label', 'Kakanai 転記アシスタント');
  const header = element(doc, 'header', { text: 'Kakanai 転記アシスタント' });
  const toggle = element(doc, 'button', {
    className: 'secondary',
    text: '小さくする',
    testid: 'kakanai-toggle',
  });
  header.append(toggle);
  const body = element(doc, 'div', { className: 'body' });
  const application = element(doc, 'div', { className: 'application', testid: 'kakanai-application' });
  const fill = element(doc, 'button', { text: 'この画面に入力', testid: 'kakanai-fill' });
  const markDone = element(doc, 'button', { text: '転記済みにする', testid: 'kakanai-mark-done' });
  markDone.hidden = true;
  const report = element(doc, 'ul', { testid: 'kakanai-report' });
  report.setAttribute('aria-label', '入力結果');
  const status = element(doc, 'p', { className: 'status', testid: 'kakanai-status' });
  status.setAttribute('role', 'status');
  const actions = element(doc, 'div', { className: 'actions' });
  actions.append(fill, markDone);
  body.append(application, actions, report, status);
  panel.append(header, body);
  root.append(style, panel);
  doc.body.append(host);

  fill.addEventListener('click', () => callbacks.onFill());
  markDone.addEventListener('click', () => callbacks.onMarkDone());
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.textContent = body.hidden ? '開く' : '小さくする';
  });

  let canMarkDone = false;
  return {
    showApplication(text) {
      application.textContent = text ?? '拡張機能のポップアップで申請を選んでください。';
      fill.disabled = text === null;
    },
    showReport(result) {
      report.replaceChildren(
        ...(result?.fields ?? []).map((f) => {
          const li = element(doc, 'li', {
            text: `${MARKS[f.outcome.status]} ${f.label}：${fieldOutcomeMessage(f.outcome)}`,
          });
          li.dataset.status = f.outcome.status;
          li.dataset.selector = f.selector;
          return li;
        }),
      );
    },
    showStatus(text, tone) {
      status.textContent = text;
      status.dataset.tone = tone;
    },
    setBusy(isBusy) {
      fill.disabled = isBusy;
      markDone.disabled = isBusy || !canMarkDone;
    },
    allowMarkDone(allowed) {
      canMarkDone = allowed;
      markDone.hidden = !allowed;
      markDone.disabled = !allowed;
    },
  };
}
