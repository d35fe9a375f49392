// Reading a JSON request body within a byte limit. The limit is enforced on the bytes actually
// read from the stream, not only on Content-Length: a chunked upload has no Content-Length, and
// reading stops (and the stream is cancelled) as soon as the limit is passed.
import { isUtf8 } from 'node:buffer';
import { MAX_BODY_BYTES } from '../../shared/application.ts';
import { err, ok, type Result } from '../../shared/result.ts';
import type { BackOfficeError } from '../errors.ts';
import { emptyBody, parseBody } from './schemas.ts';

/** application/json, with no charset or charset=utf-8 (RFC 8259: JSON between systems is UTF-8). */
export function isJsonMediaType(contentType: string | null): boolean {
  if (!contentType) return false;
  const [type, ...params] = contentType.split(';').map((s) => s.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/** The Node request under @hono/node-server (c.env.incoming): what its web Request would read. */
export interface NodeIncoming extends AsyncIterable<Uint8Array> {
  pause(): unknown;
}

/** The Node request behind a Hono context, when there is one (not under app.request in tests). */
export function nodeIncoming(env: unknown): NodeIncoming | undefined {
  const incoming = (env as { incoming?: unknown } | undefined)?.incoming;
  return typeof incoming === 'object' && incoming !== null && Symbol.asyncIterator in incoming
    ? (incoming as NodeIncoming)
    : undefined;
}

/** Where a body's chunks come from, and how reading stops before its end. */
interface BodySource {
  next(): Promise<IteratorResult<Uint8Array>>;
  stop(): Promise<void> | void;
}

function webSource(body: ReadableStream<Uint8Array> | null): BodySource {
  if (!body) return { next: async () => ({ done: true, value: undefined }), stop: () => {} };
  const reader = body.getReader();
  return { next: () => reader.read(), stop: () => reader.cancel().catch(() => {}) };
}

/**
 * The Node stream itself: no web Request and ReadableStream are made around it (for a sync batch
 * of 50 envelopes that was a tenth of the request's time). Stopped, it is paused: the answer goes
 * out and Node closes the connection with the rest unread.
 */
function nodeSource(incoming: NodeIncoming): BodySource {
  const iterator = incoming[Symbol.asyncIterator]();
  return { next: () => iterator.next(), stop: () => void incoming.pause() };
}

/** Stops reading a body that will not be read to its end (also one already read: then nothing). */
export async function leaveBodyUnread(request: Request, incoming?: NodeIncoming): Promise<void> {
  if (incoming) incoming.pause();
  else await request.body?.cancel().catch(() => {});
}

async function readAtMost(source: BodySource, limit: number): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await source.next();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await source.stop();
      return undefined;
    }
    chunks.push(value);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, total);
}

/**
 * The exact bytes of a JSON request body, within the limit: what requireDevice hashes to check the
 * tablet's signature, and later parses with parseJsonBytes, so the signature is over what was sent.
 * With the Node request at hand (nodeIncoming(c.env)) the body is read from it directly.
 */
export async function readJsonBytes(
  request: Request,
  limit = MAX_BODY_BYTES,
  incoming?: NodeIncoming,
): Promise<Result<Uint8Array, BackOfficeError>> {
  if (!isJsonMediaType(request.headers.get('content-type'))) return err({ kind: 'unsupported-media-type' });
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await leaveBodyUnread(request, incoming);
    return err({ kind: 'too-large', limitBytes: limit });
  }
  const bytes = await readAtMost(incoming ? nodeSource(incoming) : webSource(request.body), limit);
  return bytes ? ok(bytes) : err({ kind: 'too-large', limitBytes: limit });
}

export function parseJsonBytes(bytes: Uint8Array): Result<unknown, BackOfficeError> {
  if (!isUtf8(bytes)) return err({ kind: 'bad-json' }); // not UTF-8
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // A leading byte order mark is dropped, as TextDecoder does (RFC 8259 lets a parser ignore it).
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  try {
    return ok(JSON.parse(text) as unknown);
  } catch {
    return err({ kind: 'bad-json' });
  }
}

export async function readJsonBody(
  request: Request,
  limit = MAX_BODY_BYTES,
): Promise<Result<unknown, BackOfficeError>> {
  const bytes = await readJsonBytes(request, limit);
  return bytes.ok ? parseJsonBytes(bytes.value) : bytes;
}

/**
 * The body of a command that carries no content (mark transcribed, issue a code, revoke): no bytes
 * at all, whatever the Content-Type, or JSON within the limit that http/schemas.ts emptyBody
 * accepts, which is only `{}` (what the extension sends). Anything else is refused, so a client
 * that thinks it is sending something learns it is not read.
 */
export async function readNoContentBody(
  request: Request,
  limit = 1024,
): Promise<Result<Record<string, never>, BackOfficeError>> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) {
    await leaveBodyUnread(request);
    return err({ kind: 'too-large', limitBytes: limit });
  }
  const bytes = await readAtMost(webSource(request.body), limit);
  if (!bytes) return err({ kind: 'too-large', limitBytes: limit });
  if (bytes.byteLength === 0) return ok({});
  if (!isJsonMediaType(request.headers.get('content-type'))) return err({ kind: 'unsupported-media-type' });
  const value = parseJsonBytes(bytes);
  return value.ok ? parseBody(emptyBody, value.value) : value;
}
