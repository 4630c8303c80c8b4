/**
 * A shared map's live part inside the editor: it binds the editor's store to the map's Y.Doc
 * once the Y.Doc holds the map, and says how the connection stands (a polite status: up to
 * date, sending, offline with N changes waiting, or refused and why), and who else is here
 * (./Presence.tsx). Loaded only for a shared map.
 */
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useEditorApi } from '../../editor/context';
import { useI18n } from '../../i18n/react';
import { travelPersonas } from '../../sync/personaTravel';
import { bindStore } from '../../sync/session';
import type { SharedMapSession } from '../../sync/sharedMap';
import { Presence } from './Presence';
import { problemText } from './problems';
import { describeError, useStorageStatus } from '../storageStatus';

export default function LiveSession({ session }: { session: SharedMapSession }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const status = useStore(session.connection.status);
  const report = useStorageStatus((s) => s.report);

  useEffect(() => {
    let alive = true;
    let unbind: (() => void) | null = null;
    let untravel: (() => void) | null = null;
    let reported = 0;
    void session.ready.then(() => {
      if (!alive) return;
      unbind = bindStore(api, session.ydoc, {
        onProblems: (problems) => {
          // Said once per new count, not on every colleague's keystroke.
          if (problems.length === reported) return;
          reported = problems.length;
          api.getState().notify(i18n._('share.remoteProblems', { count: problems.length }));
        },
      });
      untravel = travelPersonas(api, session.ydoc, (err) => report(describeError(err)));
    });
    return () => {
      alive = false;
      unbind?.();
      untravel?.();
    };
  }, [api, session, i18n, report]);

  const text =
    status.state === 'refused'
      ? i18n._('share.status.refused', { reason: problemText(i18n, status.reason, session.share.server) })
      : status.state === 'online'
        ? status.pending > 0
          ? i18n._('share.status.sending', { count: status.pending })
          : i18n._('share.status.online')
        : status.state === 'offline'
          ? i18n._('share.status.offline', { count: status.pending })
          : i18n._('share.status.connecting');
  const awareness = session.connection.provider.awareness;
  return (
    <>
      <p className={`jb-sync jb-sync--${status.state}`} role="status" aria-label={i18n._('share.status.name')}>
        {text}
      </p>
      {awareness && <Presence awareness={awareness} />}
    </>
  );
}
