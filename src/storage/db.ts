/**
 * The IndexedDB database. Dexie is imported in src/storage only: the rest of the app
 * talks to the repositories, so the storage engine can change without touching pages.
 *
 * NEVER rename the database or a table, and never change a primary key, without a Dexie
 * version upgrade that moves the data: IndexedDB keys data by these names, so a rename
 * opens an empty store and users' work seems gone. Add `this.version(2).stores(...)`
 * (with `.upgrade(...)` when records change); keep version 1 here as it is.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';

export const DB_NAME = 'journeyboard';

/**
 * A stored map or persona: the document itself, as saved (JSON-compatible values).
 * Typed loosely on purpose: what comes back may be from an older or newer version,
 * or damaged; the restore chain decides what it is.
 */
export type StoredDoc = { id: string } & Record<string, unknown>;

/** Photos are Blobs in their own table, never inside a document (documents stay small and exportable as JSON). */
export interface ImageRecord {
  id: string;
  blob: Blob;
  /** The MIME type, kept apart because a Blob's type does not always survive storage. */
  type: string;
  createdAt: string;
}

export type SnapshotReason = 'deleted' | 'before-import' | 'before-migration' | 'manual' | 'before-share' | 'before-join';

/** A copy of a map record taken before something destructive, so it can be brought back exactly. */
export interface SnapshotRecord {
  id: string;
  mapId: string;
  createdAt: string;
  reason: SnapshotReason;
  /** The stored record as it was (raw, any version). */
  doc: unknown;
}

/**
 * How this device takes part in a shared map (issue 13): the server, the link secret it joined
 * or shared with, and, for the one who shared it or holds an edit link, both secrets to hand on.
 */
export interface ShareRecord {
  mapId: string;
  server: string;
  role: 'edit' | 'view';
  /** The secret this device authenticates with. */
  secret: string;
  /** Both links' secrets, known to whoever may edit (to show and reissue the links). */
  editSecret?: string;
  viewSecret?: string;
  createdAt: string;
}

/** A shared map's Yjs document as this device last had it (one compacted update), so offline edits merge on reconnect. */
export interface SyncStateRecord {
  mapId: string;
  update: Uint8Array;
  savedAt: string;
}

export class JourneyboardDB extends Dexie {
  maps!: Table<StoredDoc, string>;
  personas!: Table<StoredDoc, string>;
  images!: Table<ImageRecord, string>;
  snapshots!: Table<SnapshotRecord, string>;
  shares!: Table<ShareRecord, string>;
  syncStates!: Table<SyncStateRecord, string>;

  /** `engine` replaces the browser's IndexedDB (tests: one that is missing or refuses to open). */
  constructor(name: string = DB_NAME, engine?: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>) {
    super(name, engine);
    // Index only what is queried: ids, updatedAt (library order), mapId (a map's snapshots),
    // createdAt (old snapshots of deleted maps are pruned by age).
    this.version(1).stores({
      maps: 'id, updatedAt',
      personas: 'id, updatedAt',
      images: 'id',
      snapshots: 'id, mapId, createdAt',
    });
    // Shared maps (issue 13): new tables only, so nothing already stored moves.
    this.version(2).stores({
      shares: 'mapId',
      syncStates: 'mapId',
    });
  }
}

/** Opens (lazily, on first use) the database of that name; tests pass a fresh name each. */
export function openDatabase(name: string = DB_NAME, engine?: Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>): JourneyboardDB {
  return new JourneyboardDB(name, engine);
}
