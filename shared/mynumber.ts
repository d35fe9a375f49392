// 個人番号 (My Number): 11 digits plus a check digit. Used to validate manual entry before
// anything is sent; cards.md §1.7 gives the algorithm (hsaito/MyNumber.NET, MyNumber.cs).
// Never log a My Number (番号法): callers get a boolean, not the number back.

const ELEVEN_DIGITS = /^\d{11}$/;
const TWELVE_DIGITS = /^\d{12}$/;

/**
 * The check digit for the first 11 digits, or undefined when the input is not 11 ASCII digits.
 * Positions n = 1..11 count from the right; weight n+1 for n ≤ 6, n−5 for n ≥ 7.
 */
export function myNumberCheckDigit(first11: string): number | undefined {
  if (!ELEVEN_DIGITS.test(first11)) return undefined;
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const digit = first11.charCodeAt(11 - n) - 0x30;
    const weight = n <= 6 ? n + 1 : n - 5;
    sum += weight * digit;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

/** True for 12 ASCII digits whose last digit is the check digit of the first 11. */
export function isValidMyNumber(myNumber: string): boolean {
  if (!TWELVE_DIGITS.test(myNumber)) return false;
  return myNumberCheckDigit(myNumber.slice(0, 11)) === myNumber.charCodeAt(11) - 0x30;
}
