// The checks of a sync batch that need no store (sync/ingest.ts, step 1), as pure functions of the
// bytes or the parsed envelopes and the procedure catalogue: the body's UTF-8 and JSON, the outer
// shape {schema, deviceId, envelopes}, every envelope and every application in it (the
// procedure's own validation), that they belong to the device and run consecutively, the envelope
// hash and each application's signature hash. Nothing here touches the database or the clock:
// what the bytes are decides the answer alone (the fuzz tests lean on that).
import { type ApplicationEnvelope, signedContent } from '../../shared/application.ts';
import type { ProcedureLookup } from '../../shared/procedures/registry.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import { parseSyncEnvelope, type SyncEnvelope, syncEnvelopeHashInput } from '../../shared/sync/envelope.ts';
import { MAX_BATCH_ENVELOPES, SYNC_PROTOCOL_SCHEMA } from '../../shared/sync/protocol.ts';
import { type CanonicalMemo, canonicalJson, type JsonValue, sha256Hex } from '../canonical-json.ts';
import type { BackOfficeError } from '../errors.ts';
import { parseJsonBytes } from '../http/body.ts';
import { isStorableJson } from '../text-rules.ts';

/** A batch that passed: its envelopes in order, and each application's content hash by position. */
export interface CheckedEnvelopes {
  readonly envelopes: SyncEnvelope[];
  /**
   * SHA-256 of each application's canonical JSON, [envelope][application] (by position, not by
   * id: the same id with other content in one batch must stay two entries): tells a resend from
   * a clash.
   */
  readonly contentHashes: readonly (readonly string[])[];
}

/**
 * Why a batch is refused. A tampered envelope is answered with the chain head, which only the
 * store knows: ingest fills it in.
 */
export type CheckRefusal = BackOfficeError | { readonly kind: 'sync-tampered'; readonly seq: number };

export type CheckResult = Result<CheckedEnvelopes, CheckRefusal>;

const MEMBERS = new Set(['schema', 'deviceId', 'envelopes']);

/** The outer shape: {schema: 1, deviceId: <the signing device>, envelopes: [1..50]}, nothing else. */
export function batchEnvelopes(body: unknown, deviceId: string): Result<unknown[], BackOfficeError> {
  const bad = (field: string) => err({ kind: 'invalid-sync-batch' as const, field });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return bad('body');
  const record = body as Record<string, unknown>;
  const unknownKey = Object.keys(record).find((k) => !MEMBERS.has(k));
  if (unknownKey !== undefined) return bad(unknownKey.slice(0, 40));
  if (record.schema !== SYNC_PROTOCOL_SCHEMA) return bad('schema');
  if (record.deviceId !== deviceId) return err({ kind: 'sync-device-mismatch', seq: 0 });
  const envelopes = record.envelopes;
  if (!Array.isArray(envelopes) || envelopes.length === 0 || envelopes.length > MAX_BATCH_ENVELOPES)
    return bad('envelopes');
  return ok(envelopes);
}

/** The envelopes of a batch as received (parsed JSON), checked in order; the first problem refuses all. */
export function checkEnvelopes(raw: unknown, deviceId: string, procedures: ProcedureLookup): CheckResult {
  if (!Array.isArray(raw) || raw.length === 0) return err({ kind: 'invalid-sync-batch', field: 'envelopes' });
  const envelopes: SyncEnvelope[] = [];
  for (const [index, item] of raw.entries()) {
    const parsed = parseSyncEnvelope(item, procedures);
    if (!parsed.ok) return err({ kind: 'invalid-sync-envelope', index, error: parsed.error });
    const e = parsed.value;
    if (e.deviceId !== deviceId) return err({ kind: 'sync-device-mismatch', seq: e.seq });
    const previous = envelopes[envelopes.length - 1];
    if (previous && e.seq !== previous.seq + 1)
      return err({ kind: 'invalid-sync-batch', field: 'envelopes.seq' });
    if (!isStorableJson(e.payload)) return err({ kind: 'unstorable-text' });
    envelopes.push(e);
  }
  // The same hashes as shared/ computes with WebCrypto, with node:crypto's synchronous SHA-256
  // (a batch of 50 would otherwise await a hundred digests one after the other). Each application
  // is hashed three ways — without its signature, whole, inside its envelope — and the memo makes
  // the text of its fields and of its signature (the strokes) once.
  const memo: CanonicalMemo = new Map();
  const contentHashes: string[][] = [];
  for (const e of envelopes) {
    const hashes: string[] = [];
    const signedHashes = e.payload.map((application: ApplicationEnvelope) => {
      memo.set(application.fields, canonicalJson(application.fields as JsonValue));
      memo.set(application.signature, canonicalJson(application.signature as unknown as JsonValue));
      const signed = sha256Hex(canonicalJson(signedContent(application), memo));
      const whole = canonicalJson(application as unknown as JsonValue, memo);
      memo.set(application, whole);
      hashes.push(sha256Hex(whole));
      return signed;
    });
    if (sha256Hex(syncEnvelopeHashInput(e, memo)) !== e.hash)
      return err({ kind: 'sync-tampered', seq: e.seq });
    for (const [i, application] of e.payload.entries())
      if (signedHashes[i] !== application.signature.contentSha256)
        return err({ kind: 'sync-signature-mismatch', seq: e.seq, applicationId: application.id });
    contentHashes.push(hashes);
  }
  return ok({ envelopes, contentHashes });
}

/** A POST /api/sync body as it arrived (the bytes the device signed), checked whole. */
export function checkSyncBody(bytes: Uint8Array, deviceId: string, procedures: ProcedureLookup): CheckResult {
  const body = parseJsonBytes(bytes);
  if (!body.ok) return body;
  const raw = batchEnvelopes(body.value, deviceId);
  if (!raw.ok) return raw;
  return checkEnvelopes(raw.value, deviceId, procedures);
}
