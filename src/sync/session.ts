/**
 * A shared map's editor session: the editor's store and the map's Y.Doc kept as one. The store
 * still applies the pure operations; each committed document goes into the Y.Doc as the entities
 * that changed (writeMap, origin LOCAL), and whatever changes the Y.Doc from elsewhere (a
 * colleague, another tab, this device's own undo) comes back as a document that keeps every
 * unchanged entity identical (readMap), so the canvas redraws only what moved.
 *
 * Undo and redo are Y.UndoManager's, tracking LOCAL only: my undo never undoes a colleague's edit.
 * Consecutive commits the store merges into one step (typing in one field) stay one undo step.
 */
import type * as Y from 'yjs';
import type { EditorStore, SharedHistory } from '../editor/store';
import type { JourneyMap } from '../model/schema';
import { createUndoManager } from './undo';
import { createReader, writeMap, type Problem } from './yMap';

/** The origin of this device's own edits: the only one its undo tracks. */
export const LOCAL = Symbol('journeyboard:local-edit');
/** The first write of a map into an empty Y.Doc: not an edit anyone should undo. */
const INITIAL = Symbol('journeyboard:initial');

export interface BindOptions {
  /** Entities a peer sent that could not be read (skipped, never deleted): the page says so. */
  onProblems?(problems: readonly Problem[]): void;
}

/** Binds `store` to `ydoc` until the returned function is called. */
export function bindStore(store: EditorStore, ydoc: Y.Doc, options: BindOptions = {}): () => void {
  const undo = createUndoManager(ydoc, LOCAL);
  let written: JourneyMap | null = null;
  let applying = false;

  const publishHistory = () => {
    const shared: SharedHistory = {
      undo: () => undo.undo(),
      redo: () => undo.redo(),
      canUndo: undo.undoStack.length > 0,
      canRedo: undo.redoStack.length > 0,
    };
    store.setState({ shared });
  };

  // One reader for the session: a colleague's edit re-validates what it changed, not the map.
  const reader = createReader(ydoc);
  const readBack = () => {
    const before = store.getState();
    const { map, problems, newer } = reader.read(before.doc);
    if (problems.length > 0) options.onProblems?.(problems);
    if (!map) return;
    written = map;
    applying = true;
    try {
      before.applyRemote(map);
    } finally {
      applying = false;
    }
    // A colleague on a newer Journeyboard: shown as well as this version can, never written over.
    if (newer && !before.readOnly) {
      store.setState({ readOnly: true });
      store.getState().notify(before.i18n._('share.newerPeer'));
    }
    // A card a colleague deleted while this person was writing in it: said, with what was written.
    const editing = before.ui.editingId;
    const card = editing ? before.doc.cards.find((c) => c.id === editing) : undefined;
    if (card && !map.cards.some((c) => c.id === card.id)) {
      const text = card.text.trim();
      store.getState().notify(text ? before.i18n._('share.deletedWhileEditing', { text }) : before.i18n._('share.deletedWhileEditingEmpty'));
    }
  };

  // The Y.Doc is the map's truth once it holds one (this device's stored state, or the team's);
  // an empty one takes the document the editor opened with.
  if (reader.read().map) readBack();
  else {
    written = store.getState().doc;
    writeMap(ydoc, null, written, INITIAL);
  }

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== LOCAL && origin !== INITIAL) readBack();
    publishHistory();
  };
  ydoc.on('update', onUpdate);

  const unsubscribe = store.subscribe((state, prev) => {
    if (applying || state.doc === prev.doc || state.doc === written) return;
    // A commit the store merged with the one before (same field, still typing) extends that undo step.
    const merged = state.history.lastKey !== null && state.history.lastKey === prev.history.lastKey;
    if (!merged) undo.stopCapturing();
    writeMap(ydoc, written, state.doc, LOCAL);
    written = state.doc;
  });

  publishHistory();
  return () => {
    unsubscribe();
    ydoc.off('update', onUpdate);
    undo.destroy();
    reader.destroy();
    store.setState({ shared: null });
  };
}
