/**
 * "Keep both" on import: a copy of a map with fresh ids for the map and everything in it (stages,
 * lanes, cards, connections), every reference remapped (card cells, stage loops, pain -> touchpoint
 * links, connection ends). Persona links stay: personas are shared across maps. Pure.
 * (src/model has no whole-map remapping function yet; if one lands there, this should defer to it.)
 */
import { newId } from '../model/ids';
import type { Card, JourneyMap } from '../model/schema';

export function withFreshIds(map: JourneyMap, makeId: () => string = newId): JourneyMap {
  const ids = new Map<string, string>();
  const fresh = (old: string): string => {
    let id = ids.get(old);
    if (id === undefined) {
      id = makeId();
      ids.set(old, id);
    }
    return id;
  };
  const ref = (old: string): string => ids.get(old) ?? old;

  const stages = map.stages.map((s) => ({ ...s, id: fresh(s.id) }));
  const lanes = map.lanes.map((l) => ({ ...l, id: fresh(l.id) }));
  map.cards.forEach((c) => fresh(c.id));
  const withLoops = stages.map((s) => (s.loopsTo === undefined ? s : { ...s, loopsTo: ref(s.loopsTo) }));
  const cards = map.cards.map((c): Card => {
    const moved = { ...c, id: ref(c.id), stageId: ref(c.stageId), laneId: ref(c.laneId) };
    return moved.kind === 'pain' && moved.touchpointId !== undefined ? { ...moved, touchpointId: ref(moved.touchpointId) } : moved;
  });
  const connections = map.connections.map((k) => ({ ...k, id: makeId(), from: ref(k.from), to: ref(k.to) }));
  return { ...map, id: makeId(), stages: withLoops, lanes, cards, connections };
}
