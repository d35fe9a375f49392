// The sync envelope: what a tablet sends for one signed visit, immutable from the moment the
// resident signs. Each device numbers its envelopes 1, 2, 3… and chains them: an envelope carries
// the hash of the device's previous one, so the back office sees at once a gap (an envelope not
// yet delivered), a replay (an old sequence number) and a fork (different content under a number
// it already has). The applications inside keep their own signature records (shared/signature.ts).
import {
  type ApplicationEnvelope,
  type EnvelopeError,
  envelopeErrorMessage,
  isInstant,
  parseApplicationEnvelope,
} from '../application.ts';
import { type CanonicalMemo, canonicalJson, type JsonValue, sha256HexOf } from '../canonical-json.ts';
import type { ProcedureLookup } from '../procedures/registry.ts';
import { err, ok, type Result } from '../result.ts';
import { isUlid, type Ulid } from './ulid.ts';

export const SYNC_SCHEMA = 1;
/** The previous hash of a device's first envelope. */
export const GENESIS_HASH = '0'.repeat(64);
/** A visit of the 14-procedure catalogue has far fewer; the bound keeps a body's size in check. */
export const MAX_APPLICATIONS_PER_ENVELOPE = 20;

const HEX64 = /^[0-9a-f]{64}$/;
/** Device ids are issued by the back office at enrollment: `dev_` + 26 base32 chars. */
const DEVICE_ID = /^dev_[0-9a-z]{26}$/;

export interface SyncEnvelope {
  readonly schema: typeof SYNC_SCHEMA;
  readonly id: Ulid;
  readonly deviceId: string;
  readonly seq: number;
  readonly createdAt: string;
  /** The procedure ids of the visit, in the order the resident confirmed them. */
  readonly procedures: readonly string[];
  /** One signed application per procedure, in the same order. */
  readonly payload: readonly ApplicationEnvelope[];
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every other member. */
  readonly hash: string;
}

export type UnsealedSyncEnvelope = Omit<SyncEnvelope, 'hash'>;

export function isDeviceId(v: unknown): v is string {
  return typeof v === 'string' && DEVICE_ID.test(v);
}

function hashedContent(e: UnsealedSyncEnvelope): JsonValue {
  return {
    schema: e.schema,
    id: e.id,
    deviceId: e.deviceId,
    seq: e.seq,
    createdAt: e.createdAt,
    procedures: [...e.procedures],
    payload: e.payload as unknown as JsonValue,
    prevHash: e.prevHash,
  };
}

/** The text the envelope's hash is the SHA-256 of (for a caller with a synchronous hash). */
export function syncEnvelopeHashInput(e: UnsealedSyncEnvelope, memo?: CanonicalMemo): string {
  return canonicalJson(hashedContent(e), memo);
}

/** Seals the envelope: from here on any change shows in its hash and breaks the device's chain. */
export async function sealSyncEnvelope(e: UnsealedSyncEnvelope): Promise<SyncEnvelope> {
  return { ...e, hash: await sha256HexOf(syncEnvelopeHashInput(e)) };
}

export async function syncEnvelopeHashMatches(e: SyncEnvelope): Promise<boolean> {
  return (await sha256HexOf(syncEnvelopeHashInput(e))) === e.hash;
}

export type SyncEnvelopeError =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'bad-sync-envelope'; readonly field: string }
  | { readonly kind: 'bad-application'; readonly index: number; readonly error: EnvelopeError };

export function syncEnvelopeErrorMessage(e: SyncEnvelopeError): string {
  switch (e.kind) {
    case 'not-an-object':
      return '送信データの形式が正しくありません。アプリを最新にして送り直してください。';
    case 'bad-sync-envelope':
      return `送信データの「${e.field}」が正しくありません。アプリを最新にして送り直してください。`;
    case 'bad-application':
      return `${e.index + 1}件目の申請：${envelopeErrorMessage(e.error)}`;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks a sync envelope from outside (an HTTP body, an export file) before anything is stored:
 * its shape, every application in it, and that the applications are the visit's procedures in
 * order, of one visit. The hash and the chain are checked by the caller (they need the store).
 */
export function parseSyncEnvelope(
  input: unknown,
  procedures: ProcedureLookup,
): Result<SyncEnvelope, SyncEnvelopeError> {
  if (!isRecord(input)) return err({ kind: 'not-an-object' });
  const bad = (field: string) => err({ kind: 'bad-sync-envelope' as const, field });
  if (input.schema !== SYNC_SCHEMA) return bad('schema');
  if (!isUlid(input.id)) return bad('id');
  if (!isDeviceId(input.deviceId)) return bad('deviceId');
  if (typeof input.seq !== 'number' || !Number.isSafeInteger(input.seq) || input.seq < 1) return bad('seq');
  if (!isInstant(input.createdAt)) return bad('createdAt');
  if (typeof input.prevHash !== 'string' || !HEX64.test(input.prevHash)) return bad('prevHash');
  if (input.seq === 1 && input.prevHash !== GENESIS_HASH) return bad('prevHash');
  if (typeof input.hash !== 'string' || !HEX64.test(input.hash)) return bad('hash');
  const ids = input.procedures;
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_APPLICATIONS_PER_ENVELOPE ||
    !ids.every((p) => typeof p === 'string')
  )
    return bad('procedures');
  if (!Array.isArray(input.payload) || input.payload.length !== ids.length) return bad('payload');
  const payload: ApplicationEnvelope[] = [];
  for (const [index, raw] of input.payload.entries()) {
    const parsed = parseApplicationEnvelope(raw, procedures);
    if (!parsed.ok) return err({ kind: 'bad-application', index, error: parsed.error });
    if (parsed.value.procedure !== ids[index]) return bad(`payload[${index}].procedure`);
    payload.push(parsed.value);
  }
  if (new Set(payload.map((a) => a.visitId)).size !== 1) return bad('payload.visitId');
  if (new Set(payload.map((a) => a.id)).size !== payload.length) return bad('payload.id');
  return ok({
    schema: SYNC_SCHEMA,
    id: input.id,
    deviceId: input.deviceId,
    seq: input.seq,
    createdAt: input.createdAt,
    procedures: ids as string[],
    payload,
    prevHash: input.prevHash,
    hash: input.hash,
  });
}

/** What the back office knows of a device's chain: its last accepted sequence number and hash. */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

export type ChainProblem =
  | { readonly kind: 'gap'; readonly expected: number } // an earlier envelope has not arrived
  | { readonly kind: 'replay' } // this number is taken (a resend is answered from the store)
  | { readonly kind: 'broken-chain' }; // prevHash is not the hash of the device's last envelope

/** Where the next envelope stands against the device's head (undefined head: nothing yet). */
export function chainProblem(
  head: ChainHead | undefined,
  next: Pick<SyncEnvelope, 'seq' | 'prevHash'>,
): ChainProblem | undefined {
  const last = head ?? { seq: 0, hash: GENESIS_HASH };
  if (next.seq <= last.seq) return { kind: 'replay' };
  if (next.seq > last.seq + 1) return { kind: 'gap', expected: last.seq + 1 };
  return next.prevHash === last.hash ? undefined : { kind: 'broken-chain' };
}

export function chainProblemMessage(p: ChainProblem): string {
  switch (p.kind) {
    case 'gap':
      return `この端末の${p.expected}番目の送信がまだ届いていません。端末は${p.expected}番目から送り直してください（自動で行います）。`;
    case 'replay':
      return 'この番号の送信は受付済みです。同じ内容なら受付結果を返します。';
    case 'broken-chain':
      return '送信データのつながり（前の送信のハッシュ）が合いません。端末のデータが改変された可能性があります。管理者に連絡してください。';
  }
}
