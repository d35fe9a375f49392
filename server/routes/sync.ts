// POST /api/sync: a tablet delivers a batch of its hash-chained sync envelopes (shared/sync/
// protocol.ts). Needs a counter account AND the enrolled tablet's signature over these very
// bytes (require-device.ts). The body is checked for its outer shape here; the envelopes, the
// chain and the exactly-once rules are sync/ingest.ts. Every refusal is audited as sync.refused.
import { Hono } from 'hono';
import { err, ok, type Result } from '../../shared/result.ts';
import {
  IDEMPOTENCY_KEY_HEADER,
  isIdempotencyKey,
  MAX_BATCH_ENVELOPES,
  MAX_SYNC_BATCH_BYTES,
  SYNC_PROTOCOL_SCHEMA,
} from '../../shared/sync/protocol.ts';
import type { BackOfficeDeps } from '../deps.ts';
import type { BackOfficeError } from '../errors.ts';
import { parseJsonBytes } from '../http/body.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { requireDevice } from '../http/require-device.ts';
import { requirePermission } from '../http/require-staff.ts';
import { auditSyncRefusal, ingestSyncBatch } from '../sync/ingest.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };
const MEMBERS = new Set(['schema', 'deviceId', 'envelopes']);

/** The outer shape: {schema: 1, deviceId: <the signing device>, envelopes: [1..50]}, nothing else. */
function batchEnvelopes(body: unknown, deviceId: string): Result<unknown[], BackOfficeError> {
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
      const body = parseJsonBytes(device.body);
      if (!body.ok) return refuse(body.error);
      const envelopes = batchEnvelopes(body.value, device.id);
      if (!envelopes.ok) return refuse(envelopes.error);
      const ack = await ingestSyncBatch(deps, {
        ...who,
        envelopes: envelopes.value,
        idempotency: { key, bodySha256: device.bodySha256 },
      });
      // ingestSyncBatch audits its own refusals.
      if (!ack.ok) return failure(c, ack.error);
      return c.json(ack.value, 200, NO_STORE);
    },
  );
}
