// Body limits over a real socket, on the tablets' route (POST /api/sync, MAX_SYNC_BATCH_BYTES): a
// client that declares a Content-Length over the limit and one that streams a chunked body with
// no length at all both get 413, and nothing is stored; a body just under the limit is read (its
// content is then judged), and a valid chunked batch is taken.

import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API, type ApiErrorBody } from '../shared/api.ts';
import type { SyncEnvelope } from '../shared/sync/envelope.ts';
import { MAX_SYNC_BATCH_BYTES, type SyncAck } from '../shared/sync/protocol.ts';
import { toInt } from './store/sql.ts';
import { TINY_PNG, validEnvelope } from './test-support/envelope.ts';
import { useBackOffice } from './test-support/harness.ts';
import { TEST_STORES } from './test-support/test-store.ts';

const TOO_LARGE = '送信データが大きすぎます（上限8MB）。署名をやり直してから送信してください。';

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
  const signed = async (body: string, envelopes: readonly SyncEnvelope[]) => ({
    authorization: `Bearer ${token}`,
    ...(await office.device.syncHeaders(body, envelopes, office.clock.now())),
  });
  /**
   * A batch of one envelope, next in the harness tablet's chain, whose JSON is `bytes` long: the
   * application's signature image padded (sealed into the envelope, so only its size is wrong).
   */
  async function batchOfSize(bytes: number): Promise<{ id: string; json: string; envelope: SyncEnvelope }> {
    const application = await validEnvelope();
    const sized = async (padding: number) => {
      const png = TINY_PNG + 'A'.repeat(padding);
      const envelope = await office.device.envelope([
        { ...application, signature: { ...application.signature, png } },
      ]);
      return { envelope, json: JSON.stringify(office.device.batch([envelope])) };
    };
    const unpadded = Buffer.byteLength((await sized(0)).json);
    const { envelope, json } = await sized(bytes - unpadded);
    expect(Buffer.byteLength(json)).toBe(bytes);
    return { id: application.id, json, envelope };
  }
  const stored = async () => ({
    applications: await office.countApplications(),
    envelopes: toInt(
      (await office.sql.query<{ n: unknown }>('SELECT count(*) AS n FROM sync_envelopes')).rows[0]?.n,
    ),
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

  it('answers 413 to a body over 8 MB with Content-Length, and stores nothing', async () => {
    const before = await stored();
    const { id, json, envelope } = await batchOfSize(MAX_SYNC_BATCH_BYTES + 1);
    const r = await fetch(base + API.sync, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await signed(json, [envelope])) },
      body: json,
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: ApiErrorBody }).error).toEqual({
      kind: 'too-large',
      message: TOO_LARGE,
    });
    expect(await office.countApplications(id)).toBe(0);
    expect(await stored()).toEqual(before);
  });

  it('answers 413 to a chunked body without Content-Length once 8 MB are passed', async () => {
    const before = await stored();
    const { id, json, envelope } = await batchOfSize(MAX_SYNC_BATCH_BYTES + 256 * 1024);
    const r = await postChunked(base + API.sync, await signed(json, [envelope]), json);
    expect(r.status).toBe(413);
    expect((JSON.parse(r.text) as { error: ApiErrorBody }).error).toEqual({
      kind: 'too-large',
      message: TOO_LARGE,
    });
    expect(await office.countApplications(id)).toBe(0);
    expect(await stored()).toEqual(before);
  });

  it('reads a body of exactly 8 MB, chunked or not: its content is what is refused then', async () => {
    const before = await stored();
    const { id, json, envelope } = await batchOfSize(MAX_SYNC_BATCH_BYTES);
    const answers = [
      await fetch(base + API.sync, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await signed(json, [envelope])) },
        body: json,
      }).then(async (r) => ({ status: r.status, text: await r.text() })),
      await postChunked(base + API.sync, await signed(json, [envelope]), json),
    ];
    for (const r of answers) {
      expect(r.status).toBe(400);
      // The padded image is over the size of a signature: the application is refused, not the body.
      expect((JSON.parse(r.text) as { error: ApiErrorBody }).error.message).toMatch(
        /^1件目の送信データ：1件目の申請：.*signature\.png/,
      );
    }
    expect(await office.countApplications(id)).toBe(0);
    expect(await stored()).toEqual(before);
  });

  it('accepts a chunked batch under the limit, so the limit is what refused the others', async () => {
    const application = await validEnvelope();
    const envelope = await office.device.envelope([application]);
    const json = JSON.stringify(office.device.batch([envelope]));
    const r = await postChunked(base + API.sync, await signed(json, [envelope]), json);
    expect(r.status).toBe(200);
    office.device.advance(envelope);
    const ack = JSON.parse(r.text) as SyncAck;
    expect(ack.lastSeq).toBe(envelope.seq);
    expect(ack.envelopes[0]?.receipts.map((x) => x.id)).toEqual([application.id]);
    expect(await office.countApplications(application.id)).toBe(1);
  });

  it('keeps serving after refusing large bodies', async () => {
    expect((await fetch(base + API.health)).status).toBe(200);
  });
});
