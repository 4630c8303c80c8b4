import { CURRENT_SCHEMA_VERSION } from '../../src/model/schema';
import { describe, expect, it, vi } from 'vitest';
import type { JourneyMap } from '../../src/model/schema';
import type { StoredDoc } from '../../src/storage';
import { fixture } from '../fixtures';
import { freshRepo, makeMap, makePersona } from './helpers';

// writeBatchNow: the page-hide write. It issues its puts on the native connection before it
// returns (no read first, no Dexie transaction), and writes only what the repository has seen
// stored and found writable, so it never puts a document over a newer version's record.

describe('writeBatchNow', () => {
  it('writes maps and personas the repository has read or written, without a Dexie transaction', async () => {
    const repo = freshRepo();
    const map = makeMap({ id: 'm' });
    const persona = makePersona({ id: 'p' });
    await repo.saveMap(map);
    await repo.db.personas.put(persona as unknown as StoredDoc);
    await repo.loadPersona('p');

    const transaction = vi.spyOn(repo.db, 'transaction');
    const edited = { ...map, title: 'edited just before the reload' };
    const renamed = { ...persona, name: 'Somying' };
    const done = repo.writeBatchNow({ maps: [edited], personas: [renamed] });
    expect(done).not.toBeNull();
    await done;
    expect(transaction).not.toHaveBeenCalled();
    expect(await repo.loadMap('m')).toEqual({ kind: 'ok', doc: edited });
    expect(await repo.loadPersona('p')).toEqual({ kind: 'ok', doc: renamed });
  });

  it('writes nothing for a document it has never seen stored (it cannot check it without a read)', async () => {
    const repo = freshRepo();
    const other = freshRepo();
    await repo.saveMap(makeMap({ id: 'seen' }));
    // Stored by someone else: this repository has not looked at it.
    await repo.db.maps.put(makeMap({ id: 'unseen', title: 'as stored' }) as unknown as StoredDoc);
    expect(repo.writeBatchNow({ maps: [makeMap({ id: 'seen' }), makeMap({ id: 'unseen', title: 'over it' })], personas: [] })).toBeNull();
    expect((await repo.db.maps.get('unseen'))?.title).toBe('as stored');
    // A repository whose database was never opened has seen nothing and has no connection.
    expect(other.writeBatchNow({ maps: [makeMap()], personas: [] })).toBeNull();
  });

  it('never writes over a record saved by a newer version', async () => {
    const repo = freshRepo();
    const raw = fixture('v99/map.json') as StoredDoc;
    await repo.db.maps.put(raw);
    const loaded = await repo.loadMap(raw.id);
    if (loaded.kind !== 'newer' || !loaded.doc) throw new Error(loaded.kind);
    const attempt = { ...loaded.doc, schemaVersion: 1, title: 'changed here' } as unknown as JourneyMap;
    expect(repo.writeBatchNow({ maps: [attempt], personas: [] })).toBeNull();
    expect(await repo.db.maps.get(raw.id)).toEqual(raw);

    // Seen through the library list too.
    const listed = freshRepo();
    await listed.db.personas.put(fixture('v99/persona.json') as StoredDoc);
    const [summary] = await listed.listPersonaSummaries();
    expect(summary?.readOnly).toBe(true);
    expect(listed.writeBatchNow({ maps: [], personas: [makePersona({ id: summary!.id })] })).toBeNull();
  });

  it('writes nothing for a map deleted here, or a document that is not of the current version', async () => {
    const repo = freshRepo();
    const map = makeMap({ id: 'gone' });
    await repo.saveMap(map);
    await repo.deleteMap('gone');
    expect(repo.writeBatchNow({ maps: [map], personas: [] })).toBeNull();
    expect(await repo.loadMap('gone')).toEqual({ kind: 'missing' });

    await repo.saveMap(makeMap({ id: 'kept' }));
    expect(repo.writeBatchNow({ maps: [{ ...makeMap({ id: 'kept' }), schemaVersion: CURRENT_SCHEMA_VERSION + 1 } as unknown as JourneyMap], personas: [] })).toBeNull();
  });

  it('all or nothing: a document IndexedDB cannot store leaves every stored record as it was', async () => {
    const repo = freshRepo();
    const a = makeMap({ id: 'a' });
    const b = makeMap({ id: 'b' });
    await repo.saveMap(a);
    await repo.saveMap(b);
    // A function cannot be cloned into IndexedDB: the second put() throws, after the first one was issued.
    const bad = { ...b, title: 'bad', extra: () => undefined } as unknown as JourneyMap;
    expect(repo.writeBatchNow({ maps: [{ ...a, title: 'good' }, bad], personas: [] })).toBeNull();
    await new Promise((r) => setTimeout(r, 20));
    expect(await repo.loadMap('a')).toEqual({ kind: 'ok', doc: a });
    expect(await repo.loadMap('b')).toEqual({ kind: 'ok', doc: b });
  });
});
