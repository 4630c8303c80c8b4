/**
 * Maps, personas, images and snapshots, as the app sees them. Everything read goes
 * through the restore chain (src/model/restore.ts), the same one imports use; every
 * failure comes out as a StorageError.
 *
 * Documents from a newer Journeyboard are shown read-only and never written back:
 * saveMap / savePersona check the stored record inside the write transaction and refuse.
 */
import { liveQuery, type Transaction } from 'dexie';
import { newId } from '../model/ids';
import { readSchemaVersion } from '../model/migrations';
import { linkPersona, setConnectionPersona, touch, unlinkPersona } from '../model/operations';
import { restoreMap, restorePersona, type RestoreResult } from '../model/restore';
import { CURRENT_SCHEMA_VERSION, type JourneyMap, type Persona } from '../model/schema';
import type { ImageRecord, JourneyboardDB, SnapshotReason, SnapshotRecord, StoredDoc } from './db';
import { copyMapWithFreshIds } from './duplicate';
import { browserRescueStorage, createRescue, recoverRescued, type RescueStorage } from './rescue';
import { StorageError, guard, toStorageError } from './errors';
import { MapBusyError, whileMapsFree } from './locks';

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

/** What undoDeletePersona needs: the record and its photo, as they were, and the maps it was taken out of. Kept in memory by the page's undo. */
export interface DeletedPersonaToken {
  personaId: string;
  name: string;
  record: StoredDoc;
  image?: ImageRecord;
  /** The maps that named the persona and no longer do; undo names it in them again. */
  mapIds: string[];
  /** By map id, the arrows that were the persona's path there (unlinking made them everyone's); undo gives them back. */
  paths: Record<string, string[]>;
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
  /** How long the library waits for the database to open before it says storage is unavailable. */
  openTimeoutMs?: number;
  /** Where page-hide rescue copies go (src/storage/rescue.ts); the browser's localStorage unless null. */
  rescueStorage?: RescueStorage | null;
}

export const OPEN_TIMEOUT_MS = 10_000;

/** What a refusal while maps are being edited tells the user to do once they are closed. */
type BusyThen = 'deletePersona' | 'undo' | 'import';

const BUSY_THEN_IDS: Record<BusyThen, string> = {
  deletePersona: /*i18n*/ 'storage.mapsBusy.deletePersona',
  undo: /*i18n*/ 'storage.mapsBusy.undo',
  import: /*i18n*/ 'storage.mapsBusy.import',
};

/** How long the snapshot of a deleted map is kept after its undo has passed. */
export const DELETED_SNAPSHOT_DAYS = 30;

/** A failure to open the database means the browser is not letting us store anything, whatever its name. */
function openFailure(err: unknown): StorageError {
  const error = toStorageError(err);
  return error.kind === 'quota' || error.kind === 'newer-version' || error.kind === 'unavailable'
    ? error
    : new StorageError('unavailable', { cause: err });
}

export function createRepository(db: JourneyboardDB, options: RepositoryOptions = {}) {
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const rescueStorage = options.rescueStorage === undefined ? browserRescueStorage() : options.rescueStorage;
  const rescue = createRescue(rescueStorage);
  // Copies left by a page that went before its last write finished are stored before the
  // first query runs. A failure there must not keep the database shut: the copies are gone
  // either way, and what was stored stays as it was.
  db.on('ready', (vip) => recoverRescued(vip, rescueStorage).then(() => undefined, () => undefined), true);

  // What this repository last saw stored under each id, by its own reads and writes: true
  // when the record there may be overwritten (absent, or not from a newer version), false
  // when a newer Journeyboard saved it. writeBatchNow cannot read before it writes (it must
  // finish inside a page-hide handler), so it trusts this instead of the stored record.
  const writable = { maps: new Map<string, boolean>(), personas: new Map<string, boolean>() };
  type Kind = keyof typeof writable;
  const seen = (kind: Kind, id: string, record: StoredDoc | undefined) => writable[kind].set(id, !isNewer(record));
  const seenAll = (kind: Kind, records: readonly StoredDoc[]) => {
    for (const record of records) seen(kind, record.id, record);
  };
  const wrote = (kind: Kind, docs: readonly { id: string }[]) => {
    for (const doc of docs) writable[kind].set(doc.id, true);
  };

  // The database, opened explicitly: Dexie's live queries wait silently, for ever, when
  // IndexedDB is missing (some private windows) or refuses to open, so the library would
  // say "Loading…" for ever. null again after a failure, so a later call tries again.
  let opening: Promise<void> | null = null;
  function openOnce(): Promise<void> {
    opening ??= db.open().then(
      () => undefined,
      (err: unknown) => {
        opening = null;
        throw openFailure(err);
      },
    );
    return opening;
  }

  /**
   * Resolves when the database is open; rejects with a StorageError ('unavailable' unless the
   * disk is full or a newer version holds it) when it cannot be opened, or has not opened
   * within openTimeoutMs (a browser may leave the request hanging). Nothing is deleted or
   * reset on failure: whatever is already stored stays as it is.
   */
  function ready(): Promise<void> {
    if (db.isOpen()) return Promise.resolve();
    const ms = options.openTimeoutMs ?? OPEN_TIMEOUT_MS;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new StorageError('unavailable', { detail: `IndexedDB did not open within ${ms} ms` })),
        ms,
      );
      openOnce()
        .then(resolve, reject)
        .finally(() => clearTimeout(timer));
    });
  }

  async function readMapSummaries(): Promise<MapSummary[]> {
    const records = await db.maps.toArray();
    seenAll('maps', records);
    return newestFirst(records.map(summarizeMap));
  }

  async function listMapSummaries(): Promise<MapSummary[]> {
    return guard(readMapSummaries);
  }

  async function loadMap(id: string): Promise<LoadResult<JourneyMap>> {
    return guard(async () => {
      const record = await db.maps.get(id);
      seen('maps', id, record);
      return record === undefined ? { kind: 'missing' } : restoreMap(record);
    });
  }

  /** Writes one map. Refuses (StorageError 'newer-version') to overwrite a record saved by a newer version. */
  async function saveMap(doc: JourneyMap): Promise<void> {
    refuseWrongVersion(doc);
    await guard(() =>
      db.transaction('rw', db.maps, async () => {
        const record = await db.maps.get(doc.id);
        seen('maps', doc.id, record);
        if (isNewer(record)) throw new StorageError('newer-version');
        await db.maps.put(doc as unknown as StoredDoc);
      }),
    );
    wrote('maps', [doc]);
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
        // Unknown from now on: a page-hide write must not bring a deleted map back.
        writable.maps.delete(id);
        return { mapId: id, title: text(record.title), snapshotId };
      }),
    );
  }

  /**
   * Puts deleted maps back exactly as they were stored, all in one transaction (all or
   * nothing). If a map with that id exists again (another tab), it is left alone and its
   * snapshot is kept: nothing is overwritten.
   */
  async function undoDeleteMaps(tokens: readonly DeletedMapToken[]): Promise<void> {
    if (tokens.length === 0) return;
    return guard(() =>
      db.transaction('rw', db.maps, db.snapshots, async () => {
        const snapshots = await db.snapshots.bulkGet(tokens.map((t) => t.snapshotId));
        if (snapshots.some((s) => s === undefined)) throw new StorageError('missing');
        const existing = await db.maps.bulkGet(tokens.map((t) => t.mapId));
        for (const [i, token] of tokens.entries()) {
          if (existing[i]) continue;
          const doc = snapshots[i]!.doc as StoredDoc;
          await db.maps.add(doc);
          seen('maps', token.mapId, doc);
          await db.snapshots.delete(token.snapshotId);
        }
      }),
    );
  }

  async function undoDeleteMap(token: DeletedMapToken): Promise<void> {
    return undoDeleteMaps([token]);
  }

  /**
   * Deletes the snapshots taken when maps were deleted, once they are older than
   * `maxAgeDays` (the undo in the library lasts seconds; the snapshot stays as a safety net
   * for a month, then goes, so deleted maps do not fill the disk for ever). Returns how
   * many went. Snapshots taken for other reasons (before an import replaced a map) stay.
   */
  async function pruneDeletedSnapshots(maxAgeDays = DELETED_SNAPSHOT_DAYS): Promise<number> {
    const cutoff = new Date(Date.parse(now()) - maxAgeDays * 86_400_000).toISOString();
    return guard(() =>
      db.transaction('rw', db.snapshots, async () => {
        // createdAt is an ISO instant in UTC, so text order is time order.
        const old = await db.snapshots
          .where('createdAt')
          .below(cutoff)
          .filter((s) => s.reason === 'deleted')
          .primaryKeys();
        await db.snapshots.bulkDelete(old);
        return old.length;
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

  async function readPersonas(): Promise<StoredDoc[]> {
    const records = await db.personas.toArray();
    seenAll('personas', records);
    return records;
  }

  async function listPersonaSummaries(): Promise<PersonaSummary[]> {
    return guard(async () => newestFirst((await readPersonas()).map(summarizePersona)));
  }

  /** Personas that can be shown (current ones, and read-only views of newer ones), newest first; damaged ones are left out. */
  async function listPersonas(): Promise<Persona[]> {
    return guard(async () => {
      const out: Persona[] = [];
      for (const record of await readPersonas()) {
        const r = restorePersona(record);
        if (r.kind === 'ok' || (r.kind === 'newer' && r.doc)) out.push(r.doc!);
      }
      return newestFirst(out);
    });
  }

  async function loadPersona(id: string): Promise<LoadResult<Persona>> {
    return guard(async () => {
      const record = await db.personas.get(id);
      seen('personas', id, record);
      return record === undefined ? { kind: 'missing' } : restorePersona(record);
    });
  }

  async function savePersona(persona: Persona): Promise<void> {
    refuseWrongVersion(persona);
    await guard(() =>
      db.transaction('rw', db.personas, async () => {
        const record = await db.personas.get(persona.id);
        seen('personas', persona.id, record);
        if (isNewer(record)) throw new StorageError('newer-version');
        await db.personas.put(persona as unknown as StoredDoc);
      }),
    );
    wrote('personas', [persona]);
  }

  /** Stored maps that name the persona and can be changed here (current version, valid), as loaded. */
  function mapsNaming(records: readonly (StoredDoc | undefined)[], personaId: string): JourneyMap[] {
    return records.flatMap((record) => {
      if (!record || !Array.isArray(record.personaIds) || !record.personaIds.includes(personaId)) return [];
      const r = restoreMap(record);
      // A newer version's map is never written back; a damaged one is left as it is.
      return r.kind === 'ok' ? [r.doc] : [];
    });
  }

  /** "“A” is open…" / "“A”, “B” are open…": the maps an editor holds, by title, and what to do after closing them. */
  function busyMessage(err: MapBusyError, titles: ReadonlyMap<string, string>, then: BusyThen): MapBusyError {
    const names = err.mapIds.map((id) => (/*i18n*/ { id: 'storage.quotedTitle', values: { title: titles.get(id) || /*i18n*/ { id: 'storage.untitledMap' } } }));
    return new MapBusyError(err.mapId, { id: BUSY_THEN_IDS[then], values: { count: names.length, titles: names } }, err.mapIds);
  }

  async function withMapsFree<T>(mapIds: readonly string[], titles: ReadonlyMap<string, string>, then: BusyThen, work: () => Promise<T>): Promise<T> {
    try {
      return await whileMapsFree(mapIds, work);
    } catch (err) {
      throw err instanceof MapBusyError ? busyMessage(err, titles, then) : err;
    }
  }

  /**
   * Deletes a persona and its photo (unless another persona uses the same image), and takes
   * it out of every map that names it: all in ONE transaction, so it never stops halfway
   * with some maps unlinked. It holds the edit locks of those maps, or refuses before
   * changing anything (MapBusyError, naming them) while another tab edits one: that tab
   * would write its copy back, link and all.
   */
  async function deletePersona(id: string): Promise<DeletedPersonaToken> {
    const records = await guard(() => db.maps.toArray());
    const users = mapsNaming(records, id);
    const titles = new Map(users.map((m) => [m.id, m.title]));
    const locked = new Set(users.map((m) => m.id));
    const token = await withMapsFree([...locked], titles, 'deletePersona', () =>
      guard(() =>
        db.transaction('rw', [db.personas, db.images, db.maps], async () => {
          const record = await db.personas.get(id);
          if (!record) throw new StorageError('missing');
          const maps = mapsNaming(await db.maps.toArray(), id);
          // Linked in another tab since the list above was read: its lock is not held here.
          if (maps.some((m) => !locked.has(m.id))) {
            throw new StorageError('unknown', {
              message: {
                descriptor: /*i18n*/ { id: 'storage.personaLinkedMeanwhile' },
                english: 'This persona was just added to another map. Nothing was deleted; try again.',
              },
            });
          }
          const at = now();
          const paths: Record<string, string[]> = {};
          for (const map of maps) {
            paths[map.id] = map.connections.filter((k) => k.personaId === id).map((k) => k.id);
            await db.maps.put(touch(unlinkPersona(map, id), at) as unknown as StoredDoc);
          }
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
          return { personaId: id, name: text(record.name), record, mapIds: maps.map((m) => m.id), paths, ...(image ? { image } : {}) };
        }),
      ),
    );
    writable.personas.delete(id);
    wrote('maps', token.mapIds.map((mapId) => ({ id: mapId })));
    return token;
  }

  /**
   * Brings a deleted persona and its photo back and names it again in the maps it was
   * taken out of, in ONE transaction, under those maps' edit locks (or refuses before
   * changing anything while another tab edits one). A map deleted meanwhile is skipped.
   */
  async function undoDeletePersona(token: DeletedPersonaToken): Promise<void> {
    const mapIds = token.mapIds ?? [];
    const current = await guard(() => db.maps.bulkGet(mapIds));
    const titles = new Map(current.flatMap((m) => (m ? [[m.id, text(m.title)] as const] : [])));
    const done = await withMapsFree(mapIds, titles, 'undo', () =>
      guard(() =>
        db.transaction('rw', [db.personas, db.images, db.maps], async () => {
          if (token.image && !(await db.images.get(token.image.id))) await db.images.add(token.image);
          // Made again meanwhile (another tab, an import): that one stays.
          const restored = !(await db.personas.get(token.personaId));
          if (restored) await db.personas.add(token.record);
          const at = now();
          const out: string[] = [];
          for (const record of await db.maps.bulkGet(mapIds)) {
            const r = record ? restoreMap(record) : undefined;
            if (r?.kind !== 'ok') continue;
            let next = linkPersona(r.doc, token.personaId);
            for (const arrow of token.paths?.[r.doc.id] ?? []) next = setConnectionPersona(next, arrow, token.personaId);
            if (next !== r.doc) await db.maps.put(touch(next, at) as unknown as StoredDoc);
            out.push(r.doc.id);
          }
          return { restored, relinked: out };
        }),
      ),
    );
    if (done.restored) seen('personas', token.personaId, token.record);
    wrote('maps', done.relinked.map((id) => ({ id })));
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
  // The transaction of the writeBatch on its way, if any. It reads before it writes, so it needs
  // the page to run its callbacks: on a page being unloaded it never finishes, and a transaction
  // over the same stores queued behind it (writeBatchNow's) never starts, and is lost with it.
  let running: Transaction | null = null;

  async function writeBatch(batch: WriteBatch): Promise<void> {
    for (const doc of [...batch.maps, ...batch.personas]) refuseWrongVersion(doc);
    if (batch.maps.length === 0 && batch.personas.length === 0) return;
    await guard(() =>
      db.transaction('rw', db.maps, db.personas, async (tx) => {
        running = tx;
        try {
          const [maps, personas] = await Promise.all([
            db.maps.bulkGet(batch.maps.map((m) => m.id)),
            db.personas.bulkGet(batch.personas.map((p) => p.id)),
          ]);
          batch.maps.forEach((m, i) => seen('maps', m.id, maps[i]));
          batch.personas.forEach((p, i) => seen('personas', p.id, personas[i]));
          if ([...maps, ...personas].some(isNewer)) throw new StorageError('newer-version');
          if (batch.maps.length) await db.maps.bulkPut(batch.maps as unknown as StoredDoc[]);
          if (batch.personas.length) await db.personas.bulkPut(batch.personas as unknown as StoredDoc[]);
        } finally {
          if (running === tx) running = null;
        }
      }),
    );
    wrote('maps', batch.maps);
    wrote('personas', batch.personas);
    rescue.stored('maps', batch.maps);
    rescue.stored('personas', batch.personas);
  }

  /**
   * Starts writing a batch synchronously, for a page-hide handler: after it returns, the
   * page may be gone, and a Dexie transaction (which opens a microtask later, then reads
   * before it writes) would never commit. This one issues every put() on the native
   * IndexedDB connection at once, without a read, and commits at once.
   *
   * It keeps writeBatch's guarantee without the read: every document must be one this
   * repository has itself read or written and not found saved by a newer version (see
   * `writable`); otherwise, or when the database is not open, it writes nothing and
   * returns null (the caller still runs the normal flush). The promise settles when the
   * transaction commits or fails. Nothing else changes: this is a net under writeBatch,
   * which the caller runs right after (it tells live queries, here and in other tabs).
   * Before the transaction, the documents are copied to Web Storage (src/storage/rescue.ts):
   * an unloading page may lose the transaction, never that copy.
   */
  function writeBatchNow(batch: WriteBatch): Promise<void> | null {
    if (batch.maps.length === 0 && batch.personas.length === 0) return null;
    if (![...batch.maps, ...batch.personas].every((doc) => doc.schemaVersion === CURRENT_SCHEMA_VERSION)) return null;
    if (!batch.maps.every((m) => writable.maps.get(m.id) === true)) return null;
    if (!batch.personas.every((p) => writable.personas.get(p.id) === true)) return null;
    // First the copy that survives the unload for sure; the transaction below may not.
    rescue.keep('maps', batch.maps);
    rescue.keep('personas', batch.personas);
    const idb = db.isOpen() ? db.backendDB() : null;
    if (!idb) return null;
    const stores = [...(batch.maps.length ? [db.maps.name] : []), ...(batch.personas.length ? [db.personas.name] : [])];
    // Clear the way: the caller's batch holds the documents of the write on its way (see
    // `running`), which fails with an AbortError and which the caller writes again afterwards.
    try {
      running?.abort();
    } catch {
      // It has just finished.
    }
    let tx: IDBTransaction | undefined;
    try {
      tx = idb.transaction(stores, 'readwrite');
      for (const m of batch.maps) tx.objectStore(db.maps.name).put(m);
      for (const p of batch.personas) tx.objectStore(db.personas.name).put(p);
      // Hand the transaction to the database now rather than when this task ends, which an
      // unloading page may never reach.
      tx.commit?.();
    } catch {
      // A closed connection (storage cleared, a newer version upgrading) or a document that
      // cannot be stored: all or nothing, and the normal flush reports the problem.
      try {
        tx?.abort();
      } catch {
        // Already finished.
      }
      return null;
    }
    const started = tx;
    return new Promise<void>((resolve, reject) => {
      started.oncomplete = () => resolve();
      started.onabort = () => reject(toStorageError(started.error ?? new DOMException('The write was aborted.', 'AbortError')));
    });
  }

  /**
   * Stores an import in ONE read-write transaction: every image, persona and map, or none
   * of them (a full disk halfway leaves the library as it was). A map that replaces a
   * stored one is snapshotted first ('before-import'), so the replaced version can be
   * brought back; a persona that replaces a stored one with another photo takes the old
   * photo with it unless another persona uses it. Refuses to overwrite anything stored by
   * a newer version.
   */
  async function importBatch(batch: ImportBatch): Promise<void> {
    for (const doc of [...batch.maps, ...batch.personas]) refuseWrongVersion(doc);
    // Replacing a map that an editor has open in another tab would be undone by that tab's next
    // save: hold those maps' edit locks, or refuse before writing anything, naming them.
    const present = (await guard(() => db.maps.bulkGet(batch.maps.map((m) => m.id)))).filter((m): m is StoredDoc => m !== undefined);
    const titles = new Map(present.map((m) => [String(m.id), text(m.title)]));
    await withMapsFree([...titles.keys()], titles, 'import', () => importUnderLocks(batch));
    wrote('maps', batch.maps);
    wrote('personas', batch.personas);
  }

  async function importUnderLocks(batch: ImportBatch): Promise<void> {
    await guard(() =>
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
        // A replaced persona's old photo, if no persona uses it any more, would be left behind for ever.
        const oldPhotos = new Set(
          personas.flatMap((p, i) => {
            const old = p?.avatarImageId;
            return typeof old === 'string' && old !== batch.personas[i]!.avatarImageId ? [old] : [];
          }),
        );
        if (oldPhotos.size) {
          const inUse = new Set((await db.personas.toArray()).map((p) => p.avatarImageId));
          await db.images.bulkDelete([...oldPhotos].filter((id) => !inUse.has(id)));
        }
        if (batch.maps.length) await db.maps.bulkPut(batch.maps as unknown as StoredDoc[]);
      }),
    );
  }

  function watch<T>(query: () => Promise<T>, callback: (value: T) => void, onError?: (err: StorageError) => void): Unsubscribe {
    let subscription: { unsubscribe(): void } | null = null;
    let stopped = false;
    const start = () => {
      if (stopped || subscription) return;
      subscription = liveQuery(query).subscribe({
        next: callback,
        error: (err: unknown) => onError?.(toStorageError(err)),
      });
    };
    ready().then(start, (err: unknown) => {
      onError?.(toStorageError(err));
      // Only slow (timed out, still opening): if it opens after all, the list still comes.
      opening?.then(start, () => undefined);
    });
    return () => {
      stopped = true;
      subscription?.unsubscribe();
    };
  }

  /** Calls back now and after every change to the maps, in this tab or another (Dexie's liveQuery). */
  function watchMapSummaries(callback: (summaries: MapSummary[]) => void, onError?: (err: StorageError) => void): Unsubscribe {
    return watch(readMapSummaries, callback, onError);
  }

  /**
   * The library's list: map summaries and persona summaries read together, so it is called
   * again when either changes (a renamed persona renames it in the list of maps too).
   */
  function watchLibrary(
    callback: (library: { maps: MapSummary[]; personas: PersonaSummary[] }) => void,
    onError?: (err: StorageError) => void,
  ): Unsubscribe {
    return watch(
      async () => ({ maps: await readMapSummaries(), personas: (await readPersonas()).map(summarizePersona) }),
      callback,
      onError,
    );
  }

  function watchPersonas(callback: (personas: Persona[]) => void, onError?: (err: StorageError) => void): Unsubscribe {
    return watch(listPersonas, callback, onError);
  }

  return {
    db,
    ready,
    listMaps: listMapSummaries,
    listMapSummaries,
    loadMap,
    saveMap,
    deleteMap,
    undoDeleteMap,
    undoDeleteMaps,
    pruneDeletedSnapshots,
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
    writeBatchNow,
    importBatch,
    watchMapSummaries,
    watchLibrary,
    watchPersonas,
  };
}

export type Repository = ReturnType<typeof createRepository>;
