/**
 * "Duplicate" in the library: the map with fresh ids for everything inside it (the one
 * remapper, src/model/freshIds.ts), so the copy and the original never share an id (two
 * documents sharing ids would confuse undo, export "keep both" and links), a title of its own
 * and today's dates.
 */
import { newId } from '../model/ids';
import { withFreshIds } from '../model/freshIds';
import type { JourneyMap } from '../model/schema';

export function copyMapWithFreshIds(doc: JourneyMap, title: string, now: string, makeId: () => string = newId): JourneyMap {
  return { ...withFreshIds(doc, makeId), title, createdAt: now, updatedAt: now };
}
