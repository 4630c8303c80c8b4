/**
 * The map head's part of sharing: the "Share" button, and for a shared map its live session
 * (binding and status). Both heavy parts load on demand, so an unshared map pays for a button.
 */
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../i18n/react';
import type { SharedMapState } from './useSharedMap';

const ShareDialog = lazy(() => import('./ShareDialog'));
const LiveSession = lazy(() => import('./LiveSession'));

export function ShareControl({ shared }: { shared: SharedMapState }) {
  const i18n = useI18n();
  const [open, setOpen] = useState(false);
  return (
    <div className="jb-maphead__share">
      {shared.session && (
        <Suspense fallback={null}>
          <LiveSession session={shared.session} />
        </Suspense>
      )}
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
    </div>
  );
}
