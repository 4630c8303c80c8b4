/**
 * What this device keeps of shared maps: the share record (server, secret, role) and the map's
 * Yjs state, one compacted update per map, rewritten as it changes. The map's JSON stays in the
 * maps table as for every map (the library, exports and search read it there); the Yjs state is
 * what lets edits made offline merge with the team's when the connection returns.
 */
import type { JourneyboardDB, ShareRecord, SyncStateRecord } from './db';
import { toStorageError } from './errors';

async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toStorageError(err);
  }
}

export function createSharing(db: JourneyboardDB) {
  return {
    loadShare: (mapId: string): Promise<ShareRecord | undefined> => guard(() => db.shares.get(mapId)),
    saveShare: (record: ShareRecord): Promise<void> => guard(async () => void (await db.shares.put(record))),
    deleteShare: (mapId: string): Promise<void> => guard(() => db.transaction('rw', db.shares, db.syncStates, async () => {
      await db.shares.delete(mapId);
      await db.syncStates.delete(mapId);
    })),
    loadSyncState: (mapId: string): Promise<SyncStateRecord | undefined> => guard(() => db.syncStates.get(mapId)),
    saveSyncState: (mapId: string, update: Uint8Array, now = new Date()): Promise<void> =>
      guard(async () => void (await db.syncStates.put({ mapId, update, savedAt: now.toISOString() }))),
  };
}

export type Sharing = ReturnType<typeof createSharing>;
