import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { buildCollationB } from '../collation-b.ts';
import { createEmulatedReader } from '../emulator/emulated-reader.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardFace, findPersona, PERSONAS, type Persona } from '../emulator/personas.ts';
import { cardErrorMessage } from '../errors.ts';
import { recordingTransport } from '../recording-transport.ts';
import { queryCollationBTriesLeft, readBasicFourInfo } from './input-support-ap.ts';

function persona(id: string): Persona {
  const p = findPersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

function collationBOf(p: Persona): string {
  const built = buildCollationB(cardFace(p));
  if (!built.ok) throw new Error('card face');
  return built.value;
}

function readerWith(p: Persona, options?: ConstructorParameters<typeof MyNumberCardEmulator>[1]) {
  const reader = createEmulatedReader();
  const card = new MyNumberCardEmulator(p, options);
  reader.present(card);
  return { reader, card };
}

const WRONG_FOR_YAMADA = '55021720359999';

describe('readBasicFourInfo with 照合番号B (emulated card)', () => {
  it.each(PERSONAS.map((p) => [p.id, p] as const))('reads the 基本4情報 of %s', async (_id, p) => {
    const { reader } = readerWith(p);
    expect(await readBasicFourInfo(reader.transport, collationBOf(p))).toEqual({
      ok: true,
      value: {
        name: p.name,
        address: p.address,
        birthDate: p.birthDate,
        sex: p.sex,
        evidence: {
          source: 'mynumber-input-support-ap',
          unlockedWith: 'collation-b',
          checks: [
            'read-ok',
            'digests-ok',
            'my-number-digest-not-checked',
            'signature-not-checked',
            'card-present-not-checked',
          ],
        },
      },
    });
  });

  it('sends the cards.md §1.11 sequence with reads by short EF id, and switches the field off', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const rec = recordingTransport(reader.transport);
    await readBasicFourInfo(rec.transport, '55021720352285');
    expect(rec.log).toEqual([
      'connect',
      '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08',
      '00 A4 02 0C 02 00 15',
      '00 20 00 80',
      '00 20 00 80 0E 35 35 30 32 31 37 32 30 33 35 32 32 38 35',
      '00 B0 82 00 00', // EF 0002 by SFI: all 104 bytes in one READ
      '00 B0 83 00 00', // EF 0003 by SFI: the first 256 of 336 bytes
      '00 B0 01 00 50', // the other 80
      'disconnect',
    ]);
  });

  it('reads a file over 256 bytes in several READ BINARY', async () => {
    const { reader } = readerWith(persona('tanaka-ichiro'));
    const rec = recordingTransport(reader.transport);
    const result = await readBasicFourInfo(rec.transport, collationBOf(persona('tanaka-ichiro')));
    expect(result.ok).toBe(true);
    expect(rec.log.filter((c) => c.startsWith('00 B0'))).toEqual([
      '00 B0 82 00 00',
      '00 B0 01 00 16', // 278 − 256 bytes
      '00 B0 83 00 00',
      '00 B0 01 00 50',
    ]);
  });

  it('finds FF 20 on a card that answers 2 bytes before it', async () => {
    const p = persona('suzuki-hinata');
    const { reader } = readerWith(p, { basicFourInfoLeadingBytes: fromHex('01 02') });
    expect(await readBasicFourInfo(reader.transport, collationBOf(p))).toMatchObject({
      ok: true,
      value: { name: p.name, address: p.address },
    });
  });

  it('reports a wrong 照合番号B with the tries left: 9, then 8; a correct one resets to 10', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    expect(await readBasicFourInfo(reader.transport, WRONG_FOR_YAMADA)).toEqual({
      ok: false,
      error: { kind: 'wrong-collation-b', triesLeft: 9 },
    });
    expect(await readBasicFourInfo(reader.transport, WRONG_FOR_YAMADA)).toEqual({
      ok: false,
      error: { kind: 'wrong-collation-b', triesLeft: 8 },
    });
    expect(await queryCollationBTriesLeft(reader.transport)).toEqual({ ok: true, value: 8 });
    expect((await readBasicFourInfo(reader.transport, '55021720352285')).ok).toBe(true);
    expect(await queryCollationBTriesLeft(reader.transport)).toEqual({ ok: true, value: 10 });
  });

  it('stops at a blocked key without sending a VERIFY', async () => {
    const { reader, card } = readerWith(persona('yamada-taro'));
    card.process(fromHex('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08'));
    card.process(fromHex('00 A4 02 0C 02 00 15'));
    const wrong = fromHex(`00 20 00 80 0E ${toHex(new TextEncoder().encode(WRONG_FOR_YAMADA))}`);
    for (let i = 0; i < 10; i++) card.process(wrong);
    const rec = recordingTransport(reader.transport);
    expect(await readBasicFourInfo(rec.transport, '55021720352285')).toEqual({
      ok: false,
      error: { kind: 'collation-b-blocked' },
    });
    expect(rec.log).toContain('00 20 00 80');
    expect(rec.verifiesWithData()).toEqual([]);
    expect(rec.log.at(-1)).toBe('disconnect');
    expect(await queryCollationBTriesLeft(reader.transport)).toEqual({
      ok: false,
      error: { kind: 'collation-b-blocked' },
    });
  });

  it('turns the 10th wrong entry (confirmed as the last try) into collation-b-blocked', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    for (let left = 9; left >= 1; left--) {
      expect(await readBasicFourInfo(reader.transport, WRONG_FOR_YAMADA)).toMatchObject({
        error: { triesLeft: left },
      });
    }
    expect(await readBasicFourInfo(reader.transport, WRONG_FOR_YAMADA)).toEqual({
      ok: false,
      error: { kind: 'last-try-needs-confirmation', key: 'collation-b', triesLeft: 1 },
    });
    expect(await readBasicFourInfo(reader.transport, WRONG_FOR_YAMADA, { confirmLastTry: true })).toEqual({
      ok: false,
      error: { kind: 'collation-b-blocked' },
    });
  });

  it('sends nothing for a malformed 照合番号B (no try spent)', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const rec = recordingTransport(reader.transport);
    expect(await readBasicFourInfo(rec.transport, '5502172035228')).toEqual({
      ok: false,
      error: { kind: 'invalid-collation-b', reason: { kind: 'not-14-digits' } },
    });
    expect(rec.log).toEqual([]);
  });

  it('gives no-card when nothing is on the reader', async () => {
    const reader = createEmulatedReader();
    const rec = recordingTransport(reader.transport);
    expect(await readBasicFourInfo(rec.transport, '55021720352285')).toEqual({
      ok: false,
      error: { kind: 'no-card' },
    });
    expect(await queryCollationBTriesLeft(rec.transport)).toEqual({ ok: false, error: { kind: 'no-card' } });
    expect(rec.log).toEqual(['connect', 'disconnect', 'connect', 'disconnect']);
  });

  it('gives transport-failed when the card is taken away mid-read, and still switches off', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const rec = recordingTransport(reader.transport, (command, response) => {
      if (command[1] === 0xb0) reader.remove();
      return response;
    });
    const result = await readBasicFourInfo(rec.transport, '55021720352285');
    expect(result).toMatchObject({ ok: false, error: { kind: 'transport-failed' } });
    expect(rec.log.at(-1)).toBe('disconnect');
  });

  it('recognises a card without the AP', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const rec = recordingTransport(reader.transport, (command, response) =>
      command[2] === 0x04 ? fromHex('6A 82') : response,
    );
    expect(await readBasicFourInfo(rec.transport, '55021720352285')).toEqual({
      ok: false,
      error: { kind: 'not-mynumber-card' },
    });
  });

  it('reports a damaged EF 0002 as malformed-response, without card data in the detail', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const corruptSex = (command: Uint8Array, response: Uint8Array) => {
      if (command[1] !== 0xb0 || command[2] !== 0x82) return response;
      const damaged = response.slice();
      damaged[damaged.length - 3] = 0x37; // DF 25 01 "7": not a JIS X 0303 code
      return damaged;
    };
    const result = await readBasicFourInfo(
      recordingTransport(reader.transport, corruptSex).transport,
      '55021720352285',
    );
    expect(result).toEqual({
      ok: false,
      error: { kind: 'malformed-response', detail: 'EF 0002: sex is not one of 1, 2, 9, 0' },
    });
  });

  it('refuses to read a header that claims a huge file', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const huge = (command: Uint8Array, response: Uint8Array) =>
      command[1] === 0xb0 && command[3] === 0x00
        ? fromHex('FF 20 82 7F 00 DF 21 08 00 00 00 00 00 00 00 00 90 00')
        : response;
    expect(
      await readBasicFourInfo(recordingTransport(reader.transport, huge).transport, '55021720352285'),
    ).toMatchObject({
      ok: false,
      error: { kind: 'malformed-response' },
    });
  });
});

describe('queryCollationBTriesLeft', () => {
  it('reports the tries left and spends none', async () => {
    const { reader } = readerWith(persona('sato-hanako'));
    const rec = recordingTransport(reader.transport);
    expect(await queryCollationBTriesLeft(rec.transport)).toEqual({ ok: true, value: 10 });
    expect(await queryCollationBTriesLeft(rec.transport)).toEqual({ ok: true, value: 10 });
    expect(rec.verifiesWithData()).toEqual([]);
    expect(rec.log.filter((c) => c === 'disconnect').length).toBe(2);
  });
});

describe('credential hygiene', () => {
  afterEach(() => vi.restoreAllMocks());

  it('overwrites the command that carried the 照合番号B with zeros', async () => {
    const { reader } = readerWith(persona('yamada-taro'));
    const rec = recordingTransport(reader.transport);
    await readBasicFourInfo(rec.transport, '55021720352285');
    const verify = rec.sentBuffers[3];
    expect(verify?.length).toBe(5 + 14);
    expect(verify?.every((b) => b === 0)).toBe(true);
  });

  it('never writes the 照合番号B, PIN or My Number to the console, errors or messages', async () => {
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const spies = methods.map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    const p = persona('yamada-taro');
    const secrets = [collationBOf(p), WRONG_FOR_YAMADA, p.pin, p.myNumber];
    const { reader, card } = readerWith(p);
    const outcomes = [
      await readBasicFourInfo(reader.transport, WRONG_FOR_YAMADA),
      await readBasicFourInfo(reader.transport, collationBOf(p)),
      await queryCollationBTriesLeft(reader.transport),
    ];
    reader.remove();
    outcomes.push(await readBasicFourInfo(reader.transport, collationBOf(p)));
    const texts = [
      ...spies.flatMap((s) => s.mock.calls.map((args) => args.map(String).join(' '))),
      ...outcomes.map((o) => JSON.stringify(o)),
      ...outcomes.flatMap((o) => (o.ok ? [] : [cardErrorMessage(o.error)])),
      String(card),
      JSON.stringify(card),
    ];
    expect(spies.every((s) => s.mock.calls.length === 0)).toBe(true);
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});
