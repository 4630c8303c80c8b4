/**
 * One editor per map across the browser's tabs. Two tabs that both edit and autosave the
 * same map would silently overwrite each other's changes; with a Web Lock per map, the
 * second tab shows the map read-only and waits in line. When the first tab closes or
 * leaves the map, the lock passes to the waiting tab, which reloads the map (with the
 * other tab's last changes) and becomes editable.
 */
import { useEffect, useState } from 'react';
import { mapLockName as lockName } from '../storage';

export type EditLockState = 'acquiring' | 'held' | 'waiting' | 'unsupported';

/**
 * 'held' while this tab may edit the map; 'waiting' while another tab holds it; 'unsupported'
 * where the browser has no Web Locks (editing is allowed, as before the lock existed).
 * `generation` counts the times the lock was granted, so the caller can reload the document.
 */
export function useEditLock(mapId: string, enabled: boolean): { state: EditLockState; generation: number } {
  const supported = typeof navigator !== 'undefined' && 'locks' in navigator && !!navigator.locks;
  const [state, setState] = useState<EditLockState>(supported ? 'acquiring' : 'unsupported');
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!enabled || !supported) return;
    const abort = new AbortController();
    let release: (() => void) | null = null;
    const hold = () =>
      new Promise<void>((resolve) => {
        release = resolve;
        setState('held');
        setGeneration((g) => g + 1);
      });
    // First ask without waiting, to know at once whether another tab has the map.
    void navigator.locks
      .request(lockName(mapId), { ifAvailable: true }, (lock) => (lock ? hold() : null))
      .then(() => {
        if (abort.signal.aborted || release) return;
        setState('waiting');
        return navigator.locks.request(lockName(mapId), { signal: abort.signal }, hold);
      })
      .catch(() => undefined); // aborted on unmount
    return () => {
      abort.abort();
      (release as (() => void) | null)?.();
    };
  }, [mapId, enabled, supported]);

  return { state: enabled ? state : 'unsupported', generation };
}
