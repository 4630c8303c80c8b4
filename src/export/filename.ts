/**
 * File names from user titles. Letters and marks of every script are kept (Thai vowels and tone marks,
 * Vietnamese diacritics, Persian letters and the zero-width non-joiner its words need); what a file
 * system or a shell would trip on is replaced, and bidirectional controls are removed so a title such
 * as "invoice\u202Enosj.exe" cannot disguise the real extension.
 */

const MAX_STEM_GRAPHEMES = 80;
/** Zero-width non-joiner and joiner: part of Persian spelling, kept. */
const JOINERS = new Set(['\u200C', '\u200D']);
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/** A file-name stem (no extension) made from a title; `fallback` when nothing usable is left. */
export function fileStem(title: string, fallback = 'journey-map'): string {
  let s = title.normalize('NFC');
  // Bidi controls (LRM/RLM, embeddings, overrides, isolates) and other invisible format characters,
  // except ZWNJ/ZWJ, which are part of Persian (and other) spelling.
  s = s.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/gu, '');
  s = s.replace(/\p{Cf}/gu, (ch) => (JOINERS.has(ch) ? ch : ''));
  // Anything that is not a letter, a mark, a digit, a space or a few safe punctuation marks.
  s = s.replace(/[^\p{L}\p{M}\p{N} _.,()[\]'&+-]/gu, (ch) => (JOINERS.has(ch) ? ch : '-'));
  s = s.replace(/\s+/gu, ' ').replace(/-{2,}/g, '-');
  s = s.replace(/^[\s.-]+|[\s.-]+$/gu, '');
  s = truncateGraphemes(s, MAX_STEM_GRAPHEMES).replace(/[\s.-]+$/u, '');
  if (!/[\p{L}\p{N}]/u.test(s)) return fallback;
  if (WINDOWS_RESERVED.test(s)) s = `${s}_`;
  return s;
}

function truncateGraphemes(s: string, max: number): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let out = '';
  let n = 0;
  for (const { segment } of segmenter.segment(s)) {
    if (n++ >= max) break;
    out += segment;
  }
  return out;
}

/** Today's date as YYYY-MM-DD, for backup file names. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
