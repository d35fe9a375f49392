// The message layer over a UsbPort (cards.md §4.2): wrap a payload in the 10-byte header with the
// next sequence number, send it on bulk OUT, read one reply from bulk IN under a watchdog, and
// check that it is the reply to this message. Then the pseudo-APDU layer on top: SW 90 00 or a
// typed refusal.
import { err, ok, type Result } from '../../result.ts';
import type { Timers } from '../rcs380/chipset.ts';
import type { UsbEndpoints, UsbPort, UsbResult } from '../rcs380/usb-port.ts';
import {
  commandStatus,
  describeCcidFrameError,
  encodeMessage,
  HEADER_LENGTH,
  MAX_PAYLOAD,
  parseReply,
} from './ccid-frame.ts';
import { fromUsbFailure, type Rcs300Failure } from './errors.ts';
import { parsePseudoApduResponse, RCS300_PAYLOAD, type Rcs300Operation, SW_SUCCESS } from './pseudo-apdu.ts';

type Outcome<T> = Result<T, Rcs300Failure>;

/** Ask for more than the largest reply, so the reader's short packet ends the transfer. */
const IN_TRANSFER_LENGTH = HEADER_LENGTH + MAX_PAYLOAD;

export interface Rcs300Link {
  /** Sends one payload, returns the reply's payload. */
  exchange(payload: Uint8Array): Promise<Outcome<Uint8Array>>;
}

export function createRcs300Link(
  port: UsbPort,
  endpoints: UsbEndpoints,
  watchdogMs: number,
  timers: Timers,
): Rcs300Link {
  // cards.md §4.2 names the <seq> byte only. Counting up from 0 and wrapping at 256, and the reply
  // echoing it, is the CCID rule (UNVERIFIED on the RC-S300).
  let seq = 0;
  // After a timeout or a reply out of step, a late reply may still be on its way and would be
  // taken for the answer to the next message: the link stays failed until the port is reopened.
  let broken: Rcs300Failure | undefined;

  async function read(): Promise<Outcome<Uint8Array>> {
    let handle: unknown;
    const watchdog = new Promise<'timeout'>((resolve) => {
      handle = timers.setTimeout(() => resolve('timeout'), watchdogMs);
    });
    const received: UsbResult<Uint8Array> | 'timeout' = await Promise.race([
      port.transferIn(endpoints.bulkIn, IN_TRANSFER_LENGTH),
      watchdog,
    ]);
    timers.clearTimeout(handle);
    if (received === 'timeout') return err({ kind: 'reader-not-responding' });
    return received.ok ? ok(received.value) : err(fromUsbFailure(received.error));
  }

  async function exchangeOnce(payload: Uint8Array): Promise<Outcome<Uint8Array>> {
    const mine = seq;
    seq = (seq + 1) & 0xff;
    const message = encodeMessage(mine, payload);
    // No zero-length packet: that is the RC-S380 rule (cards.md §4.1); cards.md gives none for
    // interface 1 and the header carries the length (UNVERIFIED). The driver's messages are all
    // shorter than one 64-byte packet anyway.
    const sent = await port.transferOut(endpoints.bulkOut, message);
    message.fill(0); // it may carry an APDU, maybe a credential
    if (!sent.ok) return err(fromUsbFailure(sent.error));
    const bytes = await read();
    if (!bytes.ok) return bytes;
    const reply = parseReply(bytes.value);
    if (!reply.ok) return protocol(describeCcidFrameError(reply.error));
    if (reply.value.seq !== mine) return protocol(`reply seq ${reply.value.seq}, expected ${mine}`);
    // UNVERIFIED (ccid-frame.ts): bStatus bits 7–6 other than "processed" count as a failure;
    // a CCID time-extension reply is not waited out, as cards.md does not mention one.
    if (commandStatus(reply.value.status) !== 'processed')
      return err({ kind: 'reader-status', status: reply.value.status, error: reply.value.error });
    return ok(reply.value.payload);
  }

  return {
    async exchange(payload) {
      if (broken) return err(broken);
      const outcome = await exchangeOnce(payload);
      if (
        !outcome.ok &&
        (outcome.error.kind === 'reader-not-responding' || outcome.error.kind === 'reader-protocol')
      )
        broken = outcome.error;
      return outcome;
    },
  };
}

/**
 * One pseudo-APDU of the cards.md §4.2 table; its reply is data + SW1 SW2 (PC/SC Part 3 style,
 * UNVERIFIED: cards.md shows no reply bytes). Returns the data before the status word.
 */
export async function pseudoApdu(
  link: Rcs300Link,
  operation: keyof typeof RCS300_PAYLOAD,
): Promise<Outcome<Uint8Array>> {
  return sendPseudoApdu(link, operation, RCS300_PAYLOAD[operation]);
}

export async function sendPseudoApdu(
  link: Rcs300Link,
  operation: Rcs300Operation,
  payload: Uint8Array,
): Promise<Outcome<Uint8Array>> {
  const reply = await link.exchange(payload);
  if (!reply.ok) return reply;
  const response = parsePseudoApduResponse(reply.value);
  if (!response.ok) return protocol(`${operation}: reply of ${response.error.length} bytes has no SW1 SW2`);
  if (response.value.sw !== SW_SUCCESS)
    return err({ kind: 'reader-refused', operation, sw: response.value.sw });
  return ok(response.value.data);
}

function protocol(detail: string): { readonly ok: false; readonly error: Rcs300Failure } {
  return err({ kind: 'reader-protocol', detail });
}
