/**
 * Route component for #/maps/<id>/present. The shell loads it lazily (React.lazy), so nothing in
 * src/present is in the start-up bundle. First version: loads the map and shows its title; the
 * slides follow.
 */
import { useEffect, useState } from 'react';
import { loadMapForExport, type LoadedForExport } from '../export/source';

export default function PresentPage({ mapId }: { mapId: string }) {
  const [state, setState] = useState<LoadedForExport | { kind: 'loading' }>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    loadMapForExport(mapId).then(
      (loaded) => live && setState(loaded),
      () => live && setState({ kind: 'missing' }),
    );
    return () => {
      live = false;
    };
  }, [mapId]);
  const back = `#/maps/${encodeURIComponent(mapId)}`;
  if (state.kind === 'loading') return <p role="status">Preparing the presentation…</p>;
  if (state.kind !== 'ok') {
    return (
      <section>
        <h1>This map cannot be presented</h1>
        <a href={back}>Back to the map</a>
      </section>
    );
  }
  return (
    <section aria-label="Presentation">
      <h1 dir="auto">{state.map.title}</h1>
      <a href={back}>Leave presentation</a>
    </section>
  );
}
