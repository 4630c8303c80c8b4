import { CURRENT_SCHEMA_VERSION } from '../../src/model/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mapViolations } from '../../src/model/invariants';
import type { JourneyMap } from '../../src/model/schema';
import * as storage from '../../src/storage';
import { STORAGE_MESSAGES, StorageError, type Repository, type StoredDoc } from '../../src/storage';
import { fixture } from '../fixtures';
import { freshRepo, makeMap, makePersona } from './helpers';

afterEach(() => vi.restoreAllMocks());

async function rejection(p: Promise<unknown>): Promise<StorageError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(StorageError);
    return err as StorageError;
  }
  throw new Error('expected a rejection');
}

async function okMap(repo: Repository, id: string): Promise<JourneyMap> {
  const r = await repo.loadMap(id);
  if (r.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r.doc;
}

describe('maps', () => {
  it('save then load keeps the document exactly', async () => {
    const repo = freshRepo();
    const map = makeMap();
    await repo.saveMap(map);
    expect(await repo.loadMap(map.id)).toEqual({ kind: 'ok', doc: map });
    expect(await repo.db.maps.get(map.id)).toEqual(map);
  });

  it('loading an unknown id is "missing"', async () => {
    expect(await freshRepo().loadMap('nope')).toEqual({ kind: 'missing' });
  });

  it('lists summaries newest first (dates compared as instants, offsets included)', async () => {
    const repo = freshRepo();
    await repo.saveMap(makeMap({ id: 'a', title: 'A', updatedAt: '2025-03-01T10:00:00.000Z' }));
    await repo.saveMap(makeMap({ id: 'b', title: 'B', updatedAt: '2025-03-01T16:00:00.000+07:00' })); // 09:00Z
    await repo.saveMap(makeMap({ id: 'c', title: 'C', updatedAt: '2025-03-02T00:00:00.000Z' }));
    const list = await repo.listMaps();
    expect(list.map((s) => s.id)).toEqual(['c', 'a', 'b']);
    expect(list[0]).toEqual({
      id: 'c',
      title: 'C',
      personaIds: ['fx-persona-1'],
      stageCount: 3,
      cardCount: 8,
      updatedAt: '2025-03-02T00:00:00.000Z',
      readOnly: false,
    });
  });

  it('delete writes a snapshot, and undo brings the map back exactly', async () => {
    const repo = freshRepo();
    const map = makeMap();
    await repo.saveMap(map);
    const token = await repo.deleteMap(map.id);
    expect(token).toMatchObject({ mapId: map.id, title: map.title });
    expect(await repo.loadMap(map.id)).toEqual({ kind: 'missing' });
    const [snapshot] = await repo.listSnapshots(map.id);
    expect(snapshot).toMatchObject({ mapId: map.id, reason: 'deleted', doc: map });

    await repo.undoDeleteMap(token);
    expect(await okMap(repo, map.id)).toEqual(map);
    expect(await repo.listSnapshots(map.id)).toEqual([]);
  });

  it('deleting a missing map says so', async () => {
    expect((await rejection(freshRepo().deleteMap('nope'))).kind).toBe('missing');
  });

  it('duplicate gives everything fresh ids, keeps references consistent and keeps the texts', async () => {
    const repo = freshRepo();
    const map = makeMap();
    await repo.saveMap(map);
    const copyId = await repo.duplicateMap(map.id, 'Copy of it');
    const copy = await okMap(repo, copyId);

    expect(copyId).not.toBe(map.id);
    expect(copy.title).toBe('Copy of it');
    expect(mapViolations(copy)).toEqual([]);
    const oldIds = new Set([map.id, ...[map.stages, map.lanes, map.cards, map.connections].flat().map((e) => e.id)]);
    for (const e of [copy.stages, copy.lanes, copy.cards, copy.connections].flat()) expect(oldIds.has(e.id)).toBe(false);

    expect(copy.cards.map((c) => c.text)).toEqual(map.cards.map((c) => c.text));
    expect(copy.stages.map((s) => s.name)).toEqual(map.stages.map((s) => s.name));
    expect(copy.personaIds).toEqual(map.personaIds);
    // References point at the copies of the same things.
    const byId = <T extends { id: string }>(list: T[], id: string | undefined) => list.find((e) => e.id === id);
    const pain = copy.cards.find((c) => c.kind === 'pain');
    expect(pain?.kind === 'pain' && byId(copy.cards, pain.touchpointId)?.text).toBe('Call centre');
    expect(byId(copy.stages, copy.stages[2]!.loopsTo)?.name).toBe('การซื้อ');
    expect(byId(copy.cards, copy.connections[0]!.from)?.text).toBe('SMS');
    expect(byId(copy.stages, copy.cards[0]!.stageId)?.name).toBe('Aware');
    expect(byId(copy.lanes, copy.cards[0]!.laneId)?.title).toBe('Doing');
    // The original is untouched.
    expect(await okMap(repo, map.id)).toEqual(map);
  });

  it('a record from a newer version lists as read-only, loads as "newer", and is never overwritten', async () => {
    const repo = freshRepo();
    const raw = fixture('v99/map.json') as StoredDoc;
    await repo.db.maps.put(raw);

    const [summary] = await repo.listMaps();
    expect(summary).toMatchObject({ id: raw.id, readOnly: true });
    const loaded = await repo.loadMap(raw.id);
    if (loaded.kind !== 'newer' || !loaded.doc) throw new Error(loaded.kind);
    expect(loaded.version).toBe(99);
    expect(loaded.raw).toEqual(raw);

    const error = await rejection(repo.saveMap({ ...loaded.doc, title: 'changed here' }));
    expect(error.kind).toBe('newer-version');
    expect(error.message).toBe(STORAGE_MESSAGES['newer-version']);
    expect(await repo.db.maps.get(raw.id)).toEqual(raw);
    expect((await rejection(repo.duplicateMap(raw.id, 'copy'))).kind).toBe('newer-version');
    expect((await rejection(repo.writeBatch({ maps: [loaded.doc], personas: [] }))).kind).toBe('newer-version');
    expect(await repo.db.maps.get(raw.id)).toEqual(raw);
  });

  it('refuses to store a document that claims a newer version', async () => {
    const map = { ...makeMap(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 } as unknown as JourneyMap;
    expect((await rejection(freshRepo().saveMap(map))).kind).toBe('newer-version');
  });

  it('a damaged record is listed (flagged) and loads with its errors', async () => {
    const repo = freshRepo();
    await repo.db.maps.put(fixture('broken/map-wrong-types.json') as StoredDoc);
    await repo.db.maps.put({ id: 'junk', title: 7 });
    const list = await repo.listMaps();
    expect(list.find((s) => s.id === 'junk')).toMatchObject({ invalid: true, title: '' });
    const loaded = await repo.loadMap('fx-broken-types');
    expect(loaded.kind === 'invalid' && loaded.errors.map((e) => e.path)).toContain('cards[4].score');
    expect((await rejection(repo.duplicateMap('fx-broken-types', 'x'))).kind).toBe('invalid');
  });

  it('watchMapSummaries calls back now and after each change, until unsubscribed', async () => {
    const repo = freshRepo();
    const seen: string[][] = [];
    let wake: () => void = () => {};
    const stop = repo.watchMapSummaries((list) => {
      seen.push(list.map((s) => s.id));
      wake();
    });
    const next = () => new Promise<void>((resolve) => (wake = resolve));
    await vi.waitFor(() => expect(seen).toEqual([[]]));
    let changed = next();
    await repo.saveMap(makeMap({ id: 'm1' }));
    await changed;
    changed = next();
    await repo.saveMap(makeMap({ id: 'm2', updatedAt: '2030-01-01T00:00:00.000Z' }));
    await changed;
    expect(seen.at(-1)).toEqual(['m2', 'm1']);
    stop();
    const count = seen.length;
    await repo.deleteMap('m1');
    await new Promise((r) => setTimeout(r, 50));
    expect(seen.length).toBe(count);
  });
});

describe('personas', () => {
  it('save then load keeps the persona exactly; listed newest first', async () => {
    const repo = freshRepo();
    const a = makePersona({ id: 'pa', updatedAt: '2025-01-01T00:00:00.000Z' });
    const b = makePersona({ id: 'pb', name: 'مریم', updatedAt: '2025-06-01T00:00:00.000Z' });
    await repo.savePersona(a);
    await repo.savePersona(b);
    expect(await repo.loadPersona('pa')).toEqual({ kind: 'ok', doc: a });
    expect(await repo.listPersonas()).toEqual([b, a]);
    expect((await repo.listPersonaSummaries()).map((s) => s.id)).toEqual(['pb', 'pa']);
  });

  it('a newer persona loads read-only and is never overwritten', async () => {
    const repo = freshRepo();
    const raw = fixture('v99/persona.json') as StoredDoc;
    await repo.db.personas.put(raw);
    const loaded = await repo.loadPersona(raw.id);
    if (loaded.kind !== 'newer' || !loaded.doc) throw new Error(loaded.kind);
    expect((await rejection(repo.savePersona(loaded.doc))).kind).toBe('newer-version');
    expect(await repo.db.personas.get(raw.id)).toEqual(raw);
    expect((await repo.listPersonaSummaries())[0]).toMatchObject({ readOnly: true });
  });
});

describe('the module-level API', () => {
  it('works on the bound database', async () => {
    storage.bindDatabase(`module-${Math.random()}`);
    const map = makeMap({ id: 'module-map' });
    await storage.saveMap(map);
    expect(await storage.loadMap('module-map')).toEqual({ kind: 'ok', doc: map });
    expect((await storage.listMapSummaries()).map((s) => s.id)).toEqual(['module-map']);
    const copy = await storage.duplicateMap('module-map', 'Copy');
    expect((await storage.listMaps()).length).toBe(2);
    await storage.deleteMap(copy);
    expect((await storage.listMaps()).length).toBe(1);
  });
});
