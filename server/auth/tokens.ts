// Bearer tokens: 32 random bytes, base64url. The client holds the token; the server stores only
// its SHA-256, which is enough to look a session up and useless to present as a token.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_HOURS = 12; // one counter day, so a tablet left signed in overnight is not

export function newBearerToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The token from `Authorization: Bearer <token>`, or undefined when absent or malformed. */
export function bearerTokenFrom(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header ?? '');
  return match?.[1];
}
