// The back office's answer to a sync batch that it stored whole (shared/sync/protocol.ts SyncAck),
// for the browser tests that script the back office: every envelope new, every application
// numbered in seq order.
import type { SyncEnvelope } from '../../shared/sync/envelope.ts';
import type { SyncAck } from '../../shared/sync/protocol.ts';

/** All of `envelopes` accepted; the n-th application of the device's chain gets 受付番号 n. */
export function acceptedAck(
  envelopes: readonly SyncEnvelope[],
  receivedAt = '2026-12-01T00:00:00.000Z',
): SyncAck {
  const last = envelopes[envelopes.length - 1] as SyncEnvelope;
  return {
    deviceId: last.deviceId,
    lastSeq: last.seq,
    lastHash: last.hash,
    envelopes: envelopes.map((e) => ({
      id: e.id,
      seq: e.seq,
      duplicate: false,
      receipts: e.payload.map((a) => ({
        id: a.id,
        procedure: a.procedure,
        receiptNumber: `R261201-${String(e.seq).padStart(4, '0')}`,
        receivedAt,
      })),
    })),
  };
}
