// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  cardsInCell,
  linkPersona,
  setChannelTarget,
  setDescription,
  setDirection,
  setTitle,
  touch,
  unlinkPersona,
  updateMapMeta,
} from '../../src/model/operations';
import { expectValid, fixture, T0 } from './helpers';

describe('map-level operations', () => {
  it('sets title, description and direction', () => {
    const d = fixture();
    expect(setTitle(d, 'New').title).toBe('New');
    expect(setTitle(d, 'Fixture')).toBe(d);
    expect(setTitle(d, 'x'.repeat(501))).toBe(d);
    expect(setDescription(d, 'Why').description).toBe('Why');
    expect(updateMapMeta(d, { title: 'A', description: 'B' })).toMatchObject({ title: 'A', description: 'B' });
    expect(setDirection(d, 'rtl').direction).toBe('rtl');
    expect(setDirection(d, 'ltr')).toBe(d);
  });

  it('edits a channel response target for this map only', () => {
    const d = fixture();
    const r = setChannelTarget(d, 'email', { responseTargetMinutes: 8 * 60 });
    expect(r.channels.find((c) => c.id === 'email')?.responseTargetMinutes).toBe(480);
    expect(d.channels.find((c) => c.id === 'email')?.responseTargetMinutes).toBe(1440);
    expect(setChannelTarget(d, 'email', { responseTargetMinutes: -1 })).toBe(d);
    expect(setChannelTarget(d, 'email', { responseTargetMinutes: 1440 })).toBe(d);
    const without = { ...d, channels: d.channels.filter((c) => c.id !== 'zalo') };
    const added = setChannelTarget(without, 'zalo', { responseTargetMinutes: 30 });
    expect(added.channels.find((c) => c.id === 'zalo')).toMatchObject({ name: 'Zalo', responseTargetMinutes: 30 });
    expectValid(added);
  });

  it('links personas once', () => {
    const d = fixture();
    const l = linkPersona(d, 'kevin');
    expect(l.personaIds).toEqual(['kevin']);
    expect(linkPersona(l, 'kevin')).toBe(l);
    expect(linkPersona(d, '')).toBe(d);
    expect(unlinkPersona(l, 'kevin').personaIds).toEqual([]);
    expect(unlinkPersona(d, 'kevin')).toBe(d);
  });

  it('operations leave updatedAt alone; touch stamps it', () => {
    const d = fixture();
    expect(setTitle(d, 'x').updatedAt).toBe(T0);
    expect(touch(d, new Date('2025-02-03T04:05:06.000Z')).updatedAt).toBe('2025-02-03T04:05:06.000Z');
    expect(touch(d, T0)).toBe(d);
  });

  it('lists the cards of a cell in order', () => {
    expect(cardsInCell(fixture(), 's1', 'lt').map((c) => c.order)).toEqual([0, 1, 2]);
    expect(cardsInCell(fixture(), 's3', 'lp')).toEqual([]);
  });
});
