// /api/applications: back-office staff and the extension list, open and mark them transcribed
// (the tablets deliver them through POST /api/sync, routes/sync.ts). Personal data: every answer is no-store. Each route names the
// permission it needs (auth/roles.ts), checked before the body is read.
import { Hono } from 'hono';
import type { ApplicationListResponse } from '../../shared/api.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { readStaffBody, readStaffNoContent } from '../http/refused-body.ts';
import { requirePermission } from '../http/require-staff.ts';
import { revealMyNumberBody } from '../http/schemas.ts';
import { parseListQuery } from '../inbox/list-query.ts';
import { revealMyNumber } from '../inbox/my-number.ts';
import { listInbox, markApplicationTranscribed, viewApplication } from '../inbox/review.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function applicationRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/', requirePermission(deps, 'applications.read'), async (c) => {
      const query = parseListQuery(c.req.queries());
      if (!query.ok) return failure(c, query.error);
      const { filters, summary } = query.value;
      const body: ApplicationListResponse = await listInbox(deps, c.get('session').staff, filters, summary);
      return c.json(body, 200, NO_STORE);
    })
    .get('/:id', requirePermission(deps, 'applications.read'), async (c) => {
      const detail = await viewApplication(deps, c.get('session').staff, c.req.param('id'));
      if (!detail.ok) return failure(c, detail.error);
      return c.json(detail.value, 200, NO_STORE);
    })
    .post('/:id/my-number', requirePermission(deps, 'my-number.reveal'), async (c) => {
      const request = await readStaffBody(deps, c, revealMyNumberBody, 4 * 1024);
      if (!request.ok) return failure(c, request.error);
      const revealed = await revealMyNumber(deps, c.get('session').staff, c.req.param('id'), request.value);
      if (!revealed.ok) return failure(c, revealed.error);
      return c.json(revealed.value, 200, NO_STORE);
    })
    .post('/:id/transcribed', requirePermission(deps, 'applications.update'), async (c) => {
      const empty = await readStaffNoContent(deps, c);
      if (!empty.ok) return failure(c, empty.error);
      const detail = await markApplicationTranscribed(deps, c.get('session').staff, c.req.param('id'));
      if (!detail.ok) return failure(c, detail.error);
      return c.json(detail.value, 200, NO_STORE);
    });
}
