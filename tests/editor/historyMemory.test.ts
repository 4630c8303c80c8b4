import { describe, expect, it } from 'vitest';
import { recallHistory, rememberHistory, REMEMBERED_MAPS } from '../../src/editor/historyMemory';
import { createEditorStore } from '../../src/editor/store';
import type { JourneyMap } from '../../src/model/schema';
import { editorFixture } from './helpers';
import { i18n } from '../../src/i18n';

const withId = (id: string, updatedAt = '2025-02-01T00:00:00.000Z'): JourneyMap => ({ ...editorFixture(), id, updatedAt });

describe('undo histories kept for the session', () => {
  it('gives a map its history back when it opens unchanged, and the store undoes through it', () => {
    const store = createEditorStore({ i18n, doc: withId('m1', '2025-01-01T00:00:00.000Z'), now: () => new Date('2025-02-01T00:00:00.000Z') });
    store.getState().updateCard('t1', { text: 'edited' });
    const closed = store.getState();
    rememberHistory(closed.doc, closed.history);

    const again = recallHistory(closed.doc);
    expect(again?.past).toHaveLength(1);
    const reopened = createEditorStore({ i18n, doc: closed.doc, history: again ?? undefined });
    reopened.getState().undo();
    expect(reopened.getState().doc.cards.find((c) => c.id === 't1')?.text).toBe('first');
  });

  it('starts afresh when the stored map changed meanwhile', () => {
    const doc = withId('m2');
    rememberHistory(doc, { past: [doc], future: [] });
    expect(recallHistory({ ...doc, updatedAt: '2025-03-01T00:00:00.000Z' })).toBeNull();
    expect(recallHistory(doc)).not.toBeNull();
  });

  it(`keeps the histories of the last ${REMEMBERED_MAPS} maps closed`, () => {
    const maps = Array.from({ length: REMEMBERED_MAPS + 1 }, (_, i) => withId(`lru${i}`));
    for (const m of maps) rememberHistory(m, { past: [m], future: [] });
    expect(recallHistory(maps[0]!)).toBeNull();
    expect(recallHistory(maps.at(-1)!)).not.toBeNull();
    // An empty history is not kept.
    rememberHistory(maps.at(-1)!, { past: [], future: [] });
    expect(recallHistory(maps.at(-1)!)).toBeNull();
  });
});
