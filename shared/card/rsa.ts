// RSASSA-PKCS1-v1_5 with SHA-256 through WebCrypto: every signature of the 券面事項入力補助AP
// uses it (cards.md §1.8). crypto.subtle exists in Chromium, workers and Node 20 alike
// (platform-globals.d.ts). Verification never throws: a key WebCrypto refuses or a signature of
// the wrong length is simply "not verified".
import { fromHex, ownedCopy, toBase64Url } from './bytes.ts';

/** An RSA public key as JWK (RFC 7518 §6.3.1): how CA keys are configured (trust-store.ts). */
export interface RsaPublicJwk {
  readonly kty: 'RSA';
  /** Modulus, base64url, big-endian. */
  readonly n: string;
  /** Public exponent, base64url ("AQAB" = 65537). */
  readonly e: string;
}

/** WebCrypto's CryptoKey, named by inference so that shared/ needs no DOM typings. */
export type VerifyKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

const RSA_SHA256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2 note 1; cards.md §1.3). */
export const SHA256_DIGEST_INFO_PREFIX = fromHex('30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20');

/** DigestInfo { sha256, hash }: 51 bytes, what COMPUTE DIGITAL SIGNATURE P1 00 signs as is. */
export function sha256DigestInfo(hash: Uint8Array): Uint8Array {
  if (hash.length !== 32) throw new RangeError('sha256DigestInfo: hash must be 32 bytes');
  const out = new Uint8Array(SHA256_DIGEST_INFO_PREFIX.length + 32);
  out.set(SHA256_DIGEST_INFO_PREFIX, 0);
  out.set(hash, SHA256_DIGEST_INFO_PREFIX.length);
  return out;
}

/** SHA-256 of `bytes`. The internal copy is zeroed afterwards (it may hold a My Number). */
export async function sha256(bytes: Uint8Array): Promise<Uint8Array> {
  const copy = ownedCopy(bytes);
  try {
    return new Uint8Array(await crypto.subtle.digest('SHA-256', copy));
  } finally {
    copy.fill(0);
  }
}

/** The JWK of a key the card gives as modulus and exponent bytes (tags 91 and 90, §1.6). */
export function rsaPublicJwk(modulus: Uint8Array, exponent: Uint8Array): RsaPublicJwk {
  return {
    kty: 'RSA',
    n: toBase64Url(stripLeadingZeros(modulus)),
    e: toBase64Url(stripLeadingZeros(exponent)),
  };
}

/** Imports a public key for verification; undefined when WebCrypto refuses it. */
export async function importVerifyKey(jwk: RsaPublicJwk): Promise<VerifyKey | undefined> {
  try {
    return await crypto.subtle.importKey('jwk', { kty: jwk.kty, n: jwk.n, e: jwk.e }, RSA_SHA256, false, [
      'verify',
    ]);
  } catch {
    return undefined; // a malformed key from a card or a config file: reported as not verified
  }
}

/** True only when `signature` is a valid RSASSA-PKCS1-v1_5/SHA-256 signature of `data`. */
export async function verifyPkcs1Sha256(
  key: VerifyKey,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  try {
    return await crypto.subtle.verify(RSA_SHA256.name, key, ownedCopy(signature), ownedCopy(data));
  } catch {
    return false; // e.g. a signature longer than the modulus: not a valid signature
  }
}

// JWK integers use the fewest octets (RFC 7518 §6.3.1.1).
function stripLeadingZeros(bytes: Uint8Array): Uint8Array {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  return bytes.subarray(start);
}
