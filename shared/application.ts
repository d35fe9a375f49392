// The application envelope: what the tablet sends and the back office stores.
// `id` is a UUID made on the tablet when the resident signs; it is the idempotency key that
// makes delivery exactly-once (a resend of the same id returns the first receipt, stores nothing).
import { findProcedure } from './procedures/index.ts';
import { type FieldProblem, validateFields } from './procedures/validate.ts';
import { err, ok, type Result } from './result.ts';

export const ENVELOPE_VERSION = 1;
/** A signature PNG of a 4:1 pad stays far below this; the server refuses larger bodies (413). */
export const MAX_SIGNATURE_DATA_URL = 400_000;
export const MAX_BODY_BYTES = 512 * 1024;

/** What was checked about the card data (issue 3 adds digests, signature and card-present checks). */
export interface CardEvidence {
  readonly source: 'mynumber-input-support-ap' | 'drivers-licence' | 'manual';
  readonly unlockedWith: 'collation-b' | 'pin' | 'none';
  readonly checks: readonly string[];
}

export interface ApplicationEnvelope {
  readonly version: typeof ENVELOPE_VERSION;
  readonly id: string;
  readonly procedure: string;
  readonly createdAt: string; // ISO 8601, tablet clock
  readonly fields: Readonly<Record<string, string>>;
  readonly card: CardEvidence;
  readonly signature: { readonly png: string; readonly signedAt: string };
}

export type EnvelopeError =
  | { readonly kind: 'not-an-object' }
  | { readonly kind: 'bad-envelope'; readonly field: string }
  | { readonly kind: 'unknown-procedure'; readonly procedure: string }
  | { readonly kind: 'invalid-fields'; readonly problems: readonly FieldProblem[] };

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
function isInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_INSTANT.test(v)) return false;
  const t = Date.parse(v);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 19) === v.slice(0, 19);
}
const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/;

/** What was checked is a short machine word ('read-ok', 'digests-ok'), never free text. */
function isCheckName(v: unknown): v is string {
  return typeof v === 'string' && /^[a-z][a-z0-9-]{0,39}$/.test(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks an envelope from outside (an HTTP body, an export file) before anything is stored. */
export function parseApplicationEnvelope(input: unknown): Result<ApplicationEnvelope, EnvelopeError> {
  if (!isRecord(input)) return err({ kind: 'not-an-object' });
  const bad = (field: string) => err({ kind: 'bad-envelope' as const, field });
  if (input.version !== ENVELOPE_VERSION) return bad('version');
  if (typeof input.id !== 'string' || !UUID.test(input.id)) return bad('id');
  if (!isInstant(input.createdAt)) return bad('createdAt');
  if (typeof input.procedure !== 'string') return bad('procedure');
  const procedure = findProcedure(input.procedure);
  if (!procedure) return err({ kind: 'unknown-procedure', procedure: input.procedure.slice(0, 40) });

  const card = input.card;
  if (!isRecord(card)) return bad('card');
  const source = CARD_SOURCES.find((s) => s === card.source);
  if (!source) return bad('card.source');
  if (card.unlockedWith !== 'collation-b' && card.unlockedWith !== 'pin' && card.unlockedWith !== 'none')
    return bad('card.unlockedWith');
  if (!Array.isArray(card.checks) || card.checks.length > 16 || !card.checks.every(isCheckName))
    return bad('card.checks');

  const signature = input.signature;
  if (!isRecord(signature)) return bad('signature');
  if (
    typeof signature.png !== 'string' ||
    signature.png.length > MAX_SIGNATURE_DATA_URL ||
    !PNG_DATA_URL.test(signature.png)
  )
    return bad('signature.png');
  if (!isInstant(signature.signedAt)) return bad('signature.signedAt');

  if (!isRecord(input.fields)) return bad('fields');
  const problems = validateFields(procedure, input.fields);
  if (problems.length > 0) return err({ kind: 'invalid-fields', problems });

  return ok({
    version: ENVELOPE_VERSION,
    id: input.id,
    procedure: procedure.id,
    createdAt: input.createdAt,
    fields: Object.fromEntries(
      procedure.fields.map((f) => [f.key, (input.fields as Record<string, string | undefined>)[f.key] ?? '']),
    ),
    card: { source, unlockedWith: card.unlockedWith, checks: card.checks as string[] },
    signature: { png: signature.png, signedAt: signature.signedAt },
  });
}
