import { describe, expect, it } from 'vitest';
import { addCard, updateCard, updateStage } from '../../src/model/operations';
import {
  CARD_WIDTH,
  LANE_HEADER_WIDTH,
  ROW_MIN_HEIGHT,
  cellAt,
  computeLayout,
  dropIndex,
  emotionY,
  estimateCardHeight,
  estimateLines,
  laneIndexAt,
  scoreAtY,
  stageIndexAt,
  cardHeight,
  type Rect,
} from '../../src/editor/layout';
import { cardData, cardFace, type CardFace } from '../../src/editor/cardFace';
import { editorFixture } from './helpers';
import { i18n } from '../../src/i18n';

const overlap = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('layout', () => {
  it('puts the lane headers at the start and stages left to right in an LTR map', () => {
    const l = computeLayout(editorFixture(), i18n);
    expect(l.laneHeader.x).toBe(0);
    expect(l.columns.map((c) => c.stageId)).toEqual(['s1', 's2', 's3']);
    expect(l.columns[0]!.x).toBe(LANE_HEADER_WIDTH);
    expect(l.columns[1]!.x).toBeGreaterThan(l.columns[0]!.x);
    expect(l.columns[2]!.x).toBeGreaterThan(l.columns[1]!.x);
  });

  it('runs stages right to left with the lane headers on the right in an RTL map', () => {
    const l = computeLayout(editorFixture('rtl'), i18n);
    expect(l.laneHeader.x).toBe(l.width - LANE_HEADER_WIDTH);
    expect(l.columns[0]!.x + l.columns[0]!.width).toBe(l.laneHeader.x);
    expect(l.columns[1]!.x).toBeLessThan(l.columns[0]!.x);
    expect(l.columns[2]!.x).toBeLessThan(l.columns[1]!.x);
    expect(l.columns[2]!.x).toBe(0);
  });

  it('stacks cards in their cell in order, inside their column and row', () => {
    const l = computeLayout(editorFixture(), i18n);
    const t1 = l.cards.get('t1')!;
    const t2 = l.cards.get('t2')!;
    expect(t2.y).toBeGreaterThan(t1.y + t1.height - 1);
    const col = l.columnOf.get('s1')!;
    const row = l.rowOf.get('lt')!;
    for (const r of [t1, t2]) {
      expect(r.x).toBeGreaterThanOrEqual(col.x);
      expect(r.x + r.width).toBeLessThanOrEqual(col.x + col.width);
      expect(r.y).toBeGreaterThanOrEqual(row.y);
      expect(r.y + r.height).toBeLessThanOrEqual(row.y + row.height);
    }
    expect(t1.width).toBe(CARD_WIDTH);
    expect(l.cells.get('s1\u0000lt')).toEqual(['t1', 't2']);
  });

  it('grows a row with long texts and many cards, and nothing overlaps', () => {
    let d = editorFixture();
    const before = computeLayout(d, i18n).rowOf.get('lt')!.height;
    expect(before).toBeGreaterThanOrEqual(ROW_MIN_HEIGHT);
    d = updateCard(d, 't1', { text: 'ลูกค้าเปรียบเทียบราคาทางเว็บไซต์ '.repeat(12) });
    for (let i = 0; i < 6; i++) d = addCard(d, { stageId: 's1', laneId: 'lt', text: `more ${i}` });
    const l = computeLayout(d, i18n);
    const row = l.rowOf.get('lt')!;
    expect(row.height).toBeGreaterThan(before);
    const rects = [...l.cards.values()];
    for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) expect(overlap(rects[i]!, rects[j]!)).toBe(false);
    // Rows follow one another.
    for (let i = 1; i < l.rows.length; i++) expect(l.rows[i]!.y).toBe(l.rows[i - 1]!.y + l.rows[i - 1]!.height);
    expect(l.height).toBe(l.rows.at(-1)!.y + l.rows.at(-1)!.height);
  });

  it('counts every line a card draws, for every kind, and caches by card object', () => {
    expect(estimateLines('')).toBe(1);
    expect(estimateLines('a\nb')).toBe(2);
    const d = editorFixture();
    const t1 = d.cards.find((c) => c.id === 't1')!;
    const p1 = d.cards.find((c) => c.id === 'p1')!;
    expect(estimateCardHeight(i18n, p1)).toBeGreaterThan(estimateCardHeight(i18n, t1));
    expect(estimateCardHeight(i18n, t1)).toBe(estimateCardHeight(i18n, t1));
    // One more text line: 20 px more.
    const two = updateCard(d, 't1', { text: 'first\nsecond' }).cards.find((c) => c.id === 't1')!;
    expect(estimateCardHeight(i18n, two) - estimateCardHeight(i18n, t1)).toBe(20);
  });

  it('gives a field its own row, and its value more lines, when label and value do not fit beside the others', () => {
    const face = (owner: string): CardFace => ({
      head: { type: 'status', text: 'Idea' },
      text: 'Guest checkout',
      empty: false,
      fields: [
        { label: 'Priority', value: 'Medium' },
        { label: 'Owner', value: owner },
      ],
      link: null,
      kpi: null,
    });
    const short = cardHeight(face('Sales'), 'opportunity');
    // "Customer success" no longer fits beside "Priority Medium": a second row of 18 px (and the row gap).
    expect(cardHeight(face('Customer success team'), 'opportunity')).toBeGreaterThanOrEqual(short + 18);
    // An owner longer than the card wraps onto further lines.
    const long = cardHeight(face('The customer experience and service quality team of the contact center'), 'opportunity');
    expect(long).toBeGreaterThanOrEqual(short + 3 * 18);
  });

  it('counts the lines of a pain point link and of a KPI line that wraps', () => {
    const base: CardFace = { head: { type: 'severity', text: '⚠ High' }, text: 'Waits', empty: false, fields: [], link: null, kpi: null };
    const linked = cardHeight({ ...base, link: 'at Call' }, 'pain', 'high');
    expect(linked - cardHeight(base, 'pain', 'high')).toBe(18);
    // A longer one takes more lines of 18 px.
    const more = cardHeight({ ...base, link: `at ${'Calls the hotline about the repair '.repeat(3)}` }, 'pain', 'high') - linked;
    expect(more).toBeGreaterThanOrEqual(2 * 18);
    expect(more % 18).toBe(0);
    const kpi = (unit: string): CardFace => ({ ...base, head: { type: 'metric', text: 'NPS' }, kpi: { value: `38${unit}`, target: `/ target 45${unit}`, mark: ' ✗ Below target' } });
    expect(cardHeight(kpi(' minutes per contact'), 'kpi') - cardHeight(kpi(''), 'kpi')).toBeGreaterThanOrEqual(20);
  });

  it("shows an opportunity's priority by its label, as the layout measures it", () => {
    const face = cardFace(i18n, { ...cardData(editorFixture().cards[0]!, undefined, null, 'ltr', 'en'), kind: 'opportunity', priority: 'medium', status: 'idea' });
    expect(face.fields).toEqual([
      { label: 'Priority', value: 'Medium' },
      { label: 'Owner', value: '–' },
    ]);
  });

  it('leaves room above the headers for loop arrows only when there are loops', () => {
    const d = editorFixture();
    expect(computeLayout(d, i18n).stageHeader.y).toBe(0);
    const looped = updateStage(d, 's3', { loopsTo: 's1' });
    expect(computeLayout(looped, i18n).stageHeader.y).toBeGreaterThan(0);
  });

  it('places emotion points in their stage column, not as boxes', () => {
    const l = computeLayout(editorFixture(), i18n);
    expect(l.cards.has('e1')).toBe(false);
    for (const [id, stage] of [['e1', 's1'], ['e2', 's2'], ['e3', 's3']] as const) {
      const col = l.columnOf.get(stage)!;
      const x = l.emotionX.get(id)!;
      expect(x).toBeGreaterThan(col.x);
      expect(x).toBeLessThan(col.x + col.width);
    }
  });

  it('maps scores to heights and back', () => {
    for (const s of [-2, -1, 0, 1, 2]) expect(scoreAtY(emotionY(s, 200), 200)).toBe(s);
    expect(emotionY(2, 200)).toBeLessThan(emotionY(0, 200));
    expect(scoreAtY(-500, 200)).toBe(2);
    expect(scoreAtY(900, 200)).toBe(-2);
  });

  it('finds the cell, the drop index and header targets under a point', () => {
    const d = editorFixture();
    const l = computeLayout(d, i18n);
    const col = l.columnOf.get('s2')!;
    const row = l.rowOf.get('lt')!;
    expect(cellAt(l, col.x + 5, row.y + 5)).toEqual({ stageId: 's2', laneId: 'lt' });
    expect(cellAt(l, 5, row.y + 5)).toBeNull();
    const t1 = l.cards.get('t1')!;
    const t2 = l.cards.get('t2')!;
    expect(dropIndex(l, 's1', 'lt', t1.y - 5, new Set())).toBe(0);
    expect(dropIndex(l, 's1', 'lt', t2.y + t2.height, new Set(['t1']))).toBe(1);
    expect(dropIndex(l, 's1', 'lt', t2.y + t2.height, new Set())).toBe(2);
    expect(stageIndexAt(l, l.columnOf.get('s3')!.x + 10)).toBe(2);
    expect(laneIndexAt(l, l.rowOf.get('lp')!.y + 3)).toBe(1);
  });
});
