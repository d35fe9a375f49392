// The card stack in a real dedicated worker (comlink), as the tablet runs it: the emulated
// reader answers real APDUs; retry counters live in the worker like on a physical card.
import { createCardService } from '../../pwa/card/card-service.ts';
import { buildCollationB } from '../../shared/card/collation-b.ts';
import { cardFace, PERSONAS } from '../../shared/card/emulator/personas.ts';
import { assert, equal } from './assert.ts';

function collationB(index: number, securityCodeOverride?: string): string {
  const persona = PERSONAS[index];
  assert(persona, 'persona exists');
  const face = cardFace(persona);
  const r = buildCollationB({ ...face, securityCode: securityCodeOverride ?? face.securityCode });
  assert(r.ok, 'builds');
  return r.value;
}

describe('card worker (comlink)', () => {
  it('runs in a worker and reads the 基本4情報 of the placed card', async () => {
    const card = createCardService();
    const persona = PERSONAS[0];
    assert(persona, 'persona');
    assert((await card.readerName()).includes('模擬'), 'emulated reader name');
    const noCard = await card.readWithCollationB({ collationB: collationB(0) });
    equal(noCard.ok ? 'ok' : noCard.error.kind, 'no-card', 'nothing on the reader');
    await card.placeDemoCard(persona.id);
    equal(await card.placedDemoCard(), persona.id, 'placed');
    const r = await card.readWithCollationB({ collationB: collationB(0) });
    assert(r.ok, `read ok: ${JSON.stringify(r.ok ? '' : r.error)}`);
    equal(r.value.name, persona.name, 'name');
    equal(r.value.birthDate, cardFace(persona).birthDate, 'birth date');
  });

  it('counts wrong 照合番号B tries on the card, and the count survives removing the card', async () => {
    const card = createCardService();
    const persona = PERSONAS[1];
    assert(persona, 'persona');
    await card.placeDemoCard(persona.id);
    const before = await card.collationBTriesLeft();
    assert(before.ok, 'tries readable');
    const face = cardFace(persona);
    const wrong = String((Number(face.securityCode) + 1) % 10000).padStart(4, '0');
    const r = await card.readWithCollationB({ collationB: collationB(1, wrong) });
    equal(r.ok ? 'ok' : r.error.kind, 'wrong-collation-b', 'refused');
    await card.placeDemoCard(null);
    await card.placeDemoCard(persona.id);
    const after = await card.collationBTriesLeft();
    assert(after.ok, 'tries readable');
    equal(after.value, before.value - 1, 'one try spent, and only one');
    const good = await card.readWithCollationB({ collationB: collationB(1) });
    assert(good.ok, 'correct one reads');
    const reset = await card.collationBTriesLeft();
    equal(reset.ok && reset.value, before.value, 'counter reset by a correct entry');
  });
});
