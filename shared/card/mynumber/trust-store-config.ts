// The trust store as a municipality configures it: a JSON file deployed with the PWA
// (public/trust-store.json), holding the J-LIS CA public keys obtained from an authoritative source.
// Outside bytes, so it is checked strictly; an empty or broken file means "no CA configured" and
// the reads then report the issuer signature as not checked (the digests are still checked).
import { err, ok, type Result } from '../../result.ts';
import type { TrustStore } from './trust-store.ts';

export type TrustStoreConfigError =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'bad-key-id'; readonly keyId: string }
  | { readonly kind: 'bad-key'; readonly keyId: string };

export function trustStoreConfigMessage(e: TrustStoreConfigError): string {
  switch (e.kind) {
    case 'not-an-object':
      return 'trust-store.json の形式が正しくありません。{"keys": {…}} の形で配置し直してください。発行者の署名は確認されません。';
    case 'bad-key-id':
    case 'bad-key':
      return `trust-store.json の鍵「${e.keyId.slice(0, 32)}」が正しくありません。J-LIS から入手した鍵を確かめて配置し直してください。発行者の署名は確認されません。`;
  }
}

const KEY_ID = /^[0-9A-F]{32}$/; // 16-byte 証明者鍵ID as hex (trust-store.ts keyIdHex)
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** `{ "keys": { "<key id hex>": { "kty": "RSA", "n": "…", "e": "AQAB" } } }` → TrustStore, or undefined if empty. */
export function parseTrustStoreConfig(json: unknown): Result<TrustStore | undefined, TrustStoreConfigError> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return err({ kind: 'not-an-object' });
  const keys = (json as { keys?: unknown }).keys;
  if (keys === undefined) return ok(undefined);
  if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return err({ kind: 'not-an-object' });
  const store: Record<string, { kty: 'RSA'; n: string; e: string }> = {};
  for (const [keyId, key] of Object.entries(keys)) {
    if (!KEY_ID.test(keyId)) return err({ kind: 'bad-key-id', keyId });
    const k = key as { kty?: unknown; n?: unknown; e?: unknown } | null;
    const valid =
      typeof k === 'object' &&
      k !== null &&
      k.kty === 'RSA' &&
      typeof k.n === 'string' &&
      k.n.length >= 342 && // RSA-2048 modulus: 256 bytes = 342 base64url characters
      BASE64URL.test(k.n) &&
      typeof k.e === 'string' &&
      BASE64URL.test(k.e);
    if (!valid) return err({ kind: 'bad-key', keyId });
    store[keyId] = { kty: 'RSA', n: k.n as string, e: k.e as string };
  }
  return ok(Object.keys(store).length > 0 ? store : undefined);
}
