// @vitest-environment node
// Node's Blob (jsdom's cannot be stored in fake IndexedDB), and a stand-in navigator.locks.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import type { JourneyMap } from '../../src/model/schema';
import { MapBusyError, mapLockName, type Repository, type StoredDoc } from '../../src/storage';
import { fixture } from '../fixtures';
import { fakeLocks, freshRepo, makeMap, makePersona } from './helpers';

// Deleting a persona takes it out of every map in the same transaction, and undo puts it
// back in all of them in one: never halfway, and never while another tab edits one of them.

const locks = fakeLocks();

/** What the refusal says in the English interface. */
function said(err: unknown): string {
  if (!(err instanceof MapBusyError)) throw new Error(`expected a MapBusyError, got ${String(err)}`);
  return say(i18n, err.descriptor);
}

beforeEach(() => {
  vi.stubGlobal('navigator', { locks: locks.manager });
});
afterEach(() => {
  locks.held.clear();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

async function personaIdsOf(repo: Repository, mapId: string): Promise<string[]> {
  const r = await repo.loadMap(mapId);
  if (r.kind !== 'ok') throw new Error(r.kind);
  return r.doc.personaIds;
}

async function setup() {
  const repo = freshRepo();
  const imageId = await repo.putImage(new Blob(['png bytes'], { type: 'image/png' }));
  const persona = makePersona({ id: 'p', name: 'สมหญิง', avatarImageId: imageId });
  await repo.savePersona(persona);
  const maps: JourneyMap[] = [
    makeMap({ id: 'a', title: 'Car service', personaIds: ['p', 'other'], updatedAt: '2025-01-01T00:00:00.000Z' }),
    makeMap({ id: 'b', title: 'แผนที่', personaIds: ['p'], updatedAt: '2025-01-01T00:00:00.000Z' }),
    makeMap({ id: 'c', title: 'Not in it', personaIds: [], updatedAt: '2025-01-01T00:00:00.000Z' }),
  ];
  for (const m of maps) await repo.saveMap(m);
  return { repo, persona, imageId, maps };
}

describe('deletePersona with its links', () => {
  it('removes the persona, its photo and its links in one transaction; undo brings all back in one', async () => {
    const { repo, persona, imageId } = await setup();
    const transaction = vi.spyOn(repo.db, 'transaction');
    const token = await repo.deletePersona('p');
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(token).toMatchObject({ personaId: 'p', name: 'สมหญิง', mapIds: ['a', 'b'] });
    expect(await repo.loadPersona('p')).toEqual({ kind: 'missing' });
    expect(await repo.getImage(imageId)).toBeUndefined();
    expect(await personaIdsOf(repo, 'a')).toEqual(['other']);
    expect(await personaIdsOf(repo, 'b')).toEqual([]);
    const b = await repo.loadMap('b');
    expect(b.kind === 'ok' && b.doc.updatedAt).not.toBe('2025-01-01T00:00:00.000Z');

    transaction.mockClear();
    await repo.undoDeletePersona(token);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await repo.loadPersona('p')).toEqual({ kind: 'ok', doc: persona });
    expect((await repo.getImage(imageId))?.size).toBe(9);
    expect(await personaIdsOf(repo, 'a')).toEqual(['other', 'p']);
    expect(await personaIdsOf(repo, 'b')).toEqual(['p']);
    expect(await personaIdsOf(repo, 'c')).toEqual([]);
  });

  it('a failure inside the transaction changes nothing: every map keeps the persona', async () => {
    const { repo } = await setup();
    vi.spyOn(repo.db.personas, 'delete').mockRejectedValueOnce(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await expect(repo.deletePersona('p')).rejects.toMatchObject({ kind: 'quota' });
    expect(await personaIdsOf(repo, 'a')).toEqual(['p', 'other']);
    expect(await personaIdsOf(repo, 'b')).toEqual(['p']);
    expect((await repo.loadPersona('p')).kind).toBe('ok');
  });

  it('refuses plainly, changing nothing, while another tab edits a map that uses the persona', async () => {
    const { repo } = await setup();
    locks.held.add(mapLockName('b'));
    const err = await repo.deletePersona('p').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MapBusyError);
    expect(said(err)).toBe('“แผนที่” is open for editing in another tab. Close it first, then delete the persona.');
    expect(await personaIdsOf(repo, 'a')).toEqual(['p', 'other']);
    expect((await repo.loadPersona('p')).kind).toBe('ok');

    // Both busy: both named.
    locks.held.add(mapLockName('a'));
    expect(said(await repo.deletePersona('p').catch((e: unknown) => e))).toBe(
      '“Car service”, “แผนที่” are open for editing in another tab. Close them first, then delete the persona.',
    );
  });

  it('undo refuses plainly, restoring nothing, while another tab edits one of the maps; then works', async () => {
    const { repo, persona } = await setup();
    const token = await repo.deletePersona('p');
    locks.held.add(mapLockName('a'));
    const err = await repo.undoDeletePersona(token).catch((e: unknown) => e);
    expect(said(err)).toBe('“Car service” is open for editing in another tab. Close it first, then undo.');
    expect(await repo.loadPersona('p')).toEqual({ kind: 'missing' });
    expect(await personaIdsOf(repo, 'b')).toEqual([]);

    locks.held.clear();
    await repo.undoDeletePersona(token);
    expect(await repo.loadPersona('p')).toEqual({ kind: 'ok', doc: persona });
    expect(await personaIdsOf(repo, 'a')).toEqual(['other', 'p']);
  });

  it('undo skips a map deleted meanwhile; maps of a newer version are never touched', async () => {
    const { repo } = await setup();
    const newer = { ...(fixture('v99/map.json') as StoredDoc), personaIds: ['p'] };
    await repo.db.maps.put(newer);
    const token = await repo.deletePersona('p');
    expect(token.mapIds).toEqual(['a', 'b']);
    expect(await repo.db.maps.get(newer.id)).toEqual(newer);
    await repo.deleteMap('b');
    await repo.undoDeletePersona(token);
    expect(await personaIdsOf(repo, 'a')).toEqual(['other', 'p']);
    expect(await repo.loadMap('b')).toEqual({ kind: 'missing' });
  });
});
