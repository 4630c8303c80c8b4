// @vitest-environment node
/**
 * The editor bound to a shared map's Y.Doc: what one person commits shows in the other's editor
 * as the same document, unchanged cards stay the same objects, and the editor's Undo takes back
 * only this person's steps, one editor step at a time (typing in one field is one step).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createEditorStore, type EditorStore } from '../../src/editor/store';
import { i18n } from '../../src/i18n';
import * as ops from '../../src/model/operations';
import { bindStore } from '../../src/sync/session';
import { fixture } from '../model/helpers';

/** Two people: an editor store each, on Y.Docs joined as a server would join them. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(b, u, 'wire'));
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'wire' && Y.applyUpdate(a, u, 'wire'));
  const doc = fixture();
  const storeA = createEditorStore({ i18n, doc });
  const unbindA = bindStore(storeA, a);
  // The second person opens an older copy of their own: the shared document wins.
  const storeB = createEditorStore({ i18n, doc: ops.renameStage(doc, 's1', 'stale') });
  const unbindB = bindStore(storeB, b);
  return { a, b, storeA, storeB, unbind: () => (unbindA(), unbindB()) };
}

const stageName = (store: EditorStore, id: string) => store.getState().doc.stages.find((s) => s.id === id)?.name;
const cardText = (store: EditorStore, id: string) => store.getState().doc.cards.find((c) => c.id === id)?.text;

describe('an editor bound to a shared map', () => {
  it('shows the shared document, and each commit reaches the other editor', () => {
    const { storeA, storeB, unbind } = pair();
    expect(stageName(storeB, 's1')).toBe(stageName(storeA, 's1'));
    const before = storeB.getState().doc;
    storeA.getState().commit(ops.updateCard(storeA.getState().doc, 't2', { text: 'ลูกค้าโทรหา Call Center' }));
    expect(cardText(storeB, 't2')).toBe('ลูกค้าโทรหา Call Center');
    expect(storeB.getState().doc.cards.find((c) => c.id === 't1')).toBe(before.cards.find((c) => c.id === 't1'));
    unbind();
  });

  it("undoes my steps only, one editor step at a time, and never a colleague's", () => {
    const { storeA, storeB, unbind } = pair();
    const a = storeA.getState();
    a.commit(ops.renameStage(storeA.getState().doc, 's1', 'Nhận biết'));
    // Typing in one field: three commits with one key are one step.
    for (const text of ['G', 'Gọ', 'Gọi tổng đài']) storeA.getState().commit(ops.updateCard(storeA.getState().doc, 't3', { text }), { coalesce: 'card:t3:text' });
    storeB.getState().commit(ops.renameStage(storeB.getState().doc, 's2', 'خرید'));
    expect(storeA.getState().shared?.canUndo).toBe(true);

    storeA.getState().undo();
    expect(cardText(storeA, 't3')).toBe(fixture().cards.find((c) => c.id === 't3')?.text);
    expect(stageName(storeA, 's1')).toBe('Nhận biết');
    expect(stageName(storeA, 's2')).toBe('خرید');
    storeA.getState().undo();
    expect(stageName(storeA, 's1')).toBe(fixture().stages[0]!.name);
    expect(stageName(storeB, 's2')).toBe('خرید');
    expect(stageName(storeB, 's1')).toBe(fixture().stages[0]!.name);
    expect(storeA.getState().shared?.canUndo).toBe(false);

    storeA.getState().redo();
    expect(stageName(storeB, 's1')).toBe('Nhận biết');
    unbind();
    expect(storeA.getState().shared).toBeNull();
  });

  it('turns read-only, and says why, when a colleague on a newer Journeyboard writes the map', () => {
    const { a, storeB, unbind } = pair();
    a.getMap('meta').set('schemaVersion', 99);
    expect(storeB.getState().readOnly).toBe(true);
    expect(storeB.getState().ui.notice).toMatch(/newer version/);
    expect(storeB.getState().commit(ops.renameStage(storeB.getState().doc, 's1', 'x'))).toBe(false);
    unbind();
  });
});
