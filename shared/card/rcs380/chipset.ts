// The Port-100 command layer over a UsbPort (cards.md §4.1): frame a command, send it (with a
// zero-length packet when the frame fills whole USB packets), read the device's ACK, then its
// response frame, and check the response code. Also the RF commands the driver uses.
import { err, ok, type Result } from '../../result.ts';
import { fromUsbFailure, type Rcs380Failure } from './errors.ts';
import {
  ACK_FRAME,
  describeFrameError,
  encodeCommand,
  PORT100,
  parseFrame,
  parseResponseData,
} from './port100.ts';
import type { UsbEndpoints, UsbPort, UsbResult } from './usb-port.ts';

type Outcome<T> = Result<T, Rcs380Failure>;

/** The platform's timers (every runtime of shared/ has them; not declared for shared/, see tsconfig). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}
export const platformTimers = globalThis as unknown as Timers;

// A frame is at most 8 + 298 + 2 bytes (port100.ts); ask for more so a short packet ends the read.
const IN_TRANSFER_LENGTH = 512;

export interface Port100Link {
  /** Sends `D6 cmd params`, returns the result bytes after `D7 cmd+1`. `deviceWaitMs`: RF time. */
  command(code: number, params: Uint8Array, deviceWaitMs?: number): Promise<Outcome<Uint8Array>>;
  /** A host ACK: cancels whatever the device is doing (cards.md §4.1 "ACK sent by host"). */
  ack(): Promise<Outcome<void>>;
}

export function createPort100Link(
  port: UsbPort,
  endpoints: UsbEndpoints,
  watchdogMarginMs: number,
  timers: Timers,
): Port100Link {
  async function write(frame: Uint8Array): Promise<Outcome<void>> {
    const sent = await port.transferOut(endpoints.bulkOut, frame);
    if (!sent.ok) return err(fromUsbFailure(sent.error));
    // A transfer that ends exactly on a packet boundary is only complete after a ZLP (cards.md §4.1).
    if (frame.length % endpoints.packetSize === 0) {
      const zlp = await port.transferOut(endpoints.bulkOut, new Uint8Array(0));
      if (!zlp.ok) return err(fromUsbFailure(zlp.error));
    }
    return ok(undefined);
  }

  async function read(waitMs: number): Promise<Outcome<Uint8Array>> {
    let handle: unknown;
    const watchdog = new Promise<'timeout'>((resolve) => {
      handle = timers.setTimeout(() => resolve('timeout'), waitMs + watchdogMarginMs);
    });
    const received: UsbResult<Uint8Array> | 'timeout' = await Promise.race([
      port.transferIn(endpoints.bulkIn, IN_TRANSFER_LENGTH),
      watchdog,
    ]);
    timers.clearTimeout(handle);
    if (received === 'timeout') return err({ kind: 'reader-not-responding' });
    return received.ok ? ok(received.value) : err(fromUsbFailure(received.error));
  }

  return {
    async command(code, params, deviceWaitMs = 0) {
      const written = await write(encodeCommand(code, params));
      if (!written.ok) return written;
      const ackBytes = await read(0);
      if (!ackBytes.ok) return ackBytes;
      const ack = parseFrame(ackBytes.value);
      if (!ack.ok) return protocol(`ACK: ${describeFrameError(ack.error)}`);
      if (ack.value.kind !== 'ack') return protocol(`expected ACK, got ${ack.value.kind} frame`);
      const responseBytes = await read(deviceWaitMs);
      if (!responseBytes.ok) return responseBytes;
      const frame = parseFrame(responseBytes.value);
      if (!frame.ok) return protocol(describeFrameError(frame.error));
      if (frame.value.kind !== 'data') return protocol(`expected a response, got ${frame.value.kind} frame`);
      const result = parseResponseData(frame.value.data, code);
      return result.ok ? result : protocol(describeFrameError(result.error));
    },
    ack: () => write(ACK_FRAME),
  };
}

function protocol(detail: string): { readonly ok: false; readonly error: Rcs380Failure } {
  return err({ kind: 'reader-protocol', detail });
}

/** For commands whose result is one status byte, 00 = success (nfcpy StatusError, cards.md §8). */
export async function commandWithStatus(
  link: Port100Link,
  code: number,
  params: Uint8Array,
): Promise<Outcome<void>> {
  const result = await link.command(code, params);
  if (!result.ok) return result;
  const status = result.value[0];
  if (status === undefined) return protocol('empty status');
  return status === 0 ? ok(undefined) : err({ kind: 'reader-status', command: code, status });
}

// cards.md §4.1 step 1–4 byte sequences (parameters after `D6 <cmd>`).
export const SET_COMMAND_TYPE_1: Uint8Array = Uint8Array.of(0x01);
export const RF_OFF: Uint8Array = Uint8Array.of(0x00);
export const IN_SET_RF_106B: Uint8Array = Uint8Array.of(0x03, 0x07, 0x0f, 0x07);
export const IN_SET_PROTOCOL_DEFAULTS: Uint8Array = Uint8Array.of(
  0x00,
  0x18,
  0x01,
  0x01,
  0x02,
  0x01,
  0x03,
  0x00,
  0x04,
  0x00,
  0x05,
  0x00,
  0x06,
  0x00,
  0x07,
  0x08,
  0x08,
  0x00,
  0x09,
  0x00,
  0x0a,
  0x00,
  0x0b,
  0x00,
  0x0c,
  0x00,
  0x0e,
  0x04,
  0x0f,
  0x00,
  0x10,
  0x00,
  0x11,
  0x00,
  0x12,
  0x00,
  0x13,
  0x06,
);
/** add/check SOF and EOF, initial guard time 0x14 = 20 (cards.md §4.1 step 4). */
export const IN_SET_PROTOCOL_TYPE_B: Uint8Array = Uint8Array.of(
  0x0b,
  0x01,
  0x09,
  0x01,
  0x0c,
  0x01,
  0x0a,
  0x01,
  0x00,
  0x14,
);

export type RfOutcome =
  | { readonly kind: 'frame'; readonly bytes: Uint8Array }
  | { readonly kind: 'timeout' }
  /** CRC, parity, collision…: ISO/IEC 14443-4 treats it like a lost block (an invalid block). */
  | { readonly kind: 'rf-error'; readonly bits: number };

const RECEIVE_TIMEOUT_BIT = 0x00000080; // cards.md §4.1: InCommRF error bitmask

/**
 * InCommRF (cards.md §4.1): `<timeout u16 LE, 0.1 ms: (ms + 1) × 10> <data>`; the result is a 4-byte
 * LE error bitmask, one byte, then the received frame (CRC already checked and stripped).
 */
export async function inCommRF(
  link: Port100Link,
  data: Uint8Array,
  timeoutMs: number,
): Promise<Outcome<RfOutcome>> {
  const units = Math.min((Math.ceil(timeoutMs) + 1) * 10, 0xffff);
  const params = new Uint8Array(2 + data.length);
  params[0] = units & 0xff;
  params[1] = units >> 8;
  params.set(data, 2);
  const result = await link.command(PORT100.inCommRF, params, units / 10);
  params.fill(0); // it carried an APDU, maybe a credential
  if (!result.ok) return result;
  const r = result.value;
  if (r.length < 5) return protocol(`InCommRF result of ${r.length} bytes`);
  const bits = ((r[0] ?? 0) | ((r[1] ?? 0) << 8) | ((r[2] ?? 0) << 16) | ((r[3] ?? 0) << 24)) >>> 0;
  if (bits === 0) return ok({ kind: 'frame', bytes: r.slice(5) });
  if ((bits & RECEIVE_TIMEOUT_BIT) !== 0) return ok({ kind: 'timeout' });
  return ok({ kind: 'rf-error', bits });
}
