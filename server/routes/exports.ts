// /api/exports/:procedure: one procedure's applications as CSV (UTF-8 or Shift_JIS), and
// /api/exports/:procedure/check: which of them Shift_JIS cannot hold, by field. Personal data:
// every answer is no-store; every export and check is audited (exports/service.ts). Both need
// the permission exports.read (auth/roles.ts).
import { Hono } from 'hono';
import { UNENCODABLE_HEADER } from '../../shared/api.ts';
import type { BackOfficeDeps } from '../deps.ts';
import { exportFailure } from '../exports/errors.ts';
import { checkExport, exportCsv } from '../exports/service.ts';
import type { AppEnv } from '../http/env.ts';
import { requirePermission } from '../http/require-staff.ts';

const NO_STORE = { 'Cache-Control': 'no-store' };

export function exportRoutes(deps: BackOfficeDeps): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get('/:procedure/check', requirePermission(deps, 'exports.read'), async (c) => {
      const report = await checkExport(
        deps,
        c.get('session').staff,
        c.req.param('procedure'),
        c.req.queries(),
      );
      if (!report.ok) return exportFailure(c, report.error);
      return c.json(report.value, 200, NO_STORE);
    })
    .get('/:procedure', requirePermission(deps, 'exports.read'), async (c) => {
      const file = await exportCsv(deps, c.get('session').staff, c.req.param('procedure'), c.req.queries());
      if (!file.ok) return exportFailure(c, file.error);
      return c.body(file.value.bytes, 200, {
        ...NO_STORE,
        'Content-Type': file.value.contentType,
        'Content-Disposition': file.value.contentDisposition,
        'X-Content-Type-Options': 'nosniff',
        [UNENCODABLE_HEADER]: String(file.value.refused),
      });
    });
}
