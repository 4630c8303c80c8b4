import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setupI18n } from '@lingui/core';
import { i18n } from '../../src/i18n';
import {
  estimateMapHeightMm,
  estimateMapPageMm,
  mapPageRoomMm,
  mapPageWidthMm,
  MAX_FIT_SCALE,
  MIN_TILE_SCALE,
  pageCss,
  PAPER_MM,
  printLayout,
  type MapPageSpec,
  type PrintLayout,
  type PrintOptions,
} from '../../src/export/printLayout';
import type { JourneyMap } from '../../src/model/schema';
import { templateById } from '../../src/model/templates';
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
        const layout = printLayout(i18n, map, [persona('persona-1', 'Kevin')], { size, orientation });
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
          expect(mapPageWidthMm(p, layout)).toBeLessThanOrEqual(width - 2 * layout.marginMm + 1e-9);
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
    const layout = printLayout(i18n, wideMap(12), [], { size: 'A4', orientation: 'landscape' });
    expect(layout.pages.filter((p) => p.kind === 'map').map((p) => p.kind === 'map' && [p.firstStage, p.lastStage])).toEqual([
      [1, 4],
      [5, 8],
      [9, 12],
    ]);
  });

  it('starts with a cover, then one profile page per linked persona that exists, then the map', () => {
    const map = { ...wideMap(3), personaIds: ['p2', 'missing', 'p1'] };
    const layout = printLayout(i18n, map, [persona('p1', 'A'), persona('p2', 'B'), persona('p3', 'not linked')], {
      size: 'A4',
      orientation: 'portrait',
    });
    expect(layout.pages.slice(0, 3)).toMatchObject([
      { kind: 'cover' },
      { kind: 'persona', personaId: 'p2' },
      { kind: 'persona', personaId: 'p1' },
    ]);
    expect(layout.pages.slice(3).every((p) => p.kind === 'map')).toBe(true);
  });

  it("'fit' puts the whole map on one page sized to it", () => {
    const map = wideMap(12);
    const layout = printLayout(i18n, map, [], { size: 'fit', orientation: 'landscape' });
    const mapPages = layout.pages.filter((p) => p.kind === 'map');
    expect(mapPages).toHaveLength(1);
    expect(mapPages[0]!.kind === 'map' && mapPages[0]!.stageIds).toHaveLength(12);
    expect(layout.pageWidthMm).toBeGreaterThanOrEqual(2 * layout.marginMm + layout.laneHeaderMm + 12 * layout.stageWidthMm);
    expect(layout.pageHeightMm).toBeGreaterThanOrEqual(estimateMapHeightMm(i18n, map, map.stages.map((s) => s.id), layout.stageWidthMm));
  });

  it('lays out a map without stages as one (empty) map page', () => {
    const map = { ...wideMap(1), stages: [], cards: [], connections: [] };
    const layout = printLayout(i18n, map, [], { size: 'A4', orientation: 'landscape' });
    expect(layout.pages.filter((p) => p.kind === 'map')).toHaveLength(1);
  });

  it('packs a tall map into pages: each fits its page, none without a lane row, every card once and whole', () => {
    const map = tallMap();
    for (const options of [PORTRAIT, LANDSCAPE, { size: 'Letter', orientation: 'portrait' } as const]) {
      const layout = printLayout(i18n, map, [], options);
      const pages = mapPages(layout);
      expect(pages.length).toBeGreaterThan(3);
      for (const page of pages) {
        expect(page.rows.length, `page ${page.part}`).toBeGreaterThan(0);
        expect(estimateMapPageMm(i18n, map, page, layout), `page ${page.part}`).toBeLessThanOrEqual(mapPageRoomMm(layout));
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
    const layout = printLayout(i18n, map, [], LANDSCAPE);
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
    expect(estimateMapPageMm(i18n, map, last, layout)).toBeLessThanOrEqual(room);
  });

  it('cuts a card taller than a page between words, Thai words too, never before a space', () => {
    const map = wideMap(1);
    const thai = Array.from({ length: 200 }, () => TEXTS.th).join('');
    map.cards = map.cards.map((c) => (c.kind === 'text' ? { ...c, text: thai } : c));
    const layout = printLayout(i18n, map, [], PORTRAIT);
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
    const enParts = partsByCard(english, printLayout(i18n, english, [], PORTRAIT)).get('card-1-text')!;
    expect(enParts.length).toBeGreaterThan(1);
    for (const { text } of enParts.slice(1)) expect(text).toMatch(/^\S/);
  });

  it('a map that fits the page height is not split vertically: one page per stage group, every lane whole', () => {
    const map = wideMap(12);
    const layout = printLayout(i18n, map, [], LANDSCAPE);
    for (const page of mapPages(layout)) {
      expect(page.rows.map((r) => r.laneId)).toEqual(map.lanes.map((l) => l.id));
      expect(page.rows.every((r) => !r.continued && !r.continues)).toBe(true);
    }
  });

  it('taller estimates (heightScale) give more pages, never fewer', () => {
    const map = tallMap();
    const base = mapPages(printLayout(i18n, map, [], PORTRAIT)).length;
    const taller = printLayout(i18n, map, [], PORTRAIT, { heightScale: 1.3 });
    expect(mapPages(taller).length).toBeGreaterThan(base);
    for (const page of mapPages(taller)) expect(estimateMapPageMm(i18n, map, page, taller, { heightScale: 1.3 })).toBeLessThanOrEqual(mapPageRoomMm(taller));
  });

  it('over generated maps (some cards long enough to be cut): every stage, lane and card is shown whole across the pages', () => {
    fc.assert(
      fc.property(
        mapArb,
        fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 25, maxLength: 25 }),
        fc.constantFrom<PrintOptions>(PORTRAIT, LANDSCAPE, { size: 'A3', orientation: 'portrait' }),
        (generated, repeats, options) => {
          const map = { ...generated, cards: generated.cards.map((c, i) => ({ ...c, text: `${c.text} `.repeat(repeats[i % 25]! % 7 === 0 ? repeats[i % 25]! : 1) })) };
          const layout = printLayout(i18n, map, [], options);
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
    const layout = printLayout(i18n, wideMap(2), [], { size: 'A4', orientation: 'landscape' });
    expect(pageCss(layout)).toBe('@page { size: 297mm 210mm; margin: 10mm; }');
  });

  it('estimates taller pages for longer texts', () => {
    const short = wideMap(2);
    const long = wideMap(2);
    long.cards = long.cards.map((c) => ({ ...c, text: c.text.repeat(20) }));
    const ids = short.stages.map((s) => s.id);
    expect(estimateMapHeightMm(i18n, long, ids, 60)).toBeGreaterThan(estimateMapHeightMm(i18n, short, ids, 60));
  });

  it('measures its own words in the language it is given: a wordier caption or meta line is a taller page', () => {
    const map = wideMap(2);
    const ids = map.stages.map((s) => s.id);
    const wordy = (id: string) => {
      const words = 'a much longer way of saying the same thing '.repeat(6);
      return setupI18n({ locale: 'en', messages: { en: { ...i18n.messages, [id]: words } } });
    };
    const plain = estimateMapHeightMm(i18n, map, ids, 60);
    expect(estimateMapHeightMm(wordy('print.page.mapPart'), map, ids, 60)).toBeGreaterThan(plain);
    expect(estimateMapHeightMm(wordy('print.meta.realtime'), map, ids, 60)).toBeGreaterThan(plain);
    expect(estimateMapHeightMm(wordy('label.laneKind.touchpoint'), map, ids, 60)).toBeGreaterThan(plain);
  });
});

describe('printLayout: pages made for paper', () => {
  const contactCenter = templateById('contact-center-lifecycle')!.build();
  const SIZES = ['A4', 'A3', 'A2'] as const;
  const ORIENTATIONS = ['landscape', 'portrait'] as const;
  const everyOption: PrintOptions[] = SIZES.flatMap((size) =>
    ORIENTATIONS.flatMap((orientation) => [false, true].map((fitToPage) => ({ size, orientation, fitToPage }))),
  );

  it('the contact-center template is the 5-stage x 9-lane map of the issue', () => {
    expect([contactCenter.stages.length, contactCenter.lanes.length]).toEqual([5, 9]);
  });

  it('every map page spans the printable width (>= 90%, never more), and its estimated height fits the page', () => {
    for (const map of [contactCenter, wideMap(12), wideMap(5), wideMap(1), tallMap()]) {
      for (const options of everyOption) {
        const layout = printLayout(i18n, map, [], options);
        for (const page of mapPages(layout)) {
          const where = `${map.title}, ${options.size} ${options.orientation}${options.fitToPage ? ' fit' : ''}, page ${page.part}`;
          const share = mapPageWidthMm(page, layout) / layout.contentWidthMm;
          expect(share, where).toBeGreaterThanOrEqual(0.9);
          expect(share, where).toBeLessThanOrEqual(1 + 1e-9);
          expect(estimateMapPageMm(i18n, map, page, layout), where).toBeLessThanOrEqual(mapPageRoomMm(layout) + 1e-6);
        }
      }
    }
  });

  it('the contact-center template in A4: a tile per stage group, every lane on it, none cut across two pages', () => {
    for (const orientation of ORIENTATIONS) {
      const layout = printLayout(i18n, contactCenter, [], { size: 'A4', orientation });
      const pages = mapPages(layout);
      // Two tiles (3 + 2 stages), not the four of the old layout.
      expect(pages.map((p) => p.stageIds.length)).toEqual([3, 2]);
      expect(pages.flatMap((p) => p.stageIds)).toEqual(contactCenter.stages.map((s) => s.id));
      for (const page of pages) {
        expect(page.rows.map((r) => r.laneId)).toEqual(contactCenter.lanes.map((l) => l.id));
        expect(page.scale).toBeGreaterThanOrEqual(MIN_TILE_SCALE);
        expect(page.scale).toBeLessThanOrEqual(1);
      }
    }
  });

  it('each tile has its stage headers and every lane header once: no stage or lane twice on a page', () => {
    for (const map of [contactCenter, wideMap(12), tallMap()]) {
      for (const options of everyOption) {
        for (const page of mapPages(printLayout(i18n, map, [], options))) {
          expect(new Set(page.stageIds).size).toBe(page.stageIds.length);
          const lanes = page.rows.map((r) => r.laneId);
          expect(new Set(lanes).size).toBe(lanes.length);
          for (const row of page.rows) expect(row.cells).toHaveLength(page.stageIds.length);
        }
      }
    }
  });

  it('fit to one page gives one map page of the chosen sheet, whatever the map', () => {
    for (const map of [contactCenter, wideMap(12), wideMap(1), tallMap()]) {
      for (const size of SIZES) {
        for (const orientation of ORIENTATIONS) {
          const layout = printLayout(i18n, map, [], { size, orientation, fitToPage: true, cover: false });
          expect(layout.pages).toHaveLength(1);
          const page = layout.pages[0] as MapPageSpec;
          expect(page.stageIds).toEqual(map.stages.map((s) => s.id));
          expect(page.rows.every((r) => !r.continued && !r.continues)).toBe(true);
          const paper = PAPER_MM[size];
          expect([layout.pageWidthMm, layout.pageHeightMm]).toEqual(orientation === 'landscape' ? [paper.height, paper.width] : [paper.width, paper.height]);
          expect(page.scale).toBeLessThanOrEqual(MAX_FIT_SCALE);
        }
      }
    }
    // A small map grows on a poster; a big one shrinks on A4.
    expect((printLayout(i18n, wideMap(2), [], { size: 'A2', orientation: 'landscape', fitToPage: true }).pages.at(-1) as MapPageSpec).scale).toBeGreaterThan(1);
    expect((printLayout(i18n, tallMap(), [], { size: 'A4', orientation: 'landscape', fitToPage: true }).pages.at(-1) as MapPageSpec).scale).toBeLessThan(1);
  });

  it('A3 and A2 are the poster sheets: their sizes, their @page rules, and more stages side by side', () => {
    const a4 = printLayout(i18n, wideMap(12), [], LANDSCAPE);
    const a3 = printLayout(i18n, wideMap(12), [], { size: 'A3', orientation: 'landscape' });
    const a2 = printLayout(i18n, wideMap(12), [], { size: 'A2', orientation: 'landscape' });
    expect(pageCss(a3)).toBe('@page { size: 420mm 297mm; margin: 10mm; }');
    expect(pageCss(a2)).toBe('@page { size: 594mm 420mm; margin: 10mm; }');
    expect(pageCss(printLayout(i18n, wideMap(12), [], { size: 'A2', orientation: 'portrait' }))).toBe('@page { size: 420mm 594mm; margin: 10mm; }');
    expect(a4.stagesPerPage).toBeLessThan(a3.stagesPerPage);
    expect(a3.stagesPerPage).toBeLessThan(a2.stagesPerPage);
    // On an A2 wall poster the 12 stages stand side by side on one sheet.
    expect(mapPages(a2)).toHaveLength(1);
    expect(mapPages(a2)[0]!.stageIds).toHaveLength(12);
  });

  it('the cover lists the KPIs and personas its page holds, and leaves the rest to their pages', () => {
    const few = printLayout(i18n, contactCenter, []).pages[0]!;
    const kpis = contactCenter.cards.filter((c) => c.kind === 'kpi').map((c) => c.id);
    expect(few.kind === 'cover' && few.kpiCardIds?.slice().sort()).toEqual(kpis.slice().sort());
    // 60 KPI cards and 12 personas cannot all be on one A4 cover: some are, in map order, the rest are not.
    const many = wideMap(12);
    many.cards = [...many.cards, ...many.cards.filter((c) => c.kind === 'kpi').flatMap((c) => [1, 2, 3, 4].map((k) => ({ ...c, id: `${c.id}-${k}`, order: c.order + k })))];
    const people = Array.from({ length: 12 }, (_, i) => persona(`p${i}`, `Persona ${i}`));
    many.personaIds = people.map((p) => p.id);
    for (const options of [LANDSCAPE, PORTRAIT]) {
      const cover = printLayout(i18n, many, people, options).pages[0]!;
      if (cover.kind !== 'cover') throw new Error('no cover');
      expect(cover.kpiCardIds!.length).toBeGreaterThan(0);
      expect(cover.kpiCardIds!.length).toBeLessThan(60);
      expect(cover.personaIds!.length).toBeGreaterThan(0);
      expect(cover.personaIds!.length).toBeLessThan(12);
      expect(cover.personaIds).toEqual(many.personaIds.slice(0, cover.personaIds!.length));
    }
  });

  it('the cover is a choice: on by default, left out when asked', () => {
    expect(printLayout(i18n, contactCenter, [])).toMatchObject({ pages: [{ kind: 'cover' }, { kind: 'map' }, { kind: 'map' }] });
    expect(printLayout(i18n, contactCenter, [], { ...LANDSCAPE, cover: false }).pages.every((p) => p.kind === 'map')).toBe(true);
  });
});
