import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMULATOR_TRUST_STORE } from '../emulator/test-ca.ts';
import { parseTrustStoreConfig, trustStoreConfigMessage } from './trust-store-config.ts';

describe('trust store configuration (public/trust-store.json)', () => {
  it('accepts the shape the emulator test store has, and means "not configured" when empty', () => {
    expect(parseTrustStoreConfig({ keys: EMULATOR_TRUST_STORE })).toEqual({
      ok: true,
      value: EMULATOR_TRUST_STORE,
    });
    expect(parseTrustStoreConfig({ keys: {} })).toEqual({ ok: true, value: undefined });
    expect(parseTrustStoreConfig({ comment: 'no keys yet' })).toEqual({ ok: true, value: undefined });
  });

  it('refuses bad key ids and keys with a Japanese next step', () => {
    const [id, key] = Object.entries(EMULATOR_TRUST_STORE)[0] as [string, { n: string }];
    const badId = parseTrustStoreConfig({ keys: { [id.slice(2)]: key } }); // 15 bytes, not 16
    expect(badId.ok || badId.error.kind).toBe('bad-key-id');
    const short = parseTrustStoreConfig({ keys: { [id]: { kty: 'RSA', n: 'AQAB', e: 'AQAB' } } });
    expect(short.ok || short.error.kind).toBe('bad-key');
    if (!short.ok) expect(trustStoreConfigMessage(short.error)).toContain('配置し直してください');
    expect(parseTrustStoreConfig([]).ok).toBe(false);
  });

  it('the shipped public/trust-store.json parses (a broken edit fails CI, not the counter)', () => {
    const shipped = JSON.parse(
      readFileSync(new URL('../../../public/trust-store.json', import.meta.url), 'utf8'),
    );
    expect(parseTrustStoreConfig(shipped).ok).toBe(true);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseTrustStoreConfig(value);
        if (!r.ok) expect(trustStoreConfigMessage(r.error).length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });
});
