/**
 * Hash routing: every map has its own address (#/maps/<id>), so do its print view and
 * its presentation; the back button works, and the built app runs from any folder or a
 * plain file server without rewrites.
 */
import { useSyncExternalStore } from 'react';
import { parsePersonaRoute } from '../personas/links';

export type MapView = 'edit' | 'print' | 'present';

export type Route =
  | { page: 'library' }
  | { page: 'map'; mapId: string; view: MapView }
  | { page: 'personas' }
  | { page: 'persona'; personaId: string }
  /** A shared map's link (#/join?server=…&map=…&key=…): src/sync/links.ts reads it. */
  | { page: 'join' }
  | { page: 'not-found'; path: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  // A query after the path (#/maps/x/present?view=presenter) belongs to the page, not the route.
  const path = (hash.replace(/^#/, '') || '/').replace(/\?.*$/, '');
  if (path === '/' || path === '') return { page: 'library' };
  if (path === '/join') return { page: 'join' };
  const map = /^\/maps\/([^/?#]+)(?:\/(print|present))?\/?$/.exec(path);
  if (map?.[1]) {
    const mapId = decode(map[1]);
    if (mapId) return { page: 'map', mapId, view: (map[2] as MapView | undefined) ?? 'edit' };
  }
  const persona = parsePersonaRoute(path);
  if (persona) return persona;
  return { page: 'not-found', path };
}

export function mapHref(mapId: string, view: MapView = 'edit'): string {
  const base = `#/maps/${encodeURIComponent(mapId)}`;
  return view === 'edit' ? base : `${base}/${view}`;
}

export const LIBRARY_HREF = '#/';

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}
