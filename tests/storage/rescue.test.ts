import { describe, expect, it } from 'vitest';
import { createRepository, openDatabase, type Repository, type StoredDoc } from '../../src/storage';
import { createRescue, type RescueStorage } from '../../src/storage/rescue';
import { fixture } from '../fixtures';
import { makeMap, makePersona } from './helpers';

// The page-hide rescue copy: what an unloading page copied to Web Storage is stored by the
// next page that opens the database, before it reads anything, and only where that is safe.

/** Web Storage in memory; `full` makes every write fail as a full one does. */
class MemoryStorage implements RescueStorage {
  private items = new Map<string, string>();
  full = false;
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  keys() {
    return [...this.items.keys()];
  }
}

let counter = 0;
const dbName = () => `rescue-${Date.now()}-${++counter}`;

/** Another page opening the same database. */
const nextPage = (name: string, storage: RescueStorage): Repository => createRepository(openDatabase(name), { rescueStorage: storage });

describe('page-hide rescue copies', () => {
  it('a copy left by a page whose last write never finished is stored by the next page, before its first read', async () => {
    const name = dbName();
    const storage = new MemoryStorage();
    const page = nextPage(name, storage);
    const map = makeMap({ id: 'm', updatedAt: '2026-12-01T10:00:00.000Z' });
    await page.saveMap(map);
    page.db.close();
    // What the unloading page copied: its transaction was lost with it.
    const typed = { ...map, title: 'ลูกค้าเห็นโพสต์ที่เพื่อนแชร์', updatedAt: '2026-12-01T10:00:01.000Z' };
    createRescue(storage).keep('maps', [typed]);

    const again = nextPage(name, storage);
    expect(await again.loadMap('m')).toEqual({ kind: 'ok', doc: typed });
    expect(storage.keys()).toEqual([]);
  });

  it('writeBatchNow copies what it writes; the normal write of that document clears the copy, an older one does not', async () => {
    const storage = new MemoryStorage();
    const repo = nextPage(dbName(), storage);
    const map = makeMap({ id: 'm', updatedAt: '2026-12-01T10:00:00.000Z' });
    const persona = makePersona({ id: 'p' });
    await repo.writeBatch({ maps: [map], personas: [persona] });
    const edited = { ...map, title: 'سفر مشتری', updatedAt: '2026-12-01T10:00:02.000Z' };
    await repo.writeBatchNow({ maps: [edited], personas: [persona] });
    expect(storage.keys().sort()).toEqual(['journeyboard.rescue.maps.m', 'journeyboard.rescue.personas.p']);

    // A write still on its way from before the page hide (an older version) keeps the copy.
    await repo.writeBatch({ maps: [map], personas: [] });
    expect(storage.keys()).toContain('journeyboard.rescue.maps.m');
    await repo.writeBatch({ maps: [edited], personas: [persona] });
    expect(storage.keys()).toEqual([]);
  });

  it('a copy never replaces a newer record, brings back a deleted map, or writes over a newer version', async () => {
    const name = dbName();
    const storage = new MemoryStorage();
    const page = nextPage(name, storage);
    const newer = makeMap({ id: 'newer', title: 'edited in another tab since', updatedAt: '2026-12-01T11:00:00.000Z' });
    await page.saveMap(newer);
    const future = fixture('v99/map.json') as StoredDoc;
    await page.db.maps.put(future);
    page.db.close();

    const rescue = createRescue(storage);
    rescue.keep('maps', [
      { ...newer, title: 'older copy', updatedAt: '2026-12-01T10:00:00.000Z' },
      makeMap({ id: 'deleted', updatedAt: '2026-12-01T12:00:00.000Z' }),
      { ...makeMap({ id: future.id }), updatedAt: '2099-01-01T00:00:00.000Z' },
    ]);

    const again = nextPage(name, storage);
    expect(await again.loadMap('newer')).toEqual({ kind: 'ok', doc: newer });
    expect(await again.loadMap('deleted')).toEqual({ kind: 'missing' });
    expect(await again.db.maps.get(future.id)).toEqual(future);
    expect(storage.keys()).toEqual([]);
  });

  it('a broken or invalid copy is dropped and the stored map stays as it was', async () => {
    const name = dbName();
    const storage = new MemoryStorage();
    const page = nextPage(name, storage);
    const map = makeMap({ id: 'm', updatedAt: '2026-12-01T10:00:00.000Z' });
    await page.saveMap(map);
    page.db.close();
    storage.setItem('journeyboard.rescue.maps.m', '{"id":"m", broken');
    storage.setItem('journeyboard.rescue.maps.x', JSON.stringify({ ...map, id: 'x', stages: 'not a list', updatedAt: '2030-01-01T00:00:00.000Z' }));
    // Filed under another id than its own.
    storage.setItem('journeyboard.rescue.maps.other', JSON.stringify({ ...map, title: 'misfiled', updatedAt: '2030-01-01T00:00:00.000Z' }));

    const again = nextPage(name, storage);
    expect(await again.loadMap('m')).toEqual({ kind: 'ok', doc: map });
    expect(storage.keys()).toEqual([]);
  });

  it('when Web Storage is full, writeBatchNow still writes to IndexedDB', async () => {
    const storage = new MemoryStorage();
    const repo = nextPage(dbName(), storage);
    const map = makeMap({ id: 'm' });
    await repo.saveMap(map);
    storage.full = true;
    const edited = { ...map, title: 'Khách hàng thấy bài đăng' };
    await repo.writeBatchNow({ maps: [edited], personas: [] });
    expect(storage.keys()).toEqual([]);
    expect(await repo.loadMap('m')).toEqual({ kind: 'ok', doc: edited });
  });
});
