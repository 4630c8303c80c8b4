/**
 * Maps, personas, images and snapshots, as the app sees them. Everything read goes
 * through the restore chain (src/model/restore.ts), the same one imports use; every
 * failure comes out as a StorageError.
 *
 * Documents from a newer Journeyboard are shown read-only and never written back:
 * saveMap / savePersona check the stored record inside the write transaction and refuse.
 */
import { liveQuery } from 'dexie';
import { newId } from '../model/ids';
import { readSchemaVersion } from '../model/migrations';
import { restoreMap, restorePersona, type RestoreResult } from '../model/restore';
import { CURRENT_SCHEMA_VERSION, type JourneyMap, type Persona } from '../model/schema';
import type { ImageRecord, JourneyboardDB, SnapshotReason, SnapshotRecord, StoredDoc } from './db';
import { copyMapWithFreshIds } from './duplicate';
import { StorageError, guard, toStorageError } from './errors';

export type LoadResult<T> = RestoreResult<T> | { kind: 'missing' };

/** What the library list needs, read cheaply from the raw record (full validation happens on open). */
export interface MapSummary {
  id: string;
  title: string;
  personaIds: string[];
  stageCount: number;
  cardCount: number;
  updatedAt: string;
  /** Saved by a newer Journeyboard: opens read-only. */
  readOnly: boolean;
  /** The record does not look like a map at all (opening it will list the problems). */
  invalid?: boolean;
}

export interface PersonaSummary {
  id: string;
  name: string;
  updatedAt: string;
  readOnly: boolean;
  invalid?: boolean;
}

/** What undoDeleteMap needs; plain data, so it can be kept anywhere (the snapshot is in the database). */
export interface DeletedMapToken {
  mapId: string;
  title: string;
  snapshotId: string;
}

/** What undoDeletePersona needs: the record and its photo, as they were. Kept in memory by the page's undo. */
export interface DeletedPersonaToken {
  personaId: string;
  name: string;
  record: StoredDoc;
  image?: ImageRecord;
}

export type Unsubscribe = () => void;

export interface ImportBatch {
  maps: readonly JourneyMap[];
  personas: readonly Persona[];
  images: readonly { id: string; blob: Blob }[];
}

export interface WriteBatch {
  maps: readonly JourneyMap[];
  personas: readonly Persona[];
}

function storedVersion(record: StoredDoc | undefined): number | undefined {
  if (!record) return undefined;
  const v = readSchemaVersion(record);
  return v.kind === 'ok' ? v.version : undefined;
}

function isNewer(record: StoredDoc | undefined): boolean {
  return (storedVersion(record) ?? 0) > CURRENT_SCHEMA_VERSION;
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function time(v: string): number {
  const t = Date.parse(v);
  return Number.isNaN(t) ? 0 : t;
}

function newestFirst<T extends { updatedAt: string }>(list: T[]): T[] {
  // Sorted here, not by the updatedAt index: a damaged record without updatedAt is
  // missing from the index and would vanish from the library.
  return list.sort((a, b) => time(b.updatedAt) - time(a.updatedAt));
}

export function summarizeMap(record: StoredDoc): MapSummary {
  const version = readSchemaVersion(record);
  const arrays = [record.stages, record.lanes, record.cards].every(Array.isArray);
  const invalid = version.kind === 'invalid' || !arrays || typeof record.title !== 'string';
  return {
    id: record.id,
    title: text(record.title),
    personaIds: Array.isArray(record.personaIds) ? record.personaIds.filter((p): p is string => typeof p === 'string') : [],
    stageCount: Array.isArray(record.stages) ? record.stages.length : 0,
    cardCount: Array.isArray(record.cards) ? record.cards.length : 0,
    updatedAt: text(record.updatedAt),
    readOnly: version.kind === 'ok' && version.version > CURRENT_SCHEMA_VERSION,
    ...(invalid ? { invalid: true } : {}),
  };
}

function summarizePersona(record: StoredDoc): PersonaSummary {
  const version = readSchemaVersion(record);
  const invalid = version.kind === 'invalid' || typeof record.name !== 'string';
  return {
    id: record.id,
    name: text(record.name),
    updatedAt: text(record.updatedAt),
    readOnly: version.kind === 'ok' && version.version > CURRENT_SCHEMA_VERSION,
    ...(invalid ? { invalid: true } : {}),
  };
}

function refuseWrongVersion(doc: { schemaVersion: unknown }): void {
  if (doc.schemaVersion === CURRENT_SCHEMA_VERSION) return;
  if (typeof doc.schemaVersion === 'number' && doc.schemaVersion > CURRENT_SCHEMA_VERSION) throw new StorageError('newer-version');
  throw new StorageError('invalid', { detail: `refusing to store schemaVersion ${String(doc.schemaVersion)}` });
}

export interface RepositoryOptions {
  /** The clock for createdAt/updatedAt of copies and snapshots (tests pin it). */
  now?: () => Date;
}

export function createRepository(db: JourneyboardDB, options: RepositoryOptions = {}) {
  const now = () => (options.now ? options.now() : new Date()).toISOString();

  async function listMapSummaries(): Promise<MapSummary[]> {
    return guard(async () => newestFirst((await db.maps.toArray()).map(summarizeMap)));
  }

  async function loadMap(id: string): Promise<LoadResult<JourneyMap>> {
    return guard(async () => {
      const record = await db.maps.get(id);
      return record === undefined ? { kind: 'missing' } : restoreMap(record);
    });
  }

  /** Writes one map. Refuses (StorageError 'newer-version') to overwrite a record saved by a newer version. */
  async function saveMap(doc: JourneyMap): Promise<void> {
    refuseWrongVersion(doc);
    return guard(() =>
      db.transaction('rw', db.maps, async () => {
        if (isNewer(await db.maps.get(doc.id))) throw new StorageError('newer-version');
        await db.maps.put(doc as unknown as StoredDoc);
      }),
    );
  }

  /** Takes a snapshot of a stored map record (raw, any version); returns its id. */
  async function snapshotMap(mapId: string, reason: SnapshotReason): Promise<string> {
    return guard(() =>
      db.transaction('rw', db.maps, db.snapshots, async () => {
        const record = await db.maps.get(mapId);
        if (!record) throw new StorageError('missing');
        const id = newId();
        await db.snapshots.add({ id, mapId, createdAt: now(), reason, doc: record });
        return id;
      }),
    );
  }

  /** Snapshots of one map, newest first. */
  async function listSnapshots(mapId: string): Promise<SnapshotRecord[]> {
    return guard(async () => {
      const list = await db.snapshots.where('mapId').equals(mapId).toArray();
      return list.sort((a, b) => time(b.createdAt) - time(a.createdAt));
    });
  }

  /** Deletes a map after snapshotting it (reason 'deleted'), in one transaction. Any version may be deleted. */
  async function deleteMap(id: string): Promise<DeletedMapToken> {
    return guard(() =>
      db.transaction('rw', db.maps, db.snapshots, async () => {
        const record = await db.maps.get(id);
        if (!record) throw new StorageError('missing');
        const snapshotId = newId();
        await db.snapshots.add({ id: snapshotId, mapId: id, createdAt: now(), reason: 'deleted', doc: record });
        await db.maps.delete(id);
        return { mapId: id, title: text(record.title), snapshotId };
      }),
    );
  }

  /**
   * Puts a deleted map back exactly as it was stored. If a map with that id exists again
   * (another tab), it is left alone and the snapshot is kept: nothing is overwritten.
   */
  async function undoDeleteMap(token: DeletedMapToken): Promise<void> {
    return guard(() =>
      db.transaction('rw', db.maps, db.snapshots, async () => {
        const snapshot = await db.snapshots.get(token.snapshotId);
        if (!snapshot) throw new StorageError('missing');
        if (await db.maps.get(token.mapId)) return;
        await db.maps.add(snapshot.doc as StoredDoc);
        await db.snapshots.delete(token.snapshotId);
      }),
    );
  }

  /** Copies a map with fresh ids for everything in it; returns the copy's id. */
  async function duplicateMap(id: string, newTitle: string): Promise<string> {
    const loaded = await loadMap(id);
    if (loaded.kind === 'missing') throw new StorageError('missing');
    if (loaded.kind === 'newer') throw new StorageError('newer-version');
    if (loaded.kind === 'invalid') throw new StorageError('invalid');
    const copy = copyMapWithFreshIds(loaded.doc, newTitle, now());
    await saveMap(copy);
    return copy.id;
  }

  async function listPersonaSummaries(): Promise<PersonaSummary[]> {
    return guard(async () => newestFirst((await db.personas.toArray()).map(summarizePersona)));
  }

  /** Personas that can be shown (current ones, and read-only views of newer ones), newest first; damaged ones are left out. */
  async function listPersonas(): Promise<Persona[]> {
    return guard(async () => {
      const out: Persona[] = [];
      for (const record of await db.personas.toArray()) {
        const r = restorePersona(record);
        if (r.kind === 'ok' || (r.kind === 'newer' && r.doc)) out.push(r.doc!);
      }
      return newestFirst(out);
    });
  }

  async function loadPersona(id: string): Promise<LoadResult<Persona>> {
    return guard(async () => {
      const record = await db.personas.get(id);
      return record === undefined ? { kind: 'missing' } : restorePersona(record);
    });
  }

  async function savePersona(persona: Persona): Promise<void> {
    refuseWrongVersion(persona);
    return guard(() =>
      db.transaction('rw', db.personas, async () => {
        if (isNewer(await db.personas.get(persona.id))) throw new StorageError('newer-version');
        await db.personas.put(persona as unknown as StoredDoc);
      }),
    );
  }

  /** Deletes a persona and its photo (unless another persona uses the same image). Maps' links are the caller's business. */
  async function deletePersona(id: string): Promise<DeletedPersonaToken> {
    return guard(() =>
      db.transaction('rw', db.personas, db.images, async () => {
        const record = await db.personas.get(id);
        if (!record) throw new StorageError('missing');
        const imageId = typeof record.avatarImageId === 'string' ? record.avatarImageId : undefined;
        let image: ImageRecord | undefined;
        if (imageId) {
          const shared = await db.personas.filter((p) => p.id !== id && p.avatarImageId === imageId).count();
          if (shared === 0) {
            image = await db.images.get(imageId);
            await db.images.delete(imageId);
          }
        }
        await db.personas.delete(id);
        return { personaId: id, name: text(record.name), record, ...(image ? { image } : {}) };
      }),
    );
  }

  async function undoDeletePersona(token: DeletedPersonaToken): Promise<void> {
    return guard(() =>
      db.transaction('rw', db.personas, db.images, async () => {
        if (token.image && !(await db.images.get(token.image.id))) await db.images.add(token.image);
        if (!(await db.personas.get(token.personaId))) await db.personas.add(token.record);
      }),
    );
  }

  async function saveImage(id: string, blob: Blob): Promise<void> {
    return guard(async () => {
      await db.images.put({ id, blob, type: blob.type, createdAt: now() });
    });
  }

  async function putImage(blob: Blob): Promise<string> {
    const id = newId();
    await saveImage(id, blob);
    return id;
  }

  async function getImage(id: string): Promise<Blob | undefined> {
    return guard(async () => {
      const record = await db.images.get(id);
      if (!record || !(record.blob instanceof Blob)) return undefined;
      // Some engines lose a stored Blob's type; the record keeps it.
      return record.blob.type || !record.type ? record.blob : new Blob([record.blob], { type: record.type });
    });
  }

  async function deleteImage(id: string): Promise<void> {
    return guard(() => db.images.delete(id));
  }

  /**
   * Writes a batch of maps and personas in ONE read-write transaction (all or nothing).
   * Refuses the whole batch if any of them is stored by a newer version.
   */
  async function writeBatch(batch: WriteBatch): Promise<void> {
    for (const doc of [...batch.maps, ...batch.personas]) refuseWrongVersion(doc);
    if (batch.maps.length === 0 && batch.personas.length === 0) return;
    return guard(() =>
      db.transaction('rw', db.maps, db.personas, async () => {
        const [maps, personas] = await Promise.all([
          db.maps.bulkGet(batch.maps.map((m) => m.id)),
          db.personas.bulkGet(batch.personas.map((p) => p.id)),
        ]);
        if ([...maps, ...personas].some(isNewer)) throw new StorageError('newer-version');
        if (batch.maps.length) await db.maps.bulkPut(batch.maps as unknown as StoredDoc[]);
        if (batch.personas.length) await db.personas.bulkPut(batch.personas as unknown as StoredDoc[]);
      }),
    );
  }

  /**
   * Stores an import in ONE read-write transaction: every image, persona and map, or none
   * of them (a full disk halfway leaves the library as it was). A map that replaces a
   * stored one is snapshotted first ('before-import'), so the replaced version can be
   * brought back. Refuses to overwrite anything stored by a newer version.
   */
  async function importBatch(batch: ImportBatch): Promise<void> {
    for (const doc of [...batch.maps, ...batch.personas]) refuseWrongVersion(doc);
    return guard(() =>
      db.transaction('rw', [db.maps, db.personas, db.images, db.snapshots], async () => {
        const [maps, personas] = await Promise.all([
          db.maps.bulkGet(batch.maps.map((m) => m.id)),
          db.personas.bulkGet(batch.personas.map((p) => p.id)),
        ]);
        if ([...maps, ...personas].some(isNewer)) throw new StorageError('newer-version');
        const replaced = maps.filter((m): m is StoredDoc => m !== undefined);
        if (replaced.length) {
          await db.snapshots.bulkAdd(replaced.map((doc) => ({ id: newId(), mapId: doc.id, createdAt: now(), reason: 'before-import' as const, doc })));
        }
        if (batch.images.length) {
          await db.images.bulkPut(batch.images.map(({ id, blob }) => ({ id, blob, type: blob.type, createdAt: now() })));
        }
        if (batch.personas.length) await db.personas.bulkPut(batch.personas as unknown as StoredDoc[]);
        if (batch.maps.length) await db.maps.bulkPut(batch.maps as unknown as StoredDoc[]);
      }),
    );
  }

  function watch<T>(query: () => Promise<T>, callback: (value: T) => void, onError?: (err: StorageError) => void): Unsubscribe {
    const subscription = liveQuery(query).subscribe({
      next: callback,
      error: (err: unknown) => onError?.(toStorageError(err)),
    });
    return () => subscription.unsubscribe();
  }

  /** Calls back now and after every change to the maps, in this tab or another (Dexie's liveQuery). */
  function watchMapSummaries(callback: (summaries: MapSummary[]) => void, onError?: (err: StorageError) => void): Unsubscribe {
    return watch(async () => newestFirst((await db.maps.toArray()).map(summarizeMap)), callback, onError);
  }

  function watchPersonas(callback: (personas: Persona[]) => void, onError?: (err: StorageError) => void): Unsubscribe {
    return watch(listPersonas, callback, onError);
  }

  return {
    db,
    listMaps: listMapSummaries,
    listMapSummaries,
    loadMap,
    saveMap,
    deleteMap,
    undoDeleteMap,
    duplicateMap,
    snapshotMap,
    listSnapshots,
    listPersonas,
    listPersonaSummaries,
    loadPersona,
    savePersona,
    deletePersona,
    undoDeletePersona,
    putImage,
    saveImage,
    getImage,
    deleteImage,
    writeBatch,
    importBatch,
    watchMapSummaries,
    watchPersonas,
  };
}

export type Repository = ReturnType<typeof createRepository>;
