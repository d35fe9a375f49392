// The cryptography of device enrollment, with WebCrypto (globalThis.crypto.subtle) only: the
// one-time codes (random, unambiguous, stored as a hash) and the tablets' ECDSA P-256 keys.
// (Plain hashes use node:crypto's synchronous SHA-256.)
import { createHash } from 'node:crypto';
import { ENROLLMENT_CODE_ALPHABET, ENROLLMENT_CODE_LENGTH } from '../../shared/api.ts';
import { bytesOfBase64Url } from '../../shared/device-auth.ts';
import { sha256Hex } from '../canonical-json.ts';
import type { DevicePublicJwk } from '../store/devices.ts';

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** 10 uniformly random characters of the alphabet (rejection sampling: no modulo bias). */
export function newEnrollmentCode(): string {
  const n = ENROLLMENT_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < ENROLLMENT_CODE_LENGTH) {
    for (const b of crypto.getRandomValues(new Uint8Array(16))) {
      if (b < limit && out.length < ENROLLMENT_CODE_LENGTH) out += ENROLLMENT_CODE_ALPHABET[b % n];
    }
  }
  return out;
}

/** "K7QM2XPA9R" → "K7QM-2XPA-9R", for reading out and typing. */
export function formatEnrollmentCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

/**
 * What staff typed, as the code it stands for: full-width characters (an IME left on) and lower
 * case are folded, hyphens and spaces dropped. undefined when it cannot be a code at all.
 */
export function normalizeEnrollmentCode(typed: string): string | undefined {
  const code = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐－ー―]/g, '');
  if (code.length !== ENROLLMENT_CODE_LENGTH) return undefined;
  return [...code].every((c) => ENROLLMENT_CODE_ALPHABET.includes(c)) ? code : undefined;
}

export const enrollmentCodeHash = (normalized: string) => sha256Hex(`kakanai-enrollment:${normalized}`);

/**
 * A P-256 public key as a JWK, reduced to its four members; undefined for anything else (another
 * curve, a private key, coordinates that are not 32 bytes or not a point on the curve).
 */
export async function parseDevicePublicKey(value: unknown): Promise<DevicePublicJwk | undefined> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const jwk = value as Record<string, unknown>;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || 'd' in jwk) return undefined;
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') return undefined;
  if (bytesOfBase64Url(jwk.x)?.length !== 32 || bytesOfBase64Url(jwk.y)?.length !== 32) return undefined;
  const key: DevicePublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  try {
    await importDeviceKey(key); // WebCrypto refuses a point that is not on the curve
  } catch {
    return undefined;
  }
  return key;
}

export function importDeviceKey(key: DevicePublicJwk) {
  return crypto.subtle.importKey('jwk', { ...key, ext: true }, ECDSA_P256, false, ['verify']);
}

// Imported verification keys by coordinates: a tablet signs every request with the same key, and
// importing a JWK costs more than the verification itself. Bounded: a full cache starts over.
const verifyKeys = new Map<string, ReturnType<typeof importDeviceKey>>();
const MAX_CACHED_KEYS = 1000;

function verifyKeyOf(key: DevicePublicJwk): ReturnType<typeof importDeviceKey> {
  const id = `${key.x}.${key.y}`;
  let imported = verifyKeys.get(id);
  if (!imported) {
    if (verifyKeys.size >= MAX_CACHED_KEYS) verifyKeys.clear();
    imported = importDeviceKey(key);
    imported.catch(() => verifyKeys.delete(id));
    verifyKeys.set(id, imported);
  }
  return imported;
}

export async function verifyDeviceSignature(
  key: DevicePublicJwk,
  signature: Uint8Array,
  text: string,
): Promise<boolean> {
  try {
    return await crypto.subtle.verify(
      { name: 'ECDSA', hash: 'SHA-256' },
      await verifyKeyOf(key),
      signature as Uint8Array<ArrayBuffer>,
      new TextEncoder().encode(text),
    );
  } catch {
    return false;
  }
}

/** SHA-256 of the JWK's coordinates, short: names a key in the audit log without copying it. */
export const keyThumbprint = (key: DevicePublicJwk) => sha256Hex(`${key.x}.${key.y}`).slice(0, 16);

/** Synchronous underneath (node:crypto): a batch's body is hashed on every request. */
export async function sha256HexOfBytes(bytes: Uint8Array): Promise<string> {
  return createHash('sha256').update(bytes).digest('hex');
}
