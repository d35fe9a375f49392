// The export file of issue 5 point 9: a round trip, every way a file can be refused, the format as
// documented (a second encryption written here from the header comment of export-file.ts opens
// with openExportFile), and a fuzz test: whatever arrives, openExportFile answers a value.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT, signedTennyuEnvelope } from '../../test/fixtures/applications.ts';
import { canonicalJson, type JsonValue } from '../canonical-json.ts';
import { fromCanonicalBase64Url, toBase64Url } from '../card/bytes.ts';
import { GENESIS_HASH, type SyncEnvelope, sealSyncEnvelope } from './envelope.ts';
import {
  type ExportFile,
  type ExportFileError,
  type ExportFileKeys,
  type ExportSealError,
  exportFileErrorMessage,
  exportFileText,
  exportPartsOf,
  exportSealErrorMessage,
  HKDF_INFO_PREFIX,
  HKDF_SALT,
  importKeyIdOf,
  openExportFile,
  type P256PrivateJwk,
  type P256PublicJwk,
  parseExportFile,
  sealExportFile,
} from './export-file.ts';
import { ulidFactory } from './ulid.ts';

const DEVICE = 'dev_0123456789abcdefghjkmnpqrs';
const OTHER_DEVICE = 'dev_abcdefghjkmnpqrs0123456789';
const NOW = new Date('2026-12-01T03:00:00.000Z');
const ulid = ulidFactory();
const subtle = crypto.subtle;

interface Signer {
  readonly publicKey: P256PublicJwk;
  readonly sign: (bytes: Uint8Array) => Promise<Uint8Array>;
}

async function deviceSigner(): Promise<Signer> {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const jwk = await subtle.exportKey('jwk', pair.publicKey);
  return {
    publicKey: { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string },
    sign: async (bytes) =>
      new Uint8Array(
        await subtle.sign(
          { name: 'ECDSA', hash: 'SHA-256' },
          pair.privateKey,
          bytes as Uint8Array<ArrayBuffer>,
        ),
      ),
  };
}

interface ImportKey {
  readonly id: string;
  readonly publicKey: P256PublicJwk;
  readonly privateKey: P256PrivateJwk;
}

async function importKey(): Promise<ImportKey> {
  const pair = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const jwk = await subtle.exportKey('jwk', pair.privateKey);
  const publicKey: P256PublicJwk = { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string };
  return { id: await importKeyIdOf(publicKey), publicKey, privateKey: { ...publicKey, d: jwk.d as string } };
}

async function chain(n: number, deviceId = DEVICE): Promise<SyncEnvelope[]> {
  const out: SyncEnvelope[] = [];
  for (let seq = 1; seq <= n; seq++) {
    const application = await signedTennyuEnvelope();
    out.push(
      await sealSyncEnvelope({
        schema: 1,
        id: ulid(),
        deviceId,
        seq,
        createdAt: application.createdAt,
        procedures: ['tennyu'],
        payload: [application],
        prevHash: out[seq - 2]?.hash ?? GENESIS_HASH,
      }),
    );
  }
  return out;
}

let device: Signer;
let otherDevice: Signer;
let recipient: ImportKey;
let otherRecipient: ImportKey;
let envelopes: SyncEnvelope[];

beforeAll(async () => {
  [device, otherDevice, recipient, otherRecipient] = await Promise.all([
    deviceSigner(),
    deviceSigner(),
    importKey(),
    importKey(),
  ]);
  envelopes = await chain(3);
});

const keys = (overrides: Partial<ExportFileKeys> = {}): ExportFileKeys => ({
  privateKeyFor: (id) => (id === recipient.id ? recipient.privateKey : undefined),
  devicePublicKey: (id) => (id === DEVICE ? device.publicKey : undefined),
  ...overrides,
});

async function seal(list = envelopes, signer = device): Promise<ExportFile> {
  const r = await sealExportFile({
    envelopes: list,
    deviceId: DEVICE,
    recipient: { id: recipient.id, publicKey: recipient.publicKey },
    sign: signer.sign,
    now: NOW,
  });
  if (!r.ok) throw new Error(r.error.kind);
  return r.value;
}

/** The file as the back office receives it: its text, parsed. */
const received = (file: ExportFile): unknown => JSON.parse(exportFileText(file));

const signedText = (file: Record<string, unknown>) => {
  const { signature: _s, ...rest } = file;
  return new TextEncoder().encode(canonicalJson(rest as JsonValue));
};

/** A changed file signed again by the device: only the encryption can still refuse it. */
async function resigned(file: Record<string, unknown>, signer = device): Promise<Record<string, unknown>> {
  return { ...file, signature: toBase64Url(await signer.sign(signedText(file))) };
}

const errorOf = async (input: unknown, k = keys()) => {
  const r = await openExportFile(input, k);
  return r.ok ? undefined : r.error;
};

/** One character of a base64url text changed to another (valid, canonical when not the last). */
function flip(text: string, index = Math.floor(text.length / 2)): string {
  const c = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + c + text.slice(index + 1);
}

describe('export file', () => {
  it('round-trips: the back office gets the envelopes in seq order, the header as sealed', async () => {
    const file = await seal();
    expect(file).toMatchObject({
      format: 'kakanai-export',
      version: 1,
      deviceId: DEVICE,
      createdAt: NOW.toISOString(),
      firstSeq: 1,
      lastSeq: 3,
      count: 3,
      recipientKeyId: recipient.id,
    });
    expect(Object.keys(file).sort()).toEqual(
      [
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
      ].sort(),
    );
    expect(fromCanonicalBase64Url(file.iv)?.length).toBe(12);
    expect(fromCanonicalBase64Url(file.signature)?.length).toBe(64);
    const opened = await openExportFile(received(file), keys());
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.envelopes).toEqual(envelopes);
    const { ciphertext: _c, signature: _s, ...header } = file;
    expect(opened.value.header).toEqual(header);
  });

  it('keeps the content encrypted: no name, address or phone in the file', async () => {
    const text = exportFileText(await seal());
    for (const plain of [RESIDENT.name, RESIDENT.nameKana, RESIDENT.address, RESIDENT.phone, 'tennyu'])
      expect(text).not.toContain(plain);
  });

  it('makes a fresh ephemeral key and iv for every file', async () => {
    const [a, b] = [await seal(), await seal()];
    expect(a.ephemeralKey).not.toEqual(b.ephemeralKey);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('refuses a changed header: the signature, and the encryption too when signed again', async () => {
    const file = received(await seal()) as Record<string, unknown>;
    for (const change of [
      { createdAt: '2026-12-01T04:00:00.000Z' },
      { recipientKeyId: otherRecipient.id },
      { ephemeralKey: otherRecipient.publicKey },
      { iv: toBase64Url(new Uint8Array(12)) },
    ]) {
      const changed = { ...file, ...change };
      expect(await errorOf(changed)).toEqual({ kind: 'bad-signature' });
      const k = keys({ privateKeyFor: () => recipient.privateKey });
      expect(await errorOf(await resigned(changed), k)).toEqual({ kind: 'cannot-decrypt' });
    }
  });

  it('refuses a changed ciphertext and a changed or foreign signature', async () => {
    const file = received(await seal()) as Record<string, unknown>;
    const ciphertext = flip(file.ciphertext as string);
    expect(await errorOf({ ...file, ciphertext })).toEqual({ kind: 'bad-signature' });
    expect(await errorOf(await resigned({ ...file, ciphertext }))).toEqual({ kind: 'cannot-decrypt' });
    expect(await errorOf({ ...file, signature: flip(file.signature as string, 10) })).toEqual({
      kind: 'bad-signature',
    });
    expect(await errorOf(await resigned(file, otherDevice))).toEqual({ kind: 'bad-signature' });
  });

  it('refuses a file for another import key, and one the device key does not verify', async () => {
    const file = received(await seal());
    expect(await errorOf(file, keys({ privateKeyFor: () => undefined }))).toEqual({
      kind: 'unknown-recipient-key',
    });
    expect(await errorOf(file, keys({ privateKeyFor: () => otherRecipient.privateKey }))).toEqual({
      kind: 'cannot-decrypt',
    });
    expect(await errorOf(file, keys({ devicePublicKey: () => otherDevice.publicKey }))).toEqual({
      kind: 'bad-signature',
    });
    expect(await errorOf(file, keys({ devicePublicKey: () => undefined }))).toEqual({
      kind: 'unknown-device',
    });
  });

  it('parses strictly: members, sizes, canonical base64url, counts', async () => {
    const file = received(await seal()) as Record<string, unknown>;
    const field = async (change: Record<string, unknown>) => {
      const e = await errorOf({ ...file, ...change });
      return e?.kind === 'not-an-export-file' ? e.field : e?.kind;
    };
    expect(await errorOf('not a file')).toEqual({ kind: 'not-an-export-file', field: '' });
    expect(await errorOf([file])).toEqual({ kind: 'not-an-export-file', field: '' });
    expect(await field({ format: 'other' })).toBe('');
    expect(await errorOf({ ...file, version: 2 })).toEqual({ kind: 'unsupported-version', version: '2' });
    expect(await field({ extra: 1 })).toBe('(不明な項目)');
    expect(await field({ deviceId: 'dev_x' })).toBe('deviceId');
    expect(await field({ createdAt: '2026-02-30T00:00:00.000Z' })).toBe('createdAt');
    expect(await field({ firstSeq: 0 })).toBe('firstSeq');
    expect(await field({ firstSeq: 1.5 })).toBe('firstSeq');
    expect(await field({ lastSeq: 0 })).toBe('lastSeq');
    expect(await field({ count: 2 })).toBe('count');
    expect(await field({ count: '3' })).toBe('count');
    expect(await field({ recipientKeyId: 'A'.repeat(64) })).toBe('recipientKeyId');
    expect(await field({ ephemeralKey: { ...(file.ephemeralKey as object), d: 'AAAA' } })).toBe(
      'ephemeralKey',
    );
    expect(await field({ ephemeralKey: { ...(file.ephemeralKey as object), crv: 'P-384' } })).toBe(
      'ephemeralKey',
    );
    expect(await field({ iv: `${file.iv}=` })).toBe('iv');
    expect(await field({ iv: toBase64Url(new Uint8Array(16)) })).toBe('iv');
    expect(await field({ ciphertext: `${file.ciphertext}==` })).toBe('ciphertext');
    expect(await field({ ciphertext: toBase64Url(new Uint8Array(16)) })).toBe('ciphertext');
    expect(await field({ ciphertext: 'a+b/' })).toBe('ciphertext');
    expect(await field({ signature: toBase64Url(new Uint8Array(63)) })).toBe('signature');
    // 64 bytes = 86 characters, the last holding 2 bits: a spelling with its 4 unused bits set is refused.
    const signature = file.signature as string;
    const last = signature.at(-1) as string;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) + 1] as string;
    expect(await field({ signature: signature.slice(0, -1) + sibling })).toBe('signature');
    expect(parseExportFile(file).ok).toBe(true);
  });

  it('checks the content against the header (an encryption written from the documented format)', async () => {
    const content = async (plaintext: unknown, header: Partial<ExportFile> = {}) =>
      errorOf(await documentedSeal(plaintext, header));
    // The documented format opens: the description in export-file.ts is the format.
    const opened = await openExportFile(await documentedSeal({ envelopes }), keys());
    expect(opened.ok && opened.value.envelopes).toEqual(envelopes);
    const [a, b, c] = envelopes as [SyncEnvelope, SyncEnvelope, SyncEnvelope];
    const bad = (field: string): ExportFileError => ({ kind: 'bad-content', field });
    expect(await content({ envelopes: [a, b] })).toEqual(bad('count'));
    expect(await content({ envelopes, more: 1 })).toEqual(bad('envelopes'));
    expect(await content([a, b, c])).toEqual(bad('envelopes'));
    expect(await content({ envelopes: [a, c, b] })).toEqual(bad('envelopes[1].seq'));
    expect(await content({ envelopes: [a, b, { ...c, deviceId: OTHER_DEVICE }] })).toEqual(
      bad('envelopes[2].deviceId'),
    );
    expect(await content({ envelopes: [a, b, { ...c, prevHash: a.hash }] })).toEqual(
      bad('envelopes[2].prevHash'),
    );
    expect(await content({ envelopes: [a, b, { ...c, id: b.id }] })).toEqual(bad('envelopes[2].id'));
    expect(await content({ envelopes: [a, b, { ...c, hash: 'x' }] })).toEqual(bad('envelopes[2].hash'));
    expect(await content({ envelopes: [a, b, 7] })).toEqual(bad('envelopes[2]'));
    expect(await content('{"envelopes": [', {})).toEqual(bad('JSON'));
    expect(await content(new Uint8Array([0xff, 0xfe]))).toEqual(bad('JSON'));
  });

  it('seals only one device’s consecutive envelopes, to a key that matches its id', async () => {
    const input = {
      envelopes,
      deviceId: DEVICE,
      recipient: { id: recipient.id, publicKey: recipient.publicKey },
      sign: device.sign,
      now: NOW,
    };
    const sealError = async (change: Partial<typeof input>) => {
      const r = await sealExportFile({ ...input, ...change });
      return r.ok ? undefined : r.error;
    };
    expect(await sealError({ envelopes: [] })).toEqual({ kind: 'no-envelopes' });
    expect(await sealError({ envelopes: [envelopes[0], envelopes[2]] as SyncEnvelope[] })).toEqual({
      kind: 'not-a-chain',
    });
    expect(await sealError({ deviceId: OTHER_DEVICE })).toEqual({ kind: 'not-a-chain' });
    expect(await sealError({ recipient: { id: otherRecipient.id, publicKey: recipient.publicKey } })).toEqual(
      {
        kind: 'bad-recipient-key',
      },
    );
    // A later run of the chain seals too (a tablet whose first envelopes were delivered).
    const later = await seal(envelopes.slice(1));
    const opened = await openExportFile(received(later), keys());
    expect(opened.ok && [opened.value.header.firstSeq, opened.value.header.lastSeq]).toEqual([2, 3]);
  });

  it('splits what waits into consecutive runs that each fit one file', () => {
    expect(exportPartsOf(envelopes)).toEqual([envelopes]);
    const [a, , c] = envelopes as [SyncEnvelope, SyncEnvelope, SyncEnvelope];
    expect(exportPartsOf([c, a])).toEqual([[a], [c]]);
  });

  it('says in Japanese what to do for every refusal', () => {
    const errors: ExportFileError[] = [
      { kind: 'not-an-export-file', field: 'iv' },
      { kind: 'unsupported-version', version: '2' },
      { kind: 'unknown-recipient-key' },
      { kind: 'unknown-device' },
      { kind: 'bad-signature' },
      { kind: 'cannot-decrypt' },
      { kind: 'bad-content', field: 'count' },
    ];
    const sealErrors: ExportSealError[] = [
      { kind: 'no-envelopes' },
      { kind: 'not-a-chain' },
      { kind: 'too-large' },
      { kind: 'bad-recipient-key' },
    ];
    const messages = [...errors.map(exportFileErrorMessage), ...sealErrors.map(exportSealErrorMessage)];
    for (const m of messages) expect(m).toMatch(/[ぁ-ん].*(ください|ありません)。$/);
    expect(new Set(messages).size).toBe(messages.length);
  });

  it('never throws on random input, and opens nothing but the file itself', async () => {
    const file = received(await seal()) as Record<string, unknown>;
    const members = Object.keys(file);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (input) => {
        expect((await openExportFile(input, keys())).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    // A valid file with one member replaced by anything, or one character of it changed.
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...members),
        fc.oneof(fc.jsonValue(), fc.string(), fc.integer()),
        async (member, value) => {
          fc.pre(JSON.stringify(value) !== JSON.stringify(file[member]));
          expect((await openExportFile({ ...file, [member]: value }, keys())).ok).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
    const text = JSON.stringify(file);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: text.length - 1 }),
        fc.string({ minLength: 1, maxLength: 1 }),
        async (index, c) => {
          fc.pre(text[index] !== c);
          let input: unknown;
          try {
            input = JSON.parse(text.slice(0, index) + c + text.slice(index + 1));
          } catch {
            return; // no longer JSON: the route refuses it before this module
          }
          const r = await openExportFile(input, keys());
          // A change JSON reads back as the same value (an escape) would still open; nothing else.
          if (r.ok) expect(input).toEqual(file);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/**
 * The format as the header comment of export-file.ts describes it, written again here: ECDH with
 * a fresh key, HKDF-SHA-256 with the documented salt and info, AES-256-GCM over the plaintext with
 * the canonical header as additional data, the device's signature over every other member.
 */
async function documentedSeal(plaintext: unknown, change: Partial<ExportFile> = {}): Promise<ExportFile> {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  const bytes =
    plaintext instanceof Uint8Array
      ? plaintext
      : utf8(typeof plaintext === 'string' ? plaintext : JSON.stringify(plaintext));
  const ephemeral = await subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
  const jwk = await subtle.exportKey('jwk', ephemeral.publicKey);
  const recipientKey = await subtle.importKey(
    'jwk',
    recipient.publicKey,
    { name: 'ECDH', namedCurve: 'P-256' },
    false,
    [],
  );
  const z = await subtle.deriveBits({ name: 'ECDH', public: recipientKey }, ephemeral.privateKey, 256);
  const ikm = await subtle.importKey('raw', z, 'HKDF', false, ['deriveKey']);
  const key = await subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: utf8(HKDF_SALT), info: utf8(HKDF_INFO_PREFIX + DEVICE) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const header = {
    format: 'kakanai-export',
    version: 1,
    deviceId: DEVICE,
    createdAt: NOW.toISOString(),
    firstSeq: 1,
    lastSeq: 3,
    count: 3,
    recipientKeyId: recipient.id,
    ephemeralKey: { kty: 'EC', crv: 'P-256', x: jwk.x as string, y: jwk.y as string },
    iv: toBase64Url(iv),
    ...change,
  };
  const sealed = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: utf8(canonicalJson(header as unknown as JsonValue)) },
    key,
    bytes as Uint8Array<ArrayBuffer>,
  );
  const unsigned = { ...header, ciphertext: toBase64Url(new Uint8Array(sealed)) };
  return {
    ...unsigned,
    signature: toBase64Url(await device.sign(utf8(canonicalJson(unsigned as unknown as JsonValue)))),
  } as ExportFile;
}
