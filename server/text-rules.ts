// Text that PostgreSQL cannot store: NUL (refused in text and jsonb) and lone UTF-16 surrogates
// (JSON.parse accepts "\ud800", jsonb refuses it). Checked before any query, so such input is a
// 400 with a message rather than a database error and a 500.
const LONE_SURROGATE = /\p{Cs}/u;

export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/** Every string anywhere inside a JSON value is storable. */
export function isStorableJson(value: unknown): boolean {
  if (typeof value === 'string') return isStorableText(value);
  if (Array.isArray(value)) return value.every(isStorableJson);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).every(([k, v]) => isStorableText(k) && isStorableJson(v));
  return true;
}

// C0 controls, DEL and C1 controls: never wanted in a name or a one-line reason (they hide text,
// break a CSV or a log line). A comment may keep its line breaks and tabs.
const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\t\n\r]/u;

/** Storable, and on one line: no control character at all (names, reasons). */
export function isOneLineText(s: string): boolean {
  return isStorableText(s) && !CONTROL.test(s);
}

/** Storable, and no control character other than tab, line feed and carriage return (comments). */
export function isMultiLineText(s: string): boolean {
  return isStorableText(s) && !CONTROL_BUT_LINES.test(s);
}
