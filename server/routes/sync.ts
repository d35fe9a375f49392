// POST /api/sync: a tablet delivers a batch of its hash-chained sync envelopes (shared/sync/
// protocol.ts). Needs a counter account AND the enrolled tablet's signature over these very
// bytes (require-device.ts). The body is checked for its outer shape here; the envelopes, the
// chain and the exactly-once rules are sync/ingest.ts. Every refusal is audited as sync.refused.
import { Hono } from 'hono';
import {
  IDEMPOTENCY_KEY_HEADER,
  isIdempotencyKey,
  MAX_SYNC_BATCH_BYTES,
} from '../../shared/sync/protocol.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { requireDevice } from '../http/require-device.ts';
import { requirePermission } from '../http/require-staff.ts';
import { checkSyncBody } from '../sync/check.ts';
import { auditSyncRefusal, ingestSyncBatch } from '../sync/ingest.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function syncRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post(
    '/',
    requirePermission(deps, 'applications.submit'),
    requireDevice(deps, MAX_SYNC_BATCH_BYTES),
    async (c) => {
      const device = c.get('device');
      const staff = c.get('session').staff;
      const who = { staff, deviceId: device.id, source: 'network' as const };
      const refuse = async (refusal: BackOfficeError) => {
        await auditSyncRefusal(deps, who, refusal);
        return failure(c, refusal);
      };
      const key = c.req.header(IDEMPOTENCY_KEY_HEADER);
      if (!isIdempotencyKey(key)) return refuse({ kind: 'bad-idempotency-key' });
      // The body's JSON, its shape, every envelope and application, the hashes (sync/check.ts).
      const checked = checkSyncBody(device.body, device.id, deps.procedures);
      const ack = await ingestSyncBatch(
        deps,
        { ...who, idempotency: { key, bodySha256: device.bodySha256 } },
        checked,
      );
      // ingestSyncBatch audits its own refusals.
      if (!ack.ok) return failure(c, ack.error);
      return c.json(ack.value, 200, NO_STORE);
    },
  );
}
