import { describe, expect, it } from 'vitest';
import { createRepository, openDatabase, type Repository, type SnapshotRecord } from '../../src/storage';
import { freshRepo, makeMap } from './helpers';

// Deleting maps: every delete can be undone together, and the snapshots of deleted maps
// are pruned after a month so they do not fill the disk for ever.

function repoAt(clock: { now: Date }): Repository {
  return createRepository(openDatabase(`deletions-${Math.random().toString(36).slice(2)}`), { now: () => clock.now });
}

describe('undoDeleteMaps', () => {
  it('brings back every map deleted, exactly, in one go, and drops their snapshots', async () => {
    const repo = freshRepo();
    const a = makeMap({ id: 'a', title: 'A' });
    const b = makeMap({ id: 'b', title: 'ข' });
    await repo.saveMap(a);
    await repo.saveMap(b);
    const tokens = [await repo.deleteMap('a'), await repo.deleteMap('b')];
    expect(await repo.listMaps()).toEqual([]);
    await repo.undoDeleteMaps(tokens);
    expect(await repo.loadMap('a')).toEqual({ kind: 'ok', doc: a });
    expect(await repo.loadMap('b')).toEqual({ kind: 'ok', doc: b });
    expect(await repo.db.snapshots.count()).toBe(0);
  });

  it('leaves a map that exists again alone (keeping its snapshot) and restores the others', async () => {
    const repo = freshRepo();
    await repo.saveMap(makeMap({ id: 'a', title: 'A' }));
    await repo.saveMap(makeMap({ id: 'b', title: 'B' }));
    const tokens = [await repo.deleteMap('a'), await repo.deleteMap('b')];
    const again = makeMap({ id: 'a', title: 'made again in another tab' });
    await repo.saveMap(again);
    await repo.undoDeleteMaps(tokens);
    expect(await repo.loadMap('a')).toEqual({ kind: 'ok', doc: again });
    expect((await repo.listMaps()).map((s) => s.id).sort()).toEqual(['a', 'b']);
    expect((await repo.listSnapshots('a')).map((s) => s.reason)).toEqual(['deleted']);
  });

  it('all or nothing: a token whose snapshot is gone restores none of them', async () => {
    const repo = freshRepo();
    await repo.saveMap(makeMap({ id: 'a' }));
    await repo.saveMap(makeMap({ id: 'b' }));
    const [ta, tb] = [await repo.deleteMap('a'), await repo.deleteMap('b')];
    await repo.db.snapshots.delete(tb.snapshotId);
    await expect(repo.undoDeleteMaps([ta, tb])).rejects.toMatchObject({ kind: 'missing' });
    expect(await repo.listMaps()).toEqual([]);
  });
});

describe('pruneDeletedSnapshots', () => {
  it('deletes the snapshots of maps deleted more than 30 days ago, and nothing else', async () => {
    const clock = { now: new Date('2025-01-01T12:00:00.000Z') };
    const repo = repoAt(clock);
    for (const id of ['old', 'recent', 'imported']) await repo.saveMap(makeMap({ id }));
    await repo.deleteMap('old');
    // A snapshot for another reason, as old: it stays (it is not ours to prune).
    await repo.snapshotMap('imported', 'before-import');

    clock.now = new Date('2025-01-25T12:00:00.000Z');
    await repo.deleteMap('recent');

    // 31 days after the first delete, 7 after the second.
    clock.now = new Date('2025-02-01T12:00:00.000Z');
    expect(await repo.pruneDeletedSnapshots()).toBe(1);
    const left = (await repo.db.snapshots.toArray()).map((s: SnapshotRecord) => `${s.mapId}:${s.reason}`).sort();
    expect(left).toEqual(['imported:before-import', 'recent:deleted']);
    expect(await repo.pruneDeletedSnapshots()).toBe(0);

    // The cutoff is exact: 30 days to the millisecond is kept, a moment more is not.
    clock.now = new Date('2025-02-24T12:00:00.000Z');
    expect(await repo.pruneDeletedSnapshots()).toBe(0);
    clock.now = new Date('2025-02-24T12:00:00.001Z');
    expect(await repo.pruneDeletedSnapshots()).toBe(1);
  });
});
