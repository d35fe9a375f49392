// /api/applications/:id/status, /comments and /signature: the back office's status flow (受付済み → 確認済み →
// 転記済み → 完了) and staff comments. Mounted beside routes/applications.ts on the same base.
// Personal data: every answer is no-store. Each route names its permission (auth/roles.ts).
import { Hono } from 'hono';
import type { BackOfficeDeps } from '../deps.ts';
import { type AppEnv, failure } from '../http/env.ts';
import { readStaffBody } from '../http/refused-body.ts';
import { requirePermission } from '../http/require-staff.ts';
import { commentBody, statusBody } from '../http/schemas.ts';
import { addComment, viewComments, viewSignature } from '../inbox/comments.ts';
import { changeStatus } from '../inbox/status.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function applicationFlowRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .post('/:id/status', requirePermission(deps, 'applications.update'), async (c) => {
      const request = await readStaffBody(deps, c, statusBody, 4 * 1024);
      if (!request.ok) return failure(c, request.error);
      const detail = await changeStatus(deps, c.get('session').staff, c.req.param('id'), request.value);
      if (!detail.ok) return failure(c, detail.error);
      return c.json(detail.value, 200, NO_STORE);
    })
    .get('/:id/signature', requirePermission(deps, 'applications.read'), async (c) => {
      const png = await viewSignature(deps, c.get('session').staff, c.req.param('id'));
      if (!png.ok) return failure(c, png.error);
      return c.body(png.value, 200, { 'Content-Type': 'image/png', ...NO_STORE });
    })
    .get('/:id/comments', requirePermission(deps, 'applications.read'), async (c) => {
      const comments = await viewComments(deps, c.get('session').staff, c.req.param('id'));
      if (!comments.ok) return failure(c, comments.error);
      return c.json(comments.value, 200, NO_STORE);
    })
    .post('/:id/comments', requirePermission(deps, 'applications.update'), async (c) => {
      // 1000 characters of 4-byte UTF-8 and JSON escapes fit easily.
      const request = await readStaffBody(deps, c, commentBody, 16 * 1024);
      if (!request.ok) return failure(c, request.error);
      const comment = await addComment(deps, c.get('session').staff, c.req.param('id'), request.value);
      if (!comment.ok) return failure(c, comment.error);
      return c.json(comment.value, 201, NO_STORE);
    });
}
