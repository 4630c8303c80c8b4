/**
 * A copy of a map with fresh ids for everything inside it (stages, lanes, cards,
 * connections) and every reference remapped, so the copy and the original never share
 * an id (two documents sharing ids would confuse undo, export "keep both" and links).
 * Persona links and channel ids are kept: they refer to things outside the map.
 */
import { newId } from '../model/ids';
import type { Card, JourneyMap } from '../model/schema';

export function copyMapWithFreshIds(doc: JourneyMap, title: string, now: string, makeId: () => string = newId): JourneyMap {
  const ids = new Map<string, string>();
  const fresh = (old: string): string => {
    let id = ids.get(old);
    if (id === undefined) {
      id = makeId();
      ids.set(old, id);
    }
    return id;
  };
  // Every entity first, so references resolve whatever the array order.
  for (const list of [doc.stages, doc.lanes, doc.cards, doc.connections]) for (const e of list) fresh(e.id);
  // A reference to nothing stays as it was (restore reports it; a copy must not hide it).
  const ref = (old: string): string => ids.get(old) ?? old;

  return {
    ...doc,
    id: makeId(),
    title,
    createdAt: now,
    updatedAt: now,
    personaIds: [...doc.personaIds],
    stages: doc.stages.map((s) => ({ ...s, id: ref(s.id), ...(s.loopsTo !== undefined ? { loopsTo: ref(s.loopsTo) } : {}) })),
    lanes: doc.lanes.map((l) => ({ ...l, id: ref(l.id) })),
    cards: doc.cards.map((c): Card => {
      const moved = { ...c, id: ref(c.id), stageId: ref(c.stageId), laneId: ref(c.laneId) };
      if (moved.kind === 'pain' && moved.touchpointId !== undefined) moved.touchpointId = ref(moved.touchpointId);
      return moved;
    }),
    connections: doc.connections.map((k) => ({ ...k, id: ref(k.id), from: ref(k.from), to: ref(k.to) })),
    channels: doc.channels.map((ch) => ({ ...ch })),
  };
}
