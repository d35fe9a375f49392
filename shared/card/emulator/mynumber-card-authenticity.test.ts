import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes.ts';
import { importVerifyKey, sha256, sha256DigestInfo, verifyPkcs1Sha256 } from '../rsa.ts';
import { fictionalSerial, MyNumberCardEmulator } from './mynumber-card.ts';
import { findPersona, type Persona } from './personas.ts';
import { encodeCertificateFile } from './signed-files.ts';
import { TEST_CARD_KEY } from './test-ca.ts';

const SELECT_AP = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08';
const SELECT_COMMON_AP = '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 01 00';
const VERIFY_B_YAMADA = `00 20 00 80 0E ${toHex(new TextEncoder().encode('55021720352285'))}`;

function yamada(): Persona {
  const p = findPersona('yamada-taro');
  if (!p) throw new Error('persona missing');
  return p;
}
const run = (card: MyNumberCardEmulator, ...commands: string[]) =>
  commands.map((c) => toHex(card.process(fromHex(c))));
const sw = (response: string | undefined) => response?.slice(-5);

describe('emulated authenticity files and COMPUTE DIGITAL SIGNATURE', () => {
  it('serves EF 0004 without a credential, EF 0003 and EF 0007 only after one (cards.md §1.6)', () => {
    const card = new MyNumberCardEmulator(yamada());
    const [, certificate, integrity, cardKey] = run(
      card,
      SELECT_AP,
      '00 B0 84 00 00',
      '00 B0 83 00 00',
      '00 B0 87 00 00',
    );
    expect(certificate?.startsWith('7F 21 82 02 33')).toBe(true);
    expect(toHex(fromHex(certificate ?? '').subarray(0, 256))).toBe(
      toHex(encodeCertificateFile().subarray(0, 256)),
    );
    expect([integrity, cardKey]).toEqual(['69 82', '69 82']);
    run(card, '00 A4 02 0C 02 00 15', VERIFY_B_YAMADA);
    const [integrityHead, integrityRest] = run(card, '00 B0 83 00 00', '00 B0 01 00 00');
    expect(integrityHead?.startsWith('FF 30 82 01 4B DF 31 20')).toBe(true);
    expect(integrityRest?.split(' ').length).toBe(80 + 2); // 336 − 256, Le 00 reads to the end
  });

  it('signs a DigestInfo with the card key, no credential needed; the answer verifies over the nonce', async () => {
    const card = new MyNumberCardEmulator(yamada());
    const nonce = crypto.getRandomValues(new Uint8Array(32));
    const digestInfo = sha256DigestInfo(await sha256(nonce));
    const command = Uint8Array.from([0x80, 0x2a, 0x00, 0x00, digestInfo.length, ...digestInfo, 0x00]);
    expect(toHex(card.process(command))).toBe('69 86'); // no AP selected
    run(card, SELECT_AP);
    const response = card.process(command);
    expect(response.length).toBe(258);
    expect(toHex(response.subarray(256))).toBe('90 00');
    const key = await importVerifyKey({ kty: 'RSA', n: TEST_CARD_KEY.n, e: TEST_CARD_KEY.e });
    if (!key) throw new Error('import');
    expect(await verifyPkcs1Sha256(key, response.subarray(0, 256), nonce)).toBe(true);
    expect(run(card, '80 2A 01 00 01 00 00', '80 2A 00 00 00')).toEqual(['6A 86', '67 00']);
  });

  it('answers the 共通AP card-info record (§1.10), and nothing of the text AP there', () => {
    const card = new MyNumberCardEmulator(yamada());
    const answers = run(card, SELECT_COMMON_AP, '00 A4 02 0C 02 00 01', '00 B2 01 04 00', '00 B2 02 04 00');
    expect(answers.slice(0, 2)).toEqual(['90 00', '90 00']);
    expect(answers[2]).toBe(
      `01 1C ${toHex(new TextEncoder().encode(`${fictionalSerial(yamada())}1310120350217`))} 90 00`,
    );
    expect(sw(answers[3])).toBe('6A 83');
    expect(run(card, '00 A4 02 0C 02 00 02', '00 B0 82 00 00', '00 20 00 80')).toEqual([
      '6A 82',
      '69 86',
      '69 86',
    ]);
  });
});
