// Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785), no whitespace. Hashes
// over it (a signature's content, the audit chain, resend checks) must not change when jsonb or
// a resend hands the keys back in another order. Works in browsers, workers and Node.

export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [k: string]: JsonValue };

/**
 * Texts already made for some objects of a value, by identity: a caller that hashes the same
 * application three ways (alone, without its signature, inside its sync envelope) makes the text of
 * each large part once. An object must not change while its text is in the map.
 */
export type CanonicalMemo = Map<object, string>;

export function canonicalJson(value: JsonValue, memo?: CanonicalMemo): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new Error('canonical JSON: non-finite number');
    return JSON.stringify(value);
  }
  const known = memo?.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v, memo)).join(',')}]`;
  const record = value as { readonly [k: string]: JsonValue };
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k] as JsonValue, memo)}`).join(',')}}`;
}

/** SHA-256 of the UTF-8 text, lower-case hex (WebCrypto: the same in the tablet and the server). */
export async function sha256HexOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
