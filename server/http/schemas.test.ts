// The body schemas on their own (http/schemas.ts): what they hand the handlers (trimmed, NFC, no
// reason as undefined), and the messages: the field named, what to send, ～ (U+FF5E) not 〜.
import { describe, expect, it } from 'vitest';
import {
  type BodySchema,
  commentBody,
  emptyBody,
  enrollBody,
  parseBody,
  revealMyNumberBody,
  signInBody,
  statusBody,
} from './schemas.ts';

const refused = <T>(schema: BodySchema<T>, value: unknown) => {
  const r = parseBody(schema, value);
  if (r.ok || r.error.kind !== 'invalid-body') throw new Error(`accepted: ${JSON.stringify(value)}`);
  return r.error;
};

describe('body schemas', () => {
  it('hand the handlers what they always had: trimmed text, NFC names, no reason as undefined', () => {
    expect(parseBody(signInBody, { username: ' demo ', password: ' pw ' })).toEqual({
      ok: true,
      value: { username: 'demo', password: ' pw ' },
    });
    expect(parseBody(revealMyNumberBody, { reason: ' 基幹系への登録のため ' })).toEqual({
      ok: true,
      value: { reason: '基幹系への登録のため' },
    });
    for (const reason of [undefined, null, '', '   '])
      expect(parseBody(statusBody, { to: 'checked', reason })).toEqual({
        ok: true,
        value: { to: 'checked', reason: undefined },
      });
    expect(parseBody(commentBody, { text: ' 一行目\n\t二行目\r\n ' })).toEqual({
      ok: true,
      value: { text: '一行目\n\t二行目' },
    });
    const key = { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', ext: true };
    expect(parseBody(enrollBody, { code: 'k7qm-2xpa-9r', name: ' 窓口e\u0301 ', publicKey: key })).toEqual({
      ok: true,
      value: { code: 'k7qm-2xpa-9r', name: '窓口\u00e9', publicKey: key },
    });
    expect(parseBody(emptyBody, {})).toEqual({ ok: true, value: {} });
  });

  it('count characters as code points, as the handlers did', () => {
    expect(parseBody(commentBody, { text: '𠮷'.repeat(1000) }).ok).toBe(true);
    expect(parseBody(commentBody, { text: '𠮷'.repeat(1001) }).ok).toBe(false);
    expect(parseBody(revealMyNumberBody, { reason: '𠮷' }).ok).toBe(false);
    expect(parseBody(revealMyNumberBody, { reason: '𠮷𠮷' }).ok).toBe(true);
    expect(parseBody(enrollBody, { code: '', name: '端'.repeat(40), publicKey: {} }).ok).toBe(true);
  });

  it('name the field and what it must be, in Japanese, with ～', () => {
    const e = refused(revealMyNumberBody, { reason: 'x' });
    expect(e.field).toBe('reason');
    expect(e.message).toBe(
      '「reason」（個人番号を表示する理由）は2～200文字で入力してください（監査記録に残ります）。改行などの制御文字と、保存できない文字は使えません。',
    );
    expect(e.problems).toEqual([{ key: 'reason', message: e.message }]);
    expect(refused(statusBody, { to: 'deleted' }).message).toBe(
      '「to」（変更先の状態）はreceived（受付済み）・checked（確認済み）・transcribed（転記済み）・done（完了）のいずれかにしてください。画面を読み込み直してください。',
    );
    // A missing field reads as what it must be.
    expect(refused(signInBody, { username: 'demo' }).message).toBe(
      '「password」（パスワード）は1～1024文字で入力してください。',
    );
  });

  it('refuse unknown keys, naming them and what may be sent', () => {
    expect(refused(signInBody, { username: 'a', password: 'b', role: 'admin' }).message).toBe(
      '「role」という項目は受け付けていません（送れる項目: username, password）。アプリを最新にしてから送り直してください。',
    );
    expect(refused(emptyBody, { force: true }).message).toBe(
      'この操作には送信データの項目は要りません（「force」は受け付けません）。本文なしか {} で送ってください。',
    );
    expect(refused(emptyBody, { ['k'.repeat(500)]: 1 }).message.length).toBeLessThan(120);
  });

  it('refuse what is not an object at all, without problems to list', () => {
    for (const value of [null, [], [{}], 'text', 0, false]) {
      const e = refused(commentBody, value);
      expect(e.field).toBe('');
      expect(e.problems).toEqual([]);
      expect(e.message).toBe(
        '送信データは { } で囲んだJSONのオブジェクトにしてください。アプリを最新にしてから送り直してください。',
      );
    }
  });

  it('refuse control characters in names and reasons; a comment keeps its line breaks', () => {
    for (const c of ['\u0000', '\u0007', '\n', '\t', '\u001b', '\u007f', '\u0085', '\u009b']) {
      expect(parseBody(revealMyNumberBody, { reason: `確認${c}のため` }).ok).toBe(false);
      expect(parseBody(statusBody, { to: 'received', reason: `確認${c}のため` }).ok).toBe(false);
      expect(parseBody(enrollBody, { code: 'a', name: `窓口${c}1`, publicKey: {} }).ok).toBe(false);
      expect(parseBody(commentBody, { text: `メモ${c}です` }).ok).toBe(c === '\n' || c === '\t');
    }
    expect(parseBody(commentBody, { text: 'a\r\nb' }).ok).toBe(true);
    expect(parseBody(commentBody, { text: 'a\ud800b' }).ok).toBe(false);
  });
});
