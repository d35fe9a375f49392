// Registers the service worker (pwa/sw/sw.ts) that makes the app start with the network cut.
import { Workbox } from 'workbox-window';

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  void wb.register();
}
