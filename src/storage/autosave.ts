/**
 * The autosave queue. Edits are queued per document and written together: only the
 * latest version of each document, all of them in one read-write transaction per flush
 * (one IndexedDB commit instead of one per keystroke).
 *
 * Rules (architecture.md, "Storage"):
 * - Nothing is written before markLoaded(): until the first load finishes, the queue
 *   holds, so an empty or half-built document cannot overwrite what is stored.
 * - The first change after a quiet spell is written at once (on the next task, so the
 *   changes of one gesture still share a write); changes that follow are throttled to
 *   one write every `delayMs` (a throttle, not a debounce: continuous typing still
 *   saves). So an edit is on disk within the write's own time after a pause, and within
 *   `delayMs` plus that while edits keep coming; a crash (where no page-hide handler
 *   runs) loses at most that window. flush() and page hide write at once.
 * - A failed write keeps its documents (newer edits of the same document win) and is
 *   retried with backoff; the status says 'error' with the message until a write
 *   succeeds (`errorMessage`, for the interface to word). Work is never silently dropped.
 * - Read-only documents (saved by a newer version) are refused at the door:
 *   enqueueMap(doc, { readOnly: true }) returns false and queues nothing. The writer
 *   also refuses to overwrite a newer record, as a second line of defence.
 * - When the page is hidden or left, flushNow() first hands everything unsaved to the
 *   synchronous writer (`writeNow`), whose transaction is committed before the handler
 *   returns, then flushes as usual. A page that unloads never finishes an asynchronous
 *   write: without this, the last ~300 ms of edits were lost on every reload.
 */
import type { Message } from '../i18n/message';
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
  /** The last failure, while state is 'error': what the interface shows (`say(i18n, status.errorMessage)`). */
  errorMessage: Message | null;
  /** The same in English, for logs. */
  error: string | null;
  errorKind: StorageErrorKind | null;
  loaded: boolean;
  /** When the last write succeeded (the `now` clock), or null. */
  lastSavedAt: number | null;
}

export interface AutosaveOptions {
  /** Writes one batch, all or nothing (the default writer uses one Dexie 'rw' transaction). */
  write(batch: AutosaveBatch): Promise<void>;
  /**
   * Starts writing one batch synchronously (every request issued and the commit asked for
   * before it returns), or returns null when it cannot do so safely; used at page hide.
   * It must keep write's rules (never over a newer version's record). It may abort the write
   * on its way (whose documents the batch includes): that write's failure is not reported.
   */
  writeNow?(batch: AutosaveBatch): Promise<void> | null;
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
  /**
   * For page hide / unload: starts a synchronous write of everything not yet stored (queued,
   * or in a write still on its way), then flushes as usual. Writes nothing before markLoaded.
   */
  flushNow(): Promise<void>;
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
  // The batch of the write on its way: if the page goes away first, flushNow writes it again.
  let inflightBatch: { maps: Map<string, JourneyMap>; personas: Map<string, Persona> } | null = null;
  // The maps batch of a write that flushNow's synchronous write replaced (see flushNow).
  let superseded: Map<string, JourneyMap> | null = null;
  let failures = 0;
  // When the last write started: the throttle counts from there.
  let lastWriteAt: number | null = null;
  const listeners = new Set<(status: AutosaveStatus) => void>();
  let current: AutosaveStatus = { state: 'saved', pending: 0, errorMessage: null, error: null, errorKind: null, loaded: false, lastSavedAt: null };

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

  /**
   * Starts the flush timer unless one (a flush or a retry) is already waiting: at once after a
   * quiet spell of delayMs, else delayMs after the last write started.
   */
  function schedule(): void {
    if (disposed || !loaded || timer !== null || pendingCount() === 0) return;
    setTimer(lastWriteAt === null ? 0 : Math.max(0, lastWriteAt + delayMs - now()));
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
    lastWriteAt = now();
    emit({ state: 'saving' });

    const run = (async () => {
      try {
        await options.write({ maps: [...batchMaps.values()], personas: [...batchPersonas.values()] });
        failures = 0;
        if (superseded === batchMaps) superseded = null;
        emit({ state: pendingCount() > 0 ? 'saving' : 'saved', errorMessage: null, error: null, errorKind: null, lastSavedAt: now() });
        schedule();
      } catch (err) {
        // Put the batch back under anything edited meanwhile (the newer edit wins).
        maps = new Map([...batchMaps, ...maps]);
        personas = new Map([...batchPersonas, ...personas]);
        // flushNow's write took this one's place (the writer may abort it to do so): not a
        // failure to show; the flush that follows writes the batch again and reports.
        if (superseded === batchMaps) {
          superseded = null;
          return;
        }
        const error = toStorageError(err);
        emit({ state: 'error', errorMessage: error.descriptor, error: error.message, errorKind: error.kind });
        const delay = retryDelays[Math.min(failures, retryDelays.length - 1)]!;
        failures++;
        // A newer version owns the record: retrying cannot succeed, so wait for the user (flush()) instead.
        if (!disposed && error.kind !== 'newer-version') setTimer(delay);
      }
    })();
    inflight = run;
    inflightBatch = { maps: batchMaps, personas: batchPersonas };
    try {
      await run;
    } finally {
      inflight = null;
      inflightBatch = null;
    }
  }

  function flushNow(): Promise<void> {
    if (loaded && !disposed && options.writeNow) {
      // The newest version of each document: what is queued wins over what is being written.
      const unsaved = {
        maps: new Map([...(inflightBatch?.maps ?? []), ...maps]),
        personas: new Map([...(inflightBatch?.personas ?? []), ...personas]),
      };
      if (unsaved.maps.size + unsaved.personas.size > 0) {
        try {
          // Its outcome does not change the status: the flush below writes the same documents
          // again through the normal writer, which reports, retries and tells other tabs.
          const started = options.writeNow({ maps: [...unsaved.maps.values()], personas: [...unsaved.personas.values()] });
          if (started) {
            superseded = inflightBatch?.maps ?? null;
            started.catch(() => undefined);
          }
        } catch {
          // A writer that throws instead of returning null: the flush below still runs.
        }
      }
    }
    return flush();
  }

  return {
    enqueueMap: (doc, opts) => enqueue(maps, doc.id, doc, opts),
    enqueuePersona: (persona, opts) => enqueue(personas, persona.id, persona, opts),
    flush,
    flushNow,
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
 * Writes at once when the page is hidden or left (tab switch, close, reload, mobile app
 * switch), the last moments a write can be started; flushNow commits it before the handler
 * returns. Returns the uninstall function.
 */
export function installLifecycleFlush(
  autosave: Pick<Autosave, 'flush'> & Partial<Pick<Autosave, 'flushNow'>>,
  target: { window?: Window; document?: Document } = {},
): () => void {
  const win = target.window ?? (typeof window === 'undefined' ? undefined : window);
  const doc = target.document ?? (typeof document === 'undefined' ? undefined : document);
  const now = () => void (autosave.flushNow ? autosave.flushNow() : autosave.flush());
  const onVisibility = () => {
    if (doc?.visibilityState === 'hidden') now();
  };
  // Capture: at the window, capturing listeners run before the others, and Dexie's own
  // pagehide listener closes its connections when the page enters the back/forward cache.
  win?.addEventListener('pagehide', now, { capture: true });
  doc?.addEventListener('visibilitychange', onVisibility);
  return () => {
    win?.removeEventListener('pagehide', now, { capture: true });
    doc?.removeEventListener('visibilitychange', onVisibility);
  };
}
