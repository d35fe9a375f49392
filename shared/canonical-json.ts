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
  if (Array.isArray(value)) {
    // A run of finite numbers (a signature's stroke points) is what JSON.stringify makes of it.
    if (value.every((v) => typeof v === 'number' && Number.isFinite(v))) return JSON.stringify(value);
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += canonicalJson(value[i] as JsonValue, memo);
    }
    return `${out}]`;
  }
  const record = value as { readonly [k: string]: JsonValue };
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = record[k];
    if (v === undefined) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(k)}:${canonicalJson(v, memo)}`;
  }
  return `${out}}`;
}

/** SHA-256 of the UTF-8 text, lower-case hex (WebCrypto: the same in the tablet and the server). */
export async function sha256HexOf(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
