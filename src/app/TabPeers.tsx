/**
 * The open map's part in editing it from two tabs: a tab that opened the map second asks the
 * first to be its peer; the first listens (cheaply: the Yjs code loads only when a tab asks).
 * Renders nothing; lives inside the editor, whose store it binds (src/sync/tabPeers.ts).
 */
import { useEffect } from 'react';
import { useEditorApi } from '../editor/context';
import { tabChannelName } from '../sync/tabChannel';

export function TabPeers({ mapId, role, onPeer }: { mapId: string; role: 'host' | 'guest'; onPeer(): void }) {
  const api = useEditorApi();
  useEffect(() => {
    if (typeof BroadcastChannel !== 'function') return;
    let alive = true;
    let stop: (() => void) | null = null;
    const begin = (mode: 'ask' | 'answer') =>
      void import('../sync/tabPeers').then((m) => {
        if (alive && !stop) stop = m.joinTabs(mapId, api, mode, onPeer);
      });
    let listening: BroadcastChannel | null = null;
    if (role === 'guest') begin('ask');
    else {
      listening = new BroadcastChannel(tabChannelName(mapId));
      listening.onmessage = (e: MessageEvent) => {
        if ((e.data as { type?: unknown } | null)?.type !== 'join') return;
        listening?.close();
        listening = null;
        begin('answer');
      };
    }
    return () => {
      alive = false;
      listening?.close();
      stop?.();
    };
  }, [mapId, role, api, onPeer]);
  return null;
}
