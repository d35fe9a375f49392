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
  { kind: 'invalid-pin' },
  { kind: 'wrong-pin', triesLeft: 2 },
  { kind: 'pin-blocked' },
  { kind: 'last-try-needs-confirmation', key: 'pin', triesLeft: 1 },
  { kind: 'last-try-needs-confirmation', key: 'collation-b', triesLeft: 1 },
  { kind: 'my-number-invalid' },
  { kind: 'data-not-authentic', reason: 'digest-mismatch' },
  { kind: 'data-not-authentic', reason: 'challenge-signature-bad' },
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

  it('explains what the last try risks before anything is sent', () => {
    const message = cardErrorMessage({ kind: 'last-try-needs-confirmation', key: 'pin', triesLeft: 1 });
    expect(message).toContain('残り1回');
    expect(message).toContain('ロック');
    expect(message).toContain('市区町村の窓口');
    expect(message).toContain('まだ何も送っていません');
    expect(
      cardErrorMessage({ kind: 'last-try-needs-confirmation', key: 'collation-b', triesLeft: 1 }),
    ).toContain('照合番号B');
  });

  it('tells staff not to use data that failed the authenticity checks', () => {
    const message = cardErrorMessage({ kind: 'data-not-authentic', reason: 'digest-mismatch' });
    expect(message).toContain('使いません');
    expect(message).toContain('手入力');
  });

  it('does not show technical details to staff', () => {
    expect(
      cardErrorMessage({ kind: 'transport-failed', detail: 'NetworkError: transfer failed' }),
    ).not.toContain('NetworkError');
  });
});
