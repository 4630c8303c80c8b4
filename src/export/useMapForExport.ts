/**
 * The read behind the print view and the presentation: the map, its personas and their photos
 * (loadMapForExport), the catalogue of the map's language, and object URLs for the photos, revoked
 * when the page goes. One hook, so the two pages load alike.
 */
import { useEffect, useState } from 'react';
import { i18nFor, type I18n } from '../i18n';
import { mapLocale } from '../i18n/mapLocale';
import { loadMapForExport, type LoadedForExport } from './source';

export type LoadedMap = Exclude<LoadedForExport, { kind: 'ok' }> | (Extract<LoadedForExport, { kind: 'ok' }> & { i18n: I18n });
export type MapForExport = LoadedMap | { kind: 'loading' } | { kind: 'failed'; error: unknown };

export function useMapForExport(mapId: string): { state: MapForExport; avatarUrls: Record<string, string> } {
  const [state, setState] = useState<MapForExport>({ kind: 'loading' });
  const [avatarUrls, setAvatarUrls] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    loadMapForExport(mapId)
      .then(async (loaded): Promise<LoadedMap> => (loaded.kind === 'ok' ? { ...loaded, i18n: await i18nFor(mapLocale(loaded.map)) } : loaded))
      .then(
        (loaded) => {
          if (!live) return;
          // (jsdom has no object URLs: photos then show as initials.)
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
        (err: unknown) => live && setState({ kind: 'failed', error: err }),
      );
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [mapId]);

  return { state, avatarUrls };
}
