// ISO/IEC 7816-4 APDUs, short form only (Lc ≤ 255, Le ≤ 256): every command of the
// 券面事項入力補助AP fits (cards.md §1.3). Outside bytes (responses, and commands reaching the
// emulator) are parsed into Results; building a command from bad parameters is a programming
// error and throws.

import { err, ok, type Result } from '../result.ts';
import { concatBytes } from './bytes.ts';
import type { CardTransport } from './transport.ts';

export interface CommandApdu {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  /** Command data, 1..255 bytes (Lc). Absent for cases 1 and 2. */
  readonly data?: Uint8Array;
  /** Expected response length, 1..256 (256 travels as 00). Absent for cases 1 and 3. */
  readonly le?: number;
}

export interface ResponseApdu {
  readonly data: Uint8Array;
  readonly sw1: number;
  readonly sw2: number;
  /** SW1 SW2 as one number, e.g. 0x9000. */
  readonly sw: number;
}

/** Status words this code acts on (cards.md §1.4). */
export const SW = {
  success: 0x9000,
  endOfFileBeforeLe: 0x6282,
  wrongLength: 0x6700,
  securityNotSatisfied: 0x6982,
  keyBlocked: 0x6984,
  commandNotAllowed: 0x6986,
  fileNotFound: 0x6a82,
  wrongP1P2: 0x6a86,
  offsetOutOfRange: 0x6b00,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
} as const;

export type CommandParseError =
  | { readonly kind: 'command-too-short'; readonly length: number }
  | { readonly kind: 'extended-length-not-supported' }
  | { readonly kind: 'lc-mismatch'; readonly lc: number; readonly length: number };

export type ResponseParseError =
  | { readonly kind: 'response-too-short'; readonly length: number }
  | { readonly kind: 'invalid-sw1'; readonly sw1: number };

/** What a transceive can fail with; both kinds are also CardReadError kinds (errors.ts). */
export type TransceiveError =
  | { readonly kind: 'transport-failed'; readonly detail: string }
  | { readonly kind: 'malformed-response'; readonly detail: string };

export interface TransceiveOptions {
  /**
   * Zero the transport's response buffers once copied. Only for answers carrying personal data
   * (EF 0001): it overwrites a buffer the transport handed over, so the transport must not reuse it.
   */
  readonly wipeResponse?: boolean;
}

/** Encodes cases 1–4 with short Lc/Le. */
export function buildCommand(command: CommandApdu): Uint8Array {
  const { cla, ins, p1, p2, data, le } = command;
  for (const b of [cla, ins, p1, p2]) {
    if (!Number.isInteger(b) || b < 0 || b > 0xff)
      throw new RangeError('buildCommand: header byte out of range');
  }
  if (data !== undefined && (data.length < 1 || data.length > 255)) {
    throw new RangeError('buildCommand: data must be 1..255 bytes (short Lc)');
  }
  if (le !== undefined && (!Number.isInteger(le) || le < 1 || le > 256)) {
    throw new RangeError('buildCommand: Le must be 1..256');
  }
  const body = data === undefined ? [] : [data.length, ...data];
  const trailer = le === undefined ? [] : [le & 0xff]; // 256 → 00
  return Uint8Array.from([cla, ins, p1, p2, ...body, ...trailer]);
}

/** Decodes a short command APDU; the four cases are told apart by length (ISO 7816-3 §12.1). */
export function parseCommand(bytes: Uint8Array): Result<CommandApdu, CommandParseError> {
  if (bytes.length < 4) return err({ kind: 'command-too-short', length: bytes.length });
  const [cla, ins, p1, p2] = [bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0];
  if (bytes.length === 4) return ok({ cla, ins, p1, p2 });
  const b4 = bytes[4] ?? 0;
  if (bytes.length === 5) return ok({ cla, ins, p1, p2, le: b4 || 256 });
  if (b4 === 0) return err({ kind: 'extended-length-not-supported' });
  const data = bytes.slice(5, 5 + b4);
  if (bytes.length === 5 + b4) return ok({ cla, ins, p1, p2, data });
  if (bytes.length === 6 + b4) return ok({ cla, ins, p1, p2, data, le: bytes[5 + b4] || 256 });
  return err({ kind: 'lc-mismatch', lc: b4, length: bytes.length });
}

/** Splits a response into data and SW1 SW2. SW1 must be 61–6F or 90–9F (ISO 7816-4 §5.1.3). */
export function parseResponse(bytes: Uint8Array): Result<ResponseApdu, ResponseParseError> {
  if (bytes.length < 2) return err({ kind: 'response-too-short', length: bytes.length });
  const sw1 = bytes[bytes.length - 2] ?? 0;
  const sw2 = bytes[bytes.length - 1] ?? 0;
  const validSw1 = (sw1 >= 0x61 && sw1 <= 0x6f) || (sw1 >= 0x90 && sw1 <= 0x9f);
  if (!validSw1) return err({ kind: 'invalid-sw1', sw1 });
  return ok({ data: bytes.slice(0, -2), sw1, sw2, sw: (sw1 << 8) | sw2 });
}

/** The response to send back when a command is rejected with a status word only. */
export function statusResponse(sw: number): Uint8Array {
  return Uint8Array.of((sw >> 8) & 0xff, sw & 0xff);
}

/** GET RESPONSE, after 61xx (cards.md §1.4). */
export function getResponseCommand(length: number): Uint8Array {
  return buildCommand({ cla: 0x00, ins: 0xc0, p1: 0x00, p2: 0x00, le: length });
}

// A card that keeps answering 61xx or 6Cxx must not hold the counter forever.
const MAX_EXCHANGES = 64;
const MAX_RESPONSE_BYTES = 16 * 1024;

/**
 * Sends one command and returns its complete response: follows 61xx with GET RESPONSE
 * (accumulating the data) and re-issues the command with Le=xx after 6Cxx. Never throws: a
 * rejected transmit becomes transport-failed, an unreadable answer malformed-response.
 * Copies made here (a re-issued command may carry a credential) are zeroed after sending, and so
 * are the intermediate copies of the answer; with `wipeResponse` also the buffer the transport
 * returned (the answer to READ EF 0001 is a My Number). The caller zeroes `command` and the
 * returned data itself.
 */
export async function transceive(
  transport: CardTransport,
  command: Uint8Array,
  options: TransceiveOptions = {},
): Promise<Result<ResponseApdu, TransceiveError>> {
  const chunks: Uint8Array[] = [];
  let received = 0;
  let current = command;
  let lastWasReissue = false;
  try {
    for (let exchange = 0; exchange < MAX_EXCHANGES; exchange++) {
      const sent = await exchangeOnce(transport, current, options.wipeResponse === true);
      if (!sent.ok) return sent;
      const response = sent.value;
      received += response.data.length;
      if (received > MAX_RESPONSE_BYTES) return malformed('response longer than any card file');
      if (response.sw1 === 0x61) {
        chunks.push(response.data);
        replace(getResponseCommand(response.sw2 || 256));
        lastWasReissue = false;
        continue;
      }
      if (response.sw1 === 0x6c) {
        if (lastWasReissue) return malformed('card answered 6Cxx to a command already re-issued with its Le');
        const reissued = withLe(current, response.sw2 || 256);
        if (!reissued) return malformed('card answered 6Cxx to a command that cannot carry Le');
        replace(reissued);
        lastWasReissue = true;
        continue;
      }
      const data = concatBytes(...chunks, response.data);
      for (const chunk of [...chunks, response.data]) chunk.fill(0); // may have held a My Number
      return ok({ ...response, data });
    }
    return malformed('card kept answering 61xx/6Cxx');
  } finally {
    if (current !== command) current.fill(0);
  }

  function replace(next: Uint8Array): void {
    if (current !== command) current.fill(0);
    current = next;
  }
}

async function exchangeOnce(
  transport: CardTransport,
  command: Uint8Array,
  wipe: boolean,
): Promise<Result<ResponseApdu, TransceiveError>> {
  let bytes: Uint8Array;
  try {
    bytes = await transport.transmit(command);
  } catch (e) {
    return err({ kind: 'transport-failed', detail: describeFailure(e) });
  }
  const parsed = parseResponse(bytes);
  if (wipe) bytes.fill(0); // parseResponse copied the data; the raw answer held personal data
  if (parsed.ok) return parsed;
  const { error } = parsed;
  return malformed(
    error.kind === 'response-too-short'
      ? `response of ${error.length} bytes, at least 2 expected`
      : `invalid SW1 ${error.sw1.toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** The same command with another Le (a case 1/3 command becomes case 2/4). */
function withLe(command: Uint8Array, le: number): Uint8Array | undefined {
  const parsed = parseCommand(command);
  if (!parsed.ok) return undefined;
  const rebuilt = buildCommand({ ...parsed.value, le });
  parsed.value.data?.fill(0);
  return rebuilt;
}

function malformed(detail: string): { readonly ok: false; readonly error: TransceiveError } {
  return err({ kind: 'malformed-response', detail });
}

// Adapters must not put APDU bytes into error messages (transport.ts), so name + message is safe.
function describeFailure(e: unknown): string {
  const text = e instanceof Error ? `${e.name}: ${e.message}` : 'transmit failed';
  return text.slice(0, 200);
}
