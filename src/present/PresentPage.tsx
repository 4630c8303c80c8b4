/**
 * Route component for #/maps/<id>/present. The shell loads it lazily (React.lazy), so nothing in
 * src/present is in the start-up bundle. It loads the map, its personas and their photos (the
 * same read as print and export) and shows the presentation. The presenter view is the same
 * address opened in a window named for it (or with ?view=presenter), so it needs no route of its own.
 */
import { useEffect, useState } from 'react';
import { loadMapForExport, type LoadedForExport } from '../export/source';
import { Presentation, presenterWindowName, type PresentView } from './Presentation';

type State = LoadedForExport | { kind: 'loading' } | { kind: 'failed'; message: string };

function viewOf(mapId: string): PresentView {
  const query = window.location.hash.split('?')[1] ?? '';
  if (new URLSearchParams(query).get('view') === 'presenter') return 'presenter';
  return window.name === presenterWindowName(mapId) ? 'presenter' : 'audience';
}

export default function PresentPage({ mapId }: { mapId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [avatarUrls, setAvatarUrls] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    loadMapForExport(mapId).then(
      (loaded) => {
        if (!live) return;
        if (loaded.kind === 'ok' && typeof URL.createObjectURL === 'function') {
          const next: Record<string, string> = {};
          for (const [id, blob] of Object.entries(loaded.imageBlobs)) {
            const url = URL.createObjectURL(blob);
            urls.push(url);
            next[id] = url;
          }
          setAvatarUrls(next);
        }
        setState(loaded);
      },
      (err: unknown) => live && setState({ kind: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [mapId]);

  const back = `#/maps/${encodeURIComponent(mapId)}`;
  switch (state.kind) {
    case 'loading':
      return <p role="status">Preparing the presentation…</p>;
    case 'ok':
      return <Presentation map={state.map} personas={state.personas} avatarUrls={avatarUrls} backHref={back} view={viewOf(mapId)} />;
    default:
      return (
        <section>
          <h1>{state.kind === 'missing' ? 'Map not found' : 'This map cannot be presented'}</h1>
          {state.kind === 'missing' && <p>There is no map at this address in this browser.</p>}
          {state.kind === 'failed' && <p>{state.message}</p>}
          {state.kind === 'invalid' && (
            <ul>
              {state.errors.map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={state.kind === 'missing' ? '#/' : back}>{state.kind === 'missing' ? 'Back to your maps' : 'Back to the map'}</a>
          </p>
        </section>
      );
  }
}
