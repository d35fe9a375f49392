// The ISO/IEC 7816-4 commands the card readers here need (cards.md §1.3), each returning a
// Result with a CardReadError. Shared by the 券面事項入力補助AP reader and, later, the PIN path,
// the authenticity checks and the driver's licence.

import { err, ok, type Result } from '../result.ts';
import { buildCommand, SW, transceive } from './apdu.ts';
import { concatBytes } from './bytes.ts';
import type { CardReadError } from './errors.ts';
import type { CardTransport } from './transport.ts';

type CardResult<T> = Result<T, CardReadError>;

/** What a key reference EF says about itself (cards.md §1.4). */
export type KeyRetryStatus =
  | { readonly kind: 'tries-left'; readonly triesLeft: number } // 63 Cx, x > 0
  | { readonly kind: 'blocked' } // 63 C0, or 69 84 to a VERIFY
  | { readonly kind: 'already-verified' } // 90 00 to an empty VERIFY: count not reported
  | { readonly kind: 'no-limit' }; // 63 00

export type VerifyOutcome =
  | { readonly kind: 'verified' }
  | { readonly kind: 'wrong'; readonly triesLeft: number }
  | { readonly kind: 'blocked' };

/** A status word no step expected, as an error value. */
export function statusError(sw: number): CardReadError {
  if (sw === SW.securityNotSatisfied) return { kind: 'security-not-satisfied' };
  if (sw === SW.fileNotFound) return { kind: 'file-not-found' };
  return { kind: 'unexpected-status', sw };
}

/** SELECT by DF name, no FCI: 00 A4 04 0C Lc AID. Gives the raw SW so callers can read 6A 82. */
export async function selectApplication(
  transport: CardTransport,
  aid: Uint8Array,
): Promise<CardResult<number>> {
  const response = await transceive(
    transport,
    buildCommand({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: aid }),
  );
  return response.ok ? ok(response.value.sw) : response;
}

/** SELECT EF by file id, no FCI: 00 A4 02 0C 02 FID. */
export async function selectFile(transport: CardTransport, fid: number): Promise<CardResult<void>> {
  const data = Uint8Array.of((fid >> 8) & 0xff, fid & 0xff);
  const response = await transceive(transport, buildCommand({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data }));
  if (!response.ok) return response;
  return response.value.sw === SW.success ? ok(undefined) : err(statusError(response.value.sw));
}

/** Empty VERIFY 00 20 00 80 on the selected key EF: reads the tries left WITHOUT spending one. */
export async function queryKeyRetries(transport: CardTransport): Promise<CardResult<KeyRetryStatus>> {
  const response = await transceive(transport, buildCommand({ cla: 0, ins: 0x20, p1: 0x00, p2: 0x80 }));
  if (!response.ok) return response;
  const { sw, sw1, sw2 } = response.value;
  if (sw === SW.success) return ok({ kind: 'already-verified' });
  if (sw === SW.keyBlocked || sw === 0x63c0) return ok({ kind: 'blocked' });
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return ok({ kind: 'tries-left', triesLeft: sw2 & 0x0f });
  if (sw === 0x6300) return ok({ kind: 'no-limit' });
  return err(statusError(sw));
}

/**
 * VERIFY 00 20 00 80 Lc <secret> on the selected key EF. Spends a try when wrong. `secret` and
 * the command that carried it are overwritten with zeros once sent (credentials do not linger).
 */
export async function verifyKey(
  transport: CardTransport,
  secret: Uint8Array,
): Promise<CardResult<VerifyOutcome>> {
  let command: Uint8Array;
  try {
    command = buildCommand({ cla: 0, ins: 0x20, p1: 0x00, p2: 0x80, data: secret });
  } finally {
    secret.fill(0);
  }
  const response = await transceive(transport, command);
  command.fill(0);
  if (!response.ok) return response;
  const { sw, sw1, sw2 } = response.value;
  if (sw === SW.success) return ok({ kind: 'verified' });
  if (sw === SW.keyBlocked || sw === 0x63c0) return ok({ kind: 'blocked' });
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0) return ok({ kind: 'wrong', triesLeft: sw2 & 0x0f });
  return err(statusError(sw));
}

/** READ BINARY 00 B0 <offset 15 bits> <Le ≤ 256> of the selected EF. */
export async function readBinary(
  transport: CardTransport,
  offset: number,
  length: number,
): Promise<CardResult<Uint8Array>> {
  if (!Number.isInteger(offset) || offset < 0 || offset > 0x7fff) {
    return err({ kind: 'malformed-response', detail: 'READ BINARY offset beyond 15 bits' });
  }
  const command = buildCommand({ cla: 0, ins: 0xb0, p1: offset >> 8, p2: offset & 0xff, le: length });
  const response = await transceive(transport, command);
  if (!response.ok) return response;
  // 62 82 = end of file reached before Le bytes: the data is good, there is just less (§1.4).
  if (response.value.sw === SW.success || response.value.sw === SW.endOfFileBeforeLe)
    return ok(response.value.data);
  return err(statusError(response.value.sw));
}

/** Reads `length` bytes from `offset` of the selected EF in chunks of at most 256 bytes. */
export async function readBinaryRange(
  transport: CardTransport,
  offset: number,
  length: number,
): Promise<CardResult<Uint8Array>> {
  const chunks: Uint8Array[] = [];
  let read = 0;
  while (read < length) {
    const chunk = await readBinary(transport, offset + read, Math.min(256, length - read));
    if (!chunk.ok) {
      const endOfFile = chunk.error.kind === 'unexpected-status' && chunk.error.sw === SW.offsetOutOfRange;
      return endOfFile
        ? err({ kind: 'malformed-response', detail: 'file shorter than its header says' })
        : chunk;
    }
    if (chunk.value.length === 0)
      return err({ kind: 'malformed-response', detail: 'READ BINARY returned no data' });
    chunks.push(chunk.value);
    read += chunk.value.length;
  }
  return ok(concatBytes(...chunks).subarray(0, length));
}

/**
 * READ BINARY by short EF id, 00 B0 <80|SFI> <offset 8 bits> <Le>: selects the EF and reads it
 * in one exchange, saving the SELECT (cards.md §1.3). Every EF of the My Number Card's APs has a
 * FID in 0001–001E, whose SFI is the FID itself (myna-card src/card.rs, JICSAP 4.2 (2)). Le 256
 * (sent as 00) asks for up to 256 bytes: the card reads to the end of the file within that limit.
 * Afterwards the EF is the current one, so a 15-bit-offset READ BINARY can continue it.
 */
export async function readBinaryShortEf(
  transport: CardTransport,
  sfi: number,
  options: { readonly length?: number; readonly wipeResponse?: boolean } = {},
): Promise<CardResult<Uint8Array>> {
  if (!Number.isInteger(sfi) || sfi < 1 || sfi > 30) {
    return err({ kind: 'malformed-response', detail: 'short EF id out of range' });
  }
  const command = buildCommand({ cla: 0, ins: 0xb0, p1: 0x80 | sfi, p2: 0, le: options.length ?? 256 });
  const response = await transceive(transport, command, { wipeResponse: options.wipeResponse === true });
  if (!response.ok) return response;
  if (response.value.sw === SW.success || response.value.sw === SW.endOfFileBeforeLe)
    return ok(response.value.data);
  return err(statusError(response.value.sw));
}

/**
 * A whole TLV file in as few READ BINARY as possible: the first 256 bytes by short EF id, then
 * whatever `totalLength` (computed from those first bytes) says is missing. Files over `maxLength`
 * are refused rather than read (a garbage header must not keep the reader busy).
 */
export async function readShortEfFile(
  transport: CardTransport,
  sfi: number,
  totalLength: (head: Uint8Array) => Result<number, string>,
  maxLength: number,
): Promise<CardResult<Uint8Array>> {
  const head = await readBinaryShortEf(transport, sfi);
  if (!head.ok) return head;
  const total = totalLength(head.value);
  if (!total.ok) return err({ kind: 'malformed-response', detail: total.error });
  if (total.value > maxLength)
    return err({
      kind: 'malformed-response',
      detail: `EF ${sfiName(sfi)} header claims ${total.value} bytes`,
    });
  if (head.value.length >= total.value) return ok(head.value.subarray(0, total.value));
  const rest = await readBinaryRange(transport, head.value.length, total.value - head.value.length);
  return rest.ok ? ok(concatBytes(head.value, rest.value)) : rest;
}

function sfiName(sfi: number): string {
  return sfi.toString(16).toUpperCase().padStart(4, '0');
}

/** READ RECORD 00 B2 <record> 04 00: one record of the selected record EF (cards.md §1.3, 共通AP). */
export async function readRecord(transport: CardTransport, record: number): Promise<CardResult<Uint8Array>> {
  const command = buildCommand({ cla: 0, ins: 0xb2, p1: record, p2: 0x04, le: 256 });
  const response = await transceive(transport, command);
  if (!response.ok) return response;
  return response.value.sw === SW.success ? ok(response.value.data) : err(statusError(response.value.sw));
}
