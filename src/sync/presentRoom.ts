/**
 * Follow the facilitator: a presentation of a shared map tells the map's room where it is
 * (its awareness: slide and focus), and a presentation opened to follow goes where the
 * presenter goes. Nothing of it is stored; it lives as long as the presentation is open.
 */
import * as Y from 'yjs';
import type { ShareRecord } from '../storage';
import { connect } from './connection';
import { readPeers } from './presence';
import { rememberedMe } from './settings';

export interface Leader {
  name: string;
  index: number;
  focus: string;
}

export interface PresentationRoom {
  /** This presentation follows the presenter (a joiner's), rather than leading. */
  follows: boolean;
  /** Tells the room where this presentation is (a presenter's). */
  lead(state: { index: number; focus: string }): void;
  /** The presenter's place as it changes; null while nobody presents. */
  watch(callback: (leader: Leader | null) => void): () => void;
  close(): void;
}

export function presentationRoom(share: ShareRecord, follows: boolean): PresentationRoom {
  // A connection of its own on a document of its own: the presentation reads the map from the
  // device, and this only carries where the talk is.
  const connection = connect({ server: share.server, mapId: share.mapId, ydoc: new Y.Doc(), token: { secret: share.secret } });
  const awareness = connection.provider.awareness!;
  awareness.setLocalStateField('user', rememberedMe());
  return {
    follows,
    lead: (state) => awareness.setLocalStateField('presenting', state),
    watch(callback) {
      const read = () => {
        const presenter = readPeers(awareness.getStates(), awareness.clientID).find((p) => p.presenting);
        callback(presenter?.presenting ? { name: presenter.user.name, ...presenter.presenting } : null);
      };
      read();
      awareness.on('change', read);
      return () => awareness.off('change', read);
    },
    close: () => connection.destroy(),
  };
}
