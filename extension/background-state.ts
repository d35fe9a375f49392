// What the background keeps between messages (the service worker may be stopped at any time,
// so nothing lives in module variables). Settings in storage.local; the token, the signed-in staff
// and the chosen application in storage.session: memory only, gone when the browser closes, and
// not readable by content scripts (its default access level is TRUSTED_CONTEXTS).
import type { ApplicationSummary } from '../shared/api.ts';
import { DEFAULT_BACKOFFICE_URL, type StaffInfo } from './messages.ts';
import { localArea, sessionArea } from './platform.ts';

interface LocalSchema {
  backofficeUrl: string;
}

interface SessionSchema {
  token: string;
  expiresAt: string;
  staff: StaffInfo;
  chosen: ApplicationSummary;
}

export interface SignedIn {
  readonly token: string;
  readonly expiresAt: string;
  readonly staff: StaffInfo;
}

const local = localArea<LocalSchema>();
const session = sessionArea<SessionSchema>();

export const settings = {
  backofficeUrl: async (): Promise<string> => (await local.get('backofficeUrl')) ?? DEFAULT_BACKOFFICE_URL,
  setBackofficeUrl: (url: string): Promise<void> => local.set('backofficeUrl', url),
};

export const signInState = {
  async get(): Promise<SignedIn | undefined> {
    const [token, expiresAt, staff] = await Promise.all([
      session.get('token'),
      session.get('expiresAt'),
      session.get('staff'),
    ]);
    return token && expiresAt && staff ? { token, expiresAt, staff } : undefined;
  },
  async set(s: SignedIn): Promise<void> {
    await Promise.all([
      session.set('token', s.token),
      session.set('expiresAt', s.expiresAt),
      session.set('staff', s.staff),
    ]);
  },
  /** Signing out (or an expired token) also forgets the chosen application. */
  clear: (): Promise<void> => session.remove(['token', 'expiresAt', 'staff', 'chosen']),
};

export const chosenApplication = {
  get: async (): Promise<ApplicationSummary | null> => (await session.get('chosen')) ?? null,
  set: (a: ApplicationSummary): Promise<void> => session.set('chosen', a),
  clear: (): Promise<void> => session.remove(['chosen']),
};
