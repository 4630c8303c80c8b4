/**
 * The open map's autosave: one storage queue per editor session. Every committed change
 * is queued; the queue writes about every 300 ms in one transaction, at once when the
 * page is hidden or left, and when the editor closes. Its status feeds the editor's
 * "Saved" / "Saving…" / error indicator.
 */
import { useCallback, useEffect, useState } from 'react';
import type { SaveStatus } from '../editor/Editor';
import type { JourneyMap } from '../model/schema';
import { applyDrafts, onTypingSettled } from '../editor/drafts';
import { createStorageAutosave, installLifecycleFlush, type Autosave } from '../storage';

export interface MapAutosave {
  onChange(doc: JourneyMap): void;
  saveStatus: SaveStatus;
  /** Writes what is queued now; resolves when it is stored (or has failed, which the status shows). */
  flush(): Promise<void>;
}

export function useMapAutosave(readOnly: boolean): MapAutosave {
  // Created once per editor session; the page that owns it is remounted for another map.
  const [autosave] = useState<Autosave>(() => createStorageAutosave());
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ state: 'saved' });

  useEffect(() => {
    // The map was loaded before this editor mounted: writing may start.
    autosave.markLoaded();
    const stop = autosave.subscribe((s) => setSaveStatus({ state: s.state, error: s.error }));
    // At page hide, text still being typed in place goes into the document (and so into the
    // queue) first, then the queue is written synchronously: a reload keeps what was typed.
    const uninstall = installLifecycleFlush({
      flush: () => autosave.flush(),
      flushNow: () => {
        applyDrafts();
        return autosave.flushNow();
      },
    });
    // Enter (or leaving the field) after typing is written at once, not after the queue's throttle.
    const unsettle = onTypingSettled(() => void autosave.flush());
    return () => {
      stop();
      uninstall();
      unsettle();
      // Flush, not drop: leaving the map (back button, another route) keeps every change.
      void autosave.flush();
    };
  }, [autosave]);

  const onChange = useCallback((doc: JourneyMap) => void autosave.enqueueMap(doc, { readOnly }), [autosave, readOnly]);
  const flush = useCallback(() => autosave.flush(), [autosave]);
  return { onChange, saveStatus, flush };
}
