// Per-device request authentication (issue 5): the one definition, shared by the tablet that
// signs and the back office that verifies. An enrolled tablet holds an ECDSA P-256 key pair (the
// private key non-extractable, in IndexedDB); the back office keeps the public key as a JWK. Each
// state-changing request carries three headers:
//   X-Kakanai-Device:    dev_… (issued at enrollment)
//   X-Kakanai-Time:      the tablet's clock, an ISO 8601 instant
//   X-Kakanai-Signature: base64url of the ECDSA P-256 / SHA-256 signature (IEEE P1363, r‖s, as
//                        WebCrypto makes it) over deviceSigningInput(...)
// The signed text binds the method, the path (with its query), the time and the SHA-256 of the
// exact body bytes, so a signature cannot be moved to another route, another body or (beyond the
// allowed clock difference) another moment.

export const DEVICE_HEADER = 'X-Kakanai-Device';
export const DEVICE_TIME_HEADER = 'X-Kakanai-Time';
export const DEVICE_SIGNATURE_HEADER = 'X-Kakanai-Signature';

/** How far the tablet's clock may be from the back office's (either way). */
export const MAX_DEVICE_CLOCK_SKEW_MS = 5 * 60_000;

/** The text that is signed: "METHOD\nPATH\nTIME\nSHA256(body) hex". */
export function deviceSigningInput(
  method: string,
  path: string,
  time: string,
  bodySha256Hex: string,
): string {
  return `${method.toUpperCase()}\n${path}\n${time}\n${bodySha256Hex}`;
}

export function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding (RFC 4648 §5). */
export function base64UrlOf(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let j = 0; j < chars; j++) out += B64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
}

/** Decodes base64url without padding; undefined for anything else (padding, other characters). */
export function bytesOfBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of text) {
    value = (value << 6) | B64URL.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 255;
    }
  }
  // The unused low bits must be zero, so one byte string has one spelling.
  if ((value & ((1 << bits) - 1)) !== 0) return undefined;
  return out;
}
