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
