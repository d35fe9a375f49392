import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.ts';
import { encodeBasicFourInfoFile, encodeMyNumberFile } from '../emulator/card-files.ts';
import { findPersona } from '../emulator/personas.ts';
import { encodeCardKeyFile, encodeCertificateFile, encodeIntegrityFile } from '../emulator/signed-files.ts';
import { TEST_CA_KEY, TEST_CA_KEY_ID, TEST_ISSUER_KEY_ID } from '../emulator/test-ca.ts';
import { importVerifyKey, rsaPublicJwk, sha256, verifyPkcs1Sha256 } from '../rsa.ts';
import {
  describeAuthenticityFileError,
  parseCvCertificate,
  parseIntegrityRecord,
  parseSignedCardKey,
} from './authenticity-files.ts';
import { parseMyNumberFile } from './my-number-file.ts';

const yamada = findPersona('yamada-taro');
if (!yamada) throw new Error('persona');
const MY_NUMBER_FILE = encodeMyNumberFile(yamada.myNumber);
const BASIC_FOUR_INFO = encodeBasicFourInfoFile(yamada);
const CERTIFICATE = encodeCertificateFile();
const INTEGRITY = encodeIntegrityFile(MY_NUMBER_FILE, BASIC_FOUR_INFO);
const CARD_KEY = encodeCardKeyFile();

describe('emulated authenticity files, byte layout (cards.md §1.6, §1.8)', () => {
  it('EF 0004: 7F 21 82 02 33 / 5F 4E 82 01 29 ids + 90 03 01 00 01 + 91 82 01 00 / 5F 37 82 01 00; 568 bytes', () => {
    expect(CERTIFICATE.length).toBe(568);
    expect(toHex(CERTIFICATE.subarray(0, 10))).toBe('7F 21 82 02 33 5F 4E 82 01 29');
    expect(toHex(CERTIFICATE.subarray(10, 26))).toBe(toHex(TEST_CA_KEY_ID));
    expect(toHex(CERTIFICATE.subarray(10, 17))).toBe(toHex(new TextEncoder().encode('6000033')));
    expect(toHex(CERTIFICATE.subarray(26, 42))).toBe(toHex(TEST_ISSUER_KEY_ID));
    expect(toHex(CERTIFICATE.subarray(42, 51))).toBe('90 03 01 00 01 91 82 01 00');
    expect(toHex(CERTIFICATE.subarray(307, 312))).toBe('5F 37 82 01 00');
  });

  it('EF 0003: FF 30 82 01 4B / DF 31 20 / DF 32 20 / DF 33 82 01 00; 336 bytes, digests as §1.8 defines', async () => {
    expect(INTEGRITY.length).toBe(336);
    expect(toHex(INTEGRITY.subarray(0, 8))).toBe('FF 30 82 01 4B DF 31 20');
    expect(toHex(INTEGRITY.subarray(8, 40))).toBe(toHex(await sha256(MY_NUMBER_FILE))); // all 17 bytes
    expect(MY_NUMBER_FILE.length).toBe(17);
    expect(toHex(INTEGRITY.subarray(40, 43))).toBe('DF 32 20');
    // EF 0002 from the DF 22 tag (offset 0x0E, after the DF21 table) to the end of DF 25.
    expect(toHex(INTEGRITY.subarray(43, 75))).toBe(toHex(await sha256(BASIC_FOUR_INFO.subarray(0x0e))));
    expect(toHex(INTEGRITY.subarray(75, 80))).toBe('DF 33 82 01 00');
  });

  it('EF 0007: FF 50 82 02 13 / DF 51 82 01 09 90 03 01 00 01 91 82 01 00 / DF 52 82 01 00; 536 bytes', () => {
    expect(CARD_KEY.length).toBe(536);
    expect(toHex(CARD_KEY.subarray(0, 19))).toBe('FF 50 82 02 13 DF 51 82 01 09 90 03 01 00 01 91 82 01 00');
    expect(toHex(CARD_KEY.subarray(275, 280))).toBe('DF 52 82 01 00');
  });
});

describe('parsers of EF 0003 / 0004 / 0007 and EF 0001', () => {
  it('parse the emulated files and their signatures verify under the committed TEST CA chain', async () => {
    const certificate = parseCvCertificate(CERTIFICATE);
    const integrity = parseIntegrityRecord(INTEGRITY);
    const cardKey = parseSignedCardKey(CARD_KEY);
    if (!certificate.ok || !integrity.ok || !cardKey.ok) throw new Error('parse');
    const ca = await importVerifyKey({ kty: 'RSA', n: TEST_CA_KEY.n, e: TEST_CA_KEY.e });
    const { modulus, exponent } = certificate.value.publicKey;
    const issuer = await importVerifyKey(rsaPublicJwk(modulus, exponent));
    if (!ca || !issuer) throw new Error('import');
    expect(certificate.value.signedData.length).toBe(297);
    expect(await verifyPkcs1Sha256(ca, certificate.value.signature, certificate.value.signedData)).toBe(true);
    expect(toHex(integrity.value.signedData)).toBe(toHex(INTEGRITY.subarray(5, 75)));
    expect(await verifyPkcs1Sha256(issuer, integrity.value.signature, integrity.value.signedData)).toBe(true);
    expect(toHex(cardKey.value.signedData)).toBe(toHex(CARD_KEY.subarray(5, 275)));
    expect(await verifyPkcs1Sha256(issuer, cardKey.value.signature, cardKey.value.signedData)).toBe(true);
    // A signature does not verify under the wrong key, nor over changed data.
    expect(await verifyPkcs1Sha256(ca, integrity.value.signature, integrity.value.signedData)).toBe(false);
    const changed = integrity.value.signedData.slice();
    changed[10] = (changed[10] ?? 0) ^ 1;
    expect(await verifyPkcs1Sha256(issuer, integrity.value.signature, changed)).toBe(false);
  });

  it('name what is wrong without quoting bytes', () => {
    expect(parseIntegrityRecord(CERTIFICATE)).toEqual({
      ok: false,
      error: { file: 'EF 0003', problem: 'wrong-tag' },
    });
    expect(parseCvCertificate(CERTIFICATE.subarray(0, 300))).toEqual({
      ok: false,
      error: { file: 'EF 0004', problem: 'not-tlv' },
    });
    const swapped = concatBytes(fromHex('FF 30 46'), INTEGRITY.subarray(40, 75), INTEGRITY.subarray(5, 40));
    expect(parseIntegrityRecord(swapped)).toMatchObject({ ok: false, error: { problem: 'missing-element' } });
    expect(describeAuthenticityFileError({ file: 'EF 0007', problem: 'wrong-length' })).toBe(
      'EF 0007: wrong-length',
    );
  });

  it('read EF 0001 with filler, and reject a wrong check digit, a wrong tag and non-digits', () => {
    expect(parseMyNumberFile(MY_NUMBER_FILE)).toEqual({ ok: true, value: yamada.myNumber });
    const badCheck = MY_NUMBER_FILE.slice();
    badCheck[14] = 0x30; // last digit 8 → 0
    expect(parseMyNumberFile(badCheck)).toEqual({ ok: false, error: { kind: 'bad-check-digit' } });
    expect(parseMyNumberFile(fromHex('FF 11 0C 31'))).toMatchObject({ ok: false });
    expect(parseMyNumberFile(fromHex('FF 10 02 31 31'))).toEqual({
      ok: false,
      error: { kind: 'not-12-digits' },
    });
  });

  it('never throw on arbitrary bytes or mutated files (fuzz)', () => {
    const mutated = (file: Uint8Array) =>
      fc
        .tuple(fc.nat(file.length - 1), fc.nat(255), fc.nat(file.length))
        .map(([at, value, cut]) => Uint8Array.from(file, (b, i) => (i === at ? value : b)).subarray(0, cut));
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 700 }),
      fc.uint8Array({ maxLength: 600 }).map((b) => concatBytes(fromHex('7F 21 82 02 33'), b)),
      fc.uint8Array({ maxLength: 400 }).map((b) => concatBytes(fromHex('FF 30 82 01 4B'), b)),
      fc.uint8Array({ maxLength: 600 }).map((b) => concatBytes(fromHex('FF 50 82 02 13'), b)),
      fc.uint8Array({ maxLength: 20 }).map((b) => concatBytes(fromHex('FF 10 0C'), b)),
      mutated(CERTIFICATE),
      mutated(INTEGRITY),
      mutated(CARD_KEY),
      mutated(MY_NUMBER_FILE),
    );
    fc.assert(
      fc.property(arbitrary, (bytes) => {
        for (const parse of [
          parseCvCertificate,
          parseIntegrityRecord,
          parseSignedCardKey,
          parseMyNumberFile,
        ]) {
          expect(typeof parse(bytes).ok).toBe('boolean');
        }
      }),
      { numRuns: 4000 },
    );
  });
});
