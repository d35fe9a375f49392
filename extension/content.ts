// Content script on legacy screens: if a recipe matches this URL, show the panel; on request,
// fetch the chosen application through the background and fill the screen. Never submits.
import type { ApplicationSummary } from '../shared/api.ts';
import { extensionErrorMessage } from './errors.ts';
import { countOutcomes, fillPage } from './fill.ts';
import { mountPanel, type Panel } from './panel.ts';
import { sendToBackground } from './platform.ts';
import { findRecipe } from './recipes/index.ts';
import type { Recipe } from './recipes/types.ts';

function describe(a: ApplicationSummary): string {
  return `受付番号 ${a.receiptNumber}　${a.name}（${a.procedureName}）`;
}

function start(recipe: Recipe): void {
  let filled: { id: string; receiptNumber: string } | null = null; // on screen now; 転記済み marks it
  let panel: Panel;

  async function refreshChosen(): Promise<void> {
    const reply = await sendToBackground({ type: 'get-chosen' });
    const chosen = reply.ok ? reply.value : null;
    panel.showApplication(chosen ? describe(chosen) : null);
    if (reply.ok) return;
    // Not signed in is the normal state of a fresh browser, not a failure.
    panel.showStatus(
      extensionErrorMessage(reply.error),
      reply.error.kind === 'not-signed-in' ? 'info' : 'error',
    );
  }

  async function fill(): Promise<void> {
    panel.setBusy(true);
    panel.showStatus('申請を読み込んでいます…', 'info');
    const detail = await sendToBackground({ type: 'get-chosen-detail' });
    panel.setBusy(false);
    if (!detail.ok) return panel.showStatus(extensionErrorMessage(detail.error), 'error');
    const application = detail.value;
    if (application.procedure !== recipe.procedure) {
      // The back office names the procedure: no catalogue in the content script.
      const message = extensionErrorMessage({
        kind: 'procedure-mismatch',
        procedureName: application.procedureName,
        screenName: recipe.name,
      });
      return panel.showStatus(message, 'error');
    }
    const report = fillPage(document, recipe, application.fields);
    filled = { id: application.id, receiptNumber: application.receiptNumber };
    panel.showApplication(describe(application));
    panel.showReport(report);
    const counts = countOutcomes(report);
    const toCheck = counts.flagged + counts.missing;
    panel.showStatus(
      toCheck > 0
        ? `${counts.filled}項目を入力しました。⚠✖の${toCheck}項目は手で入力してください。画面を確認して登録したら「転記済みにする」を押してください。`
        : `${counts.filled}項目を入力しました。画面を確認して登録したら「転記済みにする」を押してください。`,
      'info',
    );
    panel.allowMarkDone(true);
  }

  async function markDone(): Promise<void> {
    if (!filled) return;
    panel.setBusy(true);
    const reply = await sendToBackground({ type: 'mark-transcribed', id: filled.id });
    panel.setBusy(false);
    if (!reply.ok) return panel.showStatus(extensionErrorMessage(reply.error), 'error');
    panel.allowMarkDone(false);
    panel.showStatus(`受付番号 ${filled.receiptNumber} を転記済みにしました。`, 'done');
    filled = null;
    await refreshChosen();
  }

  panel = mountPanel(document, { onFill: () => void fill(), onMarkDone: () => void markDone() });
  panel.showApplication(null);
  void refreshChosen();
  // Staff choose in the popup while this tab is open; pick up the choice when they come back.
  window.addEventListener('focus', () => void refreshChosen());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void refreshChosen();
  });
}

const recipe = findRecipe(new URL(location.href));
if (recipe) start(recipe);
