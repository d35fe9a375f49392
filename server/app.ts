// The back-office HTTP app (Hono): health, staff sessions, the application inbox, the PWA.
// No CORS policy on purpose: the PWA is same-origin and the extension's service worker calls
// with host permissions, so no browser origin needs to be let in.
import { Hono } from 'hono';
import { API } from '../shared/api.ts';
import type { BackOfficeDeps } from './deps.ts';
import { type AppEnv, failure } from './http/env.ts';
import { pwaRoutes } from './http/pwa-static.ts';
import { describeFailure, loggablePath, requestLog } from './http/request-log.ts';
import { requireStaff, unknownApiRoute } from './http/require-staff.ts';
import { applicationFlowRoutes } from './routes/application-flow.ts';
import { applicationRoutes } from './routes/applications.ts';
import { deviceRoutes } from './routes/devices.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { sessionRoutes } from './routes/session.ts';
import { staffRoutes } from './routes/staff.ts';
import { syncRoutes } from './routes/sync.ts';
import { syncImportRoutes } from './routes/sync-import.ts';

export interface AppOptions extends BackOfficeDeps {
  /** The built PWA; when absent or not built, pages say to run `npm run build`. */
  readonly staticDir?: string;
}

export function createApp(deps: AppOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requestLog(deps.log));
  app.route(API.health, healthRoutes(deps));
  app.use('/api/*', requireStaff(deps));
  app.route(API.session, sessionRoutes(deps));
  app.route(API.applications, applicationRoutes(deps));
  app.route(API.applications, applicationFlowRoutes(deps));
  app.route(API.exports, exportRoutes(deps));
  app.route(API.devices, deviceRoutes(deps));
  app.route(API.staff, staffRoutes(deps));
  app.route(API.sync, syncRoutes(deps));
  app.route(API.sync, syncImportRoutes(deps));
  // Every route above declares its permission (http/require-staff.ts); these two answer the rest.
  app.all('/api', unknownApiRoute(), (c) => failure(c, { kind: 'route-not-found' }));
  app.all('/api/*', unknownApiRoute(), (c) => failure(c, { kind: 'route-not-found' }));
  app.route('/', pwaRoutes(deps.staticDir));

  app.onError((e, c) => {
    deps.log(`error ${c.req.method} ${loggablePath(c.req.url)} ${describeFailure(e)}`);
    return failure(c, { kind: 'internal' });
  });
  return app;
}
