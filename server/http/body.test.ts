import { describe, expect, it } from 'vitest';
import { isJsonMediaType, readJsonBody } from './body.ts';

const json = { 'content-type': 'application/json' };

/** A body with no Content-Length, delivered in chunks, as a chunked upload arrives. */
function chunked(chunks: Uint8Array[]): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks[pulled++];
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return { stream, pulled: () => pulled };
}

const request = (
  body: string | Uint8Array | ReadableStream<Uint8Array> | null,
  headers: Record<string, string> = json,
) => new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readJsonBody', () => {
  it('parses JSON within the limit', async () => {
    expect(await readJsonBody(request('{"a":[1,"二"]}'), 100)).toEqual({ ok: true, value: { a: [1, '二'] } });
  });

  it('accepts application/json with charset utf-8 only', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('Application/JSON; charset=UTF-8')).toBe(true);
    expect(isJsonMediaType('application/json; charset=shift_jis')).toBe(false);
    expect(isJsonMediaType('text/plain')).toBe(false);
    expect(isJsonMediaType('application/jsonp')).toBe(false);
    expect(isJsonMediaType(null)).toBe(false);
  });

  it('refuses other media types before reading', async () => {
    expect(await readJsonBody(request('{}', { 'content-type': 'text/plain' }))).toEqual({
      ok: false,
      error: { kind: 'unsupported-media-type' },
    });
  });

  it('counts the bytes actually read and stops reading once past the limit', async () => {
    const chunk = new Uint8Array(64).fill(0x20);
    const body = chunked(Array.from({ length: 100 }, () => chunk));
    const r = await readJsonBody(request(body.stream), 200);
    expect(r).toEqual({ ok: false, error: { kind: 'too-large', limitBytes: 200 } });
    expect(body.pulled()).toBeLessThan(10); // 4 chunks pass 200 bytes; the other 96 are never pulled
  });

  it('allows a body of exactly the limit', async () => {
    const text = `"${'a'.repeat(98)}"`;
    expect((await readJsonBody(request(text), 100)).ok).toBe(true);
    expect((await readJsonBody(request(`${text} `), 100)).ok).toBe(false);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const r = await readJsonBody(request('{}', { ...json, 'content-length': '1000' }), 100);
    expect(r).toEqual({ ok: false, error: { kind: 'too-large', limitBytes: 100 } });
  });

  it('reports malformed JSON, an empty body and bytes that are not UTF-8 as bad JSON', async () => {
    for (const body of ['{"a":', '', new Uint8Array([0x22, 0xff, 0x22])]) {
      expect(await readJsonBody(request(body), 100)).toEqual({ ok: false, error: { kind: 'bad-json' } });
    }
  });

  it('refuses overlong and surrogate encodings and a cut-off sequence, and drops a leading BOM', async () => {
    const bad = [
      [0x22, 0xc0, 0xa2, 0x22], // overlong "
      [0x22, 0xed, 0xa0, 0x80, 0x22], // a UTF-16 surrogate encoded
      [0x22, 0xe4, 0xba, 0x22], // 二 cut short
    ];
    for (const bytes of bad)
      expect(await readJsonBody(request(new Uint8Array(bytes)), 100)).toEqual({
        ok: false,
        error: { kind: 'bad-json' },
      });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"a":"二"}')]);
    expect(await readJsonBody(request(bom), 100)).toEqual({ ok: true, value: { a: '二' } });
  });

  it('reads what a strict UTF-8 decoder reads, for any bytes (property)', async () => {
    const fc = (await import('fast-check')).default;
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 40 }), fc.jsonValue(), async (noise, value) => {
        const text = JSON.stringify(value);
        for (const bytes of [
          noise,
          new TextEncoder().encode(text),
          new Uint8Array([...noise, ...new TextEncoder().encode(text)]),
        ]) {
          let expected: unknown;
          try {
            expected = {
              ok: true,
              value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
            };
          } catch {
            expected = { ok: false, error: { kind: 'bad-json' } };
          }
          expect(await readJsonBody(request(bytes), 1000)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
