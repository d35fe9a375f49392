// The typed messages between the popup / content script and the background service worker.
// Only the background talks to the back office; the others ask it through these messages.
import type { ApplicationDetail, ApplicationSummary } from '../shared/api.ts';
import type { Result } from '../shared/result.ts';
import type { ExtensionError } from './errors.ts';

export const DEFAULT_BACKOFFICE_URL = 'http://127.0.0.1:8787';

export interface StaffInfo {
  readonly username: string;
  readonly displayName: string;
}

export interface PopupState {
  readonly backofficeUrl: string;
  readonly staff: StaffInfo | null;
  readonly chosen: ApplicationSummary | null;
}

type NoFields = Record<never, never>;

export interface MessageMap {
  'get-state': { request: NoFields; response: PopupState };
  'sign-in': { request: { backofficeUrl: string; username: string; password: string }; response: PopupState };
  'sign-out': { request: NoFields; response: PopupState };
  'list-received': { request: NoFields; response: readonly ApplicationSummary[] };
  choose: { request: { id: string }; response: ApplicationSummary };
  'get-chosen': { request: NoFields; response: ApplicationSummary | null };
  /** The chosen application with its fields, fetched when staff press 「この画面に入力」. */
  'get-chosen-detail': { request: NoFields; response: ApplicationDetail };
  'mark-transcribed': { request: { id: string }; response: NoFields };
}

export type MessageType = keyof MessageMap;
export type Message<T extends MessageType = MessageType> = { readonly type: T } & MessageMap[T]['request'];
export type Reply<T extends MessageType> = Result<MessageMap[T]['response'], ExtensionError>;

export function isMessage(value: unknown, types: readonly string[]): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    types.includes((value as { type: string }).type)
  );
}
