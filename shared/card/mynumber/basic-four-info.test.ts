import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../bytes.ts';
import { encodeTlv } from '../tlv.ts';
import {
  describeBasicFourInfoError,
  locateBasicFourInfo,
  parseBasicFourInfo,
  parseBasicFourInfoFile,
} from './basic-four-info.ts';

// The cards.md §1.6 layout with short texts: FF 20 L { DF21 table, DF22 "A　B", DF23 "東京", DF24, DF25 }.
const NAME = 'E3 82 A2 E3 80 80 E3 82 A4'; // ア　イ
const ADDRESS = 'E6 9D B1 E4 BA AC'; // 東京
function file(fields: { name?: string; address?: string; birth?: string; sex?: string } = {}): Uint8Array {
  const inner = [
    'DF 21 08 00 0E 00 1A 00 23 00 2E',
    `DF 22 ${fields.name ?? `09 ${NAME}`}`,
    `DF 23 ${fields.address ?? `06 ${ADDRESS}`}`,
    `DF 24 ${fields.birth ?? '08 32 30 32 30 30 32 32 34'}`,
    `DF 25 ${fields.sex ?? '01 32'}`,
  ]
    .join(' ')
    .trim();
  return encodeTlv(0xff20, fromHex(inner));
}

describe('parseBasicFourInfo (EF 0002)', () => {
  it('decodes UTF-8 texts, the birth date as ISO and the sex digit', () => {
    expect(parseBasicFourInfo(file())).toEqual({
      ok: true,
      value: { name: 'ア　イ', address: '東京', birthDate: '2020-02-24', sex: '2' },
    });
  });

  it('finds FF 20 after 2 leading bytes and ignores filler after the object', () => {
    const bytes = concatBytes(fromHex('00 00'), file(), fromHex('FF FF FF'));
    expect(parseBasicFourInfo(bytes)).toMatchObject({ ok: true, value: { name: 'ア　イ' } });
    expect(locateBasicFourInfo(bytes.subarray(0, 7))).toEqual({
      ok: true,
      value: { start: 2, totalLength: 2 + file().length },
    });
  });

  it('keeps the raw TLVs for the later DF32 digest (DF 22 tag .. end of DF 25)', () => {
    const parsed = parseBasicFourInfoFile(file());
    if (!parsed.ok) throw new Error('parse');
    const { name, sex } = parsed.value.fields;
    expect(name.offset).toBe(0x0e);
    expect(toHex(file().subarray(name.offset, sex.end)).startsWith('DF 22 09')).toBe(true);
    expect(sex.end).toBe(file().length);
  });

  it('accepts the JIS X 0303 codes 9 and 0, rejects anything else', () => {
    expect(parseBasicFourInfo(file({ sex: '01 39' }))).toMatchObject({ ok: true, value: { sex: '9' } });
    expect(parseBasicFourInfo(file({ sex: '01 30' }))).toMatchObject({ ok: true, value: { sex: '0' } });
    expect(parseBasicFourInfo(file({ sex: '01 33' }))).toEqual({ ok: false, error: { kind: 'bad-sex' } });
    expect(parseBasicFourInfo(file({ sex: '02 31 31' }))).toEqual({ ok: false, error: { kind: 'bad-sex' } });
  });

  it('rejects birth dates that are not real YYYYMMDD', () => {
    for (const birth of [
      '08 32 30 32 30 30 32 33 30',
      '08 32 30 32 30 31 33 30 31',
      '06 32 30 32 30 30 32',
      '08 32 30 32 30 2D 32 2D 34',
    ]) {
      expect(parseBasicFourInfo(file({ birth }))).toEqual({ ok: false, error: { kind: 'bad-birth-date' } });
    }
  });

  it('rejects invalid UTF-8 in name or address (fatal decoder)', () => {
    expect(parseBasicFourInfo(file({ name: '02 C3 28' }))).toEqual({
      ok: false,
      error: { kind: 'not-utf8', field: 'name' },
    });
    expect(parseBasicFourInfo(file({ address: '03 E6 9D 20' }))).toEqual({
      ok: false,
      error: { kind: 'not-utf8', field: 'address' },
    });
  });

  it('names a missing field, a missing header and a truncated file', () => {
    const withoutSex = encodeTlv(
      0xff20,
      fromHex(
        `DF 21 08 00 0E 00 1A 00 23 00 2E DF 22 09 ${NAME} DF 23 06 ${ADDRESS} DF 24 08 32 30 32 30 30 32 32 34`,
      ),
    );
    expect(parseBasicFourInfo(withoutSex)).toEqual({
      ok: false,
      error: { kind: 'missing-field', field: 'sex' },
    });
    expect(parseBasicFourInfo(fromHex('6A 82'))).toEqual({ ok: false, error: { kind: 'header-not-found' } });
    expect(parseBasicFourInfo(file().subarray(0, 40))).toMatchObject({
      ok: false,
      error: { kind: 'bad-tlv', error: { kind: 'truncated', part: 'value' } },
    });
  });

  it('describes errors without quoting card data', () => {
    const described = describeBasicFourInfoError({ kind: 'not-utf8', field: 'name' });
    expect(described).toBe('EF 0002: name is not UTF-8');
  });

  it('never throws on arbitrary bytes, with or without an FF 20 header (fuzz)', () => {
    const arbitrary = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.uint8Array({ maxLength: 300 }).map((b) => concatBytes(fromHex('FF 20'), b)),
      fc.uint8Array({ maxLength: 300 }).map((b) => concatBytes(fromHex('FF 20 81'), b)),
      fc
        .tuple(fc.nat(file().length), fc.nat(255))
        .map(([at, value]) => Uint8Array.from(file(), (b, i) => (i === at ? value : b))),
    );
    fc.assert(
      fc.property(arbitrary, (bytes) => {
        const parsed = parseBasicFourInfo(bytes);
        expect(typeof parsed.ok).toBe('boolean');
        if (!parsed.ok) expect(describeBasicFourInfoError(parsed.error)).toMatch(/^EF 0002: /);
      }),
      { numRuns: 5000 },
    );
  });
});
