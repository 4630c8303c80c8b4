/**
 * How wide a text is and how many lines it takes in a box, from the glyph widths of
 * the fonts the app ships (glyphWidths.ts), without asking the browser: the canvas
 * lays cards out before anything is rendered, and measuring in the page would cost a
 * layout per card on a 1,000-card map. Pure and fast (a table look-up per character);
 * where it has to guess (a glyph none of our fonts has, a ligature) it guesses wide, so
 * a card gets a little more room than it needs rather than too little.
 *
 * Line breaking follows what the browser does with `overflow-wrap: anywhere`: breaks
 * after spaces and after a hyphen between letters, Thai at word boundaries (Intl.Segmenter
 * uses the same ICU dictionary as Chromium's line breaker), and a word longer than the
 * line anywhere inside it.
 */
import { ARABIC_DUAL, ARABIC_OTHER, ARABIC_RIGHT, LATIN_BOLD, LATIN_EXTRA, LATIN_REGULAR, THAI } from './glyphWidths';

/** A piece of text at one size and weight (a line may mix them, as a KPI's value and target do). */
export interface TextRun {
  text: string;
  px: number;
  bold?: boolean;
}

/** Bold faces of the scripts we only measured in regular are about this much wider. */
const BOLD_FACTOR = 1.1;
/** Glyphs none of our fonts draws come from a system font: guess wide (thousandths of an em). */
const UNKNOWN = 700;
const WIDE = 1000;
const EMOJI = 1250;
const ZWNJ = 0x200c;
const ZWJ = 0x200d;
const TATWEEL = 0x640;
const TAB = 0x9;

function isZeroWidth(cp: number): boolean {
  return (
    (cp >= 0x300 && cp <= 0x36f) || // combining diacritics (decomposed Vietnamese)
    (cp >= 0x64b && cp <= 0x65f) || // Arabic harakat
    cp === 0x670 ||
    (cp >= 0x6d6 && cp <= 0x6ed) ||
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space, joiners, direction marks
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2069) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) || // variation selectors
    cp === 0xfeff ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x20d0 && cp <= 0x20ff)
  );
}

/** Width of a code point drawn on its own, the slow way (then kept in the dense table or a map). */
function measureOne(cp: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return LATIN_REGULAR[cp - 0x20]!;
  if (cp >= 0xe01 && cp <= 0xe5b) return THAI[cp - 0xe01]!;
  if (isZeroWidth(cp)) return 0;
  if (LATIN_EXTRA[cp] !== undefined) return LATIN_EXTRA[cp]!;
  if (ARABIC_OTHER[cp] !== undefined) return ARABIC_OTHER[cp]!;
  const forms = ARABIC_DUAL[cp] ?? ARABIC_RIGHT[cp];
  if (forms) return forms[0]!;
  if (cp === TAB) return 8 * LATIN_REGULAR[0]!;
  if ((cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef)) return WIDE;
  if (cp >= 0x1f000 || (cp >= 0x2600 && cp <= 0x27bf)) return EMOJI;
  // An accented Latin letter (Vietnamese ệ, French é) is as wide as its base letter.
  if ((cp >= 0xc0 && cp <= 0x2af) || (cp >= 0x1e00 && cp <= 0x1eff)) {
    const base = String.fromCodePoint(cp).normalize('NFD').codePointAt(0) ?? cp;
    if (base !== cp && base >= 0x20 && base <= 0x7e) return LATIN_REGULAR[base - 0x20]!;
  }
  return UNKNOWN;
}

/** How an Arabic-script code point joins: not at all, to the letter before only, both ways, or not at all but transparently (a mark). */
const NONE = 0;
const RIGHT = 1;
const DUAL = 2;
const TRANSPARENT = 3;

// Dense tables for the code points users type most (Latin, Arabic, Thai, punctuation up
// to U+20FF), built on first use: one array read per character.
const DENSE = 0x2100;
let widths: Uint16Array | null = null;
let joins: Uint8Array | null = null;
let forms: Uint16Array | null = null;
const sparse = new Map<number, number>();

function tables(): Uint16Array {
  if (widths) return widths;
  widths = new Uint16Array(DENSE);
  for (let cp = 0; cp < DENSE; cp++) widths[cp] = measureOne(cp);
  joins = new Uint8Array(0x100);
  forms = new Uint16Array(0x100 * 4);
  for (let i = 0; i < 0x100; i++) {
    const cp = 0x600 + i;
    const dual = ARABIC_DUAL[cp];
    const f = dual ?? ARABIC_RIGHT[cp];
    if (f) {
      joins[i] = dual ? DUAL : RIGHT;
      for (let k = 0; k < 4; k++) forms[i * 4 + k] = f[k]!;
    } else if (isZeroWidth(cp)) joins[i] = TRANSPARENT;
  }
  joins[TATWEEL - 0x600] = DUAL;
  return widths;
}

function width1(cp: number): number {
  if (cp < DENSE) return widths![cp]!;
  let w = sparse.get(cp);
  if (w === undefined) sparse.set(cp, (w = measureOne(cp)));
  return w;
}

/** How the code point at `i` joins; a joiner counts as a letter that joins both ways. */
function joinAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0x600 && c <= 0x6ff) return joins![c - 0x600]!;
  if (c === ZWJ) return DUAL;
  if (c !== ZWNJ && ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f))) return TRANSPARENT;
  return NONE;
}

/** Width of text[from, to) in thousandths of an em, and of its Latin part in bold. */
function ems(text: string, from: number, to: number, bold: boolean): number {
  const w = tables();
  let em = 0;
  let boldLatin = 0;
  // Whether the letter before (marks skipped) joins forward, i.e. is dual-joining.
  let joinable = false;
  for (let i = from; i < to; i++) {
    let cp = text.charCodeAt(i);
    if (cp < 0x7f) {
      joinable = false;
      if (bold && cp >= 0x20) boldLatin += LATIN_BOLD[cp - 0x20]!;
      else em += w[cp]!;
      continue;
    }
    if (cp >= 0x600 && cp <= 0x6ff) {
      const j = joins![cp - 0x600]!;
      if (j === RIGHT || j === DUAL) {
        let n = i + 1;
        while (n < to && joinAt(text, n) === TRANSPARENT) n++;
        const next = n < to ? joinAt(text, n) : NONE;
        const after = j === DUAL && (next === RIGHT || next === DUAL);
        em += forms![(cp - 0x600) * 4 + (joinable ? (after ? 3 : 1) : after ? 2 : 0)]!;
        joinable = j === DUAL;
        continue;
      }
      if (j === TRANSPARENT) continue;
      joinable = false;
      em += w[cp]!;
      continue;
    }
    if (cp === ZWJ) {
      joinable = true;
      continue;
    }
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < to) {
      cp = text.codePointAt(i)!;
      i++;
    }
    if (!(cp >= 0x300 && cp <= 0x36f)) joinable = false;
    em += width1(cp);
  }
  return (bold ? em * BOLD_FACTOR : em) + boldLatin;
}

/** Width of a text in px: Arabic letters take the form (isolated, final, initial, medial) their neighbours give them. */
export function textWidth(text: string, px: number, bold = false): number {
  return ems(text, 0, text.length, bold) * (px / 1000);
}

const THAI_RE = /[\u0e00-\u0e7f]/;
const HYPHEN_RE = /\p{L}[-\u2010\u2013]\p{L}/u;
const HYPHEN_SPLIT = /(?<=\p{L}[-\u2010\u2013])(?=\p{L})/u;
let thaiWords: Intl.Segmenter | null | undefined;

function thaiSegmenter(): Intl.Segmenter | null {
  thaiWords ??= typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('th', { granularity: 'word' }) : null;
  return thaiWords;
}

/** Greedy line filling, as the browser does it; one instance per paragraph. */
class Filler {
  lines = 1;
  used = 0;
  /** The last word's trailing spaces: they hang at the end of a line. */
  private hang = 0;
  constructor(
    readonly max: number,
    private readonly widestPx: number,
    /** white-space: pre-wrap keeps the spaces a paragraph starts with. */
    private readonly preWrap: boolean,
  ) {}

  /** Room left on the line for a word. */
  room(): number {
    return this.used === 0 ? this.max : this.max - this.used - this.hang;
  }

  /** Puts a word that fits on the line. */
  add(w: number): void {
    this.used = this.used === 0 ? w : this.used + this.hang + w;
    this.hang = 0;
  }

  newLine(): void {
    this.lines += 1;
    this.used = 0;
    this.hang = 0;
  }

  space(w: number): void {
    if (this.used > 0) this.hang += w;
    else if (this.preWrap && this.lines === 1) this.used = w;
  }

  /** A word that does not fit and cannot break where the browser would: to a new line, and broken anywhere if it is longer than one. */
  wrap(w: number): void {
    if (this.used > 0) this.newLine();
    if (w <= this.max) return this.add(w);
    // overflow-wrap: anywhere. A line may end up to a glyph short of full.
    const per = Math.max(1, this.max - this.widestPx);
    const extra = Math.ceil(w / per) - 1;
    this.lines += extra;
    this.used = w - extra * per;
  }
}

/**
 * Places a Thai word (a run without spaces) that does not fit where it stands: it
 * breaks at the last word boundary that fits. Intl.Segmenter is asked only for the
 * boundary at each line end (`containing`), which costs a fraction of listing them all.
 */
function placeThai(fill: Filler, text: string, from: number, to: number, k: number): boolean {
  const segmenter = thaiSegmenter();
  if (!segmenter) return false;
  tables();
  const segments = segmenter.segment(text.slice(from, to));
  let start = from;
  while (start < to) {
    // The first character that does not fit on the line.
    const room = fill.room();
    let width = 0;
    let end = start;
    for (; end < to; end++) {
      const cw = width1(text.charCodeAt(end)) * k;
      if (width + cw > room) break;
      width += cw;
    }
    if (end >= to) {
      fill.add(width);
      return true;
    }
    let cut = from + segments.containing(end - from)!.index;
    if (cut <= start) {
      // Not even the first word fits: a new line, or break anywhere on an empty one.
      if (fill.used > 0) {
        fill.newLine();
        continue;
      }
      cut = Math.max(end, start + 1);
    }
    fill.add(ems(text, start, cut, false) * k);
    fill.newLine();
    start = cut;
  }
  return true;
}

/** Places a word (no spaces): where it stands if it fits, else at a break inside it, else on a new line. */
function placeWord(fill: Filler, text: string, from: number, to: number, k: number, bold: boolean, glued: boolean): void {
  const width = ems(text, from, to, bold) * k;
  if (width <= fill.room()) return fill.add(width);
  if (glued) return fill.wrap(width);
  const word = text.slice(from, to);
  if (THAI_RE.test(word) && !bold && placeThai(fill, text, from, to, k)) return;
  if (HYPHEN_RE.test(word)) {
    let at = from;
    for (const part of word.split(HYPHEN_SPLIT)) {
      const w = ems(text, at, at + part.length, bold) * k;
      if (w <= fill.room()) fill.add(w);
      else fill.wrap(w);
      at += part.length;
    }
    return;
  }
  fill.wrap(width);
}

const isSpace = (c: number) => c === 0x20 || c === TAB;

/** Lines that one paragraph of runs takes in a box `maxWidth` px wide (at least one). */
function paragraphLines(runs: readonly TextRun[], maxWidth: number, widestPx: number, preWrap: boolean): number {
  // Kerning and rounding in the browser: keep half a pixel in hand.
  const fill = new Filler(maxWidth - 0.5, widestPx, preWrap);
  let glued = false;
  for (const run of runs) {
    const { text } = run;
    const bold = run.bold ?? false;
    const k = run.px / 1000;
    let i = 0;
    while (i < text.length) {
      let j = i;
      if (isSpace(text.charCodeAt(i))) {
        while (j < text.length && isSpace(text.charCodeAt(j))) j++;
        fill.space(ems(text, i, j, bold) * k);
        glued = false;
      } else {
        while (j < text.length && !isSpace(text.charCodeAt(j))) j++;
        placeWord(fill, text, i, j, k, bold, glued);
        glued = true;
      }
      i = j;
    }
  }
  return fill.lines;
}

/**
 * Lines a text takes in a box `maxWidth` px wide (at least one). With `preWrap`
 * (white-space: pre-wrap) each newline starts a paragraph; otherwise white space collapses.
 */
export function lineCount(text: string | readonly TextRun[], maxWidth: number, options: { px?: number; bold?: boolean; preWrap?: boolean } = {}): number {
  const runs: readonly TextRun[] = typeof text === 'string' ? [{ text, px: options.px ?? 14, bold: options.bold }] : text;
  let widest = 0;
  let width = 0;
  let newline = false;
  for (const r of runs) {
    widest = Math.max(widest, r.px);
    width += ems(r.text, 0, r.text.length, r.bold ?? false) * (r.px / 1000);
    newline ||= r.text.includes('\n');
  }
  // Most labels and many texts fit on one line: no need to break them.
  if (width <= maxWidth - 0.5 && !(newline && options.preWrap)) return 1;
  if (!options.preWrap) {
    return paragraphLines(
      runs.map((r) => ({ ...r, text: r.text.replace(/\s+/g, ' ') })),
      maxWidth,
      widest,
      false,
    );
  }
  if (!newline) return paragraphLines(runs, maxWidth, widest, true);
  // Split every run at its newlines; a paragraph may span runs.
  let lines = 0;
  let para: TextRun[] = [];
  for (const r of runs) {
    r.text.split('\n').forEach((part, i) => {
      if (i > 0) {
        lines += paragraphLines(para, maxWidth, widest, true);
        para = [];
      }
      para.push({ ...r, text: part });
    });
  }
  return lines + paragraphLines(para, maxWidth, widest, true);
}
