import { expect } from 'vitest';
import { createMap } from '../../src/model/factory';
import { mapViolations } from '../../src/model/invariants';
import { addCard, addConnection, addLane, addStage, cardsInCell } from '../../src/model/operations';
import { JourneyMapSchema, type JourneyMap } from '../../src/model/schema';

export const T0 = '2024-01-01T00:00:00.000Z';

/** Frozen all the way down, so an operation that mutates its input throws (ESM is strict). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function expectValid(doc: JourneyMap): void {
  expect(mapViolations(doc)).toEqual([]);
  expect(JourneyMapSchema.safeParse(doc).success).toBe(true);
}

/** Card ids of a cell, in order. */
export function cell(doc: JourneyMap, stageId: string, laneId: string): string[] {
  return cardsInCell(doc, stageId, laneId).map((c) => c.id);
}

export function card(doc: JourneyMap, id: string) {
  const found = doc.cards.find((c) => c.id === id);
  if (!found) throw new Error(`no card ${id}`);
  return found;
}

/**
 * Stages s1 s2 s3; lanes: lt (text), lp (touchpoints), lx (pain), lt2 (text).
 * s1/lt: t1 t2 t3; s1/lp: p1; s2/lp: p2; s2/lx: x1 (felt at p2); s3/lt2: u1.
 * Arrows: c1 p1→p2, c2 t1→p1. Built with the operations under test, frozen.
 */
export function fixture(): JourneyMap {
  let d = createMap({ title: 'Fixture' }, T0);
  for (const [id, name] of [['s1', 'One'], ['s2', 'Two'], ['s3', 'Three']] as const) d = addStage(d, { id, name });
  d = addLane(d, { id: 'lt', kind: 'text', title: 'Actions' });
  d = addLane(d, { id: 'lp', kind: 'touchpoint', title: 'Touchpoints' });
  d = addLane(d, { id: 'lx', kind: 'pain', title: 'Pain' });
  d = addLane(d, { id: 'lt2', kind: 'text', title: 'Thoughts' });
  for (const id of ['t1', 't2', 't3']) d = addCard(d, { id, stageId: 's1', laneId: 'lt', text: id });
  d = addCard(d, { id: 'p1', stageId: 's1', laneId: 'lp', channel: 'phone' });
  d = addCard(d, { id: 'p2', stageId: 's2', laneId: 'lp', channel: 'email' });
  d = addCard(d, { id: 'x1', stageId: 's2', laneId: 'lx', touchpointId: 'p2', severity: 'high' });
  d = addCard(d, { id: 'u1', stageId: 's3', laneId: 'lt2', text: 'hmm' });
  d = addConnection(d, { id: 'c1', from: 'p1', to: 'p2', label: 'then' });
  d = addConnection(d, { id: 'c2', from: 't1', to: 'p1' });
  if (d.cards.length !== 7 || d.connections.length !== 2) throw new Error('fixture did not build');
  return deepFreeze(d);
}
