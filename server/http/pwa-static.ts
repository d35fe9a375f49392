// The built PWA (dist/pwa), served from the same origin as the API, so the tablet needs no CORS.
// Caching: sw.js, index.html and the manifest must be revalidated every time, or a tablet keeps an
// old service worker for a day (the browser's 24 h SW update rule); /assets/* names carry a
// content hash, so they are immutable.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function cachePolicy(path: string): string {
  return path.startsWith('/assets/') ? IMMUTABLE : 'no-cache';
}

/** A page load or reload in the browser, as opposed to a script, image or fetch. */
function isNavigation(c: Context): boolean {
  return (
    (c.req.header('sec-fetch-mode') ?? 'navigate') === 'navigate' &&
    (c.req.header('accept') ?? '').includes('text/html')
  );
}

export function hasBuiltPwa(staticDir: string | undefined): staticDir is string {
  return staticDir !== undefined && existsSync(join(staticDir, 'index.html'));
}

const NOT_BUILT_PAGE = `<!doctype html><html lang="ja"><meta charset="utf-8"><title>Kakanai</title>
<p>窓口アプリ（PWA）がまだビルドされていません。<code>npm run build</code> を実行してから、サーバーを起動し直してください。</p></html>`;

export function pwaRoutes(staticDir: string | undefined): Hono {
  const app = new Hono();
  if (!hasBuiltPwa(staticDir)) {
    app.get('*', (c) => c.html(NOT_BUILT_PAGE, 503));
    return app;
  }
  app.use('*', async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206)
      c.res.headers.set('Cache-Control', cachePolicy(c.req.path));
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
  });
  // The back-office dashboard: its own page of the build, at /backoffice (and below, for reloads).
  const backoffice = serveStatic({ root: staticDir, path: 'backoffice.html' });
  app.get('/backoffice', backoffice);
  app.get('/backoffice/*', (c, next) => (isNavigation(c) ? backoffice(c, next) : next()));
  app.use('*', serveStatic({ root: staticDir }));
  // SPA fallback: a client-side route such as /inbox loads index.html; its router takes over.
  const index = serveStatic({ root: staticDir, path: 'index.html' });
  app.get('*', (c, next) => (isNavigation(c) ? index(c, next) : next()));
  app.get('*', (c) => c.text('Not Found', 404));
  return app;
}
