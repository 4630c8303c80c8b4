/**
 * The print layout, as a pure step: which pages there are and what each map page shows. Drawing it
 * is PrintView's job. The first page is a cover (title, personas, a summary and the KPI scorecard,
 * as much as the page holds; it can be left out), then one profile page per persona, then the map
 * pages.
 *
 * Every map page spans the printable width: a tile's stages share what the lane header leaves of
 * it, and a zoomed page (fit to one page, or a tile drawn a little smaller so that its stage group
 * stays on one page) is zoomed to that width. The tiles are the fewest stage groups that each fit
 * one page at a zoom of MIN_TILE_SCALE or more; only a map taller than that is packed as below.
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
 * Every word the pages print is the map's language (the `i18n` passed in), and the estimates measure
 * those words, so a Thai or Persian caption is laid out as long as it is.
 *
 * Sizes are millimetres. 'fit' is one page as large as the whole map (its height is an estimate; the
 * view measures the real height and grows the page if the estimate was short).
 */
import type { I18n } from '../i18n';
import type { Card, JourneyMap, Lane, Persona, Stage } from '../model/schema';
import { cardMeta, metaSpanText } from './cardMeta';
import { cardsByCell, cellKey } from '../model/cells';
import { KPI_METRIC_LABEL_IDS, KPI_STATUS_LABEL_IDS, kpiStatusMark, LANE_KIND_LABEL_IDS } from '../editor/labels';
import { kpiStatus } from '../model/kpi';
import { lineCount, textWidth } from '../editor/textMetrics';

export const PAGE_SIZE_NAMES = ['A4', 'A3', 'A2', 'Letter', 'fit'] as const;
export type PageSizeName = (typeof PAGE_SIZE_NAMES)[number];
/** The sheets of paper the print studio offers (A3 and A2 are posters for workshop walls). 'fit' stays a
 * layout option (a page as large as the map) for callers that ask for it, but the studio's one-page
 * choice is "Fit to one page" of a real sheet. */
export const PAPER_SIZE_NAMES = ['A4', 'A3', 'A2', 'Letter'] as const;
export type PaperSizeName = (typeof PAPER_SIZE_NAMES)[number];
export const ORIENTATIONS = ['landscape', 'portrait'] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

/** Portrait width x height in mm. */
export const PAPER_MM: Record<Exclude<PageSizeName, 'fit'>, { width: number; height: number }> = {
  A4: { width: 210, height: 297 },
  A3: { width: 297, height: 420 },
  A2: { width: 420, height: 594 },
  Letter: { width: 215.9, height: 279.4 },
};

/** The sizes' names in the print studio's menu, as catalogue ids: i18n._(PAGE_SIZE_LABEL_IDS[size]). */
export const PAGE_SIZE_LABEL_IDS: Record<PageSizeName, string> = {
  A4: /*i18n*/ 'print.size.a4',
  A3: /*i18n*/ 'print.size.a3',
  A2: /*i18n*/ 'print.size.a2',
  Letter: /*i18n*/ 'print.size.letter',
  fit: /*i18n*/ 'print.size.fit',
};

export interface PrintOptions {
  size: PageSizeName;
  orientation: Orientation;
  /** The whole map on one sheet of the chosen paper, scaled to fill it. Default false: tiles. */
  fitToPage?: boolean;
  /** Begin with a cover page (title, personas, summary, KPI scorecard). Default true. */
  cover?: boolean;
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = { size: 'A4', orientation: 'landscape', fitToPage: false, cover: true };

/** How far a tile may be shrunk to keep a stage group on one page instead of cutting it across two (9pt text prints at 7.2pt). */
export const MIN_TILE_SCALE = 0.8;

/** How far "fit to one page" may enlarge a small map on a large sheet (beyond that, text turns into a poster's headline). */
export const MAX_FIT_SCALE = 3;

const PT_MM = 25.4 / 72;
/** CSS pixels: 96 to the inch, so 1pt is 4/3 px. */
const PX_PER_MM = 96 / 25.4;
const PT_PX = 96 / 72;

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
  | {
      kind: 'cover';
      /**
       * The KPI cards of the scorecard and the personas listed, as many as the page holds (in map
       * order); the cover says how many more there are. Absent: all of them.
       */
      kpiCardIds?: string[];
      personaIds?: string[];
    }
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
      /**
       * The width of each stage column on this page, before `scale`: the columns share what the lane
       * header leaves of the printable width, so a page of fewer stages (the last tile) still fills it.
       */
      stageWidthMm: number;
      /** The page's table is drawn at this zoom (1 for tiles; "fit to one page" shrinks or grows it to the sheet). */
      scale: number;
    };

export type MapPageSpec = Extract<PageSpec, { kind: 'map' }>;

export interface PrintLayout {
  options: PrintOptions;
  /** The @page size. */
  pageWidthMm: number;
  pageHeightMm: number;
  marginMm: number;
  laneHeaderMm: number;
  /** The stage width of the first map page (each map page says its own: `MapPageSpec.stageWidthMm`). */
  stageWidthMm: number;
  stagesPerPage: number;
  /** The printable area of a page (the page less its margins, and less the slack kept at a map page's foot for the height). */
  contentWidthMm: number;
  contentHeightMm: number;
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

const wordSegmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

/** A word, a run of spaces or a line break of a text, with where it starts: where a long card may be cut. */
interface Seg {
  start: number;
  end: number;
  kind: 'word' | 'space' | 'newline';
}

/**
 * Segmenting is costly, and the same long cards are cut again and again (each page a row is tried
 * on, each try of a cut): keep the segments of recent texts.
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
      if (part === '\n') out.push({ start: at, end: at + 1, kind: 'newline' });
      else if (part) out.push({ start: at, end: at + part.length, kind: /^\s+$/u.test(part) ? 'space' : 'word' });
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
 * Lines of the part `from`..`to` of a text in a column `widthMm` wide, at `pt` points, measured by
 * the app's one text engine (editor/textMetrics: the bundled fonts' glyph widths, the browser's line
 * breaking with Thai words, a word longer than a line broken anywhere; it guesses wide). `from` and
 * `to` fall between segments (the cuts are made there). Print text is pre-wrap: a newline breaks.
 */
function linesOf(text: string, widthMm: number, pt: number, bold = false, from = 0, to = text.length): number {
  const part = from === 0 && to === text.length ? text : text.slice(from, to);
  return lineCount(part, widthMm * PX_PER_MM, { px: pt * PT_PX, bold, preWrap: true });
}

function textLines(text: string, widthMm: number, pt: number, bold = false): number {
  return linesOf(text, widthMm, pt, bold);
}

/** The width of a single-line text in mm (for packing meta spans). */
function textWidthMm(text: string, pt: number): number {
  return textWidth(text, pt * PT_PX) / PX_PER_MM;
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
function cardPieceMm(i18n: I18n, card: Card, map: JourneyMap, start: number, end: number, stageWidthMm: number): number {
  const inner = cardInnerWidthMm(stageWidthMm);
  const chrome = 2 * (METRICS.cardPaddingBlockMm + METRICS.borderMm);
  let height = chrome + linesOf(card.text, inner, METRICS.bodyPt, false, start, end) * lineMm(METRICS.bodyPt);
  if (start > 0) height += textMm(i18n._('print.card.continued'), inner, METRICS.metaPt);
  if (end >= card.text.length) {
    const spans = cardMeta(i18n, card, map);
    if (spans.length > 0) height += METRICS.metaGapMm + metaLines(spans.map(metaSpanText), inner) * lineMm(METRICS.metaPt);
  } else height += textMm(i18n._('print.card.continues'), inner, METRICS.metaPt);
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
export function estimateCardMm(i18n: I18n, card: Card, map: JourneyMap, stageWidthMm: number): number {
  return cardPieceMm(i18n, card, map, 0, card.text.length, stageWidthMm);
}

/**
 * The kind under a lane's title, unless the title already says it: a lane titled "Touchpoints" of
 * kind touchpoint printed "Touchpoints / Touchpoints".
 */
export function laneKindNote(i18n: I18n, lane: Lane): string | null {
  // A text lane's title is all it has to say ("Customer goals", not "Customer goals / Text").
  if (lane.kind === 'text') return null;
  const kind = i18n._(LANE_KIND_LABEL_IDS[lane.kind]);
  const said = (s: string) => s.trim().toLocaleLowerCase(i18n.locale);
  const title = said(lane.title);
  // "Emotion" names the "Emotion curve" kind well enough, "Pain points" the pain kind.
  return title === said(kind) || said(kind).startsWith(`${title} `) ? null : kind;
}

function laneHeaderContentMm(i18n: I18n, lane: Lane, continued: boolean): number {
  const width = METRICS.laneHeaderMm - 2 * CELL_EDGE_MM;
  const note = laneKindNote(i18n, lane);
  // A line is kept for the kind note even when there is none (erring tall, as everywhere here).
  return (
    textMm(lane.title, width, METRICS.bodyPt, true) +
    (note ? textMm(note, width, METRICS.metaPt) : lineMm(METRICS.metaPt)) +
    (continued ? textMm(i18n._('print.lane.continued'), width, METRICS.metaPt) : 0)
  );
}

/** "↺ back to Awareness": under the name of a stage that loops back. */
export function loopText(i18n: I18n, stageName: string): string {
  return i18n._('print.stage.loopsTo', { stage: stageName });
}

function stageHeaderRowMm(i18n: I18n, map: JourneyMap, stages: readonly Stage[], stageWidthMm: number): number {
  const width = stageWidthMm - 2 * CELL_EDGE_MM;
  let tallest = lineMm(METRICS.stageNamePt);
  for (const s of stages) {
    let h = textMm(s.name, width, METRICS.stageNamePt, true);
    const loop = s.loopsTo ? map.stages.find((x) => x.id === s.loopsTo) : undefined;
    if (loop) h += textMm(loopText(i18n, loop.name), width, METRICS.loopPt);
    if (s.description) h += textMm(s.description, width, METRICS.bodyPt);
    tallest = Math.max(tallest, h);
  }
  return tallest + 2 * CELL_EDGE_MM + METRICS.stageTopBorderMm;
}

/** The numbers a map page's label gives (1-based positions; see MapPageSpec). */
interface PageLabelNumbers {
  part: number;
  parts: number;
  firstStage: number;
  lastStage: number;
  stages: number;
  /** Absent when the page shows every lane whole. */
  lanes?: { first: number; last: number; of: number; continued: boolean };
}

function pageLabelText(i18n: I18n, n: PageLabelNumbers): string {
  const num = (x: number) => i18n.number(x);
  let label =
    n.parts === 1
      ? i18n._('print.page.allStages', { count: n.stages })
      : i18n._('print.page.mapPart', {
          part: num(n.part),
          parts: num(n.parts),
          first: num(n.firstStage),
          last: num(n.lastStage),
          stages: num(n.stages),
        });
  if (n.lanes) {
    const { first, last, of } = n.lanes;
    label +=
      first === last
        ? i18n._('print.page.oneLane', { lane: num(first), lanes: num(of) })
        : i18n._('print.page.someLanes', { first: num(first), last: num(last), lanes: num(of) });
    if (n.lanes.continued) label += i18n._('print.page.laneContinued', { lane: num(first) });
  }
  return label;
}

/** What a page is: "Cover", "Persona profile", "Map, page 2 of 6: stages 5–8 of 12, lanes 1–4 of 9". */
export function pageLabel(i18n: I18n, page: PageSpec, map: JourneyMap): string {
  if (page.kind === 'cover') return i18n._('print.page.cover');
  if (page.kind === 'persona') return i18n._('print.page.persona');
  const lanes = map.lanes.length;
  const cut = !showsAllLanesWhole(page, lanes) && page.rows.length > 0;
  return pageLabelText(i18n, {
    part: page.part,
    parts: page.parts,
    firstStage: page.firstStage,
    lastStage: page.lastStage,
    stages: map.stages.length,
    ...(cut ? { lanes: { first: page.firstLane, last: page.lastLane, of: lanes, continued: page.rows[0]!.continued } } : {}),
  });
}

/** The caption line: the title and "Map, page 12 of 12: stages 10–12 of 12, lanes …" (the longest label). */
function captionMm(i18n: I18n, map: JourneyMap, widthMm: number): number {
  const n = 888; // as wide as three digits get
  const label = pageLabelText(i18n, {
    part: n,
    parts: n,
    firstStage: n,
    lastStage: n,
    stages: n,
    lanes: { first: n, last: n + 1, of: n, continued: true },
  });
  return textMm(`${map.title} · ${label}`, widthMm, METRICS.captionPt, true) + METRICS.captionGapMm;
}

const ROW_CHROME_MM = 2 * CELL_EDGE_MM;

/** The height a map page showing `stageIds` with every lane whole needs, estimated from its texts. */
export function estimateMapHeightMm(i18n: I18n, map: JourneyMap, stageIds: readonly string[], stageWidthMm: number): number {
  const shown = new Set(stageIds);
  const cells = new Map<string, number>();
  for (const card of map.cards) {
    if (!shown.has(card.stageId)) continue;
    const key = cellKey(card.stageId, card.laneId);
    const before = cells.get(key);
    cells.set(key, (before === undefined ? 0 : before + METRICS.cardGapMm) + cardPieceMm(i18n, card, map, 0, card.text.length, stageWidthMm));
  }
  const stages = map.stages.filter((s) => shown.has(s.id));
  const width = METRICS.laneHeaderMm + stageIds.length * stageWidthMm;
  let height = captionMm(i18n, map, width) + stageHeaderRowMm(i18n, map, stages, stageWidthMm);
  for (const lane of map.lanes) {
    let tallest = laneHeaderContentMm(i18n, lane, false);
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
  i18n: I18n;
  map: JourneyMap;
  stageWidthMm: number;
  scale: number;
  /** Height for rows on a map page of this stage group (below the caption and the stage headers). */
  roomMm: number;
}

function pieceMm(p: Packer, piece: Piece): number {
  return cardPieceMm(p.i18n, piece.card, p.map, piece.start, piece.end, p.stageWidthMm) * p.scale;
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
      const header = laneHeaderContentMm(p.i18n, lane, continued) * p.scale;
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

// ---------------------------------------------------------------------------------------------
// The cover

/** The measures of the cover in print.css (keep them in step). */
export const COVER = {
  kickerPt: 8,
  titlePt: 26,
  titleLineHeight: 1.25,
  descriptionPt: 11,
  descriptionMaxMm: 180,
  headingPt: 13,
  /** The gap between the cover's blocks, and the rule and padding under the title band. */
  gapMm: 6,
  headRuleMm: 1.5 + 4,
  avatarMm: 12,
  personaGapMm: 3,
  /** The scorecard's columns, as shares of its width: KPI, metric, stage, value, target, status. */
  scoreColumns: [0.3, 0.15, 0.18, 0.11, 0.11, 0.15],
  scorePaddingMm: 2 + 0.3,
  /** Below this width the summary and the personas stack instead of standing side by side. */
  twoColumnsMm: 170,
} as const;

/** The KPI cards in map order: stage by stage, then lane by lane, then card by card. */
export function kpiCardsInOrder(map: JourneyMap): Extract<Card, { kind: 'kpi' }>[] {
  const stage = new Map(map.stages.map((s, i) => [s.id, i]));
  const lane = new Map(map.lanes.map((l, i) => [l.id, i]));
  return map.cards
    .filter((c): c is Extract<Card, { kind: 'kpi' }> => c.kind === 'kpi')
    .sort((a, b) => (stage.get(a.stageId) ?? 0) - (stage.get(b.stageId) ?? 0) || (lane.get(a.laneId) ?? 0) - (lane.get(b.laneId) ?? 0) || a.order - b.order);
}

/** The height of one scorecard row: the KPI's name (and its metric under it) or its stage, whichever is taller. */
function scoreRowMm(i18n: I18n, card: Extract<Card, { kind: 'kpi' }>, map: JourneyMap, widthMm: number): number {
  const [nameShare, metricShare, stageShare, , , statusShare] = COVER.scoreColumns;
  const column = (share: number) => widthMm * share - 2 * COVER.scorePaddingMm;
  return (
    Math.max(
      textMm(card.text || i18n._(KPI_METRIC_LABEL_IDS[card.metric]), column(nameShare), METRICS.bodyPt),
      textMm(i18n._(KPI_METRIC_LABEL_IDS[card.metric]), column(metricShare), METRICS.bodyPt),
      textMm(map.stages.find((s) => s.id === card.stageId)?.name ?? '', column(stageShare), METRICS.bodyPt),
      textMm(kpiStatusMark(i18n, kpiStatus(card)) || i18n._(KPI_STATUS_LABEL_IDS.none), column(statusShare), METRICS.bodyPt, true),
    ) +
    2 +
    0.3
  );
}

/**
 * What the cover holds: the title band, the summary beside the personas, the KPI scorecard and the
 * foot line, estimated like the map pages (erring tall). Personas and KPI rows beyond what the page
 * holds are left to their own pages (each persona has a profile page, each KPI card is on the map),
 * so the cover never spills onto a second sheet.
 */
function coverPlan(i18n: I18n, map: JourneyMap, personaIds: readonly string[], widthMm: number, heightMm: number): Extract<PageSpec, { kind: 'cover' }> {
  const line = lineMm(METRICS.bodyPt);
  let used =
    lineMm(COVER.kickerPt) +
    textMm(map.title, widthMm, COVER.titlePt, true) * (COVER.titleLineHeight / METRICS.lineHeight) +
    (map.description ? textMm(map.description, Math.min(widthMm, COVER.descriptionMaxMm), COVER.descriptionPt) : 0) +
    COVER.headRuleMm +
    3 + // the title's margins
    COVER.gapMm;
  const foot = line + 2.3 + COVER.gapMm;
  const heading = lineMm(COVER.headingPt) + 3;
  // Summary: its heading, the stage list in two columns, the card counts (about four to a line).
  const kinds = new Set(map.cards.map((c) => c.kind)).size;
  const columnW = widthMm >= COVER.twoColumnsMm ? (widthMm - 10) / 2 : widthMm;
  const stageLines = Math.ceil(map.stages.length / 2);
  const summary = heading + stageLines * line + 4 + Math.ceil(kinds / Math.max(1, Math.floor(columnW / 38))) * (line + 4);
  const personaMm = Math.max(COVER.avatarMm, 2 * line) + COVER.personaGapMm; // a name and a role, one line each
  const kpis = kpiCardsInOrder(map);
  const scoreHead = heading + line + 2.3 + line; // heading, column heads, "and n more"
  const room = heightMm - used - foot;
  // The personas stand beside the summary (or under it, on a narrow page) and take at most two fifths
  // of the page (more when the summary beside them is taller), leaving the rest to the scorecard: at least its head and a few rows.
  const kpiMin = kpis.length > 0 ? scoreHead + kpis.slice(0, 3).reduce((h, k) => h + scoreRowMm(i18n, k, map, widthMm), 0) + COVER.gapMm : 0;
  const share = Math.min(room - kpiMin, 0.4 * room);
  const personaRoom = widthMm >= COVER.twoColumnsMm ? Math.max(summary, share) : share - summary - COVER.gapMm;
  const personaCount = personaIds.length === 0 ? 0 : Math.max(0, Math.min(personaIds.length, Math.floor((personaRoom - heading) / personaMm)));
  const personaHeight = personaCount > 0 ? heading + personaCount * personaMm + line : 0;
  used += (widthMm >= COVER.twoColumnsMm ? Math.max(summary, personaHeight) : summary + (personaHeight > 0 ? COVER.gapMm + personaHeight : 0)) + COVER.gapMm;
  let left = heightMm - used - foot - scoreHead;
  const shown: string[] = [];
  for (const card of kpis) {
    const h = scoreRowMm(i18n, card, map, widthMm);
    if (h > left) break;
    shown.push(card.id);
    left -= h;
  }
  return { kind: 'cover', kpiCardIds: shown, personaIds: personaIds.slice(0, personaCount) };
}

/**
 * "Fit to one page": the stage width and zoom that put the whole map on one sheet as large as it can
 * be drawn. The zoomed table always spans the printable width (zoom = width / table width); the
 * narrowest columns that let it fit the height give the largest zoom. Widening the columns lowers the
 * zoom and never makes the map taller (fewer lines per card), so the zoomed height falls as the width
 * grows and a bisection finds the fit.
 */
function fitOnePage(
  i18n: I18n,
  map: JourneyMap,
  stageIds: readonly string[],
  contentWidthMm: number,
  contentHeightMm: number,
  heightScale: number,
  maxScale: number,
) {
  const n = Math.max(1, stageIds.length);
  const scaleAt = (w: number) => contentWidthMm / (METRICS.laneHeaderMm + n * w);
  // The same sum as estimateMapPageMm (the table's outer border included), so a fitted page passes its check.
  const fits = (w: number) => scaleAt(w) * (estimateMapHeightMm(i18n, map, stageIds, w) + METRICS.borderMm) * heightScale <= contentHeightMm;
  // The narrowest columns, unless the zoom they give would pass maxScale (a small map on a poster): then wider ones.
  const narrowest = Math.max(METRICS.minStageMm, (contentWidthMm / maxScale - METRICS.laneHeaderMm) / n);
  if (fits(narrowest)) return { stageWidthMm: narrowest, scale: scaleAt(narrowest) };
  let lo = narrowest;
  let hi = narrowest * 2;
  while (!fits(hi) && hi < 1e6) {
    lo = hi;
    hi *= 2;
  }
  for (let i = 0; i < 30 && hi - lo > 0.05; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return { stageWidthMm: hi, scale: scaleAt(hi) };
}

export function printLayout(
  i18n: I18n,
  map: JourneyMap,
  personas: readonly Pick<Persona, 'id'>[],
  options: PrintOptions = DEFAULT_PRINT_OPTIONS,
  { heightScale = 1 }: LayoutTuning = {},
): PrintLayout {
  const known = new Set(personas.map((p) => p.id));
  const personaIds = map.personaIds.filter((id) => known.has(id));
  const { marginMm, laneHeaderMm, minStageMm } = METRICS;
  const stageIds = map.stages.map((s) => s.id);
  const sizedToMap = options.size === 'fit';

  let pageWidthMm: number;
  let pageHeightMm: number;
  if (options.size === 'fit') {
    pageWidthMm = Math.max(PAPER_MM.A4.height, 2 * marginMm + laneHeaderMm + Math.max(1, stageIds.length) * minStageMm);
    // The cover and persona pages share the page size; they need about an A4's height.
    pageHeightMm = Math.max(PAPER_MM.A4.width, 2 * marginMm + estimateMapHeightMm(i18n, map, stageIds, minStageMm) * heightScale);
  } else {
    const paper = PAPER_MM[options.size];
    const landscape = options.orientation === 'landscape';
    pageWidthMm = landscape ? paper.height : paper.width;
    pageHeightMm = landscape ? paper.width : paper.height;
  }

  const byId = new Map(map.stages.map((s) => [s.id, s]));
  const cells = cardsByCell(map.cards);
  const contentWidthMm = pageWidthMm - 2 * marginMm;
  const contentHeightMm = mapPageRoomMm({ pageHeightMm, marginMm });
  const laneIndex = new Map(map.lanes.map((l, i) => [l.id, i + 1]));

  const mapPages: Omit<MapPageSpec, 'part' | 'parts'>[] = [];
  const addPage = (group: string[], rows: MapRow[], first: number, stageWidthMm: number, scale: number) =>
    mapPages.push({
      kind: 'map',
      stageIds: group,
      rows,
      firstStage: group.length > 0 ? first : 0,
      lastStage: group.length > 0 ? first + group.length - 1 : 0,
      firstLane: rows.length > 0 ? laneIndex.get(rows[0]!.laneId)! : 0,
      lastLane: rows.length > 0 ? laneIndex.get(rows[rows.length - 1]!.laneId)! : 0,
      stageWidthMm,
      scale,
    });

  let stagesPerPage: number;
  if (sizedToMap) {
    stagesPerPage = Math.max(1, stageIds.length);
    addPage(stageIds, wholeRows(map, stageIds), 1, minStageMm, 1);
  } else if (options.fitToPage) {
    stagesPerPage = Math.max(1, stageIds.length);
    const fit = fitOnePage(i18n, map, stageIds, contentWidthMm, contentHeightMm, heightScale, MAX_FIT_SCALE);
    addPage(stageIds, wholeRows(map, stageIds), 1, fit.stageWidthMm, fit.scale);
  } else {
    // Tiles. First choice: the fewest tiles in which every stage group is drawn whole on one page, at
    // full size or a little smaller (not below MIN_TILE_SCALE); of as many tiles, the largest print.
    // Each tile's zoomed table spans the printable width (fitOnePage).
    const room = contentWidthMm - laneHeaderMm;
    const atFullSize = Math.max(1, Math.floor(room / minStageMm));
    const atSmallest = Math.max(atFullSize, Math.floor((contentWidthMm / MIN_TILE_SCALE - laneHeaderMm) / minStageMm));
    let best: { perPage: number; groups: string[][]; fits: { stageWidthMm: number; scale: number }[]; smallest: number } | null = null;
    if (map.lanes.length > 0 && stageIds.length > 0) {
      for (let k = atFullSize; k <= Math.max(atFullSize, Math.min(atSmallest, stageIds.length)); k++) {
        const groups = balanced(stageIds, k);
        if (best && groups.length >= best.groups.length && best.smallest >= 1) continue;
        const fits = groups.map((g) => fitOnePage(i18n, map, g, contentWidthMm, contentHeightMm, heightScale, 1));
        const smallest = Math.min(...fits.map((f) => f.scale));
        if (smallest < MIN_TILE_SCALE) continue;
        if (!best || groups.length < best.groups.length || (groups.length === best.groups.length && smallest > best.smallest)) {
          best = { perPage: k, groups, fits, smallest };
        }
      }
    }
    if (best) {
      stagesPerPage = best.perPage;
      let first = 1;
      best.groups.forEach((group, i) => {
        addPage(group, wholeRows(map, group), first, best.fits[i]!.stageWidthMm, best.fits[i]!.scale);
        first += group.length;
      });
    } else {
      // A map taller than a page even drawn smaller: tiles at full size, as many whole stages as fit
      // side by side (sharing the printable width), their lane rows packed into pages.
      stagesPerPage = atFullSize;
      const groups = stageIds.length > 0 ? balanced(stageIds, stagesPerPage) : [[]];
      let first = 1;
      for (const group of groups) {
        const stageWidthMm = room / Math.max(1, group.length);
        const stages = group.map((id) => byId.get(id)!);
        const head = (captionMm(i18n, map, contentWidthMm) + stageHeaderRowMm(i18n, map, stages, stageWidthMm) + METRICS.borderMm) * heightScale;
        // Stage headers taller than most of a page would leave no room to pack into: the page overflows instead.
        const roomMm = Math.max(contentHeightMm - head, contentHeightMm / 3);
        for (const rows of packRows({ i18n, map, stageWidthMm, scale: heightScale, roomMm }, map.lanes, group, cells)) addPage(group, rows, first, stageWidthMm, 1);
        first += group.length;
      }
    }
  }

  const pages: PageSpec[] = [
    ...(options.cover === false ? [] : [coverPlan(i18n, map, personaIds, contentWidthMm, contentHeightMm)]),
    ...personaIds.map((personaId) => ({ kind: 'persona' as const, personaId })),
    ...mapPages.map((p, i) => ({ ...p, part: i + 1, parts: mapPages.length })),
  ];
  return {
    options,
    pageWidthMm,
    pageHeightMm,
    marginMm,
    laneHeaderMm,
    stageWidthMm: mapPages[0]?.stageWidthMm ?? minStageMm,
    stagesPerPage,
    contentWidthMm,
    contentHeightMm,
    personaIds,
    pages,
  };
}

/** How wide a map page's table is drawn, in mm of paper (its columns, times its zoom). */
export function mapPageWidthMm(page: MapPageSpec, layout: Pick<PrintLayout, 'laneHeaderMm'>): number {
  return (layout.laneHeaderMm + page.stageIds.length * page.stageWidthMm) * page.scale;
}

/** The estimated height of a laid-out map page as printed (caption, stage headers, its rows and card parts, times its zoom). */
export function estimateMapPageMm(
  i18n: I18n,
  map: JourneyMap,
  page: MapPageSpec,
  layout: PrintLayout,
  { heightScale = 1 }: LayoutTuning = {},
): number {
  const p: Packer = { i18n, map, stageWidthMm: page.stageWidthMm, scale: heightScale, roomMm: Infinity };
  const cards = new Map(map.cards.map((c) => [c.id, c]));
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const stages = page.stageIds.map((id) => map.stages.find((s) => s.id === id)!);
  const tableWidthMm = layout.laneHeaderMm + page.stageIds.length * page.stageWidthMm;
  let height = (captionMm(i18n, map, tableWidthMm) + stageHeaderRowMm(i18n, map, stages, page.stageWidthMm) + METRICS.borderMm) * heightScale;
  for (const row of page.rows) {
    const header = laneHeaderContentMm(i18n, lanes.get(row.laneId)!, row.continued) * heightScale;
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
  return height * page.scale;
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
