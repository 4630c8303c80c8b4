/**
 * The print layout, as a pure step: which pages there are and which stages each map page shows.
 * Drawing it is PrintView's job. A map wider than the page is split into groups of whole stages
 * (never a stage cut in two); every map page repeats the lane headers. The first page is a cover
 * (title, description, date, personas), then one profile page per persona, then the map pages.
 *
 * Sizes are millimetres. 'fit' is one page as large as the whole map (its height is an estimate from
 * the texts; the view measures the real height and grows the page if the estimate was short).
 */
import type { Card, JourneyMap, Persona } from '../model/schema';

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

/** The measures PrintView draws with; the estimates below use the same numbers. */
export const METRICS = {
  marginMm: 10,
  laneHeaderMm: 36,
  minStageMm: 52,
  /** Header row of a map page (stage names) and the page title line. */
  stageHeaderMm: 16,
  titleMm: 12,
  cellPaddingMm: 3,
  cardPaddingMm: 3.2,
  cardGapMm: 1.6,
  /** 9pt text: line height and average advance of a character (generous, for mixed scripts). */
  lineMm: 4.4,
  charMm: 1.75,
  metaLineMm: 3.8,
} as const;

export type PageSpec =
  | { kind: 'cover' }
  | { kind: 'persona'; personaId: string }
  | {
      kind: 'map';
      stageIds: string[];
      /** 1-based index of this map page and the number of map pages. */
      part: number;
      parts: number;
      /** 1-based positions of the first and last stage on the page, for "stages 5–8 of 12". */
      firstStage: number;
      lastStage: number;
    };

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

function graphemeCount(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\p{M}/u.test(ch)) n++;
  return n;
}

/** How tall a card's text is in a column `widthMm` wide (an over-estimate rather than an under-). */
export function estimateTextHeightMm(text: string, widthMm: number): number {
  const perLine = Math.max(1, Math.floor(widthMm / METRICS.charMm));
  const lines = text.split('\n').reduce((n, para) => n + Math.max(1, Math.ceil(graphemeCount(para) / perLine)), 0);
  return lines * METRICS.lineMm;
}

function estimateCardMm(card: Card, widthMm: number): number {
  const inner = widthMm - 2 * METRICS.cellPaddingMm - 2 * METRICS.cardPaddingMm;
  const meta = card.kind === 'text' ? 0 : METRICS.metaLineMm * (card.kind === 'touchpoint' ? 2 : 1);
  return estimateTextHeightMm(card.text, inner) + meta + 2 * METRICS.cardPaddingMm;
}

/** The height a map page showing `stageIds` needs, estimated from its texts. */
export function estimateMapHeightMm(map: JourneyMap, stageIds: readonly string[], stageWidthMm: number): number {
  const shown = new Set(stageIds);
  const cells = new Map<string, number>();
  for (const card of map.cards) {
    if (!shown.has(card.stageId)) continue;
    const key = `${card.laneId}\u0000${card.stageId}`;
    cells.set(key, (cells.get(key) ?? 0) + estimateCardMm(card, stageWidthMm) + METRICS.cardGapMm);
  }
  let height = METRICS.titleMm + METRICS.stageHeaderMm;
  const stageHeader = Math.max(
    0,
    ...map.stages.filter((s) => shown.has(s.id)).map((s) => estimateTextHeightMm(`${s.name}\n${s.description}`, stageWidthMm - 2 * METRICS.cellPaddingMm)),
  );
  height += stageHeader;
  for (const lane of map.lanes) {
    let tallest = estimateTextHeightMm(lane.title, METRICS.laneHeaderMm - 2 * METRICS.cellPaddingMm) + METRICS.metaLineMm;
    for (const id of stageIds) tallest = Math.max(tallest, cells.get(`${lane.id}\u0000${id}`) ?? 0);
    height += tallest + 2 * METRICS.cellPaddingMm;
  }
  return height;
}

export function printLayout(
  map: JourneyMap,
  personas: readonly Pick<Persona, 'id'>[],
  options: PrintOptions = DEFAULT_PRINT_OPTIONS,
): PrintLayout {
  const known = new Set(personas.map((p) => p.id));
  const personaIds = map.personaIds.filter((id) => known.has(id));
  const { marginMm, laneHeaderMm, minStageMm } = METRICS;
  const stageIds = map.stages.map((s) => s.id);

  let pageWidthMm: number;
  let pageHeightMm: number;
  let stagesPerPage: number;
  let stageWidthMm: number;
  if (options.size === 'fit') {
    stagesPerPage = Math.max(1, stageIds.length);
    stageWidthMm = minStageMm;
    pageWidthMm = Math.max(PAPER_MM.A4.height, 2 * marginMm + laneHeaderMm + stagesPerPage * stageWidthMm);
    // The cover and persona pages share the page size; they need about an A4's height.
    pageHeightMm = Math.max(PAPER_MM.A4.width, 2 * marginMm + estimateMapHeightMm(map, stageIds, stageWidthMm));
  } else {
    const paper = PAPER_MM[options.size];
    const landscape = options.orientation === 'landscape';
    pageWidthMm = landscape ? paper.height : paper.width;
    pageHeightMm = landscape ? paper.width : paper.height;
    const room = pageWidthMm - 2 * marginMm - laneHeaderMm;
    stagesPerPage = Math.max(1, Math.floor(room / minStageMm));
    stageWidthMm = room / stagesPerPage;
  }

  const groups = balanced(stageIds, stagesPerPage);
  const pages: PageSpec[] = [{ kind: 'cover' }, ...personaIds.map((personaId) => ({ kind: 'persona' as const, personaId }))];
  let first = 1;
  groups.forEach((group, i) => {
    pages.push({ kind: 'map', stageIds: group, part: i + 1, parts: groups.length, firstStage: first, lastStage: first + group.length - 1 });
    first += group.length;
  });
  if (groups.length === 0) pages.push({ kind: 'map', stageIds: [], part: 1, parts: 1, firstStage: 0, lastStage: 0 });

  return { options, pageWidthMm, pageHeightMm, marginMm, laneHeaderMm, stageWidthMm, stagesPerPage, personaIds, pages };
}

/** The CSS @page rule for a layout (numbers only: no user text ever reaches a style sheet). */
export function pageCss(layout: Pick<PrintLayout, 'pageWidthMm' | 'pageHeightMm' | 'marginMm'>): string {
  const mm = (n: number) => `${Math.ceil(n * 10) / 10}mm`;
  return `@page { size: ${mm(layout.pageWidthMm)} ${mm(layout.pageHeightMm)}; margin: ${mm(layout.marginMm)}; }`;
}
