/**
 * Pages loaded on demand. A lazy page suspends on its first render even when its chunk is
 * already in memory, and React then holds the fallback for its reveal throttle (~300 ms):
 * a map opened straight from its address sat idle that long (`npm run bench`). So the
 * map page can be fetched before the first render, and its lazy wrapper then resolves
 * synchronously (a thenable that calls back at once), without suspending.
 */
import { lazy, type ComponentType } from 'react';
import type { MapPage as MapPageType } from './MapPage';

type MapPageModule = { default: typeof MapPageType };
let mapPage: MapPageModule | null = null;

export function preloadMapPage(): Promise<MapPageModule> {
  return import('./MapPage').then((m) => (mapPage = { default: m.MapPage }));
}

function resolved<T>(value: T): Promise<T> {
  // React's lazy reads the module in the `then` callback; calling it at once means no suspense.
  return { then: (onFulfilled: (v: T) => unknown) => onFulfilled(value) } as unknown as Promise<T>;
}

export const MapPage: ComponentType<{ mapId: string }> = lazy(() => (mapPage ? resolved(mapPage) : preloadMapPage()));
