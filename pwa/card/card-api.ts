// The card session, as an object of async functions: exposed by card.worker.ts via comlink,
// or called directly when workers are unavailable. Types only cross to the UI (style.md §3).
// Demo mode: the emulated reader with the fictional personas; each persona's card keeps its
// own retry counters for the life of the page, as a physical card would.

import { createEmulatedReader } from '../../shared/card/emulator/emulated-reader.ts';
import { MyNumberCardEmulator } from '../../shared/card/emulator/mynumber-card.ts';
import { cardFace, PERSONAS } from '../../shared/card/emulator/personas.ts';
import { queryCollationBTriesLeft, readBasicFourInfo } from '../../shared/card/mynumber/input-support-ap.ts';

export interface DemoCard {
  readonly id: string;
  readonly name: string;
  readonly birthDate: string;
  readonly expiryYear: number;
  readonly securityCode: string;
}

export function createCardApi() {
  const reader = createEmulatedReader();
  const cards = new Map(PERSONAS.map((p) => [p.id, new MyNumberCardEmulator(p)]));
  let placed: string | null = null;

  return {
    async readerName(): Promise<string> {
      return reader.transport.readerName;
    },
    async demoCards(): Promise<DemoCard[]> {
      return PERSONAS.map((p) => {
        const face = cardFace(p);
        return {
          id: p.id,
          name: p.name,
          birthDate: face.birthDate,
          expiryYear: face.expiryYear,
          securityCode: face.securityCode,
        };
      });
    },
    async placeDemoCard(id: string | null): Promise<void> {
      const card = id === null ? undefined : cards.get(id);
      if (card) reader.present(card);
      else reader.remove();
      placed = card ? id : null;
    },
    async placedDemoCard(): Promise<string | null> {
      return placed;
    },
    /** Tries left for 照合番号B, read without spending one. */
    collationBTriesLeft() {
      return queryCollationBTriesLeft(reader.transport);
    },
    readWithCollationB(collationB: string) {
      return readBasicFourInfo(reader.transport, collationB);
    },
    /** RF off after each resident (the reader functions already do it after every read). */
    async endSession(): Promise<void> {
      await reader.transport.disconnect();
    },
  };
}

export type CardApi = ReturnType<typeof createCardApi>;
