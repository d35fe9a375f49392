// The toolbar popup: back-office URL, staff sign-in, the list of received applications and the
// choice of one. Plain DOM; every answer comes from the background as a Result.
import type { ApplicationSummary } from '../shared/api.ts';
import { type ExtensionError, extensionErrorMessage, needsSignIn } from './errors.ts';
import type { PopupState } from './messages.ts';
import { sendToBackground } from './platform.ts';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`popup.html lacks #${id}`); // a build mistake, not a runtime state
  return el as T;
}

const ui = {
  error: byId<HTMLParagraphElement>('error'),
  busy: byId<HTMLParagraphElement>('busy'),
  form: byId<HTMLFormElement>('sign-in-form'),
  url: byId<HTMLInputElement>('backoffice-url'),
  username: byId<HTMLInputElement>('username'),
  password: byId<HTMLInputElement>('password'),
  work: byId<HTMLElement>('work'),
  staffName: byId<HTMLElement>('staff-name'),
  signOut: byId<HTMLButtonElement>('sign-out'),
  chosen: byId<HTMLParagraphElement>('chosen'),
  refresh: byId<HTMLButtonElement>('refresh'),
  list: byId<HTMLTableSectionElement>('applications'),
  empty: byId<HTMLParagraphElement>('empty'),
};

const receivedAtFormat = new Intl.DateTimeFormat('ja-JP', {
  timeZone: 'Asia/Tokyo', // the counter's time, whatever the staff PC is set to
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

function formatReceivedAt(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : receivedAtFormat.format(t);
}

function showError(e: ExtensionError | undefined): void {
  ui.error.hidden = !e;
  ui.error.textContent = e ? extensionErrorMessage(e) : '';
}

async function busy<T>(work: () => Promise<T>): Promise<T> {
  ui.busy.hidden = false;
  for (const b of document.querySelectorAll('button')) b.disabled = true;
  try {
    return await work();
  } finally {
    ui.busy.hidden = true;
    for (const b of document.querySelectorAll('button')) b.disabled = false;
  }
}

let chosenId: string | null = null;

function renderChosen(chosen: ApplicationSummary | null): void {
  chosenId = chosen?.id ?? null;
  ui.chosen.textContent = chosen
    ? `選択中：${chosen.receiptNumber}　${chosen.name}（${chosen.procedureName}）。旧システムの入力画面を開いて「この画面に入力」を押してください。`
    : '申請を選んでください。';
  for (const row of ui.list.querySelectorAll<HTMLTableRowElement>('tr')) {
    row.setAttribute('aria-current', String(row.dataset.id === chosenId));
  }
}

function renderSignedOut(state: PopupState): void {
  ui.work.hidden = true;
  ui.form.hidden = false;
  ui.url.value = state.backofficeUrl;
  ui.password.value = '';
  (ui.username.value ? ui.password : ui.username).focus();
}

function renderList(applications: readonly ApplicationSummary[]): void {
  ui.list.replaceChildren(
    ...applications.map((a) => {
      const row = document.createElement('tr');
      row.dataset.testid = 'application-row';
      row.dataset.id = a.id;
      for (const text of [a.receiptNumber, a.name, a.procedureName, formatReceivedAt(a.receivedAt)]) {
        const cell = document.createElement('td');
        cell.textContent = text;
        row.append(cell);
      }
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = '選択';
      button.dataset.testid = 'choose';
      button.setAttribute('aria-label', `${a.receiptNumber} ${a.name} を選択`);
      button.addEventListener('click', () => void choose(a.id));
      const cell = document.createElement('td');
      cell.append(button);
      row.append(cell);
      return row;
    }),
  );
  ui.empty.hidden = applications.length > 0;
  renderChosen(applications.find((a) => a.id === chosenId) ?? null);
}

/** An error that ends the sign-in sends staff back to the form, with the reason shown. */
async function handleError(e: ExtensionError): Promise<void> {
  showError(e);
  if (!needsSignIn(e)) return;
  const state = await sendToBackground({ type: 'get-state' });
  if (state.ok) renderSignedOut(state.value);
}

async function loadList(): Promise<void> {
  const list = await busy(() => sendToBackground({ type: 'list-received' }));
  if (!list.ok) return handleError(list.error);
  renderList(list.value);
}

async function renderSignedIn(state: PopupState): Promise<void> {
  ui.form.hidden = true;
  ui.work.hidden = false;
  ui.staffName.textContent = state.staff ? `${state.staff.displayName}（${state.staff.username}）` : '';
  renderChosen(state.chosen);
  await loadList();
}

async function choose(id: string): Promise<void> {
  showError(undefined);
  const chosen = await busy(() => sendToBackground({ type: 'choose', id }));
  if (!chosen.ok) return handleError(chosen.error);
  renderChosen(chosen.value);
}

ui.form.addEventListener('submit', (event) => {
  event.preventDefault();
  showError(undefined);
  void (async () => {
    const state = await busy(() =>
      sendToBackground({
        type: 'sign-in',
        backofficeUrl: ui.url.value,
        username: ui.username.value.trim(),
        password: ui.password.value,
      }),
    );
    ui.password.value = ''; // never kept in the page longer than the request
    if (!state.ok) return showError(state.error);
    await renderSignedIn(state.value);
  })();
});

ui.signOut.addEventListener('click', () => {
  showError(undefined);
  void (async () => {
    // The background forgets the token even when the server cannot be told; show why, then the form.
    const signedOut = await busy(() => sendToBackground({ type: 'sign-out' }));
    if (!signedOut.ok) showError(signedOut.error);
    ui.list.replaceChildren();
    const state = signedOut.ok ? signedOut : await sendToBackground({ type: 'get-state' });
    if (state.ok) renderSignedOut(state.value);
  })();
});

ui.refresh.addEventListener('click', () => {
  showError(undefined);
  void loadList();
});

void (async () => {
  const state = await sendToBackground({ type: 'get-state' });
  if (!state.ok) return showError(state.error);
  if (state.value.staff) await renderSignedIn(state.value);
  else renderSignedOut(state.value);
})();
