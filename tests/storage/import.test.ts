// @vitest-environment node
// Node's Blob: jsdom's cannot be structured-cloned into (fake) IndexedDB (see images.test.ts).
import { describe, expect, it, vi } from 'vitest';
import * as storage from '../../src/storage';
import { StorageError } from '../../src/storage';
import { freshRepo, makeMap, makePersona } from './helpers';

const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });

describe('importBatch: an import is stored whole or not at all', () => {
  it('stores images, personas and maps together', async () => {
    const repo = freshRepo();
    const persona = makePersona({ id: 'p-import', avatarImageId: 'img-import' });
    const map = makeMap({ id: 'm-import', personaIds: ['p-import'] });
    await repo.importBatch({ maps: [map], personas: [persona], images: [{ id: 'img-import', blob: png() }] });
    expect(await repo.loadMap('m-import')).toEqual({ kind: 'ok', doc: map });
    expect(await repo.loadPersona('p-import')).toEqual({ kind: 'ok', doc: persona });
    expect((await repo.getImage('img-import'))?.type).toBe('image/png');
  });

  it('snapshots a map it replaces, so the replaced version can be brought back', async () => {
    const repo = freshRepo();
    const old = makeMap({ id: 'm-same', title: 'Before the import' });
    await repo.saveMap(old);
    await repo.importBatch({ maps: [{ ...old, title: 'From the file' }], personas: [], images: [] });
    const after = await repo.loadMap('m-same');
    expect(after.kind === 'ok' && after.doc.title).toBe('From the file');
    const snapshots = await repo.listSnapshots('m-same');
    expect(snapshots.map((s) => [s.reason, (s.doc as { title: string }).title])).toEqual([['before-import', 'Before the import']]);
  });

  it('a write that fails halfway (a full disk) leaves the library as it was', async () => {
    const repo = freshRepo();
    const kept = makeMap({ id: 'm-kept', title: 'Already here' });
    await repo.saveMap(kept);
    // The maps table is written last: fail there, after the images and personas were put.
    vi.spyOn(repo.db.maps, 'bulkPut').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const err = await repo
      .importBatch({
        maps: [{ ...kept, title: 'Replaced?' }, makeMap({ id: 'm-new' })],
        personas: [makePersona({ id: 'p-new' })],
        images: [{ id: 'img-new', blob: png() }],
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).kind).toBe('quota');
    const stillThere = await repo.loadMap('m-kept');
    expect(stillThere.kind === 'ok' && stillThere.doc.title).toBe('Already here');
    expect(await repo.loadMap('m-new')).toEqual({ kind: 'missing' });
    expect(await repo.loadPersona('p-new')).toEqual({ kind: 'missing' });
    expect(await repo.getImage('img-new')).toBeUndefined();
    expect(await repo.listSnapshots('m-kept')).toEqual([]);
  });

  it('refuses to replace a map stored by a newer version', async () => {
    const repo = freshRepo();
    await repo.db.maps.put({ ...makeMap({ id: 'm-newer' }), schemaVersion: 99 } as unknown as storage.StoredDoc);
    const err = await repo.importBatch({ maps: [makeMap({ id: 'm-newer' })], personas: [], images: [] }).catch((e: unknown) => e);
    expect((err as StorageError).kind).toBe('newer-version');
    expect((await repo.db.maps.get('m-newer'))?.schemaVersion).toBe(99);
  });
});

describe('writesSettled: a page that opens next reads after the last edits', () => {
  it('loadMap waits for a flush that an editor started as it closed', async () => {
    storage.bindDatabase(`test-settled-${Math.random().toString(36).slice(2)}`);
    const map = makeMap({ id: 'm-settle', title: 'Saved title' });
    await storage.saveMap(map);
    const autosave = storage.createStorageAutosave({ delayMs: 10_000 });
    autosave.markLoaded();
    autosave.enqueueMap({ ...map, title: 'Edited just before leaving' });
    void autosave.dispose(); // not awaited: the editor unmounts and the next page loads at once
    const loaded = await storage.loadMap('m-settle');
    expect(loaded.kind === 'ok' && loaded.doc.title).toBe('Edited just before leaving');
  });
});
