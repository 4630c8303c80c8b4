/**
 * Quotation typography by the quote's own script, whatever the interface language: a Persian
 * quote on an English page still gets « » and no slanted letters. Pure, so the persona pages,
 * print and slides can share it.
 *
 * - Marks follow the first strong character (a letter, or a directional mark): Arabic script
 *   (Persian, Arabic, Urdu…) opens with « and closes with »; everything else gets “ ”.
 *   Digits and punctuation are weak and do not decide: "۱۰ دقیقه" is Persian, "۱۰ minutes" is not.
 * - Arabic-script and Thai letters have no italic form in most fonts (the browser slants them
 *   itself, which reads badly), so a text with any of them is set upright.
 */
import { isArabicScript, isThaiScript } from './scripts';

const LRM = 0x200e;
const RLM = 0x200f;
const LETTER = /\p{L}/u;

/** Whether the first strong character of `text` is in the Arabic script (null: none is strong). */
function startsArabic(text: string): boolean | null {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // U+061C ARABIC LETTER MARK is strong and Arabic; LRM and RLM are strong and not.
    if (code === 0x061c) return true;
    if (code === LRM || code === RLM) return false;
    if (LETTER.test(ch)) return isArabicScript(code);
  }
  return null;
}

/** The opening and closing quotation marks for `text`: « » for Arabic-script text, else “ ”. */
export function quoteMarks(text: string): [open: string, close: string] {
  return startsArabic(text) ? ['«', '»'] : ['“', '”'];
}

/** Whether `text` should not be set in italics: it has Arabic-script or Thai letters. */
export function hasNoItalic(text: string): boolean {
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (isArabicScript(code) || isThaiScript(code)) return true;
  }
  return false;
}
