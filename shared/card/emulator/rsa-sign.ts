// Synchronous RSASSA-PKCS1-v1_5 signing (RFC 8017 §8.2.1) with BigInt, for the emulator only:
// process() must answer COMPUTE DIGITAL SIGNATURE synchronously (the RC-S380 fake device calls
// it), and WebCrypto signs asynchronously. Uses the CRT parameters of the committed TEST keys, a
// few milliseconds per RSA-2048 signature. Not constant-time: never for real keys.
import { fromBase64Url } from '../bytes.ts';
import { sha256DigestInfo } from '../rsa.ts';
import { sha256Sync } from './sha256.ts';
import type { RsaPrivateJwk } from './test-ca.ts';

interface CrtKey {
  readonly n: bigint;
  readonly p: bigint;
  readonly q: bigint;
  readonly dp: bigint;
  readonly dq: bigint;
  readonly qi: bigint;
  readonly k: number; // modulus length in bytes
}

const parsed = new WeakMap<RsaPrivateJwk, CrtKey>();

/** The modulus bytes of a JWK (what the card files carry under tag 91). */
export function modulusBytes(jwk: RsaPrivateJwk): Uint8Array {
  return decode(jwk.n);
}

/** EMSA-PKCS1-v1_5 over `t` exactly as given (P1 00 of 80 2A: the caller supplies a DigestInfo). */
export function signRaw(jwk: RsaPrivateJwk, t: Uint8Array): Uint8Array | undefined {
  const key = crtKey(jwk);
  if (t.length > key.k - 11) return undefined; // RFC 8017 §9.2 step 3: "intended encoded message length too short"
  const em = new Uint8Array(key.k).fill(0xff);
  em[0] = 0x00;
  em[1] = 0x01;
  em[key.k - t.length - 1] = 0x00;
  em.set(t, key.k - t.length);
  const m = toBigInt(em);
  // CRT (RFC 8017 §5.1.2 step 2b): two half-size exponentiations instead of one.
  const s1 = modPow(m % key.p, key.dp, key.p);
  const s2 = modPow(m % key.q, key.dq, key.q);
  const h = (((s1 - s2) % key.p) + key.p) % key.p;
  const s = s2 + ((key.qi * h) % key.p) * key.q;
  return toBytes(s, key.k);
}

/** sha256WithRSAEncryption of `data`, as the issuer signs EF 0003/0004/0007 (cards.md §1.8). */
export function signSha256(jwk: RsaPrivateJwk, data: Uint8Array): Uint8Array {
  const signature = signRaw(jwk, sha256DigestInfo(sha256Sync(data)));
  if (!signature) throw new RangeError('signSha256: key too small for a SHA-256 DigestInfo');
  return signature;
}

function crtKey(jwk: RsaPrivateJwk): CrtKey {
  const cached = parsed.get(jwk);
  if (cached) return cached;
  const n = decode(jwk.n);
  const key = {
    n: toBigInt(n),
    p: toBigInt(decode(jwk.p)),
    q: toBigInt(decode(jwk.q)),
    dp: toBigInt(decode(jwk.dp)),
    dq: toBigInt(decode(jwk.dq)),
    qi: toBigInt(decode(jwk.qi)),
    k: n.length,
  };
  parsed.set(jwk, key);
  return key;
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function decode(text: string): Uint8Array {
  const bytes = fromBase64Url(text);
  if (!bytes) throw new RangeError('rsa-sign: JWK member is not base64url');
  return bytes;
}

function toBigInt(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return value;
}

function toBytes(value: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length);
  let rest = value;
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return out;
}
