// The export file (issue 5, point 9): the last resort of a field day. A tablet that cannot reach
// the back office writes its undelivered sync envelopes into one file, carried on a USB stick or
// a staff PC, and the back office imports it with the same exactly-once rules as POST /api/sync
// (a later network sync of the same envelopes only gets replay receipts). The file may be lost or
// copied on the way, so it is encrypted to the back office and signed by the tablet.
//
// The file is one JSON object, `kakanai-<deviceId>-<YYYYMMDD-HHmm>.kakanai`:
//
//   { format: 'kakanai-export', version: 1,
//     deviceId, createdAt,                  the tablet, and when it wrote the file (its clock)
//     firstSeq, lastSeq, count,             the envelopes inside: consecutive, count = last − first + 1
//     recipientKeyId,                       the back office's import key (SHA-256 hex, importKeyIdOf)
//     ephemeralKey,                         a P-256 public JWK {kty, crv, x, y}, made for this file
//     iv,                                   base64url, 12 bytes
//     ciphertext,                           base64url, AES-256-GCM (128-bit tag appended)
//     signature }                           base64url, 64 bytes: ECDSA P-256 / SHA-256 (IEEE P1363)
//                                           by the DEVICE key over canonicalJson(every other member)
//
// Encryption: ECDH P-256 between the ephemeral private key and the import public key gives 32
// bytes Z; HKDF-SHA-256(Z, salt = HKDF_SALT, info = HKDF_INFO_PREFIX + deviceId) gives the
// AES-256-GCM key; the additional data is canonicalJson(header), the header being every member but
// ciphertext and signature, so a changed header fails decryption as well as the signature. The
// plaintext is the UTF-8 JSON {"envelopes": [SyncEnvelope, …]} in seq order.
//
// base64url is the unpadded, canonical spelling only (shared/device-auth.ts): one file has one
// accepted form. Nothing here touches the store: the back office checks each envelope's content,
// hash and place in the chain when it ingests them.
import { isInstant } from '../application.ts';
import { canonicalJson, type JsonValue, sha256HexOf } from '../canonical-json.ts';
import { fromCanonicalBase64Url, ownedCopy, toBase64Url } from '../card/bytes.ts';
import { err, ok, type Result } from '../result.ts';
import { isDeviceId, type SyncEnvelope } from './envelope.ts';
import { batchesOf, syncEnvelopeBytes } from './protocol.ts';
import { isUlid } from './ulid.ts';

export const EXPORT_FORMAT = 'kakanai-export';
export const EXPORT_VERSION = 1;
export const EXPORT_FILE_EXTENSION = '.kakanai';
/** What the back office reads of one file (POST /api/sync/import). */
export const MAX_EXPORT_FILE_BYTES = 32 * 1024 * 1024;
/** The plaintext of one file: base64url makes it 4/3 larger, the header adds under 1 KB. */
export const MAX_EXPORT_PLAINTEXT_BYTES = 22 * 1024 * 1024;
/** Envelopes in one file (a field day has far fewer; the bound keeps the work per file in check). */
export const MAX_EXPORT_ENVELOPES = 10_000;
export const HKDF_SALT = 'kakanai-export-file/v1 salt';
export const HKDF_INFO_PREFIX = 'kakanai-export-file/v1 aes-256-gcm ';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const SIGNATURE_BYTES = 64;
const COORDINATE_BYTES = 32;
const HEX64 = /^[0-9a-f]{64}$/;
const MAX_CIPHERTEXT_CHARS = Math.ceil(((MAX_EXPORT_PLAINTEXT_BYTES + TAG_BYTES) * 4) / 3);

const ECDSA_P256 = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH_P256 = { name: 'ECDH', namedCurve: 'P-256' } as const;
const ECDSA_SHA256 = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** A P-256 public key as a JWK, its four members only (device keys and the import key alike). */
export interface P256PublicJwk {
  readonly kty: 'EC';
  readonly crv: 'P-256';
  readonly x: string;
  readonly y: string;
}

/** The import key's private half, as the back office keeps it. */
export interface P256PrivateJwk extends P256PublicJwk {
  readonly d: string;
}

/** Everything but ciphertext and signature: the additional data of the encryption. */
export interface ExportFileHeader {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly deviceId: string;
  readonly createdAt: string;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly count: number;
  readonly recipientKeyId: string;
  readonly ephemeralKey: P256PublicJwk;
  readonly iv: string;
}

export interface ExportFile extends ExportFileHeader {
  readonly ciphertext: string;
  readonly signature: string;
}

const FILE_KEYS: readonly (keyof ExportFile)[] = [
  'format',
  'version',
  'deviceId',
  'createdAt',
  'firstSeq',
  'lastSeq',
  'count',
  'recipientKeyId',
  'ephemeralKey',
  'iv',
  'ciphertext',
  'signature',
];

/**
 * An envelope as the file carries it: its place in the device's chain is checked here, its content
 * (applications, signatures, hash) by the back office's ingest, which parses every envelope.
 */
export interface ExportedEnvelope {
  readonly id: string;
  readonly deviceId: string;
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly [member: string]: unknown;
}

export interface OpenedExportFile {
  readonly header: ExportFileHeader;
  /** In seq order, firstSeq … lastSeq, each prevHash the hash of the one before. */
  readonly envelopes: readonly ExportedEnvelope[];
}

export type ExportFileError =
  /** Not JSON of this format, or a member that is missing, unknown or malformed ('' = the file). */
  | { readonly kind: 'not-an-export-file'; readonly field: string }
  | { readonly kind: 'unsupported-version'; readonly version: string }
  /** Encrypted to an import key this back office does not hold. */
  | { readonly kind: 'unknown-recipient-key' }
  /** Written by a device this back office does not know. */
  | { readonly kind: 'unknown-device' }
  | { readonly kind: 'bad-signature' }
  | { readonly kind: 'cannot-decrypt' }
  /** Decrypted, but the envelopes inside do not match the header or each other. */
  | { readonly kind: 'bad-content'; readonly field: string };

export function exportFileErrorMessage(e: ExportFileError): string {
  switch (e.kind) {
    case 'not-an-export-file':
      return `選んだファイルは書かない窓口の書き出しファイル（${EXPORT_FILE_EXTENSION}）ではないか、壊れています${e.field ? `（${e.field}）` : ''}。タブレットで書き出した${EXPORT_FILE_EXTENSION}ファイルを選び直してください。`;
    case 'unsupported-version':
      return `この版（${e.version}）の書き出しファイルには対応していません。タブレットのアプリとバックオフィスを同じ版にそろえてから、もう一度取り込んでください。`;
    case 'unknown-recipient-key':
      return 'このファイルは別のバックオフィス宛て（または古い鍵）で暗号化されているため開けません。タブレットをネットワークにつないでログインし直し（取り込み用の鍵を受け取り直します）、書き出し直してください。';
    case 'unknown-device':
      return 'このファイルを書き出した端末はバックオフィスに登録されていません。取り込まずに、管理者に端末の登録状況を確認してください。';
    case 'bad-signature':
      return 'ファイルの端末署名が合いません。書き出した後に改変されたか、壊れています。取り込まずに、元のタブレットからもう一度書き出してください。続くときは管理者に連絡してください。';
    case 'cannot-decrypt':
      return 'ファイルを復号できません。書き出した後に改変されたか、壊れています。取り込まずに、元のタブレットからもう一度書き出してください。続くときは管理者に連絡してください。';
    case 'bad-content':
      return `ファイルの中身（${e.field}）が見出しと合いません。取り込まずに、元のタブレットからもう一度書き出してください。続くときは管理者に連絡してください。`;
  }
}

export type ExportSealError =
  | { readonly kind: 'no-envelopes' }
  /** Envelopes of another device, or not consecutive in seq order. */
  | { readonly kind: 'not-a-chain' }
  | { readonly kind: 'too-large' }
  /** The cached import key does not match its id, or is not a P-256 point. */
  | { readonly kind: 'bad-recipient-key' };

export function exportSealErrorMessage(e: ExportSealError): string {
  switch (e.kind) {
    case 'no-envelopes':
      return '送信待ちの申請はありません。書き出す必要はありません。';
    case 'not-a-chain':
      return '送信待ちのデータの並びが正しくないため書き出せません。アプリを再読み込みしてから、もう一度書き出してください。続くときは管理者に連絡してください。';
    case 'too-large':
      return '送信待ちのデータが1つのファイルには大きすぎます（書き出しは自動で複数のファイルに分けます）。アプリを再読み込みしてから、もう一度書き出してください。';
    case 'bad-recipient-key':
      return 'この端末に保存された取り込み用の鍵が正しくありません。ネットワークにつないでログインし直し（鍵を受け取り直します）、もう一度書き出してください。';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCanonicalBase64Url(v: unknown, byteLength: number): v is string {
  return typeof v === 'string' && fromCanonicalBase64Url(v)?.length === byteLength;
}

/** A P-256 public JWK of exactly {kty, crv, x, y}, coordinates 32 bytes; undefined for anything else. */
export function parsePublicJwk(v: unknown): P256PublicJwk | undefined {
  if (!isRecord(v)) return undefined;
  const keys = Object.keys(v).sort();
  if (keys.join(',') !== 'crv,kty,x,y') return undefined;
  if (v.kty !== 'EC' || v.crv !== 'P-256') return undefined;
  if (!isCanonicalBase64Url(v.x, COORDINATE_BYTES) || !isCanonicalBase64Url(v.y, COORDINATE_BYTES))
    return undefined;
  return { kty: 'EC', crv: 'P-256', x: v.x, y: v.y };
}

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** The public members only, in a fixed shape: what ids and JSON are computed over. */
const publicMembers = (k: P256PublicJwk): P256PublicJwk => ({ kty: 'EC', crv: 'P-256', x: k.x, y: k.y });

/** The id of an import key: SHA-256 (hex) of the canonical JSON of its public JWK. */
export function importKeyIdOf(publicKey: P256PublicJwk): Promise<string> {
  return sha256HexOf(canonicalJson({ ...publicMembers(publicKey) }));
}

function headerJson(h: ExportFileHeader): JsonValue {
  return {
    format: h.format,
    version: h.version,
    deviceId: h.deviceId,
    createdAt: h.createdAt,
    firstSeq: h.firstSeq,
    lastSeq: h.lastSeq,
    count: h.count,
    recipientKeyId: h.recipientKeyId,
    ephemeralKey: { ...publicMembers(h.ephemeralKey) },
    iv: h.iv,
  };
}

// TextEncoder's bytes are its own fresh buffer: no copy (the plaintext's is zeroed after sealing).
const utf8 = (text: string) => new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>;

/** The bytes the device signs: canonicalJson of every member but the signature. */
function signedBytes(header: ExportFileHeader, ciphertext: string): Uint8Array<ArrayBuffer> {
  const json = headerJson(header) as { readonly [k: string]: JsonValue };
  return utf8(canonicalJson({ ...json, ciphertext }));
}

const additionalData = (header: ExportFileHeader) => utf8(canonicalJson(headerJson(header)));

/** Z → the AES-256-GCM key of one file (the header comment says how). */
async function fileKey(sharedSecret: ArrayBuffer, deviceId: string, usage: 'encrypt' | 'decrypt') {
  const ikm = await crypto.subtle.importKey('raw', sharedSecret, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8(HKDF_SALT), info: utf8(HKDF_INFO_PREFIX + deviceId) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

const importEcdhPublic = (k: P256PublicJwk) =>
  crypto.subtle.importKey('jwk', { ...publicMembers(k), ext: true }, ECDH_P256, true, []);

/** UTF-8 bytes of one envelope's JSON, for splitting what is waiting into files. */

/**
 * Splits envelopes into the runs one file each holds: consecutive seqs, within
 * MAX_EXPORT_PLAINTEXT_BYTES and MAX_EXPORT_ENVELOPES (an envelope is at most 4 MB, so always fits).
 */
export function exportPartsOf(envelopes: readonly SyncEnvelope[]): SyncEnvelope[][] {
  // Room for {"envelopes":[…]} and a comma per envelope.
  return batchesOf(
    envelopes,
    (e) => syncEnvelopeBytes(e) + 1,
    MAX_EXPORT_ENVELOPES,
    MAX_EXPORT_PLAINTEXT_BYTES - 64,
  );
}

export interface SealExportInput {
  /** One device's envelopes, consecutive in seq order. */
  readonly envelopes: readonly SyncEnvelope[];
  readonly deviceId: string;
  /** The back office's import key, as GET /api/sync/import-key gave it. */
  readonly recipient: { readonly id: string; readonly publicKey: P256PublicJwk };
  /** ECDSA P-256 / SHA-256 by the device key, IEEE P1363 (r‖s, 64 bytes, as WebCrypto makes it). */
  readonly sign: (bytes: Uint8Array) => Promise<Uint8Array>;
  readonly now: Date;
}

/** Encrypts and signs the envelopes into one export file (the header comment says how). */
export async function sealExportFile(input: SealExportInput): Promise<Result<ExportFile, ExportSealError>> {
  const { envelopes, deviceId, recipient } = input;
  const first = envelopes[0];
  if (!first) return err({ kind: 'no-envelopes' });
  if (!isDeviceId(deviceId) || envelopes.length > MAX_EXPORT_ENVELOPES) return err({ kind: 'not-a-chain' });
  for (const [i, e] of envelopes.entries()) {
    if (e.deviceId !== deviceId || e.seq !== first.seq + i) return err({ kind: 'not-a-chain' });
  }
  const publicKey = parsePublicJwk(recipient.publicKey);
  if (!publicKey || (await importKeyIdOf(publicKey)) !== recipient.id)
    return err({ kind: 'bad-recipient-key' });
  let recipientKey: Awaited<ReturnType<typeof importEcdhPublic>>;
  try {
    recipientKey = await importEcdhPublic(publicKey);
  } catch {
    return err({ kind: 'bad-recipient-key' }); // not a point on the curve
  }
  const plaintext = utf8(JSON.stringify({ envelopes }));
  if (plaintext.length > MAX_EXPORT_PLAINTEXT_BYTES) return err({ kind: 'too-large' });

  const ephemeral = await crypto.subtle.generateKey(ECDH_P256, true, ['deriveBits']);
  const ephemeralJwk = await crypto.subtle.exportKey('jwk', ephemeral.publicKey);
  const secret = await crypto.subtle.deriveBits(
    { name: 'ECDH', public: recipientKey },
    ephemeral.privateKey,
    256,
  );
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const last = envelopes[envelopes.length - 1] as SyncEnvelope;
  const header: ExportFileHeader = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    deviceId,
    createdAt: input.now.toISOString(),
    firstSeq: first.seq,
    lastSeq: last.seq,
    count: envelopes.length,
    recipientKeyId: recipient.id,
    ephemeralKey: { kty: 'EC', crv: 'P-256', x: ephemeralJwk.x as string, y: ephemeralJwk.y as string },
    iv: toBase64Url(iv),
  };
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: additionalData(header), tagLength: 128 },
    await fileKey(secret, deviceId, 'encrypt'),
    plaintext,
  );
  plaintext.fill(0); // the personal data leaves memory as soon as it is sealed
  const ciphertext = toBase64Url(new Uint8Array(sealed));
  const signature = await input.sign(signedBytes(header, ciphertext));
  if (signature.length !== SIGNATURE_BYTES) throw new Error('sealExportFile: not a P-256 P1363 signature');
  return ok({ ...header, ciphertext, signature: toBase64Url(signature) });
}

/** The file as its bytes on disk: one line of JSON. */
export function exportFileText(file: ExportFile): string {
  return JSON.stringify(file);
}

/**
 * A file from outside, checked member by member, without any key: what the back
 * office reads first to find the device (and refuse an unknown or revoked one before decrypting).
 */
export function parseExportFile(input: unknown): Result<ExportFile, ExportFileError> {
  const bad = (field: string) => err({ kind: 'not-an-export-file' as const, field });
  if (!isRecord(input) || input.format !== EXPORT_FORMAT) return bad('');
  if (input.version !== EXPORT_VERSION)
    return err({
      kind: 'unsupported-version',
      version: typeof input.version === 'number' ? String(input.version).slice(0, 12) : '不明',
    });
  for (const key of Object.keys(input))
    if (!(FILE_KEYS as readonly string[]).includes(key)) return bad('(不明な項目)');
  const { deviceId, createdAt, firstSeq, lastSeq, count, recipientKeyId, iv, ciphertext, signature } = input;
  if (!isDeviceId(deviceId)) return bad('deviceId');
  if (!isInstant(createdAt)) return bad('createdAt');
  if (!isSeq(firstSeq)) return bad('firstSeq');
  if (!isSeq(lastSeq) || lastSeq < firstSeq) return bad('lastSeq');
  if (count !== lastSeq - firstSeq + 1 || count > MAX_EXPORT_ENVELOPES) return bad('count');
  if (typeof recipientKeyId !== 'string' || !HEX64.test(recipientKeyId)) return bad('recipientKeyId');
  const ephemeralKey = parsePublicJwk(input.ephemeralKey);
  if (!ephemeralKey) return bad('ephemeralKey');
  if (!isCanonicalBase64Url(iv, IV_BYTES)) return bad('iv');
  if (
    typeof ciphertext !== 'string' ||
    ciphertext.length > MAX_CIPHERTEXT_CHARS ||
    (fromCanonicalBase64Url(ciphertext)?.length ?? 0) <= TAG_BYTES
  )
    return bad('ciphertext');
  if (!isCanonicalBase64Url(signature, SIGNATURE_BYTES)) return bad('signature');
  return ok({
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    deviceId,
    createdAt,
    firstSeq,
    lastSeq,
    count,
    recipientKeyId,
    ephemeralKey,
    iv,
    ciphertext,
    signature,
  });
}

type MaybePromise<T> = T | Promise<T>;

export interface ExportFileKeys {
  /** The import key pair's private JWK by id, retired ones included; undefined when unknown. */
  readonly privateKeyFor: (recipientKeyId: string) => MaybePromise<P256PrivateJwk | undefined>;
  /** The device's public key as enrolled; undefined when the device is unknown. */
  readonly devicePublicKey: (deviceId: string) => MaybePromise<P256PublicJwk | undefined>;
}

async function signatureVerifies(file: ExportFile, key: P256PublicJwk): Promise<boolean> {
  try {
    const verifyKey = await crypto.subtle.importKey(
      'jwk',
      { ...publicMembers(key), ext: true },
      ECDSA_P256,
      false,
      ['verify'],
    );
    return await crypto.subtle.verify(
      ECDSA_SHA256,
      verifyKey,
      ownedCopy(fromCanonicalBase64Url(file.signature) as Uint8Array),
      signedBytes(file, file.ciphertext),
    );
  } catch {
    return false;
  }
}

async function decrypt(file: ExportFile, privateKey: P256PrivateJwk): Promise<Uint8Array | undefined> {
  try {
    const own = await crypto.subtle.importKey(
      'jwk',
      { kty: 'EC', crv: 'P-256', x: privateKey.x, y: privateKey.y, d: privateKey.d, ext: true },
      ECDH_P256,
      false,
      ['deriveBits'],
    );
    const secret = await crypto.subtle.deriveBits(
      { name: 'ECDH', public: await importEcdhPublic(file.ephemeralKey) },
      own,
      256,
    );
    const plain = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: ownedCopy(fromCanonicalBase64Url(file.iv) as Uint8Array),
        additionalData: additionalData(file),
        tagLength: 128,
      },
      await fileKey(secret, file.deviceId, 'decrypt'),
      ownedCopy(fromCanonicalBase64Url(file.ciphertext) as Uint8Array),
    );
    return new Uint8Array(plain);
  } catch {
    return undefined; // another key, a changed header, iv or ciphertext: GCM's tag does not match
  }
}

/** The envelopes inside, checked against the header and each other (not their content). */
function readContent(
  header: ExportFileHeader,
  plain: Uint8Array,
): Result<ExportedEnvelope[], ExportFileError> {
  const bad = (field: string) => err({ kind: 'bad-content' as const, field });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain));
  } catch {
    return bad('JSON');
  } finally {
    plain.fill(0);
  }
  if (!isRecord(value) || Object.keys(value).join(',') !== 'envelopes') return bad('envelopes');
  const list = value.envelopes;
  if (!Array.isArray(list) || list.length !== header.count) return bad('count');
  const ids = new Set<string>();
  const out: ExportedEnvelope[] = [];
  for (const [i, e] of list.entries()) {
    const at = (member: string) => bad(`envelopes[${i}].${member}`);
    if (!isRecord(e)) return bad(`envelopes[${i}]`);
    if (e.deviceId !== header.deviceId) return at('deviceId');
    if (e.seq !== header.firstSeq + i) return at('seq');
    if (!isUlid(e.id) || ids.has(e.id)) return at('id');
    if (typeof e.hash !== 'string' || !HEX64.test(e.hash)) return at('hash');
    if (typeof e.prevHash !== 'string' || !HEX64.test(e.prevHash)) return at('prevHash');
    const previous = out[i - 1];
    if (previous && e.prevHash !== previous.hash) return at('prevHash');
    ids.add(e.id);
    out.push(e as ExportedEnvelope);
  }
  return ok(out);
}

/**
 * Opens an export file from outside: the header, the device's signature, then the decryption and
 * the envelopes inside. Every failure is a value; random input never throws.
 */
export async function openExportFile(
  input: unknown,
  keys: ExportFileKeys,
): Promise<Result<OpenedExportFile, ExportFileError>> {
  const read = parseExportFile(input);
  return read.ok ? openParsedExportFile(read.value, keys) : read;
}

/** The same for a file parseExportFile has read already (the back office reads its header first). */
export async function openParsedExportFile(
  file: ExportFile,
  keys: ExportFileKeys,
): Promise<Result<OpenedExportFile, ExportFileError>> {
  const deviceKey = await keys.devicePublicKey(file.deviceId);
  if (!deviceKey) return err({ kind: 'unknown-device' });
  if (!(await signatureVerifies(file, deviceKey))) return err({ kind: 'bad-signature' });
  const privateKey = await keys.privateKeyFor(file.recipientKeyId);
  if (!privateKey) return err({ kind: 'unknown-recipient-key' });
  const plain = await decrypt(file, privateKey);
  if (!plain) return err({ kind: 'cannot-decrypt' });
  const envelopes = readContent(file, plain);
  if (!envelopes.ok) return envelopes;
  const { ciphertext: _c, signature: _s, ...header } = file;
  return ok({ header, envelopes: envelopes.value });
}
