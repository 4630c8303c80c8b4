/**
 * What the runner (bench/run.mjs, plain node) needs from TypeScript, in one module it loads
 * through Vite's module runner: the generated maps as `.journey.json` files, and the same
 * maps' card boxes (the editor's own layout) for the bare React Flow page.
 */
import { setupI18n } from '@lingui/core';
import { messages } from '../src/locales/en.po';
import { computeLayout } from '../src/editor/layout';
import { exportMapFile } from '../src/export/envelope';
import { generateBenchMap } from './generate';

export interface BareNode {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface BareGraph {
  cards: number;
  nodes: BareNode[];
  edges: { id: string; source: string; target: string }[];
}

export interface BenchFixture {
  mapId: string;
  cardCount: number;
  stageCount: number;
  connectionCount: number;
  /** The `.journey.json` text a user would import. */
  fileName: string;
  fileText: string;
  /** The same cards as default React Flow nodes at the editor's positions, and the same connections. */
  bare: BareGraph;
  /** The touchpoint cards (they have boxes), for the edit and move gestures. */
  touchpointIds: string[];
  /** The same, with the index of their stage. */
  touchpoints: { id: string; stage: number }[];
}

/** The editor lays cards out with their words (labels, lane kinds) in a language: the bench's maps are read in English. */
const ENGLISH = setupI18n({ locale: 'en', messages: { en: messages } });

export function makeFixture(cards: number, seed?: number): BenchFixture {
  const map = generateBenchMap({ cards, seed });
  const layout = computeLayout(map, ENGLISH);
  const file = exportMapFile(map, [], [], new Date('2025-03-01T10:00:00.000Z'));
  const nodes: BareNode[] = [];
  for (const c of map.cards) {
    const r = layout.cards.get(c.id);
    if (r) nodes.push({ id: c.id, x: r.x, y: r.y, width: r.width, height: r.height, label: c.text });
  }
  const stageIndex = new Map(map.stages.map((s, i) => [s.id, i]));
  const touchpoints = map.cards
    .filter((c) => c.kind === 'touchpoint' && layout.cards.has(c.id))
    .map((c) => ({ id: c.id, stage: stageIndex.get(c.stageId) ?? -1 }));
  return {
    mapId: map.id,
    cardCount: map.cards.length,
    stageCount: map.stages.length,
    connectionCount: map.connections.length,
    fileName: file.filename,
    fileText: file.text,
    bare: { cards: map.cards.length, nodes, edges: map.connections.map((k) => ({ id: k.id, source: k.from, target: k.to })) },
    touchpointIds: touchpoints.map((t) => t.id),
    touchpoints,
  };
}
