// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addCard, addStage, deleteStage, moveStage, renameStage, updateStage } from '../../src/model/operations';
import { card, expectValid, fixture } from './helpers';

const names = (d: ReturnType<typeof fixture>) => d.stages.map((s) => s.id);

describe('stages', () => {
  it('adds a stage at the end or at an index, clamped', () => {
    const d = fixture();
    expect(names(addStage(d, { id: 'n', name: 'New' }))).toEqual(['s1', 's2', 's3', 'n']);
    expect(names(addStage(d, { id: 'n', name: 'New', index: 1 }))).toEqual(['s1', 'n', 's2', 's3']);
    expect(names(addStage(d, { id: 'n', name: 'New', index: -5 }))).toEqual(['n', 's1', 's2', 's3']);
    expect(names(addStage(d, { id: 'n', name: 'New', index: 99 }))).toEqual(['s1', 's2', 's3', 'n']);
    const added = addStage(d, { name: 'Generated id', description: 'why' });
    expect(added.stages[3]).toMatchObject({ name: 'Generated id', description: 'why', notes: '' });
    expectValid(added);
  });

  it('refuses an id in use, a bad colour and an overlong name', () => {
    const d = fixture();
    expect(addStage(d, { id: 's1', name: 'Dup' })).toBe(d);
    expect(addStage(d, { id: 't1', name: 'Dup of a card id' })).toBe(d);
    expect(addStage(d, { name: 'x', color: 'red' })).toBe(d);
    expect(addStage(d, { name: 'x'.repeat(501) })).toBe(d);
  });

  it('renames, and returns the same doc when the name is the same', () => {
    const d = fixture();
    const r = renameStage(d, 's2', 'Deux');
    expect(r.stages[1]?.name).toBe('Deux');
    expect(r.stages[0]).toBe(d.stages[0]);
    expect(renameStage(d, 's2', 'Two')).toBe(d);
    expect(renameStage(d, 'missing', 'x')).toBe(d);
  });

  it('updates colour, notes and loops; null clears', () => {
    const d = fixture();
    const u = updateStage(d, 's3', { color: '#112233', notes: 'say this', loopsTo: 's1' });
    expect(u.stages[2]).toMatchObject({ color: '#112233', notes: 'say this', loopsTo: 's1' });
    const cleared = updateStage(u, 's3', { color: null, loopsTo: null });
    expect('color' in cleared.stages[2]!).toBe(false);
    expect('loopsTo' in cleared.stages[2]!).toBe(false);
    expectValid(cleared);
  });

  it('only loops back to an earlier stage', () => {
    const d = fixture();
    expect(updateStage(d, 's1', { loopsTo: 's3' })).toBe(d);
    expect(updateStage(d, 's2', { loopsTo: 's2' })).toBe(d);
    expect(updateStage(d, 's2', { loopsTo: 'ghost' })).toBe(d);
    expect(updateStage(d, 's2', { color: '#zzzzzz' })).toBe(d);
  });

  it('moves a stage, cards travel with it', () => {
    const d = fixture();
    const m = moveStage(d, 's1', 2);
    expect(names(m)).toEqual(['s2', 's3', 's1']);
    expect(m.cards).toBe(d.cards);
    expect(moveStage(d, 's1', 0)).toBe(d);
    expect(moveStage(d, 'ghost', 1)).toBe(d);
    expect(names(moveStage(d, 's3', -10))).toEqual(['s3', 's1', 's2']);
  });

  it('drops a loop that a move would make point forward', () => {
    const d = updateStage(fixture(), 's3', { loopsTo: 's2' });
    // The looping stage moved before its target.
    const a = moveStage(d, 's3', 0);
    expect(a.stages.find((s) => s.id === 's3')?.loopsTo).toBeUndefined();
    expectValid(a);
    // The target moved after the looping stage.
    const b = moveStage(d, 's2', 2);
    expect(b.stages.find((s) => s.id === 's3')?.loopsTo).toBeUndefined();
    expectValid(b);
    // A move that keeps the target earlier keeps the loop.
    const c = moveStage(d, 's2', 0);
    expect(c.stages.find((s) => s.id === 's3')?.loopsTo).toBe('s2');
  });

  it('deleting a stage removes its cards, the arrows to them and pain links to its touchpoints', () => {
    const d = fixture();
    const r = deleteStage(d, 's1');
    expect(names(r)).toEqual(['s2', 's3']);
    expect(r.cards.map((c) => c.id).sort()).toEqual(['p2', 'u1', 'x1']);
    expect(r.connections).toEqual([]);
    expectValid(r);

    const r2 = deleteStage(d, 's2');
    expect(r2.cards.some((c) => c.id === 'x1' || c.id === 'p2')).toBe(false);
    expect(r2.connections.map((k) => k.id)).toEqual(['c2']);
    // Cards of other stages keep their identity.
    expect(card(r2, 't1')).toBe(card(d, 't1'));
    expect(deleteStage(d, 'ghost')).toBe(d);
  });

  it('deleting the stage a loop points to drops the loop', () => {
    const d = updateStage(fixture(), 's3', { loopsTo: 's1' });
    const r = deleteStage(d, 's1');
    expect(r.stages.find((s) => s.id === 's3')?.loopsTo).toBeUndefined();
    expectValid(r);
  });

  it('a pain card in another stage loses its link when its touchpoint stage goes', () => {
    const d = addCard(fixture(), { id: 'x2', stageId: 's3', laneId: 'lx', touchpointId: 'p1' });
    const r = deleteStage(d, 's1');
    const pain = card(r, 'x2');
    expect(pain.kind === 'pain' && pain.touchpointId).toBe(undefined);
    expect(pain.order).toBe(0);
    expectValid(r);
  });
});
