// The PCD side of ISO/IEC 14443-4 block transmission (cards.md §4.1 step 7): one APDU out as
// I-blocks chained over FSC, the answer reassembled with R(ACK), S(WTX) echoed, and ONE recovery
// per block for a lost or garbled block (ISO/IEC 14443-4 §7.5.4 rules 4–6). Block numbers follow
// rule A/B: the PCD starts at 0 and toggles on every I-block or R(ACK) it receives with its number.

import { err, ok, type Result } from '../../result.ts';
import { concatBytes } from '../bytes.ts';
import { inCommRF, type Port100Link } from './chipset.ts';
import type { Rcs380Failure } from './errors.ts';
import {
  type BlockNumber,
  describeBlockError,
  encodeIBlock,
  encodeRBlock,
  encodeWtxResponse,
  type IsoDepBlock,
  parseBlock,
} from './iso-dep.ts';

type Outcome<T> = Result<T, Rcs380Failure>;

export interface IsoDepSession {
  /** INF bytes per block the card accepts (FSC − 3). */
  readonly maxInf: number;
  readonly fwtMs: number;
  pni: BlockNumber;
}

// A card that keeps asking for more time, or keeps chaining, must not hold the counter forever.
const MAX_WTX_IN_A_ROW = 32;
const MAX_RESPONSE_BYTES = 16 * 1024;

/** Sends one APDU and returns the whole response APDU, or a failure (never partial data). */
export async function exchangeApdu(
  link: Port100Link,
  session: IsoDepSession,
  apdu: Uint8Array,
): Promise<Outcome<Uint8Array>> {
  // Command chaining: every block but the last has the chaining bit and is answered by R(ACK).
  let offset = 0;
  for (;;) {
    const chunk = apdu.subarray(offset, offset + session.maxInf);
    offset += chunk.length;
    const last = offset >= apdu.length;
    const reply = await sendBlock(link, session, encodeIBlock(session.pni, !last, chunk), false);
    if (!reply.ok) return reply;
    if (last) return receiveResponse(link, session, reply.value);
    if (reply.value.kind !== 'r' || reply.value.nak) return protocolError('expected R(ACK) while chaining');
    session.pni = toggle(session.pni);
  }
}

/** Response chaining: an I-block with the chaining bit is followed by R(ACK) until the last one. */
async function receiveResponse(
  link: Port100Link,
  session: IsoDepSession,
  first: IsoDepBlock,
): Promise<Outcome<Uint8Array>> {
  const parts: Uint8Array[] = [];
  let total = 0;
  let block = first;
  for (;;) {
    if (block.kind !== 'i') return protocolError(`expected an I-block, got ${block.kind}`);
    if (block.blockNumber !== session.pni) return protocolError('I-block with the wrong block number');
    session.pni = toggle(session.pni);
    parts.push(block.inf);
    total += block.inf.length;
    if (total > MAX_RESPONSE_BYTES) return protocolError('response longer than any card file');
    if (!block.chaining) return ok(concatBytes(...parts));
    const next = await sendBlock(link, session, encodeRBlock(session.pni, false), true);
    if (!next.ok) return next;
    block = next.value;
  }
}

/**
 * Sends a block and returns the card's next I-block or R(ACK) for the current block number.
 * Handles S(WTX) (echo, then wait FWT × WTXM), a timeout or invalid block (one R(NAK), or R(ACK)
 * while the card chains: rules 4 and 5), and R(ACK) with the other block number (rule 6: the last
 * I-block is sent again, once).
 */
async function sendBlock(
  link: Port100Link,
  session: IsoDepSession,
  block: Uint8Array,
  cardIsChaining: boolean,
): Promise<Outcome<IsoDepBlock>> {
  let toSend = block;
  let timeoutMs = session.fwtMs;
  let recovered = false;
  let resent = false;
  let wtxInARow = 0;
  for (;;) {
    const rf = await inCommRF(link, toSend, timeoutMs);
    if (!rf.ok) return rf;
    timeoutMs = session.fwtMs;
    const parsed = rf.value.kind === 'frame' ? parseBlock(rf.value.bytes) : undefined;
    if (parsed === undefined || !parsed.ok) {
      if (recovered) {
        return parsed === undefined
          ? err({ kind: 'card-lost' })
          : protocolError(describeBlockError(parsed.error));
      }
      recovered = true;
      toSend = encodeRBlock(session.pni, !cardIsChaining);
      continue;
    }
    const answer = parsed.value;
    switch (answer.kind) {
      case 's-wtx':
        if (++wtxInARow > MAX_WTX_IN_A_ROW) return protocolError('too many S(WTX) in a row');
        toSend = encodeWtxResponse(answer.wtxm);
        timeoutMs = session.fwtMs * answer.wtxm;
        continue;
      case 's-deselect':
        return protocolError('card sent S(DESELECT)');
      case 'r':
        if (answer.nak) return protocolError('card sent R(NAK)');
        if (answer.blockNumber === session.pni) return ok(answer);
        if (resent || cardIsChaining) return protocolError('R(ACK) with the wrong block number');
        resent = true;
        toSend = block;
        continue;
      case 'i':
        return ok(answer);
    }
  }
}

function toggle(n: BlockNumber): BlockNumber {
  return n === 0 ? 1 : 0;
}

function protocolError(detail: string): { readonly ok: false; readonly error: Rcs380Failure } {
  return err({ kind: 'card-protocol', detail });
}
