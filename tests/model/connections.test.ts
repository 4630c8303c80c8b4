// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addConnection, deleteConnection, updateConnectionLabel } from '../../src/model/operations';
import { expectValid, fixture } from './helpers';

describe('connections', () => {
  it('draws an arrow between two cards', () => {
    const d = fixture();
    const r = addConnection(d, { id: 'c3', from: 'p2', to: 't3', label: 'calls back' });
    expect(r.connections[2]).toEqual({ id: 'c3', from: 'p2', to: 't3', label: 'calls back' });
    expect(addConnection(d, { from: 'p2', to: 'p1' }).connections).toHaveLength(3);
    expectValid(r);
  });

  it('refuses self arrows, duplicates, missing cards and taken ids', () => {
    const d = fixture();
    expect(addConnection(d, { from: 't1', to: 't1' })).toBe(d);
    expect(addConnection(d, { from: 'p1', to: 'p2' })).toBe(d);
    expect(addConnection(d, { from: 'p1', to: 'ghost' })).toBe(d);
    expect(addConnection(d, { from: 'ghost', to: 'p1' })).toBe(d);
    expect(addConnection(d, { id: 't2', from: 't3', to: 'p1' })).toBe(d);
  });

  it('relabels and deletes', () => {
    const d = fixture();
    expect(updateConnectionLabel(d, 'c1', 'next').connections[0]?.label).toBe('next');
    expect(updateConnectionLabel(d, 'c1', 'then')).toBe(d);
    expect(updateConnectionLabel(d, 'c1', 'x'.repeat(501))).toBe(d);
    expect(updateConnectionLabel(d, 'ghost', 'x')).toBe(d);
    expect(deleteConnection(d, 'c1').connections.map((k) => k.id)).toEqual(['c2']);
    expect(deleteConnection(d, 'ghost')).toBe(d);
  });
});
