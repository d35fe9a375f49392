// GET /healthz: for the operator and the e2e test, says which store is behind this process.
import { Hono } from 'hono';
import type { HealthResponse } from '../../shared/api.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { publicRoute } from '../http/require-staff.ts';

export function healthRoutes(deps: BackOfficeDeps): Hono {
  return new Hono().get('/', publicRoute('health'), async (c) => {
    await deps.sql.query('SELECT 1'); // a dead store is not healthy; the error handler answers 500
    const body: HealthResponse = { ok: true, store: deps.sql.kind, version: deps.version };
    return c.json(body, 200, { 'Cache-Control': 'no-store' });
  });
}
