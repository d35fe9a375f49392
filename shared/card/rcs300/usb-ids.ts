// Sony RC-S300 (PaSoRi 4.0, "Port-400") USB facts, cards.md §4.2.

/** cards.md §4.2 (marimelon/rcs300-poc, laddge/esp32-pasori-rcs300). */
export const RCS300_VENDOR_ID = 0x054c;
/**
 * RC-S300/S and RC-S300/P. `054C:0D8F` is left out: cards.md §4.2 marks it UNVERIFIED
 * ("RC-S660" in one source, "Port-400" family in another).
 */
export const RCS300_PRODUCT_IDS: readonly number[] = [0x0dc8 /* RC-S300/S */, 0x0dc9 /* RC-S300/P */];
/**
 * Configuration value: cards.md §4.2 gives none. 1, the device's only configuration in the usual
 * case and what the RC-S380 uses (§4.1), is an assumption — UNVERIFIED.
 */
export const RCS300_CONFIGURATION = 1;
/**
 * cards.md §4.2: working WebUSB code claims interface 1, the vendor-class (0xFF) one; interface 0
 * is presumably CCID (0x0B), which WebUSB may not claim (§5) — UNVERIFIED. Its bulk endpoints are
 * OUT 0x02 and IN 0x82 (endpoint number 2 both ways); the driver takes them from the descriptors.
 */
export const RCS300_INTERFACE = 1;
export const RCS300_BULK_OUT = 0x02;
export const RCS300_BULK_IN = 0x82;

/** readerName: the UI must show that this reader is experimental (issue 3). */
export const RCS300_READER_NAME = 'Sony RC-S300（実験的対応）';
