import { describe, expect, it } from 'vitest';
import { isValidMyNumber } from '../../mynumber.ts';
import { toWareki } from '../../wareki.ts';
import { buildCollationB, validateCollationB } from '../collation-b.ts';
import { encodeBasicFourInfoFile } from './card-files.ts';
import { cardFace, findPersona, PERSONAS } from './personas.ts';

describe('emulator personas', () => {
  it('are at least four, with unique ids', () => {
    expect(PERSONAS.length).toBeGreaterThanOrEqual(4);
    expect(new Set(PERSONAS.map((p) => p.id)).size).toBe(PERSONAS.length);
    expect(findPersona('yamada-taro')?.name).toBe('山田　太郎');
    expect(findPersona('nobody')).toBeUndefined();
  });

  it.each(PERSONAS.map((p) => [p.id, p] as const))('%s has complete, well-formed card data', (_id, p) => {
    expect(p.name).toMatch(/^\S+\u3000\S+$/);
    expect(p.address).toMatch(/[０-９]/);
    expect(p.address).not.toMatch(/[0-9]/);
    expect(isValidMyNumber(p.myNumber)).toBe(true);
    expect(p.pin).toMatch(/^\d{4}$/);
    expect(p.securityCode).toMatch(/^\d{4}$/);
    const collationB = buildCollationB(cardFace(p));
    expect(collationB.ok && validateCollationB(collationB.value).ok).toBe(true);
  });

  it('cover 昭和, 平成 and a 令和 child, both sexes', () => {
    const eras = new Set(PERSONAS.map((p) => toWareki(p.birthDate)?.era.id));
    expect([...eras]).toEqual(expect.arrayContaining(['showa', 'heisei', 'reiwa']));
    expect(new Set(PERSONAS.map((p) => p.sex))).toEqual(new Set(['1', '2']));
  });

  it('include EF 0002 files needing the 81 xx and the 82 xx xx length forms', () => {
    const lengthForms = PERSONAS.map((p) => encodeBasicFourInfoFile(p)[2]);
    expect(lengthForms).toContain(0x81);
    expect(lengthForms).toContain(0x82);
    expect(PERSONAS.some((p) => encodeBasicFourInfoFile(p).length > 256)).toBe(true);
  });

  it('give the card-face parts that build the cards.md example for 山田　太郎', () => {
    const yamada = findPersona('yamada-taro');
    if (!yamada) throw new Error('persona missing');
    expect(cardFace(yamada)).toEqual({
      birthDate: '1980-02-17',
      expiryYear: 2035,
      securityCode: '2285',
    });
    expect(buildCollationB(cardFace(yamada))).toEqual({ ok: true, value: '55021720352285' });
  });
});
