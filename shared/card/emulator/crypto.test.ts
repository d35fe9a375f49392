import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { importVerifyKey, sha256, sha256DigestInfo, verifyPkcs1Sha256 } from '../rsa.ts';
import { signRaw, signSha256 } from './rsa-sign.ts';
import { sha256Sync } from './sha256.ts';
import {
  EMULATOR_TRUST_STORE,
  TEST_CA_KEY,
  TEST_CA_KEY_ID,
  TEST_CARD_KEY,
  TEST_ISSUER_KEY,
} from './test-ca.ts';

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as const;

describe('synchronous SHA-256 of the emulator', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(toHex(sha256Sync(new TextEncoder().encode('abc')))).toBe(
      toHex(fromHex('BA7816BF 8F01CFEA 414140DE 5DAE2223 B00361A3 96177A9C B410FF61 F20015AD')),
    );
    expect(toHex(sha256Sync(new Uint8Array(0)))).toBe(
      toHex(fromHex('E3B0C442 98FC1C14 9AFBF4C8 996FB924 27AE41E4 649B934C A495991B 7852B855')),
    );
  });

  it('agrees with WebCrypto on arbitrary input (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expect(toHex(sha256Sync(bytes))).toBe(toHex(await sha256(bytes)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('synchronous RSA signing of the emulator (TEST keys)', () => {
  it('is byte-identical to WebCrypto RSASSA-PKCS1-v1_5 (the scheme is deterministic)', async () => {
    const data = new TextEncoder().encode('EF 0003 の署名対象');
    for (const jwk of [TEST_CA_KEY, TEST_ISSUER_KEY, TEST_CARD_KEY]) {
      const key = await crypto.subtle.importKey('jwk', { ...jwk }, RSA, false, ['sign']);
      const expected = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', key, data));
      expect(toHex(signSha256(jwk, data))).toBe(toHex(expected));
    }
  });

  it('signs a DigestInfo as supplied (COMPUTE DIGITAL SIGNATURE P1 00), verifiable over the nonce', async () => {
    const nonce = crypto.getRandomValues(new Uint8Array(32));
    const signature = signRaw(TEST_CARD_KEY, sha256DigestInfo(await sha256(nonce)));
    const key = await importVerifyKey({ kty: 'RSA', n: TEST_CARD_KEY.n, e: TEST_CARD_KEY.e });
    if (!signature || !key) throw new Error('sign/import');
    expect(signature.length).toBe(256);
    expect(await verifyPkcs1Sha256(key, signature, nonce)).toBe(true);
    expect(await verifyPkcs1Sha256(key, signature, new Uint8Array(32))).toBe(false);
    expect(signRaw(TEST_CARD_KEY, new Uint8Array(246))).toBeUndefined(); // k − 11 = 245 at most
  });

  it('builds the SHA-256 DigestInfo of cards.md §1.3', () => {
    expect(toHex(sha256DigestInfo(new Uint8Array(32).fill(0xab)))).toBe(
      `30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20 ${Array(32).fill('AB').join(' ')}`,
    );
  });

  it('exports a test trust store keyed by the test CA id, which starts with "6" (test hierarchy)', () => {
    expect(Object.keys(EMULATOR_TRUST_STORE)).toEqual(['36303030303333080530303100000000']);
    expect(TEST_CA_KEY_ID[0]).toBe(0x36);
    expect(EMULATOR_TRUST_STORE['36303030303333080530303100000000']).toEqual({
      kty: 'RSA',
      n: TEST_CA_KEY.n,
      e: 'AQAB',
    });
  });
});
