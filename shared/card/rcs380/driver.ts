// The Sony RC-S380 as a CardTransport (transport.ts), over any UsbPort: WebUSB on the tablet,
// the fake reader in tests. connect() opens and initialises the reader when needed and activates
// a Type B card; transmit() runs ISO-DEP; disconnect() switches the field off and releases the
// USB interface, so each resident's session starts from a cold reader (cards.md §1.4, §4.1).
import { err, ok, type Result } from '../../result.ts';
import type { CardTransport } from '../transport.ts';
import {
  commandWithStatus,
  createPort100Link,
  IN_SET_PROTOCOL_DEFAULTS,
  IN_SET_PROTOCOL_TYPE_B,
  IN_SET_RF_106B,
  inCommRF,
  type Port100Link,
  platformTimers,
  RF_OFF,
  SET_COMMAND_TYPE_1,
  type Timers,
} from './chipset.ts';
import { fromUsbFailure, Rcs380Error, type Rcs380Failure } from './errors.ts';
import { frameWaitingTimeMs, maxInfLength } from './iso-dep.ts';
import { exchangeApdu, type IsoDepSession } from './iso-dep-initiator.ts';
import { PORT100 } from './port100.ts';
import { buildAttrib, checkAttribAnswer, parseSensbRes, SENSB_REQ, SENSB_TIMEOUT_MS } from './type-b.ts';
import { RCS380_CONFIGURATION, RCS380_INTERFACE, type UsbPort } from './usb-port.ts';

type Outcome<T> = Result<T, Rcs380Failure>;

export interface Rcs380Options {
  /** Shown in the UI; defaults to the USB product name. */
  readonly readerName?: string;
  /** SENSB_REQ attempts (30 ms each, cards.md §4.1 step 5) before connect() resolves false. */
  readonly pollAttempts?: number;
  /** FSDI sent in ATTRIB (cards.md §4.1 step 6); 8 = 256-byte frames, the reader's maximum. */
  readonly fsdi?: number;
  /** Extra time past a command's own timeout before the reader counts as hung. */
  readonly watchdogMarginMs?: number;
  readonly timers?: Timers;
}

export interface Rcs380Transport extends CardTransport {
  /**
   * Opens, claims and initialises the reader (cards.md §4.1 step 1) without touching the field.
   * connect() does it when needed; callers use it to learn early that the reader is usable.
   */
  prepare(): Promise<Result<void, Rcs380Failure>>;
}

const DEFAULT_POLL_ATTEMPTS = 5;
const DEFAULT_WATCHDOG_MARGIN_MS = 1000;

export function createRcs380Transport(port: UsbPort, options: Rcs380Options = {}): Rcs380Transport {
  const fsdi = options.fsdi ?? 8;
  const pollAttempts = options.pollAttempts ?? DEFAULT_POLL_ATTEMPTS;
  const margin = options.watchdogMarginMs ?? DEFAULT_WATCHDOG_MARGIN_MS;
  const timers = options.timers ?? platformTimers;
  let link: Port100Link | undefined;
  let session: IsoDepSession | undefined;
  /** Set when a block exchange failed: block numbers are out of step until the next connect(). */
  let broken: Rcs380Failure | undefined;

  async function prepare(): Promise<Outcome<void>> {
    if (link) return ok(undefined);
    const opened = await port.open();
    if (!opened.ok) return err(fromUsbFailure(opened.error));
    const ready = await claimAndInitialise();
    if (!ready.ok) await port.close(); // best effort: the reader is unusable either way
    return ready;
  }

  async function claimAndInitialise(): Promise<Outcome<void>> {
    const configured = await port.selectConfiguration(RCS380_CONFIGURATION);
    if (!configured.ok) return err(fromUsbFailure(configured.error));
    const claimed = await port.claimInterface(RCS380_INTERFACE);
    if (!claimed.ok) return err(fromUsbFailure(claimed.error));
    const endpoints = port.endpoints(RCS380_INTERFACE);
    if (!endpoints.ok) return err(fromUsbFailure(endpoints.error));
    const candidate = createPort100Link(port, endpoints.value, margin, timers);
    // cards.md §4.1 step 1: ACK (soft reset), SetCommandType 1, SwitchRF off.
    const steps: readonly (() => Promise<Outcome<void>>)[] = [
      () => candidate.ack(),
      () => commandWithStatus(candidate, PORT100.setCommandType, SET_COMMAND_TYPE_1),
      () => commandWithStatus(candidate, PORT100.switchRF, RF_OFF),
    ];
    for (const step of steps) {
      const done = await step();
      if (!done.ok) return done;
    }
    link = candidate;
    return ok(undefined);
  }

  async function activate(active: Port100Link): Promise<Outcome<IsoDepSession | undefined>> {
    // cards.md §4.1 steps 2–4: InSetRF 106B, InSetProtocol defaults, then the Type B settings.
    for (const [code, params] of [
      [PORT100.inSetRF, IN_SET_RF_106B],
      [PORT100.inSetProtocol, IN_SET_PROTOCOL_DEFAULTS],
      [PORT100.inSetProtocol, IN_SET_PROTOCOL_TYPE_B],
    ] as const) {
      const done = await commandWithStatus(active, code, params);
      if (!done.ok) return done;
    }
    // Step 5: SENSB_REQ until a card answers or the polling window is over.
    for (let attempt = 0; attempt < pollAttempts; attempt++) {
      const answer = await inCommRF(active, SENSB_REQ, SENSB_TIMEOUT_MS);
      if (!answer.ok) return answer;
      if (answer.value.kind !== 'frame') continue; // nobody there, or two cards colliding
      const sensb = parseSensbRes(answer.value.bytes);
      if (!sensb.ok) return err({ kind: 'card-protocol', detail: `SENSB_RES: ${sensb.error.kind}` });
      // Step 6: ATTRIB, answered within the card's FWT.
      const fwtMs = frameWaitingTimeMs(sensb.value.fwi);
      const attrib = await inCommRF(active, buildAttrib(sensb.value.pupi, fsdi), fwtMs);
      if (!attrib.ok) return attrib;
      if (attrib.value.kind !== 'frame') return err({ kind: 'card-lost' });
      const checked = checkAttribAnswer(attrib.value.bytes);
      if (!checked.ok) return err({ kind: 'card-protocol', detail: `ATTRIB: ${checked.error.kind}` });
      return ok({ maxInf: maxInfLength(sensb.value.fsci), fwtMs, pni: 0 });
    }
    return ok(undefined);
  }

  async function release(): Promise<Outcome<void>> {
    const active = link;
    link = undefined;
    session = undefined;
    broken = undefined;
    if (!active) return ok(undefined);
    // cards.md §4.1 step 8: SwitchRF off, then ACK; then give the interface back.
    const off = await commandWithStatus(active, PORT100.switchRF, RF_OFF);
    const acked = off.ok ? await active.ack() : off;
    const released = await port.releaseInterface(RCS380_INTERFACE);
    const closed = await port.close();
    if (!acked.ok) return acked;
    if (!released.ok) return err(fromUsbFailure(released.error));
    return closed.ok ? ok(undefined) : err(fromUsbFailure(closed.error));
  }

  return {
    readerName: options.readerName ?? (port.productName || 'Sony RC-S380'),
    prepare,
    async connect() {
      session = undefined;
      broken = undefined;
      const ready = await prepare();
      if (!ready.ok || !link) throw new Rcs380Error(ready.ok ? { kind: 'not-connected' } : ready.error);
      const activated = await activate(link);
      if (!activated.ok) throw new Rcs380Error(activated.error);
      session = activated.value;
      return session !== undefined;
    },
    async transmit(command) {
      if (broken) throw new Rcs380Error(broken);
      if (!link || !session) throw new Rcs380Error({ kind: 'not-connected' });
      const response = await exchangeApdu(link, session, command);
      if (response.ok) return response.value;
      broken = response.error;
      throw new Rcs380Error(response.error);
    },
    async disconnect() {
      const done = await release();
      // A reader that is gone has no field to switch off: nothing carries over to the next person.
      if (!done.ok && done.error.kind !== 'reader-unplugged') throw new Rcs380Error(done.error);
    },
  };
}
