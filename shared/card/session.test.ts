import { describe, expect, it } from 'vitest';
import { err, ok } from '../result.ts';
import { withCardSession } from './session.ts';
import type { CardTransport } from './transport.ts';

function transport(behaviour: { connect?: () => Promise<boolean>; disconnect?: () => Promise<void> }) {
  const calls: string[] = [];
  const t: CardTransport = {
    readerName: 'test',
    connect: async () => {
      calls.push('connect');
      return behaviour.connect ? behaviour.connect() : true;
    },
    transmit: async () => Uint8Array.of(0x90, 0x00),
    disconnect: async () => {
      calls.push('disconnect');
      if (behaviour.disconnect) await behaviour.disconnect();
    },
  };
  return { t, calls };
}

describe('withCardSession', () => {
  it('runs the work and switches the field off', async () => {
    const { t, calls } = transport({});
    expect(await withCardSession(t, async () => ok(42))).toEqual({ ok: true, value: 42 });
    expect(calls).toEqual(['connect', 'disconnect']);
  });

  it('gives no-card when connect finds none, and still switches off', async () => {
    const { t, calls } = transport({ connect: async () => false });
    let worked = false;
    const result = await withCardSession(t, async () => {
      worked = true;
      return ok(1);
    });
    expect(result).toEqual({ ok: false, error: { kind: 'no-card' } });
    expect(worked).toBe(false);
    expect(calls).toEqual(['connect', 'disconnect']);
  });

  it('turns a failing connect into transport-failed', async () => {
    const { t, calls } = transport({
      connect: async () => {
        throw new Error('USB device lost');
      },
    });
    expect(await withCardSession(t, async () => ok(1))).toEqual({
      ok: false,
      error: { kind: 'transport-failed', detail: 'connect: Error: USB device lost' },
    });
    expect(calls).toEqual(['connect', 'disconnect']);
  });

  it('reports a failed RF off after a good read, keeps the first error otherwise', async () => {
    const failingOff = { disconnect: async () => Promise.reject(new Error('stall')) };
    const a = transport(failingOff);
    expect(await withCardSession(a.t, async () => ok(1))).toEqual({
      ok: false,
      error: { kind: 'transport-failed', detail: 'disconnect: Error: stall' },
    });
    const b = transport(failingOff);
    expect(await withCardSession(b.t, async () => err({ kind: 'file-not-found' as const }))).toEqual({
      ok: false,
      error: { kind: 'file-not-found' },
    });
  });

  it('switches off even when the work throws (a bug), and lets the bug surface', async () => {
    const { t, calls } = transport({});
    await expect(
      withCardSession(t, async () => {
        throw new TypeError('bug');
      }),
    ).rejects.toThrow('bug');
    expect(calls).toEqual(['connect', 'disconnect']);
  });
});
