// CardTransport: the port between card protocols (shared/card) and a reader.
// Adapters: the software emulator (emulator/), WebUSB RC-S380 (later), native bridges (later).
// A transport moves raw APDU bytes; it knows nothing about what the bytes mean.

export interface CardTransport {
  /** Human-readable reader name, for the UI (e.g. "Kakanai 模擬リーダー"). */
  readonly readerName: string;
  /**
   * Powers the field and waits for a card. Resolves false when no card is presented
   * within the reader's polling window (the UI then says 「カードが見つかりません」).
   */
  connect(): Promise<boolean>;
  /**
   * Sends one command APDU, returns the full response APDU (data + SW1 SW2). Rejects when the
   * reader fails; the rejection must never quote the command bytes (they may carry a PIN or a
   * 照合番号, which must not reach logs or error reports).
   */
  transmit(command: Uint8Array): Promise<Uint8Array>;
  /**
   * RF off / card reset. Called after every resident so that a verified state never
   * carries over to the next person (cards.md §1.4: VERIFY lasts until the card leaves the field).
   */
  disconnect(): Promise<void>;
}
