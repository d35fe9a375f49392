// Small byte helpers for card protocols. Hex is how the specs (cards.md) write bytes, so tests and
// diagnostics use it too. Never hex-dump a command that may carry a credential.

/** "00 A4 04 0C" or "00a4040c" → bytes. Throws on odd length or non-hex: only for literals we write. */
export function fromHex(hex: string): Uint8Array {
  const compact = hex.replace(/\s+/g, '');
  if (compact.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(compact)) {
    throw new RangeError('fromHex: not a hex string');
  }
  const bytes = new Uint8Array(compact.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(compact.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

/** Bytes → "6A 82" (upper case, space separated), as the specs print them. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

/** A status word as the specs print it: 0x6a82 → "6A82". */
export function swToHex(sw: number): string {
  return sw.toString(16).toUpperCase().padStart(4, '0');
}

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** ASCII text → bytes (credentials and dates travel as ASCII digits, cards.md §1.3). */
export function asciiBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) throw new RangeError('asciiBytes: not ASCII');
    bytes[i] = code;
  }
  return bytes;
}

export function u16be(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** RFC 4648 §5 base64url without padding, as JWK members carry RSA integers (RFC 7518 §6.3). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] ?? 0, bytes[i + 1] ?? 0, bytes[i + 2] ?? 0];
    const n = (a << 16) | (b << 8) | c;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let k = 0; k < chars; k++) out += BASE64URL[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** base64url (padding optional) → bytes, or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array | undefined {
  const compact = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9_-]*$/.test(compact) || compact.length % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((compact.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of compact) {
    value = (value << 6) | BASE64URL.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/**
 * base64url without padding in its one canonical spelling (the unused low bits of the last
 * character zero), as bytes; undefined for anything else. Checks the last character instead of
 * re-encoding, so a 30 MB ciphertext is walked once.
 */
export function fromCanonicalBase64Url(text: string): Uint8Array | undefined {
  if (text.includes('=')) return undefined;
  const bytes = fromBase64Url(text);
  if (!bytes) return undefined;
  const rest = text.length % 4;
  if (rest === 0) return bytes;
  const unused = rest === 2 ? 0x0f : 0x03;
  return (BASE64URL.indexOf(text[text.length - 1] as string) & unused) === 0 ? bytes : undefined;
}

/**
 * A copy backed by a plain ArrayBuffer: what WebCrypto's BufferSource accepts in the DOM typings.
 * The caller zeroes it when it held personal data.
 */
export function ownedCopy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}
