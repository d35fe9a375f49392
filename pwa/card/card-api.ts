// The card session, as an object of async functions: exposed by card.worker.ts via comlink for
// the emulated reader, or called on the main thread for a WebUSB reader (Chrome lets only a
// window ask for USB permission). Types only cross to the UI (style.md §3).
import { createEmulatedReader, type EmulatedCard } from '../../shared/card/emulator/emulated-reader.ts';
import { MyNumberCardEmulator } from '../../shared/card/emulator/mynumber-card.ts';
import { cardFace, PERSONAS } from '../../shared/card/emulator/personas.ts';
import { EMULATOR_TRUST_STORE } from '../../shared/card/emulator/test-ca.ts';
import { DriversLicenceEmulator } from '../../shared/card/licence/emulator.ts';
import { LICENCE_PERSONAS } from '../../shared/card/licence/personas.ts';
import { queryLicencePinTriesLeft, readDriversLicence } from '../../shared/card/licence/reader.ts';
import { readCardExpiry } from '../../shared/card/mynumber/card-expiry.ts';
import {
  queryCollationBTriesLeft,
  queryTriesLeft,
  readBasicFourInfo,
} from '../../shared/card/mynumber/input-support-ap.ts';
import { readWithPin } from '../../shared/card/mynumber/pin-read.ts';
import type { TrustStore } from '../../shared/card/mynumber/trust-store.ts';
import type { CardTransport } from '../../shared/card/transport.ts';
import { isoDateInJapan } from '../../shared/wareki.ts';

/** What is printed on a demo card's face (and, for the demo only, the PIN the persona chose). */
export type DemoCard =
  | {
      readonly kind: 'mynumber';
      readonly id: string;
      readonly name: string;
      readonly birthDate: string;
      readonly expiryYear: number;
      readonly securityCode: string;
    }
  | {
      readonly kind: 'licence';
      readonly id: string;
      readonly name: string;
      readonly birthDate: string;
      readonly expiryDate: string;
      readonly licenceNumber: string;
      readonly demoPin1: string;
    };

export interface PinRequest {
  readonly pin: string;
  readonly confirmLastTry?: boolean;
}

export interface LicenceRequest {
  readonly pin1: string;
  readonly confirmLastTry?: boolean;
}

export interface ReadRequest {
  readonly collationB: string;
  /** Staff confirmed spending the last try (the card locks if it is wrong). */
  readonly confirmLastTry?: boolean;
}

interface CardSource {
  readonly transport: CardTransport;
  readonly trustStore: TrustStore | undefined;
  readonly demo?: ReturnType<typeof createDemoCards>;
}

function createDemoCards(reader: ReturnType<typeof createEmulatedReader>) {
  // Each persona's card keeps its own retry counters for the life of the page, as a real card.
  const cards = new Map<string, EmulatedCard>([
    ...PERSONAS.map((p) => [p.id, new MyNumberCardEmulator(p)] as const),
    ...LICENCE_PERSONAS.map((p) => [`licence:${p.id}`, new DriversLicenceEmulator(p)] as const),
  ]);
  let placed: string | null = null;
  return {
    list: (): DemoCard[] => [
      ...PERSONAS.map((p) => ({ kind: 'mynumber' as const, id: p.id, name: p.name, ...cardFace(p) })),
      ...LICENCE_PERSONAS.map((p) => ({
        kind: 'licence' as const,
        id: `licence:${p.id}`,
        name: p.name,
        birthDate: p.birthDate,
        expiryDate: p.expiryDate,
        licenceNumber: p.licenceNumber,
        demoPin1: p.pin1,
      })),
    ],
    place(id: string | null): void {
      const card = id === null ? undefined : cards.get(id);
      if (card) reader.present(card);
      else reader.remove();
      placed = card ? id : null;
    },
    placed: () => placed,
  };
}

export function emulatedSource(): CardSource {
  const reader = createEmulatedReader();
  return { transport: reader.transport, trustStore: EMULATOR_TRUST_STORE, demo: createDemoCards(reader) };
}

/**
 * A real reader. The J-LIS CA keys are configuration, not code (cards.md §1.8: they are not on
 * the card): public/trust-store.json (trust-store-config.ts). Without one, the digests are still
 * checked and the issuer signature and card-present challenge are reported as not checked.
 */
export function usbSource(transport: CardTransport, trustStore: TrustStore | undefined): CardSource {
  return { transport, trustStore };
}

export function createCardApi(source: CardSource = emulatedSource()) {
  const { transport, trustStore, demo } = source;
  return {
    async readerName(): Promise<string> {
      return transport.readerName;
    },
    async isDemo(): Promise<boolean> {
      return demo !== undefined;
    },
    async demoCards(): Promise<DemoCard[]> {
      return demo?.list() ?? [];
    },
    async placeDemoCard(id: string | null): Promise<void> {
      demo?.place(id);
    },
    async placedDemoCard(): Promise<string | null> {
      return demo?.placed() ?? null;
    },
    /** Read first, before any credential: an expired card is flagged before staff type anything. */
    cardExpiry() {
      return readCardExpiry(transport);
    },
    /** Tries left for 照合番号B, read without spending one. */
    collationBTriesLeft() {
      return queryCollationBTriesLeft(transport);
    },
    /** 基本4情報 with the digest, issuer-signature and card-present checks. */
    readWithCollationB(request: ReadRequest) {
      return readBasicFourInfo(transport, request.collationB, {
        trustStore,
        provePresence: true,
        confirmLastTry: request.confirmLastTry === true,
      });
    },
    /** Tries left for the 券面事項入力補助AP PIN, read without spending one. */
    pinTriesLeft() {
      return queryTriesLeft(transport, 'pin');
    },
    /** 基本4情報 and the My Number, with every check: only for procedures that need the number. */
    readWithPin(request: PinRequest) {
      return readWithPin(transport, request.pin, {
        needMyNumber: true,
        trustStore,
        provePresence: true,
        confirmLastTry: request.confirmLastTry === true,
      });
    },
    /** 運転免許証: tries left for 暗証番号1, read without spending one. */
    licenceTriesLeft() {
      return queryLicencePinTriesLeft(transport);
    },
    /** 運転免許証 記載事項 with 暗証番号1, typed by the resident on the PIN pad. */
    readLicence(request: LicenceRequest) {
      const today = isoDateInJapan(new Date());
      return readDriversLicence(transport, request.pin1, {
        today,
        confirmLastTry: request.confirmLastTry === true,
      });
    },
    /** RF off after each resident (every read also ends with it). */
    async endSession(): Promise<void> {
      await transport.disconnect();
    },
  };
}

export type CardApi = ReturnType<typeof createCardApi>;
