// Puts an application straight into the store, as the receive path would after its checks: for
// tests about what the back office does with applications (the dashboard), which should not
// depend on how a tablet proves who it is when it sends one.

import type { ApplicationEnvelope } from '../../shared/application.ts';
import type { SyncApplicationReceipt } from '../../shared/sync/protocol.ts';
import { canonicalJson, type JsonValue, sha256Hex } from '../canonical-json.ts';
import { allocateReceiptNumber, insertApplication } from '../store/applications.ts';
import type { SqlClient } from '../store/sql.ts';
import { findStaffByUsername } from '../store/staff.ts';

export async function storeApplication(
  sql: SqlClient,
  envelope: ApplicationEnvelope,
  receivedAt: Date,
  receivedBy = 'demo',
): Promise<SyncApplicationReceipt> {
  const staff = await findStaffByUsername(sql, receivedBy);
  if (!staff) throw new Error(`storeApplication: no staff ${receivedBy}`);
  const contentHash = sha256Hex(canonicalJson(envelope as unknown as JsonValue));
  const stored = await sql.transaction(async (tx) => {
    const number = await allocateReceiptNumber(tx, receivedAt);
    return insertApplication(
      tx,
      { envelope, contentHash, receivedAt, receivedBy: staff.id, deviceId: null, syncEnvelopeId: null },
      number,
    );
  });
  if (!stored) throw new Error('storeApplication: the id exists');
  return {
    id: stored.id,
    receiptNumber: stored.receiptNumber,
    procedure: envelope.procedure,
    receivedAt: stored.receivedAt,
  };
}
