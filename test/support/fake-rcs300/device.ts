// A fake Sony RC-S300 that speaks the READER side of what shared/card/rcs300 implements of
// cards.md §4.2: the interface-1 message framing and the transparent-session and RF pseudo-APDUs
// of the §4.2 table, each answered with SW 90 00 (PC/SC Part 3 style, UNVERIFIED on hardware).
// It holds a software card (ApduCard) that loses its state whenever the field goes off. It does
// not activate Type B cards: the host side of that is not documented (cards.md §4.2, §9 item 1),
// so no APDU ever reaches the card. Faults are switches; every transfer is recorded in memory.
import type { ApduCard } from '../fake-rcs380/picc.ts';
import { messageLength, readHostMessage, replyMessage } from './frames.ts';

export type Rcs300Fault =
  /** The reader never answers this message (the driver's watchdog must notice). */
  | 'silent'
  /** The reply carries another sequence number. */
  | 'wrong-seq'
  /** The reply's type byte is 80, not 83. */
  | 'wrong-type'
  /** The reply declares more payload than it carries. */
  | 'truncated'
  /** bStatus 40 (CCID "command failed"), bError FE. */
  | 'status-failed'
  /** The pseudo-APDU is answered 6A 81. */
  | 'refuse'
  /** The reply payload is one byte: no SW1 SW2. */
  | 'no-status-word';

export interface FakeRcs300Switches {
  /** Faults by message number (0-based count of host messages since the fake was made). */
  readonly faults?: readonly { readonly atMessage: number; readonly fault: Rcs300Fault }[];
  /** The reader is pulled out at this USB transfer (0-based count of all transfers). */
  readonly unplugAtTransfer?: number;
  readonly usbDelayMs?: number;
}

export interface TransferRecord {
  readonly direction: 'out' | 'in';
  readonly endpoint: number;
  readonly bytes: Uint8Array;
}

/** cards.md §4.2: bulk OUT 0x02 and IN 0x82, i.e. endpoint number 2 both ways. */
export const FAKE_BULK_OUT = 2;
export const FAKE_BULK_IN = 2;
export const FAKE_PACKET_SIZE = 64;

const SW_OK = [0x90, 0x00];
const SW_FUNCTION_NOT_SUPPORTED = [0x6a, 0x81];
const SW_CONDITIONS_NOT_SATISFIED = [0x69, 0x85];

type Waiter = (reply: Uint8Array | 'unplugged' | 'aborted') => void;

export class FakeRcs300Device {
  readonly switches: FakeRcs300Switches;
  readonly transfers: TransferRecord[] = [];
  /** Everything the driver did that a real reader would reject, or that breaks field hygiene. */
  readonly violations: string[] = [];
  /** The pseudo-APDUs received, by name, in order (unknown ones as hex). */
  readonly operations: string[] = [];
  #card: ApduCard | undefined;
  #unplugged = false;
  #pending: number[] = [];
  #messages = 0;
  readonly #out: Uint8Array[] = [];
  readonly #waiters: Waiter[] = [];
  #session = false;
  #fieldOn = false;
  cardResets = 0;

  constructor(card: ApduCard | undefined, switches: FakeRcs300Switches = {}) {
    this.#card = card;
    this.switches = switches;
  }

  get fieldOn(): boolean {
    return this.#fieldOn;
  }
  get sessionOpen(): boolean {
    return this.#session;
  }
  get unplugged(): boolean {
    return this.#unplugged;
  }

  present(card: ApduCard): void {
    this.#card = card;
  }

  unplug(): void {
    if (this.#unplugged) return;
    this.#unplugged = true;
    for (const waiter of this.#waiters.splice(0)) waiter('unplugged');
  }

  /** WebUSB's releaseInterface/close abort the transfers still pending on the interface. */
  abortPendingIn(): void {
    for (const waiter of this.#waiters.splice(0)) waiter('aborted');
  }

  /** Host → reader bulk OUT. Resolves false when the reader is gone. */
  async hostOut(endpoint: number, bytes: Uint8Array): Promise<boolean> {
    if (!(await this.#beginTransfer())) return false;
    this.transfers.push({ direction: 'out', endpoint, bytes: bytes.slice() });
    if (endpoint !== FAKE_BULK_OUT) this.violations.push(`OUT on endpoint ${endpoint}`);
    this.#pending.push(...bytes);
    // CCID messages are delimited by their header's length, not by short packets.
    for (;;) {
      if (this.#pending.length > 0 && this.#pending[0] !== 0x6b) {
        this.violations.push(`invalid host message: type ${this.#pending[0]}`);
        this.#pending = [];
      }
      const needed = messageLength(this.#pending);
      if (needed === undefined || this.#pending.length < needed) return true;
      const message = Uint8Array.from(this.#pending.splice(0, needed));
      this.#onHostMessage(message);
    }
  }

  /** Reader → host bulk IN: waits, like the real endpoint, until the reader has a reply. */
  async hostIn(endpoint: number): Promise<Uint8Array | 'unplugged' | 'aborted'> {
    if (!(await this.#beginTransfer())) return 'unplugged';
    if (endpoint !== FAKE_BULK_IN) this.violations.push(`IN on endpoint ${endpoint}`);
    const reply =
      this.#out.shift() ??
      (await new Promise<Uint8Array | 'unplugged' | 'aborted'>((r) => this.#waiters.push(r)));
    if (typeof reply !== 'string') this.transfers.push({ direction: 'in', endpoint, bytes: reply.slice() });
    return reply;
  }

  async #beginTransfer(): Promise<boolean> {
    const delay = this.switches.usbDelayMs ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (this.switches.unplugAtTransfer === this.transfers.length) this.unplug();
    return !this.#unplugged;
  }

  #emit(reply: Uint8Array): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(reply);
    else this.#out.push(reply);
  }

  #onHostMessage(bytes: Uint8Array): void {
    const index = this.#messages++;
    const message = readHostMessage(bytes);
    if (message.kind === 'invalid') {
      this.violations.push(`invalid host message: ${message.why}`);
      return; // silent, like a reader that drops a malformed message
    }
    const fault = this.switches.faults?.find((f) => f.atMessage === index)?.fault;
    const reply = faultyReply(fault, message.seq, this.#pseudoApdu(message.payload));
    if (reply) this.#emit(reply);
  }

  // cards.md §4.2 table; the fake's rule that RF commands belong in a transparent session is
  // PC/SC Part 3's (manipulate field is a transparent-session command).
  #pseudoApdu(payload: Uint8Array): number[] {
    const name = knownPayload(payload);
    this.operations.push(name ?? Array.from(payload, (b) => b.toString(16).padStart(2, '0')).join(' '));
    switch (name) {
      case 'endTransparentSession':
        this.#session = false;
        return SW_OK;
      case 'startTransparentSession':
        this.#session = true;
        return SW_OK;
      case 'rfOff':
      case 'rfOn':
        if (!this.#session) {
          this.violations.push(`${name} outside a transparent session`);
          return SW_CONDITIONS_NOT_SATISFIED;
        }
        if (name === 'rfOff') this.#fieldOff();
        else this.#fieldOn = true;
        return SW_OK;
      default:
        this.violations.push(`payload the fake does not implement: ${this.operations.at(-1)}`);
        return SW_FUNCTION_NOT_SUPPORTED;
    }
  }

  #fieldOff(): void {
    if (this.#fieldOn && this.#card) {
      this.#card.reset(); // RF off: the card loses its verified state (cards.md §1.4)
      this.cardResets++;
    }
    this.#fieldOn = false;
  }
}

// The payloads of the cards.md §4.2 table, as hex, written out again rather than imported.
const KNOWN: Readonly<Record<string, string>> = {
  ff50000002820000: 'endTransparentSession',
  ff50000002810000: 'startTransparentSession',
  ff50000002830000: 'rfOff',
  ff50000002840000: 'rfOn',
};

function knownPayload(payload: Uint8Array): string | undefined {
  return KNOWN[Array.from(payload, (b) => b.toString(16).padStart(2, '0')).join('')];
}

function faultyReply(fault: Rcs300Fault | undefined, seq: number, answer: number[]): Uint8Array | undefined {
  switch (fault) {
    case 'silent':
      return undefined;
    case 'wrong-seq':
      return replyMessage((seq + 1) & 0xff, answer);
    case 'wrong-type':
      return Uint8Array.from([0x80, ...replyMessage(seq, answer).subarray(1)]);
    case 'truncated':
      return replyMessage(seq, answer).subarray(0, 11);
    case 'status-failed':
      return replyMessage(seq, [], 0x40, 0xfe);
    case 'refuse':
      return replyMessage(seq, SW_FUNCTION_NOT_SUPPORTED);
    case 'no-status-word':
      return replyMessage(seq, [0x90]);
    case undefined:
      return replyMessage(seq, answer);
  }
}
