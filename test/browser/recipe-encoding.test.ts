// The Shift_JIS table built from Chromium's own decoder: the same as Node's (shared/text/sjis.test.ts).
import { shiftJisCodePoints, unencodableInShiftJis } from '../../shared/text/sjis.ts';
import { equal } from './assert.ts';

describe('Shift_JIS representability in Chromium', () => {
  it('builds the Windows-31J table, same size as in Node 20 ICU', () => {
    equal(shiftJisCodePoints().size, 7521);
  });

  it('accepts NEC/IBM extensions and refuses 𠮷, emoji and IVS', () => {
    equal(unencodableInShiftJis('髙①﨑㈱～－'), []);
    equal(unencodableInShiftJis('𠮷😀辻\u{E0100}'), ['𠮷', '😀', '\u{E0100}']);
  });
});
