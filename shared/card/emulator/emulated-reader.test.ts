import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { createEmulatedReader, EMULATED_READER_NAME } from './emulated-reader.ts';
import { MyNumberCardEmulator } from './mynumber-card.ts';
import { findPersona } from './personas.ts';

function card(): MyNumberCardEmulator {
  const persona = findPersona('sato-hanako');
  if (!persona) throw new Error('persona missing');
  return new MyNumberCardEmulator(persona);
}

const SELECT_AP = fromHex('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08');

describe('emulated reader (demo/test CardTransport)', () => {
  it('names itself as a test reader', () => {
    expect(createEmulatedReader().transport.readerName).toBe(EMULATED_READER_NAME);
    expect(EMULATED_READER_NAME).toBe('Kakanai 模擬カードリーダー（テスト用）');
  });

  it('finds no card until one is presented', async () => {
    const reader = createEmulatedReader();
    expect(await reader.transport.connect()).toBe(false);
    expect(reader.presented()).toBeUndefined();
    const presented = card();
    reader.present(presented);
    expect(reader.presented()).toBe(presented);
    expect(await reader.transport.connect()).toBe(true);
    expect(toHex(await reader.transport.transmit(SELECT_AP))).toBe('90 00');
  });

  it('fails a transmit without a connected card, as a reader does when the card is taken away', async () => {
    const reader = createEmulatedReader();
    await expect(reader.transport.transmit(SELECT_AP)).rejects.toThrow('カードがリーダーにありません');
    reader.present(card());
    await expect(reader.transport.transmit(SELECT_AP)).rejects.toThrow(); // presented, not yet powered
    await reader.transport.connect();
    reader.remove();
    await expect(reader.transport.transmit(SELECT_AP)).rejects.toThrow();
  });

  it('resets the card on disconnect (RF off): verification is gone, the counter stays', async () => {
    const reader = createEmulatedReader();
    reader.present(card());
    const { transport } = reader;
    const send = async (hex: string) => toHex(await transport.transmit(fromHex(hex)));
    await transport.connect();
    await send('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08');
    await send('00 A4 02 0C 02 00 15');
    expect(await send(`00 20 00 80 0E ${'30 '.repeat(14)}`)).toBe('63 C9'); // wrong 照合番号B
    await send('00 A4 02 0C 02 00 11');
    expect(await send('00 20 00 80 04 35 36 37 38')).toBe('90 00'); // 佐藤　花子's PIN
    await send('00 A4 02 0C 02 00 02');
    expect((await send('00 B0 00 00 03')).startsWith('FF 20')).toBe(true);
    await transport.disconnect();
    await transport.connect();
    await send('00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08');
    await send('00 A4 02 0C 02 00 02');
    expect(await send('00 B0 00 00 03')).toBe('69 82');
    await send('00 A4 02 0C 02 00 15');
    expect(await send('00 20 00 80')).toBe('63 C9');
  });
});
