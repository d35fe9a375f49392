import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { parseBasicFourInfo } from '../mynumber/basic-four-info.ts';
import { encodeBasicFourInfoFile, encodeMyNumberFile } from './card-files.ts';
import { findPersona } from './personas.ts';

function persona(id: string) {
  const p = findPersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

describe('emulated card files (cards.md §1.6)', () => {
  it('lays out EF 0002 of 山田　太郎 exactly like the myna-card fixture', () => {
    // Same shape as the fixture: 15-byte name, 54-byte address, so the same header and offsets.
    const expected = fromHex(
      [
        'FF 20 65', // outer FF20, length 0x65
        'DF 21 08 00 0E 00 20 00 59 00 64', // offsets of DF22, DF23, DF24, DF25 from the file start
        'DF 22 0F E5 B1 B1 E7 94 B0 E3 80 80 E5 A4 AA E9 83 8E', // 山田　太郎
        'DF 23 36 E6 9D B1 E4 BA AC E9 83 BD E5 8D 83 E4 BB A3 E7 94 B0 E5 8C BA E9 9C 9E E3 81 8C', // 東京都千代田区霞が
        'E9 96 A2 EF BC 91 E4 B8 81 E7 9B AE EF BC 92 E7 95 AA EF BC 91 EF BC 93 E5 8F B7', // 関１丁目２番１３号
        'DF 24 08 31 39 38 30 30 32 31 37', // "19800217"
        'DF 25 01 31', // "1"
      ].join(' '),
    );
    expect(toHex(encodeBasicFourInfoFile(persona('yamada-taro')))).toBe(toHex(expected));
  });

  it('uses FF 20 81 xx for a long address, and every offset moves by the extra byte', () => {
    const bytes = encodeBasicFourInfoFile(persona('suzuki-hinata'));
    // name 18 bytes, address 120 bytes: content 11 + 21 + 123 + 11 + 4 = 170 = 0xAA
    expect(toHex(bytes.subarray(0, 15))).toBe('FF 20 81 AA DF 21 08 00 0F 00 24 00 9F 00 AA');
    expect(bytes.length).toBe(4 + 0xaa);
    expect(toHex(bytes.subarray(0x0f, 0x12))).toBe('DF 22 12');
    expect(toHex(bytes.subarray(0x24, 0x27))).toBe('DF 23 78');
    expect(toHex(bytes.subarray(0x9f, 0xa2))).toBe('DF 24 08');
    expect(toHex(bytes.subarray(0xaa))).toBe('DF 25 01 32');
  });

  it('uses FF 20 82 xx xx when the file passes 256 bytes', () => {
    const bytes = encodeBasicFourInfoFile(persona('tanaka-ichiro'));
    // The 225-byte address itself needs DF 23 81 E1: content 11 + 18 + 229 + 11 + 4 = 273 = 0x111.
    expect(toHex(bytes.subarray(0, 16))).toBe('FF 20 82 01 11 DF 21 08 00 10 00 22 01 07 01 12');
    expect(bytes.length).toBe(5 + 0x111);
    expect(toHex(bytes.subarray(0x10, 0x13))).toBe('DF 22 0F');
    expect(toHex(bytes.subarray(0x22, 0x26))).toBe('DF 23 81 E1');
    expect(toHex(bytes.subarray(0x107, 0x10a))).toBe('DF 24 08');
    expect(toHex(bytes.subarray(0x112))).toBe('DF 25 01 31');
  });

  it('stores EF 0001 as FF 10 0C + 12 ASCII digits + FF FF (17 bytes)', () => {
    expect(toHex(encodeMyNumberFile('123456789018'))).toBe(
      'FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF',
    );
    expect(() => encodeMyNumberFile('12345')).toThrow(RangeError);
  });

  it('parses back to what was encoded, for the fixture-shaped file', () => {
    expect(parseBasicFourInfo(encodeBasicFourInfoFile(persona('yamada-taro')))).toEqual({
      ok: true,
      value: {
        name: '山田　太郎',
        address: '東京都千代田区霞が関１丁目２番１３号',
        birthDate: '1980-02-17',
        sex: '1',
      },
    });
  });
});
