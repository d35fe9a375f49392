// The globals that every runtime of shared/ has (browsers, workers, extension, Node 20).
// Declared here by hand so that shared/ compiles without DOM or Node typings: a `window`
// or `process` in domain code is a compile error.
// Only the surface shared/ uses is declared. Shared code never names these Shared* types (other
// tsconfigs compile shared/ with the DOM or WebWorker lib instead of this file); it lets them be
// inferred, e.g. `Awaited<ReturnType<typeof crypto.subtle.importKey>>`.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

/** RFC 7517 JSON Web Key, the RSA members only (RFC 7518 §6.3). */
interface SharedJsonWebKey {
  kty?: string;
  alg?: string;
  ext?: boolean;
  key_ops?: string[];
  n?: string;
  e?: string;
  d?: string;
  p?: string;
  q?: string;
  dp?: string;
  dq?: string;
  qi?: string;
}
interface SharedCryptoKey {
  readonly type: 'public' | 'private' | 'secret';
  readonly extractable: boolean;
  readonly algorithm: { readonly name: string };
  readonly usages: readonly string[];
}
interface SharedCryptoKeyPair {
  readonly publicKey: SharedCryptoKey;
  readonly privateKey: SharedCryptoKey;
}
/** The My Number Card signs with RSASSA-PKCS1-v1_5 and SHA-256 (cards.md §1.8). */
interface SharedRsaHashedParams {
  readonly name: 'RSASSA-PKCS1-v1_5';
  readonly hash: 'SHA-256';
}
type SharedSignatureAlgorithm = 'RSASSA-PKCS1-v1_5' | { readonly name: 'RSASSA-PKCS1-v1_5' };
type SharedKeyUsage = 'sign' | 'verify';
type SharedBufferSource = ArrayBufferView | ArrayBuffer;

interface SharedSubtleCrypto {
  digest(algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512', data: SharedBufferSource): Promise<ArrayBuffer>;
  importKey(
    format: 'jwk',
    keyData: SharedJsonWebKey,
    algorithm: SharedRsaHashedParams,
    extractable: boolean,
    keyUsages: readonly SharedKeyUsage[],
  ): Promise<SharedCryptoKey>;
  importKey(
    format: 'spki',
    keyData: SharedBufferSource,
    algorithm: SharedRsaHashedParams,
    extractable: boolean,
    keyUsages: readonly SharedKeyUsage[],
  ): Promise<SharedCryptoKey>;
  verify(
    algorithm: SharedSignatureAlgorithm,
    key: SharedCryptoKey,
    signature: SharedBufferSource,
    data: SharedBufferSource,
  ): Promise<boolean>;
  sign(
    algorithm: SharedSignatureAlgorithm,
    key: SharedCryptoKey,
    data: SharedBufferSource,
  ): Promise<ArrayBuffer>;
  generateKey(
    algorithm: SharedRsaHashedParams & {
      readonly modulusLength: number;
      readonly publicExponent: Uint8Array;
    },
    extractable: boolean,
    keyUsages: readonly SharedKeyUsage[],
  ): Promise<SharedCryptoKeyPair>;
  exportKey(format: 'jwk', key: SharedCryptoKey): Promise<SharedJsonWebKey>;
}
declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
  readonly subtle: SharedSubtleCrypto;
};

// Additions for the export file (shared/sync/export-file.ts): ECDSA and ECDH on P-256, HKDF and
// AES-GCM. Declared as further members of the interfaces above (declaration merging), so the RSA
// surface stays as it is.

/** RFC 7518 §6.2: the elliptic-curve members of a JWK. */
interface SharedJsonWebKey {
  crv?: string;
  x?: string;
  y?: string;
}
interface SharedEcKeyParams {
  readonly name: 'ECDSA' | 'ECDH';
  readonly namedCurve: 'P-256';
}
interface SharedEcdsaParams {
  readonly name: 'ECDSA';
  readonly hash: 'SHA-256';
}
interface SharedEcdhDeriveParams {
  readonly name: 'ECDH';
  readonly public: SharedCryptoKey;
}
interface SharedHkdfParams {
  readonly name: 'HKDF';
  readonly hash: 'SHA-256';
  readonly salt: SharedBufferSource;
  readonly info: SharedBufferSource;
}
interface SharedAesKeyParams {
  readonly name: 'AES-GCM';
  readonly length: 256;
}
interface SharedAesGcmParams {
  readonly name: 'AES-GCM';
  readonly iv: SharedBufferSource;
  readonly additionalData?: SharedBufferSource;
  readonly tagLength?: 128;
}
type SharedEcKeyUsage = 'sign' | 'verify' | 'deriveBits' | 'deriveKey';
type SharedSecretKeyUsage = 'deriveKey' | 'deriveBits' | 'encrypt' | 'decrypt';

interface SharedSubtleCrypto {
  importKey(
    format: 'jwk',
    keyData: SharedJsonWebKey,
    algorithm: SharedEcKeyParams,
    extractable: boolean,
    keyUsages: readonly SharedEcKeyUsage[],
  ): Promise<SharedCryptoKey>;
  importKey(
    format: 'raw',
    keyData: SharedBufferSource,
    algorithm: 'HKDF' | { readonly name: 'HKDF' },
    extractable: false,
    keyUsages: readonly SharedSecretKeyUsage[],
  ): Promise<SharedCryptoKey>;
  generateKey(
    algorithm: SharedEcKeyParams,
    extractable: boolean,
    keyUsages: readonly SharedEcKeyUsage[],
  ): Promise<SharedCryptoKeyPair>;
  deriveBits(
    algorithm: SharedEcdhDeriveParams,
    baseKey: SharedCryptoKey,
    length: number,
  ): Promise<ArrayBuffer>;
  deriveKey(
    algorithm: SharedHkdfParams,
    baseKey: SharedCryptoKey,
    derivedKeyType: SharedAesKeyParams,
    extractable: false,
    keyUsages: readonly SharedSecretKeyUsage[],
  ): Promise<SharedCryptoKey>;
  encrypt(
    algorithm: SharedAesGcmParams,
    key: SharedCryptoKey,
    data: SharedBufferSource,
  ): Promise<ArrayBuffer>;
  decrypt(
    algorithm: SharedAesGcmParams,
    key: SharedCryptoKey,
    data: SharedBufferSource,
  ): Promise<ArrayBuffer>;
  sign(algorithm: SharedEcdsaParams, key: SharedCryptoKey, data: SharedBufferSource): Promise<ArrayBuffer>;
  verify(
    algorithm: SharedEcdsaParams,
    key: SharedCryptoKey,
    signature: SharedBufferSource,
    data: SharedBufferSource,
  ): Promise<boolean>;
}
