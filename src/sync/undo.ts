/**
 * Undo and redo of a shared map: Y.UndoManager over the whole map, tracking one origin, this
 * device's own edits, so my undo never takes back a colleague's edit (theirs arrive with the
 * provider as origin, which it ignores). Steps end where the editor says (stopCapturing on each
 * new commit), not after a timeout: one undo step is one editor step, however slow the typing.
 */
import * as Y from 'yjs';
import { rootsOf } from './yMap';

/** Longer than any typing session: only stopCapturing() ends a step. */
const ONE_STEP_UNTIL_TOLD = 2 ** 31;

export function createUndoManager(ydoc: Y.Doc, origin: unknown): Y.UndoManager {
  return new Y.UndoManager(rootsOf(ydoc), { trackedOrigins: new Set([origin]), captureTimeout: ONE_STEP_UNTIL_TOLD });
}
