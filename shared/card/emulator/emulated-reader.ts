// The demo/test CardTransport adapter: a reader with a software card (the My Number Card of
// mynumber-card.ts or the driver's licence of licence/emulator.ts) that can be put on it and taken
// off. Demo mode (`npm start`) and the tests use it; the WebUSB RC-S380 adapter implements the
// same port, so nothing above the port changes.
import type { CardTransport } from '../transport.ts';

/** A software card: answers APDUs; reset() is RF off (the verified state is lost, counters stay). */
export interface EmulatedCard {
  process(command: Uint8Array): Uint8Array;
  reset(): void;
}

export const EMULATED_READER_NAME = 'Kakanai 模擬カードリーダー（テスト用）';

export interface EmulatedReader {
  readonly transport: CardTransport;
  /** Puts a card on the reader (it is powered at the next connect()). */
  present(card: EmulatedCard): void;
  /** Takes the card off: it leaves the field and loses its verified state. */
  remove(): void;
  presented(): EmulatedCard | undefined;
}

export function createEmulatedReader(): EmulatedReader {
  let card: EmulatedCard | undefined;
  let connected = false;

  const transport: CardTransport = {
    readerName: EMULATED_READER_NAME,
    async connect() {
      if (!card) return false;
      card.reset(); // RF on = a fresh activation of the card
      connected = true;
      return true;
    },
    async transmit(command) {
      // Like a real reader: a card that left the field is a transport failure (no bytes quoted).
      if (!card || !connected) throw new Error('カードがリーダーにありません');
      return card.process(command);
    },
    async disconnect() {
      card?.reset(); // RF off
      connected = false;
    },
  };

  return {
    transport,
    present(next) {
      card?.reset();
      card = next;
      connected = false;
    },
    remove() {
      card?.reset();
      card = undefined;
      connected = false;
    },
    presented: () => card,
  };
}
