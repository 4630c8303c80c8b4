/**
 * Two tabs of one map on this device edit it together, shared or not: they become peers of one
 * Y.Doc over a BroadcastChannel, each tab's editor bound to it (./session.ts), so each sees the
 * other's edits as they happen and each Undo takes back its own. The tab that had the map open
 * answers a tab that asks (its document is the starting point); both keep autosaving the same
 * converged map. Loaded only when a second tab opens the map.
 */
import * as Y from 'yjs';
import type { EditorStore } from '../editor/store';
import { bindStore } from './session';
import { tabChannelName } from './tabChannel';
import { FROM_TAB, isTabUpdate, relayTabs, type TabUpdate } from './tabRelay';

/** The handshake: a tab that opens the map second asks, a tab that has it answers with its state. */
type TabMessage = { type: 'join' } | { type: 'state'; update: Uint8Array } | TabUpdate;

function isTabMessage(data: unknown): data is TabMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  return m.type === 'join' || (m.type === 'state' && m.update instanceof Uint8Array) || isTabUpdate(data);
}

/**
 * Joins the map's other tabs. 'ask': this tab opened second and waits for the state; 'answer':
 * this tab had the map open and was just asked. `onPeer` runs once the editor is bound.
 */
export function joinTabs(mapId: string, store: EditorStore, mode: 'ask' | 'answer', onPeer: () => void): () => void {
  const channel = new BroadcastChannel(tabChannelName(mapId));
  let ydoc: Y.Doc | null = null;
  let unbind: (() => void) | null = null;
  let unrelay: (() => void) | null = null;
  const post = (m: TabMessage) => channel.postMessage(m);

  const start = (update?: Uint8Array): Y.Doc => {
    const doc = new Y.Doc();
    if (update) Y.applyUpdate(doc, update, FROM_TAB);
    // Empty (the answering tab): the editor's document goes in. Holding the map: it is the truth.
    unbind = bindStore(store, doc);
    unrelay = relayTabs(doc, channel);
    ydoc = doc;
    onPeer();
    return doc;
  };

  channel.onmessage = (e: MessageEvent) => {
    if (!isTabMessage(e.data)) return;
    const m = e.data;
    if (m.type === 'join') post({ type: 'state', update: Y.encodeStateAsUpdate(ydoc ?? start()) });
    else if (m.type === 'state') {
      // A first answer starts this tab; a later one (a third tab answered too) merges in.
      if (ydoc) Y.applyUpdate(ydoc, m.update, FROM_TAB);
      else start(m.update);
    }
    // Updates: relayTabs takes them in once this tab is started.
  };
  if (mode === 'ask') post({ type: 'join' });
  else post({ type: 'state', update: Y.encodeStateAsUpdate(start()) });

  return () => {
    unrelay?.();
    channel.close();
    unbind?.();
    ydoc?.destroy();
  };
}
