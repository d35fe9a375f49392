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
