// The card side of the air interface for the fake RC-S380: ISO/IEC 14443-3 Type B activation
// (SENSB_REQ/ATTRIB, cards.md §4.1 steps 5–6) and ISO/IEC 14443-4 block rules on the PICC side
// (§7.5.4 rules C–D, 11–13) in front of a software card (ApduCard) that answers the APDUs.
/** Any software card that answers APDUs: the My Number Card or the driver's licence emulator. */
export interface ApduCard {
  process(command: Uint8Array): Uint8Array;
  /** RF off: the card loses its verified state. */
  reset(): void;
}

export interface PiccOptions {
  /** Max_Frame_Size code announced in SENSB_RES; 8 = 256 bytes. Small values force command chaining. */
  readonly fsci: number;
  readonly fwi: number;
  /** Answer in chunks of at most this many INF bytes even if FSD allows more (forces response chaining). */
  readonly maxResponseChunk?: number;
  /** Ask for more time (S(WTX)) before answering APDU number `apdu` (0-based), `rounds` times. */
  readonly wtx?: { readonly apdu: number; readonly rounds: number; readonly wtxm: number };
}

const FSC_TABLE = [16, 24, 32, 40, 48, 64, 96, 128, 256];
export const FAKE_PUPI = Uint8Array.of(0x12, 0x34, 0x56, 0x78);

export class FakePicc {
  readonly #card: ApduCard;
  readonly #options: PiccOptions;
  readonly #violations: string[];
  #state: 'idle' | 'ready' | 'active' = 'idle';
  #fsd = 32;
  #blockNumber = 1; // the PICC's block number starts at 1 (ISO/IEC 14443-4 §7.5.3.1)
  #rxChain: number[] = [];
  #txRemaining: Uint8Array | undefined;
  #lastBlock: Uint8Array | undefined;
  #wtxLeft = 0;
  #wtxm = 0;
  apdusAnswered = 0;

  constructor(card: ApduCard, options: PiccOptions, violations: string[]) {
    this.#card = card;
    this.#options = options;
    this.#violations = violations;
  }

  /** RF off, or the card left the field: everything volatile is gone. */
  reset(): void {
    this.#state = 'idle';
    this.#rxChain = [];
    this.#txRemaining = undefined;
    this.#lastBlock = undefined;
    this.#blockNumber = 1;
    this.#wtxLeft = 0;
    this.#card.reset();
  }

  /** WTXM the card last asked for, 0 outside a WTX round (the device checks the PCD's timeout). */
  get pendingWtxm(): number {
    return this.#wtxm;
  }

  /** One frame in (CRC already stripped by the reader), the card's answer or undefined (mute). */
  receive(frame: Uint8Array): Uint8Array | undefined {
    if (frame[0] === 0x05 && frame.length === 3 && this.#state !== 'active') return this.#sensbRes();
    if (frame[0] === 0x1d && this.#state === 'ready') return this.#attrib(frame);
    if (this.#state !== 'active') return undefined;
    return this.#block(frame);
  }

  #sensbRes(): Uint8Array {
    this.#state = 'ready';
    const { fsci, fwi } = this.#options;
    // 50 PUPI, application data 00000000, protocol info: 106 kbps only, FSCI|ISO-DEP, FWI.
    return Uint8Array.of(0x50, ...FAKE_PUPI, 0, 0, 0, 0, 0x00, (fsci << 4) | 0x01, fwi << 4);
  }

  #attrib(frame: Uint8Array): Uint8Array | undefined {
    if (frame.length !== 9 || !FAKE_PUPI.every((b, i) => frame[1 + i] === b)) return undefined;
    if (frame[7] !== 0x01) this.#violations.push('ATTRIB param 3 is not ISO/IEC 14443-4');
    this.#fsd = FSC_TABLE[Math.min((frame[6] ?? 0) & 0x0f, 8)] ?? 256;
    this.#state = 'active';
    return Uint8Array.of(0x00); // MBLI 0, CID 0
  }

  #block(frame: Uint8Array): Uint8Array | undefined {
    const pcb = frame[0] ?? 0;
    const n = pcb & 1;
    if ((pcb & 0xe2) === 0x02) return this.#iBlock(frame, n, (pcb & 0x10) !== 0);
    if ((pcb & 0xe6) === 0xa2) {
      const nak = (pcb & 0x10) !== 0;
      if (n === this.#blockNumber) return this.#lastBlock; // rule 11: re-send the last block
      if (nak) return this.#send(Uint8Array.of(0xa2 | this.#blockNumber)); // rule 12
      if (this.#txRemaining) {
        this.#blockNumber ^= 1; // rule 13: chaining continues
        return this.#nextChunk();
      }
      this.#violations.push('R(ACK) outside chaining');
      return undefined;
    }
    if (pcb === 0xf2 && this.#wtxm > 0) {
      if (frame[1] !== this.#wtxm) this.#violations.push('S(WTX) response does not echo WTXM');
      return this.#afterWtx();
    }
    this.#violations.push(`unexpected PCB ${pcb.toString(16)}`);
    return undefined;
  }

  #iBlock(frame: Uint8Array, n: number, chaining: boolean): Uint8Array | undefined {
    if (frame.length - 1 > (FSC_TABLE[Math.min(this.#options.fsci, 8)] ?? 256) - 3) {
      this.#violations.push('I-block larger than FSC');
      return undefined;
    }
    this.#blockNumber ^= 1; // rule C: toggle on every I-block received
    if (this.#blockNumber !== n) this.#violations.push('I-block number out of step');
    this.#rxChain.push(...frame.subarray(1));
    if (chaining) return this.#send(Uint8Array.of(0xa2 | this.#blockNumber));
    const response = this.#card.process(Uint8Array.from(this.#rxChain));
    this.#rxChain = [];
    const wtx = this.#options.wtx;
    this.#txRemaining = response;
    if (wtx && wtx.apdu === this.apdusAnswered) {
      this.#wtxLeft = wtx.rounds;
      this.#wtxm = wtx.wtxm;
    }
    this.apdusAnswered++;
    return this.#afterWtx();
  }

  #afterWtx(): Uint8Array | undefined {
    if (this.#wtxLeft > 0) {
      this.#wtxLeft--;
      return this.#send(Uint8Array.of(0xf2, this.#wtxm));
    }
    this.#wtxm = 0;
    return this.#nextChunk();
  }

  #nextChunk(): Uint8Array | undefined {
    const remaining = this.#txRemaining;
    if (!remaining) return undefined;
    const size = Math.min(this.#fsd - 3, this.#options.maxResponseChunk ?? Number.POSITIVE_INFINITY);
    const more = remaining.length > size;
    this.#txRemaining = more ? remaining.subarray(size) : undefined;
    return this.#send(
      Uint8Array.from([0x02 | (more ? 0x10 : 0) | this.#blockNumber, ...remaining.subarray(0, size)]),
    );
  }

  #send(block: Uint8Array): Uint8Array {
    this.#lastBlock = block;
    return block;
  }
}
