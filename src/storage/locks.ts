/**
 * Who may write a map. The editor holds a Web Lock per map while it is open (one editing
 * tab at a time); other writers of the same record (linking a persona from the persona
 * page, renaming from the library, deleting a persona that the map uses) take the same
 * lock for their load-modify-save, or refuse plainly when an editor has it: the editor
 * would otherwise write its copy back over their change.
 */
import type { Message, WordedError } from '../i18n/message';

export function mapLockName(mapId: string): string {
  return `journeyboard:edit-map:${mapId}`;
}

/**
 * The refusal: `descriptor` says it in the interface's language (src/i18n/message.ts), in words
 * that fit the change refused; `message` is a plain English line for logs.
 */
export class MapBusyError extends Error implements WordedError {
  constructor(
    readonly mapId: string,
    readonly descriptor: Message = /*i18n*/ { id: 'storage.mapBusy' },
    /** Every busy map, when the change needed several (the first is mapId). */
    readonly mapIds: readonly string[] = [mapId],
  ) {
    super('This map is open for editing in another tab. Make the change there, or close that tab first.');
    this.name = 'MapBusyError';
  }
}

function locks(): LockManager | null {
  return typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks ? navigator.locks : null;
}

/** Runs `work` holding the map's lock; rejects with MapBusyError at once when an editor holds it. */
export async function whileMapFree<T>(mapId: string, work: () => Promise<T>): Promise<T> {
  const manager = locks();
  if (!manager) return work();
  let ran = false;
  const result = await manager.request(mapLockName(mapId), { ifAvailable: true }, async (lock) => {
    if (!lock) return undefined;
    ran = true;
    return work();
  });
  if (!ran) throw new MapBusyError(mapId);
  return result as T;
}

/**
 * Runs `work` holding the locks of all these maps (one change across several maps, such as
 * deleting a persona they use); rejects with MapBusyError naming every busy map, before
 * running anything, when an editor holds any of them.
 */
export async function whileMapsFree<T>(mapIds: readonly string[], work: () => Promise<T>): Promise<T> {
  const ids = [...new Set(mapIds)].sort();
  const manager = locks();
  if (!manager || ids.length === 0) return work();
  const busy = await mapsBeingEdited(ids);
  if (busy.length > 0) throw new MapBusyError(busy[0]!, undefined, busy);
  // Taken one by one without waiting (an editor that opened a map a moment ago still wins).
  const hold = async (i: number): Promise<T> => (i === ids.length ? work() : whileMapFree(ids[i]!, () => hold(i + 1)));
  return hold(0);
}

/** Which of these maps an editor holds right now (none where the browser has no Web Locks). */
export async function mapsBeingEdited(mapIds: readonly string[]): Promise<string[]> {
  const manager = locks();
  if (!manager || mapIds.length === 0) return [];
  const held = new Set(((await manager.query()).held ?? []).map((l) => l.name));
  return mapIds.filter((id) => held.has(mapLockName(id)));
}
