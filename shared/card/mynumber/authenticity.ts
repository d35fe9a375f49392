// Is the data read from the 券面事項入力補助AP what the issuer wrote, and is the card itself
// present? cards.md §1.8, in the fewest APDUs:
//   EF 0003 (2 READs): DF32 = SHA-256 of EF 0002 from the DF 22 tag to the end of DF 25; DF31 =
//     SHA-256 of EF 0001 as stored (17 bytes, FF FF filler included) when EF 0001 was read.
//   EF 0004 (1 READ when its first 256 bytes match a certificate verified before, else 3): its
//     5F37 verifies under a configured CA key (TrustStore), and its key verifies DF33.
//   { provePresence }: EF 0007 (3 READs), DF52 under the EF 0004 key, then the card signs a fresh
//     nonce (80 2A 00 00 33 <DigestInfo> 00) and DF51 verifies it — a copy of the files cannot.
// The checks list says exactly what was verified and what could not be; a failed check is the
// data-not-authentic error and the caller must not use the data.
import { err, ok, type Result } from '../../result.ts';
import { buildCommand, SW, transceive } from '../apdu.ts';
import { equalBytes, toHex } from '../bytes.ts';
import type { CardReadError, NotAuthenticReason } from '../errors.ts';
import { readBinaryRange, readBinaryShortEf, readShortEfFile, statusError } from '../iso7816.ts';
import {
  importVerifyKey,
  rsaPublicJwk,
  sha256,
  sha256DigestInfo,
  type VerifyKey,
  verifyPkcs1Sha256,
} from '../rsa.ts';
import { readTlvHeader } from '../tlv.ts';
import type { CardTransport } from '../transport.ts';
import {
  type AuthenticityFileError,
  describeAuthenticityFileError,
  parseCvCertificate,
  parseIntegrityRecord,
  parseSignedCardKey,
} from './authenticity-files.ts';
import type { BasicFourInfoFile } from './basic-four-info.ts';
import { INPUT_SUPPORT_EF } from './identifiers.ts';
import {
  type CertifiedIssuerKey,
  caKeyFor,
  isTestHierarchyKeyId,
  type TrustStore,
  trustCache,
} from './trust-store.ts';

type CardResult<T> = Result<T, CardReadError>;

export interface AuthenticityOptions {
  /** CA keys for EF 0004. Without it the signatures are not checked ('signature-not-checked'). */
  readonly trustStore?: TrustStore | undefined;
  /** Also prove the card is present (EF 0007 + a signed nonce): 4 more APDUs. */
  readonly provePresence?: boolean | undefined;
}

export interface AuthenticityInput extends AuthenticityOptions {
  /** EF 0002 as read, and its parsed TLVs (for the DF 22..DF 25 range). */
  readonly basicFourInfo: { readonly bytes: Uint8Array; readonly file: BasicFourInfoFile };
  /** EF 0001 as physically stored (17 bytes), only when the procedure read it. */
  readonly myNumberFile?: Uint8Array | undefined;
}

// The sizes cards.md §1.6 gives are 336, 568 and 536 bytes; a little room, never kilobytes.
const MAX_FILE_LENGTH = 1024;

/**
 * Runs the checks on the selected, unlocked AP. Ok → check names ('digests-ok', 'signature-ok',
 * 'card-present-ok', and what could not be done). Err → stop, do not use the data.
 */
export async function checkInputSupportApAuthenticity(
  transport: CardTransport,
  input: AuthenticityInput,
): Promise<CardResult<string[]>> {
  const checks: string[] = [];
  const integrityBytes = await readShortEfFile(
    transport,
    INPUT_SUPPORT_EF.integrity,
    tlvLength,
    MAX_FILE_LENGTH,
  );
  if (!integrityBytes.ok) {
    // myna-card's notes disagree on whether 照合番号B opens EF 0003 (cards.md §1.6 says it does):
    // a card that refuses is reported, not treated as forged.
    const refused =
      integrityBytes.error.kind === 'security-not-satisfied' ||
      integrityBytes.error.kind === 'file-not-found';
    return refused
      ? ok(['integrity-not-readable', 'signature-not-checked', 'card-present-not-checked'])
      : integrityBytes;
  }
  const integrity = parseIntegrityRecord(integrityBytes.value);
  if (!integrity.ok) return malformed(integrity.error);

  const { bytes, file } = input.basicFourInfo;
  const digested = bytes.subarray(file.fields.name.offset, file.fields.sex.end);
  if (!equalBytes(await sha256(digested), integrity.value.basicFourInfoDigest))
    return notAuthentic('digest-mismatch');
  if (input.myNumberFile && !equalBytes(await sha256(input.myNumberFile), integrity.value.myNumberDigest))
    return notAuthentic('digest-mismatch');
  checks.push('digests-ok');
  if (!input.myNumberFile) checks.push('my-number-digest-not-checked');

  if (!input.trustStore) return ok([...checks, 'signature-not-checked', 'card-present-not-checked']);
  const issuer = await readCertifiedIssuerKey(transport, input.trustStore);
  if (!issuer.ok) return issuer;
  if (issuer.value.kind === 'ca-unknown') {
    const test = issuer.value.testHierarchy ? ['test-hierarchy'] : [];
    return ok([...checks, 'ca-unknown', ...test, 'card-present-not-checked']);
  }
  const { key, testHierarchy } = issuer.value.issuer;
  if (!(await verifyPkcs1Sha256(key, integrity.value.signature, integrity.value.signedData)))
    return notAuthentic('integrity-signature-bad');
  checks.push('signature-ok');
  if (testHierarchy) checks.push('test-hierarchy');

  if (!input.provePresence) return ok([...checks, 'card-present-not-checked']);
  const present = await proveCardPresence(transport, key);
  return present.ok ? ok([...checks, 'card-present-ok']) : present;
}

type IssuerLookup =
  | { readonly kind: 'certified'; readonly issuer: CertifiedIssuerKey }
  | { readonly kind: 'ca-unknown'; readonly testHierarchy: boolean };

/** EF 0004 → the issuer key, verified under the trust store (or remembered from an earlier card). */
async function readCertifiedIssuerKey(
  transport: CardTransport,
  store: TrustStore,
): Promise<CardResult<IssuerLookup>> {
  const head = await readBinaryShortEf(transport, INPUT_SUPPORT_EF.certificate);
  if (!head.ok) return head;
  const cache = trustCache(store).issuers;
  const remembered = cache.get(toHex(head.value));
  if (remembered) return ok({ kind: 'certified', issuer: remembered });

  const total = tlvLength(head.value);
  if (!total.ok) return err({ kind: 'malformed-response', detail: total.error });
  if (total.value > MAX_FILE_LENGTH)
    return err({ kind: 'malformed-response', detail: 'EF 0004 header too long' });
  let bytes = head.value.subarray(0, total.value);
  if (head.value.length < total.value) {
    const rest = await readBinaryRange(transport, head.value.length, total.value - head.value.length);
    if (!rest.ok) return rest;
    bytes = new Uint8Array([...head.value, ...rest.value]);
  }
  const certificate = parseCvCertificate(bytes);
  if (!certificate.ok) return malformed(certificate.error);
  const { issuerKeyId, publicKey, signature, signedData } = certificate.value;
  const testHierarchy = isTestHierarchyKeyId(issuerKeyId);
  const caKey = await caKeyFor(store, issuerKeyId);
  if (!caKey) return ok({ kind: 'ca-unknown', testHierarchy });
  if (!(await verifyPkcs1Sha256(caKey, signature, signedData)))
    return notAuthentic('certificate-signature-bad');
  const key = await importVerifyKey(rsaPublicJwk(publicKey.modulus, publicKey.exponent));
  if (!key) return err({ kind: 'malformed-response', detail: 'EF 0004: key not importable' });
  const issuer = { key, testHierarchy };
  if (bytes.length > head.value.length) cache.set(toHex(head.value), issuer);
  return ok({ kind: 'certified', issuer });
}

/** EF 0007 under the issuer key, then a fresh nonce signed by the card's own key (§1.8 step 4). */
async function proveCardPresence(transport: CardTransport, issuerKey: VerifyKey): Promise<CardResult<void>> {
  const file = await readShortEfFile(transport, INPUT_SUPPORT_EF.cardKey, tlvLength, MAX_FILE_LENGTH);
  if (!file.ok) return file;
  const signed = parseSignedCardKey(file.value);
  if (!signed.ok) return malformed(signed.error);
  if (!(await verifyPkcs1Sha256(issuerKey, signed.value.signature, signed.value.signedData)))
    return notAuthentic('card-key-signature-bad');
  const cardKey = await importVerifyKey(
    rsaPublicJwk(signed.value.publicKey.modulus, signed.value.publicKey.exponent),
  );
  if (!cardKey) return err({ kind: 'malformed-response', detail: 'EF 0007: key not importable' });

  // Our own nonce, not GET CHALLENGE: freshness is the verifier's business (§1.8).
  const nonce = crypto.getRandomValues(new Uint8Array(32));
  const command = buildCommand({
    cla: 0x80,
    ins: 0x2a,
    p1: 0x00,
    p2: 0x00,
    data: sha256DigestInfo(await sha256(nonce)),
    le: 256,
  });
  const response = await transceive(transport, command);
  if (!response.ok) return response;
  if (response.value.sw !== SW.success) return err(statusError(response.value.sw));
  return (await verifyPkcs1Sha256(cardKey, response.value.data, nonce))
    ? ok(undefined)
    : notAuthentic('challenge-signature-bad');
}

function tlvLength(head: Uint8Array): Result<number, string> {
  const header = readTlvHeader(head, 0);
  return header.ok
    ? ok(header.value.valueOffset + header.value.length)
    : err('authenticity file: no TLV header');
}

function malformed(e: AuthenticityFileError): { readonly ok: false; readonly error: CardReadError } {
  return err({ kind: 'malformed-response', detail: describeAuthenticityFileError(e) });
}

function notAuthentic(reason: NotAuthenticReason): { readonly ok: false; readonly error: CardReadError } {
  return err({ kind: 'data-not-authentic', reason });
}
