import { describe, expect, it } from 'vitest';
import { estimateMapHeightMm, pageCss, PAPER_MM, printLayout } from '../../src/export/printLayout';
import { persona, wideMap } from './arbitraries';

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
