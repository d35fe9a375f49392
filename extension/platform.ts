// The one module that touches the extension platform (webextension-polyfill): messaging and
// storage. Keeping it here lets us drop the polyfill for plain chrome.* later, as refined-github
// did (#7482), by changing one file. Nothing else imports webextension-polyfill.
import browser, { type Runtime } from 'webextension-polyfill';
import { err } from '../shared/result.ts';
import type { Message, MessageType, Reply } from './messages.ts';

/** Sends a message to the background and returns its typed reply; a dead channel is an error value. */
export async function sendToBackground<T extends MessageType>(message: Message<T>): Promise<Reply<T>> {
  try {
    const reply: unknown = await browser.runtime.sendMessage(message);
    if (typeof reply === 'object' && reply !== null && 'ok' in reply) return reply as Reply<T>;
    return err({ kind: 'extension', detail: `no reply to ${message.type}` });
  } catch (error) {
    // e.g. "Could not establish connection" while the service worker restarts.
    return err({ kind: 'extension', detail: String(error) });
  }
}

/**
 * Answers messages from our own pages and content scripts. Returning a promise is how the polyfill
 * sends a reply; returning undefined leaves the message to other listeners.
 */
export function onExtensionMessage(answer: (message: unknown) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    // Only this extension's own contexts; no externally_connectable in the manifest either.
    if (sender.id !== browser.runtime.id) return undefined;
    return answer(message);
  });
}

export interface StorageArea<T extends object> {
  get<K extends keyof T & string>(key: K): Promise<T[K] | undefined>;
  set<K extends keyof T & string>(key: K, value: T[K]): Promise<void>;
  remove(keys: (keyof T & string)[]): Promise<void>;
}

function area<T extends object>(storage: browser.Storage.StorageArea): StorageArea<T> {
  return {
    get: async (key) => (await storage.get(key))[key] as T[typeof key] | undefined,
    set: (key, value) => storage.set({ [key]: value }),
    remove: (keys) => storage.remove(keys),
  };
}

/** Survives browser restarts: settings only, never personal data or tokens. */
export function localArea<T extends object>(): StorageArea<T> {
  return area<T>(browser.storage.local);
}

/** Kept in memory by the browser and gone when it closes (chrome.storage.session, MV3). */
export function sessionArea<T extends object>(): StorageArea<T> {
  return area<T>(browser.storage.session);
}
