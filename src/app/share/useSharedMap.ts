/**
 * Whether the open map is shared, and its live session when it is. The record is read before
 * the editor shows (a view link's map opens read-only from the first frame); the sync code
 * (Yjs, the provider) loads only for a shared map, so an unshared one costs nothing more.
 */
import { useCallback, useEffect, useState } from 'react';
import { sharing, type ShareRecord } from '../../storage';
import type { SharedMapSession } from '../../sync/sharedMap';

export interface SharedMapState {
  /** undefined while the record is read. */
  record: ShareRecord | null | undefined;
  session: SharedMapSession | null;
  /** A map shared just now from this page: its session, already connected. */
  adopt(session: SharedMapSession): void;
  /** The record changed (new links issued). */
  update(record: ShareRecord): void;
}

export function useSharedMap(mapId: string, live: boolean): SharedMapState {
  const [record, setRecord] = useState<ShareRecord | null | undefined>(undefined);
  const [session, setSession] = useState<SharedMapSession | null>(null);

  useEffect(() => {
    let alive = true;
    sharing()
      .loadShare(mapId)
      .then(
        (r) => alive && setRecord(r ?? null),
        () => alive && setRecord(null),
      );
    return () => {
      alive = false;
    };
  }, [mapId]);

  // A map from a newer version takes no part (it is never written).
  const shareId = record ? `${record.server} ${record.secret}` : null;
  useEffect(() => {
    if (!live || !record || session) return;
    let alive = true;
    void import('../../sync/sharedMap').then((m) => alive && setSession(m.openSharedMap(record, sharing())));
    return () => {
      alive = false;
    };
    // The session follows the record's identity (server and secret), not each re-read of it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [live, shareId]);

  // Each session ends with the page (or when replaced): its last Y state is written on the way.
  useEffect(() => () => session?.close(), [session]);

  const adopt = useCallback((s: SharedMapSession) => {
    setRecord(s.share);
    setSession(s);
  }, []);
  const update = useCallback((r: ShareRecord) => setRecord(r), []);
  return { record, session, adopt, update };
}
