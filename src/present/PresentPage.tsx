/**
 * Route component for #/maps/<id>/present. The shell loads it lazily (React.lazy), so nothing in
 * src/present is in the start-up bundle. It loads the map, its personas and their photos (the
 * same read as print and export) and shows the presentation. The presenter view is the same
 * address opened in a window named for it (or with ?view=presenter), so it needs no route of its own.
 * The presentation speaks the map's language (its catalogue is loaded with the map); this page's own
 * messages before that, or without a map, the interface's.
 */
import { useEffect, useState } from 'react';
import { useMapForExport } from '../export/useMapForExport';
import { sharing } from '../storage';
import type { PresentationRoom } from '../sync/presentRoom';
import { say, sayError } from '../i18n/message';
import { I18nProvider, useI18n } from '../i18n/react';
import { Presentation, presenterWindowName, type PresentView } from './Presentation';

function viewOf(mapId: string): PresentView {
  const query = window.location.hash.split('?')[1] ?? '';
  if (new URLSearchParams(query).get('view') === 'presenter') return 'presenter';
  return window.name === presenterWindowName(mapId) ? 'presenter' : 'audience';
}

/** ?follow: this presentation follows whoever presents the shared map, instead of leading. */
function followsOf(): boolean {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '').has('follow');
}

/** A shared map's room for its presentation (follow the facilitator); null for a map that is not shared. */
function useRoom(mapId: string): PresentationRoom | null {
  const [room, setRoom] = useState<PresentationRoom | null>(null);
  useEffect(() => {
    let alive = true;
    let opened: PresentationRoom | null = null;
    void sharing()
      .loadShare(mapId)
      .then(async (share) => {
        if (!share || !alive) return;
        const { presentationRoom } = await import('../sync/presentRoom');
        if (!alive) return;
        opened = presentationRoom(share, followsOf());
        setRoom(opened);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
      opened?.close();
    };
  }, [mapId]);
  return room;
}

export default function PresentPage({ mapId }: { mapId: string }) {
  const i18n = useI18n();
  const { state, avatarUrls } = useMapForExport(mapId);
  const room = useRoom(mapId);

  const back = `#/maps/${encodeURIComponent(mapId)}`;
  switch (state.kind) {
    case 'loading':
      return <p role="status">{i18n._('present.route.loading')}</p>;
    case 'ok':
      return (
        <I18nProvider i18n={state.i18n}>
          <Presentation map={state.map} personas={state.personas} avatarUrls={avatarUrls} backHref={back} view={viewOf(mapId)} room={room ?? undefined} />
        </I18nProvider>
      );
    default:
      return (
        <section>
          <h1>{state.kind === 'missing' ? i18n._('present.route.missingTitle') : i18n._('present.route.cannotPresent')}</h1>
          {state.kind === 'missing' && <p>{i18n._('present.route.missing')}</p>}
          {state.kind === 'failed' && <p>{sayError(i18n, state.error)}</p>}
          {state.kind === 'invalid' && (
            <ul>
              {state.errors.map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {say(i18n, e.message)}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={state.kind === 'missing' ? '#/' : back}>
              {state.kind === 'missing' ? i18n._('present.route.backToMaps') : i18n._('present.route.backToMap')}
            </a>
          </p>
        </section>
      );
  }
}
