import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes.ts';
import { queryKeyRetries, readBinaryRange, selectFile, verifyKey } from './iso7816.ts';
import { scriptedTransport } from './scripted-transport.ts';

describe('ISO 7816-4 commands', () => {
  it('maps SELECT EF status words to errors', async () => {
    expect(await selectFile(scriptedTransport(['90 00']), 0x0015)).toEqual({ ok: true, value: undefined });
    expect(await selectFile(scriptedTransport(['6A 82']), 0x0015)).toEqual({
      ok: false,
      error: { kind: 'file-not-found' },
    });
    expect(await selectFile(scriptedTransport(['6A 86']), 0x0015)).toEqual({
      ok: false,
      error: { kind: 'unexpected-status', sw: 0x6a86 },
    });
  });

  it('reads the retry state from the empty VERIFY (cards.md §1.4)', async () => {
    const t = scriptedTransport(['63 C3', '63 C0', '69 84', '90 00', '63 00', '6A 88']);
    expect(await queryKeyRetries(t)).toEqual({ ok: true, value: { kind: 'tries-left', triesLeft: 3 } });
    expect(await queryKeyRetries(t)).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(await queryKeyRetries(t)).toEqual({ ok: true, value: { kind: 'blocked' } });
    expect(await queryKeyRetries(t)).toEqual({ ok: true, value: { kind: 'already-verified' } });
    expect(await queryKeyRetries(t)).toEqual({ ok: true, value: { kind: 'no-limit' } });
    expect(await queryKeyRetries(t)).toEqual({ ok: false, error: { kind: 'unexpected-status', sw: 0x6a88 } });
    expect(t.sent.every((c) => c === '00 20 00 80')).toBe(true);
  });

  it('zeroes the secret after VERIFY, whatever the card answers', async () => {
    const secret = fromHex('31 32 33 34');
    const t = scriptedTransport(['63 C2']);
    expect(await verifyKey(t, secret)).toEqual({ ok: true, value: { kind: 'wrong', triesLeft: 2 } });
    expect(t.sent).toEqual(['00 20 00 80 04 31 32 33 34']);
    expect(toHex(secret)).toBe('00 00 00 00');
  });

  it('reads a range in chunks of at most 256 bytes', async () => {
    const t = scriptedTransport([`${'11 '.repeat(256)}90 00`, `${'22 '.repeat(44)}90 00`]);
    const result = await readBinaryRange(t, 16, 300);
    expect(t.sent).toEqual(['00 B0 00 10 00', '00 B0 01 10 2C']);
    expect(result.ok && result.value.length).toBe(300);
  });

  it('says the file is shorter than its header when the card reports the end early', async () => {
    expect(await readBinaryRange(scriptedTransport(['6B 00']), 16, 10)).toEqual({
      ok: false,
      error: { kind: 'malformed-response', detail: 'file shorter than its header says' },
    });
    expect(await readBinaryRange(scriptedTransport(['90 00']), 16, 10)).toMatchObject({
      ok: false,
      error: { kind: 'malformed-response' },
    });
  });

  it('accepts 62 82 (end of file before Le) with the data that came', async () => {
    const t = scriptedTransport(['AA BB 62 82']);
    expect(await readBinaryRange(t, 0, 2)).toEqual({ ok: true, value: fromHex('AA BB') });
  });
});
