import { useCallback, useEffect, useRef, useState } from 'react';
import type { Persona } from '../model/schema';
import type { SaveState } from './repo';

export const SAVE_DELAY_MS = 400;

export interface AutosaveOptions {
  delay?: number;
  /**
   * Starts a write that is committed before it returns (see writeBatchNow in src/storage),
   * for page hide: an unloading page never finishes an asynchronous save.
   */
  saveNow?: (persona: Persona) => unknown;
}

export interface Autosave {
  state: SaveState;
  /** What the last write failed with (for the page to word), while `state` is 'error'. */
  error: unknown;
  /** Queues the persona; it is written after a short pause in typing. */
  schedule(persona: Persona): void;
  /** Writes what is queued now (and retries a failed write). */
  flush(): Promise<void>;
}

/**
 * Debounced saving of one persona: the last version wins, a failed write is kept and
 * shown (never silently dropped), and what is queued is written at once when the page
 * is hidden or closed (synchronously with saveNow, then as usual), or when the editor goes away.
 */
export function useAutosave(save: (persona: Persona) => Promise<void>, { delay = SAVE_DELAY_MS, saveNow }: AutosaveOptions = {}): Autosave {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<unknown>(null);
  const pending = useRef<Persona | null>(null);
  const timer = useRef<number | null>(null);
  const running = useRef<Promise<void> | null>(null);
  // The version being written: written again at page hide if the page may not live to finish it.
  const writing = useRef<Persona | null>(null);
  const alive = useRef(true);
  const saveRef = useRef(save);
  const saveNowRef = useRef(saveNow);
  useEffect(() => {
    saveRef.current = save;
    saveNowRef.current = saveNow;
  });

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    // One write at a time: a second flush waits for the first, then writes what is newer.
    while (running.current) await running.current;
    const doc = pending.current;
    if (!doc) return;
    pending.current = null;
    if (alive.current) setState('saving');
    const write = saveRef.current(doc).then(
      () => {
        if (!alive.current) return;
        setError(null);
        setState(pending.current ? 'saving' : 'saved');
      },
      (err: unknown) => {
        // Keep it for the next try unless something newer is already queued.
        pending.current ??= doc;
        if (!alive.current) return;
        setError(err);
        setState('error');
      },
    );
    running.current = write;
    writing.current = doc;
    try {
      await write;
    } finally {
      running.current = null;
      writing.current = null;
    }
  }, []);

  const schedule = useCallback(
    (persona: Persona) => {
      pending.current = persona;
      setState((s) => (s === 'error' ? s : 'saving'));
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delay);
    },
    [flush, delay],
  );

  useEffect(() => {
    alive.current = true;
    const now = () => void flush();
    const hidden = () => {
      const unsaved = pending.current ?? writing.current;
      if (unsaved) {
        try {
          saveNowRef.current?.(unsaved);
        } catch {
          // The flush below still runs and reports.
        }
      }
      now();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') hidden();
    };
    // Capture: it runs before Dexie's own pagehide listener, which may close the database.
    window.addEventListener('pagehide', hidden, { capture: true });
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', hidden, { capture: true });
      document.removeEventListener('visibilitychange', onVisibility);
      alive.current = false;
      now();
    };
  }, [flush]);

  return { state, error, schedule, flush };
}
