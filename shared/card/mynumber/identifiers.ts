// Identifiers of the 券面事項入力補助AP (text input-support application) of the My Number Card,
// shared by the reader (input-support-ap.ts) and the emulator so that both speak the same card.
import { fromHex } from '../bytes.ts';

/** cards.md §1.2. */
export const INPUT_SUPPORT_AP_AID = fromHex('D3 92 10 00 31 00 01 01 04 08');

/** EFs of the AP (cards.md §1.6) and its key reference EFs (§1.5). */
export const INPUT_SUPPORT_EF = {
  /** 個人番号: FF 10 0C + 12 ASCII digits + FF FF. PIN or 照合番号A. */
  myNumber: 0x0001,
  /** 基本4情報 (name, address, birth date, sex). PIN or 照合番号B. */
  basicFourInfo: 0x0002,
  /** Integrity record: DF31/DF32 digests of EF 0001/0002, DF33 issuer signature. PIN or 照合番号. */
  integrity: 0x0003,
  /** Card-verifiable certificate of the issuer key (signed by a J-LIS CA). Free. */
  certificate: 0x0004,
  /** The card's own signing public key (DF51), signed by the issuer (DF52). PIN or 照合番号. */
  cardKey: 0x0007,
  /** 券面事項入力補助用暗証番号: the 4-digit PIN. */
  pinKey: 0x0011,
  /** 照合番号A: the 12-digit My Number used as a key. */
  collationAKey: 0x0014,
  /** 照合番号B: the 14 digits built from the card face (collation-b.ts). */
  collationBKey: 0x0015,
} as const;

/**
 * Tries before a key locks. The PIN's 3 is confirmed by several sources; the 照合番号 limits are
 * UNVERIFIED (cards.md §1.5 note: 10 per a vendor and the Digital Agency). The reader never relies
 * on these: it asks the card (empty VERIFY → 63 Cx).
 */
export const INPUT_SUPPORT_TRIES = { pin: 3, collationA: 10, collationB: 10 } as const;

/** Tags of EF 0002 (cards.md §1.6). */
export const BASIC_FOUR_INFO_TAG = {
  outer: 0xff20,
  offsetTable: 0xdf21,
  name: 0xdf22,
  address: 0xdf23,
  birthDate: 0xdf24,
  sex: 0xdf25,
} as const;

export const MY_NUMBER_TAG = 0xff10;

/** Tags of the authenticity files (cards.md §1.6, §1.8). */
export const AUTHENTICITY_TAG = {
  integrity: 0xff30,
  myNumberDigest: 0xdf31,
  basicFourInfoDigest: 0xdf32,
  integritySignature: 0xdf33,
  certificate: 0x7f21,
  certificateBody: 0x5f4e,
  certificateSignature: 0x5f37,
  cardKey: 0xff50,
  cardPublicKey: 0xdf51,
  cardKeySignature: 0xdf52,
  rsaExponent: 0x90,
  rsaModulus: 0x91,
} as const;

/** 共通AP (common card AP): its EF 0001 record 1 holds the expiry, readable freely (§1.10). */
export const COMMON_AP_AID = fromHex('D3 92 10 00 31 00 01 01 01 00');
