// The application envelope: what the tablet sends and the back office stores, one per procedure.
// `id` is a UUID made on the tablet when the resident signs; it is the idempotency key that
// makes delivery exactly-once (a resend of the same id returns the first receipt, stores nothing).
// `visitId` groups the applications of one counter visit (one life event, one signature).
import type { JsonValue } from './canonical-json.ts';
import { isLang, type Lang } from './i18n/lang.ts';
import type { ProcedureLookup } from './procedures/registry.ts';
import type { AnswerValue, ProcedureValues } from './procedures/types.ts';
import { type FieldProblem, validateProcedure } from './procedures/validate.ts';
import { err, ok, type Result } from './result.ts';
import { contentSha256, parseSignatureRecord, type SignatureRecord } from './signature.ts';
import { isoDateInJapan } from './wareki.ts';

export const ENVELOPE_VERSION = 2;
export const MAX_BODY_BYTES = 512 * 1024;

/** What was checked about the card data (digests, signature and card-present checks, issue 3). */
export interface CardEvidence {
  readonly source: 'mynumber-input-support-ap' | 'drivers-licence' | 'manual';
  readonly unlockedWith: 'collation-b' | 'pin' | 'none';
  readonly checks: readonly string[];
}

export interface ApplicationEnvelope {
  readonly version: typeof ENVELOPE_VERSION;
  readonly id: string;
  readonly visitId: string;
  readonly procedure: string;
  readonly createdAt: string; // ISO 8601, tablet clock
  readonly fields: ProcedureValues;
  readonly card: CardEvidence;
  /** Attachments the resident need not bring because 情報連携 provides them (attachment ids). */
  readonly omittedAttachments: readonly string[];
  /** The language the resident confirmed the content in. */
  readonly lang: Lang;
  readonly signature: SignatureRecord;
}

/** What the signature is made over: everything but the signature itself. */
export function signedContent(e: Omit<ApplicationEnvelope, 'signature'>): JsonValue {
  return {
    version: e.version,
    id: e.id,
    visitId: e.visitId,
    procedure: e.procedure,
    createdAt: e.createdAt,
    fields: e.fields as JsonValue,
    card: { source: e.card.source, unlockedWith: e.card.unlockedWith, checks: [...e.card.checks] },
    omittedAttachments: [...e.omittedAttachments],
    lang: e.lang,
  };
}

/** True when the signature record was made over exactly this envelope's content. */
export async function signatureMatches(e: ApplicationEnvelope): Promise<boolean> {
  return (await contentSha256(signedContent(e))) === e.signature.contentSha256;
}

export type EnvelopeError =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'bad-envelope'; readonly field: string }
  | { readonly kind: 'unknown-procedure'; readonly procedure: string }
  | { readonly kind: 'invalid-fields'; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'signature-mismatch' };

export function envelopeErrorMessage(e: EnvelopeError): string {
  switch (e.kind) {
    case 'not-an-object':
      return '申請データの形式が正しくありません。アプリを最新にして送り直してください。';
    case 'bad-envelope':
      return `申請データの「${e.field}」が正しくありません。アプリを最新にして送り直してください。`;
    case 'unknown-procedure':
      return `手続「${e.procedure}」はこの窓口では受け付けていません。手続を選び直してください。`;
    case 'invalid-fields':
      return e.problems.map((p) => p.message).join(' ');
    case 'signature-mismatch':
      return '署名が申請内容と一致しません（署名の後に内容が変わっています）。住民の方に内容を確認していただき、署名し直してください。';
  }
}

const CARD_SOURCES: readonly CardEvidence['source'][] = [
  'mynumber-input-support-ap',
  'drivers-licence',
  'manual',
];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

/** A UTC instant that exists (2026-02-30T… matches the pattern but is no day). */
export function isInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_INSTANT.test(v)) return false;
  const t = Date.parse(v);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19);
}

/** What was checked is a short machine word ('read-ok', 'digests-ok'), never free text. */
function isCheckName(v: unknown): v is string {
  return typeof v === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks an envelope from outside (an HTTP body, an export file) before anything is stored. The
 * fields are checked against the procedure as of the day the envelope was made (in Japan), so an
 * application that waited offline is judged by the rules of its own day.
 */
export function parseApplicationEnvelope(
  input: unknown,
  procedures: ProcedureLookup,
): Result<ApplicationEnvelope, EnvelopeError> {
  if (!isRecord(input)) return err({ kind: 'not-an-object' });
  const bad = (field: string) => err({ kind: 'bad-envelope' as const, field });
  if (input.version !== ENVELOPE_VERSION) return bad('version');
  if (typeof input.id !== 'string' || !UUID.test(input.id)) return bad('id');
  if (typeof input.visitId !== 'string' || !UUID.test(input.visitId)) return bad('visitId');
  if (!isInstant(input.createdAt)) return bad('createdAt');
  if (typeof input.procedure !== 'string') return bad('procedure');
  const procedure = procedures.get(input.procedure);
  if (!procedure) return err({ kind: 'unknown-procedure', procedure: input.procedure.slice(0, 40) });
  if (!isLang(input.lang)) return bad('lang');

  const card = input.card;
  if (!isRecord(card)) return bad('card');
  const source = CARD_SOURCES.find((s) => s === card.source);
  if (!source) return bad('card.source');
  if (card.unlockedWith !== 'collation-b' && card.unlockedWith !== 'pin' && card.unlockedWith !== 'none')
    return bad('card.unlockedWith');
  if (!Array.isArray(card.checks) || card.checks.length > 16 || !card.checks.every(isCheckName))
    return bad('card.checks');

  const omitted = input.omittedAttachments;
  if (
    !Array.isArray(omitted) ||
    new Set(omitted).size !== omitted.length ||
    !omitted.every((id) => procedure.attachments.some((a) => a.id === id && a.omittableByLinkage))
  )
    return bad('omittedAttachments');

  const signature = parseSignatureRecord(input.signature, isInstant);
  if (!signature.ok) return bad(signature.error);
  if (signature.value.scope !== procedure.signature) return bad('signature.scope');

  if (!isRecord(input.fields)) return bad('fields');
  // Every field of the procedure is sent (hidden ones empty): what was signed is exactly what is
  // stored, with nothing filled in afterwards.
  const fields = input.fields;
  const missing = procedure.fields.find((f) => !(f.name in fields));
  if (missing) return bad(`fields.${missing.name}`);
  const problems = validateProcedure(procedure, input.fields, isoDateInJapan(new Date(input.createdAt)));
  if (problems.length > 0) return err({ kind: 'invalid-fields', problems });

  return ok({
    version: ENVELOPE_VERSION,
    id: input.id,
    visitId: input.visitId,
    procedure: procedure.id,
    createdAt: input.createdAt,
    fields: Object.fromEntries(
      procedure.fields.map((f) => [f.name, (fields as ProcedureValues)[f.name] as AnswerValue]),
    ),
    card: { source, unlockedWith: card.unlockedWith, checks: card.checks as string[] },
    omittedAttachments: omitted as string[],
    lang: input.lang,
    signature: signature.value,
  });
}
