/**
 * Where a connection's label goes: on its curve, clear of every card. Pure (no React,
 * no DOM), so it is unit-tested; edges.tsx calls it with the handle positions React Flow
 * gives and the card boxes toFlow found near the connection.
 *
 * The curve is the one React Flow's getBezierPath draws (same control points, curvature
 * 0.25); this module builds the path itself so the label is placed on exactly the curve
 * that is drawn.
 */
import type { Position } from '@xyflow/react';
import type { Rect } from './layout';
import { textWidth } from './textMetrics';

export type Side = `${Position}`;
export interface Point {
  x: number;
  y: number;
}
export interface EdgeEnds {
  sourceX: number;
  sourceY: number;
  targetX: number;
  targetY: number;
  sourcePosition: Side;
  targetPosition: Side;
}
export interface LabelPlace {
  /** The SVG path of the curve. */
  path: string;
  /** Centre of the label. */
  x: number;
  y: number;
  /** The point of the curve the label belongs to (differs from x/y when the label had to step aside). */
  anchor: Point;
  /** False when no place near the curve is clear of the cards: the label sits at the middle. */
  clear: boolean;
}

const CURVATURE = 0.25;
/** Room kept between a label and a card, in canvas px. */
export const LABEL_MARGIN = 4;
/** How far a label may step aside from its curve, in canvas px (about one card row). */
export const MAX_OFFSET = 160;
const OFFSET_STEP = 6;
const SAMPLES = 20;

/** Label font and padding, as .jb-edge-label__button draws it (12 px, 0.4rem inline padding, 1 px border). */
export const LABEL_FONT_PX = 12;
export const LABEL_HEIGHT = 22;
const LABEL_PADDING = 2 * 6.4 + 2;

/** The label's box size, measured with the app's text metrics (the same engine as the cards). */
export function labelSize(text: string): { width: number; height: number } {
  return { width: Math.ceil(textWidth(text, LABEL_FONT_PX) + LABEL_PADDING), height: LABEL_HEIGHT };
}

function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : CURVATURE * 25 * Math.sqrt(-distance);
}

function control(pos: Side, x1: number, y1: number, x2: number, y2: number): Point {
  switch (pos) {
    case 'left':
      return { x: x1 - controlOffset(x1 - x2), y: y1 };
    case 'right':
      return { x: x1 + controlOffset(x2 - x1), y: y1 };
    case 'top':
      return { x: x1, y: y1 - controlOffset(y1 - y2) };
    case 'bottom':
      return { x: x1, y: y1 + controlOffset(y2 - y1) };
  }
}

/** The four points of the cubic curve React Flow draws between two handles. */
export function bezierPoints(e: EdgeEnds): [Point, Point, Point, Point] {
  return [
    { x: e.sourceX, y: e.sourceY },
    control(e.sourcePosition, e.sourceX, e.sourceY, e.targetX, e.targetY),
    control(e.targetPosition, e.targetX, e.targetY, e.sourceX, e.sourceY),
    { x: e.targetX, y: e.targetY },
  ];
}

export function pointAt([p0, p1, p2, p3]: readonly [Point, Point, Point, Point], t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y };
}

/** Whether a box of `size` centred on `c` overlaps a rect (the margin counted). */
function hits(c: Point, size: { width: number; height: number }, r: Rect): boolean {
  const hw = size.width / 2 + LABEL_MARGIN;
  const hh = size.height / 2 + LABEL_MARGIN;
  return c.x + hw > r.x && c.x - hw < r.x + r.width && c.y + hh > r.y && c.y - hh < r.y + r.height;
}

/**
 * The curve, and the label's centre: the point of the curve nearest its middle where the
 * label covers no card; when every point of the curve is on or next to a card (an arrow
 * along a row of cards), the nearest place beside the curve, stepping up or down (left or
 * right for a vertical curve) by up to MAX_OFFSET; the middle of the curve when nothing
 * near is clear.
 */
export function placeLabel(ends: EdgeEnds, size: { width: number; height: number }, obstacles: readonly Rect[] | ObstacleIndex): LabelPlace {
  const pts = bezierPoints(ends);
  const ts: number[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const t = 0.5 + ((i % 2 === 0 ? 1 : -1) * Math.ceil(i / 2)) / SAMPLES;
    if (t > 0 && t < 1) ts.push(t);
  }
  const anchors = ts.map((t) => pointAt(pts, t));
  const cards = Array.isArray(obstacles) ? (obstacles as readonly Rect[]) : obstaclesNear(obstacles as ObstacleIndex, anchors, size);
  const [p0, p1, p2, p3] = pts;
  const path = `M${p0.x},${p0.y} C${p1.x},${p1.y} ${p2.x},${p2.y} ${p3.x},${p3.y}`;
  const mid = pointAt(pts, 0.5);
  // Step across the curve's main direction: up/down for a mostly horizontal curve.
  const horizontal = Math.abs(p3.x - p0.x) >= Math.abs(p3.y - p0.y);
  let best: { x: number; y: number; anchor: Point; cost: number } | null = null;
  for (const anchor of anchors) {
    // Distance along the curve from the middle, roughly: what the reader follows.
    const along = Math.hypot(anchor.x - mid.x, anchor.y - mid.y);
    for (let k = 0; k * OFFSET_STEP <= MAX_OFFSET; k++) {
      const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * OFFSET_STEP;
      // Stepping aside costs more than sliding along: a label off its curve reads as less attached.
      const cost = along + 2 * Math.abs(offset);
      if (best && cost >= best.cost) continue;
      const c = horizontal ? { x: anchor.x, y: anchor.y + offset } : { x: anchor.x + offset, y: anchor.y };
      if (cards.some((r) => hits(c, size, r))) continue;
      best = { ...c, anchor, cost };
    }
  }
  if (!best) return { path, x: mid.x, y: mid.y, anchor: mid, clear: false };
  return { path, x: best.x, y: best.y, anchor: best.anchor, clear: true };
}

/**
 * The boxes a label must leave clear (cards, emotion points, headers, add buttons), in
 * square buckets: built once per layout, then each arrow looks only at the buckets along
 * its own curve, so the work per arrow does not grow with the map. Plain data.
 */
export interface ObstacleIndex {
  bucket: number;
  buckets: Map<string, Rect[]>;
}

export function buildObstacleIndex(rects: Iterable<Rect>, bucket = 256): ObstacleIndex {
  const buckets = new Map<string, Rect[]>();
  for (const r of rects) {
    for (let bx = Math.floor(r.x / bucket); bx <= Math.floor((r.x + r.width) / bucket); bx++) {
      for (let by = Math.floor(r.y / bucket); by <= Math.floor((r.y + r.height) / bucket); by++) {
        const key = `${bx},${by}`;
        const list = buckets.get(key);
        if (list) list.push(r);
        else buckets.set(key, [r]);
      }
    }
  }
  return { bucket, buckets };
}

/** The boxes within reach of a label centred anywhere on the given points or up to MAX_OFFSET beside them. */
export function obstaclesNear(index: ObstacleIndex, points: readonly Point[], size: { width: number; height: number }): Rect[] {
  const rx = size.width / 2 + LABEL_MARGIN + MAX_OFFSET;
  const ry = size.height / 2 + LABEL_MARGIN + MAX_OFFSET;
  const { bucket, buckets } = index;
  const keys = new Set<string>();
  for (const p of points) {
    for (let bx = Math.floor((p.x - rx) / bucket); bx <= Math.floor((p.x + rx) / bucket); bx++)
      for (let by = Math.floor((p.y - ry) / bucket); by <= Math.floor((p.y + ry) / bucket); by++) keys.add(`${bx},${by}`);
  }
  const out = new Set<Rect>();
  for (const key of keys) for (const r of buckets.get(key) ?? []) out.add(r);
  return [...out];
}
