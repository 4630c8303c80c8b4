/**
 * The storage binding of the persona pages, on fake-indexeddb: deleting a persona unlinks it from
 * its maps (its path there becomes everyone's), and undo brings the links and the path back.
 */
import { describe, expect, it } from 'vitest';
import { createPersona } from '../../src/model/factory';
import { storagePersonaRepo } from '../../src/personas/storageRepo';
import * as storage from '../../src/storage';
import { twoPaths } from '../present/maps';

describe('storagePersonaRepo: deleting a persona and undoing it', () => {
  it('gives the persona back its links and its path on each map', async () => {
    storage.bindDatabase(`persona-repo-${Math.random()}`);
    const kevin = createPersona({ id: 'kevin', name: 'Kevin Smith' }, '2025-01-01T00:00:00.000Z');
    const mai = createPersona({ id: 'mai', name: 'Mai' }, '2025-01-01T00:00:00.000Z');
    await storage.savePersona(kevin);
    await storage.savePersona(mai);
    const map = twoPaths('kevin', 'mai');
    await storage.saveMap(map);
    const pathOf = async (personaId: string) => {
      const loaded = await storage.loadMap(map.id);
      if (loaded.kind !== 'ok') throw new Error(loaded.kind);
      return { linked: loaded.doc.personaIds.includes(personaId), arrows: loaded.doc.connections.filter((k) => k.personaId === personaId).map((k) => k.id) };
    };
    const before = await pathOf('kevin');
    expect(before.arrows).toHaveLength(1);

    const deleted = await storagePersonaRepo.remove('kevin');
    expect(deleted.mapIds).toEqual([map.id]);
    expect(await pathOf('kevin')).toEqual({ linked: false, arrows: [] });
    expect((await pathOf('mai')).arrows).toHaveLength(1); // another persona's path is untouched

    await storagePersonaRepo.undoRemove(deleted);
    expect(await pathOf('kevin')).toEqual(before);
    expect((await storage.loadPersona('kevin')).kind).toBe('ok');
  });
});
