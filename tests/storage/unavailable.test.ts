import { describe, expect, it } from 'vitest';
import { StorageError, createRepository, openDatabase, type Repository } from '../../src/storage';
import { STORAGE_MESSAGES } from '../../src/storage';
import { freshRepo, makeMap } from './helpers';

// When the browser will not open IndexedDB (private windows, storage blocked for the site),
// the library must hear about it: Dexie's live queries wait silently for ever otherwise.

function repoWith(engine: Partial<IDBFactory>, openTimeoutMs = 50): Repository {
  const name = `unavailable-${Math.random().toString(36).slice(2)}`;
  return createRepository(openDatabase(name, { indexedDB: engine as IDBFactory, IDBKeyRange }), { openTimeoutMs });
}

function firstError(repo: Repository): Promise<StorageError> {
  return new Promise((resolve, reject) => {
    repo.watchMapSummaries(() => reject(new Error('listed maps from a database that cannot open')), resolve);
  });
}

describe('storage that the browser will not open', () => {
  it('a refused open is reported as "unavailable", with the plain message', async () => {
    const refusing = repoWith({
      open: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const error = await firstError(refusing);
    expect(error).toBeInstanceOf(StorageError);
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(STORAGE_MESSAGES.unavailable);
    await expect(refusing.ready()).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('an open that never answers is reported as "unavailable" after the timeout', async () => {
    // A request whose events never fire, as some browsers do in private windows.
    const hanging = repoWith({ open: () => ({}) as IDBOpenDBRequest });
    const error = await firstError(hanging);
    expect(error.kind).toBe('unavailable');
    expect(error.detail).toMatch(/did not open within 50 ms/);
  });

  it('a database that opens lists as before, and ready() resolves', async () => {
    const repo = freshRepo();
    await repo.saveMap(makeMap({ id: 'kept' }));
    await expect(repo.ready()).resolves.toBeUndefined();
    const ids = await new Promise<string[]>((resolve, reject) => {
      const stop = repo.watchMapSummaries((list) => {
        stop();
        resolve(list.map((s) => s.id));
      }, reject);
    });
    expect(ids).toEqual(['kept']);
  });
});
