import { lazy, Suspense, type ReactNode } from 'react';
import { PersonaRepoContext } from '../personas/repo';
import { PERSONAS_HREF } from '../personas/links';
import { storagePersonaRepo } from '../personas/storageRepo';
import { useI18n } from '../i18n/react';
import { LanguageSwitch } from './LanguageSwitch';
import { LibraryPage, MapPage } from './pages';
import { LIBRARY_HREF, parseRoute, useHash } from './route';
import { StorageBanner } from './StorageBanner';
import { describeError, useStorageStatus } from './storageStatus';

// Each page beyond the library loads on demand: the library does not wait for the canvas
// (React Flow), nor a map for the persona pages; export and presentation cost nothing until used.
const PersonasPage = lazy(() => import('../personas/PersonasPage').then((m) => ({ default: m.PersonasPage })));
const PersonaEditor = lazy(() => import('../personas/PersonaEditor').then((m) => ({ default: m.PersonaEditor })));
const PrintPage = lazy(() => import('../export/PrintPage'));
const PresentPage = lazy(() => import('../present/PresentPage'));
const ImportPanel = lazy(() => import('../export/ImportPanel'));
const JoinPage = lazy(() => import('./share/JoinPage'));

/** The import control, loaded on demand; until then, nothing (the page itself does not wait for it). */
function LazyImport() {
  return (
    <Suspense fallback={null}>
      <ImportPanel />
    </Suspense>
  );
}

function Loading() {
  const i18n = useI18n();
  return (
    <p className="empty" role="status">
      {i18n._('app.loading')}
    </p>
  );
}

// The persona library's problems, under their own kind, so its later success clears only them.
function reportMessage(message: string) {
  useStorageStatus.getState().report(describeError({ kind: 'personas', message }));
}

function clearReported() {
  const { problem, clear } = useStorageStatus.getState();
  if (problem?.kind === 'personas') clear();
}

export function App() {
  const i18n = useI18n();
  const route = parseRoute(useHash());
  let page: ReactNode;
  // The print view and the presentation fill the window on their own, without the app's chrome.
  if (route.page === 'map' && route.view === 'print') page = <PrintPage key={route.mapId} mapId={route.mapId} />;
  else if (route.page === 'map' && route.view === 'present') page = <PresentPage key={route.mapId} mapId={route.mapId} />;
  if (page) {
    return (
      <PersonaRepoContext.Provider value={storagePersonaRepo}>
        <StorageBanner />
        <Suspense fallback={<Loading />}>{page}</Suspense>
      </PersonaRepoContext.Provider>
    );
  }

  const section = route.page === 'personas' || route.page === 'persona' ? 'personas' : route.page === 'library' || route.page === 'map' ? 'maps' : null;
  return (
    <PersonaRepoContext.Provider value={storagePersonaRepo}>
      <div className={`app${route.page === 'map' ? ' app--editor' : ''}`}>
        <header className="app-header">
          <a className="brand" href={LIBRARY_HREF}>
            <img src="./icon.svg" alt="" width={28} height={28} />
            <span>Journeyboard</span>
          </a>
          <nav aria-label={i18n._('app.nav')}>
            <a href={LIBRARY_HREF} aria-current={section === 'maps' ? 'page' : undefined}>
              {i18n._('app.nav.maps')}
            </a>
            <a href={PERSONAS_HREF} aria-current={section === 'personas' ? 'page' : undefined}>
              {i18n._('app.nav.personas')}
            </a>
          </nav>
          <LanguageSwitch />
        </header>
        <StorageBanner />
        <main className="app-main">
          <Suspense fallback={<Loading />}>
            {route.page === 'library' && <LibraryPage />}
            {route.page === 'map' && <MapPage key={route.mapId} mapId={route.mapId} />}
            {route.page === 'personas' && <PersonasPage onError={reportMessage} onErrorCleared={clearReported} actions={<LazyImport />} />}
            {route.page === 'persona' && <PersonaEditor key={route.personaId} personaId={route.personaId} />}
            {route.page === 'join' && <JoinPage />}
            {route.page === 'not-found' && (
              <section className="page">
                <h1>{i18n._('app.notFound.title')}</h1>
                <p>
                  {i18n._('app.notFound.body', { path: route.path })} <a href={LIBRARY_HREF}>{i18n._('app.backToMaps')}</a>
                </p>
              </section>
            )}
          </Suspense>
        </main>
      </div>
    </PersonaRepoContext.Provider>
  );
}
