// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHANNELS } from '../../src/model/channels';
import { buildMap, createMap } from '../../src/model/factory';
import { mapViolations } from '../../src/model/invariants';
import { CURRENT_SCHEMA_VERSION, JourneyMapSchema } from '../../src/model/schema';
import { T0 } from './helpers';

describe('createMap', () => {
  it('makes a valid, empty map with the default channels', () => {
    const d = createMap({ title: 'Mine' }, T0);
    expect(d).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, title: 'Mine', description: '', direction: 'ltr', createdAt: T0, updatedAt: T0 });
    expect(d.channels).toEqual(DEFAULT_CHANNELS);
    expect(d.channels[0]).not.toBe(DEFAULT_CHANNELS[0]);
    expect(JourneyMapSchema.parse(d)).toEqual(d);
  });

  it('takes stage names, lanes and a direction', () => {
    const d = createMap({ title: 'سفر', direction: 'rtl', stages: ['یک', { name: 'دو', color: '#123456' }], lanes: [{ kind: 'emotion', title: 'احساس' }] });
    expect(d.direction).toBe('rtl');
    expect(d.stages.map((s) => s.name)).toEqual(['یک', 'دو']);
    expect(d.stages[1]).toMatchObject({ color: '#123456' });
    expect(d.lanes[0]).toMatchObject({ kind: 'emotion', title: 'احساس' });
    expect(new Set([d.id, ...d.stages.map((s) => s.id), ...d.lanes.map((l) => l.id)]).size).toBe(4);
    expect(typeof d.createdAt).toBe('string');
  });
});

describe('buildMap', () => {
  const base = { title: 'bp', stages: [{ key: 'a', name: 'A' }, { key: 'b', name: 'B' }], lanes: [{ key: 'l', kind: 'pain' as const, title: 'P' }] };

  it('orders cards by their place in the list, per cell', () => {
    const d = buildMap({ ...base, cards: [{ stage: 'a', lane: 'l', text: '1' }, { stage: 'b', lane: 'l' }, { stage: 'a', lane: 'l', text: '2' }] });
    expect(d.cards.map((c) => [c.text, c.order])).toEqual([['1', 0], ['', 0], ['2', 1]]);
    expect(d.cards[0]).toMatchObject({ kind: 'pain', severity: 'medium' });
    expect(mapViolations(d)).toEqual([]);
  });

  it('throws on blueprint mistakes, which are programming errors', () => {
    expect(() => buildMap({ ...base, cards: [{ stage: 'zz', lane: 'l' }] })).toThrow(/unknown key "zz"/);
    expect(() => buildMap({ ...base, stages: [{ key: 'a', name: 'A', loopsTo: 'b' }, { key: 'b', name: 'B' }] })).toThrow(/stages\[0\]\.loopsTo: model\.invariant\.loopNotBack/);
    expect(() => buildMap({ ...base, stages: [{ key: 'a', name: 'A' }, { key: 'a', name: 'B' }] })).toThrow(/used twice/);
    const lanes = [...base.lanes, { key: 't', kind: 'text' as const, title: 'T' }];
    const painAtText = [{ key: 'c', stage: 'a', lane: 't' }, { stage: 'a', lane: 'l', touchpoint: 'c' }];
    expect(() => buildMap({ ...base, lanes, cards: painAtText })).toThrow(/touchpointId: model\.invariant\.touchpointMissing/);
  });
});
