import { getBezierPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { bezierPoints, LABEL_MARGIN, labelSize, MAX_OFFSET, obstaclesNear, placeLabel, pointAt } from '../../src/editor/edgeLabel';
import { computeLayout, emotionY } from '../../src/editor/layout';
import { editorFixture } from './helpers';
import { updateCard } from '../../src/model/operations';
import { createFlowMapper, type ConnectionEdge } from '../../src/editor/toFlow';
import type { Rect } from '../../src/editor/layout';
import { TEMPLATES } from '../../src/model/templates';
import { i18n } from '../../src/i18n';

const size = { width: 80, height: 22 };

function overlaps(c: { x: number; y: number }, s: { width: number; height: number }, r: Rect): boolean {
  return c.x + s.width / 2 > r.x && c.x - s.width / 2 < r.x + r.width && c.y + s.height / 2 > r.y && c.y - s.height / 2 < r.y + r.height;
}

describe('placeLabel: a connection label clear of every card', () => {
  const ends = { sourceX: 0, sourceY: 100, targetX: 400, targetY: 100, sourcePosition: 'right', targetPosition: 'left' } as const;

  it('draws the very curve React Flow draws, and keeps the label at its middle when nothing is there', () => {
    const place = placeLabel(ends, size, []);
    const [rfPath, rfX, rfY] = getBezierPath({ ...ends, sourcePosition: Position.Right, targetPosition: Position.Left });
    const nums = (p: string) => (p.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(nums(place.path)).toEqual(nums(rfPath));
    expect(place).toMatchObject({ x: rfX, y: rfY, clear: true });
  });

  it('slides along the curve past a card on its middle', () => {
    const onMiddle: Rect = { x: 170, y: 60, width: 60, height: 80 };
    const place = placeLabel(ends, size, [onMiddle]);
    expect(place.clear).toBe(true);
    expect(overlaps(place, size, onMiddle)).toBe(false);
    expect(place.y).toBe(100); // still on the curve (a straight line here)
  });

  it('steps beside the curve when cards line it (an arrow along a row of cards), and says where on the curve it belongs', () => {
    // Cards every 280 px with 24 px gaps, as a lane draws them: no point of the line has room for the label.
    const row: Rect[] = [0, 1, 2].map((i) => ({ x: -12 + i * 140, y: 60, width: 116, height: 90 }));
    const place = placeLabel(ends, size, row);
    expect(place.clear).toBe(true);
    for (const r of row) expect(overlaps(place, { width: size.width + 2 * LABEL_MARGIN, height: size.height + 2 * LABEL_MARGIN }, r)).toBe(false);
    expect(place.y).toBeLessThan(60);
    expect(place.anchor.y).toBe(100);
    expect(Math.abs(place.y - place.anchor.y)).toBeLessThanOrEqual(MAX_OFFSET);
  });

  it('falls back to the middle, marked not clear, when no place near the curve is free', () => {
    const wall: Rect = { x: -1000, y: -1000, width: 3000, height: 3000 };
    const place = placeLabel(ends, size, [wall]);
    expect(place.clear).toBe(false);
    expect({ x: place.x, y: place.y }).toEqual(pointAt(bezierPoints(ends), 0.5));
  });

  it('sizes the label with the app text metrics: a longer text is wider', () => {
    expect(labelSize('Re-purchase and more').width).toBeGreaterThan(labelSize('Re-purchase').width);
    expect(labelSize('ซื้อซ้ำ').width).toBeGreaterThan(0);
  });
});

describe('toFlow gives each connection the card boxes near it', () => {
  it('the contact-center "Re-purchase" arrow knows the LINE card that lies on its way, and its label is placed off it', () => {
    const template = TEMPLATES.find((t) => t.name.startsWith('Contact-center'))!;
    const doc = template.build();
    const layout = computeLayout(doc, i18n);
    const { edges } = createFlowMapper()(doc, layout, { selected: new Set(), drag: new Map(), emotionDrag: null, readOnly: false }, i18n);
    const edge = edges.find((e) => e.type === 'connection' && e.data?.label === 'Re-purchase') as ConnectionEdge;
    const lineCard = doc.cards.find((c) => c.kind === 'touchpoint' && c.channel === 'line')!;
    const lineBox = layout.cards.get(lineCard.id)!;
    // The handles: the source's left side, the target's right side, at mid height (as React Flow places them).
    const a = layout.cards.get(edge.source)!;
    const b = layout.cards.get(edge.target)!;
    const ends = { sourceX: a.x, sourceY: a.y + a.height / 2, targetX: b.x + b.width, targetY: b.y + b.height / 2, sourcePosition: 'left', targetPosition: 'right' } as const;
    const s = labelSize('Re-purchase');
    const naive = pointAt(bezierPoints(ends), 0.5);
    expect(overlaps(naive, s, lineBox)).toBe(true); // where it sat before
    const near = obstaclesNear(edge.data!.obstacles, [pointAt(bezierPoints(ends), 0.5)], s);
    expect(near).toContainEqual(lineBox);
    const place = placeLabel(ends, s, edge.data!.obstacles);
    expect(place.clear).toBe(true);
    for (const r of near) expect(overlaps(place, s, r)).toBe(false);
    for (const r of layout.cards.values()) expect(overlaps(place, s, r)).toBe(false);
  });

  it('keeps one obstacle index while the boxes stay (a selection change or an edit that moves nothing keeps every edge object)', () => {
    const doc = editorFixture();
    const layout = computeLayout(doc, i18n);
    const mapper = createFlowMapper();
    const first = mapper(doc, layout, { selected: new Set(), drag: new Map(), emotionDrag: null, readOnly: false }, i18n);
    const second = mapper(doc, layout, { selected: new Set(['t1']), drag: new Map(), emotionDrag: null, readOnly: false }, i18n);
    expect(second.edges[0]).toBe(first.edges[0]);
    // A new layout with the same boxes (an edit that moved nothing) keeps it too.
    const third = mapper(doc, computeLayout(doc, i18n), { selected: new Set(['t1']), drag: new Map(), emotionDrag: null, readOnly: false }, i18n);
    expect(third.edges[0]).toBe(first.edges[0]);
    // A card that grows changes it.
    const grown = updateCard(doc, 't1', { text: 'a much longer text '.repeat(12) });
    const fourth = mapper(grown, computeLayout(grown, i18n), { selected: new Set(['t1']), drag: new Map(), emotionDrag: null, readOnly: false }, i18n);
    expect((fourth.edges[0] as ConnectionEdge).data!.obstacles).not.toBe((first.edges[0] as ConnectionEdge).data!.obstacles);
  });

  it('counts the emotion points, the headers and the cells’ add buttons as things a label must leave uncovered', () => {
    const doc = editorFixture();
    const layout = computeLayout(doc, i18n);
    // An arrow from a touchpoint to the emotion lane's neighbour row reaches the points.
    const { edges } = createFlowMapper()(doc, layout, { selected: new Set(), drag: new Map(), emotionDrag: null, readOnly: false }, i18n);
    const index = (edges[0] as ConnectionEdge).data!.obstacles;
    const all = obstaclesNear(index, [{ x: layout.width / 2, y: layout.height / 2 }], { width: layout.width + 1, height: layout.height + 1 });
    const near = all;
    const row = layout.rowOf.get('le')!;
    const x = layout.emotionX.get('e1')!;
    expect(near).toContainEqual({ x: x - 16, y: row.y + emotionY(1, row.height) - 16, width: 32, height: 32 });
    expect(near).toContainEqual({ x: 0, y: layout.stageHeader.y, width: layout.width, height: layout.stageHeader.height });
    // The "add card" button at the foot of the arrow's own cell (inline end: the right on this map).
    const col = layout.columnOf.get('s1')!;
    const lane = layout.rowOf.get('lp')!;
    expect(near).toContainEqual({ x: col.x + col.width - 32, y: lane.y + lane.height - 30, width: 26, height: 26 });
  });
});
