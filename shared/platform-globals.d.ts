// The globals that every runtime of shared/ has (browsers, workers, extension, Node 20).
// Declared here by hand so that shared/ compiles without DOM or Node typings: a `window`
// or `process` in domain code is a compile error.

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBufferView | ArrayBuffer, options?: { stream?: boolean }): string;
}

interface SharedSubtleCrypto {
  digest(
    algorithm: 'SHA-256' | 'SHA-384' | 'SHA-512',
    data: ArrayBufferView | ArrayBuffer,
  ): Promise<ArrayBuffer>;
}
declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
  readonly subtle: SharedSubtleCrypto;
};
