// Body limits over a real socket: a client that declares a huge Content-Length and one that
// streams a chunked body with no length at all both get 413, and nothing is stored.

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody, type Receipt } from '../shared/api.ts';
import { MAX_BODY_BYTES } from '../shared/application.ts';
import { TINY_PNG, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const TOO_LARGE = '送信データが大きすぎます（上限512KB）。署名をやり直してから送信してください。';

/** A valid-looking envelope padded (inside the signature) to `bytes` of JSON. */
async function envelopeOfSize(bytes: number): Promise<{ id: string; json: string }> {
  const envelope = await validEnvelope();
  const base = JSON.stringify(envelope);
  const padding = 'A'.repeat(Math.max(0, bytes - base.length));
  const json = JSON.stringify({ ...envelope, signature: { ...envelope.signature, png: TINY_PNG + padding } });
  return { id: envelope.id, json };
}

/** Sends the body in 16 KiB chunks with Transfer-Encoding: chunked, as a stream with no length. */
function postChunked(
  url: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        agent: false, // a fresh connection each time: the server closes one whose upload it cut short
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    const bytes = Buffer.from(body);
    let offset = 0;
    const writeMore = () => {
      while (offset < bytes.length && !req.destroyed) {
        const chunk = bytes.subarray(offset, offset + 16 * 1024);
        offset += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', writeMore);
      }
      req.end();
    };
    writeMore();
  });
}

describe.each(TEST_STORES)('body limits over HTTP on %s', (store) => {
  const office = useBackOffice(store);
  let server: ServerType;
  let base = '';
  let token = '';
  // Staff and tablet: the body limit is checked once both are known (http/require-device.ts).
  const signed = async (body: string) => ({
    authorization: `Bearer ${token}`,
    ...(await office.deviceHeaders('POST', API.applications, body)),
  });
  beforeAll(async () => {
    token = await office.signIn();
    await new Promise<void>((resolve) => {
      server = serve({ fetch: office.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
    });
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('answers 413 to a body over 512 KiB with Content-Length, and stores nothing', async () => {
    const before = await office.countApplications();
    const { id, json } = await envelopeOfSize(MAX_BODY_BYTES + 1024);
    const r = await fetch(base + API.applications, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await signed(json)) },
      body: json,
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: ApiErrorBody }).error).toEqual({
      kind: 'too-large',
      message: TOO_LARGE,
    });
    expect(await office.countApplications(id)).toBe(0);
    expect(await office.countApplications()).toBe(before);
  });

  it('answers 413 to a chunked body without Content-Length once 512 KiB are passed', async () => {
    const before = await office.countApplications();
    const { id, json } = await envelopeOfSize(MAX_BODY_BYTES * 2);
    const r = await postChunked(base + API.applications, await signed(json), json);
    expect(r.status).toBe(413);
    expect((JSON.parse(r.text) as { error: ApiErrorBody }).error.kind).toBe('too-large');
    expect(await office.countApplications(id)).toBe(0);
    expect(await office.countApplications()).toBe(before);
  });

  it('accepts a chunked body under the limit, so the limit is what refused the others', async () => {
    const envelope = await validEnvelope();
    const json = JSON.stringify(envelope);
    const r = await postChunked(base + API.applications, await signed(json), json);
    expect(r.status).toBe(201);
    expect((JSON.parse(r.text) as Receipt).id).toBe(envelope.id);
  });

  it('keeps serving after refusing large bodies', async () => {
    expect((await fetch(base + API.health)).status).toBe(200);
  });
});
