/**
 * The tabs of one map on this device keep each other's Y.Doc up to date: each passes its
 * updates on a BroadcastChannel and takes the others' in, with or without a server. Used by a
 * shared map's session (./sharedMap.ts) and by two tabs of an unshared map (./tabPeers.ts).
 */
import * as Y from 'yjs';

/** The origin of updates that came from another tab (never passed back to the tabs). */
export const FROM_TAB = Symbol('journeyboard:from-tab');

export type TabUpdate = { type: 'update'; update: Uint8Array };

export const isTabUpdate = (data: unknown): data is TabUpdate =>
  typeof data === 'object' && data !== null && (data as TabUpdate).type === 'update' && (data as TabUpdate).update instanceof Uint8Array;

/** Relays `ydoc`'s updates over `channel` until the returned function is called (the channel stays open). */
export function relayTabs(ydoc: Y.Doc, channel: BroadcastChannel): () => void {
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== FROM_TAB) channel.postMessage({ type: 'update', update } satisfies TabUpdate);
  };
  const onMessage = (e: MessageEvent) => {
    if (isTabUpdate(e.data)) Y.applyUpdate(ydoc, e.data.update, FROM_TAB);
  };
  ydoc.on('update', onUpdate);
  channel.addEventListener('message', onMessage);
  return () => {
    ydoc.off('update', onUpdate);
    channel.removeEventListener('message', onMessage);
  };
}
