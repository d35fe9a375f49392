// A CardTransport wrapper for protocol tests: records every call as hex, keeps the very buffers
// sent and received (to prove they were zeroed), and can alter answers (a forged or damaged card).
import { toHex } from './bytes.ts';
import type { CardTransport } from './transport.ts';

export interface RecordingTransport {
  readonly transport: CardTransport;
  /** 'connect', hex of each command at send time, 'disconnect'. */
  readonly log: string[];
  /** The command buffers exactly as the reader passed them. */
  readonly sentBuffers: Uint8Array[];
  /** The response buffers exactly as handed back to the reader. */
  readonly receivedBuffers: Uint8Array[];
  /** Commands sent, without connect/disconnect. */
  commands(): string[];
  /** VERIFY commands that carried a credential (not the empty tries query). */
  verifiesWithData(): string[];
}

export function recordingTransport(
  inner: CardTransport,
  tamper?: (command: Uint8Array, response: Uint8Array) => Uint8Array,
): RecordingTransport {
  const log: string[] = [];
  const sentBuffers: Uint8Array[] = [];
  const receivedBuffers: Uint8Array[] = [];
  const transport: CardTransport = {
    readerName: inner.readerName,
    connect: async () => {
      log.push('connect');
      return inner.connect();
    },
    transmit: async (command) => {
      log.push(toHex(command));
      sentBuffers.push(command);
      const answer = await inner.transmit(command);
      const response = tamper ? tamper(command, answer) : answer;
      receivedBuffers.push(response);
      return response;
    },
    disconnect: async () => {
      log.push('disconnect');
      return inner.disconnect();
    },
  };
  const commands = () => log.filter((c) => c !== 'connect' && c !== 'disconnect');
  return {
    transport,
    log,
    sentBuffers,
    receivedBuffers,
    commands,
    verifiesWithData: () => commands().filter((c) => c.startsWith('00 20 00 ') && c.length > 11),
  };
}
