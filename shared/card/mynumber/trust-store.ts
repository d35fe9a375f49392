// Which CA keys the reader trusts for the card-verifiable certificate in EF 0004 (cards.md §1.8).
// The J-LIS CA public keys are NOT on the card, so the caller configures them: production keys
// come from configuration obtained from an authoritative J-LIS source (UNVERIFIED in cards.md),
// never from code. The emulator's test store is emulator/test-ca.ts EMULATOR_TRUST_STORE.
import { toHex } from '../bytes.ts';
import { importVerifyKey, type RsaPublicJwk, type VerifyKey } from '../rsa.ts';

/**
 * 証明者鍵ID (16-byte issuer key id, 32 upper-case hex digits without spaces) → the CA's RSA
 * public key. Plain data, so it can come from a JSON configuration file.
 */
export type TrustStore = Readonly<Record<string, RsaPublicJwk>>;

/** The trust-store key of a 16-byte key id. */
export function keyIdHex(keyId: Uint8Array): string {
  return toHex(keyId).replaceAll(' ', '');
}

/** Key ids starting with ASCII "6" belong to the JPKI test hierarchy, "5" to production (§1.8). */
export function isTestHierarchyKeyId(keyId: Uint8Array): boolean {
  return keyId[0] === 0x36;
}

/** An issuer key whose EF 0004 certificate verified under a CA of the store. */
export interface CertifiedIssuerKey {
  readonly key: VerifyKey;
  readonly testHierarchy: boolean;
}

interface TrustCache {
  readonly caKeys: Map<string, Promise<VerifyKey | undefined>>;
  /**
   * Verified certificates by their first 256 bytes (one READ BINARY). All cards of one municipality
   * carry the same EF 0004 (its 被証明者鍵ID is the municipality's key: myna-card src/ap/text.rs),
   * so after the first resident the rest of the certificate need not be read. Sound because the
   * cached key is the verified one: a card that copies the first 256 bytes still has to produce
   * EF 0003 signatures under that key.
   */
  readonly issuers: Map<string, CertifiedIssuerKey>;
}

// Per trust store object: a new store (another configuration, another test) starts empty.
const caches = new WeakMap<TrustStore, TrustCache>();

export function trustCache(store: TrustStore): TrustCache {
  let cache = caches.get(store);
  if (!cache) {
    cache = { caKeys: new Map(), issuers: new Map() };
    caches.set(store, cache);
  }
  return cache;
}

/** The CA key for an issuer key id, imported once per store; undefined when not configured. */
export function caKeyFor(store: TrustStore, issuerKeyId: Uint8Array): Promise<VerifyKey | undefined> {
  const id = keyIdHex(issuerKeyId);
  const jwk = Object.hasOwn(store, id) ? store[id] : undefined;
  if (!jwk) return Promise.resolve(undefined);
  const cache = trustCache(store).caKeys;
  let key = cache.get(id);
  if (!key) {
    key = importVerifyKey(jwk);
    cache.set(id, key);
  }
  return key;
}
