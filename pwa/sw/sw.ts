// The counter app's service worker: precaches the built app (workbox) so it starts offline,
// and answers every navigation with the app shell. The back-office API is never cached:
// applications travel through the IndexedDB outbox, not through the HTTP cache.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { OUTBOX_SYNC_TAG, SYNC_MESSAGE } from '../sync/background-sync.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

self.skipWaiting();
clientsClaim();
cleanupOutdatedCaches();
precacheAndRoute(self.__WB_MANIFEST);
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('/index.html'), {
    denylist: [/^\/api\//, /^\/healthz/, /^\/backoffice/], // the back office is its own page
  }),
);

// Background Sync (a trigger, not the guarantee): the outbox is sealed with a key the app holds,
// so the worker does not send; it wakes the open app windows, which do.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync', (event) => {
  const e = event as SyncEvent;
  if (e.tag !== OUTBOX_SYNC_TAG) return;
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((windows) => {
      for (const w of windows) w.postMessage({ type: SYNC_MESSAGE });
    }),
  );
});
