import { describe, expect, it } from 'vitest';
import { buildCollationB } from '../collation-b.ts';
import { createEmulatedReader } from '../emulator/emulated-reader.ts';
import { type EmulatorOptions, MyNumberCardEmulator } from '../emulator/mynumber-card.ts';
import { cardFace, findPersona, type Persona } from '../emulator/personas.ts';
import { EMULATOR_TRUST_STORE, TEST_ISSUER_KEY } from '../emulator/test-ca.ts';
import { recordingTransport } from '../recording-transport.ts';
import { readBasicFourInfo, type TrustStore } from './input-support-ap.ts';

function persona(id: string): Persona {
  const p = findPersona(id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
}
const YAMADA = persona('yamada-taro');
const collationB = (p: Persona) => {
  const built = buildCollationB(cardFace(p));
  if (!built.ok) throw new Error('card face');
  return built.value;
};
function reader(p: Persona = YAMADA, options?: EmulatorOptions) {
  const r = createEmulatedReader();
  r.present(new MyNumberCardEmulator(p, options));
  return r;
}
/** A copy of the emulator trust store: a fresh object starts with an empty certificate cache. */
const freshTrust = (): TrustStore => ({ ...EMULATOR_TRUST_STORE });
const flipLastDataByte = (response: Uint8Array) => {
  const changed = response.slice();
  changed[changed.length - 3] = (changed[changed.length - 3] ?? 0) ^ 0x01;
  return changed;
};

describe('照合番号B read with the cards.md §1.8 checks', () => {
  it('verifies digests and the issuer signature: 10 APDUs for the first card, 8 once the certificate is known', async () => {
    const trustStore = freshTrust();
    const first = recordingTransport(reader().transport);
    const result = await readBasicFourInfo(first.transport, collationB(YAMADA), { trustStore });
    expect(result).toMatchObject({
      ok: true,
      value: {
        name: YAMADA.name,
        evidence: {
          checks: [
            'read-ok',
            'digests-ok',
            'my-number-digest-not-checked',
            'signature-ok',
            'test-hierarchy',
            'card-present-not-checked',
          ],
        },
      },
    });
    expect(first.commands().slice(7)).toEqual(['00 B0 84 00 00', '00 B0 01 00 00', '00 B0 02 00 38']);
    expect(first.commands().length).toBe(10);

    // The next resident, another card from the same (TEST) municipality: EF 0004 in one READ.
    const sato = persona('sato-hanako');
    const next = recordingTransport(reader(sato).transport);
    const again = await readBasicFourInfo(next.transport, collationB(sato), { trustStore });
    expect(again).toMatchObject({
      ok: true,
      value: { evidence: { checks: expect.arrayContaining(['signature-ok']) } },
    });
    const counted = next.commands();
    expect(counted).toEqual([
      '00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08',
      '00 A4 02 0C 02 00 15',
      '00 20 00 80',
      expect.stringMatching(/^00 20 00 80 0E /),
      '00 B0 82 00 00',
      '00 B0 83 00 00',
      '00 B0 01 00 50',
      '00 B0 84 00 00',
    ]);
    expect(counted.length).toBeLessThanOrEqual(8);
  });

  it('without a trust store checks the digests only: 7 APDUs', async () => {
    const rec = recordingTransport(reader().transport);
    const result = await readBasicFourInfo(rec.transport, collationB(YAMADA));
    expect(result.ok && result.value.evidence.checks).toContain('signature-not-checked');
    expect(rec.commands().length).toBe(7);
  });

  it('proves the card is present on request: EF 0007 and a signed fresh nonce, 4 more APDUs', async () => {
    const trustStore = freshTrust();
    const rec = recordingTransport(reader().transport);
    const result = await readBasicFourInfo(rec.transport, collationB(YAMADA), {
      trustStore,
      provePresence: true,
    });
    expect(result.ok && result.value.evidence.checks).toEqual([
      'read-ok',
      'digests-ok',
      'my-number-digest-not-checked',
      'signature-ok',
      'test-hierarchy',
      'card-present-ok',
    ]);
    const commands = rec.commands();
    expect(commands.length).toBe(14);
    expect(commands.slice(10, 13)).toEqual(['00 B0 87 00 00', '00 B0 01 00 00', '00 B0 02 00 18']);
    const challenge = commands[13] ?? '';
    expect(challenge).toMatch(
      /^80 2A 00 00 33 30 31 30 0D 06 09 60 86 48 01 65 03 04 02 01 05 00 04 20( [0-9A-F]{2}){32} 00$/,
    );
    // A fresh nonce each time.
    const rec2 = recordingTransport(reader().transport);
    await readBasicFourInfo(rec2.transport, collationB(YAMADA), { trustStore, provePresence: true });
    expect(rec2.commands().at(-1)).not.toBe(challenge);
  });

  it('refuses the data of a card whose EF 0002 differs from what the issuer signed', async () => {
    const forged = reader(YAMADA, { alteredAddress: '東京都架空区改ざん町１番' });
    for (const options of [{}, { trustStore: freshTrust() }]) {
      const result = await readBasicFourInfo(forged.transport, collationB(YAMADA), options);
      expect(result).toEqual({ ok: false, error: { kind: 'data-not-authentic', reason: 'digest-mismatch' } });
      expect(JSON.stringify(result)).not.toContain('架空区');
      expect(JSON.stringify(result)).not.toContain(YAMADA.name);
    }
  });

  it('records ca-unknown when the issuer key id is not in the trust store, and returns the data', async () => {
    const rec = recordingTransport(reader().transport);
    const result = await readBasicFourInfo(rec.transport, collationB(YAMADA), {
      trustStore: {},
      provePresence: true,
    });
    expect(result).toMatchObject({ ok: true, value: { name: YAMADA.name } });
    expect(result.ok && result.value.evidence.checks).toEqual([
      'read-ok',
      'digests-ok',
      'my-number-digest-not-checked',
      'ca-unknown',
      'test-hierarchy',
      'card-present-not-checked',
    ]);
    expect(rec.commands().some((c) => c.startsWith('80 2A'))).toBe(false);
  });

  it('fails on a certificate not signed by the configured CA (another key under the same id)', async () => {
    const impostor: TrustStore = {
      [Object.keys(EMULATOR_TRUST_STORE)[0] ?? '']: {
        kty: 'RSA',
        n: TEST_ISSUER_KEY.n,
        e: TEST_ISSUER_KEY.e,
      },
    };
    const result = await readBasicFourInfo(reader().transport, collationB(YAMADA), { trustStore: impostor });
    expect(result).toEqual({
      ok: false,
      error: { kind: 'data-not-authentic', reason: 'certificate-signature-bad' },
    });
  });

  it('fails on a changed DF33 signature and on a challenge answer that does not verify', async () => {
    const base = reader();
    const badIntegrity = recordingTransport(base.transport, (command, response) =>
      command[2] === 0x01 && command[4] === 0x50 ? flipLastDataByte(response) : response,
    );
    expect(
      await readBasicFourInfo(badIntegrity.transport, collationB(YAMADA), { trustStore: freshTrust() }),
    ).toEqual({
      ok: false,
      error: { kind: 'data-not-authentic', reason: 'integrity-signature-bad' },
    });
    const badChallenge = recordingTransport(base.transport, (command, response) =>
      command[1] === 0x2a ? flipLastDataByte(response) : response,
    );
    expect(
      await readBasicFourInfo(badChallenge.transport, collationB(YAMADA), {
        trustStore: freshTrust(),
        provePresence: true,
      }),
    ).toEqual({ ok: false, error: { kind: 'data-not-authentic', reason: 'challenge-signature-bad' } });
  });

  it('reports a card that refuses EF 0003 instead of calling it forged', async () => {
    const refusing = recordingTransport(reader().transport, (command, response) =>
      command[1] === 0xb0 && command[2] === 0x83 ? Uint8Array.of(0x69, 0x82) : response,
    );
    const result = await readBasicFourInfo(refusing.transport, collationB(YAMADA), {
      trustStore: freshTrust(),
    });
    expect(result.ok && result.value.evidence.checks).toEqual([
      'read-ok',
      'integrity-not-readable',
      'signature-not-checked',
      'card-present-not-checked',
    ]);
  });
});
