import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  estimateMapHeightMm,
  estimateMapPageMm,
  mapPageRoomMm,
  pageCss,
  PAPER_MM,
  printLayout,
  type MapPageSpec,
  type PrintLayout,
  type PrintOptions,
} from '../../src/export/printLayout';
import type { JourneyMap } from '../../src/model/schema';
import { mapArb, persona, tallMap, TEXTS, wideMap } from './arbitraries';

function mapPages(layout: PrintLayout): MapPageSpec[] {
  return layout.pages.filter((p): p is MapPageSpec => p.kind === 'map');
}

/** Every card part a map page shows, with its text, in page order. */
function partsByCard(map: JourneyMap, layout: PrintLayout): Map<string, { page: number; text: string }[]> {
  const cards = new Map(map.cards.map((c) => [c.id, c]));
  const out = new Map<string, { page: number; text: string }[]>();
  mapPages(layout).forEach((page, i) => {
    for (const row of page.rows) {
      row.cells.forEach((cell, k) => {
        for (const piece of cell) {
          const card = cards.get(piece.cardId)!;
          expect(card.stageId).toBe(page.stageIds[k]);
          expect(card.laneId).toBe(row.laneId);
          const text = piece.slice ? card.text.slice(piece.slice.start, piece.slice.end) : card.text;
          out.set(card.id, [...(out.get(card.id) ?? []), { page: i, text }]);
        }
      });
    }
  });
  return out;
}

const PORTRAIT: PrintOptions = { size: 'A4', orientation: 'portrait' };
const LANDSCAPE: PrintOptions = { size: 'A4', orientation: 'landscape' };

describe('printLayout', () => {
  it('splits a 12-stage map into pages of whole stages, each stage exactly once, in order', () => {
    const map = wideMap(12);
    for (const size of ['A4', 'A3', 'Letter'] as const) {
      for (const orientation of ['landscape', 'portrait'] as const) {
        const layout = printLayout(map, [persona('persona-1', 'Kevin')], { size, orientation });
        const mapPages = layout.pages.filter((p) => p.kind === 'map');
        const shown = mapPages.flatMap((p) => p.stageIds);
        expect(shown).toEqual(map.stages.map((s) => s.id));
        expect(mapPages.length).toBeGreaterThan(1);
        // Every stage gets at least the minimum width, and the page holds the lane header and its stages.
        const paper = PAPER_MM[size];
        const width = orientation === 'landscape' ? paper.height : paper.width;
        expect(layout.pageWidthMm).toBe(width);
        for (const p of mapPages) {
          expect(p.stageIds.length).toBeLessThanOrEqual(layout.stagesPerPage);
          expect(layout.laneHeaderMm + p.stageIds.length * layout.stageWidthMm).toBeLessThanOrEqual(width - 2 * layout.marginMm + 1e-9);
        }
        // Balanced: page sizes differ by at most one stage.
        const sizes = mapPages.map((p) => p.stageIds.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(mapPages.map((p) => p.part)).toEqual(mapPages.map((_, i) => i + 1));
        expect(mapPages.every((p) => p.parts === mapPages.length)).toBe(true);
      }
    }
  });

  it('A4 landscape shows 4 stages a page: 12 stages make 3 map pages', () => {
    const layout = printLayout(wideMap(12), [], { size: 'A4', orientation: 'landscape' });
    expect(layout.pages.filter((p) => p.kind === 'map').map((p) => p.kind === 'map' && [p.firstStage, p.lastStage])).toEqual([
      [1, 4],
      [5, 8],
      [9, 12],
    ]);
  });

  it('starts with a cover, then one profile page per linked persona that exists, then the map', () => {
    const map = { ...wideMap(3), personaIds: ['p2', 'missing', 'p1'] };
    const layout = printLayout(map, [persona('p1', 'A'), persona('p2', 'B'), persona('p3', 'not linked')], {
      size: 'A4',
      orientation: 'portrait',
    });
    expect(layout.pages.slice(0, 3)).toEqual([
      { kind: 'cover' },
      { kind: 'persona', personaId: 'p2' },
      { kind: 'persona', personaId: 'p1' },
    ]);
    expect(layout.pages.slice(3).every((p) => p.kind === 'map')).toBe(true);
  });

  it("'fit' puts the whole map on one page sized to it", () => {
    const map = wideMap(12);
    const layout = printLayout(map, [], { size: 'fit', orientation: 'landscape' });
    const mapPages = layout.pages.filter((p) => p.kind === 'map');
    expect(mapPages).toHaveLength(1);
    expect(mapPages[0]!.kind === 'map' && mapPages[0]!.stageIds).toHaveLength(12);
    expect(layout.pageWidthMm).toBeGreaterThanOrEqual(2 * layout.marginMm + layout.laneHeaderMm + 12 * layout.stageWidthMm);
    expect(layout.pageHeightMm).toBeGreaterThanOrEqual(estimateMapHeightMm(map, map.stages.map((s) => s.id), layout.stageWidthMm));
  });

  it('lays out a map without stages as one (empty) map page', () => {
    const map = { ...wideMap(1), stages: [], cards: [], connections: [] };
    const layout = printLayout(map, [], { size: 'A4', orientation: 'landscape' });
    expect(layout.pages.filter((p) => p.kind === 'map')).toHaveLength(1);
  });

  it('packs a tall map into pages: each fits its page, none without a lane row, every card once and whole', () => {
    const map = tallMap();
    for (const options of [PORTRAIT, LANDSCAPE, { size: 'Letter', orientation: 'portrait' } as const]) {
      const layout = printLayout(map, [], options);
      const pages = mapPages(layout);
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        expect(page.rows.length, `page ${page.part}`).toBeGreaterThan(0);
        expect(estimateMapPageMm(map, page, layout), `page ${page.part}`).toBeLessThanOrEqual(mapPageRoomMm(layout));
        expect(page.parts).toBe(pages.length);
      }
      expect(pages.map((p) => p.part)).toEqual(pages.map((_, i) => i + 1));
      // Every card is shown, in its own cell; a cut card's parts make its text, in page order.
      const parts = partsByCard(map, layout);
      for (const card of map.cards) expect(parts.get(card.id)?.map((p) => p.text).join(''), card.id).toBe(card.text);
      expect(parts.get('card-2-text')!.length).toBeGreaterThan(1);
      // Within a stage group the lanes come in order; a row cut at the foot of a page goes on at the top of the next.
      const groups = new Map<string, MapPageSpec[]>();
      for (const p of pages) groups.set(p.stageIds.join(), [...(groups.get(p.stageIds.join()) ?? []), p]);
      for (const group of groups.values()) {
        const lanes = group.flatMap((p) => p.rows.map((r) => r.laneId));
        expect([...new Set(lanes)]).toEqual(map.lanes.map((l) => l.id));
        group.forEach((p, i) => {
          const last = p.rows[p.rows.length - 1]!;
          if (last.continues) {
            const next = group[i + 1]!.rows[0]!;
            expect(next).toMatchObject({ laneId: last.laneId, continued: true });
          }
          p.rows.forEach((r, j) => expect(r.continued, `a continued row opens its page`).toBe(j === 0 && r.continued));
        });
      }
    }
  });

  it('keeps a row whole on the next page when a fresh page holds it, and cuts only rows taller than a page', () => {
    const map = tallMap();
    const layout = printLayout(map, [], LANDSCAPE);
    const room = mapPageRoomMm(layout);
    for (const page of mapPages(layout)) {
      for (const row of page.rows) {
        if (!row.continued && !row.continues) continue;
        // Only the text lane (40 cards and a huge card in it) is taller than a page.
        expect(row.laneId).toBe('lane-text');
      }
    }
    // The rows after the text lane all fit one page together, so they are never cut.
    const last = mapPages(layout).at(-1)!;
    expect(last.rows.map((r) => r.laneId)).toContain('lane-kpi');
    expect(estimateMapPageMm(map, last, layout)).toBeLessThanOrEqual(room);
  });

  it('cuts a card taller than a page between words, Thai words too, never before a space', () => {
    const map = wideMap(1);
    const thai = Array.from({ length: 200 }, () => TEXTS.th).join('');
    map.cards = map.cards.map((c) => (c.kind === 'text' ? { ...c, text: thai } : c));
    const layout = printLayout(map, [], PORTRAIT);
    const parts = partsByCard(map, layout).get('card-1-text')!;
    expect(parts.length).toBeGreaterThan(1);
    const boundaries = new Set(Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(thai), (s) => s.index));
    let at = 0;
    for (const { text } of parts.slice(0, -1)) {
      at += text.length;
      expect(boundaries.has(at), `cut at ${at}`).toBe(true);
    }
    const english = wideMap(1);
    english.cards = english.cards.map((c) => (c.kind === 'text' ? { ...c, text: Array.from({ length: 400 }, () => TEXTS.en).join(' ') } : c));
    const enParts = partsByCard(english, printLayout(english, [], PORTRAIT)).get('card-1-text')!;
    expect(enParts.length).toBeGreaterThan(1);
    for (const { text } of enParts.slice(1)) expect(text).toMatch(/^\S/);
  });

  it('a map that fits the page height is not split vertically: one page per stage group, every lane whole', () => {
    const map = wideMap(12);
    const layout = printLayout(map, [], LANDSCAPE);
    for (const page of mapPages(layout)) {
      expect(page.rows.map((r) => r.laneId)).toEqual(map.lanes.map((l) => l.id));
      expect(page.rows.every((r) => !r.continued && !r.continues)).toBe(true);
    }
  });

  it('taller estimates (heightScale) give more pages, never fewer', () => {
    const map = tallMap();
    const base = mapPages(printLayout(map, [], PORTRAIT)).length;
    const taller = printLayout(map, [], PORTRAIT, { heightScale: 1.3 });
    expect(mapPages(taller).length).toBeGreaterThan(base);
    for (const page of mapPages(taller)) expect(estimateMapPageMm(map, page, taller, { heightScale: 1.3 })).toBeLessThanOrEqual(mapPageRoomMm(taller));
  });

  it('over generated maps (some cards long enough to be cut): every stage, lane and card is shown whole across the pages', () => {
    fc.assert(
      fc.property(
        mapArb,
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 25, maxLength: 25 }),
        fc.constantFrom<PrintOptions>(PORTRAIT, LANDSCAPE, { size: 'A3', orientation: 'portrait' }),
        (generated, repeats, options) => {
          const map = { ...generated, cards: generated.cards.map((c, i) => ({ ...c, text: `${c.text} `.repeat(repeats[i % 25]! % 7 === 0 ? repeats[i % 25]! : 1) })) };
          const layout = printLayout(map, [], options);
          const pages = mapPages(layout);
          expect(new Set(pages.flatMap((p) => p.stageIds))).toEqual(new Set(map.stages.map((s) => s.id)));
          for (const page of pages) if (map.lanes.length > 0) expect(page.rows.length).toBeGreaterThan(0);
          const parts = partsByCard(map, layout);
          for (const card of map.cards) expect(parts.get(card.id)?.map((p) => p.text).join('')).toBe(card.text);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes the @page rule from numbers only', () => {
    const layout = printLayout(wideMap(2), [], { size: 'A4', orientation: 'landscape' });
    expect(pageCss(layout)).toBe('@page { size: 297mm 210mm; margin: 10mm; }');
  });

  it('estimates taller pages for longer texts', () => {
    const short = wideMap(2);
    const long = wideMap(2);
    long.cards = long.cards.map((c) => ({ ...c, text: c.text.repeat(20) }));
    const ids = short.stages.map((s) => s.id);
    expect(estimateMapHeightMm(long, ids, 60)).toBeGreaterThan(estimateMapHeightMm(short, ids, 60));
  });
});
