import { describe, expect, it } from 'vitest';
import { type CardReadError, cardErrorMessage } from './errors.ts';

const EVERY_KIND: readonly CardReadError[] = [
  { kind: 'no-card' },
  { kind: 'transport-failed', detail: 'NetworkError: transfer failed' },
  { kind: 'not-mynumber-card' },
  { kind: 'wrong-collation-b', triesLeft: 9 },
  { kind: 'collation-b-blocked' },
  { kind: 'invalid-collation-b', reason: { kind: 'not-14-digits' } },
  { kind: 'security-not-satisfied' },
  { kind: 'file-not-found' },
  { kind: 'unexpected-status', sw: 0x6a86 },
  { kind: 'malformed-response', detail: 'EF 0002: no FF 20 header' },
];

describe('cardErrorMessage', () => {
  it('gives every kind a Japanese message with a next step', () => {
    for (const e of EVERY_KIND) {
      const message = cardErrorMessage(e);
      expect(message, e.kind).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(message, e.kind).toMatch(/ください。$/);
    }
  });

  it('tells staff how many 照合番号B tries are left and what to check', () => {
    expect(cardErrorMessage({ kind: 'wrong-collation-b', triesLeft: 9 })).toBe(
      '照合番号Bが違います（カードの応答 63C9）。残り9回です。カード券面の生年月日・有効期限の年・セキュリティコードを確かめて入力し直してください。',
    );
  });

  it('sends a blocked card to the municipal counter and offers manual entry', () => {
    const message = cardErrorMessage({ kind: 'collation-b-blocked' });
    expect(message).toContain('市区町村の窓口');
    expect(message).toContain('初期化・再設定');
    expect(message).toContain('手入力');
  });

  it('asks to put the card on the reader when there is none', () => {
    expect(cardErrorMessage({ kind: 'no-card' })).toBe(
      'カードが読み取れません。カードをリーダーの上に置いてから、もう一度「読み取る」を押してください。',
    );
  });

  it('shows the status word in hex and delegates 照合番号B format errors', () => {
    expect(cardErrorMessage({ kind: 'unexpected-status', sw: 0x6a86 })).toContain('6A86');
    expect(cardErrorMessage({ kind: 'invalid-collation-b', reason: { kind: 'not-14-digits' } })).toContain(
      '14桁',
    );
  });

  it('does not show technical details to staff', () => {
    expect(
      cardErrorMessage({ kind: 'transport-failed', detail: 'NetworkError: transfer failed' }),
    ).not.toContain('NetworkError');
  });
});
