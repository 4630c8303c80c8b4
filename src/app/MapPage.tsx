/**
 * One map, at its own address, open in the editor. The page loads the map through the
 * restore chain, takes the map's edit lock (one editing tab at a time), and wires the
 * editor to the autosave queue. A map from a newer version, or one being edited in
 * another tab, is shown read-only and never written back. A shared map also syncs with its
 * team (./share), read-only when it was joined with a view link.
 */
import { useCallback, useEffect, useState } from 'react';
import { Editor } from '../editor/Editor';
import type { JourneyMap } from '../model/schema';
import { useEditLock, type EditLockState } from './editLock';
import { library, type OpenedMap } from './library';
import { MapHead } from './MapHead';
import { LIBRARY_HREF } from './route';
import { describeError, useStorageStatus } from './storageStatus';
import { useMapAutosave } from './useMapAutosave';
import { useSharedMap } from './share/useSharedMap';
import { TabPeers } from './TabPeers';
import { say } from '../i18n/message';
import { useI18n } from '../i18n/react';

export function MapPage({ mapId }: { mapId: string }) {
  const i18n = useI18n();
  const [opened, setOpened] = useState<OpenedMap | { kind: 'loading' }>({ kind: 'loading' });
  const report = useStorageStatus((s) => s.report);
  const lock = useEditLock(mapId, true);
  const lockKnown = lock.state !== 'acquiring';

  // Load once the lock's answer is known, and again each time the lock is granted after a
  // wait: the other tab's last changes are in storage by then.
  useEffect(() => {
    if (!lockKnown) return;
    let live = true;
    library.open(mapId).then(
      (result) => live && setOpened(result),
      (err) => {
        report(describeError(err));
        if (live) setOpened({ kind: 'missing' });
      },
    );
    return () => {
      live = false;
    };
  }, [mapId, report, lockKnown, lock.generation]);

  if (opened.kind === 'loading') return <p className="empty">{i18n._('mapPage.opening')}</p>;
  if (opened.kind === 'missing') {
    return (
      <section className="page">
        <h1>{i18n._('mapPage.missing.title')}</h1>
        <p>
          {i18n._('mapPage.missing.body')} <a href={LIBRARY_HREF}>{i18n._('app.backToMaps')}</a>
        </p>
      </section>
    );
  }
  if (opened.kind === 'invalid') {
    return (
      <section className="page">
        <h1>{i18n._('mapPage.invalid.title')}</h1>
        <p>{i18n._('mapPage.invalid.body')}</p>
        <ul>
          {opened.errors.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {say(i18n, e.message)}
            </li>
          ))}
        </ul>
        <p>
          <a href={LIBRARY_HREF}>{i18n._('app.backToMaps')}</a>
        </p>
      </section>
    );
  }
  if (opened.kind === 'newer' && !opened.doc) {
    return (
      <section className="page">
        <h1>{i18n._('mapPage.newer.title')}</h1>
        <p>{i18n._('mapPage.newer.body', { version: opened.version })}</p>
      </section>
    );
  }
  const doc = opened.doc as JourneyMap;
  const newer = opened.kind === 'newer';
  return (
    <MapEditorPage
      // A new editor session (history, autosave queue) for each document that was loaded.
      key={`${doc.id}:${doc.updatedAt}:${lock.generation}`}
      map={doc}
      newer={newer}
      lockState={lock.state}
    />
  );
}

function MapEditorPage({ map, newer, lockState }: { map: JourneyMap; newer: boolean; lockState: EditLockState }) {
  const i18n = useI18n();
  const shared = useSharedMap(map.id, !newer);
  // Two tabs of one map edit it together: a shared map's through its session (./share), any other
  // through TabPeers once the tab that has it open answers; until then this tab waits read-only.
  const [peered, setPeered] = useState(false);
  const onPeer = useCallback(() => setPeered(true), []);
  const tabRole = newer || shared.record !== null ? null : lockState === 'held' ? 'host' : lockState === 'waiting' ? 'guest' : null;
  const elsewhere = lockState === 'waiting' && !shared.record && !peered;
  const viewOnly = shared.record?.role === 'view';
  const readOnly = newer || elsewhere || viewOnly;
  // A view link's map still keeps the team's latest edits on this device.
  const { onChange, saveStatus, flush } = useMapAutosave(newer || elsewhere);
  if (shared.record === undefined) return null;
  return (
    <div className="map-page">
      {newer && (
        <p className="notice" role="note">
          {i18n._('mapPage.newer.notice')}
        </p>
      )}
      {elsewhere && (
        <p className="notice" role="note">
          {i18n._('mapPage.elsewhere')}
        </p>
      )}
      {viewOnly && !elsewhere && (
        <p className="notice" role="note">
          {i18n._('share.viewerNote')}
        </p>
      )}
      <Editor
        map={map}
        readOnly={readOnly}
        onChange={onChange}
        saveStatus={readOnly ? undefined : saveStatus}
        head={
          <>
            <MapHead flush={flush} shared={shared} />
            {tabRole && <TabPeers mapId={map.id} role={tabRole} onPeer={onPeer} />}
          </>
        }
      />
    </div>
  );
}
