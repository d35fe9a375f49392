// The Sony RC-S300 as a CardTransport (transport.ts), over any UsbPort: WebUSB on the tablet, the
// fake reader in tests. EXPERIMENTAL (issue 3): it does what cards.md §4.2 documents — claim
// vendor interface 1, open a transparent session, power the field — and stops there with the typed
// `unsupported` error, because cards.md documents no Type B polling/activation for this reader and
// marks both routes to a My Number Card's APDUs UNVERIFIED (§4.2 last bullet, §9 item 1):
//   1. plain APDUs in the interface-1 message after the reader activated the card itself;
//   2. switch protocol `8F 02 01 04` (Type B layer 4) in the transparent session, then the APDU
//      in a `95` data object of communicate-thru.
// Neither is guessed at here: a wrong guess would look like a broken card to staff. The builders
// for route 2 exist in pseudo-apdu.ts for a hardware prototype.
import { err, ok, type Result } from '../../result.ts';
import { platformTimers, type Timers } from '../rcs380/chipset.ts';
import type { UsbPort } from '../rcs380/usb-port.ts';
import type { CardTransport } from '../transport.ts';
import { fromUsbFailure, Rcs300Error, type Rcs300Failure } from './errors.ts';
import { createRcs300Link, pseudoApdu, type Rcs300Link } from './link.ts';
import { RCS300_CONFIGURATION, RCS300_INTERFACE, RCS300_READER_NAME } from './usb-ids.ts';

type Outcome<T> = Result<T, Rcs300Failure>;

export interface Rcs300Options {
  /** How long to wait for any reply before the reader counts as hung. */
  readonly watchdogMs?: number;
  readonly timers?: Timers;
}

export interface Rcs300Transport extends CardTransport {
  /**
   * Opens and claims interface 1 and starts a transparent session, without touching the field.
   * requestRcs300 calls it so that a busy or silent reader is reported at once.
   */
  prepare(): Promise<Outcome<void>>;
  /** connect() as a value: powers the field, then `unsupported` at Type B activation. */
  activate(): Promise<Outcome<boolean>>;
}

/** No timing is given in cards.md §4.2; the pseudo-APDUs used here do no RF exchange. */
const DEFAULT_WATCHDOG_MS = 2000;

export function createRcs300Transport(port: UsbPort, options: Rcs300Options = {}): Rcs300Transport {
  const watchdogMs = options.watchdogMs ?? DEFAULT_WATCHDOG_MS;
  const timers = options.timers ?? platformTimers;
  let link: Rcs300Link | undefined;

  async function prepare(): Promise<Outcome<void>> {
    if (link) return ok(undefined);
    const opened = await port.open();
    if (!opened.ok) return err(fromUsbFailure(opened.error));
    const ready = await claimAndStartSession();
    if (!ready.ok) await port.close(); // best effort: the reader is unusable either way
    return ready;
  }

  async function claimAndStartSession(): Promise<Outcome<void>> {
    const configured = await port.selectConfiguration(RCS300_CONFIGURATION); // value UNVERIFIED (usb-ids.ts)
    if (!configured.ok) return err(fromUsbFailure(configured.error));
    const claimed = await port.claimInterface(RCS300_INTERFACE); // cards.md §4.2: interface 1
    if (!claimed.ok) return err(fromUsbFailure(claimed.error));
    const endpoints = port.endpoints(RCS300_INTERFACE); // cards.md §4.2: OUT 0x02, IN 0x82
    if (!endpoints.ok) return err(fromUsbFailure(endpoints.error));
    const candidate = createRcs300Link(port, endpoints.value, watchdogMs, timers);
    // cards.md §4.2 table: end any session a previous page left open, then start one. The table
    // gives the payloads, not an order; ending first so that start meets a clean reader is an
    // assumption (UNVERIFIED).
    for (const operation of ['endTransparentSession', 'startTransparentSession'] as const) {
      const done = await pseudoApdu(candidate, operation);
      if (!done.ok) return done;
    }
    link = candidate;
    return ok(undefined);
  }

  async function activate(): Promise<Outcome<boolean>> {
    const ready = await prepare();
    if (!ready.ok) return ready;
    if (!link) return err({ kind: 'not-connected' });
    // cards.md §4.2 table: RF off, then RF on — a cold field, so a card left on the reader starts
    // from its reset state (cards.md §1.4: a verified state must not carry over).
    for (const operation of ['rfOff', 'rfOn'] as const) {
      const done = await pseudoApdu(link, operation);
      if (!done.ok) return done;
    }
    // Type B polling/activation: nothing documented for the RC-S300 (see the file comment). The
    // field is switched off again, as it serves no purpose, and the caller gets `unsupported`.
    const off = await pseudoApdu(link, 'rfOff');
    if (!off.ok) return off;
    return err({ kind: 'unsupported', step: 'type-b-activation' });
  }

  async function release(): Promise<Outcome<void>> {
    const active = link;
    link = undefined;
    if (!active) return ok(undefined);
    // cards.md §4.2 table: RF off, end the transparent session; then give the interface back.
    const off = await pseudoApdu(active, 'rfOff');
    const ended = off.ok ? await pseudoApdu(active, 'endTransparentSession') : off;
    const released = await port.releaseInterface(RCS300_INTERFACE);
    const closed = await port.close();
    if (!ended.ok) return ended;
    if (!released.ok) return err(fromUsbFailure(released.error));
    return closed.ok ? ok(undefined) : err(fromUsbFailure(closed.error));
  }

  return {
    readerName: RCS300_READER_NAME,
    prepare,
    activate,
    async connect() {
      const activated = await activate();
      if (!activated.ok) throw new Rcs300Error(activated.error);
      return activated.value;
    },
    async transmit() {
      // No APDU route is confirmed (cards.md §4.2, §9 item 1); the command is not looked at.
      throw new Rcs300Error({ kind: 'unsupported', step: 'apdu-exchange' });
    },
    async disconnect() {
      const done = await release();
      // A reader that is gone has no field to switch off: nothing carries over to the next person.
      if (!done.ok && done.error.kind !== 'reader-unplugged') throw new Rcs300Error(done.error);
    },
  };
}
