// The authenticity files of the emulated 券面事項入力補助AP and the 共通AP card-info record,
// laid out as cards.md §1.6/§1.8/§1.10 describe, signed with the committed TEST keys (test-ca.ts)
// by synchronous BigInt RSA (rsa-sign.ts) so that the emulator stays synchronous.
import { asciiBytes, concatBytes } from '../bytes.ts';
import { parseBasicFourInfoFile } from '../mynumber/basic-four-info.ts';
import { AUTHENTICITY_TAG as TAG } from '../mynumber/identifiers.ts';
import { encodeTlv } from '../tlv.ts';
import { modulusBytes, signSha256 } from './rsa-sign.ts';
import { sha256Sync } from './sha256.ts';
import {
  type RsaPrivateJwk,
  TEST_CA_KEY,
  TEST_CA_KEY_ID,
  TEST_CARD_KEY,
  TEST_ISSUER_KEY,
  TEST_ISSUER_KEY_ID,
} from './test-ca.ts';

const EXPONENT_65537 = Uint8Array.of(0x01, 0x00, 0x01);

/** `90 03 01 00 01 91 82 01 00 <modulus>`: an RSA-2048 public key as the card writes it. */
export function encodeRsaPublicKey(jwk: RsaPrivateJwk): Uint8Array {
  return concatBytes(
    encodeTlv(TAG.rsaExponent, EXPONENT_65537),
    encodeTlv(TAG.rsaModulus, modulusBytes(jwk)),
  );
}

/**
 * EF 0004, 568 bytes: 7F 21 { 5F 4E <issuer key id | subject key id | key> (297 bytes),
 * 5F 37 <CA signature over those 297 bytes> }.
 */
export function encodeCertificateFile(
  caKey: RsaPrivateJwk = TEST_CA_KEY,
  caKeyId: Uint8Array = TEST_CA_KEY_ID,
): Uint8Array {
  const body = concatBytes(caKeyId, TEST_ISSUER_KEY_ID, encodeRsaPublicKey(TEST_ISSUER_KEY));
  return encodeTlv(
    TAG.certificate,
    concatBytes(
      encodeTlv(TAG.certificateBody, body),
      encodeTlv(TAG.certificateSignature, signSha256(caKey, body)),
    ),
  );
}

/**
 * EF 0003, 336 bytes: FF 30 { DF 31 SHA-256(EF 0001 as stored, 17 bytes), DF 32 SHA-256(EF 0002
 * from the DF 22 tag to the end of DF 25), DF 33 issuer signature over DF 31 TLV || DF 32 TLV }.
 */
export function encodeIntegrityFile(myNumberFile: Uint8Array, basicFourInfoFile: Uint8Array): Uint8Array {
  const parsed = parseBasicFourInfoFile(basicFourInfoFile);
  if (!parsed.ok) throw new RangeError('encodeIntegrityFile: EF 0002 does not parse');
  const { name, sex } = parsed.value.fields;
  const digests = concatBytes(
    encodeTlv(TAG.myNumberDigest, sha256Sync(myNumberFile)),
    encodeTlv(TAG.basicFourInfoDigest, sha256Sync(basicFourInfoFile.subarray(name.offset, sex.end))),
  );
  return encodeTlv(
    TAG.integrity,
    concatBytes(digests, encodeTlv(TAG.integritySignature, signSha256(TEST_ISSUER_KEY, digests))),
  );
}

/** EF 0007, 536 bytes: FF 50 { DF 51 <card key>, DF 52 issuer signature over the DF 51 TLV }. */
export function encodeCardKeyFile(): Uint8Array {
  const publicKey = encodeTlv(TAG.cardPublicKey, encodeRsaPublicKey(TEST_CARD_KEY));
  return encodeTlv(
    TAG.cardKey,
    concatBytes(publicKey, encodeTlv(TAG.cardKeySignature, signSha256(TEST_ISSUER_KEY, publicKey))),
  );
}

/** 共通AP EF 0001 record 1: 01 1C + serial (15) + municipality code (5) + expiry YYYYMMDD (§1.10). */
export function encodeCommonCardInfo(
  serial: string,
  municipalityCode: string,
  expiryDate: string,
): Uint8Array {
  const digits = `${serial}${municipalityCode}${expiryDate.replaceAll('-', '')}`;
  if (!/^\d{28}$/.test(digits)) throw new RangeError('encodeCommonCardInfo: not 28 digits');
  return concatBytes(Uint8Array.of(0x01, 0x1c), asciiBytes(digits));
}
