// Background service worker (MV3): the only context that talks to the back office. The popup and
// the content script send it typed messages (messages.ts) and get Result values back.
import type { ApplicationSummary } from '../shared/api.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { chosenApplication, type SignedIn, settings, signInState } from './background-state.ts';
import { type BackofficeClient, createBackofficeClient, parseBackofficeUrl } from './backoffice-client.ts';
import type { ExtensionError } from './errors.ts';
import { isMessage, type Message, type MessageType, type PopupState, type Reply } from './messages.ts';
import { onExtensionMessage } from './platform.ts';

type Handlers = { readonly [T in MessageType]: (message: Message<T>) => Promise<Reply<T>> };

async function popupState(): Promise<PopupState> {
  const signedIn = await signInState.get();
  return {
    backofficeUrl: await settings.backofficeUrl(),
    staff: signedIn?.staff ?? null,
    chosen: signedIn ? await chosenApplication.get() : null,
  };
}

/** The client and token for a call; an expired token is dropped before the server says so. */
async function authorised(): Promise<Result<{ client: BackofficeClient; token: string }, ExtensionError>> {
  const signedIn = await signInState.get();
  if (!signedIn) return err({ kind: 'not-signed-in' });
  if (Date.parse(signedIn.expiresAt) <= Date.now()) {
    await signInState.clear();
    return err({ kind: 'session-expired' });
  }
  return ok({ client: createBackofficeClient(await settings.backofficeUrl()), token: signedIn.token });
}

/** Runs an authorised call; a 401 from the server means the sign-in is gone, so forget it. */
async function withToken<T>(
  call: (client: BackofficeClient, token: string) => Promise<Result<T, ExtensionError>>,
): Promise<Result<T, ExtensionError>> {
  const auth = await authorised();
  if (!auth.ok) return auth;
  const result = await call(auth.value.client, auth.value.token);
  if (!result.ok && result.error.kind === 'session-expired') await signInState.clear();
  return result;
}

const handlers: Handlers = {
  'get-state': async () => ok(await popupState()),

  'sign-in': async ({ backofficeUrl, username, password }) => {
    const url = parseBackofficeUrl(backofficeUrl);
    if (!url.ok) return url;
    await settings.setBackofficeUrl(url.value);
    const result = await createBackofficeClient(url.value).signIn({ username, password });
    if (!result.ok) return result;
    const { token, expiresAt, staff } = result.value;
    const signedIn: SignedIn = {
      token,
      expiresAt,
      staff: { username: staff.username, displayName: staff.displayName },
    };
    await signInState.clear(); // a new staff member never inherits the previous choice
    await signInState.set(signedIn);
    return ok(await popupState());
  },

  'sign-out': async () => {
    const signedIn = await signInState.get();
    await signInState.clear(); // forgotten locally whatever the server answers
    if (signedIn) {
      const result = await createBackofficeClient(await settings.backofficeUrl()).signOut(signedIn.token);
      if (!result.ok && result.error.kind !== 'unreachable') return result;
    }
    return ok(await popupState());
  },

  'list-received': () => withToken((client, token) => client.listReceived(token)),

  choose: ({ id }) =>
    withToken(async (client, token): Promise<Result<ApplicationSummary, ExtensionError>> => {
      // Fetched again rather than trusted from the popup's list: it may have changed meanwhile.
      const detail = await client.getApplication(token, id);
      if (!detail.ok) return detail;
      const { receiptNumber, procedure, procedureName, name, receivedAt, status } = detail.value;
      const summary: ApplicationSummary = {
        id,
        receiptNumber,
        procedure,
        procedureName,
        name,
        receivedAt,
        status,
      };
      await chosenApplication.set(summary);
      return ok(summary);
    }),

  'get-chosen': async () =>
    (await signInState.get()) ? ok(await chosenApplication.get()) : err({ kind: 'not-signed-in' }),

  'get-chosen-detail': () =>
    withToken(async (client, token) => {
      const chosen = await chosenApplication.get();
      if (!chosen) return err({ kind: 'no-application-chosen' });
      const detail = await client.getApplication(token, chosen.id);
      if (detail.ok && detail.value.status === 'transcribed')
        return err({ kind: 'already-transcribed', receiptNumber: detail.value.receiptNumber });
      return detail;
    }),

  'mark-transcribed': ({ id }) =>
    withToken(async (client, token) => {
      const result = await client.markTranscribed(token, id);
      if (!result.ok) return result;
      if ((await chosenApplication.get())?.id === id) await chosenApplication.clear();
      return ok({});
    }),
};

const TYPES = Object.keys(handlers);

onExtensionMessage((message) => {
  if (!isMessage(message, TYPES)) return undefined;
  const handle = handlers[message.type] as (m: Message) => Promise<Reply<MessageType>>;
  return handle(message).catch((error: unknown) => err({ kind: 'extension', detail: String(error) }));
});
