// A CardTransport that replays a script of card answers and records every command sent (as hex,
// copied at send time). For protocol tests, and later for replaying sessions captured on hardware.
import { fromHex, toHex } from './bytes.ts';
import type { CardTransport } from './transport.ts';

export interface ScriptedTransport extends CardTransport {
  /** The commands sent so far, as spaced hex ("00 A4 02 0C 02 00 15"). */
  readonly sent: string[];
}

/** Answers are hex strings in order; once they run out, transmit() fails like a lost card. */
export function scriptedTransport(answers: readonly string[]): ScriptedTransport {
  const queue = [...answers];
  const sent: string[] = [];
  return {
    readerName: 'scripted',
    sent,
    connect: async () => true,
    disconnect: async () => {},
    async transmit(command) {
      sent.push(toHex(command));
      const next = queue.shift();
      if (next === undefined) throw new Error('script exhausted');
      return fromHex(next);
    },
  };
}
