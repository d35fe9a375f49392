import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex } from '../bytes.ts';
import { createEmulatedReader } from '../emulator/emulated-reader.ts';
import { fictionalSerial, MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardExpiryDate, findPersona, PERSONAS, type Persona } from '../emulator/personas.ts';
import { encodeCommonCardInfo } from '../emulator/signed-files.ts';
import { recordingTransport } from '../recording-transport.ts';
import { isCardExpired, parseCommonCardInfo, readCardExpiry } from './card-expiry.ts';

function persona(id: string): Persona {
  const p = findPersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}

describe('readCardExpiry (共通AP EF 0001 record 1, no credential)', () => {
  it.each(PERSONAS.map((p) => [p.id, p] as const))(
    'reads the expiry of %s in 3 APDUs, spending nothing',
    async (_id, p) => {
      const reader = createEmulatedReader();
      reader.present(new MyNumberCardEmulator(p));
      const rec = recordingTransport(reader.transport);
      expect(await readCardExpiry(rec.transport)).toEqual({
        ok: true,
        value: {
          serialNumber: fictionalSerial(p),
          expiryDate: cardExpiryDate(p),
          municipalityCode: p.municipalityCode,
        },
      });
      expect(rec.log).toEqual([
        'connect',
        '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00',
        '00 A4 02 0C 02 00 01',
        '00 B2 01 04 00',
        'disconnect',
      ]);
    },
  );

  it('lets the UI warn about an expired card before asking for anything', async () => {
    const reader = createEmulatedReader();
    reader.present(new MyNumberCardEmulator(persona('ito-sakura')));
    const expiry = await readCardExpiry(reader.transport);
    if (!expiry.ok) throw new Error('read');
    expect(expiry.value.expiryDate).toBe('2024-06-30');
    expect(isCardExpired(expiry.value, '2024-06-30')).toBe(false); // usable through the day
    expect(isCardExpired(expiry.value, '2024-07-01')).toBe(true);
  });

  it('gives no-card and not-mynumber-card like the other reads', async () => {
    expect(await readCardExpiry(createEmulatedReader().transport)).toEqual({
      ok: false,
      error: { kind: 'no-card' },
    });
    const reader = createEmulatedReader();
    reader.present(new MyNumberCardEmulator(persona('yamada-taro')));
    const noAp = recordingTransport(reader.transport, (c, r) => (c[2] === 0x04 ? fromHex('6A 82') : r));
    expect(await readCardExpiry(noAp.transport)).toEqual({ ok: false, error: { kind: 'not-mynumber-card' } });
  });
});

describe('parseCommonCardInfo', () => {
  it('splits the myna-card fixture into serial, municipality code and expiry', () => {
    const record = concatBytes(fromHex('01 1C'), new TextEncoder().encode('4000000127198431322120350217'));
    expect(parseCommonCardInfo(record)).toEqual({
      ok: true,
      value: { serialNumber: '400000012719843', expiryDate: '2035-02-17', municipalityCode: '13221' },
    });
    expect(parseCommonCardInfo(encodeCommonCardInfo('900000000000001', '13101', '2035-02-17'))).toMatchObject(
      { ok: true },
    );
    expect(parseCommonCardInfo(record.subarray(0, 20))).toEqual({
      ok: false,
      error: { kind: 'wrong-shape' },
    });
    const badDate = concatBytes(fromHex('01 1C'), new TextEncoder().encode('4000000127198431322120351317'));
    expect(parseCommonCardInfo(badDate)).toEqual({ ok: false, error: { kind: 'bad-expiry-date' } });
  });

  it('never throws on arbitrary bytes (fuzz)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 40 }),
          fc.uint8Array({ maxLength: 30 }).map((b) => concatBytes(fromHex('01 1C'), b)),
        ),
        (bytes) => {
          expect(typeof parseCommonCardInfo(bytes).ok).toBe('boolean');
        },
      ),
      { numRuns: 3000 },
    );
  });
});
