/**
 * The undo histories of the maps closed in this page session, by map id, so that
 * leaving a map in the app (to present it, to the library) and coming back keeps its
 * undo steps. Held in memory only: a reload starts afresh. A history is taken up again
 * only when the map opened is the very document it ends at (the same updatedAt): a map
 * changed meanwhile (in another tab, by an import) starts a new one.
 */
import type { JourneyMap } from '../model/schema';

export interface RememberedHistory {
  past: JourneyMap[];
  future: JourneyMap[];
}

/** The histories of this many maps at most: the least recently closed go first. */
export const REMEMBERED_MAPS = 8;

const memory = new Map<string, { updatedAt: string } & RememberedHistory>();

export function rememberHistory(doc: JourneyMap, history: RememberedHistory): void {
  memory.delete(doc.id);
  if (history.past.length === 0 && history.future.length === 0) return;
  memory.set(doc.id, { updatedAt: doc.updatedAt, past: history.past, future: history.future });
  while (memory.size > REMEMBERED_MAPS) memory.delete(memory.keys().next().value!);
}

/** The history that ends at `doc`, if this session closed it. */
export function recallHistory(doc: JourneyMap): RememberedHistory | null {
  const hit = memory.get(doc.id);
  if (!hit || hit.updatedAt !== doc.updatedAt) return null;
  return { past: hit.past, future: hit.future };
}
