/**
 * Pages loaded on demand. main.tsx fetches the page of the address before the first render,
 * so it shows without suspending (see src/preloadable.ts). The library is one of them:
 * opening a map from its address does not load the library page.
 */
import { preloadable } from '../preloadable';
import type { MapPage as MapPageType } from './MapPage';
import type { Route } from './route';

const map = preloadable<Parameters<typeof MapPageType>[0]>(() => import('./MapPage').then((m) => m.MapPage));
const library = preloadable<Record<string, never>>(() => import('./LibraryPage').then((m) => m.LibraryPage));

export const MapPage = map.Component;
export const LibraryPage = library.Component;

/** Fetches the page the address opens (the others load when navigated to). */
export function preloadPageFor(route: Route): Promise<unknown> {
  if (route.page === 'map' && route.view === 'edit') return map.preload();
  if (route.page === 'library') return library.preload();
  return Promise.resolve();
}
