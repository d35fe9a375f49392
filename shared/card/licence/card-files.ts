// The bytes of the emulated licence files, laid out as cards.md §2.2–§2.3 describe, so that the
// emulator answers what a real card answers: MF/EF01 共通データ要素 and DF1/EF01 記載事項.

import { ERAS, toWareki } from '../../wareki.ts';
import { asciiBytes, concatBytes } from '../bytes.ts';
import { COMMON_DATA_LENGTH, ENTRIES_FILE_LENGTH, ENTRY_TAG, LICENCE_CLASSES } from './identifiers.ts';
import { encodeJis0208 } from './jis0208.ts';
import type { LicencePersona } from './personas.ts';

/** ISO date → the 7 ASCII characters era digit + YYMMDD (§2.3: 1=明治 … 5=令和). */
export function toEraDate(iso: string): string {
  const w = toWareki(iso);
  if (!w) throw new RangeError('toEraDate: not a date after 明治 began');
  const digit = ERAS.indexOf(w.era) + 1;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${digit}${two(w.year)}${two(w.month)}${two(w.day)}`;
}

/** Simple TLV, 1-byte tag and length (§2.3). */
function entry(tag: number, value: Uint8Array): Uint8Array {
  if (value.length > 0xff) throw new RangeError(`entry ${tag.toString(16)}: value over 255 bytes`);
  return concatBytes(Uint8Array.of(tag, value.length), value);
}

/**
 * DF1/EF01, 880 bytes: the entries in tag order, then FF filler. Throws for a persona the card
 * could not hold (a character outside JIS X 0208 that is not registered as 外字): test data bug.
 */
export function encodeEntriesFile(p: LicencePersona): Uint8Array {
  const jis = (text: string) => {
    const encoded = encodeJis0208(text, p.gaiji ? { gaiji: p.gaiji } : {});
    if (!encoded.ok)
      throw new RangeError(`persona ${p.id}: character at ${encoded.error.index} not in JIS X 0208`);
    return encoded.value;
  };
  const date = (iso: string) => asciiBytes(toEraDate(iso));
  const parts: Uint8Array[] = [
    entry(ENTRY_TAG.jisEdition, Uint8Array.of(0x90)), // JIS X 0208-1990
    entry(ENTRY_TAG.name, jis(p.name)),
    entry(ENTRY_TAG.callName, new Uint8Array(0)),
    entry(ENTRY_TAG.alias, new Uint8Array(0)),
    entry(ENTRY_TAG.unifiedNameKana, p.nameKana ? jis(p.nameKana) : new Uint8Array(0)),
    entry(ENTRY_TAG.birthDate, date(p.birthDate)),
    entry(ENTRY_TAG.address, jis(p.address)),
    entry(ENTRY_TAG.issueDate, date(p.issueDate)),
    entry(ENTRY_TAG.referenceNumber, asciiBytes(p.referenceNumber ?? '')),
    entry(ENTRY_TAG.colour, jis(p.colour)),
    entry(ENTRY_TAG.expiryDate, date(p.expiryDate)),
  ];
  for (let i = 0; i < 4; i++) parts.push(entry(ENTRY_TAG.condition1 + i, jis(p.conditions[i] ?? '')));
  parts.push(entry(ENTRY_TAG.commission, jis(p.commission)));
  parts.push(entry(ENTRY_TAG.licenceNumber, asciiBytes(p.licenceNumber)));
  LICENCE_CLASSES.forEach((licenceClass, i) => {
    const held = p.classes.find((c) => c.licenceClass === licenceClass);
    // Not held: an era digit and 000000 (§2.3). Which era digit a card writes is UNVERIFIED.
    parts.push(entry(ENTRY_TAG.firstClassDate + i, asciiBytes(held ? toEraDate(held.date) : '5000000')));
  });
  const content = concatBytes(...parts);
  if (content.length > ENTRIES_FILE_LENGTH) throw new RangeError(`persona ${p.id}: entries over 880 bytes`);
  const file = new Uint8Array(ENTRIES_FILE_LENGTH).fill(0xff);
  file.set(content);
  return file;
}

/** BCD YYYYMMDD (§2.2: dates in the common data). */
function bcdDate(iso: string): Uint8Array {
  const digits = iso.replaceAll('-', '');
  return Uint8Array.from([0, 2, 4, 6], (i) => Number.parseInt(digits.slice(i, i + 2), 16));
}

/**
 * MF/EF01, 17 bytes: 45 0B <spec version "008"> <issue BCD> <expiry BCD>, 46 02 <manufacturer>
 * <crypto function> (§2.2). The two ids are invented (the spec's value lists were not read).
 */
export function encodeCommonDataFile(p: LicencePersona): Uint8Array {
  const file = concatBytes(
    Uint8Array.of(0x45, 0x0b),
    asciiBytes('008'),
    bcdDate(p.issueDate),
    bcdDate(p.expiryDate),
    Uint8Array.of(0x46, 0x02, 0x01, 0x01),
  );
  if (file.length !== COMMON_DATA_LENGTH) throw new RangeError('encodeCommonDataFile: layout');
  return file;
}
