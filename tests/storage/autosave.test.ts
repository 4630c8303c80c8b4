import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JourneyMap, Persona } from '../../src/model/schema';
import {
  STORAGE_MESSAGES,
  StorageError,
  createAutosave,
  installLifecycleFlush,
  type AutosaveBatch,
  type AutosaveState,
} from '../../src/storage';
import { freshRepo, makeMap, makePersona } from './helpers';

function recorder(fail: (n: number) => unknown = () => undefined) {
  const batches: AutosaveBatch[] = [];
  let calls = 0;
  const write = vi.fn(async (batch: AutosaveBatch) => {
    const error = fail(++calls);
    if (error) throw error;
    batches.push(batch);
  });
  return { write, batches };
}

const titles = (b: AutosaveBatch) => ({ maps: b.maps.map((m) => `${m.id}:${m.title}`), personas: b.personas.map((p) => `${p.id}:${p.name}`) });
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('autosave (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('holds everything until markLoaded', async () => {
    const { write } = recorder();
    const autosave = createAutosave({ write });
    autosave.enqueueMap(makeMap({ title: 'early' }));
    await vi.advanceTimersByTimeAsync(5_000);
    await autosave.flush();
    expect(write).not.toHaveBeenCalled();
    expect(autosave.status()).toMatchObject({ state: 'saving', pending: 1, loaded: false });

    autosave.markLoaded();
    await vi.advanceTimersByTimeAsync(300);
    expect(write).toHaveBeenCalledTimes(1);
    expect(autosave.status()).toMatchObject({ state: 'saved', pending: 0 });
  });

  it('writes only the latest version of each document, all in one batch per flush', async () => {
    const { write, batches } = recorder();
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    for (const t of ['v1', 'v2', 'v3']) autosave.enqueueMap(makeMap({ id: 'a', title: t }));
    autosave.enqueueMap(makeMap({ id: 'b', title: 'only' }));
    autosave.enqueuePersona(makePersona({ id: 'p', name: 'first' }));
    autosave.enqueuePersona(makePersona({ id: 'p', name: 'second' }));
    expect(write).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(1);
    expect(titles(batches[0]!)).toEqual({ maps: ['a:v3', 'b:only'], personas: ['p:second'] });
  });

  it('writes the first change after a quiet spell at once, and throttles the ones that follow', async () => {
    const { write, batches } = recorder();
    const autosave = createAutosave({ write, delayMs: 300 });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap({ title: 'first' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(1);

    await vi.advanceTimersByTimeAsync(100);
    autosave.enqueueMap(makeMap({ title: 'soon after' }));
    await vi.advanceTimersByTimeAsync(199);
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(2);
    expect(titles(batches[1]!).maps).toEqual(['fx-map-1:soon after']);

    // A quiet spell again: the next change does not wait.
    await vi.advanceTimersByTimeAsync(1_000);
    autosave.enqueueMap(makeMap({ title: 'after a pause' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(3);
  });

  it('saves about every delayMs while edits keep coming (a throttle, not a debounce)', async () => {
    const { write } = recorder();
    const autosave = createAutosave({ write, delayMs: 300 });
    autosave.markLoaded();
    for (let i = 0; i < 10; i++) {
      autosave.enqueueMap(makeMap({ title: `t${i}` }));
      await vi.advanceTimersByTimeAsync(100);
    }
    // At once, then at 300, 600 and 900 ms.
    expect(write).toHaveBeenCalledTimes(4);
  });

  it('never queues a read-only document', async () => {
    const { write } = recorder();
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    expect(autosave.enqueueMap(makeMap(), { readOnly: true })).toBe(false);
    expect(autosave.enqueuePersona(makePersona(), { readOnly: true })).toBe(false);
    expect(autosave.status().pending).toBe(0);
    await autosave.flush();
    expect(write).not.toHaveBeenCalled();
  });

  it('keeps a failed batch, reports "error" with the message, retries, merges newer edits, then "saved"', async () => {
    const { write, batches } = recorder((n) => (n === 1 ? quota() : undefined));
    const autosave = createAutosave({ write });
    const states: AutosaveState[] = [];
    autosave.subscribe((s) => {
      if (states.at(-1) !== s.state) states.push(s.state);
    });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap({ id: 'a', title: 'one' }));
    autosave.enqueueMap(makeMap({ id: 'b', title: 'kept' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(autosave.status()).toMatchObject({ state: 'error', errorKind: 'quota', error: STORAGE_MESSAGES.quota, pending: 2 });

    autosave.enqueueMap(makeMap({ id: 'a', title: 'two' }));
    expect(autosave.status().state).toBe('error');
    await vi.advanceTimersByTimeAsync(499);
    expect(write).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(write).toHaveBeenCalledTimes(2);
    expect(titles(batches[0]!).maps.sort()).toEqual(['a:two', 'b:kept']);
    expect(autosave.status()).toMatchObject({ state: 'saved', error: null, pending: 0 });
    expect(states).toEqual(['saved', 'saving', 'error', 'saving', 'saved']);
  });

  it('backs off 500, 1000, 2000, 5000, 5000 ms between retries', async () => {
    const { write } = recorder(() => new Error('disk on fire'));
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap());
    await vi.advanceTimersByTimeAsync(0);
    const at: number[] = [];
    for (const wait of [500, 1000, 2000, 5000, 5000]) {
      await vi.advanceTimersByTimeAsync(wait - 1);
      at.push(write.mock.calls.length);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(at).toEqual([1, 2, 3, 4, 5]);
    expect(write).toHaveBeenCalledTimes(6);
    expect(autosave.status()).toMatchObject({ state: 'error', errorKind: 'unknown', pending: 1 });
  });

  it('does not retry on its own when a newer version owns the record, but keeps the work', async () => {
    const { write } = recorder(() => new StorageError('newer-version'));
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(write).toHaveBeenCalledTimes(1);
    expect(autosave.status()).toMatchObject({ state: 'error', errorKind: 'newer-version', pending: 1 });
  });

  it('flushes at once on pagehide and when the page is hidden', async () => {
    const { write } = recorder();
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    const uninstall = installLifecycleFlush(autosave);

    autosave.enqueueMap(makeMap({ title: 'a' }));
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(1);

    autosave.enqueueMap(makeMap({ title: 'b' }));
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(2);
    visibility.mockRestore();

    uninstall();
    autosave.enqueueMap(makeMap({ title: 'c' }));
    window.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(0);
    expect(write).toHaveBeenCalledTimes(2);
  });

  it('at page hide, hands everything unsaved to the synchronous writer before the handler returns, then flushes as usual', async () => {
    let release: () => void = () => {};
    const written: string[][] = [];
    const write = vi.fn(async (batch: AutosaveBatch) => {
      written.push(batch.maps.map((m) => `${m.id}:${m.title}`));
      if (written.length === 1) await new Promise<void>((r) => (release = r));
    });
    const now: string[][] = [];
    const writeNow = vi.fn((batch: AutosaveBatch) => {
      now.push(batch.maps.map((m) => `${m.id}:${m.title}`).sort());
      return Promise.resolve();
    });
    const autosave = createAutosave({ write, writeNow });
    const uninstall = installLifecycleFlush(autosave);

    // Nothing before the first load finished, not even at page hide.
    autosave.enqueueMap(makeMap({ id: 'a', title: 'early' }));
    window.dispatchEvent(new Event('pagehide'));
    expect(writeNow).not.toHaveBeenCalled();
    autosave.markLoaded();

    // A write is on its way (slow); then more edits; then the page hides.
    const slow = autosave.flush();
    autosave.enqueueMap(makeMap({ id: 'a', title: 'newer' }));
    autosave.enqueueMap(makeMap({ id: 'b', title: 'new' }));
    window.dispatchEvent(new Event('pagehide'));
    // Synchronously, in the handler: the newest version of everything not yet stored.
    expect(now).toEqual([['a:newer', 'b:new']]);

    release();
    await slow;
    await vi.advanceTimersByTimeAsync(0);
    // The normal writer still runs (it reports, retries and tells other tabs).
    expect(written).toEqual([['a:early'], ['a:newer', 'b:new']]);
    expect(autosave.status()).toMatchObject({ state: 'saved', pending: 0 });

    // With nothing unsaved, the synchronous writer is not called.
    window.dispatchEvent(new Event('pagehide'));
    expect(writeNow).toHaveBeenCalledTimes(1);
    uninstall();
  });

  it('a synchronous writer that cannot write (null) or fails changes nothing: the normal flush saves', async () => {
    const { write, batches } = recorder();
    const writeNow = vi.fn<(batch: AutosaveBatch) => Promise<void> | null>().mockReturnValueOnce(null).mockRejectedValueOnce(quota());
    const autosave = createAutosave({ write, writeNow });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap({ id: 'a', title: 'one' }));
    await autosave.flushNow();
    autosave.enqueueMap(makeMap({ id: 'a', title: 'two' }));
    await autosave.flushNow();
    expect(writeNow).toHaveBeenCalledTimes(2);
    expect(batches.map((b) => titles(b).maps)).toEqual([['a:one'], ['a:two']]);
    expect(autosave.status()).toMatchObject({ state: 'saved', pending: 0, error: null });
  });

  it('dispose writes what is queued, then stops', async () => {
    const { write } = recorder();
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap());
    await autosave.dispose();
    expect(write).toHaveBeenCalledTimes(1);
  });

  it('one write at a time: a flush during a write waits, then writes the newer version', async () => {
    let release: () => void = () => {};
    const seen: string[] = [];
    const write = vi.fn(async (batch: AutosaveBatch) => {
      seen.push(...batch.maps.map((m) => m.title));
      if (seen.length === 1) await new Promise<void>((r) => (release = r));
    });
    const autosave = createAutosave({ write });
    autosave.markLoaded();
    autosave.enqueueMap(makeMap({ title: 'first' }));
    const first = autosave.flush();
    autosave.enqueueMap(makeMap({ title: 'second' }));
    const second = autosave.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(['first']);
    release();
    await Promise.all([first, second]);
    expect(seen).toEqual(['first', 'second']);
    expect(autosave.status().state).toBe('saved');
  });
});

describe('autosave with the Dexie writer (real timers)', () => {
  it('one read-write transaction per flush, containing only the latest versions', async () => {
    const repo = freshRepo();
    const transaction = vi.spyOn(repo.db, 'transaction');
    const autosave = createAutosave({ write: (batch) => repo.writeBatch(batch) });
    autosave.markLoaded();
    let map: JourneyMap = makeMap({ id: 'm' });
    let persona: Persona = makePersona({ id: 'p' });
    for (let i = 0; i < 5; i++) {
      map = { ...map, title: `title ${i}` };
      persona = { ...persona, name: `name ${i}` };
      autosave.enqueueMap(map);
      autosave.enqueuePersona(persona);
    }
    await autosave.flush();
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(transaction.mock.calls[0]![0]).toBe('rw');
    expect(await repo.loadMap('m')).toEqual({ kind: 'ok', doc: map });
    expect(await repo.loadPersona('p')).toEqual({ kind: 'ok', doc: persona });
    await autosave.dispose();
  });

  it('flushNow with the repository writers: the map is stored by the synchronous write alone', async () => {
    const repo = freshRepo();
    const map = makeMap({ id: 'm' });
    await repo.saveMap(map);
    // The asynchronous writer never finishes, as on a page that is unloading.
    const autosave = createAutosave({ write: () => new Promise<void>(() => {}), writeNow: (batch) => repo.writeBatchNow(batch) });
    autosave.markLoaded();
    const edited = { ...map, title: 'last keystroke' };
    autosave.enqueueMap(edited);
    void autosave.flushNow();
    await vi.waitFor(async () => expect(await repo.loadMap('m')).toEqual({ kind: 'ok', doc: edited }));
  });

  it('a write on its way when the page hides gives way to the synchronous write: no error shown, the newest version stored', async () => {
    const repo = freshRepo();
    const map = makeMap({ id: 'm', title: 'first' });
    await repo.saveMap(map);
    const autosave = createAutosave({ write: (batch) => repo.writeBatch(batch), writeNow: (batch) => repo.writeBatchNow(batch) });
    const states: AutosaveState[] = [];
    autosave.subscribe((s) => states.push(s.state));
    autosave.markLoaded();
    autosave.enqueueMap({ ...map, title: 'on its way' });
    const writing = autosave.flush();
    // The write has opened its transaction and waits for its read: the page hides now.
    await vi.waitFor(() => expect(repo.db.maps.get('m')).resolves.toBeDefined());
    autosave.enqueueMap({ ...map, title: 'last' });
    const hidden = autosave.flushNow();
    await writing;
    await hidden;
    expect(states).not.toContain('error');
    expect(autosave.status()).toMatchObject({ state: 'saved', pending: 0, error: null });
    expect(await repo.loadMap('m')).toMatchObject({ kind: 'ok', doc: { title: 'last' } });
  });

  it('a quota failure inside the transaction shows the quota message and nothing is lost', async () => {
    const repo = freshRepo();
    const autosave = createAutosave({ write: (batch) => repo.writeBatch(batch), retryDelaysMs: [60_000] });
    autosave.markLoaded();
    const put = vi.spyOn(repo.db.maps, 'bulkPut').mockRejectedValueOnce(quota());
    const map = makeMap({ id: 'q' });
    autosave.enqueueMap(map);
    await autosave.flush();
    expect(autosave.status()).toMatchObject({ state: 'error', errorKind: 'quota', error: STORAGE_MESSAGES.quota, pending: 1 });
    expect(await repo.loadMap('q')).toEqual({ kind: 'missing' });
    await autosave.flush();
    expect(put).toHaveBeenCalledTimes(2);
    expect(autosave.status().state).toBe('saved');
    expect(await repo.loadMap('q')).toEqual({ kind: 'ok', doc: map });
    await autosave.dispose();
  });
});
