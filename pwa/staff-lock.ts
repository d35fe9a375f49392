// Resident mode is locked: only staff can leave it, by typing their password again.
// The check must work offline, so at sign-in we keep a salted PBKDF2 verifier of the password
// in IndexedDB (never the password itself).
import type { IDBPDatabase } from 'idb';
import type { KakanaiDB } from './storage/db.ts';

const VERIFIER = 'staff-unlock-verifier';
const LOCKED = 'resident-lock';
const ITERATIONS = 210_000; // OWASP 2023 guidance for PBKDF2-HMAC-SHA256

interface Verifier {
  readonly salt: Uint8Array;
  readonly hash: ArrayBuffer;
}

async function derive(password: string, salt: Uint8Array): Promise<ArrayBuffer> {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  return crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations: ITERATIONS },
    base,
    256,
  );
}

export class StaffLock {
  // Other tabs of the app on this tablet hear about the lock, so none stays on a staff screen.
  private readonly channel =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel('kakanai-lock') : null;

  constructor(private readonly db: IDBPDatabase<KakanaiDB>) {}

  /** Called in every other tab when one tab hands the tablet to a resident. */
  onLockedElsewhere(listener: () => void): () => void {
    const handler = (e: MessageEvent) => e.data === 'locked' && listener();
    this.channel?.addEventListener('message', handler);
    return () => this.channel?.removeEventListener('message', handler);
  }

  async remember(password: string): Promise<void> {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const verifier: Verifier = { salt, hash: await derive(password, salt) };
    await this.db.put('settings', verifier, VERIFIER);
  }

  async forget(): Promise<void> {
    await this.db.delete('settings', VERIFIER);
  }

  async check(password: string): Promise<boolean> {
    const v = (await this.db.get('settings', VERIFIER)) as Verifier | undefined;
    if (!v) return false;
    const a = new Uint8Array(await derive(password, v.salt));
    const b = new Uint8Array(v.hash);
    let diff = a.length ^ b.length;
    for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
    return diff === 0;
  }

  /** Persisted so that a reload in resident mode does not drop back into the staff screens. */
  async lock(): Promise<void> {
    await this.db.put('settings', true, LOCKED);
    this.channel?.postMessage('locked');
  }

  async unlock(): Promise<void> {
    await this.db.delete('settings', LOCKED);
  }

  async isLocked(): Promise<boolean> {
    return (await this.db.get('settings', LOCKED)) === true;
  }
}
