import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { encodeEntriesFile } from './card-files.ts';
import { parseCommonData } from './common-data.ts';
import { DriversLicenceEmulator } from './emulator.ts';
import { parseLicenceEntries } from './entries.ts';
import { findLicencePersona, LICENCE_PERSONAS, type LicencePersona } from './personas.ts';

function persona(id: string): LicencePersona {
  const p = findLicencePersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

/** Sends hex, returns the answer as hex ("90 00"). */
function card(p = persona('menkyo-taro')) {
  const emulator = new DriversLicenceEmulator(p);
  const send = (hex: string) => toHex(emulator.process(fromHex(hex)));
  return { emulator, send };
}

const SELECT_MF = '00 A4 00 00';
const SELECT_DF1 = '00 A4 04 0C 10 A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00';
const SELECT_DF2 = '00 A4 04 0C 10 A0 00 00 02 31 02 00 00 00 00 00 00 00 00 00 00';
const QUERY_PIN1 = '00 20 00 81';
const VERIFY_1234 = '00 20 00 81 04 31 32 33 34';
const VERIFY_0000 = '00 20 00 81 04 30 30 30 30';

describe('licence personas', () => {
  it('are at least three, fictional, with unique ids and licence numbers', () => {
    expect(LICENCE_PERSONAS.length).toBeGreaterThanOrEqual(3);
    expect(new Set(LICENCE_PERSONAS.map((p) => p.id)).size).toBe(LICENCE_PERSONAS.length);
    expect(new Set(LICENCE_PERSONAS.map((p) => p.licenceNumber)).size).toBe(LICENCE_PERSONAS.length);
    for (const p of LICENCE_PERSONAS) {
      expect(p.licenceNumber).toMatch(/^9900\d{8}$/);
      expect(p.pin1).toMatch(/^\d{4}$/);
      expect(p.name).toMatch(/^\S+\u3000\S+$/);
    }
  });

  it('include a 外字 name, a long address, and an expired licence', () => {
    expect(LICENCE_PERSONAS.some((p) => p.gaiji && [...p.gaiji.keys()].some((c) => p.name.includes(c)))).toBe(
      true,
    );
    expect(Math.max(...LICENCE_PERSONAS.map((p) => p.address.length))).toBeGreaterThan(50);
    expect(LICENCE_PERSONAS.some((p) => p.expiryDate < '2025-01-01')).toBe(true);
  });

  it.each(LICENCE_PERSONAS.map((p) => [p.id, p] as const))(
    '%s fits the 880-byte entries file and parses back',
    (_id, p) => {
      const file = encodeEntriesFile(p);
      expect(file.length).toBe(880);
      const parsed = parseLicenceEntries(file, { today: '2025-06-01' });
      expect(parsed.ok && parsed.value.licenceNumber).toBe(p.licenceNumber);
    },
  );
});

describe('DriversLicenceEmulator (cards.md §2.1–§2.2)', () => {
  it('serves the common data without a PIN', () => {
    const { emulator, send } = card();
    expect(send(SELECT_MF)).toBe('90 00');
    expect(send('00 A4 02 0C 02 2F 01')).toBe('90 00');
    const response = emulator.process(fromHex('00 B0 00 00 11'));
    expect(toHex(response.subarray(0, 2))).toBe('45 0B');
    expect(parseCommonData(response.subarray(0, -2))).toEqual({
      ok: true,
      value: { specVersion: '008', issueDate: '2023-03-10', expiryDate: '2028-05-01' },
    });
  });

  it('answers the tries left without spending one, counts wrong PINs, and resets on a right one', () => {
    const { emulator, send } = card();
    expect(send(QUERY_PIN1)).toBe('63 C3');
    expect(send(QUERY_PIN1)).toBe('63 C3');
    expect(send(VERIFY_0000)).toBe('63 C2');
    emulator.reset(); // RF off keeps the counter
    expect(send(QUERY_PIN1)).toBe('63 C2');
    expect(send(VERIFY_1234)).toBe('90 00');
    expect(send(QUERY_PIN1)).toBe('63 C3');
    expect(send('00 20 00 82')).toBe('63 C3'); // PIN2 has its own counter
  });

  it('blocks after 3 wrong PINs: 69 84 to the query and to VERIFY, even with the right PIN', () => {
    const { emulator, send } = card();
    expect([send(VERIFY_0000), send(VERIFY_0000), send(VERIFY_0000)]).toEqual(['63 C2', '63 C1', '63 C0']);
    expect(send(QUERY_PIN1)).toBe('69 84');
    expect(send(VERIFY_1234)).toBe('69 84');
    emulator.reset();
    expect(send(QUERY_PIN1)).toBe('69 84');
    emulator.restoreAllTries();
    expect(send(QUERY_PIN1)).toBe('63 C3');
  });

  it('keeps 記載事項 behind PIN1, across SELECT DF1, until RF off', () => {
    const { emulator, send } = card();
    send(SELECT_DF1);
    send('00 A4 02 0C 02 00 01');
    expect(send('00 B0 00 00 10')).toBe('69 82');
    send(SELECT_MF);
    expect(send(VERIFY_1234)).toBe('90 00');
    send(SELECT_DF1);
    send('00 A4 02 0C 02 00 01');
    expect(send('00 B0 00 00 03')).toBe('11 01 90 90 00'); // tag 11, JIS X 0208-1990
    expect(send('00 B0 03 6F 01')).toBe('FF 90 00'); // offset 879, the last filler byte
    expect(send('00 B0 03 70 01')).toBe('6B 00');
    expect(send('00 B0 03 6E 05')).toBe('6C 02');
    expect(emulator.process(fromHex('00 B0 00 00 00')).length).toBe(258); // Le 00 = 256 bytes
    emulator.reset();
    send(SELECT_DF1);
    send('00 A4 02 0C 02 00 01');
    expect(send('00 B0 00 00 10')).toBe('69 82');
  });

  it('needs PIN1 and PIN2 for 本籍 (DF1/EF02) and the photo (DF2)', () => {
    const { send } = card();
    send(VERIFY_1234);
    send(SELECT_DF1);
    send('00 A4 02 0C 02 00 02');
    expect(send('00 B0 00 00 01')).toBe('69 82');
    send(SELECT_MF);
    expect(send('00 20 00 82 04 35 36 37 38')).toBe('90 00');
    send(SELECT_DF1);
    send('00 A4 02 0C 02 00 02');
    expect(send('00 B0 00 00 01')).toBe('FF 90 00');
    expect(send(SELECT_DF2)).toBe('90 00');
    expect(send('00 A4 02 0C 02 00 01')).toBe('90 00');
    expect(send('00 B0 07 D4 01')).toBe('FF 90 00'); // offset 2004 of 2005
  });

  it('answers VERIFY P2 80 on the selected key EF, as TRET sends it', () => {
    const { send } = card();
    send('00 A4 02 0C 02 00 01');
    expect(send('00 20 00 80')).toBe('63 C3');
    expect(send('00 20 00 80 04 31 32 33 34')).toBe('90 00');
  });

  it('rejects what it does not know with the ISO status words', () => {
    const { send } = card();
    expect(send('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08')).toBe('6A 82'); // a My Number AID
    expect(send('00 A4 02 0C 02 00 0A')).toBe('6A 82'); // 暗証番号設定: not emulated
    expect(send('80 A4 00 00')).toBe('6E 00');
    expect(send('00 84 00 00 08')).toBe('6D 00');
    expect(send('00 20 00 83')).toBe('6A 86');
    expect(send('00 B0 00 00 01')).toBe('69 86'); // no EF selected
    expect(send('00 B0 81 00 00 03 70')).toBe('67 00'); // extended Le: short APDUs only
  });

  it('never shows its PINs', () => {
    const { emulator } = card();
    const shown = [String(emulator), JSON.stringify(emulator), inspect(emulator)].join(' ');
    expect(shown).toContain('menkyo-taro');
    expect(shown).not.toMatch(/1234|5678/);
  });

  it('process() never throws and always answers a status word, whatever the bytes (fuzz)', () => {
    const known = fc.constantFrom(
      SELECT_MF,
      SELECT_DF1,
      SELECT_DF2,
      QUERY_PIN1,
      VERIFY_1234,
      VERIFY_0000,
      '00 A4 02 0C 02 00 01',
    );
    const command = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      known.map(fromHex),
      fc
        .tuple(
          fc.constantFrom(0x00, 0x80),
          fc.constantFrom(0xa4, 0x20, 0xb0, 0xc0),
          fc.uint8Array({ minLength: 2, maxLength: 30 }),
        )
        .map(([cla, ins, rest]) => Uint8Array.from([cla, ins, ...rest])),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...LICENCE_PERSONAS),
        fc.array(command, { maxLength: 20 }),
        (p, commands) => {
          const emulator = new DriversLicenceEmulator(p);
          for (const c of commands) {
            const response = emulator.process(c);
            expect(response.length).toBeGreaterThanOrEqual(2);
            const sw1 = response[response.length - 2] ?? 0;
            expect((sw1 >= 0x61 && sw1 <= 0x6f) || (sw1 >= 0x90 && sw1 <= 0x9f)).toBe(true);
            expect(emulator.triesLeft('pin1')).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
