// The PIN path: the 4-digit 券面事項入力補助用暗証番号 opens EF 0001 (the My Number) as well as
// EF 0002 (cards.md §1.7). Only for procedures that legally need the number (番号法, mission.md);
// the default at the counter is 照合番号B (input-support-ap.ts). The PIN locks after 3 wrong
// entries and only the municipality can reset it (§1.5), so the last try needs confirmLastTry.
import { err, ok, type Result } from '../../result.ts';
import { asciiBytes } from '../bytes.ts';
import type { CardReadError } from '../errors.ts';
import { readBinaryShortEf } from '../iso7816.ts';
import { withCardSession } from '../session.ts';
import type { CardTransport } from '../transport.ts';
import { INPUT_SUPPORT_EF } from './identifiers.ts';
import type { BasicFourInfoReading, ReadOptions } from './input-support-ap.ts';
import { readUnlockedBasicFourInfo } from './input-support-ap.ts';
import { presentKey } from './key-verification.ts';
import { parseMyNumberFile } from './my-number-file.ts';

export interface PinReadOptions extends ReadOptions {
  /** Says out loud that this procedure needs the My Number: reading EF 0001 is never a default. */
  readonly needMyNumber: true;
}

export interface PinReading extends BasicFourInfoReading {
  /**
   * 個人番号, check digit verified. A string cannot be zeroed: keep it only as long as the
   * procedure needs it, never log it, and drop every reference when the resident is done.
   */
  readonly myNumber: string;
}

type CardResult<T> = Result<T, CardReadError>;

/**
 * Reads the 基本4情報 and the My Number with the PIN, and checks both against EF 0003 (DF31 covers
 * EF 0001 as stored, FF FF filler included, §1.8). The PIN is never retried here; a wrong one
 * gives wrong-pin with the tries left. Every buffer that held the PIN or the number is zeroed.
 * APDUs: 8 without a trust store; 9 with one once the issuer certificate is known (11 the first
 * time); +4 with provePresence.
 */
export async function readWithPin(
  transport: CardTransport,
  pin: string,
  options: PinReadOptions,
): Promise<CardResult<PinReading>> {
  if (!/^\d{4}$/.test(pin)) return err({ kind: 'invalid-pin' });
  return withCardSession(transport, async () => {
    const opened = await presentKey(transport, 'pin', asciiBytes(pin), options.confirmLastTry === true);
    if (!opened.ok) return opened;

    // EF 0001 in one READ by short EF id, Le 00: the card reads to the end of the file, so the
    // answer is the physical 17 bytes the DF31 digest covers (§1.8). The transport's buffer is wiped.
    const myNumberFile = await readBinaryShortEf(transport, INPUT_SUPPORT_EF.myNumber, {
      wipeResponse: true,
    });
    if (!myNumberFile.ok) return myNumberFile;
    try {
      const myNumber = parseMyNumberFile(myNumberFile.value);
      if (!myNumber.ok) {
        return err(
          myNumber.error.kind === 'bad-check-digit'
            ? { kind: 'my-number-invalid' }
            : { kind: 'malformed-response', detail: `EF 0001: ${myNumber.error.kind}` },
        );
      }
      const read = await readUnlockedBasicFourInfo(transport, {
        ...options,
        myNumberFile: myNumberFile.value,
      });
      if (!read.ok) return read;
      return ok({
        ...read.value.info,
        myNumber: myNumber.value,
        evidence: { source: 'mynumber-input-support-ap', unlockedWith: 'pin', checks: read.value.checks },
      });
    } finally {
      myNumberFile.value.fill(0);
    }
  });
}
