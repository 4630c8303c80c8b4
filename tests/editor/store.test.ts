import { describe, expect, it, vi } from 'vitest';
import { createEditorStore, HISTORY_LIMIT, nextSelection } from '../../src/editor/store';
import { getBuffer, parsePayload, setBuffer } from '../../src/editor/clipboard';
import { mapViolations } from '../../src/model/invariants';
import { createMap } from '../../src/model/factory';
import type { JourneyMap } from '../../src/model/schema';
import { editorFixture, T0 } from './helpers';
import { i18n } from '../../src/i18n';

function setup(doc: JourneyMap = editorFixture(), readOnly = false) {
  const onChange = vi.fn<(doc: JourneyMap) => void>();
  let t = Date.parse('2025-01-01T00:00:00.000Z');
  const store = createEditorStore({ i18n, doc, onChange, readOnly, now: () => new Date((t += 1000)) });
  const s = () => store.getState();
  const card = (id: string) => s().doc.cards.find((c) => c.id === id);
  return { store, s, onChange, card };
}

describe('editor store: document actions', () => {
  it('adds a stage, stamps updatedAt, hands the doc to onChange and selects it', () => {
    const { s, onChange } = setup();
    const id = s().addStage('Advocacy');
    expect(id).toBeTruthy();
    expect(s().doc.stages.at(-1)).toMatchObject({ id, name: 'Advocacy' });
    expect(s().doc.updatedAt).not.toBe(T0);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0]).toBe(s().doc);
    expect(s().ui.selected.has(id!)).toBe(true);
    expect(mapViolations(s().doc)).toEqual([]);
  });

  it('adds a lane of each kind with a default title', () => {
    const { s } = setup(createMap({ title: 'Blank' }, T0));
    for (const kind of ['text', 'touchpoint', 'emotion', 'pain', 'opportunity', 'kpi'] as const) s().addLane(kind);
    expect(s().doc.lanes.map((l) => l.kind)).toEqual(['text', 'touchpoint', 'emotion', 'pain', 'opportunity', 'kpi']);
    expect(s().doc.lanes[2]!.title).toBe('Emotion');
  });

  it('adds a card to the given cell, selects it and starts editing text cards', () => {
    const { s } = setup();
    const id = s().addCard({ stageId: 's3', laneId: 'lt' })!;
    expect(s().doc.cards.find((c) => c.id === id)).toMatchObject({ stageId: 's3', laneId: 'lt', kind: 'text', order: 0 });
    expect(s().ui.editingId).toBe(id);
    expect(s().ui.cell).toEqual({ stageId: 's3', laneId: 'lt' });
    // Next add goes to the current cell.
    const id2 = s().addCard()!;
    expect(s().doc.cards.find((c) => c.id === id2)).toMatchObject({ stageId: 's3', laneId: 'lt', order: 1 });
  });

  it('a card added with nothing else said goes to the lane or stage just added', () => {
    const { s } = setup();
    s().addCard({ stageId: 's3', laneId: 'lt' });
    const lane = s().addLane('pain')!;
    s().select([lane]);
    const card = s().addCard()!;
    // The new lane, in the stage of the last cell used.
    expect(s().doc.cards.find((c) => c.id === card)).toMatchObject({ stageId: 's3', laneId: lane, kind: 'pain' });
    const stage = s().addStage()!;
    s().select([stage]);
    const next = s().addCard()!;
    expect(s().doc.cards.find((c) => c.id === next)).toMatchObject({ stageId: stage, laneId: lane });
  });

  it('adds emotion points without inline editing, and sets scores in range', () => {
    const { s, card } = setup();
    const id = s().addCard({ stageId: 's3', laneId: 'le' })!;
    expect(s().ui.editingId).toBeNull();
    s().setEmotionScore(id, 5);
    expect(card(id)).toMatchObject({ kind: 'emotion', score: 2 });
    s().setEmotionScore(id, -1.4);
    expect(card(id)).toMatchObject({ score: -1 });
  });

  it('refuses to add a card with no stage or lane', () => {
    const { s, onChange } = setup(createMap({ title: 'Empty' }, T0));
    expect(s().addCard()).toBeNull();
    expect(onChange).not.toHaveBeenCalled();
    expect(s().ui.announcement).toMatch(/stage and a lane/);
  });

  it('a no-op change makes no undo step and no write', () => {
    const { s, onChange } = setup();
    s().updateCard('t1', { text: 'first' });
    s().updateCard('nope', { text: 'x' });
    expect(onChange).not.toHaveBeenCalled();
    expect(s().history.past).toHaveLength(0);
  });

  it('moves several cards in one step and clears drag positions', () => {
    const { s, card } = setup();
    s().setDrag(new Map([['t1', { x: 1, y: 2 }]]));
    s().moveCards(['t1', 't2'], { stageId: 's2', laneId: 'lt' });
    expect(card('t1')).toMatchObject({ stageId: 's2', order: 0 });
    expect(card('t2')).toMatchObject({ stageId: 's2', order: 1 });
    expect(s().ui.drag.size).toBe(0);
    expect(s().history.past).toHaveLength(1);
  });

  it('moves a dragged selection by the grabbed card offset in one undo step, and says which cards kept their lane', () => {
    const { s, card } = setup();
    s().setDrag(new Map([['t1', { x: 1, y: 2 }]]));
    // t1 (text) is dropped one stage on, in the touchpoint lane: it keeps its lane; p1 would go to the emotion lane.
    s().shiftCards(['t1', 'p1'], 't1', { stageId: 's2', laneId: 'lp' });
    expect(card('t1')).toMatchObject({ stageId: 's2', laneId: 'lt' });
    expect(card('p1')).toMatchObject({ stageId: 's2', laneId: 'lp' });
    expect(s().history.past).toHaveLength(1);
    expect(s().ui.drag.size).toBe(0);
    expect(s().ui.notice).toBe('2 cards stayed in their own lanes: a lane takes only cards of its kind.');
    s().undo();
    expect(card('t1')).toMatchObject({ stageId: 's1', laneId: 'lt' });
    expect(card('p1')).toMatchObject({ stageId: 's1', laneId: 'lp' });
    expect(s().ui.notice).toBeNull();
  });

  it('a card dropped on a lane of another kind in its own stage stays, with a notice and no undo step', () => {
    const { s, onChange } = setup();
    s().shiftCards(['p1'], 'p1', { stageId: 's1', laneId: 'lt', index: 0 });
    expect(onChange).not.toHaveBeenCalled();
    expect(s().history.past).toHaveLength(0);
    expect(s().ui.notice).toMatch(/^A card stayed in its own lane/);
    s().notify(null);
    expect(s().ui.notice).toBeNull();
  });

  it('deletes the selection (cards and arrows), undoably, with an announcement', () => {
    const { s, card } = setup();
    s().select(['p1', 'x1']);
    s().deleteSelection();
    expect(card('p1')).toBeUndefined();
    expect(card('x1')).toBeUndefined();
    expect(s().doc.connections).toHaveLength(0);
    expect(s().ui.selected.size).toBe(0);
    expect(s().ui.announcement).toMatch(/Deleted 2 cards/);
    s().undo();
    expect(card('p1')).toBeDefined();
    expect(s().doc.connections).toHaveLength(1);
  });

  it('deletes a selected arrow', () => {
    const { s } = setup();
    s().select(['c1']);
    s().deleteSelection();
    expect(s().doc.connections).toHaveLength(0);
    expect(s().ui.announcement).toMatch(/1 arrow/);
  });

  it('duplicates the selection and selects the copies', () => {
    const { s } = setup();
    s().select(['t1']);
    s().duplicateSelection();
    expect(s().doc.cards.filter((c) => c.laneId === 'lt')).toHaveLength(3);
    const [copy] = [...s().ui.selected];
    expect(copy).not.toBe('t1');
    expect(s().doc.cards.find((c) => c.id === copy)).toMatchObject({ text: 'first', order: 1 });
  });

  it('copies and pastes into another map, with arrows between the copied cards', () => {
    const a = setup();
    a.s().select(['p1', 'p2']);
    const payload = a.s().copySelection()!;
    expect(payload.cards).toHaveLength(2);
    expect(payload.connections).toHaveLength(1);
    expect(getBuffer()).toBe(payload);
    expect(parsePayload(JSON.stringify(payload))).toEqual(payload);
    expect(parsePayload('{"cards": []}')).toBeNull();
    expect(parsePayload('not json')).toBeNull();

    const other = setup(editorFixture());
    other.s().paste(payload, { stageId: 's3', laneId: 'lp' });
    const pasted = other.s().doc.cards.filter((c) => c.stageId === 's3' && c.laneId === 'lp');
    expect(pasted).toHaveLength(2);
    expect(other.s().doc.connections).toHaveLength(2);
    expect([...other.s().ui.selected].sort()).toEqual(pasted.map((c) => c.id).sort());
    expect(mapViolations(other.s().doc)).toEqual([]);
    setBuffer(null);
  });

  it('cut removes the cards in one step', () => {
    const { s, card } = setup();
    s().select(['t2']);
    s().cutSelection();
    expect(card('t2')).toBeUndefined();
    s().paste(getBuffer(), { stageId: 's2', laneId: 'lt' });
    expect(s().doc.cards.filter((c) => c.stageId === 's2' && c.laneId === 'lt')).toHaveLength(1);
    expect(s().history.past).toHaveLength(2);
  });

  it('adds a labelled connection and edits its label', () => {
    const { s } = setup();
    const id = s().addConnection('p2', 'p1', 'back')!;
    expect(s().doc.connections.find((k) => k.id === id)).toMatchObject({ from: 'p2', to: 'p1', label: 'back' });
    s().updateConnectionLabel(id, 'returned');
    expect(s().doc.connections.find((k) => k.id === id)?.label).toBe('returned');
    expect(s().addConnection('p1', 'p1')).toBeNull();
  });

  it('edits stages (colour, loop), lanes and reorders them', () => {
    const { s } = setup();
    s().updateStage('s3', { loopsTo: 's1', color: '#ff0000' });
    expect(s().doc.stages[2]).toMatchObject({ loopsTo: 's1', color: '#ff0000' });
    s().moveStage('s3', 0);
    expect(s().doc.stages.map((x) => x.id)).toEqual(['s3', 's1', 's2']);
    expect(s().doc.stages[0]!.loopsTo).toBeUndefined();
    s().renameLane('lt', 'Doing');
    s().moveLane('lt', 3);
    expect(s().doc.lanes.map((l) => l.id)).toEqual(['lp', 'le', 'lx', 'lt']);
    expect(s().doc.lanes[3]!.title).toBe('Doing');
  });

  it('a read-only store changes nothing', () => {
    const { s, onChange } = setup(editorFixture(), true);
    s().addStage('x');
    s().updateCard('t1', { text: 'x' });
    s().startEditing('t1');
    expect(onChange).not.toHaveBeenCalled();
    expect(s().ui.editingId).toBeNull();
  });
});

describe('editor store: undo and redo', () => {
  it('undoes and redoes each step, stamping and saving each time', () => {
    const { s, onChange, card } = setup();
    s().updateCard('t1', { text: 'A' });
    s().updateCard('t1', { text: 'B' });
    s().undo();
    expect(card('t1')?.text).toBe('A');
    s().undo();
    expect(card('t1')?.text).toBe('first');
    s().undo(); // nothing left
    expect(card('t1')?.text).toBe('first');
    s().redo();
    expect(card('t1')?.text).toBe('A');
    s().redo();
    expect(card('t1')?.text).toBe('B');
    expect(onChange).toHaveBeenCalledTimes(6);
    expect(onChange.mock.calls.at(-1)![0]).toBe(s().doc);
    const stamps = onChange.mock.calls.map((c) => c[0].updatedAt);
    expect(new Set(stamps).size).toBe(6);
  });

  it('a new change after an undo clears the redo stack', () => {
    const { s, card } = setup();
    s().updateCard('t1', { text: 'A' });
    s().undo();
    s().updateCard('t1', { text: 'C' });
    s().redo();
    expect(card('t1')?.text).toBe('C');
    expect(s().history.future).toHaveLength(0);
  });

  it('typing in one field is one undo step (coalesced), another field starts a new one', () => {
    const { s, card } = setup();
    for (const text of ['W', 'Wa', 'Wai', 'Wait']) s().updateCard('x1', { text }, 'x1:text');
    s().updateCard('x1', { severity: 'low' });
    expect(s().history.past).toHaveLength(2);
    s().undo();
    expect(card('x1')).toMatchObject({ text: 'Wait', severity: 'critical' });
    s().undo();
    expect(card('x1')?.text).toBe('waits');
  });

  it('revertTyping takes back the drafts of one in-place editing session, and only those', () => {
    const { s, card, onChange } = setup();
    s().updateCard('x1', { severity: 'low' });
    for (const text of ['ร', 'รอ', 'รอนาน']) s().updateCard('x1', { text }, 'inline:7');
    expect(card('x1')?.text).toBe('รอนาน');
    s().revertTyping('inline:7');
    expect(card('x1')).toMatchObject({ text: 'waits', severity: 'low' });
    expect(s().history.past).toHaveLength(1);
    expect(onChange.mock.calls.at(-1)![0]).toBe(s().doc);
    // Another key, or nothing typed since the last other change: nothing to take back.
    s().updateCard('x1', { text: 'kept' }, 'inline:8');
    s().revertTyping('inline:7');
    expect(card('x1')?.text).toBe('kept');
    s().updateCard('x1', { severity: 'high' });
    s().revertTyping('inline:8');
    expect(card('x1')).toMatchObject({ text: 'kept', severity: 'high' });
  });

  it('a drag is one step: temporary positions make no history, the drop makes one', () => {
    const { s, onChange } = setup();
    for (let i = 0; i < 20; i++) s().setDrag(new Map([['t1', { x: i, y: i }]]));
    s().setEmotionDrag({ cardId: 'e1', score: -1 });
    expect(s().history.past).toHaveLength(0);
    expect(onChange).not.toHaveBeenCalled();
    s().moveCards(['t1'], { stageId: 's3', laneId: 'lt' });
    s().setEmotionScore('e1', -1);
    expect(s().history.past).toHaveLength(2);
    expect(s().ui.emotionDrag).toBeNull();
  });

  it('caps the history', () => {
    const { s } = setup();
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) s().updateCard('t1', { text: `v${i}` });
    expect(s().history.past).toHaveLength(HISTORY_LIMIT);
  });

  it('drops selection of entities that an undo removed', () => {
    const { s } = setup();
    const id = s().addStage('New')!;
    expect(s().ui.selected.has(id)).toBe(true);
    s().undo();
    expect(s().ui.selected.has(id)).toBe(false);
  });
});

describe('editor store: UI slice', () => {
  it('selects, toggles, selects all and tracks the current cell', () => {
    const { s } = setup();
    s().select(['p2']);
    expect(s().ui.cell).toEqual({ stageId: 's2', laneId: 'lp' });
    s().toggleSelect('t1');
    expect([...s().ui.selected].sort()).toEqual(['p2', 't1']);
    s().toggleSelect('p2');
    expect([...s().ui.selected]).toEqual(['t1']);
    s().selectAll();
    expect(s().ui.selected.size).toBe(8);
    s().clearSelection();
    expect(s().ui.selected.size).toBe(0);
  });

  it('keeps the same selection object when selecting the same ids again', () => {
    const { s, store } = setup();
    s().select(['t1']);
    const before = s().ui;
    const listener = vi.fn();
    const unsub = store.subscribe(listener);
    s().select(['t1']);
    expect(s().ui).toBe(before);
    expect(listener).not.toHaveBeenCalled();
    unsub();
  });

  it('drops a selected emotion point when a card joins the selection, so a copy takes only the cards that show as selected', () => {
    const { s } = setup();
    // Dragging a point selects it; then Shift+click on two cards.
    s().select(['e1']);
    s().select(['p1'], true);
    s().select(['p2'], true);
    expect([...s().ui.selected].sort()).toEqual(['p1', 'p2']);
    const payload = s().copySelection()!;
    expect(payload.cards.map((c) => c.id).sort()).toEqual(['p1', 'p2']);
    s().toggleSelect('e2');
    expect([...s().ui.selected].sort()).toEqual(['e2', 'p1', 'p2']);
    s().toggleSelect('t1');
    expect([...s().ui.selected].sort()).toEqual(['p1', 'p2', 't1']);
  });

  it('nextSelection: adding points keeps the rest; removing keeps points; adding others drops points', () => {
    const doc = setup().s().doc;
    expect([...nextSelection(doc, new Set(['t1']), ['e1', 'e2'])].sort()).toEqual(['e1', 'e2', 't1']);
    expect([...nextSelection(doc, new Set(['e1', 'p1']), [], ['p1'])]).toEqual(['e1']);
    expect([...nextSelection(doc, new Set(['e1', 'p1']), ['c1'], [])].sort()).toEqual(['c1', 'p1']);
  });

  it('starts and stops inline editing', () => {
    const { s } = setup();
    s().startEditing('t1');
    expect(s().ui.editingId).toBe('t1');
    s().stopEditing();
    expect(s().ui.editingId).toBeNull();
  });
});

describe('editor store: personas of the map', () => {
  it('links and unlinks a persona, each one undo step, and ignores a second link', () => {
    const { s, onChange } = setup();
    s().linkPersona('persona-1');
    s().linkPersona('persona-1');
    expect(s().doc.personaIds).toEqual(['persona-1']);
    expect(onChange).toHaveBeenCalledTimes(1);
    s().linkPersona('persona-2');
    s().unlinkPersona('persona-1');
    expect(s().doc.personaIds).toEqual(['persona-2']);
    s().undo();
    expect(s().doc.personaIds).toEqual(['persona-1', 'persona-2']);
    s().undo();
    s().undo();
    expect(s().doc.personaIds).toEqual([]);
  });
});
