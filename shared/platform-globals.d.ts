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
