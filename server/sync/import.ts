// Importing a tablet's export file (issue 5, point 9): the last resort of a field day. The file is
// opened (shared/sync/export-file.ts: the device's signature, then the decryption with the import
// key it names), a revoked or unknown device is refused, and the envelopes go to the same
// ingest as POST /api/sync, with source 'import', in seq order, MAX_BATCH_ENVELOPES at a time
// and all in one transaction (a refusal anywhere refuses the whole file, nothing stored): what is
// stored already (an earlier import, a network sync) is answered with its first receipts and
// stored nothing. Every import is audited in the transaction that stores it (sync.imported:
// device, counts, seq range) and every refusal (sync.import-refused: the reason); never any
// content.
import { err, ok, type Result } from '../../shared/result.ts';
import {
  type ExportFileError,
  openParsedExportFile,
  parseExportFile,
} from '../../shared/sync/export-file.ts';
import type { SyncImportResponse } from '../../shared/sync/import-types.ts';
import { MAX_BATCH_ENVELOPES, type SyncEnvelopeReceipt } from '../../shared/sync/protocol.ts';
import { staffActor } from '../auth/staff-sessions.ts';
import type { JsonValue } from '../canonical-json.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import { recordAudit } from '../store/audit.ts';
import { findDevice } from '../store/devices.ts';
import type { StaffIdentity } from '../store/staff.ts';
import { type CheckResult, checkEnvelopes } from './check.ts';
import { importPrivateKey } from './import-key.ts';
import { ingestSyncChunks } from './ingest.ts';

export type ImportRefusal =
  /** The body is no file at all: not JSON, too large, another media type (read by the route). */
  | { readonly kind: 'unreadable'; readonly error: BackOfficeError }
  | { readonly kind: 'file'; readonly error: ExportFileError }
  /** The device that wrote the file was revoked by an administrator. */
  | { readonly kind: 'device-revoked'; readonly deviceName: string }
  /**
   * Refused by the exactly-once rules (a gap, a fork, an application that fails validation or
   * whose id is taken): nothing of the file is stored.
   */
  | { readonly kind: 'ingest'; readonly error: BackOfficeError };

function refusalDetail(refusal: ImportRefusal): { readonly [k: string]: JsonValue } {
  switch (refusal.kind) {
    case 'unreadable':
      return { reason: refusal.error.kind };
    case 'file': {
      const e = refusal.error;
      if (e.kind === 'not-an-export-file' || e.kind === 'bad-content')
        return { reason: e.kind, field: e.field };
      if (e.kind === 'unsupported-version') return { reason: e.kind, version: e.version };
      return { reason: e.kind };
    }
    case 'device-revoked':
      return { reason: 'device-revoked' };
    case 'ingest': {
      const e = refusal.error;
      const detail: Record<string, JsonValue> = { reason: 'ingest', error: e.kind };
      if ('seq' in e) detail.seq = e.seq;
      return detail;
    }
  }
}

/** One sync.import-refused entry: who, which device when the header named one, why. */
export async function auditImportRefusal(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  refusal: ImportRefusal,
  deviceId: string | null = null,
): Promise<void> {
  await recordAudit(deps.sql, deps.clock.now(), {
    actor: staffActor(staff),
    action: 'sync.import-refused',
    target: deviceId,
    detail: refusalDetail(refusal),
  });
}

export async function importExportFile(
  deps: BackOfficeDeps,
  staff: StaffIdentity,
  body: unknown,
): Promise<Result<SyncImportResponse, ImportRefusal>> {
  const refuse = async (refusal: ImportRefusal, deviceId: string | null = null) => {
    await auditImportRefusal(deps, staff, refusal, deviceId);
    return err(refusal);
  };
  // The header first, to refuse an unknown or revoked device before anything is decrypted.
  const header = parseExportFile(body);
  if (!header.ok) return refuse({ kind: 'file', error: header.error });
  const { deviceId } = header.value;
  const device = await findDevice(deps.sql, deviceId);
  if (!device) return refuse({ kind: 'file', error: { kind: 'unknown-device' } }, deviceId);
  if (device.revokedAt !== null) return refuse({ kind: 'device-revoked', deviceName: device.name }, deviceId);

  const opened = await openParsedExportFile(header.value, {
    privateKeyFor: (id) => importPrivateKey(deps.sql, id),
    devicePublicKey: (id) => (id === device.id ? device.publicKey : undefined),
  });
  if (!opened.ok) return refuse({ kind: 'file', error: opened.error }, deviceId);

  const { envelopes } = opened.value;
  // Checked chunk by chunk (check.ts: shape, validation, hashes), then stored in one transaction
  // (ingestSyncChunks): a file with a bad envelope anywhere, or one that a check of the store
  // refuses (a fork, an application id taken), is refused whole, with nothing of it stored.
  const chunks: CheckResult[] = [];
  for (let start = 0; start < envelopes.length; start += MAX_BATCH_ENVELOPES) {
    const chunk = envelopes.slice(start, start + MAX_BATCH_ENVELOPES);
    const checked = checkEnvelopes(chunk, deviceId, deps.procedures);
    // A bad envelope is named by its place in the file, not in its chunk.
    chunks.push(
      !checked.ok && checked.error.kind === 'invalid-sync-envelope'
        ? err({ ...checked.error, index: checked.error.index + start })
        : checked,
    );
  }
  const { header: h } = opened.value;
  const storedOf = (receipts: readonly SyncEnvelopeReceipt[]) => receipts.filter((r) => !r.duplicate).length;
  const acks = await ingestSyncChunks(deps, { staff, deviceId, source: 'import' }, chunks, (done) => {
    const receipts = done.flatMap((ack) => ack.envelopes);
    const stored = storedOf(receipts);
    return {
      actor: staffActor(staff),
      action: 'sync.imported',
      target: deviceId,
      detail: {
        firstSeq: h.firstSeq,
        lastSeq: h.lastSeq,
        envelopes: envelopes.length,
        stored,
        duplicates: envelopes.length - stored,
        applications: receipts.reduce((n, r) => n + r.receipts.length, 0),
        exportedAt: h.createdAt,
        importKey: h.recipientKeyId.slice(0, 16),
      },
    };
  });
  // ingestSyncChunks audits its own refusal (sync.refused); this entry says it was an import.
  if (!acks.ok) return refuse({ kind: 'ingest', error: acks.error }, deviceId);
  const receipts: SyncEnvelopeReceipt[] = acks.value.flatMap((ack) => ack.envelopes);
  const lastSeq = acks.value.at(-1)?.lastSeq ?? 0;
  const stored = storedOf(receipts);
  return ok({
    deviceId,
    deviceName: device.name,
    envelopes: envelopes.length,
    stored,
    duplicates: envelopes.length - stored,
    lastSeq,
    receipts,
  });
}
