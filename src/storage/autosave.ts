/**
 * The autosave queue. Edits are queued per document and written together: only the
 * latest version of each document, all of them in one read-write transaction per flush
 * (one IndexedDB commit instead of one per keystroke).
 *
 * Rules (architecture.md, "Storage"):
 * - Nothing is written before markLoaded(): until the first load finishes, the queue
 *   holds, so an empty or half-built document cannot overwrite what is stored.
 * - Flushes happen about every `delayMs` while edits come in (a throttle, not a
 *   debounce: continuous typing still saves), and at once on flush() / page hide.
 * - A failed write keeps its documents (newer edits of the same document win) and is
 *   retried with backoff; the status says 'error' with the message until a write
 *   succeeds. Work is never silently dropped.
 * - Read-only documents (saved by a newer version) are refused at the door:
 *   enqueueMap(doc, { readOnly: true }) returns false and queues nothing. The writer
 *   also refuses to overwrite a newer record, as a second line of defence.
 */
import type { JourneyMap, Persona } from '../model/schema';
import { toStorageError, type StorageErrorKind } from './errors';

export interface AutosaveBatch {
  maps: JourneyMap[];
  personas: Persona[];
}

export type AutosaveState = 'saved' | 'saving' | 'error';

export interface AutosaveStatus {
  /** 'saving' while anything is queued or being written; 'error' until a failed write succeeds. */
  state: AutosaveState;
  /** Documents waiting to be written (held before markLoaded, queued, or kept after a failure). */
  pending: number;
  /** The plain-language message of the last failure, while state is 'error'. */
  error: string | null;
  errorKind: StorageErrorKind | null;
  loaded: boolean;
  /** When the last write succeeded (the `now` clock), or null. */
  lastSavedAt: number | null;
}

export interface AutosaveOptions {
  /** Writes one batch, all or nothing (the default writer uses one Dexie 'rw' transaction). */
  write(batch: AutosaveBatch): Promise<void>;
  delayMs?: number;
  /** Waits before each retry after a failure; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => number;
}

export interface EnqueueOptions {
  /** The document is read-only (newer schema): it is not queued. */
  readOnly?: boolean;
}

export interface Autosave {
  /** Queues the map; returns false (and queues nothing) for a read-only document. */
  enqueueMap(doc: JourneyMap, options?: EnqueueOptions): boolean;
  enqueuePersona(persona: Persona, options?: EnqueueOptions): boolean;
  /** Writes everything queued now; resolves when done (a failure shows in status(), it does not reject). */
  flush(): Promise<void>;
  /** The first load finished: writing may start. */
  markLoaded(): void;
  status(): AutosaveStatus;
  subscribe(listener: (status: AutosaveStatus) => void): () => void;
  /** Flushes what is queued, then stops timers and listeners. */
  dispose(): Promise<void>;
}

export const DEFAULT_DELAY_MS = 300;
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [500, 1000, 2000, 5000];

export function createAutosave(options: AutosaveOptions): Autosave {
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS;
  const retryDelays = options.retryDelaysMs?.length ? options.retryDelaysMs : DEFAULT_RETRY_DELAYS_MS;
  const now = options.now ?? Date.now;

  let maps = new Map<string, JourneyMap>();
  let personas = new Map<string, Persona>();
  let loaded = false;
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let inflight: Promise<void> | null = null;
  let failures = 0;
  const listeners = new Set<(status: AutosaveStatus) => void>();
  let current: AutosaveStatus = { state: 'saved', pending: 0, error: null, errorKind: null, loaded: false, lastSavedAt: null };

  const pendingCount = () => maps.size + personas.size;

  function emit(patch: Partial<AutosaveStatus>): void {
    current = { ...current, ...patch, pending: pendingCount(), loaded };
    for (const listener of [...listeners]) listener(current);
  }

  function setTimer(delay: number): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void flush();
    }, delay);
  }

  /** Starts the flush timer unless one (a flush or a retry) is already waiting. */
  function schedule(): void {
    if (disposed || !loaded || timer !== null || pendingCount() === 0) return;
    setTimer(delayMs);
  }

  function enqueue<T>(queue: Map<string, T>, id: string, doc: T, opts?: EnqueueOptions): boolean {
    if (opts?.readOnly) return false;
    queue.set(id, doc);
    // An error stays visible until a write succeeds; otherwise there is now unsaved work.
    emit(current.state === 'error' ? {} : { state: 'saving' });
    schedule();
    return true;
  }

  async function flush(): Promise<void> {
    if (timer !== null) {
      clearTimeout(timer);
      timer = null;
    }
    if (!loaded) return;
    // One write at a time: a later flush waits, then writes whatever is newer.
    while (inflight) await inflight;
    if (pendingCount() === 0) return;

    const batchMaps = maps;
    const batchPersonas = personas;
    maps = new Map();
    personas = new Map();
    emit({ state: 'saving' });

    const run = (async () => {
      try {
        await options.write({ maps: [...batchMaps.values()], personas: [...batchPersonas.values()] });
        failures = 0;
        emit({ state: pendingCount() > 0 ? 'saving' : 'saved', error: null, errorKind: null, lastSavedAt: now() });
        schedule();
      } catch (err) {
        // Put the batch back under anything edited meanwhile (the newer edit wins).
        maps = new Map([...batchMaps, ...maps]);
        personas = new Map([...batchPersonas, ...personas]);
        const error = toStorageError(err);
        emit({ state: 'error', error: error.message, errorKind: error.kind });
        const delay = retryDelays[Math.min(failures, retryDelays.length - 1)]!;
        failures++;
        // A newer version owns the record: retrying cannot succeed, so wait for the user (flush()) instead.
        if (!disposed && error.kind !== 'newer-version') setTimer(delay);
      }
    })();
    inflight = run;
    try {
      await run;
    } finally {
      inflight = null;
    }
  }

  return {
    enqueueMap: (doc, opts) => enqueue(maps, doc.id, doc, opts),
    enqueuePersona: (persona, opts) => enqueue(personas, persona.id, persona, opts),
    flush,
    markLoaded() {
      if (loaded) return;
      loaded = true;
      emit({});
      schedule();
    },
    status: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async dispose() {
      await flush();
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      listeners.clear();
    },
  };
}

/**
 * Flushes at once when the page is hidden or left (tab switch, close, mobile app switch),
 * the last moments a write is likely to complete. Returns the uninstall function.
 */
export function installLifecycleFlush(
  autosave: Pick<Autosave, 'flush'>,
  target: { window?: Window; document?: Document } = {},
): () => void {
  const win = target.window ?? (typeof window === 'undefined' ? undefined : window);
  const doc = target.document ?? (typeof document === 'undefined' ? undefined : document);
  const now = () => void autosave.flush();
  const onVisibility = () => {
    if (doc?.visibilityState === 'hidden') now();
  };
  win?.addEventListener('pagehide', now);
  doc?.addEventListener('visibilitychange', onVisibility);
  return () => {
    win?.removeEventListener('pagehide', now);
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}
