// The bytes of the emulated 券面事項入力補助AP files, laid out exactly as cards.md §1.6 describes
// (myna-card fixture): the emulator must answer what a real card answers, byte for byte.
import { asciiBytes, concatBytes, u16be } from '../bytes.ts';
import type { BasicFourInfo } from '../mynumber/basic-four-info.ts';
import { BASIC_FOUR_INFO_TAG, MY_NUMBER_TAG } from '../mynumber/identifiers.ts';
import { encodeLength, encodeTag, encodeTlv } from '../tlv.ts';

/** EF 0001: FF 10 0C + 12 ASCII digits + FF FF filler, 17 bytes (the filler is hashed, §1.8). */
export function encodeMyNumberFile(myNumber: string): Uint8Array {
  if (!/^\d{12}$/.test(myNumber)) throw new RangeError('encodeMyNumberFile: not 12 digits');
  return concatBytes(encodeTlv(MY_NUMBER_TAG, asciiBytes(myNumber)), Uint8Array.of(0xff, 0xff));
}

/**
 * EF 0002: FF 20 L { DF 21 08 <4 × u16 BE offsets of DF22..DF25 from the file start>, DF 22 name,
 * DF 23 address, DF 24 YYYYMMDD, DF 25 sex }. The outer length takes the 81 xx / 82 xx xx form
 * when a long address needs it, which shifts every offset by the extra header bytes.
 */
export function encodeBasicFourInfoFile(info: BasicFourInfo): Uint8Array {
  const utf8 = new TextEncoder();
  const fields = [
    encodeTlv(BASIC_FOUR_INFO_TAG.name, utf8.encode(info.name)),
    encodeTlv(BASIC_FOUR_INFO_TAG.address, utf8.encode(info.address)),
    encodeTlv(BASIC_FOUR_INFO_TAG.birthDate, asciiBytes(info.birthDate.replaceAll('-', ''))),
    encodeTlv(BASIC_FOUR_INFO_TAG.sex, asciiBytes(info.sex)),
  ];
  const OFFSET_TABLE_TLV_LENGTH = 3 + 8; // DF 21 08 + 4 offsets
  const contentLength = OFFSET_TABLE_TLV_LENGTH + fields.reduce((n, f) => n + f.length, 0);
  const header = concatBytes(encodeTag(BASIC_FOUR_INFO_TAG.outer), encodeLength(contentLength));

  const offsets: Uint8Array[] = [];
  let offset = header.length + OFFSET_TABLE_TLV_LENGTH;
  for (const field of fields) {
    offsets.push(u16be(offset));
    offset += field.length;
  }
  const offsetTable = encodeTlv(BASIC_FOUR_INFO_TAG.offsetTable, concatBytes(...offsets));
  return concatBytes(header, offsetTable, ...fields);
}
