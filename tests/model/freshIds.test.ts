import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withFreshIds } from '../../src/model/freshIds';
import { mapViolations } from '../../src/model/invariants';
import type { JourneyMap } from '../../src/model/schema';
import { mapArb, wideMap } from '../export/arbitraries';

function allIds(map: JourneyMap): string[] {
  return [map.id, ...map.stages.map((s) => s.id), ...map.lanes.map((l) => l.id), ...map.cards.map((c) => c.id), ...map.connections.map((k) => k.id)];
}

/** The map with every entity id replaced by its position, to compare structure regardless of ids. */
function shape(map: JourneyMap) {
  const pos = new Map<string, string>();
  map.stages.forEach((s, i) => pos.set(s.id, `s${i}`));
  map.lanes.forEach((l, i) => pos.set(l.id, `l${i}`));
  map.cards.forEach((c, i) => pos.set(c.id, `c${i}`));
  const p = (id: string | undefined) => (id === undefined ? undefined : pos.get(id));
  return {
    ...map,
    id: 'map',
    stages: map.stages.map((s) => ({ ...s, id: p(s.id), loopsTo: p(s.loopsTo) })),
    lanes: map.lanes.map((l) => ({ ...l, id: p(l.id) })),
    cards: map.cards.map((c) => ({ ...c, id: p(c.id), stageId: p(c.stageId), laneId: p(c.laneId), ...(c.kind === 'pain' ? { touchpointId: p(c.touchpointId) } : {}) })),
    connections: map.connections.map((k) => ({ ...k, id: 'k', from: p(k.from), to: p(k.to) })),
  };
}

describe('withFreshIds', () => {
  it('gives every entity a new id, remaps every reference, and keeps the invariants', () => {
    fc.assert(
      fc.property(mapArb, (map) => {
        const copy = withFreshIds(map);
        const before = new Set(allIds(map));
        expect(allIds(copy).some((id) => before.has(id))).toBe(false);
        expect(new Set(allIds(copy)).size).toBe(allIds(copy).length);
        expect(mapViolations(copy)).toEqual([]);
        expect(shape(copy)).toEqual(shape(map));
        expect(copy.personaIds).toEqual(map.personaIds);
      }),
      { numRuns: 150 },
    );
  });

  it('leaves the original untouched', () => {
    const map = wideMap(3);
    const snapshot = structuredClone(map);
    withFreshIds(map);
    expect(map).toEqual(snapshot);
  });
});
