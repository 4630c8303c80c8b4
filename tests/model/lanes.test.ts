// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addLane, deleteLane, moveLane, renameLane, setLaneKind } from '../../src/model/operations';
import { expectValid, fixture } from './helpers';

const ids = (d: ReturnType<typeof fixture>) => d.lanes.map((l) => l.id);

describe('lanes', () => {
  it('adds a lane of a kind, at an index', () => {
    const d = fixture();
    const a = addLane(d, { id: 'k', kind: 'kpi', title: 'KPIs', index: 0 });
    expect(ids(a)).toEqual(['k', 'lt', 'lp', 'lx', 'lt2']);
    expect(a.lanes[0]).toEqual({ id: 'k', kind: 'kpi', title: 'KPIs' });
    expect(addLane(d, { id: 'lt', kind: 'kpi', title: 'dup' })).toBe(d);
    expect(addLane(d, { kind: 'nonsense' as 'kpi', title: 'bad' })).toBe(d);
    expectValid(a);
  });

  it('renames and moves', () => {
    const d = fixture();
    expect(renameLane(d, 'lp', 'Channels').lanes[1]?.title).toBe('Channels');
    expect(renameLane(d, 'lp', 'Touchpoints')).toBe(d);
    expect(renameLane(d, 'ghost', 'x')).toBe(d);
    expect(ids(moveLane(d, 'lt', 3))).toEqual(['lp', 'lx', 'lt2', 'lt']);
    expect(moveLane(d, 'lt', 0)).toBe(d);
    expect(moveLane(d, 'ghost', 0)).toBe(d);
  });

  it('changes the kind of an empty lane only', () => {
    const d = fixture();
    expect(setLaneKind(d, 'lt', 'kpi')).toBe(d);
    const empty = addLane(d, { id: 'e', kind: 'text', title: 'Oops' });
    expect(setLaneKind(empty, 'e', 'emotion').lanes.find((l) => l.id === 'e')?.kind).toBe('emotion');
  });

  it('deleting a lane removes its cards, arrows to them and pain links to its touchpoints', () => {
    const d = fixture();
    const r = deleteLane(d, 'lp');
    expect(r.cards.map((c) => c.id).sort()).toEqual(['t1', 't2', 't3', 'u1', 'x1']);
    expect(r.connections).toEqual([]);
    const pain = r.cards.find((c) => c.id === 'x1');
    expect(pain?.kind === 'pain' && pain.touchpointId).toBeUndefined();
    expectValid(r);
    expect(deleteLane(d, 'ghost')).toBe(d);
  });
});
