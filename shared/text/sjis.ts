// Which characters a Shift_JIS legacy page can hold. Browsers encode form data in the page's
// encoding, and a character outside it is sent as a decimal reference (&#134071;) that the
// legacy server stores as text (WHATWG Encoding §shift_jis; WPT sjis-encode-form-errors).
// "Shift_JIS" on the web means Windows-31J/CP932 (JIS X 0208 + NEC row 13 + IBM extensions),
// so ① and 髙 ARE encodable; 𠮷 (U+20BB7), emoji and IVS selectors are not.
//
// The table is not shipped: we decode every one- and two-byte sequence once with the platform
// decoder (browsers, and Node with full ICU) and keep the code points that came out.

let encodable: ReadonlySet<number> | undefined;

// The WHATWG encoder also accepts these, mapping them onto table entries (¥ → 0x5C, ‾ → 0x7E,
// − MINUS SIGN → － 0x817C), although the decoder never produces them.
const ENCODER_ONLY = [0x00a5, 0x203e, 0x2212];

function buildEncodableSet(): ReadonlySet<number> {
  const decoder = new TextDecoder('shift_jis');
  const set = new Set<number>(ENCODER_ONLY);
  for (let b = 0; b <= 0x80; b++) set.add(b); // ASCII and U+0080 are single bytes as-is
  for (let cp = 0xff61; cp <= 0xff9f; cp++) set.add(cp); // half-width kana 0xA1..0xDF
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead >= 0xa0 && lead <= 0xdf) continue;
    pair[0] = lead;
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      pair[1] = trail;
      const text = decoder.decode(pair);
      const cp = text.codePointAt(0);
      // One code point means the pair is in the table; U+FFFD (+ the trail byte) means it is not.
      // User-defined area (0xF040..0xF9FC → U+E000..) is excluded: 外字 differ per system.
      if (cp !== undefined && text.length === 1 && cp !== 0xfffd && !(cp >= 0xe000 && cp <= 0xf8ff))
        set.add(cp);
    }
  }
  return set;
}

/** The code points Windows-31J can hold (built on first use, about 7,500 entries). */
export function shiftJisCodePoints(): ReadonlySet<number> {
  encodable ??= buildEncodableSet();
  return encodable;
}

/** Characters of `s` the page encoding cannot hold, each once, in order of appearance. */
export function unencodableInShiftJis(s: string): string[] {
  const set = shiftJisCodePoints();
  const found: string[] = [];
  for (const c of s) {
    if (!set.has(c.codePointAt(0) as number) && !found.includes(c)) found.push(c);
  }
  return found;
}

/**
 * Bytes the browser will submit for `s` in Shift_JIS: 1 for ASCII and half-width kana, 2 for the
 * rest of the table, and the length of the `&#N;` reference for a character outside it.
 */
export function shiftJisByteLength(s: string): number {
  const set = shiftJisCodePoints();
  let bytes = 0;
  for (const c of s) {
    const cp = c.codePointAt(0) as number;
    if (cp <= 0x80 || (cp >= 0xff61 && cp <= 0xff9f) || cp === 0x00a5 || cp === 0x203e) bytes += 1;
    else if (set.has(cp)) bytes += 2;
    else bytes += `&#${cp};`.length;
  }
  return bytes;
}
