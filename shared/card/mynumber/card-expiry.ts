// The card's 有効期限 (expiry) without any credential, so the UI can warn about an expired card
// BEFORE asking for 照合番号B or a PIN. cards.md §1.10: the 共通AP (common card AP) EF 0001
// record 1 is free to read: simple TLV 01 1C + 28 ASCII digits = 15-digit serial number,
// 5-digit municipality code, expiry YYYYMMDD (myna-card src/ap/common.rs, confirmed against the
// expiry year in 照合番号B; an older tool reads it as a manufacture number). The record is not
// signed: fine for a warning and for staff to compare with the card, not evidence.
import { err, ok, type Result } from '../../result.ts';
import { parseIsoDate } from '../../wareki.ts';
import { SW } from '../apdu.ts';
import type { CardReadError } from '../errors.ts';
import { readRecord, selectApplication, selectFile, statusError } from '../iso7816.ts';
import { withCardSession } from '../session.ts';
import type { CardTransport } from '../transport.ts';
import { COMMON_AP_AID } from './identifiers.ts';

export interface CardExpiry {
  /** The card's 15-digit serial number (cards.md §1.10; an older tool calls it a manufacture number). */
  readonly serialNumber: string;
  /** 有効期限, 'YYYY-MM-DD'. The card can be used through this day. */
  readonly expiryDate: string;
  /** 全国地方公共団体コード (5 digits, no check digit) of the issuing municipality. */
  readonly municipalityCode: string;
}

export type CommonCardInfoError = { readonly kind: 'wrong-shape' } | { readonly kind: 'bad-expiry-date' };

const CARD_INFO_EF = 0x0001;
const CARD_INFO_TAG = 0x01;
const CARD_INFO_LENGTH = 28;

/** Record 1 of 共通AP EF 0001 → serial, municipality and expiry. Pure; never throws. */
export function parseCommonCardInfo(record: Uint8Array): Result<CardExpiry, CommonCardInfoError> {
  if (record.length < 2 + CARD_INFO_LENGTH || record[0] !== CARD_INFO_TAG || record[1] !== CARD_INFO_LENGTH)
    return err({ kind: 'wrong-shape' });
  const digits = record.subarray(2, 2 + CARD_INFO_LENGTH);
  if (!digits.every((b) => b >= 0x30 && b <= 0x39)) return err({ kind: 'wrong-shape' });
  const text = String.fromCharCode(...digits);
  const expiry = `${text.slice(20, 24)}-${text.slice(24, 26)}-${text.slice(26, 28)}`;
  if (!parseIsoDate(expiry)) return err({ kind: 'bad-expiry-date' });
  return ok({ serialNumber: text.slice(0, 15), expiryDate: expiry, municipalityCode: text.slice(15, 20) });
}

/** True when `today` ('YYYY-MM-DD', from the caller's Clock) is after the expiry date. */
export function isCardExpired(expiry: CardExpiry, today: string): boolean {
  return today > expiry.expiryDate;
}

/** SELECT 共通AP, SELECT EF 0001, READ RECORD 1: 3 APDUs, no credential, nothing spent. */
export async function readCardExpiry(transport: CardTransport): Promise<Result<CardExpiry, CardReadError>> {
  return withCardSession(transport, async () => {
    const ap = await selectApplication(transport, COMMON_AP_AID);
    if (!ap.ok) return ap;
    if (ap.value === SW.fileNotFound) return err({ kind: 'not-mynumber-card' });
    if (ap.value !== SW.success) return err(statusError(ap.value));
    const selected = await selectFile(transport, CARD_INFO_EF);
    if (!selected.ok) return selected;
    const record = await readRecord(transport, 1);
    if (!record.ok) return record;
    const parsed = parseCommonCardInfo(record.value);
    return parsed.ok
      ? parsed
      : err({ kind: 'malformed-response', detail: `common AP EF 0001: ${parsed.error.kind}` });
  });
}
