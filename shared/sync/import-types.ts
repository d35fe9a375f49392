// The HTTP answers of the export-file import (issue 5, point 9; shared/sync/export-file.ts):
//   GET  /api/sync/import-key  (applications.submit) → SyncImportKeyResponse: the key a tablet
//        encrypts its export files to, cached on the tablet for the field day it is offline.
//   POST /api/sync/import      (sync.import) an export file as its JSON → SyncImportResponse.
// An import follows the exactly-once rules of POST /api/sync: an envelope already stored (over
// the network or by an earlier import of the same file) is answered with its first receipts.
import type { P256PublicJwk } from './export-file.ts';
import type { SyncEnvelopeReceipt } from './protocol.ts';

export interface SyncImportKeyResponse {
  /** SHA-256 (hex) of the canonical JSON of publicKey (export-file.ts importKeyIdOf). */
  readonly id: string;
  /** ECDH P-256. */
  readonly publicKey: P256PublicJwk;
}

export interface SyncImportResponse {
  readonly deviceId: string;
  /** The tablet's name as enrolled (窓口1番). */
  readonly deviceName: string;
  /** How many envelopes the file held. */
  readonly envelopes: number;
  /** Stored by this import. */
  readonly stored: number;
  /** Already stored before (a network sync or an earlier import): answered, nothing stored. */
  readonly duplicates: number;
  /** Where the device's chain stands after the import. */
  readonly lastSeq: number;
  /** One per envelope of the file, in seq order, each with the 受付番号 of its applications. */
  readonly receipts: readonly SyncEnvelopeReceipt[];
}
