/**
 * The map head's part of sharing: the "Share" button (among the map's actions) and, for a
 * shared map, its live session (binding, status, who is here). The heavy parts load on demand,
 * so an unshared map pays for a button.
 */
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n/react';
import type { SharedMapState } from './useSharedMap';

const ShareDialog = lazy(() => import('./ShareDialog'));
const LiveSession = lazy(() => import('./LiveSession'));

export function ShareButton({ shared }: { shared: SharedMapState }) {
  const i18n = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)} disabled={shared.record === undefined}>
        {i18n._('share.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog
            record={shared.record ?? null}
            session={shared.session}
            onShared={shared.adopt}
            onUpdated={shared.update}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}

export function SharedLive({ shared }: { shared: SharedMapState }) {
  if (!shared.session) return null;
  return (
    <div className="jb-maphead__share">
      <Suspense fallback={null}>
        <LiveSession session={shared.session} />
      </Suspense>
    </div>
  );
}
