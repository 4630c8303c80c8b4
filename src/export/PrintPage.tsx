/**
 * Route component for #/maps/<id>/print. Load it lazily so export code stays out of the start-up
 * bundle:  const PrintPage = React.lazy(() => import('../export/PrintPage'));
 * It loads the map, its personas and their photos through the storage repositories and renders the
 * print studio (paper size, orientation, fit to one page, cover page, Print / Save as PDF, Download PNG)
 * inside the page's <main> landmark. The pages speak the map's language (its catalogue is loaded with
 * the map); the studio's controls and the page's own messages speak the interface's.
 */
import { say, sayError } from '../i18n/message';
import { useI18n } from '../i18n/react';
import { PrintStudio } from './PrintStudio';
import { useMapForExport, type MapForExport } from './useMapForExport';

export default function PrintPage({ mapId }: { mapId: string }) {
  const { state, avatarUrls } = useMapForExport(mapId);

  const back = `#/maps/${encodeURIComponent(mapId)}`;
  // The print page stands alone, outside the app's chrome: it is its own <main> landmark.
  return (
    <main className="jbp-print-main">
      <Body state={state} avatarUrls={avatarUrls} back={back} />
    </main>
  );
}

function Body({ state, avatarUrls, back }: { state: MapForExport; avatarUrls: Record<string, string>; back: string }) {
  const i18n = useI18n();
  switch (state.kind) {
    case 'loading':
      return <p role="status">{i18n._('print.route.loading')}</p>;
    case 'missing':
      return (
        <section>
          <h1>{i18n._('print.route.missingTitle')}</h1>
          <p>{i18n._('print.route.missing')}</p>
        </section>
      );
    case 'invalid':
      return (
        <section>
          <h1>{i18n._('print.route.invalidTitle')}</h1>
          <ul>
            {state.errors.map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {say(i18n, e.message)}
              </li>
            ))}
          </ul>
        </section>
      );
    case 'failed':
      return (
        <section>
          <h1>{i18n._('print.route.failedTitle')}</h1>
          <p>{sayError(i18n, state.error)}</p>
        </section>
      );
    default:
      return <PrintStudio map={state.map} personas={state.personas} avatarUrls={avatarUrls} backHref={back} mapI18n={state.i18n} />;
  }
}
