import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { STORAGE_MESSAGES, StorageError, requestPersistentStorage, toStorageError, type StorageErrorKind } from '../../src/storage';
import { freshRepo, makeMap } from './helpers';

afterEach(() => vi.restoreAllMocks());

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(StorageError);
    return err as StorageError;
  }
  throw new Error('expected a rejection');
}

describe('toStorageError', () => {
  it('maps quota errors, bare or wrapped the way Dexie wraps them, to the "storage is full" message', () => {
    for (const err of [
      quota(),
      { name: 'AbortError', message: 'Transaction aborted', inner: quota() },
      { name: 'OpenFailedError', message: 'x', inner: { name: 'AbortError', inner: quota() } },
      { name: 'BulkError', message: '1 of 3 failed', failures: [quota()] },
      { name: 'NS_ERROR_DOM_QUOTA_REACHED', message: 'Persistent storage maximum size reached' },
    ]) {
      const e = toStorageError(err);
      expect(e.kind).toBe('quota');
      expect(e.message).toBe(
        "Your browser's storage is full. Nothing new was saved; your existing maps are safe. Free some space or export a backup.",
      );
    }
  });

  it('maps missing, blocked or private-mode storage to "unavailable"', () => {
    for (const name of ['MissingAPIError', 'SecurityError', 'InvalidStateError', 'DatabaseClosedError']) {
      expect(toStorageError({ name, message: 'no' }).kind).toBe('unavailable');
    }
    expect(toStorageError({ name: 'OpenFailedError', inner: new DOMException('denied', 'SecurityError') }).message).toBe(
      STORAGE_MESSAGES.unavailable,
    );
  });

  it('maps a database upgraded by a newer app to "newer-version", and anything else to "unknown" with the detail kept', () => {
    expect(toStorageError({ name: 'VersionError', message: 'requested version is less' }).kind).toBe('newer-version');
    const e = toStorageError(new TypeError('boom'));
    expect(e.kind).toBe('unknown');
    expect(e.detail).toBe('TypeError: boom');
    expect(toStorageError(e)).toBe(e);
  });
});

describe('repository failures come out as StorageError', () => {
  it('a quota error thrown by IndexedDB during a save (wrapped by Dexie) becomes "quota"', async () => {
    const repo = freshRepo();
    await repo.saveMap(makeMap({ id: 'before' }));
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw quota();
    });
    const error = await rejection(repo.saveMap(makeMap({ id: 'after' })));
    expect(error.kind).toBe('quota');
    expect(error.message).toBe(STORAGE_MESSAGES.quota);
    vi.restoreAllMocks();
    expect((await repo.listMaps()).map((s) => s.id)).toEqual(['before']);
  });

  it('storage that cannot be opened (SecurityError, as in some private modes) becomes "unavailable"', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const error = await rejection(freshRepo().listMaps());
    expect(error.kind).toBe('unavailable');
    expect(error.message).toBe(STORAGE_MESSAGES.unavailable);
  });
});

describe('StorageError', () => {
  it('carries its message for the interface, which says in English what its `message` says for logs', () => {
    for (const kind of Object.keys(STORAGE_MESSAGES) as StorageErrorKind[]) {
      const error = new StorageError(kind);
      expect(say(i18n, error.descriptor), kind).toBe(error.message);
    }
    const upgraded = toStorageError({ name: 'VersionError' });
    expect(say(i18n, upgraded.descriptor)).toBe(upgraded.message);
  });
});

describe('requestPersistentStorage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is false when the API is missing, true when granted or already persisted, false when it throws', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistentStorage()).toBe(false);
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
    expect(await requestPersistentStorage()).toBe(true);
    expect(persist).toHaveBeenCalledTimes(1);
    vi.stubGlobal('navigator', { storage: { persist: () => Promise.reject(new Error('denied')) } });
    expect(await requestPersistentStorage()).toBe(false);
  });
});
