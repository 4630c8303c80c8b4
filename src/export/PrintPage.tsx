/**
 * Route component for #/maps/<id>/print. Load it lazily so export code stays out of the start-up
 * bundle:  const PrintPage = React.lazy(() => import('../export/PrintPage'));
 * It loads the map, its personas and their photos through the storage repositories and renders the
 * print studio (paper size, orientation, fit to one page, cover page, Print / Save as PDF, Download PNG)
 * inside the page's <main> landmark.
 */
import { useEffect, useState } from 'react';
import { loadMapForExport, type LoadedForExport } from './source';
import { PrintStudio } from './PrintStudio';

export default function PrintPage({ mapId }: { mapId: string }) {
  const [state, setState] = useState<LoadedForExport | { kind: 'loading' } | { kind: 'failed'; message: string }>({ kind: 'loading' });
  const [avatarUrls, setAvatarUrls] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    loadMapForExport(mapId).then(
      (loaded) => {
        if (!live) return;
        if (loaded.kind === 'ok') {
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
  // The print page stands alone, outside the app's chrome: it is its own <main> landmark.
  return <main className="jbp-print-main">{body(state, avatarUrls, back)}</main>;
}

function body(state: LoadedForExport | { kind: 'loading' } | { kind: 'failed'; message: string }, avatarUrls: Record<string, string>, back: string) {
  switch (state.kind) {
    case 'loading':
      return <p role="status">Preparing the print view…</p>;
    case 'missing':
      return (
        <section>
          <h1>Map not found</h1>
          <p>There is no map at this address in this browser.</p>
        </section>
      );
    case 'invalid':
      return (
        <section>
          <h1>This map cannot be printed</h1>
          <ul>
            {state.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        </section>
      );
    case 'failed':
      return (
        <section>
          <h1>The print view could not be opened</h1>
          <p>{state.message}</p>
        </section>
      );
    default:
      return <PrintStudio map={state.map} personas={state.personas} avatarUrls={avatarUrls} backHref={back} />;
  }
}
