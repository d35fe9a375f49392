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

import { fromCanonicalBase64Url, toBase64Url } from './card/bytes.ts';

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

/** base64url without padding (RFC 4648 §5): the card module's codec. */
export const base64UrlOf = toBase64Url;

/**
 * Decodes base64url without padding, and only in its one canonical spelling (the unused low bits
 * zero): a signature header has exactly one accepted form. Undefined for anything else.
 */
export function bytesOfBase64Url(text: string): Uint8Array | undefined {
  return fromCanonicalBase64Url(text);
}
