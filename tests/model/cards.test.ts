// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  addCard,
  addConnection,
  addedCardIds,
  addLane,
  cardsInCell,
  deleteCards,
  duplicateCards,
  moveCard,
  moveCards,
  shiftCards,
  updateCard,
} from '../../src/model/operations';
import { card, cell, expectValid, fixture } from './helpers';

describe('addCard', () => {
  it('takes its kind from the lane and fills the defaults', () => {
    const d = addCard(fixture(), { id: 'n', stageId: 's3', laneId: 'lp' });
    expect(card(d, 'n')).toEqual({ id: 'n', kind: 'touchpoint', stageId: 's3', laneId: 'lp', order: 0, text: '', channel: null, owner: '' });
    expectValid(d);
  });

  it('inserts at an index and shifts the cards after it', () => {
    const d = addCard(fixture(), { id: 'n', stageId: 's1', laneId: 'lt', index: 1, text: 'new' });
    expect(cell(d, 's1', 'lt')).toEqual(['t1', 'n', 't2', 't3']);
    expectValid(d);
  });

  it('ignores fields of other kinds', () => {
    const d = addCard(fixture(), { id: 'n', stageId: 's1', laneId: 'lt', score: 2, channel: 'sms' });
    expect(card(d, 'n')).not.toHaveProperty('score');
    expect(card(d, 'n')).not.toHaveProperty('channel');
  });

  it('refuses missing cells, taken ids, bad values and links to non-touchpoints', () => {
    const d = fixture();
    expect(addCard(d, { stageId: 'ghost', laneId: 'lt' })).toBe(d);
    expect(addCard(d, { stageId: 's1', laneId: 'ghost' })).toBe(d);
    expect(addCard(d, { id: 'p1', stageId: 's1', laneId: 'lt' })).toBe(d);
    expect(addCard(d, { id: 's1', stageId: 's1', laneId: 'lt' })).toBe(d);
    expect(addCard(d, { id: '', stageId: 's1', laneId: 'lt' })).toBe(d);
    expect(addCard(d, { stageId: 's1', laneId: 'lx', touchpointId: 't1' })).toBe(d);
    expect(addCard(d, { stageId: 's1', laneId: 'lx', severity: 'apocalyptic' as 'high' })).toBe(d);
  });
});

describe('updateCard', () => {
  it('edits the content and keeps other cards as they were', () => {
    const d = fixture();
    const u = updateCard(d, 'p1', { text: 'Hotline', owner: 'Contact center', channel: 'ivr' });
    expect(card(u, 'p1')).toMatchObject({ text: 'Hotline', owner: 'Contact center', channel: 'ivr', order: 0 });
    expect(card(u, 'p2')).toBe(card(d, 'p2'));
    expectValid(u);
  });

  it('cannot change kind, id or place', () => {
    const d = fixture();
    const patch = { text: 'x', kind: 'kpi', stageId: 's3', laneId: 'lt2', order: 7, id: 'zz' } as Parameters<typeof updateCard>[2];
    const u = updateCard(d, 't1', patch);
    expect(card(u, 't1')).toMatchObject({ kind: 'text', stageId: 's1', laneId: 'lt', order: 0, text: 'x' });
  });

  it('returns the same doc for no change and for values the schema rejects', () => {
    const d = fixture();
    expect(updateCard(d, 't1', { text: 't1' })).toBe(d);
    expect(updateCard(d, 't1', { score: 1 })).toBe(d);
    expect(updateCard(d, 'ghost', { text: 'x' })).toBe(d);
    const e = addLane(d, { id: 'le', kind: 'emotion', title: 'Emotion' });
    const withScore = addCard(e, { id: 'e1', stageId: 's1', laneId: 'le' });
    expect(updateCard(withScore, 'e1', { score: 3 })).toBe(withScore);
    expect(updateCard(withScore, 'e1', { score: 1.5 })).toBe(withScore);
    expect(card(updateCard(withScore, 'e1', { score: -2 }), 'e1')).toMatchObject({ score: -2 });
  });

  it('links a pain to a touchpoint, and null unlinks it', () => {
    const d = fixture();
    expect(card(updateCard(d, 'x1', { touchpointId: 'p1' }), 'x1')).toMatchObject({ touchpointId: 'p1' });
    expect(updateCard(d, 'x1', { touchpointId: 't1' })).toBe(d);
    expect(card(updateCard(d, 'x1', { touchpointId: null }), 'x1')).not.toHaveProperty('touchpointId');
  });
});

describe('moveCard', () => {
  it('reorders inside a cell', () => {
    const d = fixture();
    expect(cell(moveCard(d, 't1', { stageId: 's1', laneId: 'lt', index: 2 }), 's1', 'lt')).toEqual(['t2', 't3', 't1']);
    expect(cell(moveCard(d, 't3', { stageId: 's1', laneId: 'lt', index: 0 }), 's1', 'lt')).toEqual(['t3', 't1', 't2']);
    expect(moveCard(d, 't2', { stageId: 's1', laneId: 'lt', index: 1 })).toBe(d);
  });

  it('moves across cells and lanes of the same kind, closing the gap it leaves', () => {
    const d = fixture();
    const m = moveCard(d, 't2', { stageId: 's3', laneId: 'lt2', index: 0 });
    expect(cell(m, 's1', 'lt')).toEqual(['t1', 't3']);
    expect(cell(m, 's3', 'lt2')).toEqual(['t2', 'u1']);
    expectValid(m);
    // Without an index it goes to the end.
    expect(cell(moveCard(d, 't1', { stageId: 's2', laneId: 'lt' }), 's2', 'lt')).toEqual(['t1']);
  });

  it('will not put a card in a lane of another kind, nor in a missing cell', () => {
    const d = fixture();
    expect(moveCard(d, 't1', { stageId: 's1', laneId: 'lp' })).toBe(d);
    expect(moveCard(d, 't1', { stageId: 'ghost', laneId: 'lt' })).toBe(d);
    expect(moveCard(d, 'ghost', { stageId: 's1', laneId: 'lt' })).toBe(d);
  });

  it('moves several cards together in reading order; only those that fit the lane', () => {
    const d = fixture();
    const m = moveCards(d, ['u1', 't3', 't1', 'p1'], { stageId: 's2', laneId: 'lt', index: 0 });
    expect(cell(m, 's2', 'lt')).toEqual(['t1', 't3', 'u1']);
    expect(cell(m, 's1', 'lt')).toEqual(['t2']);
    expect(card(m, 'p1')).toBe(card(d, 'p1'));
    expectValid(m);
    expect(moveCards(d, ['p1'], { stageId: 's2', laneId: 'lt' })).toBe(d);
  });

  it('moves several cards into the middle of a cell they partly come from', () => {
    const d = fixture();
    const m = moveCards(d, ['t1', 'u1'], { stageId: 's1', laneId: 'lt', index: 1 });
    expect(cell(m, 's1', 'lt')).toEqual(['t2', 't1', 'u1', 't3']);
    expect(cell(m, 's3', 'lt2')).toEqual([]);
    expectValid(m);
  });
});

describe('shiftCards (moving a selection as the drag shows it)', () => {
  it('moves every card by the stage offset of the grabbed one, each in its own lane', () => {
    const d = fixture();
    const r = shiftCards(d, ['t1', 'p1'], 't1', { stageId: 's2', laneId: 'lt', index: 0 });
    expect(cell(r.doc, 's2', 'lt')).toEqual(['t1']);
    expect(cell(r.doc, 's2', 'lp')).toEqual(['p2', 'p1']);
    expect(cell(r.doc, 's1', 'lt')).toEqual(['t2', 't3']);
    expect(cell(r.doc, 's1', 'lp')).toEqual([]);
    expect(r.keptLane).toEqual([]);
    expect(r.offGrid).toEqual([]);
    expectValid(r.doc);
  });

  it('follows the lane offset where the lane there has the card kind, else keeps the card in its lane', () => {
    const d = fixture();
    // Three lanes down: lt → lt2 (text, fits); lp → no lane there, so p1 stays in lp.
    const r = shiftCards(d, ['p1', 't2'], 't2', { stageId: 's2', laneId: 'lt2' });
    expect(card(r.doc, 't2')).toMatchObject({ stageId: 's2', laneId: 'lt2' });
    expect(card(r.doc, 'p1')).toMatchObject({ stageId: 's2', laneId: 'lp', order: 1 });
    expect(r.keptLane).toEqual(['p1']);
    // One lane down: lt → lp (touchpoints) does not fit a text card, lp → lx (pain) not a touchpoint.
    const r2 = shiftCards(d, ['t1', 'p1'], 't1', { stageId: 's3', laneId: 'lp' });
    expect(card(r2.doc, 't1')).toMatchObject({ stageId: 's3', laneId: 'lt' });
    expect(card(r2.doc, 'p1')).toMatchObject({ stageId: 's3', laneId: 'lp' });
    expect(r2.keptLane).toEqual(['t1', 'p1']);
    expectValid(r2.doc);
  });

  it('leaves a card whose stage offset leads off the grid where it is', () => {
    const d = fixture();
    const r = shiftCards(d, ['t1', 'u1'], 't1', { stageId: 's2', laneId: 'lt' });
    expect(card(r.doc, 't1')).toMatchObject({ stageId: 's2', laneId: 'lt' });
    expect(card(r.doc, 'u1')).toBe(card(d, 'u1'));
    expect(r.offGrid).toEqual(['u1']);
  });

  it('puts the cards that reach the target cell at the drop index, in reading order', () => {
    const d = fixture();
    expect(cell(shiftCards(d, ['t1'], 't1', { stageId: 's1', laneId: 'lt', index: 2 }).doc, 's1', 'lt')).toEqual(['t2', 't3', 't1']);
    const r = shiftCards(d, ['t3', 't1'], 't3', { stageId: 's1', laneId: 'lt', index: 1 });
    expect(cell(r.doc, 's1', 'lt')).toEqual(['t2', 't1', 't3']);
    expectValid(r.doc);
  });

  it('changes nothing for a card dropped on a lane of another kind in its own stage, and says so', () => {
    const d = fixture();
    const r = shiftCards(d, ['p1'], 'p1', { stageId: 's1', laneId: 'lt', index: 0 });
    expect(r.doc).toBe(d);
    expect(r.keptLane).toEqual(['p1']);
  });

  it('is a no-op for an unknown anchor or target', () => {
    const d = fixture();
    expect(shiftCards(d, ['t1'], 'ghost', { stageId: 's2', laneId: 'lt' }).doc).toBe(d);
    expect(shiftCards(d, ['t1'], 't1', { stageId: 'ghost', laneId: 'lt' }).doc).toBe(d);
    expect(shiftCards(d, ['t1'], 't1', { stageId: 's2', laneId: 'ghost' }).doc).toBe(d);
  });
});

describe('deleteCards', () => {
  it('removes cards, the arrows to them and pain links, and closes gaps', () => {
    const d = fixture();
    const r = deleteCards(d, ['t2', 'p2']);
    expect(cell(r, 's1', 'lt')).toEqual(['t1', 't3']);
    expect(r.connections.map((k) => k.id)).toEqual(['c2']);
    expect(card(r, 'x1')).not.toHaveProperty('touchpointId');
    expectValid(r);
    expect(deleteCards(d, ['ghost'])).toBe(d);
    expect(deleteCards(d, [])).toBe(d);
  });
});

describe('duplicateCards', () => {
  it('puts each copy right after its original, with a fresh id', () => {
    const d = fixture();
    const r = duplicateCards(d, ['t1', 't3']);
    const ids = cell(r, 's1', 'lt');
    expect(ids).toHaveLength(5);
    expect([ids[0], ids[2], ids[3]]).toEqual(['t1', 't2', 't3']);
    const added = addedCardIds(d, r);
    expect(added).toHaveLength(2);
    expect(new Set([ids[1], ids[4]])).toEqual(new Set(added));
    expect(card(r, ids[1]!).text).toBe('t1');
    expectValid(r);
    expect(duplicateCards(d, ['ghost'])).toBe(d);
  });

  it('copies arrows among the copies, and a pain follows its copied touchpoint', () => {
    const d = fixture();
    const r = duplicateCards(d, ['p1', 'p2', 'x1']);
    expect(r.connections).toHaveLength(3);
    const [copyP2] = cell(r, 's2', 'lp').slice(1);
    const copyX1 = cardsInCell(r, 's2', 'lx')[1];
    expect(copyX1).toMatchObject({ touchpointId: copyP2 });
    const copiedArrow = r.connections[2]!;
    expect(copiedArrow).toMatchObject({ to: copyP2, label: 'then' });
    expectValid(r);
  });

  it('a copied pain keeps the link to an original touchpoint', () => {
    const r = duplicateCards(fixture(), ['x1']);
    expect(cardsInCell(r, 's2', 'lx')[1]).toMatchObject({ touchpointId: 'p2' });
  });
});

describe('addConnection between duplicated cards', () => {
  it('still refuses a second arrow the same way', () => {
    const d = fixture();
    expect(addConnection(d, { from: 'p1', to: 'p2' })).toBe(d);
  });
});
