// The server's synchronous SHA-256 over shared canonical JSON (audit chain, resend checks).
import { createHash } from 'node:crypto';

export { type CanonicalMemo, canonicalJson, type JsonValue } from '../shared/canonical-json.ts';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
