/**
 * The grid geometry of a journey map, as a pure function of the document.
 *
 * Stages are columns, lanes are rows, cards are stacked in their cell. The lane
 * header column sits on the map's start side (left for LTR, right for RTL) and a
 * right-to-left map runs its stages from right to left. Rows grow with the tallest
 * cell, columns with the number of emotion points in them; nothing overlaps.
 *
 * Card heights count every line a card draws (cardFace.ts says what it shows), with
 * the text measured from our fonts' glyph widths (textMetrics.ts): the canvas lays out
 * before the browser measures anything, and a card whose content does not fit its box
 * is clipped. The height of one card object is cached, so editing one card measures
 * only that card. A card's words are the interface's (`i18n`): another language measures again.
 */
import type { I18n } from '../i18n';
import type { Locale } from '../i18n/locales';
import { mapLocale } from '../i18n/mapLocale';
import { channelById, type Channel } from '../model/channels';
import type { Card, JourneyMap, LaneKind } from '../model/schema';
import { cardData, cardFace, touchpointLabel, type CardFace } from './cardFace';
import { lineCount, textWidth, type TextRun } from './textMetrics';
import { cellKey } from '../model/cells';

export const LANE_HEADER_WIDTH = 200;
export const COLUMN_WIDTH = 280;
export const CELL_PADDING = 12;
export const CARD_GAP = 10;
/** Room at the foot of every cell for its "add card" button. */
export const CELL_FOOTER = 34;
export const ROW_MIN_HEIGHT = 120;
export const EMOTION_ROW_HEIGHT = 200;
export const EMOTION_POINT_SPACING = 64;
export const STAGE_HEADER_MIN_HEIGHT = 84;
/** Space above the stage headers where loop arrows are drawn. */
export const LOOP_SPACE = 56;
export const LINE_HEIGHT = 20;
/** Average characters per line of a card at its width (14px text in 256px). */
export const CHARS_PER_LINE = 30;

export const CARD_WIDTH = COLUMN_WIDTH - 2 * CELL_PADDING;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ColumnBox {
  stageId: string;
  index: number;
  x: number;
  width: number;
}

export interface RowBox {
  laneId: string;
  index: number;
  kind: LaneKind;
  y: number;
  height: number;
}

export interface MapLayout {
  direction: 'ltr' | 'rtl';
  width: number;
  height: number;
  /** The lane header column. */
  laneHeader: { x: number; width: number };
  /** The stage header row. */
  stageHeader: { y: number; height: number };
  columns: ColumnBox[];
  rows: RowBox[];
  columnOf: Map<string, ColumnBox>;
  rowOf: Map<string, RowBox>;
  /** Boxes of the cards that are drawn as boxes (every kind but emotion). */
  cards: Map<string, Rect>;
  /** Card ids of every cell (emotion cells too), in order; key: cellKey(stageId, laneId). */
  cells: Map<string, string[]>;
  /** Emotion points: x on the canvas (the centre of the point). */
  emotionX: Map<string, number>;
}

export { cellKey };

/** Lines a text takes at `perLine` characters a line (at least one). */
export function estimateLines(text: string, perLine = CHARS_PER_LINE): number {
  if (text.length === 0) return 1;
  let lines = 0;
  for (const para of text.split('\n')) lines += Math.max(1, Math.ceil([...para].length / perLine));
  return lines;
}

// A card's parts, as editor.css draws them (.jb-card and what it holds): change both together.
const CARD_BORDER = 1;
/** .jb-card: padding-block 0.4rem, padding-inline 0.6rem. */
const CARD_PADDING_BLOCK = 6.4;
const CARD_PADDING_INLINE = 9.6;
/** The coloured start border of each kind (and of the graver pain points). */
const START_BORDER: Record<LaneKind, number> = { text: 1, touchpoint: 4, emotion: 1, pain: 4, opportunity: 4, kpi: 4 };
const SEVERITY_BORDER: Record<string, number> = { high: 6, critical: 8 };
/** .jb-card__head: 12px text on 16px lines; a badge's padding-inline; a channel's icon (14px) and the gap after it. */
const HEAD = { px: 12, line: 16 };
const BADGE_PADDING = 11.2;
const CHANNEL_ICON = 18;
/** .jb-card__text: 14px on 20px lines, cut after MAX_TEXT_LINES. */
const TEXT = { px: 14, line: 20 };
const MAX_TEXT_LINES = 14;
/** .jb-fields (dl): 12px on 18px lines, wrapping rows of "label value" pairs. */
const FIELDS = { px: 12, line: 18, marginTop: 3.2, rowGap: 1.6, columnGap: 12.8, labelGap: 4 };
/** .jb-link: 12px on 18px lines. */
const LINK = { px: 12, line: 18 };
/** .jb-kpi: 13px on 20px lines, the value in 16px bold. */
const KPI = { px: 13, valuePx: 16, line: 20, marginTop: 3.2 };
/** Sub-pixel rounding between the estimate and the browser's layout. */
const CARD_SLACK = 2;

/** Height of the wrapping rows of label/value pairs (flex-wrap, as .jb-fields lays them out). */
function fieldsHeight(fields: CardFace['fields'], width: number): number {
  let height = 0;
  let rowWidth = 0;
  let rowLines = 0;
  let rows = 0;
  for (const f of fields) {
    const labelW = textWidth(f.label, FIELDS.px);
    const itemW = labelW + FIELDS.labelGap + textWidth(f.value, FIELDS.px);
    // An item wider than the box takes a row of its own and wraps its value.
    const lines = itemW > width ? lineCount(f.value, width - labelW - FIELDS.labelGap, { px: FIELDS.px }) : 1;
    const w = Math.min(itemW, width);
    if (rows > 0 && rowWidth + FIELDS.columnGap + w <= width) {
      rowWidth += FIELDS.columnGap + w;
      rowLines = Math.max(rowLines, lines);
      continue;
    }
    if (rows > 0) height += rowLines * FIELDS.line + FIELDS.rowGap;
    rows += 1;
    rowWidth = w;
    rowLines = lines;
  }
  return rows > 0 ? height + rowLines * FIELDS.line : 0;
}

/** The height of a card that shows `face`: every line of every part, as the card draws it. */
export function cardHeight(face: CardFace, kind: LaneKind, severity: string | null = null): number {
  const start = (severity && SEVERITY_BORDER[severity]) || START_BORDER[kind];
  const width = CARD_WIDTH - 2 * CARD_PADDING_INLINE - CARD_BORDER - start;
  let h = 2 * CARD_BORDER + 2 * CARD_PADDING_BLOCK + CARD_SLACK;
  if (face.head) {
    const type = face.head.type;
    const room = width - (type === 'channel' ? CHANNEL_ICON : type === 'kind' ? 0 : BADGE_PADDING);
    h += lineCount(face.head.text, room, { px: HEAD.px, bold: type !== 'kind' }) * HEAD.line;
  } else h += HEAD.line;
  h += Math.min(MAX_TEXT_LINES, lineCount(face.text, width, { px: TEXT.px, preWrap: true })) * TEXT.line;
  if (face.fields.length) h += FIELDS.marginTop + fieldsHeight(face.fields, width);
  if (face.link) h += lineCount(`↳ ${face.link}`, width, { px: LINK.px }) * LINK.line;
  if (face.kpi) {
    const runs: TextRun[] = [
      { text: `${face.kpi.value} `, px: KPI.valuePx, bold: true },
      { text: face.kpi.target, px: KPI.px },
      { text: face.kpi.mark ?? '', px: KPI.px },
    ];
    h += KPI.marginTop + lineCount(runs, width) * KPI.line;
  }
  return Math.ceil(h);
}

const heightCache = new WeakMap<Card, { channel: Channel | undefined; link: string | null; locale: string; language: Locale; height: number }>();
/**
 * Heights by what the card shows: a moved card is a new object with the same face, and
 * a drop of 1,000 selected cards should not measure them all again. Cleared when big.
 */
const heightByFace = new Map<string, number>();
const FACE_CACHE_LIMIT = 20_000;

function faceKey(face: CardFace, kind: LaneKind, severity: string | null): string {
  const parts = [kind, severity ?? '', face.head?.type ?? '', face.head?.text ?? '', face.text, face.link ?? ''];
  for (const f of face.fields) parts.push(f.label, f.value);
  if (face.kpi) parts.push(face.kpi.value, face.kpi.target, face.kpi.mark ?? '');
  return parts.join('\u0000');
}

/**
 * A card's height in the grid. `channel` is a touchpoint's channel, `link` what a pain
 * point shows for its touchpoint: they are drawn on the card too. Cached by card object
 * and by what the card shows.
 */
export function estimateCardHeight(i18n: I18n, card: Card, channel?: Channel, link: string | null = null, language: Locale = 'en'): number {
  const hit = heightCache.get(card);
  if (hit && hit.channel === channel && hit.link === link && hit.locale === i18n.locale && hit.language === language) return hit.height;
  const data = cardData(card, channel, link, 'ltr', language);
  const face = cardFace(i18n, data);
  const key = faceKey(face, card.kind, data.severity);
  let height = heightByFace.get(key);
  if (height === undefined) {
    height = cardHeight(face, card.kind, data.severity);
    if (heightByFace.size >= FACE_CACHE_LIMIT) heightByFace.clear();
    heightByFace.set(key, height);
  }
  heightCache.set(card, { channel, link, locale: i18n.locale, language, height });
  return height;
}

function stageHeaderHeight(doc: JourneyMap, columnWidth: (i: number) => number): number {
  let h = STAGE_HEADER_MIN_HEIGHT;
  doc.stages.forEach((s, i) => {
    const perLine = Math.max(10, Math.floor((columnWidth(i) - 24) / 9));
    const nameLines = Math.min(3, estimateLines(s.name, perLine));
    const descLines = s.description ? Math.min(2, estimateLines(s.description, perLine + 6)) : 0;
    const loopLine = s.loopsTo !== undefined ? 20 : 0;
    h = Math.max(h, 44 + nameLines * 22 + descLines * 18 + loopLine);
  });
  return h;
}

/** Where an emotion score sits inside a row of height `rowHeight` (score -2..2, up is positive). */
export function emotionY(score: number, rowHeight: number): number {
  const half = rowHeight / 2;
  const amplitude = half - 24;
  return half - (score / 2) * amplitude;
}

/** The score (rounded to -2..2) at height `y` inside a row of height `rowHeight`. */
export function scoreAtY(y: number, rowHeight: number): number {
  const half = rowHeight / 2;
  const amplitude = half - 24;
  const raw = ((half - y) / amplitude) * 2;
  return Math.max(-2, Math.min(2, Math.round(raw)));
}

export function computeLayout(doc: JourneyMap, i18n: I18n): MapLayout {
  const language = mapLocale(doc);
  const laneKind = new Map(doc.lanes.map((l) => [l.id, l.kind]));
  const stageIndex = new Map(doc.stages.map((s, i) => [s.id, i]));
  const cardById = new Map(doc.cards.map((c) => [c.id, c]));
  const heightOf = (c: Card): number =>
    estimateCardHeight(
      i18n,
      c,
      c.kind === 'touchpoint' && c.channel ? channelById(doc.channels, c.channel) : undefined,
      c.kind === 'pain' && c.touchpointId ? touchpointLabel(cardById.get(c.touchpointId)) : null,
      language,
    );

  // Cells, in order.
  const cellCards = new Map<string, Card[]>();
  for (const c of doc.cards) {
    const key = cellKey(c.stageId, c.laneId);
    const list = cellCards.get(key);
    if (list) list.push(c);
    else cellCards.set(key, [c]);
  }
  for (const list of cellCards.values()) list.sort((a, b) => a.order - b.order);

  // Column widths: wide enough for the emotion points of the stage.
  const widths = doc.stages.map(() => COLUMN_WIDTH);
  for (const list of cellCards.values()) {
    const first = list[0];
    if (!first || laneKind.get(first.laneId) !== 'emotion') continue;
    const i = stageIndex.get(first.stageId);
    if (i === undefined) continue;
    widths[i] = Math.max(widths[i] ?? COLUMN_WIDTH, list.length * EMOTION_POINT_SPACING + 2 * CELL_PADDING);
  }
  const columnsWidth = widths.reduce((a, b) => a + b, 0);
  const width = LANE_HEADER_WIDTH + columnsWidth;
  const rtl = doc.direction === 'rtl';

  const columns: ColumnBox[] = [];
  let run = 0;
  doc.stages.forEach((s, index) => {
    const w = widths[index] ?? COLUMN_WIDTH;
    const x = rtl ? width - LANE_HEADER_WIDTH - run - w : LANE_HEADER_WIDTH + run;
    columns.push({ stageId: s.id, index, x, width: w });
    run += w;
  });

  const hasLoops = doc.stages.some((s) => s.loopsTo !== undefined);
  const headerY = hasLoops ? LOOP_SPACE : 0;
  const headerH = stageHeaderHeight(doc, (i) => widths[i] ?? COLUMN_WIDTH);

  // Rows: as tall as their tallest cell.
  const rows: RowBox[] = [];
  let y = headerY + headerH;
  doc.lanes.forEach((lane, index) => {
    let h = lane.kind === 'emotion' ? EMOTION_ROW_HEIGHT : ROW_MIN_HEIGHT;
    if (lane.kind !== 'emotion') {
      for (const s of doc.stages) {
        const list = cellCards.get(cellKey(s.id, lane.id));
        if (!list || list.length === 0) continue;
        let content = 2 * CELL_PADDING + CELL_FOOTER + CARD_GAP * (list.length - 1);
        for (const c of list) content += heightOf(c);
        h = Math.max(h, content);
      }
    }
    h = Math.max(h, 40 + Math.min(3, estimateLines(lane.title, 18)) * 20);
    rows.push({ laneId: lane.id, index, kind: lane.kind, y, height: h });
    y += h;
  });

  const columnOf = new Map(columns.map((c) => [c.stageId, c]));
  const rowOf = new Map(rows.map((r) => [r.laneId, r]));
  const cards = new Map<string, Rect>();
  const cells = new Map<string, string[]>();
  const emotionX = new Map<string, number>();
  for (const [key, list] of cellCards) {
    const first = list[0];
    if (!first) continue;
    const col = columnOf.get(first.stageId);
    const row = rowOf.get(first.laneId);
    if (!col || !row) continue;
    cells.set(key, list.map((c) => c.id));
    if (row.kind === 'emotion') {
      const n = list.length;
      list.forEach((c, i) => {
        const slot = rtl ? n - 1 - i : i;
        emotionX.set(c.id, col.x + (col.width * (slot + 1)) / (n + 1));
      });
      continue;
    }
    let cy = row.y + CELL_PADDING;
    for (const c of list) {
      const h = heightOf(c);
      cards.set(c.id, { x: col.x + (col.width - CARD_WIDTH) / 2, y: cy, width: CARD_WIDTH, height: h });
      cy += h + CARD_GAP;
    }
  }

  return {
    direction: rtl ? 'rtl' : 'ltr',
    width,
    height: y,
    laneHeader: { x: rtl ? width - LANE_HEADER_WIDTH : 0, width: LANE_HEADER_WIDTH },
    stageHeader: { y: headerY, height: headerH },
    columns,
    rows,
    columnOf,
    rowOf,
    cards,
    cells,
    emotionX,
  };
}

/** The cell under a canvas point, or null outside the grid. */
export function cellAt(layout: MapLayout, x: number, y: number): { stageId: string; laneId: string } | null {
  const col = layout.columns.find((c) => x >= c.x && x < c.x + c.width);
  const row = layout.rows.find((r) => y >= r.y && y < r.y + r.height);
  return col && row ? { stageId: col.stageId, laneId: row.laneId } : null;
}

/**
 * Where a card dropped with its top edge at `y` lands in a cell: the number of the
 * cell's other cards (those not in `moving`) whose middle is above the drop point.
 */
export function dropIndex(layout: MapLayout, stageId: string, laneId: string, y: number, moving: ReadonlySet<string>): number {
  const ids = layout.cells.get(cellKey(stageId, laneId)) ?? [];
  let index = 0;
  for (const id of ids) {
    if (moving.has(id)) continue;
    const r = layout.cards.get(id);
    if (r && r.y + r.height / 2 < y) index += 1;
  }
  return index;
}

/** The stage (column) index for a header dropped with its centre at x. */
export function stageIndexAt(layout: MapLayout, x: number): number {
  if (layout.columns.length === 0) return 0;
  let best = 0;
  let bestDist = Infinity;
  for (const c of layout.columns) {
    const d = Math.abs(c.x + c.width / 2 - x);
    if (d < bestDist) {
      bestDist = d;
      best = c.index;
    }
  }
  return best;
}

/** The lane (row) index for a header dropped with its centre at y. */
export function laneIndexAt(layout: MapLayout, y: number): number {
  if (layout.rows.length === 0) return 0;
  let best = 0;
  let bestDist = Infinity;
  for (const r of layout.rows) {
    const d = Math.abs(r.y + r.height / 2 - y);
    if (d < bestDist) {
      bestDist = d;
      best = r.index;
    }
  }
  return best;
}
