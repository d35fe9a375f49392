import { describe, expect, it } from 'vitest';
import { shiftJisByteLength, shiftJisCodePoints, unencodableInShiftJis } from './sjis.ts';

describe('unencodableInShiftJis', () => {
  it('reports characters outside Windows-31J, each once', () => {
    expect(unencodableInShiftJis('𠮷野家の𠮷田')).toEqual(['𠮷']);
    expect(unencodableInShiftJis('山田😀太郎')).toEqual(['😀']);
    // IVS selector (辻 + U+E0100): the base letter is fine, the selector is not.
    expect(unencodableInShiftJis('辻\u{E0100}')).toEqual(['\u{E0100}']);
  });

  it('accepts NEC and IBM extensions, because WHATWG shift_jis is CP932 (Node ICU and Chromium agree)', () => {
    // 髙 U+9AD9 (IBM 0xFBFC), ① U+2460 (NEC row 13 0x8740), 﨑 U+FA11, ㈱, ～ U+FF5E, － U+FF0D.
    expect(unencodableInShiftJis('髙①﨑㈱～－渡邉邊')).toEqual([]);
    expect(unencodableInShiftJis('東京都千代田区霞が関１丁目２番３号')).toEqual([]);
  });

  it('accepts the characters the encoder maps although the decoder never yields them', () => {
    expect(unencodableInShiftJis('¥‾−')).toEqual([]);
  });

  it('does not treat the user-defined area (外字) as encodable', () => {
    expect(unencodableInShiftJis('\uE000')).toEqual(['\uE000']);
  });

  it('builds the same table as Chromium (see test/browser/recipe-encoding.test.ts)', () => {
    expect(shiftJisCodePoints().size).toBe(7521);
  });
});

describe('shiftJisByteLength', () => {
  it('counts 1 byte for ASCII and half-width kana, 2 for the rest', () => {
    expect(shiftJisByteLength('山田　太郎')).toBe(10);
    expect(shiftJisByteLength('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(8); // ﾀﾞ is two bytes
    expect(shiftJisByteLength('1-2 ｱ')).toBe(5);
  });

  it('counts an unencodable character as the &#N; reference the browser would submit', () => {
    expect(shiftJisByteLength('𠮷')).toBe('&#134071;'.length);
  });
});
