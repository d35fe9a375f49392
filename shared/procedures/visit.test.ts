import { describe, expect, it } from 'vitest';
import { tennyu } from './catalogue/tennyu.ts';
import {
  accountHolderKana,
  applicantName,
  applicantNameKana,
  BANK_FIELDS,
  currentAddress,
  MOVE_KINDS,
} from './fields.ts';
import type { ProcedureDefinition } from './types.ts';
import { answersFromCard, procedureValues, resolveAnswers, visitProblems, visitQuestions } from './visit.ts';

// A second form that shares the name, kana and the current address with 転入届, plus an account.
const allowance: ProcedureDefinition = {
  ...tennyu,
  id: 'test-allowance',
  fields: [
    { name: 'claimant', spec: applicantName, required: true },
    { name: 'claimantKana', spec: applicantNameKana, required: true },
    { name: 'address', spec: currentAddress, required: true },
    ...BANK_FIELDS.map((spec) => ({ name: spec.key.replace('bank.', ''), spec, required: true })),
  ],
  rules: [],
  print: { title: 't', addressee: 'a', pages: [] },
};

const CARD = { name: '見本　花子', birthDate: '1990-04-01', sex: '2', address: '北海道架空郡見本町１番地' };

describe('once-only visit', () => {
  const questions = visitQuestions([tennyu, allowance]);

  it('asks a field shared by two procedures once, naming both', () => {
    const name = questions.filter((q) => q.spec.key === 'applicant.name');
    expect(name).toHaveLength(1);
    expect(name[0]?.uses.map((u) => [u.procedureId, u.name])).toEqual([
      ['tennyu', 'name'],
      ['test-allowance', 'claimant'],
    ]);
    const keys = questions.map((q) => q.spec.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fills what the card holds, and each procedure sees it under its own name', () => {
    const fromCard = answersFromCard(questions, CARD);
    expect(fromCard).toEqual({
      'applicant.name': CARD.name,
      'applicant.birthDate': CARD.birthDate,
      'applicant.sex': CARD.sex,
      'applicant.cardAddress': CARD.address,
    });
    const answers = resolveAnswers(questions, fromCard, '2026-12-01');
    expect(procedureValues(tennyu, answers).name).toBe(CARD.name);
    expect(procedureValues(tennyu, answers).previousAddress).toBe(CARD.address);
    expect(procedureValues(allowance, answers).claimant).toBe(CARD.name);
  });

  it('derives the current address from the new one after 転入, and follows changes', () => {
    const explicit = {
      ...answersFromCard(questions, CARD),
      'move.kind': MOVE_KINDS.in,
      'move.newAddress': '東京都架空区見本町三丁目４番５号',
    };
    let answers = resolveAnswers(questions, explicit, '2026-12-01');
    expect(procedureValues(allowance, answers).address).toBe('東京都架空区見本町三丁目４番５号');
    answers = resolveAnswers(
      questions,
      {
        ...explicit,
        'move.newAddress': '東京都架空区見本町一丁目１番１号',
      },
      '2026-12-01',
    );
    expect(procedureValues(allowance, answers).address).toBe('東京都架空区見本町一丁目１番１号');
    // Staff typing the address themselves wins over the derivation.
    answers = resolveAnswers(questions, { ...explicit, 'applicant.address': '別の住所' }, '2026-12-01');
    expect(procedureValues(allowance, answers).address).toBe('別の住所');
  });

  it('derives the account holder in half-width kana from the フリガナ, one change everywhere', () => {
    const answers = resolveAnswers(questions, { 'applicant.nameKana': 'ミホン　ハナコ' }, '2026-12-01');
    expect(answers[accountHolderKana.key]).toBe('ﾐﾎﾝ ﾊﾅｺ');
    expect(procedureValues(tennyu, answers).nameKana).toBe('ミホン　ハナコ');
    expect(procedureValues(allowance, answers).claimantKana).toBe('ミホン　ハナコ');
  });

  it('derives the movers list from the applicant until staff edit it', () => {
    const answers = resolveAnswers(
      questions,
      {
        ...answersFromCard(questions, CARD),
        'applicant.nameKana': 'ミホン　ハナコ',
        'household.relationship': 'head',
      },
      '2026-12-01',
    );
    expect(procedureValues(tennyu, answers).movers).toEqual([
      {
        name: CARD.name,
        nameKana: 'ミホン　ハナコ',
        birthDate: CARD.birthDate,
        sex: '2',
        relationship: 'head',
      },
    ]);
  });

  it('maps each problem back to the question to fix, per procedure', () => {
    const answers = resolveAnswers(questions, { 'applicant.nameKana': 'みほん' }, '2026-12-01');
    const problems = visitProblems([tennyu, allowance], answers, '2026-12-01');
    const name = problems.filter((p) => p.specKey === 'applicant.name');
    expect(name.map((p) => p.procedureId).sort()).toEqual(['tennyu', 'test-allowance']);
    // Hiragana typed into a katakana field is normalised, not refused.
    expect(problems.some((p) => p.specKey === 'applicant.nameKana')).toBe(false);
    expect(procedureValues(tennyu, answers).nameKana).toBe('ミホン');
  });
});
