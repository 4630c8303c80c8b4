/**
 * The one id remapper: a copy of a map with fresh ids for the map and everything in it
 * (stages, lanes, cards, connections, comments), every reference remapped (card cells, stage
 * loops, pain -> touchpoint links, connection ends, what a comment is pinned to and the thread
 * a reply belongs to). Used by "keep both" on import and by duplicating a map. Persona links
 * and channel ids stay: they refer to things outside the map. A reference to nothing stays as
 * it was (restore reports it; a copy must not hide it). Pure.
 */
import { newId } from './ids';
import type { Card, JourneyMap } from './schema';

export function withFreshIds(map: JourneyMap, makeId: () => string = newId): JourneyMap {
  const ids = new Map<string, string>();
  // Every entity first, so references resolve whatever the array order.
  for (const list of [map.stages, map.lanes, map.cards, map.connections, map.comments ?? []]) for (const e of list) ids.set(e.id, makeId());
  const ref = (old: string): string => ids.get(old) ?? old;

  const copy: JourneyMap = {
    ...map,
    id: makeId(),
    personaIds: [...map.personaIds],
    stages: map.stages.map((s) => ({ ...s, id: ref(s.id), ...(s.loopsTo !== undefined ? { loopsTo: ref(s.loopsTo) } : {}) })),
    lanes: map.lanes.map((l) => ({ ...l, id: ref(l.id) })),
    cards: map.cards.map((c): Card => {
      const moved = { ...c, id: ref(c.id), stageId: ref(c.stageId), laneId: ref(c.laneId) };
      return moved.kind === 'pain' && moved.touchpointId !== undefined ? { ...moved, touchpointId: ref(moved.touchpointId) } : moved;
    }),
    connections: map.connections.map((k) => ({ ...k, id: ref(k.id), from: ref(k.from), to: ref(k.to) })),
    channels: map.channels.map((ch) => ({ ...ch })),
  };
  if (map.comments) {
    copy.comments = map.comments.map((c) => ({
      ...c,
      id: ref(c.id),
      ...(c.targetId !== undefined ? { targetId: ref(c.targetId) } : {}),
      ...(c.parentId !== undefined ? { parentId: ref(c.parentId) } : {}),
    }));
  }
  return copy;
}
