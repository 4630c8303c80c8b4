/**
 * The print layout, as a pure step: which pages there are and what each map page shows. Drawing it
 * is PrintView's job. The first page is a cover (title, description, date, personas), then one
 * profile page per persona, then the map pages.
 *
 * A map wider than the page is split into groups of whole stages (never a stage cut in two). A map
 * taller than the page is split too: the lane rows of each stage group are packed into pages by
 * their estimated height; a row that does not fit in the space left starts a new page, and a row
 * taller than a whole page continues on the next one, card by card (a single card taller than a
 * page is cut between words). Every map page repeats the stage headers and the lane header of each
 * row it shows, so a continued row still says which lane it is. Because the layout decides every
 * page, the number of pages it gives is the number the PDF has, and the captions ("page 2 of 6")
 * are true.
 *
 * Heights are estimates from the texts, made to err on the tall side (the view checks the real
 * heights and asks for a taller estimate, `heightScale`, if a page ever overflows).
 *
 * Sizes are millimetres. 'fit' is one page as large as the whole map (its height is an estimate; the
 * view measures the real height and grows the page if the estimate was short).
 */
import type { Card, JourneyMap, Lane, Persona, Stage } from '../model/schema';
import { cardMeta, metaSpanText } from './cardMeta';
import { cardsByCell, cellKey } from '../model/cells';

export const PAGE_SIZE_NAMES = ['A4', 'A3', 'Letter', 'fit'] as const;
export type PageSizeName = (typeof PAGE_SIZE_NAMES)[number];
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Portrait width x height in mm. */
export const PAPER_MM: Record<Exclude<PageSizeName, 'fit'>, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  Letter: { width: 215.9, height: 279.4 },
};

export const PAGE_SIZE_LABEL: Record<PageSizeName, string> = {
  A4: 'A4',
  A3: 'A3',
  Letter: 'US Letter',
  fit: 'Whole map on one page',
};

export interface PrintOptions {
  size: PageSizeName;
  orientation: Orientation;
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { size: 'A4', orientation: 'landscape' };

const PT_MM = 25.4 / 72;

/** The measures of print.css (keep them in step); the estimates below use the same numbers. */
export const METRICS = {
  marginMm: 10,
  laneHeaderMm: 36,
  minStageMm: 52,
  /** Room kept free at the foot of every map page, for rounding in the browser's layout. */
  pageSlackMm: 4,
  /** Line height of all print text, as a multiple of the font size. */
  lineHeight: 1.6,
  bodyPt: 9,
  metaPt: 7.5,
  stageNamePt: 10,
  loopPt: 8,
  captionPt: 10,
  captionGapMm: 2,
  /** Table cells: padding and border. */
  cellPaddingMm: 1.5,
  borderMm: 0.3,
  stageTopBorderMm: 1.5,
  /** Cards: padding (block, inline), the gap between cards, the space above the meta line. */
  cardPaddingBlockMm: 1.2,
  cardPaddingInlineMm: 1.6,
  cardGapMm: 1.6,
  metaGapMm: 0.8,
  /** Space between the spans of a meta line (column-gap). */
  metaSpanGapMm: 2,
} as const;

/** A card, or the part of a card's text that a page shows (a card taller than a page is cut). */
export interface CardPiece {
  cardId: string;
  /** [start, end) of the card's text in UTF-16 units; absent: the whole card. */
  slice?: { start: number; end: number };
}

/** One lane row of a map page: the cards of each shown stage (in the order of `stageIds`). */
export interface MapRow {
  laneId: string;
  cells: CardPiece[][];
  /** The row began on an earlier page. */
  continued: boolean;
  /** The row goes on on the next page. */
  continues: boolean;
}

export type PageSpec =
  | { kind: 'cover' }
  | { kind: 'persona'; personaId: string }
  | {
      kind: 'map';
      stageIds: string[];
      rows: MapRow[];
      /** 1-based index of this map page and the number of map pages. */
      part: number;
      parts: number;
      /** 1-based positions of the first and last stage on the page, for "stages 5–8 of 12". */
      firstStage: number;
      lastStage: number;
      /** 1-based positions of the first and last lane on the page (0 when the map has no lanes). */
      firstLane: number;
      lastLane: number;
    };

export type MapPageSpec = Extract<PageSpec, { kind: 'map' }>;

export interface PrintLayout {
  options: PrintOptions;
  /** The @page size. */
  pageWidthMm: number;
  pageHeightMm: number;
  marginMm: number;
  laneHeaderMm: number;
  stageWidthMm: number;
  stagesPerPage: number;
  /** The personas of the map that exist, in the map's order. */
  personaIds: string[];
  pages: PageSpec[];
}

export interface LayoutTuning {
  /** Multiplies every estimated height (the view raises it if a page overflowed). Default 1. */
  heightScale?: number;
}

// ---------------------------------------------------------------------------------------------
// Estimates

/** Split n items into `groups` runs whose lengths differ by at most one (longer runs first). */
function balanced<T>(items: readonly T[], perGroup: number): T[][] {
  if (items.length === 0) return [];
  const groups = Math.ceil(items.length / perGroup);
  const small = Math.floor(items.length / groups);
  const extra = items.length % groups;
  const out: T[][] = [];
  let at = 0;
  for (let g = 0; g < groups; g++) {
    const n = small + (g < extra ? 1 : 0);
    out.push(items.slice(at, at + n));
    at += n;
  }
  return out;
}

/**
 * The advance of a character as a share of the font size: a little over the average of the bundled
 * fonts' glyphs of its kind (Noto Sans: lower case 0.53, capitals 0.63, Vietnamese 0.56; Noto Sans
 * Thai 0.58; Vazirmatn's joined Persian letters ~0.45), so estimates err on the tall side. Anything
 * else (CJK, emoji) counts a full em. Combining marks take no room.
 */
function charEm(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c === 0x20 || c === 0xa0) return 0.27;
  if (c >= 0x61 && c <= 0x7a) return ch === 'm' || ch === 'w' ? 0.95 : 0.56;
  if (c >= 0x41 && c <= 0x5a) return ch === 'M' || ch === 'W' ? 0.95 : 0.68;
  if (c >= 0x30 && c <= 0x39) return 0.58;
  if (c < 0x80) return 0.45; // ASCII punctuation and symbols
  if (/\p{M}|\p{Cf}/u.test(ch)) return 0;
  if (c <= 0x24f || (c >= 0x1e00 && c <= 0x1eff)) return 0.62; // Latin with diacritics, Vietnamese
  if (c >= 0x0e00 && c <= 0x0e7f) return 0.62; // Thai
  if ((c >= 0x0600 && c <= 0x08ff) || (c >= 0xfb50 && c <= 0xfeff)) return 0.5; // Arabic script
  if (c >= 0x2000 && c <= 0x206f) return 0.5; // general punctuation (· – …)
  return 1;
}

const wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

/** A word, a run of spaces or a line break of a text, with where it starts and how wide it is. */
interface Seg {
  start: number;
  end: number;
  em: number;
  kind: 'word' | 'space' | 'newline';
}

function widthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em;
}

/**
 * Segmenting is the costly part of an estimate, and the same texts are estimated again and again
 * (each page a row is tried on, each cut of a long card): keep the segments of recent texts.
 */
const segCache = new Map<string, Seg[]>();
const SEG_CACHE_MAX = 4000;

function segments(text: string): Seg[] {
  const cached = segCache.get(text);
  if (cached) return cached;
  const out: Seg[] = [];
  const push = (piece: string, start: number) => {
    // A segment may hold line breaks (the word segmenter keeps "\n" apart, the fallback may not).
    let at = start;
    for (const part of piece.split(/(\n)/u)) {
      if (part === '\n') out.push({ start: at, end: at + 1, em: 0, kind: 'newline' });
      else if (part) out.push({ start: at, end: at + part.length, em: widthEm(part), kind: /^\s+$/u.test(part) ? 'space' : 'word' });
      at += part.length;
    }
  };
  if (wordSegmenter) for (const s of wordSegmenter.segment(text)) push(s.segment, s.index);
  else {
    let at = 0;
    for (const piece of text.split(/(\s+)/u)) {
      if (piece) push(piece, at);
      at += piece.length;
    }
  }
  if (segCache.size >= SEG_CACHE_MAX) segCache.clear();
  segCache.set(text, out);
  return out;
}

const lineMm = (pt: number) => pt * PT_MM * METRICS.lineHeight;

/**
 * Lines of the part `from`..`to` of a text in a column `widthMm` wide, at `pt` points: the browser's
 * greedy line breaking between words (Thai words found by the same segmenter), a word longer than a
 * line broken anywhere. `from` and `to` fall between segments (the cuts are made there).
 */
function linesOf(text: string, widthMm: number, pt: number, bold = false, from = 0, to = text.length): number {
  const emMm = pt * PT_MM * (bold ? 1.07 : 1);
  const width = Math.max(1, widthMm / emMm - 0.5);
  let lines = 1;
  let used = 0;
  for (const seg of segments(text)) {
    if (seg.start < from) continue;
    if (seg.start >= to) break;
    if (seg.kind === 'newline') {
      lines += 1;
      used = 0;
      continue;
    }
    const w = seg.em;
    if (seg.kind === 'space') {
      used += w; // a space at the end of a line hangs; it never wraps a line by itself
      continue;
    }
    if (used + w <= width) {
      used += w;
      continue;
    }
    if (w <= width) {
      lines += 1;
      used = w;
      continue;
    }
    // Longer than a line: broken anywhere (overflow-wrap: anywhere), from the start of a new line.
    if (used > 0) lines += 1;
    let rest = 0;
    for (const ch of text.slice(seg.start, seg.end)) {
      const cw = charEm(ch);
      if (rest + cw > width) {
        lines += 1;
        rest = 0;
      }
      rest += cw;
    }
    used = rest;
  }
  return lines;
}

function textLines(text: string, widthMm: number, pt: number, bold = false): number {
  return linesOf(text, widthMm, pt, bold);
}

/** The width of a single-line text in mm (for packing meta spans). */
function textWidthMm(text: string, pt: number): number {
  return widthEm(text) * pt * PT_MM;
}

function textMm(text: string, widthMm: number, pt: number, bold = false): number {
  return textLines(text, widthMm, pt, bold) * lineMm(pt);
}

/** How tall a card's 9pt text is in a column `widthMm` wide. */
export function estimateTextHeightMm(text: string, widthMm: number): number {
  return textMm(text, widthMm, METRICS.bodyPt);
}

/** Padding and border of a table cell, one side. */
const CELL_EDGE_MM = METRICS.cellPaddingMm + METRICS.borderMm;

function cardInnerWidthMm(stageWidthMm: number): number {
  return stageWidthMm - 2 * CELL_EDGE_MM - 2 * (METRICS.cardPaddingInlineMm + METRICS.borderMm);
}

/** A card (or the part `start`..`end` of its text; the meta line is drawn under the last part). */
function cardPieceMm(card: Card, map: JourneyMap, start: number, end: number, stageWidthMm: number): number {
  const inner = cardInnerWidthMm(stageWidthMm);
  const chrome = 2 * (METRICS.cardPaddingBlockMm + METRICS.borderMm);
  let height = chrome + linesOf(card.text, inner, METRICS.bodyPt, false, start, end) * lineMm(METRICS.bodyPt);
  if (start > 0) height += lineMm(METRICS.metaPt); // "continued"
  if (end >= card.text.length) {
    const spans = cardMeta(card, map);
    if (spans.length > 0) height += METRICS.metaGapMm + metaLines(spans.map(metaSpanText), inner) * lineMm(METRICS.metaPt);
  }
  return height;
}

/** Lines of a meta line: its spans are flex items that wrap as wholes (a span wider than the line wraps inside). */
function metaLines(spans: readonly string[], widthMm: number): number {
  let lines = 0;
  let used = Infinity;
  for (const span of spans) {
    const w = textWidthMm(span, METRICS.metaPt);
    if (used + METRICS.metaSpanGapMm + w <= widthMm) {
      used += METRICS.metaSpanGapMm + w;
      continue;
    }
    const own = textLines(span, widthMm, METRICS.metaPt);
    lines += own;
    used = own === 1 ? w : widthMm; // a span that wrapped fills its last line, as far as we know
  }
  return lines;
}

/** The height of a whole card in a stage column `stageWidthMm` wide (before any heightScale). */
export function estimateCardMm(card: Card, map: JourneyMap, stageWidthMm: number): number {
  return cardPieceMm(card, map, 0, card.text.length, stageWidthMm);
}

function laneHeaderContentMm(lane: Lane, continued: boolean): number {
  const width = METRICS.laneHeaderMm - 2 * CELL_EDGE_MM;
  return textMm(lane.title, width, METRICS.bodyPt, true) + lineMm(METRICS.metaPt) * (continued ? 2 : 1);
}

function stageHeaderRowMm(map: JourneyMap, stages: readonly Stage[], stageWidthMm: number): number {
  const width = stageWidthMm - 2 * CELL_EDGE_MM;
  let tallest = lineMm(METRICS.stageNamePt);
  for (const s of stages) {
    let h = textMm(s.name, width, METRICS.stageNamePt, true);
    const loop = s.loopsTo ? map.stages.find((x) => x.id === s.loopsTo) : undefined;
    if (loop) h += textMm(`↺ back to ${loop.name}`, width, METRICS.loopPt);
    if (s.description) h += textMm(s.description, width, METRICS.bodyPt);
    tallest = Math.max(tallest, h);
  }
  return tallest + 2 * CELL_EDGE_MM + METRICS.stageTopBorderMm;
}

/** The caption line: the title and "Map, page 12 of 12: stages 10–12 of 12, lanes …" (the longest label). */
function captionMm(map: JourneyMap, widthMm: number): number {
  const label = ` · Map, page 000 of 000: stages 000–000 of 000, lanes 000–000 of 000, lane 000 continued`;
  return textMm(`${map.title}${label}`, widthMm, METRICS.captionPt, true) + METRICS.captionGapMm;
}

const ROW_CHROME_MM = 2 * CELL_EDGE_MM;

/** The height a map page showing `stageIds` with every lane whole needs, estimated from its texts. */
export function estimateMapHeightMm(map: JourneyMap, stageIds: readonly string[], stageWidthMm: number): number {
  const shown = new Set(stageIds);
  const cells = new Map<string, number>();
  for (const card of map.cards) {
    if (!shown.has(card.stageId)) continue;
    const key = cellKey(card.stageId, card.laneId);
    const before = cells.get(key);
    cells.set(key, (before === undefined ? 0 : before + METRICS.cardGapMm) + cardPieceMm(card, map, 0, card.text.length, stageWidthMm));
  }
  const stages = map.stages.filter((s) => shown.has(s.id));
  const width = METRICS.laneHeaderMm + stageIds.length * stageWidthMm;
  let height = captionMm(map, width) + stageHeaderRowMm(map, stages, stageWidthMm);
  for (const lane of map.lanes) {
    let tallest = laneHeaderContentMm(lane, false);
    for (const id of stageIds) tallest = Math.max(tallest, cells.get(cellKey(id, lane.id)) ?? 0);
    height += tallest + ROW_CHROME_MM;
  }
  return height;
}

// ---------------------------------------------------------------------------------------------
// Cutting a card's text

/** Where a card's text may be cut: between words (Thai words too), never before a space or inside a line break run. */
function breakPoints(text: string): number[] {
  const points = segments(text)
    .filter((seg) => seg.kind === 'word' && seg.start > 0)
    .map((seg) => seg.start);
  points.push(text.length);
  return points;
}

// ---------------------------------------------------------------------------------------------
// Packing rows into pages

interface Piece {
  card: Card;
  start: number;
  end: number;
}

interface Packer {
  map: JourneyMap;
  stageWidthMm: number;
  scale: number;
  /** Height for rows on a map page of this stage group (below the caption and the stage headers). */
  roomMm: number;
}

function pieceMm(p: Packer, piece: Piece): number {
  return cardPieceMm(piece.card, p.map, piece.start, piece.end, p.stageWidthMm) * p.scale;
}

function cellMm(p: Packer, pieces: readonly Piece[]): number {
  return pieces.reduce((h, piece, i) => h + (i > 0 ? METRICS.cardGapMm : 0) + pieceMm(p, piece), 0);
}

/**
 * The longest first part of `piece` that fits in `maxMm`: its end, or `piece.start` if not even one
 * word fits. `force`: take at least one word (a fresh page must always make progress).
 */
function cutToFit(p: Packer, piece: Piece, maxMm: number, force: boolean): number {
  const points = breakPoints(piece.card.text).filter((b) => b > piece.start && b <= piece.end);
  let lo = -1;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi + 1) / 2);
    const h = pieceMm(p, { ...piece, end: points[mid]! });
    if (h <= maxMm) lo = mid;
    else hi = mid - 1;
  }
  if (lo >= 0) return points[lo]!;
  return force && points.length > 0 ? points[0]! : piece.start;
}

function toCardPieces(pieces: readonly Piece[]): CardPiece[] {
  return pieces.map(({ card, start, end }) =>
    start === 0 && end === card.text.length ? { cardId: card.id } : { cardId: card.id, slice: { start, end } },
  );
}

/** The rows of one stage group, packed into pages. */
function packRows(p: Packer, lanes: readonly Lane[], stageIds: readonly string[], cards: Map<string, Card[]>): MapRow[][] {
  const pages: MapRow[][] = [[]];
  let used = 0;
  const newPage = () => {
    pages.push([]);
    used = 0;
  };
  const freshAvail = p.roomMm - ROW_CHROME_MM;

  for (const lane of lanes) {
    let queues: Piece[][] = stageIds.map((id) =>
      (cards.get(cellKey(id, lane.id)) ?? []).map((card) => ({ card, start: 0, end: card.text.length })),
    );
    let continued = false;
    for (;;) {
      const current = pages[pages.length - 1]!;
      const header = laneHeaderContentMm(lane, continued) * p.scale;
      const whole = Math.max(header, ...queues.map((q) => cellMm(p, q))) + ROW_CHROME_MM;
      const left = p.roomMm - used;
      if (whole <= left) {
        current.push({ laneId: lane.id, cells: queues.map(toCardPieces), continued, continues: false });
        used += whole;
        break;
      }
      // Keep a row whole when a fresh page holds it; never cut into a sliver at the foot of a page.
      const sliver = left < header + ROW_CHROME_MM + 2 * lineMm(METRICS.bodyPt) * p.scale;
      if (current.length > 0 && (whole <= p.roomMm || sliver)) {
        newPage();
        continue;
      }
      // The row is taller than a page: fill what is left with the first cards of each cell.
      const avail = left - ROW_CHROME_MM;
      const fresh = current.length === 0;
      const taken: Piece[][] = [];
      let tallest = header;
      queues = queues.map((queue, k) => {
        const out: Piece[] = [];
        const rest = [...queue];
        let h = 0;
        while (rest.length > 0) {
          const piece = rest[0]!;
          const gap = out.length > 0 ? METRICS.cardGapMm : 0;
          const ph = pieceMm(p, piece);
          if (h + gap + ph <= avail) {
            out.push(piece);
            h += gap + ph;
            rest.shift();
            continue;
          }
          // A card that a page of its own could hold waits for the next page; a taller one is cut.
          if (ph > freshAvail) {
            const end = cutToFit(p, piece, avail - h - gap, fresh && out.length === 0);
            if (end >= piece.end) {
              out.push(piece);
              h += gap + ph;
              rest.shift();
            } else if (end > piece.start) {
              const head = { ...piece, end };
              out.push(head);
              h += gap + pieceMm(p, head);
              rest[0] = { ...piece, start: end };
            }
          } else if (fresh && out.length === 0) {
            out.push(piece); // cannot happen (it fits a fresh page), but never loop without progress
            h += ph;
            rest.shift();
          }
          break;
        }
        taken[k] = out;
        tallest = Math.max(tallest, h);
        return rest;
      });
      if (taken.every((t) => t.length === 0)) {
        if (fresh) {
          // Nothing fits even a fresh page (a lane title longer than a page): show the row as it is.
          current.push({ laneId: lane.id, cells: queues.map(toCardPieces), continued, continues: false });
          used += whole;
          break;
        }
        newPage();
        continue;
      }
      const continues = queues.some((q) => q.length > 0);
      current.push({ laneId: lane.id, cells: taken.map(toCardPieces), continued, continues });
      used += tallest + ROW_CHROME_MM;
      if (!continues) break;
      newPage();
      continued = true;
    }
  }
  return pages.filter((rows, i) => rows.length > 0 || (i === 0 && lanes.length === 0));
}


/** Every lane whole: the rows of a 'fit' page and of the PNG. */
export function wholeRows(map: JourneyMap, stageIds: readonly string[]): MapRow[] {
  const cells = cardsByCell(map.cards);
  return map.lanes.map((lane) => ({
    laneId: lane.id,
    cells: stageIds.map((id) => (cells.get(cellKey(id, lane.id)) ?? []).map((card) => ({ cardId: card.id }))),
    continued: false,
    continues: false,
  }));
}

// ---------------------------------------------------------------------------------------------

export function printLayout(
  map: JourneyMap,
  personas: readonly Pick<Persona, 'id'>[],
  options: PrintOptions = DEFAULT_PRINT_OPTIONS,
  { heightScale = 1 }: LayoutTuning = {},
): PrintLayout {
  const known = new Set(personas.map((p) => p.id));
  const personaIds = map.personaIds.filter((id) => known.has(id));
  const { marginMm, laneHeaderMm, minStageMm } = METRICS;
  const stageIds = map.stages.map((s) => s.id);
  const fit = options.size === 'fit';

  let pageWidthMm: number;
  let pageHeightMm: number;
  let stagesPerPage: number;
  let stageWidthMm: number;
  if (options.size === 'fit') {
    stagesPerPage = Math.max(1, stageIds.length);
    stageWidthMm = minStageMm;
    pageWidthMm = Math.max(PAPER_MM.A4.height, 2 * marginMm + laneHeaderMm + stagesPerPage * stageWidthMm);
    // The cover and persona pages share the page size; they need about an A4's height.
    pageHeightMm = Math.max(PAPER_MM.A4.width, 2 * marginMm + estimateMapHeightMm(map, stageIds, stageWidthMm) * heightScale);
  } else {
    const paper = PAPER_MM[options.size];
    const landscape = options.orientation === 'landscape';
    pageWidthMm = landscape ? paper.height : paper.width;
    pageHeightMm = landscape ? paper.width : paper.height;
    const room = pageWidthMm - 2 * marginMm - laneHeaderMm;
    stagesPerPage = Math.max(1, Math.floor(room / minStageMm));
    stageWidthMm = room / stagesPerPage;
  }

  const byId = new Map(map.stages.map((s) => [s.id, s]));
  const cells = cardsByCell(map.cards);
  const contentWidthMm = pageWidthMm - 2 * marginMm;
  const contentHeightMm = mapPageRoomMm({ pageHeightMm, marginMm });
  const groups = stageIds.length > 0 ? balanced(stageIds, stagesPerPage) : [[]];
  const laneIndex = new Map(map.lanes.map((l, i) => [l.id, i + 1]));

  const mapPages: Omit<MapPageSpec, 'part' | 'parts'>[] = [];
  let first = 1;
  for (const group of groups) {
    const stages = group.map((id) => byId.get(id)!);
    const head = (captionMm(map, contentWidthMm) + stageHeaderRowMm(map, stages, stageWidthMm) + METRICS.borderMm) * heightScale;
    const pagesOfRows = fit
      ? [wholeRows(map, group)]
      : // Stage headers taller than most of a page would leave no room to pack into: the page overflows instead.
        packRows({ map, stageWidthMm, scale: heightScale, roomMm: Math.max(contentHeightMm - head, contentHeightMm / 3) }, map.lanes, group, cells);
    for (const rows of pagesOfRows) {
      mapPages.push({
        kind: 'map',
        stageIds: group,
        rows,
        firstStage: group.length > 0 ? first : 0,
        lastStage: group.length > 0 ? first + group.length - 1 : 0,
        firstLane: rows.length > 0 ? laneIndex.get(rows[0]!.laneId)! : 0,
        lastLane: rows.length > 0 ? laneIndex.get(rows[rows.length - 1]!.laneId)! : 0,
      });
    }
    first += group.length;
  }

  const pages: PageSpec[] = [
    { kind: 'cover' },
    ...personaIds.map((personaId) => ({ kind: 'persona' as const, personaId })),
    ...mapPages.map((p, i) => ({ ...p, part: i + 1, parts: mapPages.length })),
  ];
  return { options, pageWidthMm, pageHeightMm, marginMm, laneHeaderMm, stageWidthMm, stagesPerPage, personaIds, pages };
}

/** The estimated height of a laid-out map page (caption, stage headers, its rows and card parts). */
export function estimateMapPageMm(map: JourneyMap, page: MapPageSpec, layout: PrintLayout, { heightScale = 1 }: LayoutTuning = {}): number {
  const p: Packer = { map, stageWidthMm: layout.stageWidthMm, scale: heightScale, roomMm: Infinity };
  const cards = new Map(map.cards.map((c) => [c.id, c]));
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const stages = page.stageIds.map((id) => map.stages.find((s) => s.id === id)!);
  let height = (captionMm(map, layout.pageWidthMm - 2 * layout.marginMm) + stageHeaderRowMm(map, stages, layout.stageWidthMm) + METRICS.borderMm) * heightScale;
  for (const row of page.rows) {
    const header = laneHeaderContentMm(lanes.get(row.laneId)!, row.continued) * heightScale;
    const cells = row.cells.map((cell) =>
      cellMm(
        p,
        cell.map((piece) => {
          const card = cards.get(piece.cardId)!;
          return { card, start: piece.slice?.start ?? 0, end: piece.slice?.end ?? card.text.length };
        }),
      ),
    );
    height += Math.max(header, ...cells) + ROW_CHROME_MM;
  }
  return height;
}

/** The height a map page may fill: the page less its margins and the slack kept at its foot. */
export function mapPageRoomMm(layout: Pick<PrintLayout, 'pageHeightMm' | 'marginMm'>): number {
  return layout.pageHeightMm - 2 * layout.marginMm - METRICS.pageSlackMm;
}

/** Does this map page show every lane of the map, none of them cut? */
export function showsAllLanesWhole(page: MapPageSpec, laneCount: number): boolean {
  return page.rows.length === laneCount && page.rows.every((r) => !r.continued && !r.continues);
}

/** The CSS @page rule for a layout (numbers only: no user text ever reaches a style sheet). */
export function pageCss(layout: Pick<PrintLayout, 'pageWidthMm' | 'pageHeightMm' | 'marginMm'>): string {
  const mm = (n: number) => `${Math.ceil(n * 10) / 10}mm`;
  return `@page { size: ${mm(layout.pageWidthMm)} ${mm(layout.pageHeightMm)}; margin: ${mm(layout.marginMm)}; }`;
}
