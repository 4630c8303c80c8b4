/**
 * Which script a character is in, for the scripts our users write: one table, read by the
 * quotation typography (quotes.ts) and by the guess of a text's language (locales.ts).
 */

const ARABIC_SCRIPT: readonly (readonly [number, number])[] = [
  [0x0600, 0x06ff], // Arabic (Persian letters included)
  [0x0750, 0x077f], // Arabic Supplement
  [0x08a0, 0x08ff], // Arabic Extended-A
  [0xfb50, 0xfdff], // Arabic Presentation Forms-A
  [0xfe70, 0xfeff], // Arabic Presentation Forms-B
];

/** A code point of the Arabic script (Persian, Arabic, Urdu…). */
export function isArabicScript(code: number): boolean {
  return ARABIC_SCRIPT.some(([from, to]) => code >= from && code <= to);
}

/** A code point of the Thai block. */
export function isThaiScript(code: number): boolean {
  return code >= 0x0e00 && code <= 0x0e7f;
}
