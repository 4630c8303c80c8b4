// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMap } from '../../src/model/factory';
import { addLane, addStage, addedCardIds, cardsInCell, pasteCards } from '../../src/model/operations';
import type { Card } from '../../src/model/schema';
import { cell, expectValid, fixture, T0 } from './helpers';

function target() {
  let d = createMap({ title: 'Other map' }, T0);
  d = addStage(d, { id: 'a', name: 'A' });
  d = addLane(d, { id: 'text', kind: 'text', title: 'Notes' });
  d = addLane(d, { id: 'tps', kind: 'touchpoint', title: 'Touchpoints' });
  d = addLane(d, { id: 'pains', kind: 'pain', title: 'Pains' });
  return d;
}

describe('pasteCards', () => {
  it('pastes copies into another map, remapping arrows and pain links among them', () => {
    const src = fixture();
    const picked = src.cards.filter((c) => ['t1', 'p1', 'p2', 'x1'].includes(c.id));
    const d = target();
    const r = pasteCards(d, picked, src.connections, { stageId: 'a', laneId: 'tps' });
    const added = addedCardIds(d, r);
    expect(added).toHaveLength(4);
    expect(added.some((id) => src.cards.some((c) => c.id === id))).toBe(false);
    expect(cardsInCell(r, 'a', 'tps').map((c) => c.text)).toEqual(['', '']);
    const [tp1, tp2] = cell(r, 'a', 'tps');
    const [t1] = cell(r, 'a', 'text');
    expect(cardsInCell(r, 'a', 'pains')[0]).toMatchObject({ touchpointId: tp2 });
    expect(r.connections.map((k) => [k.from, k.to, k.label])).toEqual([
      [tp1, tp2, 'then'],
      [t1, tp1, ''],
    ]);
    expectValid(r);
  });

  it('drops a pain link to a touchpoint that was not pasted and is not in the map', () => {
    const src = fixture();
    const r = pasteCards(target(), src.cards.filter((c) => c.id === 'x1'), [], { stageId: 'a', laneId: 'pains' });
    expect(cardsInCell(r, 'a', 'pains')[0]).not.toHaveProperty('touchpointId');
    expectValid(r);
  });

  it('within the same map: keeps pain links to existing touchpoints, inserts at the index', () => {
    const d = fixture();
    const r = pasteCards(d, d.cards.filter((c) => c.id === 'x1' || c.id === 't3'), [], { stageId: 's1', laneId: 'lt', index: 0 });
    expect(cell(r, 's1', 'lt').slice(1)).toEqual(['t1', 't2', 't3']);
    expect(cardsInCell(r, 's1', 'lx')[0]).toMatchObject({ touchpointId: 'p2' });
    expectValid(r);
  });

  it('leaves out cards with no lane of their kind, and invalid clipboard content', () => {
    const d = target();
    const kpi = { id: 'k', kind: 'kpi', stageId: 'x', laneId: 'y', order: 0, text: '', metric: 'nps', value: 1, target: 2, unit: '' } as Card;
    const junk = { id: 'j', kind: 'text', order: -1 } as unknown as Card;
    expect(pasteCards(d, [kpi, junk], [], { stageId: 'a', laneId: 'text' })).toBe(d);
    expect(pasteCards(d, [], [], { stageId: 'a', laneId: 'text' })).toBe(d);
    expect(pasteCards(d, fixture().cards, [], { stageId: 'ghost', laneId: 'text' })).toBe(d);
  });
});
