import { describe, expect, it } from 'vitest';
import { hiraganaToKatakana, isHalfWidthKana, toHalfWidthKana } from './kana.ts';

describe('toHalfWidthKana', () => {
  it('converts a name with an ideographic space', () => {
    expect(toHalfWidthKana('ヤマダ　タロウ')).toEqual({ ok: true, value: 'ﾔﾏﾀﾞ ﾀﾛｳ' });
  });

  it('splits voiced and semi-voiced letters into letter + mark, so the text grows', () => {
    const r = toHalfWidthKana('ヤマダ　ガクト');
    expect(r).toEqual({ ok: true, value: 'ﾔﾏﾀﾞ ｶﾞｸﾄ' });
    if (r.ok) expect([...r.value].length).toBe(9); // 7 characters in, 9 out
    expect(toHalfWidthKana('ガギグゲゴザジズゼゾダヂヅデドバビブベボ')).toEqual({
      ok: true,
      value: 'ｶﾞｷﾞｸﾞｹﾞｺﾞｻﾞｼﾞｽﾞｾﾞｿﾞﾀﾞﾁﾞﾂﾞﾃﾞﾄﾞﾊﾞﾋﾞﾌﾞﾍﾞﾎﾞ',
    });
    expect(toHalfWidthKana('パピプペポ')).toEqual({ ok: true, value: 'ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ' });
    expect(toHalfWidthKana('ヴァイオリン')).toEqual({ ok: true, value: 'ｳﾞｧｲｵﾘﾝ' });
  });

  it('maps every plain letter, small kana and the long vowel mark', () => {
    expect(
      toHalfWidthKana(
        'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン',
      ),
    ).toEqual({
      ok: true,
      value: 'ｱｲｳｴｵｶｷｸｹｺｻｼｽｾｿﾀﾁﾂﾃﾄﾅﾆﾇﾈﾉﾊﾋﾌﾍﾎﾏﾐﾑﾒﾓﾔﾕﾖﾗﾘﾙﾚﾛﾜｦﾝ',
    });
    expect(toHalfWidthKana('ァィゥェォャュョッー')).toEqual({ ok: true, value: 'ｧｨｩｪｫｬｭｮｯｰ' });
  });

  it('converts the JIS X 0201 punctuation and the ideographic space', () => {
    expect(toHalfWidthKana('「コーヒー」、ミルク・サトウ。')).toEqual({ ok: true, value: '｢ｺｰﾋｰ｣､ﾐﾙｸ･ｻﾄｳ｡' });
    expect(toHalfWidthKana('\u3000')).toEqual({ ok: true, value: ' ' });
  });

  it('handles decomposed (NFD) voiced marks and the spacing marks', () => {
    expect(toHalfWidthKana('カ\u3099ハ\u309A')).toEqual({ ok: true, value: 'ｶﾞﾊﾟ' });
    expect(toHalfWidthKana('カ゛')).toEqual({ ok: true, value: 'ｶﾞ' });
  });

  it('reports letters without a half-width form instead of changing them', () => {
    expect(toHalfWidthKana('ヰヱヮヵヶ')).toEqual({
      ok: false,
      error: { kind: 'no-half-width-form', chars: ['ヰ', 'ヱ', 'ヮ', 'ヵ', 'ヶ'] },
    });
    expect(toHalfWidthKana('サヽキ ㇰ ヰヰ')).toEqual({
      ok: false,
      error: { kind: 'no-half-width-form', chars: ['ヽ', 'ㇰ', 'ヰ'] },
    });
  });

  it('leaves characters outside the katakana blocks to the caller', () => {
    expect(toHalfWidthKana('山田 ABC 123')).toEqual({ ok: true, value: '山田 ABC 123' });
  });
});

describe('hiraganaToKatakana', () => {
  it('shifts hiragana to katakana and keeps the rest', () => {
    expect(hiraganaToKatakana('やまだ　たろう')).toBe('ヤマダ　タロウ');
    expect(hiraganaToKatakana('ぁゖゝゞ')).toBe('ァヶヽヾ');
    expect(hiraganaToKatakana('山田ー A')).toBe('山田ー A');
  });
});

describe('isHalfWidthKana', () => {
  it('accepts half-width kana and spaces only', () => {
    expect(isHalfWidthKana('ﾔﾏﾀﾞ ﾀﾛｳ')).toBe(true);
    expect(isHalfWidthKana('ﾔﾏﾀﾞ　ﾀﾛｳ')).toBe(false);
    expect(isHalfWidthKana('ヤマダ')).toBe(false);
  });
});
