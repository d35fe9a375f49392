// One log line per request: method, path, status, milliseconds. Never the query string, headers,
// bodies, tokens or passwords. Path segments that are not plain ASCII words (an id, an asset
// name) are masked, so a name typed into a URL by mistake does not reach the log either.
import type { MiddlewareHandler } from 'hono';

const PLAIN_SEGMENT = /^[A-Za-z0-9._~-]{1,80}$/;

export function loggablePath(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split('/')
    .map((segment) => (segment === '' || PLAIN_SEGMENT.test(segment) ? segment : '…'))
    .join('/')
    .slice(0, 200);
}

export function requestLog(log: (line: string) => void): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = Math.round(performance.now() - started);
    log(`${c.req.method} ${loggablePath(c.req.url)} ${c.res.status} ${ms}ms`);
  };
}

/** For a 500: the error's class and SQLSTATE code only; driver messages can quote row values. */
export function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && /^[A-Z0-9_]{1,16}$/.test(code) ? `${e.name} ${code}` : e.name;
}
