// Parsers of the files that prove the 券面事項入力補助AP data authentic (cards.md §1.6, §1.8):
//   EF 0004  7F 21 { 5F 4E <body: issuer key id 16 | subject key id 16 | 90 e | 91 n> | 5F 37 sig }
//   EF 0003  FF 30 { DF 31 <SHA-256 of EF 0001> | DF 32 <SHA-256 of EF 0002> | DF 33 sig }
//   EF 0007  FF 50 { DF 51 <90 e | 91 n> | DF 52 sig over the DF 51 TLV }
// Pure: every input gives a Result; the raw signed bytes are kept as views for verification.
import { err, ok, type Result } from '../../result.ts';
import { findTlv, parseChildren, parseTlvList, readTlv, type Tlv } from '../tlv.ts';
import { AUTHENTICITY_TAG as TAG } from './identifiers.ts';

export type AuthenticityFile = 'EF 0003' | 'EF 0004' | 'EF 0007';

/** What is wrong, in fixed English words (never bytes: they would not help and may be data). */
export interface AuthenticityFileError {
  readonly file: AuthenticityFile;
  readonly problem: 'not-tlv' | 'wrong-tag' | 'missing-element' | 'wrong-length';
}

export interface RsaPublicKeyBytes {
  readonly modulus: Uint8Array;
  readonly exponent: Uint8Array;
}

export interface CvCertificate {
  /** 証明者鍵ID: names the CA key that signed the body. */
  readonly issuerKeyId: Uint8Array;
  /** 被証明者鍵ID: names the certified key (the issuing municipality's). */
  readonly subjectKeyId: Uint8Array;
  readonly publicKey: RsaPublicKeyBytes;
  /** The 297 body bytes the CA signed (the value of 5F 4E). */
  readonly signedData: Uint8Array;
  readonly signature: Uint8Array;
}

export interface IntegrityRecord {
  readonly myNumberDigest: Uint8Array;
  readonly basicFourInfoDigest: Uint8Array;
  /** DF 31 TLV || DF 32 TLV, headers included: what DF 33 signs (§1.8 step 2). */
  readonly signedData: Uint8Array;
  readonly signature: Uint8Array;
}

export interface SignedCardKey {
  readonly publicKey: RsaPublicKeyBytes;
  /** The DF 51 TLV, header included: what DF 52 signs (§1.8 step 4). */
  readonly signedData: Uint8Array;
  readonly signature: Uint8Array;
}

const KEY_ID_LENGTH = 16;
const RSA_2048_BYTES = 256;
const DIGEST_BYTES = 32;
// Exponents are 3 bytes (01 00 01) on the cards; WebCrypto takes up to 4.
const MAX_EXPONENT_BYTES = 4;

export function parseCvCertificate(bytes: Uint8Array): Result<CvCertificate, AuthenticityFileError> {
  const fail = (problem: AuthenticityFileError['problem']) => err({ file: 'EF 0004' as const, problem });
  const children = outerChildren(bytes, TAG.certificate);
  if (!children.ok) return fail(children.error);
  const body = findTlv(children.value, TAG.certificateBody);
  const signature = findTlv(children.value, TAG.certificateSignature);
  if (!body || !signature) return fail('missing-element');
  if (signature.length !== RSA_2048_BYTES || body.length <= 2 * KEY_ID_LENGTH) return fail('wrong-length');
  const key = parseRsaPublicKey(body.value.subarray(2 * KEY_ID_LENGTH));
  if (!key.ok) return fail(key.error);
  return ok({
    issuerKeyId: body.value.subarray(0, KEY_ID_LENGTH),
    subjectKeyId: body.value.subarray(KEY_ID_LENGTH, 2 * KEY_ID_LENGTH),
    publicKey: key.value,
    signedData: body.value,
    signature: signature.value,
  });
}

export function parseIntegrityRecord(bytes: Uint8Array): Result<IntegrityRecord, AuthenticityFileError> {
  const fail = (problem: AuthenticityFileError['problem']) => err({ file: 'EF 0003' as const, problem });
  const children = outerChildren(bytes, TAG.integrity);
  if (!children.ok) return fail(children.error);
  const [first, second] = children.value;
  const signature = findTlv(children.value, TAG.integritySignature);
  // DF 31 and DF 32 must be the first two elements: the signed message is their raw bytes in order.
  if (first?.tag !== TAG.myNumberDigest || second?.tag !== TAG.basicFourInfoDigest || !signature)
    return fail('missing-element');
  if (first.length !== DIGEST_BYTES || second.length !== DIGEST_BYTES || signature.length !== RSA_2048_BYTES)
    return fail('wrong-length');
  return ok({
    myNumberDigest: first.value,
    basicFourInfoDigest: second.value,
    signedData: bytes.subarray(first.offset, second.end),
    signature: signature.value,
  });
}

export function parseSignedCardKey(bytes: Uint8Array): Result<SignedCardKey, AuthenticityFileError> {
  const fail = (problem: AuthenticityFileError['problem']) => err({ file: 'EF 0007' as const, problem });
  const children = outerChildren(bytes, TAG.cardKey);
  if (!children.ok) return fail(children.error);
  const publicKey = findTlv(children.value, TAG.cardPublicKey);
  const signature = findTlv(children.value, TAG.cardKeySignature);
  if (!publicKey || !signature) return fail('missing-element');
  if (signature.length !== RSA_2048_BYTES) return fail('wrong-length');
  const key = parseRsaPublicKey(publicKey.value);
  if (!key.ok) return fail(key.error);
  return ok({ publicKey: key.value, signedData: publicKey.raw, signature: signature.value });
}

/** `90 <exponent> 91 82 01 00 <modulus>`, nothing else (cards.md §1.6 EF 0006/0007, §1.8). */
export function parseRsaPublicKey(
  bytes: Uint8Array,
): Result<RsaPublicKeyBytes, AuthenticityFileError['problem']> {
  const list = parseTlvList(bytes);
  if (!list.ok) return err('not-tlv');
  const exponent = findTlv(list.value, TAG.rsaExponent);
  const modulus = findTlv(list.value, TAG.rsaModulus);
  if (!exponent || !modulus) return err('missing-element');
  if (modulus.length !== RSA_2048_BYTES || exponent.length < 1 || exponent.length > MAX_EXPONENT_BYTES)
    return err('wrong-length');
  return ok({ modulus: modulus.value, exponent: exponent.value });
}

/** The children of the one outer TLV at offset 0, which must have `tag`; filler after it is ignored. */
function outerChildren(bytes: Uint8Array, tag: number): Result<Tlv[], 'not-tlv' | 'wrong-tag'> {
  const outer = readTlv(bytes, 0);
  if (!outer.ok) return err('not-tlv');
  if (outer.value.tag !== tag) return err('wrong-tag');
  const children = parseChildren(bytes, outer.value);
  return children.ok ? children : err('not-tlv');
}

export function describeAuthenticityFileError(e: AuthenticityFileError): string {
  return `${e.file}: ${e.problem}`;
}
