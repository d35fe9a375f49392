import { inspect } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { MyNumberCardEmulator } from './mynumber-card.ts';
import { findPersona, type Persona } from './personas.ts';

const SELECT_AP = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';
const SELECT_PIN = '00 A4 02 0C 02 00 11';
const SELECT_B = '00 A4 02 0C 02 00 15';
const SELECT_0001 = '00 A4 02 0C 02 00 01';
const SELECT_0002 = '00 A4 02 0C 02 00 02';
const QUERY = '00 20 00 80';
const VERIFY_B_YAMADA = `00 20 00 80 0E ${toHex(new TextEncoder().encode('55021720352285'))}`;
const VERIFY_B_WRONG = `00 20 00 80 0E ${toHex(new TextEncoder().encode('55021720350000'))}`;
const VERIFY_PIN_YAMADA = '00 20 00 80 04 31 32 33 34';

function yamada(): Persona {
  const p = findPersona('yamada-taro');
  if (!p) throw new Error('persona missing');
  return p;
}

/** Sends hex commands in order and returns each response as hex. */
function run(card: MyNumberCardEmulator, ...commands: string[]): string[] {
  return commands.map((c) => toHex(card.process(fromHex(c))));
}

describe('emulated 券面事項入力補助AP: SELECT', () => {
  it('selects the AP by AID and answers 6A 82 to other AIDs', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_AP)).toEqual(['90 00']);
    expect(run(card, '00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01')).toEqual(['6A 82']); // JPKI: not emulated
  });

  it('selects EFs of the AP by FID, only after the AP', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_0002)).toEqual(['6A 82']);
    expect(run(card, SELECT_AP, SELECT_0002, SELECT_B, '00 A4 02 0C 02 00 09')).toEqual([
      '90 00',
      '90 00',
      '90 00',
      '6A 82',
    ]);
    expect(run(card, '00 A4 02 0C 01 00', '00 A4 01 0C 02 00 02', '00 A4 02 00 02 00 02')).toEqual([
      '67 00',
      '6A 86',
      '6A 86',
    ]);
  });
});

describe('emulated 券面事項入力補助AP: VERIFY and retry counters', () => {
  it('reports tries left without spending one: 3 for the PIN, 10 for 照合番号B', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_AP, SELECT_PIN, QUERY, QUERY)).toEqual(['90 00', '90 00', '63 C3', '63 C3']);
    expect(run(card, SELECT_B, QUERY)).toEqual(['90 00', '63 CA']);
  });

  it('counts down on a wrong 照合番号B, and a correct one resets the counter', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_AP, SELECT_B, VERIFY_B_WRONG, VERIFY_B_WRONG, QUERY)).toEqual([
      '90 00',
      '90 00',
      '63 C9',
      '63 C8',
      '63 C8',
    ]);
    expect(run(card, VERIFY_B_YAMADA, QUERY)).toEqual(['90 00', '63 CA']);
  });

  it('blocks after 10 wrong entries: 63 C0 to the query, 69 84 even to the right value', () => {
    const card = new MyNumberCardEmulator(yamada());
    run(card, SELECT_AP, SELECT_B);
    const answers = run(card, ...Array.from({ length: 10 }, () => VERIFY_B_WRONG));
    expect(answers.at(-1)).toBe('63 C0');
    expect(run(card, QUERY, VERIFY_B_YAMADA, SELECT_0002, '00 B0 00 00 10')).toEqual([
      '63 C0',
      '69 84',
      '90 00',
      '69 82',
    ]);
  });

  it('keeps counters across reset (RF off) but forgets verification', () => {
    const card = new MyNumberCardEmulator(yamada());
    run(card, SELECT_AP, SELECT_PIN, '00 20 00 80 04 30 30 30 30');
    card.reset();
    expect(run(card, SELECT_AP, SELECT_PIN, QUERY)).toEqual(['90 00', '90 00', '63 C2']);
    run(card, VERIFY_PIN_YAMADA);
    card.reset();
    expect(run(card, SELECT_AP, SELECT_0002, '00 B0 00 00 10')).toEqual(['90 00', '90 00', '69 82']);
  });

  it('names a key by short EF id in P2 (80 | SFI), and refuses VERIFY on a data EF', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_AP, '00 20 00 95', '00 20 00 91')).toEqual(['90 00', '63 CA', '63 C3']);
    expect(run(card, SELECT_0002, QUERY, '00 20 01 80', '00 20 00 00')).toEqual([
      '90 00',
      '69 86',
      '6A 86',
      '6A 86',
    ]);
  });
});

describe('emulated 券面事項入力補助AP: READ BINARY and access conditions', () => {
  it('refuses EF 0002 before VERIFY (69 82) and serves it after 照合番号B', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_AP, SELECT_0002, '00 B0 00 00 07')).toEqual(['90 00', '90 00', '69 82']);
    expect(run(card, SELECT_B, VERIFY_B_YAMADA, SELECT_0002, '00 B0 00 00 07', '00 B0 00 03 0B')).toEqual([
      '90 00',
      '90 00',
      '90 00',
      'FF 20 65 DF 21 08 00 90 00',
      'DF 21 08 00 0E 00 20 00 59 00 64 90 00',
    ]);
  });

  it('keeps EF 0001 (My Number) closed to 照合番号B, open to the PIN (cards.md §1.7)', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(run(card, SELECT_AP, SELECT_B, VERIFY_B_YAMADA, SELECT_0001, '00 B0 00 00 11')).toEqual([
      '90 00',
      '90 00',
      '90 00',
      '90 00',
      '69 82',
    ]);
    expect(run(card, SELECT_PIN, VERIFY_PIN_YAMADA, SELECT_0001, '00 B0 00 00 11')).toEqual([
      '90 00',
      '90 00',
      '90 00',
      'FF 10 0C 31 31 31 31 31 31 31 31 31 31 31 38 FF FF 90 00',
    ]);
  });

  it('answers past-the-end reads like a card: 6B 00, 6C xx for an explicit Le, all for Le 00', () => {
    const card = new MyNumberCardEmulator(yamada());
    run(card, SELECT_AP, SELECT_PIN, VERIFY_PIN_YAMADA, SELECT_0002);
    expect(run(card, '00 B0 00 68 01', '00 B0 00 60 10')).toEqual(['6B 00', '6C 08']);
    expect(run(card, '00 B0 00 60 00')).toEqual(['30 32 31 37 DF 25 01 31 90 00']); // the last 8 bytes
    expect(run(card, '00 B0 00 00 00')[0]?.split(' ').length).toBe(104 + 2);
  });

  it('reads by short EF id (P1 80 | SFI) and refuses key EFs as files', () => {
    const card = new MyNumberCardEmulator(yamada());
    run(card, SELECT_AP, SELECT_PIN, VERIFY_PIN_YAMADA);
    expect(run(card, '00 B0 81 00 03', '00 B0 82 03 02')).toEqual(['FF 10 0C 90 00', 'DF 21 90 00']);
    expect(run(card, '00 B0 91 00 01', SELECT_PIN, '00 B0 00 00 01')).toEqual(['6A 82', '90 00', '69 81']);
  });

  it('answers wrong class, unknown instruction and malformed APDUs with 6E 00, 6D 00, 67 00', () => {
    const card = new MyNumberCardEmulator(yamada());
    expect(
      run(
        card,
        '80 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08',
        '00 CA 00 45 00',
        '00 A4',
        '00 A4 04 0C 05 D3',
      ),
    ).toEqual(['6E 00', '6D 00', '67 00', '67 00']);
    expect(run(card, SELECT_AP, SELECT_0002, '00 B0 00 00', '00 B0 00 00 01 00 10')).toEqual([
      '90 00',
      '90 00',
      '67 00',
      '67 00',
    ]);
  });
});

describe('emulator hygiene', () => {
  it('never shows the PIN, 照合番号B or My Number in toString, JSON or inspect', () => {
    const p = yamada();
    const card = new MyNumberCardEmulator(p);
    for (const shown of [String(card), JSON.stringify(card), inspect(card, { showHidden: true, depth: 5 })]) {
      expect(shown).toContain('yamada-taro');
      for (const secret of [p.pin, p.myNumber, '55021720352285']) expect(shown).not.toContain(secret);
    }
  });

  it('can be restored like a municipal office reset (demo)', () => {
    const card = new MyNumberCardEmulator(yamada());
    run(card, SELECT_AP, SELECT_B, ...Array.from({ length: 10 }, () => VERIFY_B_WRONG));
    card.restoreAllTries();
    expect(run(card, QUERY, VERIFY_B_YAMADA)).toEqual(['63 CA', '90 00']);
  });

  it('answers every byte string with a response of at least 2 bytes (fuzz)', () => {
    const p = yamada();
    const card = new MyNumberCardEmulator(p);
    const command = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc
        .tuple(
          fc.constantFrom(0x00, 0x80),
          fc.constantFrom(0xa4, 0x20, 0xb0, 0xb2, 0xc0, 0x2a),
          fc.uint8Array({ maxLength: 20 }),
        )
        .map(([cla, ins, rest]) => Uint8Array.from([cla, ins, ...rest])),
      fc.constantFrom(SELECT_AP, SELECT_B, SELECT_0002, VERIFY_B_YAMADA).map(fromHex),
    );
    fc.assert(
      fc.property(fc.array(command, { maxLength: 12 }), (commands) => {
        card.reset();
        for (const c of commands) {
          const response = card.process(c);
          expect(response.length).toBeGreaterThanOrEqual(2);
          expect([0x61, 0x62, 0x63, 0x67, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x90]).toContain(
            response.at(-2),
          );
        }
      }),
      { numRuns: 3000 },
    );
  });
});
