// Identifiers of the IC driver's licence (IC運転免許証), shared by the reader and the emulator so
// that both speak the same card. cards.md §2.1–§2.3 (after TRET; the NPA spec itself was not read).
import { fromHex } from '../bytes.ts';

/** DF1 記載事項 (entries): SELECT by DF name, 16 bytes (§2.1). */
export const LICENCE_DF1_AID = fromHex('A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00');
/** DF2 写真 (photo). */
export const LICENCE_DF2_AID = fromHex('A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00');

export const LICENCE_FID = {
  /** MF/EF01 共通データ要素: 17 bytes, no PIN. */
  commonData: 0x2f01,
  /** MF/IEF01, MF/IEF02: the PIN key EFs. */
  pin1Key: 0x0001,
  pin2Key: 0x0002,
  /** DF1/EF01 記載事項 (except 本籍): 880 bytes, PIN1. */
  entries: 0x0001,
  /** DF1/EF02 本籍: PIN1 and PIN2. */
  registeredDomicile: 0x0002,
  /** DF2/EF01 写真: PIN1 and PIN2, 2005 bytes. */
  photo: 0x0001,
} as const;

/** VERIFY P2: 80 | SFI of the key EF in the MF — IEF01 = 81, IEF02 = 82 (§2.2). */
export const VERIFY_P2 = { pin1: 0x81, pin2: 0x82 } as const;

/** Each PIN locks after 3 consecutive failures (§2.2). */
export const LICENCE_PIN_TRIES = 3;

export const ENTRIES_FILE_LENGTH = 880;
export const COMMON_DATA_LENGTH = 17;
export const PHOTO_FILE_LENGTH = 2005;

/** DF1/EF01 tags (§2.3, TRET DriversLicenseCard.swift). */
export const ENTRY_TAG = {
  jisEdition: 0x11,
  name: 0x12,
  callName: 0x13,
  alias: 0x14,
  unifiedNameKana: 0x15,
  birthDate: 0x16,
  address: 0x17,
  issueDate: 0x18,
  referenceNumber: 0x19,
  colour: 0x1a,
  expiryDate: 0x1b,
  condition1: 0x1c,
  condition4: 0x1f,
  commission: 0x20,
  licenceNumber: 0x21,
  firstClassDate: 0x22,
  lastClassDate: 0x33,
} as const;

/** Tags 22–33 in order: the licence classes whose 取得年月日 they give (§2.3). */
export const LICENCE_CLASSES = [
  '二・小・原',
  '他',
  '二種',
  '大型',
  '普通',
  '大特',
  '大自二',
  '普自二',
  '小特',
  '原付',
  'け引',
  '大二',
  '普二',
  '大特二',
  'け引二',
  '中型',
  '中二',
  '準中型',
] as const;

export type LicenceClass = (typeof LICENCE_CLASSES)[number];
