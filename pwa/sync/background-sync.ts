// Background Sync, where the browser has it (Chromium): asks the browser to wake the service
// worker when the network is back, and the worker asks the open app to send. A trigger only —
// the engine also sends on start, on `online`, on becoming visible and on its timer, and nothing
// depends on the browser honouring the request.

export const OUTBOX_SYNC_TAG = 'kakanai-outbox';
export const SYNC_MESSAGE = 'kakanai:background-sync';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

/** Asks for a background sync; silently nothing where the API or a service worker is missing. */
export async function requestBackgroundSync(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  try {
    const registration = (await navigator.serviceWorker.ready) as ServiceWorkerRegistration & {
      sync?: SyncManagerLike;
    };
    await registration.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // Refused (permission, private mode): the other triggers still run.
  }
}

/** Calls `onSync` when the service worker relays a background sync to this window. */
export function onBackgroundSync(onSync: () => void): () => void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return () => {};
  const listener = (e: MessageEvent) => {
    if ((e.data as { type?: unknown } | null)?.type === SYNC_MESSAGE) onSync();
  };
  navigator.serviceWorker.addEventListener('message', listener);
  return () => navigator.serviceWorker.removeEventListener('message', listener);
}
