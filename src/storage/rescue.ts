/**
 * The page-hide rescue copy. An IndexedDB transaction started while a page unloads is not
 * sure to finish: Chromium closes the page's connection with the page and aborts whatever has
 * not committed by then (measured: under load, 3 to 8 reloads in 10 lost the text typed last,
 * although its transaction had been started and committed in the pagehide handler). Web
 * Storage is written synchronously, so at page hide the unsaved documents are also copied
 * there, and the next page that opens the database stores them (see recoverRescued) before
 * anything is read.
 *
 * A copy is only a net: it is cleared once the normal writer has stored that version, it
 * replaces a stored record only when that record is older and from this schema version, and
 * it must pass the restore chain. One that does not fit (Web Storage holds a few MB per site)
 * is skipped; the IndexedDB write at page hide still runs.
 */
import { restoreMap, restorePersona } from '../model/restore';
import { CURRENT_SCHEMA_VERSION } from '../model/schema';
import type { Dexie } from 'dexie';
import type { StoredDoc } from './db';

export type RescueKind = 'maps' | 'personas';

/** The part of Web Storage the rescue uses (tests pass their own). */
export type RescueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'journeyboard.rescue.';
const keyOf = (kind: RescueKind, id: string) => `${PREFIX}${kind}.${id}`;

interface Doc {
  id: string;
  updatedAt: string;
}

/** The browser's localStorage, or null where there is none or it refuses access (some private modes). */
export function browserRescueStorage(): RescueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function createRescue(storage: RescueStorage | null) {
  // The document this page copied under each key, so the copy is cleared only once that
  // document (or a later one) is stored, not by a write of an older one still on its way.
  const copied = new Map<string, Doc>();

  /** Copies the documents synchronously; a document that does not fit is skipped. */
  function keep(kind: RescueKind, docs: readonly Doc[]): void {
    if (!storage) return;
    for (const doc of docs) {
      const key = keyOf(kind, doc.id);
      try {
        storage.setItem(key, JSON.stringify(doc));
        copied.set(key, doc);
      } catch {
        // Full (QuotaExceededError) or refused: IndexedDB is the only way left for this one.
      }
    }
  }

  /** The normal writer stored these documents: their copies (of that version or older) go. */
  function stored(kind: RescueKind, docs: readonly Doc[]): void {
    if (!storage || copied.size === 0) return;
    for (const doc of docs) {
      const key = keyOf(kind, doc.id);
      const copy = copied.get(key);
      if (copy !== undefined && (copy === doc || copy.updatedAt < doc.updatedAt)) {
        copied.delete(key);
        try {
          storage.removeItem(key);
        } catch {
          // Left for the next start, which finds it no newer than the record.
        }
      }
    }
  }

  return { keep, stored };
}

export type Rescue = ReturnType<typeof createRescue>;

const restoreOf = { maps: restoreMap, personas: restorePersona } as const;

/**
 * Stores the copies left by pages that went away before their write finished, then removes
 * every copy. A copy is written only over a record that exists (a map deleted since stays
 * deleted), is of this schema version and is older; a copy that fails the restore chain is
 * dropped. Returns how many records it brought up to date. Runs inside Dexie's on('ready')
 * with the database it hands over (other queries wait until this is done).
 */
export async function recoverRescued(db: Dexie, storage: RescueStorage | null): Promise<number> {
  if (!storage) return 0;
  const found: { kind: RescueKind; key: string; doc: StoredDoc }[] = [];
  try {
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) {
      const kind = key.slice(PREFIX.length).split('.')[0];
      const raw = storage.getItem(key);
      storage.removeItem(key);
      if ((kind !== 'maps' && kind !== 'personas') || raw === null) continue;
      let value: unknown;
      try {
        value = JSON.parse(raw);
      } catch {
        continue;
      }
      const restored = restoreOf[kind](value);
      // Exactly this version's document, unchanged by the chain: anything else is not ours to write.
      if (restored.kind !== 'ok' || restored.migratedFrom !== undefined) continue;
      const doc = value as StoredDoc;
      if (`${PREFIX}${kind}.${doc.id}` === key) found.push({ kind, key, doc });
    }
  } catch {
    // Web Storage refused to be read: nothing to recover.
    return 0;
  }
  if (found.length === 0) return 0;
  let updated = 0;
  await db.transaction('rw', ['maps', 'personas'], async () => {
    for (const { kind, doc } of found) {
      const table = db.table<StoredDoc, string>(kind);
      const record = await table.get(doc.id);
      if (!record || record.schemaVersion !== CURRENT_SCHEMA_VERSION) continue;
      // Equal times: two edits in one millisecond; the copy is the later one (or the same).
      if (typeof record.updatedAt === 'string' && record.updatedAt > String(doc.updatedAt)) continue;
      await table.put(doc);
      updated++;
    }
  });
  return updated;
}
