import { afterEach, describe, expect, it, vi } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { buildCollationB } from '../collation-b.ts';
import { createEmulatedReader } from '../emulator/emulated-reader.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardFace, findPersona, type Persona } from '../emulator/personas.ts';
import { EMULATOR_TRUST_STORE } from '../emulator/test-ca.ts';
import { cardErrorMessage } from '../errors.ts';
import { recordingTransport } from '../recording-transport.ts';
import { scriptedTransport } from '../scripted-transport.ts';
import { queryTriesLeft, readBasicFourInfo } from './input-support-ap.ts';
import { readWithPin } from './pin-read.ts';

function persona(id: string): Persona {
  const p = findPersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}
const YAMADA = persona('yamada-taro');
const WRONG_PIN = '0000';
const PIN_VERIFY_PREFIX = '00 20 00 80 04';

function setup(p: Persona = YAMADA) {
  const reader = createEmulatedReader();
  const card = new MyNumberCardEmulator(p);
  reader.present(card);
  return { reader, card };
}
/** Spends PIN tries directly on the card, as earlier sessions would have. */
function spendPinTries(card: MyNumberCardEmulator, count: number): void {
  card.process(fromHex('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08'));
  card.process(fromHex('00 A4 02 0C 02 00 11'));
  for (let i = 0; i < count; i++) card.process(fromHex('00 20 00 80 04 30 30 30 30'));
  card.reset();
}
const pinVerifies = (commands: string[]) => commands.filter((c) => c.startsWith(PIN_VERIFY_PREFIX));

describe('readWithPin', () => {
  it('with 3 tries left sends VERIFY and returns the 基本4情報 and the check-digit-valid My Number', async () => {
    const { reader } = setup();
    const rec = recordingTransport(reader.transport);
    const result = await readWithPin(rec.transport, YAMADA.pin, {
      needMyNumber: true,
      trustStore: { ...EMULATOR_TRUST_STORE },
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: YAMADA.name,
        myNumber: YAMADA.myNumber,
        evidence: {
          unlockedWith: 'pin',
          checks: ['read-ok', 'digests-ok', 'signature-ok', 'test-hierarchy', 'card-present-not-checked'],
        },
      },
    });
    const commands = rec.commands();
    expect(commands.slice(0, 6)).toEqual([
      '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08',
      '00 A4 02 0C 02 00 11',
      '00 20 00 80',
      '00 20 00 80 04 31 32 33 34',
      '00 B0 81 00 00', // EF 0001, physical 17 bytes
      '00 B0 82 00 00',
    ]);
    expect(commands.length).toBe(11);
  });

  it('with 1 try left sends NO VERIFY unless staff confirm the last try', async () => {
    const { reader, card } = setup();
    spendPinTries(card, 2);
    const rec = recordingTransport(reader.transport);
    const refused = await readWithPin(rec.transport, YAMADA.pin, { needMyNumber: true });
    expect(refused).toEqual({
      ok: false,
      error: { kind: 'last-try-needs-confirmation', key: 'pin', triesLeft: 1 },
    });
    expect(pinVerifies(rec.commands())).toEqual([]);
    expect(rec.log.at(-1)).toBe('disconnect');
    const message = refused.ok ? '' : cardErrorMessage(refused.error);
    expect(message).toContain('ロック');
    expect(message).toContain('市区町村の窓口');
    expect(message).toContain('コンビニ');

    const confirmed = await readWithPin(rec.transport, YAMADA.pin, {
      needMyNumber: true,
      confirmLastTry: true,
    });
    expect(confirmed.ok).toBe(true);
    expect(pinVerifies(rec.commands()).length).toBe(1);
    expect(await queryTriesLeft(reader.transport, 'pin')).toEqual({ ok: true, value: 3 });
  });

  it('gives wrong-pin with the tries left and never retries by itself', async () => {
    const { reader } = setup();
    const rec = recordingTransport(reader.transport);
    expect(await readWithPin(rec.transport, WRONG_PIN, { needMyNumber: true })).toEqual({
      ok: false,
      error: { kind: 'wrong-pin', triesLeft: 2 },
    });
    expect(pinVerifies(rec.commands()).length).toBe(1);
    expect(await queryTriesLeft(reader.transport, 'pin')).toEqual({ ok: true, value: 2 });
  });

  it('sends no VERIFY to a blocked PIN and says what to do next', async () => {
    const { reader, card } = setup();
    spendPinTries(card, 3);
    const rec = recordingTransport(reader.transport);
    const result = await readWithPin(rec.transport, YAMADA.pin, { needMyNumber: true, confirmLastTry: true });
    expect(result).toEqual({ ok: false, error: { kind: 'pin-blocked' } });
    expect(pinVerifies(rec.commands())).toEqual([]);
    expect(cardErrorMessage({ kind: 'pin-blocked' })).toContain('照合番号B');
    expect(await queryTriesLeft(reader.transport, 'pin')).toEqual({
      ok: false,
      error: { kind: 'pin-blocked' },
    });
  });

  it('sends nothing for a PIN that is not 4 digits', async () => {
    const rec = recordingTransport(setup().reader.transport);
    expect(await readWithPin(rec.transport, '12345', { needMyNumber: true })).toEqual({
      ok: false,
      error: { kind: 'invalid-pin' },
    });
    expect(rec.log).toEqual([]);
  });

  it('refuses a My Number with a wrong check digit, and a number that does not match DF31', async () => {
    const { reader } = setup();
    const lastDigit = (value: number) => (command: Uint8Array, response: Uint8Array) => {
      if (command[1] !== 0xb0 || command[2] !== 0x81) return response;
      const changed = response.slice();
      changed[14] = value;
      return changed;
    };
    const badCheck = recordingTransport(reader.transport, lastDigit(0x30));
    expect(await readWithPin(badCheck.transport, YAMADA.pin, { needMyNumber: true })).toEqual({
      ok: false,
      error: { kind: 'my-number-invalid' },
    });
    // Another valid number in the file: the check digit passes, the EF 0003 digest does not.
    const swapped = recordingTransport(reader.transport, (command, response) => {
      if (command[1] !== 0xb0 || command[2] !== 0x81) return response;
      return Uint8Array.from([
        ...fromHex('FF 10 0C'),
        ...new TextEncoder().encode('222222222225'),
        0xff,
        0xff,
        0x90,
        0x00,
      ]);
    });
    const result = await readWithPin(swapped.transport, YAMADA.pin, { needMyNumber: true });
    expect(result).toEqual({ ok: false, error: { kind: 'data-not-authentic', reason: 'digest-mismatch' } });
  });

  it('zeroes the PIN command and the buffers that held EF 0001', async () => {
    const rec = recordingTransport(setup().reader.transport);
    await readWithPin(rec.transport, YAMADA.pin, { needMyNumber: true });
    const verify = rec.sentBuffers[3];
    expect(verify?.length).toBe(9);
    expect(verify?.every((b) => b === 0)).toBe(true);
    const ef0001Answer = rec.receivedBuffers[4];
    expect(ef0001Answer?.length).toBe(17 + 2);
    expect(ef0001Answer?.every((b) => b === 0)).toBe(true);
  });
});

describe('the last-try rule for 照合番号B, and queryTriesLeft', () => {
  it('sends no VERIFY with 1 照合番号B try left without confirmation', async () => {
    const { reader } = setup();
    const wrong = '55021720359999';
    for (let i = 0; i < 9; i++) await readBasicFourInfo(reader.transport, wrong);
    expect(await queryTriesLeft(reader.transport, 'collation-b')).toEqual({ ok: true, value: 1 });
    const rec = recordingTransport(reader.transport);
    const collationB = buildCollationB(cardFace(YAMADA));
    if (!collationB.ok) throw new Error('face');
    expect(await readBasicFourInfo(rec.transport, collationB.value)).toEqual({
      ok: false,
      error: { kind: 'last-try-needs-confirmation', key: 'collation-b', triesLeft: 1 },
    });
    expect(rec.verifiesWithData()).toEqual([]);
    expect((await readBasicFourInfo(rec.transport, collationB.value, { confirmLastTry: true })).ok).toBe(
      true,
    );
    expect(rec.verifiesWithData().length).toBe(1);
  });
});

describe('personal data never reaches logs, errors or messages', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps the PIN, 照合番号B and My Number out of console, error JSON and messages', async () => {
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const spies = methods.map((m) => vi.spyOn(console, m).mockImplementation(() => {}));
    const collationB = buildCollationB(cardFace(YAMADA));
    if (!collationB.ok) throw new Error('face');
    const secrets = [
      YAMADA.pin,
      YAMADA.myNumber,
      collationB.value,
      toHex(new TextEncoder().encode(YAMADA.myNumber)),
    ];
    const { reader, card } = setup();
    const outcomes = [
      await readWithPin(reader.transport, WRONG_PIN, { needMyNumber: true }),
      await readWithPin(reader.transport, WRONG_PIN, { needMyNumber: true }),
      await readWithPin(reader.transport, YAMADA.pin, { needMyNumber: true }),
      await readBasicFourInfo(reader.transport, collationB.value, { trustStore: {}, provePresence: true }),
    ];
    const failures = outcomes.filter((o) => !o.ok);
    expect(failures.length).toBe(3);
    const texts = [
      ...spies.flatMap((s) => s.mock.calls.map((args) => args.map(String).join(' '))),
      ...failures.map((o) => JSON.stringify(o)),
      ...failures.flatMap((o) => (o.ok ? [] : [cardErrorMessage(o.error)])),
      JSON.stringify(outcomes.at(-1)),
      String(card),
      JSON.stringify(card),
    ];
    expect(spies.every((s) => s.mock.calls.length === 0)).toBe(true);
    for (const text of texts) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('no count, no VERIFY', () => {
  it('refuses to send the PIN or 照合番号B when the card does not report its tries (90 00 / 63 00)', async () => {
    for (const answer of ['90 00', '63 00']) {
      // SELECT AP, SELECT key EF, empty VERIFY answered without a count.
      const t = scriptedTransport(['90 00', '90 00', answer]);
      const r = await readWithPin(t, '1234', { needMyNumber: true });
      expect(r.ok).toBe(false);
      expect(t.sent.some((c) => c.startsWith('00 20 00 80 04'))).toBe(false);
    }
  });
});
