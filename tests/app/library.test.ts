import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { library } from '../../src/app/library';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { describeError } from '../../src/app/storageStatus';
import * as storage from '../../src/storage';
import { fakeLocks, makeMap, makePersona } from '../storage/helpers';

// The library's writes to a map take the map's edit lock (Web Locks; a stand-in here, as
// jsdom has none), so a tab editing the map never writes it back over them.

const { held, manager } = fakeLocks();

beforeEach(() => {
  Object.defineProperty(navigator, 'locks', { value: manager, configurable: true });
  storage.bindDatabase(`library-${Math.random().toString(36).slice(2)}`);
});
afterEach(() => {
  held.clear();
  delete (navigator as { locks?: unknown }).locks;
});

describe('library.remove', () => {
  it('refuses plainly while another tab edits the map, and the map stays', async () => {
    const map = makeMap({ id: 'busy', title: 'Being edited' });
    await storage.saveMap(map);
    held.add(storage.mapLockName('busy'));

    const refusal = await library.remove('busy').catch((err: unknown) => err);
    expect(refusal).toBeInstanceOf(storage.MapBusyError);
    const problem = describeError(refusal);
    expect(problem.kind).toBe('busy');
    // As the banner says it in English.
    expect(typeof problem.message === 'string' ? problem.message : say(i18n, problem.message)).toBe(
      'This map is open for editing in another tab, so it was not deleted. Close it there first, then delete it here.',
    );
    expect(await storage.loadMap('busy')).toEqual({ kind: 'ok', doc: map });
    expect(await storage.listSnapshots('busy')).toEqual([]);
    // Rename says so in its own words too (not "Something went wrong").
    expect(describeError(await library.rename('busy', 'x').catch((err: unknown) => err)).kind).toBe('busy');

    // Once that tab lets go, the delete goes through and can be undone.
    held.clear();
    const deleted = await library.remove('busy');
    expect(await storage.loadMap('busy')).toEqual({ kind: 'missing' });
    await library.undoRemove([deleted]);
    expect(await storage.loadMap('busy')).toEqual({ kind: 'ok', doc: map });
  });
});

describe('library.watch', () => {
  it('shows persona names on the maps, and a renamed persona renames them without any map changing', async () => {
    await storage.savePersona(makePersona({ id: 'p', name: 'Kevin Smith' }));
    await storage.saveMap(makeMap({ id: 'm', personaIds: ['p'] }));
    const seen: string[][] = [];
    const stop = library.watch(
      (entries) => seen.push(entries.flatMap((e) => e.personaNames)),
      (err) => {
        throw err;
      },
    );
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['Kevin Smith']));
    await storage.savePersona(makePersona({ id: 'p', name: 'นายเควิน' }));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual(['นายเควิน']));
    stop();
  });
});
