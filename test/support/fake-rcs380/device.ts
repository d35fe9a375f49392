// A fake Sony RC-S380 that speaks the DEVICE side of NFC Port-100 byte for byte (cards.md §4.1):
// it ACKs every command frame, answers SetCommandType/SwitchRF/InSetRF/InSetProtocol/InCommRF,
// and passes InCommRF frames to a FakePicc holding a software card (ApduCard). Faults are switches.
// Every USB transfer is recorded in memory (never logged: the APDUs carry the 照合番号B).
import { DEVICE_ACK, DEVICE_ERROR_FRAME, readHostFrame, responseFrame } from './frames.ts';
import { type ApduCard, FakePicc, type PiccOptions } from './picc.ts';

export interface FakeRcs380Switches {
  /** FSCI in SENSB_RES (default 8 = 256). 0 (16 bytes) makes the driver chain its commands. */
  readonly fsci?: number;
  /** FWI in SENSB_RES (default 4). */
  readonly fwi?: number;
  /** The card answers in chunks of at most this many bytes (response chaining below FSD). */
  readonly maxResponseChunk?: number;
  readonly wtx?: PiccOptions['wtx'];
  /** Lose blocks on the air: `atBlock` counts ISO-DEP exchanges (InCommRF after ATTRIB) since the fake was made, from 0. */
  readonly drop?: readonly { readonly atBlock: number; readonly lose: 'command' | 'response' }[];
  /** The card leaves the field after it has sent this many ISO-DEP blocks (since the fake was made). */
  readonly removeCardAfterBlocks?: number;
  /** The reader is pulled out at this USB transfer (0-based count of all transfers). */
  readonly unplugAtTransfer?: number;
  /** Simulated USB latency, applied to every transfer (ms). */
  readonly usbDelayMs?: number;
  /**
   * Simulated USB round trip (ms): charged once per host OUT transfer, i.e. per command sent; the
   * chip's ACK and its answer come back within that round trip (the bench's latency model).
   */
  readonly usbRoundTripMs?: number;
}

export interface TransferRecord {
  readonly direction: 'out' | 'in';
  readonly endpoint: number;
  readonly bytes: Uint8Array;
}

export const FAKE_PACKET_SIZE = 64;
export const FAKE_BULK_IN = 1;
export const FAKE_BULK_OUT = 2;

type Waiter = (frame: Uint8Array | 'unplugged') => void;

export class FakeRcs380Device {
  readonly switches: FakeRcs380Switches;
  readonly transfers: TransferRecord[] = [];
  /** Everything the driver did that a real chip or card would reject or hang on. */
  readonly violations: string[] = [];
  #picc: FakePicc | undefined;
  #unplugged = false;
  readonly #unplugListeners: (() => void)[] = [];
  #pending: number[] = [];
  readonly #out: Uint8Array[] = [];
  readonly #waiters: Waiter[] = [];
  #commandType = 0;
  #rfOn = false;
  #rfIs106B = false;
  readonly #protocol = new Map<number, number>();
  #blocks = 0;
  #cardSent = 0;

  constructor(card: ApduCard | undefined, switches: FakeRcs380Switches = {}) {
    this.switches = switches;
    if (card) this.present(card);
  }

  present(card: ApduCard): void {
    const { fsci = 8, fwi = 4, maxResponseChunk, wtx } = this.switches;
    this.#picc = new FakePicc(card, { fsci, fwi, maxResponseChunk, wtx }, this.violations);
  }

  removeCard(): void {
    this.#picc?.reset();
    this.#picc = undefined;
  }

  get unplugged(): boolean {
    return this.#unplugged;
  }

  unplug(): void {
    if (this.#unplugged) return;
    this.#unplugged = true;
    for (const waiter of this.#waiters.splice(0)) waiter('unplugged');
    for (const listener of this.#unplugListeners) listener();
  }

  onUnplug(listener: () => void): void {
    this.#unplugListeners.push(listener);
  }

  /** Host → device bulk OUT. Resolves false when the reader is gone. */
  async hostOut(endpoint: number, bytes: Uint8Array): Promise<boolean> {
    const roundTrip = this.switches.usbRoundTripMs ?? 0;
    if (roundTrip > 0) await new Promise((r) => setTimeout(r, roundTrip));
    if (!(await this.#beginTransfer())) return false;
    this.transfers.push({ direction: 'out', endpoint, bytes: bytes.slice() });
    if (endpoint !== FAKE_BULK_OUT) this.violations.push(`OUT on endpoint ${endpoint}`);
    this.#pending.push(...bytes);
    // A transfer ends with a short packet; one that fills whole packets needs a ZLP (cards.md §4.1).
    if (bytes.length > 0 && bytes.length % FAKE_PACKET_SIZE === 0) return true;
    const frame = Uint8Array.from(this.#pending);
    this.#pending = [];
    if (frame.length > 0) this.#onHostFrame(frame);
    return true;
  }

  /** Device → host bulk IN: waits, like the real endpoint, until the chip has a frame to send. */
  async hostIn(endpoint: number): Promise<Uint8Array | 'unplugged'> {
    if (!(await this.#beginTransfer())) return 'unplugged';
    if (endpoint !== FAKE_BULK_IN) this.violations.push(`IN on endpoint ${endpoint}`);
    const frame =
      this.#out.shift() ?? (await new Promise<Uint8Array | 'unplugged'>((r) => this.#waiters.push(r)));
    if (frame !== 'unplugged') this.transfers.push({ direction: 'in', endpoint, bytes: frame.slice() });
    return frame;
  }

  async #beginTransfer(): Promise<boolean> {
    const delay = this.switches.usbDelayMs ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (this.switches.unplugAtTransfer === this.transfers.length) this.unplug();
    return !this.#unplugged;
  }

  #emit(frame: Uint8Array): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(frame);
    else this.#out.push(frame);
  }

  #onHostFrame(bytes: Uint8Array): void {
    const frame = readHostFrame(bytes);
    if (frame.kind === 'ack') {
      this.#out.length = 0; // the host's ACK cancels what the chip had queued
      return;
    }
    if (frame.kind === 'invalid') {
      this.violations.push(`invalid host frame: ${frame.why}`);
      return; // the chip stays silent; the driver's watchdog must notice
    }
    this.#emit(DEVICE_ACK.slice());
    const result = this.#command(frame.code, frame.params);
    this.#emit(result === undefined ? DEVICE_ERROR_FRAME.slice() : responseFrame(frame.code, result));
  }

  #command(code: number, params: Uint8Array): readonly number[] | undefined {
    if (code === 0x2a) {
      this.#commandType = params[0] ?? 0;
      return [0x00];
    }
    if (this.#commandType !== 1) {
      this.violations.push(`command ${code.toString(16)} before SetCommandType 1`);
      return [0x07]; // COMMANDTYPE_ERROR (nfcpy StatusError)
    }
    switch (code) {
      case 0x06: // SwitchRF
        if (params[0] === 0x00) this.#fieldOff();
        else this.#rfOn = true;
        return [0x00];
      case 0x00: // InSetRF: the field comes on with the first RF configuration
        this.#rfIs106B = params.length === 4 && [0x03, 0x07, 0x0f, 0x07].every((b, i) => params[i] === b);
        this.#rfOn = true;
        return [0x00];
      case 0x02: // InSetProtocol: key/value pairs
        if (params.length % 2 !== 0) return [0x01];
        for (let i = 0; i < params.length; i += 2) this.#protocol.set(params[i] ?? 0, params[i + 1] ?? 0);
        return [0x00];
      case 0x04:
        return this.#inCommRF(params);
      case 0x20:
        return [0x11, 0x01]; // GetFirmwareVersion: 1.11
      default:
        this.violations.push(`unknown command ${code.toString(16)}`);
        return undefined;
    }
  }

  #fieldOff(): void {
    this.#rfOn = false;
    this.#picc?.reset();
  }

  // InCommRF result: error bitmask (4 bytes LE), one byte, then the card's frame (cards.md §4.1).
  #inCommRF(params: Uint8Array): readonly number[] {
    const timeoutMs = ((params[0] ?? 0) | ((params[1] ?? 0) << 8)) / 10;
    const frame = params.subarray(2);
    const timeout = [0x80, 0, 0, 0, 0];
    const typeB = [0x09, 0x0a, 0x0b, 0x0c, 0x01, 0x02].every((k) => this.#protocol.get(k) === 1);
    const picc = this.#picc;
    if (!picc || !this.#rfOn || !this.#rfIs106B || !typeB) return timeout;
    const isIsoDepBlock = frame[0] !== 0x05 && frame[0] !== 0x1d;
    if (!isIsoDepBlock) return this.#answer(picc.receive(frame));
    const index = this.#blocks++;
    if (frame[0] === 0xf2) {
      const fwtMs = (4096 * 2 ** (this.switches.fwi ?? 4)) / 13_560;
      if (timeoutMs < fwtMs * picc.pendingWtxm) this.violations.push('timeout after S(WTX) below FWT × WTXM');
    }
    const removeAfter = this.switches.removeCardAfterBlocks;
    if (removeAfter !== undefined && this.#cardSent >= removeAfter) {
      this.removeCard();
      return timeout;
    }
    const drop = this.switches.drop?.find((d) => d.atBlock === index);
    if (drop?.lose === 'command') return timeout;
    const answer = picc.receive(frame);
    if (answer) this.#cardSent++;
    return drop?.lose === 'response' ? timeout : this.#answer(answer);
  }

  #answer(frame: Uint8Array | undefined): readonly number[] {
    return frame ? [0, 0, 0, 0, 0, ...frame] : [0x80, 0, 0, 0, 0];
  }
}
