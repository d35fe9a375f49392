import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEmulatedReader } from '../emulator/emulated-reader.ts';
import { MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { PERSONAS } from '../emulator/personas.ts';
import { recordingTransport } from '../recording-transport.ts';
import { scriptedTransport } from '../scripted-transport.ts';
import { DriversLicenceEmulator, emulatedLicenceTransport } from './emulator.ts';
import { LICENCE_NOTICE, type LicenceReadError, licenceErrorMessage } from './errors.ts';
import { findLicencePersona, LICENCE_PERSONAS, type LicencePersona } from './personas.ts';
import { queryLicencePinTriesLeft, readDriversLicence } from './reader.ts';

const TODAY = '2025-06-01';

function persona(id: string): LicencePersona {
  const p = findLicencePersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

function licenceOnReader(p: LicencePersona) {
  const card = new DriversLicenceEmulator(p);
  return { card, ...recordingTransport(emulatedLicenceTransport(card)) };
}

const WRONG_PIN = '9090'; // no persona's PIN1

describe('readDriversLicence with PIN1 (emulated licence)', () => {
  it.each(LICENCE_PERSONAS.map((p) => [p.id, p] as const))('reads the 記載事項 of %s', async (_id, p) => {
    const { transport } = licenceOnReader(p);
    const read = await readDriversLicence(transport, p.pin1, { today: TODAY });
    if (!read.ok) throw new Error(read.error.kind);
    const { licence, evidence } = read.value;
    const gaijiChars = [...(p.gaiji?.keys() ?? [])];
    const shown = (text: string) => gaijiChars.reduce((t, c) => t.replaceAll(c, '〓'), text);
    expect(licence).toMatchObject({
      name: shown(p.name),
      birthDate: p.birthDate,
      address: p.address,
      issueDate: p.issueDate,
      expiryDate: p.expiryDate,
      expired: p.expiryDate < TODAY,
      licenceNumber: p.licenceNumber,
      colour: p.colour,
      conditions: p.conditions,
      commission: p.commission,
      classes: expect.arrayContaining([...p.classes]),
    });
    expect(licence.classes).toHaveLength(p.classes.length);
    expect(licence.nameKana).toBe(p.nameKana);
    expect(licence.gaiji.length > 0).toBe(gaijiChars.length > 0);
    expect(evidence).toEqual({
      source: 'drivers-licence',
      unlockedWith: 'pin1',
      checks: ['read-ok', 'common-data-expiry-match'],
      commonData: { specVersion: '008', issueDate: p.issueDate, expiryDate: p.expiryDate },
    });
  });

  it('flags the expired licence and shows the 外字 name with 〓 and its position', async () => {
    const expired = await readDriversLicence(licenceOnReader(persona('kigen-kireko')).transport, '4321', {
      today: TODAY,
    });
    expect(expired.ok && expired.value.licence.expired).toBe(true);
    const gaiji = await readDriversLicence(licenceOnReader(persona('yoshino-tameshiko')).transport, '2580', {
      today: TODAY,
    });
    expect(gaiji.ok && gaiji.value.licence.name).toBe('〓野　試子');
    expect(gaiji.ok && gaiji.value.licence.gaiji).toEqual([
      { field: 'name', marks: [{ kind: 'gaiji', index: 0, number: 1, code: 0xfff1 }] },
    ]);
    expect(LICENCE_NOTICE.gaiji).toContain('〓');
  });

  it('sends the 11 APDUs of cards.md §2.2 and switches the field off', async () => {
    const rec = licenceOnReader(persona('menkyo-taro'));
    await readDriversLicence(rec.transport, '1234', { today: TODAY });
    expect(rec.log).toEqual([
      'connect',
      '00 A4 00 00',
      '00 A4 02 0C 02 2F 01',
      '00 B0 00 00 11',
      '00 20 00 81',
      '00 20 00 81 04 31 32 33 34',
      '00 A4 04 0C 10 A0 00 00 02 31 01 00 00 00 00 00 00 00 00 00 00',
      '00 A4 02 0C 02 00 01',
      '00 B0 00 00 00',
      '00 B0 01 00 00',
      '00 B0 02 00 00',
      '00 B0 03 00 70',
      'disconnect',
    ]);
  });

  it('zeroes the buffer that carried PIN1 once sent', async () => {
    const rec = licenceOnReader(persona('menkyo-taro'));
    await readDriversLicence(rec.transport, '1234', { today: TODAY });
    const verify = rec.sentBuffers[4];
    expect(verify?.length).toBe(9);
    expect([...(verify ?? [])].every((b) => b === 0)).toBe(true);
  });

  it('a wrong PIN1 spends one try, says how many are left, and is never retried', async () => {
    const rec = licenceOnReader(persona('menkyo-taro'));
    const read = await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY });
    expect(read).toEqual({ ok: false, error: { kind: 'wrong-pin1', triesLeft: 2 } });
    expect(rec.verifiesWithData()).toHaveLength(1);
    expect(rec.log.at(-1)).toBe('disconnect');
    expect(rec.card.triesLeft('pin1')).toBe(2);
    expect(await queryLicencePinTriesLeft(rec.transport)).toEqual({ ok: true, value: 2 });
  });

  it('with one try left sends no VERIFY unless staff confirmed the last try', async () => {
    const rec = licenceOnReader(persona('menkyo-taro'));
    await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY });
    await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY });
    expect(rec.verifiesWithData()).toHaveLength(2);

    const refused = await readDriversLicence(rec.transport, '1234', { today: TODAY });
    expect(refused).toEqual({ ok: false, error: { kind: 'pin1-last-try', triesLeft: 1 } });
    expect(rec.verifiesWithData()).toHaveLength(2); // nothing sent
    expect(rec.card.triesLeft('pin1')).toBe(1);
    expect(rec.log.at(-1)).toBe('disconnect');

    const confirmed = await readDriversLicence(rec.transport, '1234', { today: TODAY, confirmLastTry: true });
    expect(confirmed.ok).toBe(true);
    expect(rec.card.triesLeft('pin1')).toBe(3);
  });

  it('a wrong last try blocks the PIN; a blocked PIN is never sent a VERIFY again', async () => {
    const rec = licenceOnReader(persona('menkyo-taro'));
    await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY });
    await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY });
    const last = await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY, confirmLastTry: true });
    expect(last).toEqual({ ok: false, error: { kind: 'pin1-blocked' } });
    expect(rec.verifiesWithData()).toHaveLength(3);

    const again = await readDriversLicence(rec.transport, '1234', { today: TODAY, confirmLastTry: true });
    expect(again).toEqual({ ok: false, error: { kind: 'pin1-blocked' } });
    expect(rec.verifiesWithData()).toHaveLength(3);
    expect(await queryLicencePinTriesLeft(rec.transport)).toEqual({
      ok: false,
      error: { kind: 'pin1-blocked' },
    });
    expect(licenceErrorMessage({ kind: 'pin1-blocked' })).toMatch(/警察署または運転免許センター/);
  });

  it('sends nothing for a malformed PIN or date (no try spent)', async () => {
    const rec = licenceOnReader(persona('menkyo-taro'));
    for (const pin of ['123', '12345', '１２３４', 'abcd', '']) {
      expect(await readDriversLicence(rec.transport, pin, { today: TODAY })).toEqual({
        ok: false,
        error: { kind: 'invalid-pin1' },
      });
    }
    expect(await readDriversLicence(rec.transport, '1234', { today: '2025/06/01' })).toEqual({
      ok: false,
      error: { kind: 'invalid-today' },
    });
    expect(rec.log).toEqual([]);
  });

  it('tells a My Number Card apart before any VERIFY', async () => {
    const reader = createEmulatedReader();
    const myNumberPersona = PERSONAS[0];
    if (!myNumberPersona) throw new Error('no My Number persona');
    reader.present(new MyNumberCardEmulator(myNumberPersona));
    const rec = recordingTransport(reader.transport);
    expect(await readDriversLicence(rec.transport, '1234', { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'not-drivers-licence' },
    });
    expect(rec.log.filter((c) => c.startsWith('00 20'))).toEqual([]);
    expect(rec.log.at(-1)).toBe('disconnect');
  });

  it('refuses to VERIFY when the card does not report a count (90 00 to the query)', async () => {
    const common = '45 0B 30 30 38 20 23 03 10 20 28 05 01 46 02 01 01 90 00';
    const script = scriptedTransport(['90 00', '90 00', common, '90 00']);
    expect(await readDriversLicence(script, '1234', { today: TODAY })).toEqual({
      ok: false,
      error: { kind: 'unexpected-status', sw: 0x9000 },
    });
    expect(script.sent).toEqual(['00 A4 00 00', '00 A4 02 0C 02 2F 01', '00 B0 00 00 11', '00 20 00 81']);
  });

  it('a reader failure mid-read is transport-failed, without quoting any bytes', async () => {
    const common = '45 0B 30 30 38 20 23 03 10 20 28 05 01 46 02 01 01 90 00';
    const script = scriptedTransport(['90 00', '90 00', common, '63 C3']); // runs out at VERIFY
    const read = await readDriversLicence(script, '1234', { today: TODAY });
    expect(read).toEqual({
      ok: false,
      error: { kind: 'transport-failed', detail: 'Error: script exhausted' },
    });
  });

  it('queryLicencePinTriesLeft reads the count without spending a try', async () => {
    const rec = licenceOnReader(persona('nagai-sumiko'));
    expect(await queryLicencePinTriesLeft(rec.transport)).toEqual({ ok: true, value: 3 });
    expect(rec.log).toEqual([
      'connect',
      '00 A4 00 00',
      '00 A4 02 0C 02 2F 01',
      '00 B0 00 00 11',
      '00 20 00 81',
      'disconnect',
    ]);
    expect(rec.card.triesLeft('pin1')).toBe(3);
  });
});

describe('licence error messages', () => {
  afterEach(() => vi.restoreAllMocks());

  const ALL: LicenceReadError[] = [
    { kind: 'no-card' },
    { kind: 'transport-failed', detail: 'x' },
    { kind: 'security-not-satisfied' },
    { kind: 'file-not-found' },
    { kind: 'unexpected-status', sw: 0x6a86 },
    { kind: 'malformed-response', detail: 'x' },
    { kind: 'not-drivers-licence' },
    { kind: 'invalid-pin1' },
    { kind: 'wrong-pin1', triesLeft: 2 },
    { kind: 'wrong-pin1', triesLeft: 1 },
    { kind: 'pin1-blocked' },
    { kind: 'pin1-last-try', triesLeft: 1 },
    { kind: 'invalid-entries', reason: { kind: 'missing-entry', tag: 0x12 } },
    { kind: 'invalid-today' },
  ];

  it.each(ALL.map((e) => [e.kind, e] as const))('%s is Japanese with a next step', (_kind, e) => {
    const message = licenceErrorMessage(e);
    expect(message).toMatch(/[ぁ-んァ-ン一-龥]/);
    expect(message).toMatch(/ください|必要/);
  });

  it('names the consequence of the last try and where to unlock', () => {
    expect(licenceErrorMessage({ kind: 'pin1-last-try', triesLeft: 1 })).toMatch(
      /ロック.*警察署または運転免許センター/,
    );
    expect(licenceErrorMessage({ kind: 'wrong-pin1', triesLeft: 1 })).toMatch(/残り1回.*ロック/);
    expect(licenceErrorMessage({ kind: 'wrong-pin1', triesLeft: 2 })).toContain('63C2');
  });

  it('no PIN reaches an error, a message or the console in any outcome', async () => {
    const printed: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      });
    }
    const p = persona('menkyo-taro');
    const rec = licenceOnReader(p);
    const outcomes = [
      await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY }),
      await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY }),
      await readDriversLicence(rec.transport, p.pin1, { today: TODAY }),
      await readDriversLicence(rec.transport, WRONG_PIN, { today: TODAY, confirmLastTry: true }),
      await readDriversLicence(rec.transport, p.pin1, { today: TODAY, confirmLastTry: true }),
    ];
    const texts = outcomes.flatMap((o) =>
      o.ok ? [] : [JSON.stringify(o.error), licenceErrorMessage(o.error)],
    );
    expect(texts.length).toBeGreaterThan(0);
    for (const text of [...texts, ...printed]) {
      expect(text).not.toContain(WRONG_PIN);
      expect(text).not.toContain(p.pin1);
    }
    expect(printed).toEqual([]);
  });
});
