/**
 * Route component for #/maps/<id>/present. The shell loads it lazily (React.lazy), so nothing in
 * src/present is in the start-up bundle. It loads the map, its personas and their photos (the
 * same read as print and export) and shows the presentation. The presenter view is the same
 * address opened in a window named for it (or with ?view=presenter), so it needs no route of its own.
 * The presentation speaks the map's language (its catalogue is loaded with the map); this page's own
 * messages before that, or without a map, the interface's.
 */
import { useEffect, useState } from 'react';
import { loadMapForExport, type LoadedForExport } from '../export/source';
import { i18nFor, type I18n } from '../i18n';
import { mapLocale } from '../i18n/mapLocale';
import { messageOf, say } from '../i18n/message';
import { I18nProvider, useI18n } from '../i18n/react';
import { Presentation, presenterWindowName, type PresentView } from './Presentation';

type Loaded = Exclude<LoadedForExport, { kind: 'ok' }> | (Extract<LoadedForExport, { kind: 'ok' }> & { i18n: I18n });
type State = Loaded | { kind: 'loading' } | { kind: 'failed'; error: unknown };

function viewOf(mapId: string): PresentView {
  const query = window.location.hash.split('?')[1] ?? '';
  if (new URLSearchParams(query).get('view') === 'presenter') return 'presenter';
  return window.name === presenterWindowName(mapId) ? 'presenter' : 'audience';
}

export default function PresentPage({ mapId }: { mapId: string }) {
  const i18n = useI18n();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [avatarUrls, setAvatarUrls] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    const urls: string[] = [];
    loadMapForExport(mapId)
      .then(async (loaded): Promise<Loaded> => (loaded.kind === 'ok' ? { ...loaded, i18n: await i18nFor(mapLocale(loaded.map)) } : loaded))
      .then(
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
        (err: unknown) => live && setState({ kind: 'failed', error: err }),
      );
    return () => {
      live = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [mapId]);

  const back = `#/maps/${encodeURIComponent(mapId)}`;
  switch (state.kind) {
    case 'loading':
      return <p role="status">{i18n._('present.route.loading')}</p>;
    case 'ok':
      return (
        <I18nProvider i18n={state.i18n}>
          <Presentation map={state.map} personas={state.personas} avatarUrls={avatarUrls} backHref={back} view={viewOf(mapId)} />
        </I18nProvider>
      );
    default:
      return (
        <section>
          <h1>{state.kind === 'missing' ? i18n._('present.route.missingTitle') : i18n._('present.route.cannotPresent')}</h1>
          {state.kind === 'missing' && <p>{i18n._('present.route.missing')}</p>}
          {state.kind === 'failed' && <p>{reason(i18n, state.error)}</p>}
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

/** Why loading failed, in the interface's words when the error carries them. */
function reason(i18n: I18n, err: unknown): string {
  const message = messageOf(err);
  if (message) return say(i18n, message);
  return err instanceof Error ? err.message : String(err);
}
