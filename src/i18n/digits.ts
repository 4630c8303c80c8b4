/**
 * Numbers as our users type them. A Persian keyboard types ۰-۹ (U+06F0), an Arabic one ٠-٩
 * (U+0660), a Thai one ๐-๙ (U+0E50); Persian writes the decimal point as ٫ and groups with ٬.
 * Numeric fields accept all of them and store plain numbers.
 */
const ZEROS = [0x06f0, 0x0660, 0x0e50];

/** Every digit in `text` as an ASCII digit; every other character unchanged. */
export function toAsciiDigits(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    const zero = ZEROS.find((z) => code >= z && code <= z + 9);
    out += zero === undefined ? ch : String(code - zero);
  }
  return out;
}

/**
 * "۹۵" -> 95, "٩٥٫٥" -> 95.5, "๙๕" -> 95, "1,200" -> 1200, "−3" -> -3; text that is not one
 * number -> null. Grouping marks (",", "٬", thin and no-break spaces) are dropped; the decimal
 * mark is "." or "٫".
 */
export function parseLocalizedNumber(text: string): number | null {
  const plain = toAsciiDigits(text.trim())
    // Direction marks Intl writes around Persian numbers ("\u200E−۳"), and grouping marks.
    .replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[,\u066C\u00A0\u202F\u2009 ]/g, '')
    .replace(/\u066B/g, '.')
    .replace(/^[\u2212\u2012\u2013]/, '-');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(plain)) return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}
