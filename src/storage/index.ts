/**
 * The app's storage, bound to the one 'journeyboard' database. Pages import these
 * functions; tests bind a fresh database with bindDatabase('test-…') or build their own
 * with createRepository(openDatabase(name)).
 */
import type { JourneyMap, Persona } from '../model/schema';
import { createAutosave, type Autosave, type AutosaveOptions } from './autosave';
import { DB_NAME, openDatabase, type JourneyboardDB, type SnapshotReason } from './db';
import { StorageError } from './errors';
import {
  createRepository,
  type MapSummary,
  type PersonaSummary,
  type DeletedMapToken,
  type DeletedPersonaToken,
  type ImportBatch,
  type Repository,
  type WriteBatch,
} from './repository';

export { DB_NAME, JourneyboardDB, openDatabase } from './db';
export type { ImageRecord, ShareRecord, SnapshotReason, SnapshotRecord, StoredDoc, SyncStateRecord } from './db';
export { STORAGE_MESSAGE_IDS, STORAGE_MESSAGES, StorageError, requestPersistentStorage, toStorageError } from './errors';
export type { StorageErrorKind, StorageErrorOptions } from './errors';
export { DELETED_SNAPSHOT_DAYS, OPEN_TIMEOUT_MS, createRepository, summarizeMap } from './repository';
export type {
  DeletedMapToken,
  DeletedPersonaToken,
  ImportBatch,
  LoadResult,
  MapSummary,
  PersonaSummary,
  Repository,
  RepositoryOptions,
  Unsubscribe,
  WriteBatch,
} from './repository';
export { DEFAULT_DELAY_MS, DEFAULT_RETRY_DELAYS_MS, createAutosave, installLifecycleFlush } from './autosave';
export type { Autosave, AutosaveBatch, AutosaveOptions, AutosaveState, AutosaveStatus, EnqueueOptions } from './autosave';
export { copyMapWithFreshIds } from './duplicate';
import { createSharing, type Sharing } from './sharing';
export type { Sharing } from './sharing';
export { MapBusyError, mapLockName, mapsBeingEdited, whileMapFree } from './locks';

let bound: Repository | null = null;

/** The repository of the app's database, opened on first use. */
export function repository(): Repository {
  bound ??= createRepository(openDatabase(DB_NAME));
  return bound;
}

/** Rebinds the module-level functions to another database (tests, or a future profile switch). Closes the previous one. */
export function bindDatabase(nameOrDb: string | JourneyboardDB): Repository {
  bound?.db.close();
  bound = createRepository(typeof nameOrDb === 'string' ? openDatabase(nameOrDb) : nameOrDb);
  return bound;
}

// Writes still on their way from queues that were flushed or disposed (a page that closed
// its editor). A page that opens next reads after them, so it never shows the state from
// before the last edits.
const inFlight = new Set<Promise<unknown>>();

function track<T>(work: Promise<T>): Promise<T> {
  inFlight.add(work);
  const done = () => inFlight.delete(work);
  work.then(done, done);
  return work;
}

/** Resolves when every flush started so far by the app's autosave queues has finished (or failed). */
export async function writesSettled(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}

/** An autosave queue writing to the app's database (one 'rw' transaction per flush). */
export function createStorageAutosave(options: Partial<AutosaveOptions> = {}): Autosave {
  const repo = repository();
  const autosave = createAutosave({ write: (batch) => repo.writeBatch(batch), writeNow: (batch) => repo.writeBatchNow(batch), ...options });
  return {
    ...autosave,
    flush: () => track(autosave.flush()),
    flushNow: () => track(autosave.flushNow()),
    dispose: () => track(autosave.dispose()),
  };
}

/** Shared maps' records and Yjs states, in the bound database. */
export function sharing(): Sharing {
  return createSharing(repository().db);
}

// The module-level API: thin calls into the bound repository, resolved at call time so
// bindDatabase() takes effect everywhere.
export const listMaps = (): Promise<MapSummary[]> => repository().listMaps();
export const listMapSummaries = (): Promise<MapSummary[]> => repository().listMapSummaries();
export const loadMap = async (id: string) => {
  await writesSettled();
  return repository().loadMap(id);
};
export const saveMap = (doc: JourneyMap): Promise<void> => repository().saveMap(doc);
export const deleteMap = (id: string): Promise<DeletedMapToken> => repository().deleteMap(id);
export const undoDeleteMap = (token: DeletedMapToken): Promise<void> => repository().undoDeleteMap(token);
export const undoDeleteMaps = (tokens: readonly DeletedMapToken[]): Promise<void> => repository().undoDeleteMaps(tokens);
export const pruneDeletedSnapshots = (maxAgeDays?: number): Promise<number> => repository().pruneDeletedSnapshots(maxAgeDays);
export const duplicateMap = (id: string, newTitle: string): Promise<string> => repository().duplicateMap(id, newTitle);
export const snapshotMap = (mapId: string, reason: SnapshotReason): Promise<string> => repository().snapshotMap(mapId, reason);
export const listSnapshots = (mapId: string) => repository().listSnapshots(mapId);
export const listPersonas = (): Promise<Persona[]> => repository().listPersonas();
export const listPersonaSummaries = () => repository().listPersonaSummaries();
export const loadPersona = async (id: string) => {
  await writesSettled();
  return repository().loadPersona(id);
};
export const savePersona = (persona: Persona): Promise<void> => repository().savePersona(persona);
export const deletePersona = (id: string): Promise<DeletedPersonaToken> => repository().deletePersona(id);
export const undoDeletePersona = (token: DeletedPersonaToken): Promise<void> => repository().undoDeletePersona(token);
export const putImage = (blob: Blob): Promise<string> => repository().putImage(blob);
export const saveImage = (id: string, blob: Blob): Promise<void> => repository().saveImage(id, blob);
export const getImage = (id: string): Promise<Blob | undefined> => repository().getImage(id);
export const deleteImage = (id: string): Promise<void> => repository().deleteImage(id);
export const importBatch = (batch: ImportBatch): Promise<void> => repository().importBatch(batch);
/** The synchronous page-hide write (see Repository.writeBatchNow); null when it cannot write safely. */
export const writeBatchNow = (batch: WriteBatch): Promise<void> | null => repository().writeBatchNow(batch);
export const watchMapSummaries = (callback: (summaries: MapSummary[]) => void, onError?: (err: StorageError) => void) =>
  repository().watchMapSummaries(callback, onError);
export const watchLibrary = (
  callback: (library: { maps: MapSummary[]; personas: PersonaSummary[] }) => void,
  onError?: (err: StorageError) => void,
) => repository().watchLibrary(callback, onError);
export const watchPersonas = (callback: (personas: Persona[]) => void, onError?: (err: StorageError) => void) =>
  repository().watchPersonas(callback, onError);
