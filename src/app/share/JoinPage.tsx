/**
 * A share link opened (#/join?server=…&map=…&key=…): the map comes from the team's server,
 * is stored on this device with its link, and opens in the editor (read-only for a view link).
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/react';
import { sharing } from '../../storage';
import { parseJoin } from '../../sync/links';
import { joinMap } from '../../sync/sharedMap';
import { LIBRARY_HREF, mapHref } from '../route';
import { problemText } from './problems';

export default function JoinPage() {
  const i18n = useI18n();
  const [link] = useState(() => parseJoin(location.hash));
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!link) return;
    let alive = true;
    void joinMap(link, sharing()).then((outcome) => {
      if (!alive) return;
      // The join address holds the secret: replace it, so Back does not join again.
      if (outcome.ok) location.replace(mapHref(outcome.mapId));
      else setProblem(problemText(i18n, outcome.problem, link.server));
    });
    return () => {
      alive = false;
    };
  }, [link, i18n]);

  if (!link || problem) {
    return (
      <section className="page">
        <h1>{i18n._('join.failed.title')}</h1>
        <p role="alert">{problem ?? i18n._('join.invalid')}</p>
        <p>
          <a href={LIBRARY_HREF}>{i18n._('app.backToMaps')}</a>
        </p>
      </section>
    );
  }
  return (
    <section className="page">
      <h1>{i18n._('join.title')}</h1>
      <p role="status">{i18n._('join.joining', { server: link.server })}</p>
    </section>
  );
}
